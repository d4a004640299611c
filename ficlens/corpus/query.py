"""The SQL behind `Library`'s filters, full-text search and speaker lines.

Filters compare normal forms (`libschema.norm`): a fandom, character or
relationship member matches a tag equal to it or containing it as whole words
("Sherlock" matches "Sherlock (TV)"; "Derek/Mark" matches "Derek Shepherd/Mark
Sloan", in either order; "/" only matches romantic and "&" platonic pairings).
A search text is tried as an FTS5 query first, then as plain words.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from ficlens.corpus.libschema import norm, split_relationship
from ficlens.errors import UsageError

_LIST_COLUMNS = {"authors", "fandoms", "warnings", "category", "relationships", "characters", "additional_tags"}
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_CONTAINS = "instr(' ' || {col} || ' ', ?) > 0"


def summary(row: sqlite3.Row) -> dict[str, Any]:
    """A works row as a dict, its list columns parsed."""
    return {k: (json.loads(row[k]) if k in _LIST_COLUMNS and row[k] is not None else row[k]) for k in row.keys() if k not in ("id", "analysis")}


def _words(value: str) -> str:
    return f" {value} "


def filters(fandom: str | None, relationship: str | None, character: str | None, category: str | None) -> tuple[str, list[Any]]:
    """A WHERE clause over ``works w`` for the facet filters, and its parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if fandom:
        n = norm(fandom)
        conds.append(f"w.id IN (SELECT work FROM tags WHERE type = 'fandom' AND (norm = ? OR {_CONTAINS.format(col='norm')}))")
        params += [n, _words(n)]
    if category:
        conds.append("w.id IN (SELECT work FROM tags WHERE type = 'category' AND norm = ?)")
        params.append(norm(category))
    if character:
        n = norm(character)
        conds.append(
            f"w.id IN (SELECT work FROM tags WHERE type = 'character' AND (norm = ? OR {_CONTAINS.format(col='norm')})"
            " UNION SELECT work FROM character_names WHERE norm = ?)"
        )
        params += [n, _words(n), n]
    if relationship:
        kind, names = split_relationship(relationship)
        if not names:
            raise UsageError(f"cannot read the relationship {relationship!r} (write it as A/B or A & B)")
        a, b = _CONTAINS.format(col="a"), _CONTAINS.format(col="b")
        sql = "w.id IN (SELECT work FROM tags WHERE type = 'relationship'"
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        if len(names) >= 2:
            sql += f" AND (({a} AND {b}) OR ({b} AND {a})))"
            params += [_words(names[0]), _words(names[1]), _words(names[0]), _words(names[1])]
        else:
            sql += f" AND ({a} OR {b}))"
            params += [_words(names[0])] * 2
        conds.append(sql)
    return (" AND ".join(conds) or "1"), params


def fts_queries(text: str) -> list[str]:
    """The FTS5 queries to try for a search text: as written, then as quoted plain words."""
    words = _WORD.findall(text)
    plain = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    return [q for q in dict.fromkeys([text.strip(), plain]) if q]


def _run(db: sqlite3.Connection, text: str, sql: str, before: list[Any], after: list[Any]) -> tuple[list[sqlite3.Row], str]:
    error: Exception | None = None
    for q in fts_queries(text):
        try:
            return db.execute(sql, [*before, q, *after]).fetchall(), q
        except sqlite3.OperationalError as exc:
            error = exc
    if error is None:
        return [], ""
    raise UsageError(f"cannot search for {text!r} ({error})")


def search_works(db: sqlite3.Connection, text: str, flt: tuple, limit: int, offset: int, mark: tuple[str, str]) -> list[dict[str, Any]]:
    """Ranked works for a search text, each with ``score`` and ``snippet``."""
    from ficlens.corpus.library import SUMMARY_COLUMNS

    where, params = filters(*flt)
    cols = ", ".join(SUMMARY_COLUMNS)
    if not text.strip():
        sql = f"SELECT id, {cols} FROM works w WHERE {where} ORDER BY title COLLATE NOCASE, work_id LIMIT ? OFFSET ?"
        return [summary(r) | {"score": None, "snippet": None} for r in db.execute(sql, [*params, limit, offset])]
    # "+rowid": the filter is checked on each match; offered to FTS5 as a rowid constraint, it would
    # run the full-text query once per allowed work (seconds, for a filter that allows thousands)
    restrict = "" if where == "1" else f" AND +rowid IN (SELECT id FROM works w WHERE {where})"
    sql = f"SELECT rowid, rank FROM works_fts WHERE works_fts MATCH ?{restrict} ORDER BY rank LIMIT ? OFFSET ?"
    ranked, q = _run(db, text, sql, [], [*params, limit, offset])
    if not ranked:
        return []
    ids = [r[0] for r in ranked]
    marks = ",".join("?" * len(ids))
    snippets = dict(db.execute(
        f"SELECT rowid, snippet(works_fts, -1, ?, ?, '\u2026', 24) FROM works_fts WHERE works_fts MATCH ? AND rowid IN ({marks})",
        [mark[0], mark[1], q, *ids]).fetchall())  # fmt: skip
    works = {r["id"]: summary(r) for r in db.execute(f"SELECT id, {cols} FROM works WHERE id IN ({marks})", ids)}
    return [works[i] | {"score": round(s, 4), "snippet": snippets.get(i)} for i, s in ranked]


def speaker_lines(db: sqlite3.Connection, speaker: str, text: str | None, flt: tuple, limit: int, offset: int) -> list[dict[str, Any]]:
    """Quotes whose speaker goes by ``speaker`` (a name, an alias, or one word of them), matching ``text`` if given."""
    where, params = filters(*flt)
    n = norm(speaker)
    if not n:
        raise UsageError("--speaker needs a name")
    sql = (
        "SELECT q.id, w.work_id, w.title, q.quote_id, q.start, q.\"end\", q.text, q.speaker, q.speaker_name,"
        " q.confidence, q.type FROM quotes q JOIN works w ON w.id = q.work"
        f" WHERE (q.work, q.speaker) IN (SELECT work, character_id FROM character_names WHERE norm = ?) AND {where}"
    )
    order = " ORDER BY q.id LIMIT ? OFFSET ?"  # works in the order they were indexed, lines in story order
    if text and text.strip():
        rows, _ = _run(db, text, sql + " AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)" + order,
                       [n, *params], [limit, offset])  # fmt: skip
    else:
        rows = db.execute(sql + order, [n, *params, limit, offset]).fetchall()
    return [{k: r[k] for k in r.keys() if k != "id"} for r in rows]
