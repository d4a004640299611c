"""`Library`: a SQLite full-text library of analysed works, for search and for a web app.

    >>> with Library("fics.db", readonly=False) as lib:            # doctest: +SKIP
    ...     lib.add(ficlens.analyze_file("story.txt"), work_id="story.txt")
    >>> lib = Library("fics.db")                                   # read-only   # doctest: +SKIP
    >>> lib.search("storm", relationship="Sherlock/John")           # doctest: +SKIP

Writes are transactions (WAL journal), so a crash leaves the library as it was
before the work being added; re-adding a work (same ``work_id``) replaces it.
A read-only `Library` never writes; open one per thread (or per request) in a
web app, and do all writes through one read-write `Library`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from ficlens.analysis import Analysis
from ficlens.corpus import query
from ficlens.corpus.libschema import DELETE_SQL, LIBRARY_SCHEMA, SCHEMA_SQL, name_forms, norm, split_relationship
from ficlens.corpus.tables import TAG_TYPES
from ficlens.errors import InputError, UsageError

_LISTS = ("authors", "fandoms", "warnings", "category", "relationships", "characters", "additional_tags")
SUMMARY_COLUMNS = ("work_id", "work_key", "title", *_LISTS, "rating", "summary", "language", "chars", "words", "chapters", "quotes", "indexed_at")


class Library:
    """A ficlens library (SQLite + FTS5) opened read-only (the default) or read-write.

    Args:
        path: the database file (created when opened read-write).
        readonly: open without write access; the file must exist.
        check_same_thread: passed to `sqlite3.connect` (False lets a read-only
            library be shared by the threads of a server that serialises access).
    """

    def __init__(self, path: str | os.PathLike[str], readonly: bool = True, check_same_thread: bool = True) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._depth = 0
        if readonly:
            if not self.path.is_file():
                raise InputError(f"{self.path}: no such library database (make one with `ficlens index`)")
            uri = f"file:{self.path.resolve().as_posix()}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=check_same_thread)
        else:
            if self.path.is_dir():
                raise UsageError(f"{self.path}: is a folder; give a database file")
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=check_same_thread)
        self.db.row_factory = sqlite3.Row
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise InputError(f"{self.path}: not a ficlens library ({exc})") from None

    def _setup(self) -> None:
        if self.readonly:
            self.db.execute("PRAGMA query_only = 1")
            row = self.db.execute("SELECT value FROM library_meta WHERE key = 'schema'").fetchone()
        else:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.executescript(SCHEMA_SQL)  # idempotent: a crash half-way is completed next time
            self.db.execute("INSERT OR IGNORE INTO library_meta VALUES ('schema', ?)", (LIBRARY_SCHEMA,))
            row = self.db.execute("SELECT value FROM library_meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] != LIBRARY_SCHEMA:
            raise sqlite3.DatabaseError(f"schema {row[0] if row else 'missing'}, expected {LIBRARY_SCHEMA}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction (nested uses join the outer one)."""
        if self.readonly:
            raise UsageError(f"{self.path}: the library is open read-only")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._depth = 0

    # -- writing ---------------------------------------------------------------------

    def key_of(self, work_id: str) -> str | None:
        """The content key the library holds for ``work_id``, or None."""
        row = self.db.execute("SELECT work_key FROM works WHERE work_id = ?", (work_id,)).fetchone()
        return None if row is None else row[0]

    def add(self, analysis: Analysis | dict[str, Any], work_id: str | None = None, *, key: str | None = None,
            text: str | None = None, force: bool = False) -> bool:  # fmt: skip
        """Add a work, replacing the one with the same ``work_id``; return False if it was already there unchanged.

        Args:
            analysis: an `Analysis`, or its ``ficlens.analysis/1`` document.
            work_id: the work's id in the library (default: ``source.path``, else the key).
            key: the content key (default: ``source.sha256``); an unchanged key is not re-added.
            text: the story text, when the document does not carry ``source.text``.
            force: replace the work even when its key is unchanged.
        """
        d = analysis.to_dict(include_text=True) if isinstance(analysis, Analysis) else dict(analysis)
        source = dict(d["source"])
        text = text if text is not None else source.pop("text", None)
        source.pop("text", None)
        if text is None:
            raise InputError("the analysis carries no story text (pass text=, or analyse with include_text=True)")
        key = key or source.get("sha256") or ""
        work_id = work_id or source.get("path") or key
        with self.transaction():
            row = self.db.execute("SELECT id, work_key FROM works WHERE work_id = ?", (work_id,)).fetchone()
            if row is not None:
                if row["work_key"] == key and not force:
                    return False
                self.remove(work_id)
            self._insert(d | {"source": source}, work_id, key, text)
        return True

    def remove(self, work_id: str) -> bool:
        """Remove a work and all its rows; return whether it was there."""
        with self.transaction():
            row = self.db.execute("SELECT id FROM works WHERE work_id = ?", (work_id,)).fetchone()
            if row is None:
                return False
            for sql in DELETE_SQL:
                self.db.execute(sql, {"w": row["id"]})
        return True

    def _insert(self, d: dict[str, Any], work_id: str, key: str, text: str) -> None:
        w = d["work"]
        blob = zlib.compress(json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"), 6)
        cur = self.db.execute(
            "INSERT INTO works(work_id, work_key, title, authors, fandoms, rating, warnings, category, relationships,"
            " characters, additional_tags, summary, language, chars, words, chapters, quotes, analysis, indexed_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (work_id, key, w.get("title"), *(json.dumps(w.get(f) or [], ensure_ascii=False) for f in _LISTS[:2]),
             w.get("rating"), *(json.dumps(w.get(f) or [], ensure_ascii=False) for f in _LISTS[2:]), w.get("summary"),
             w.get("language"), len(text), len(text.split()), len(d["structure"]["chapters"]), len(d["quotes"]), blob,
             datetime.now(UTC).isoformat(timespec="seconds")),
        )  # fmt: skip
        wid = cur.lastrowid
        tags = []
        for fld, tag_type in TAG_TYPES.items():
            value = w.get(fld)
            for tag in [value] if isinstance(value, str) else value or []:
                kind, names = split_relationship(tag) if tag_type == "relationship" else (None, [])
                a, b = (names + [None, None])[:2] if tag_type == "relationship" else (None, None)
                tags.append((wid, tag_type, tag, norm(tag), kind, a, b))
        self.db.executemany("INSERT INTO tags VALUES (?,?,?,?,?,?,?)", tags)
        tag_text = " ; ".join(t[2] for t in tags)
        self.db.execute("INSERT INTO works_fts(rowid, title, tags, text) VALUES (?,?,?,?)", (wid, w.get("title") or "", tag_text, text))
        names = {c["id"]: c["name"] for c in d["characters"]}
        self.db.executemany("INSERT INTO characters VALUES (?,?,?,?,?,?,?,?)", [
            (wid, c["id"], c["name"], json.dumps(c["aliases"], ensure_ascii=False), c["gender"], c["mentions"], c["quotes"], int(c["on_page"]))
            for c in d["characters"]])  # fmt: skip
        self.db.executemany("INSERT INTO character_names VALUES (?,?,?)", sorted({
            (wid, c["id"], form) for c in d["characters"] for form in name_forms([c["name"], *c["aliases"]])}))  # fmt: skip
        self.db.executemany("INSERT INTO relationships VALUES (?,?,?,?,?,?,?,?)", [
            (wid, r["characters"][0], r["characters"][1], names.get(r["characters"][0]), names.get(r["characters"][1]),
             r["kind"], r["tag"], r["score"]) for r in d["relationships"]])  # fmt: skip
        self.db.executemany("INSERT INTO quotes VALUES (NULL,?,?,?,?,?,?,?,?,?,?)", [
            (wid, q["id"], q["start"], q["end"], q["text"], q["speaker"], names.get(q["speaker"]),
             json.dumps(q["addressees"]), q["confidence"], q["type"]) for q in d["quotes"]])  # fmt: skip
        self.db.execute("INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes WHERE work = ?", (wid,))

    # -- reading ---------------------------------------------------------------------

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM works").fetchone()[0]

    def work(self, work_id: str) -> dict[str, Any] | None:
        """One work's summary (title, tags, counts), or None."""
        row = self.db.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM works WHERE work_id = ?", (work_id,)).fetchone()
        return None if row is None else query.summary(row)

    def analysis(self, work_id: str, include_text: bool = False) -> dict[str, Any] | None:
        """One work's full ``ficlens.analysis/1`` document (with ``source.text`` if asked), or None."""
        row = self.db.execute("SELECT id, analysis FROM works WHERE work_id = ?", (work_id,)).fetchone()
        if row is None:
            return None
        d = json.loads(zlib.decompress(row["analysis"]).decode("utf-8", "surrogatepass"))
        if include_text:
            d["source"]["text"] = self._text(row["id"])
        return d

    def text(self, work_id: str) -> str | None:
        """One work's story text (what every offset of its analysis points into), or None."""
        row = self.db.execute("SELECT id FROM works WHERE work_id = ?", (work_id,)).fetchone()
        return None if row is None else self._text(row["id"])

    def _text(self, rowid: int) -> str:
        return self.db.execute("SELECT text FROM works_fts WHERE rowid = ?", (rowid,)).fetchone()[0]

    def works(self, *, fandom: str | None = None, relationship: str | None = None, character: str | None = None,
              category: str | None = None, order: str = "title", limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
        """Works matching the filters, as summaries, ordered by ``title``, ``words`` or ``indexed``."""
        where, params = query.filters(fandom, relationship, character, category)
        order_by = {"title": "title COLLATE NOCASE, work_id", "words": "words DESC, work_id", "indexed": "indexed_at DESC, id DESC"}
        if order not in order_by:
            raise UsageError(f"unknown order {order!r} (title, words or indexed)")
        sql = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM works w WHERE {where} ORDER BY {order_by[order]} LIMIT ? OFFSET ?"
        return [query.summary(r) for r in self.db.execute(sql, [*params, limit, offset])]

    def count(self, *, fandom: str | None = None, relationship: str | None = None, character: str | None = None,
              category: str | None = None) -> int:  # fmt: skip
        """How many works match the filters."""
        where, params = query.filters(fandom, relationship, character, category)
        return self.db.execute(f"SELECT count(*) FROM works w WHERE {where}", params).fetchone()[0]

    def facets(self, *, types: tuple[str, ...] = ("fandom", "relationship", "character", "category"), limit: int = 20,
               fandom: str | None = None, relationship: str | None = None, character: str | None = None,
               category: str | None = None) -> dict[str, list[tuple[str, int]]]:  # fmt: skip
        """For each tag type, the commonest tags among the works matching the filters, with their work counts."""
        where, params = query.filters(fandom, relationship, character, category)
        out = {}
        for t in types:
            sql = (f"SELECT min(tag) AS tag, count(DISTINCT work) AS n FROM tags WHERE type = ? AND work IN "
                   f"(SELECT id FROM works w WHERE {where}) GROUP BY norm ORDER BY n DESC, tag LIMIT ?")  # fmt: skip
            out[t] = [(r["tag"], r["n"]) for r in self.db.execute(sql, [t, *params, limit])]
        return out

    def search(self, text: str, *, fandom: str | None = None, relationship: str | None = None,
               character: str | None = None, category: str | None = None, limit: int = 20, offset: int = 0,
               mark: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:  # fmt: skip
        """Works whose title, tags or text match ``text`` (FTS5 syntax, or plain words), best first, with snippets.

        Each hit is a work summary with ``score`` (bm25, lower is better) and
        ``snippet`` (the best passage, matches between the ``mark`` strings).
        """
        return query.search_works(self.db, text, (fandom, relationship, character, category), limit, offset, mark)

    def lines(self, speaker: str, text: str | None = None, *, fandom: str | None = None,
              relationship: str | None = None, character: str | None = None, category: str | None = None,
              limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
        """Lines of dialogue spoken by ``speaker`` (a name or alias), matching ``text`` if given."""
        return query.speaker_lines(self.db, speaker, text, (fandom, relationship, character, category), limit, offset)
