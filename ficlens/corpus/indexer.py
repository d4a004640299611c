"""`index`: add works to a `Library`, from story inputs (analysed on the fly) or batch output folders.

A batch output folder's JSON analyses are reused as they are. Story inputs are
read like `batch` reads them and analysed on local worker processes; the one
writer (this process) adds each chunk of works in one transaction. A work whose
id the library already holds with the same content key is left as it is; one
whose content changed is replaced.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ficlens.corpus.batch import MAX_ERRORS_KEPT, load_options
from ficlens.corpus.job import Chunk, WorkEvent, analyse_chunk
from ficlens.corpus.library import Library
from ficlens.corpus.progress import Display, RunStats
from ficlens.corpus.sources import CorpusColumns, count_works, iter_works
from ficlens.corpus.store import committed_works, is_batch_output
from ficlens.corpus.tables import json_relpath
from ficlens.errors import EXIT_FAILURES, EXIT_OK, UsageError
from ficlens.ingest import DEFAULT_MAX_BYTES


@dataclass
class IndexSummary:
    """What an index run did; ``exit_code`` is 1 when any work failed."""

    db: str
    total: int = 0
    indexed: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_FAILURES if self.failed else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Run:
    def __init__(self, lib: Library, summary: IndexSummary, display: Display, force: bool) -> None:
        self.lib, self.summary, self.display, self.force = lib, summary, display, force
        self.stats = RunStats(total=summary.total)

    def fail(self, wid: str, reason: str) -> None:
        self.summary.failed += 1
        self.stats.failed += 1
        if len(self.summary.errors) < MAX_ERRORS_KEPT:
            self.summary.errors.append({"id": wid, "reason": reason})

    def unchanged(self, wid: str, key: str) -> bool:
        if not self.force and self.lib.key_of(wid) == key:
            self.summary.unchanged += 1
            self.stats.skipped += 1
            self.display.update(self.stats)
            return True
        return False

    def add(self, d: dict, wid: str, key: str) -> None:
        self.lib.add(d, wid, key=key, force=True)
        self.summary.indexed += 1
        self.stats.analysed += 1
        self.display.update(self.stats)


def _index_batch_output(run: _Run, folder: Path, commit_every: int) -> None:
    works = sorted(committed_works(folder).items())
    for start in range(0, len(works), commit_every):
        with run.lib.transaction():
            for wid, key in works[start : start + commit_every]:
                if run.unchanged(wid, key):
                    continue
                try:
                    d = json.loads((folder / json_relpath(key)).read_text(encoding="utf-8"))
                    run.add(d, wid, key)
                except (OSError, ValueError, KeyError) as exc:
                    run.fail(wid, f"cannot read its analysis from {folder} ({exc})")
                except Exception as exc:
                    run.fail(wid, getattr(exc, "message", str(exc)))


def _chunks(items: Iterator, run: _Run, chunk_works: int, chunk_bytes: int) -> Iterator[Chunk]:
    buf: list = []
    size = seq = 0
    for item in items:
        if run.unchanged(item.id, item.key):
            continue
        buf.append(item)
        size += item.size
        if len(buf) >= chunk_works or size >= chunk_bytes:
            yield Chunk(f"{seq:06d}", buf)
            buf, size, seq = [], 0, seq + 1
    if buf:
        yield Chunk(f"{seq:06d}", buf)


def index(
    inputs: list[str],
    db: str | os.PathLike[str],
    *,
    workers: int | None = None,
    columns: CorpusColumns | None = None,
    characters: object = None,
    fandom: str | None = None,
    encoding: str | None = None,
    time_limit: float | None = 120.0,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_works: int = 128,
    chunk_bytes: int = 1 << 19,
    display: Display | None = None,
) -> IndexSummary:
    """Add the works of ``inputs`` to the library ``db`` (created if needed).

    ``inputs`` are story files, folders, globs, zip archives, JSONL/CSV corpora
    (analysed with the analysis options, as by `batch`) or batch output folders
    (their analyses reused). ``force`` replaces works even when unchanged.
    """
    if not inputs:
        raise UsageError("give at least one input: story files, folders, corpora or batch output folders")
    options = load_options(characters, fandom, encoding, time_limit)
    columns = columns or CorpusColumns()
    display = display or Display()
    outputs = [Path(i) for i in inputs if os.path.isdir(i) and is_batch_output(i)]
    stories = [i for i in inputs if not (os.path.isdir(i) and is_batch_output(i))]
    summary = IndexSummary(db=str(db))
    t0 = time.monotonic()
    summary.total = (count_works(stories, columns, exclude=db) if stories else 0) + sum(len(committed_works(o)) for o in outputs)
    with Library(db, readonly=False) as lib:
        run = _Run(lib, summary, display, force)
        try:
            _index_all(run, outputs, stories, columns, options, workers, max_bytes, chunk_works, chunk_bytes)
        finally:
            summary.seconds = time.monotonic() - t0
            display.close(run.stats)
    return summary


def _index_all(run: _Run, outputs: list[Path], stories: list[str], columns: CorpusColumns, options, workers: int | None,
               max_bytes: int, chunk_works: int, chunk_bytes: int) -> None:  # fmt: skip
    """Index the batch outputs (their analyses reused), then the stories (analysed on worker processes)."""
    lib, display, db = run.lib, run.display, run.summary.db
    for folder in outputs:
        _index_batch_output(run, folder, 200)
    if not stories:
        return
    from ficlens.corpus.pool import run_local

    def on_work(event: WorkEvent) -> None:
        run.stats.tokens += event.tokens
        if not event.ok:
            run.fail(event.id, event.reason or "")
        display.update(run.stats)

    def on_chunk(chunk: Chunk, results: list) -> None:
        with lib.transaction():
            for item, d, _reason in results:
                if d is not None:
                    run.add(d, item.id, item.key)

    def on_lost(chunk: Chunk, reason: str, stage: str) -> None:
        for item in chunk.items:
            run.fail(item.id, f"{stage}: {reason}")

    items = iter_works(stories, columns, max_bytes, exclude=db)
    stall = None if options.time_limit is None else 2 * options.time_limit + 30
    run_local(_chunks(items, run, chunk_works, chunk_bytes), analyse_chunk, options,
              workers or os.cpu_count() or 1, on_work, on_chunk, on_lost, stall)  # fmt: skip
