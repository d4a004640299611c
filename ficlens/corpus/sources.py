"""Where works come from: files, folders, globs, zip archives and JSONL/CSV corpora.

`iter_works` streams `WorkItem`s one at a time, so a corpus of any size is read
with bounded memory; `count_works` makes a cheap first pass for the progress bar
and checks every input before a run starts. A work that cannot be read (an
unreadable file, a bad JSON line, a zip member too large) is still yielded, with
``error`` set, so that it becomes an error record instead of stopping the run.

A work's ``id`` is its path as found (``stories/a.txt``), ``archive.zip!inner/b.txt``
for a zip member, or the value of the corpus's id column (``path#row`` without one).
"""

from __future__ import annotations

import csv
import functools
import glob
import gzip
import hashlib
import io
import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ficlens.errors import InputError, UsageError
from ficlens.ingest import DEFAULT_MAX_BYTES, read_bytes

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
ARCHIVE_SUFFIXES = (".zip",)
DEFAULT_TEXT_COLUMNS = ("body", "text", "content", "story", "chapter_text")
DEFAULT_ID_COLUMNS = ("work_id", "id", "work id", "url")
_SURROGATE = re.compile("[\udc80-\udcff]")
_KEY_PREFIX = b"ficlens.batch/1\0"


@dataclass(frozen=True, slots=True)
class CorpusColumns:
    """Which columns of a JSONL/CSV corpus hold the text, the id and the metadata.

    ``text`` None: the first of body, text, content, story. ``id`` None: work_id or id
    (else the row number). ``meta`` None: every other column; otherwise only these.
    """

    text: str | None = None
    id: str | None = None
    meta: tuple[str, ...] | None = None


@dataclass(slots=True)
class WorkItem:
    """One work to analyse: its bytes (files) or text (corpus rows), metadata and key."""

    id: str
    source: str
    kind: str = "file"  # file | member | row
    member: str | None = None
    data: bytes | None = None
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    key: str = ""

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else len(self.text or "")


def work_key(item: WorkItem) -> str:
    """The content hash a work is known by: of its bytes, and of its id and metadata for corpus rows."""
    h = hashlib.sha256(_KEY_PREFIX)
    if item.kind == "row" or item.meta:
        h.update(json.dumps([item.id if item.kind == "row" else None, item.meta], sort_keys=True, default=str).encode())
    h.update(b"\0")
    if item.error is not None:
        h.update(b"unreadable\0" + item.id.encode("utf-8", "surrogatepass"))
    elif item.data is not None:
        h.update(item.data)
    else:
        h.update((item.text or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def _kind(path: str) -> str:
    name = path.lower()
    name = name.removesuffix(".gz")
    if name.endswith(CORPUS_SUFFIXES):
        return "corpus"
    if name.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    return "file"


def _inside(path: str, exclude: str | None) -> bool:
    """Whether ``path`` is the excluded output (a folder, or a database and its -wal/-shm files)."""
    if exclude is None:
        return False
    return path == exclude or path.startswith(exclude + os.sep) or path in (exclude + "-wal", exclude + "-shm", exclude + "-journal")


def _walk(root: str, exclude: str | None) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not _inside(os.path.abspath(os.path.join(dirpath, d)), exclude))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if not name.startswith(".") and not _inside(os.path.abspath(path), exclude):
                yield os.path.normpath(path)


def iter_paths(inputs: list[str], exclude: str | os.PathLike[str] | None = None) -> Iterator[str]:
    """Every input file: files as given, folders walked recursively (hidden entries skipped), globs expanded."""
    ex = os.path.abspath(exclude) if exclude is not None else None
    for raw in inputs:
        if os.path.isdir(raw):
            yield from _walk(raw, ex)
        elif os.path.exists(raw):
            yield os.path.normpath(raw)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise InputError(f"{raw}: no file matches this pattern")
            for m in matches:
                if _inside(os.path.abspath(m), ex):
                    continue
                if os.path.isdir(m):
                    yield from _walk(m, ex)
                else:
                    yield os.path.normpath(m)
        else:
            raise InputError(f"{raw}: no such file or folder")


def iter_works(
    inputs: list[str],
    columns: CorpusColumns = CorpusColumns(),
    max_bytes: int = DEFAULT_MAX_BYTES,
    exclude: str | os.PathLike[str] | None = None,
) -> Iterator[WorkItem]:
    """Stream the works of every input, each with its key computed."""
    for path in iter_paths(inputs, exclude):
        kind = _kind(path)
        if kind == "corpus":
            items = _iter_corpus(path, columns)
        elif kind == "archive":
            items = _iter_zip(path, max_bytes)
        else:
            items = iter([_file_item(path, max_bytes)])
        for item in items:
            item.key = work_key(item)
            yield item


def count_works(inputs: list[str], columns: CorpusColumns = CorpusColumns(), exclude: str | os.PathLike[str] | None = None) -> int:
    """How many works the inputs hold (a fast pass; corpus headers are checked here)."""
    total = 0
    for path in iter_paths(inputs, exclude):
        kind = _kind(path)
        try:
            if kind == "archive":
                with zipfile.ZipFile(path) as zf:
                    total += sum(1 for info in zf.infolist() if _story_member(info))
            elif kind == "corpus" and _is_csv(path):
                with _open_text(path) as fh:
                    reader = csv.reader(fh, delimiter=_delimiter(path))
                    header = next(reader, None)
                    _check_header(path, header or [], columns)
                    total += sum(1 for _ in reader)
            elif kind == "corpus":
                with _open_binary(path) as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
        except (OSError, zipfile.BadZipFile, csv.Error, EOFError):
            total += 1  # reported as an error record when the run reaches it
    return total


def _file_item(path: str, max_bytes: int) -> WorkItem:
    try:
        return WorkItem(id=path, source=path, data=read_bytes(path, max_bytes))
    except InputError as exc:
        return WorkItem(id=path, source=path, error=exc.message)


def _story_member(info: zipfile.ZipInfo) -> bool:
    name = info.filename
    base = name.rstrip("/").rsplit("/", 1)[-1]
    return not info.is_dir() and not base.startswith(".") and not name.startswith("__MACOSX/")


def _iter_zip(path: str, max_bytes: int) -> Iterator[WorkItem]:
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        yield WorkItem(id=path, source=path, error=f"not a readable zip archive ({exc})")
        return
    with zf:
        for info in sorted((i for i in zf.infolist() if _story_member(i)), key=lambda i: i.filename):
            item = WorkItem(id=f"{path}!{info.filename}", source=path, kind="member", member=info.filename)
            if info.file_size > max_bytes:
                item.error = f"{info.file_size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.0f} MB limit for one story"
            else:
                try:
                    with zf.open(info) as fh:
                        data = fh.read(max_bytes + 1)
                    if len(data) > max_bytes:
                        item.error = f"larger than the {max_bytes / 1e6:.0f} MB limit for one story"
                    else:
                        item.data = data
                except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, ValueError) as exc:
                    item.error = f"cannot read this archive member ({exc})"
            yield item


# -- JSONL and CSV corpora ---------------------------------------------------------------


def _is_csv(path: str) -> bool:
    return path.lower().removesuffix(".gz").endswith((".csv", ".tsv"))


def _delimiter(path: str) -> str:
    return "\t" if path.lower().removesuffix(".gz").endswith(".tsv") else ","


def _open_binary(path: str):
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def _open_text(path: str):
    return io.TextIOWrapper(_open_binary(path), encoding="utf-8-sig", errors="surrogateescape", newline="")


def _resolve(row_keys, wanted: str | None, defaults: tuple[str, ...]) -> str | None:
    lowered = {str(k).strip().lower(): k for k in row_keys}
    for name in (wanted,) if wanted else defaults:
        if name in row_keys:
            return name
        if name.strip().lower() in lowered:
            return lowered[name.strip().lower()]
    return None


def _check_header(path: str, header: list[str], columns: CorpusColumns) -> None:
    if _resolve(header, columns.text, DEFAULT_TEXT_COLUMNS) is None:
        want = columns.text or " or ".join(DEFAULT_TEXT_COLUMNS[:4])
        raise UsageError(f"{path}: no text column {want!r} in the header (name it with --text-column)")
    if columns.id and _resolve(header, columns.id, ()) is None:
        raise UsageError(f"{path}: no id column {columns.id!r} in the header")


def _iter_corpus(path: str, columns: CorpusColumns) -> Iterator[WorkItem]:
    rows = _csv_rows(path) if _is_csv(path) else _jsonl_rows(path)
    try:
        for n, row, error in rows:
            if error is not None:
                yield WorkItem(id=f"{path}#{n}", source=path, kind="row", member=str(n), error=error)
            else:
                yield _row_item(row, path, n, columns)
    except (OSError, EOFError, csv.Error) as exc:
        yield WorkItem(id=f"{path}#end", source=path, kind="row", error=f"cannot read the rest of the corpus ({exc})")


def _jsonl_rows(path: str) -> Iterator[tuple[int, dict | None, str | None]]:
    with _open_binary(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except UnicodeDecodeError:
                yield n, None, "this line is not valid UTF-8"
                continue
            except json.JSONDecodeError as exc:
                yield n, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(row, dict):
                yield n, None, "a corpus line must be a JSON object"
                continue
            yield n, row, None


def _csv_rows(path: str) -> Iterator[tuple[int, dict | None, str | None]]:
    csv.field_size_limit(2**31 - 1)
    with _open_text(path) as fh:
        reader = csv.DictReader(fh, delimiter=_delimiter(path))
        for n, row in enumerate(reader, 1):
            if None in row:
                yield n, None, "this row has more fields than the header"
                continue
            yield n, row, None


def _has_escaped_bytes(text: str) -> bool:
    """Whether ``text`` holds bytes that were not UTF-8 (surrogate escapes); encoding is twice as fast as the search."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.search(text) is not None
    return False


@functools.lru_cache(maxsize=256)
def _row_columns(keys: tuple[str, ...], columns: CorpusColumns) -> tuple[str | None, str | None, frozenset[str] | None]:
    """The text, id and wanted metadata columns of rows with these keys (found once, not a row at a time)."""
    wanted = None if columns.meta is None else frozenset(m.strip().lower() for m in columns.meta)
    return _resolve(keys, columns.text, DEFAULT_TEXT_COLUMNS), _resolve(keys, columns.id, DEFAULT_ID_COLUMNS), wanted


def _row_item(row: dict, path: str, n: int, columns: CorpusColumns) -> WorkItem:
    text_key, id_key, wanted = _row_columns(tuple(row), columns)
    raw_id = row.get(id_key) if id_key else None
    wid = f"{path}#{n}" if raw_id in (None, "") else str(raw_id)
    item = WorkItem(id=wid, source=path, kind="row", member=str(n))
    for k, v in row.items():
        if k == text_key or v in (None, "", [], {}):
            continue
        if wanted is not None and k != id_key and str(k).strip().lower() not in wanted:
            continue
        item.meta[str(k)] = v
    text = row.get(text_key) if text_key else None
    if text_key is None:
        item.error = f"no text column ({columns.text or 'body, text, content or story'}; name it with --text-column)"
    elif not isinstance(text, str):
        item.error = f"the text column {text_key!r} holds no text"
    elif _has_escaped_bytes(text):
        item.error = "the text is not valid UTF-8"
    else:
        item.text = text
    if _SURROGATE.search("".join(v for v in item.meta.values() if isinstance(v, str))):
        item.error = item.error or "the metadata is not valid UTF-8"
        item.meta = {k: (v.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if isinstance(v, str) else v) for k, v in item.meta.items()}
    return item

