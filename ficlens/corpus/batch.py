"""`batch`: analyse a corpus into an output folder of JSON analyses and Parquet tables.

The run streams its inputs in chunks to local worker processes (or a Dask
cluster); every chunk is committed as one part of each table. A rerun into the
same folder skips the works it already holds (by content hash), so a run that
was stopped, even by kill -9, resumes where it was and loses only the chunks
in flight. A work that fails becomes a row of the ``errors`` table; the run
goes on.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from ficlens.corpus.job import Chunk, ChunkResult, JobContext, WorkEvent, fail_chunk, run_chunk
from ficlens.corpus.progress import Display, RunStats
from ficlens.corpus.sources import CorpusColumns, count_works, iter_works
from ficlens.corpus.store import Ledger, OutputDir
from ficlens.corpus.work import AnalysisOptions
from ficlens.errors import EXIT_FAILURES, EXIT_OK, UsageError
from ficlens.ingest import DEFAULT_MAX_BYTES

MAX_ERRORS_KEPT = 20


@dataclass
class BatchSummary:
    """What a batch run did. ``exit_code`` is 1 when any work of the inputs failed (now or before)."""

    out: str
    total: int = 0
    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    previously_failed: int = 0
    tokens: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    busy_seconds: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_FAILURES if self.failed or self.previously_failed else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["works_per_second"] = round((self.analysed + self.failed) / self.seconds, 1) if self.seconds else None
        d["tokens_per_second"] = round(self.tokens / self.seconds) if self.seconds else None
        d["tokens_per_cpu_second"] = round(self.tokens / self.cpu_seconds) if self.cpu_seconds else None
        return d


def load_options(characters: object = None, fandom: str | None = None, encoding: str | None = None,
                 time_limit: float | None = 120.0) -> AnalysisOptions:  # fmt: skip
    """Check the analysis options once, before any work is run (a bad roster is a usage error)."""
    import codecs

    from ficlens import fandoms
    from ficlens.roster import coerce_roster

    roster = coerce_roster(characters)
    rows = None
    if roster is not None:
        rows = tuple({"id": c.id, "name": c.name, "aliases": list(c.aliases), "gender": c.gender} for c in roster)
    if fandom is not None:
        found = fandoms.find(fandom)
        if found is None:
            raise UsageError(f"unknown fandom {fandom!r} (see `ficlens fandoms` for the bundled ones)")
        fandom = found.name
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}") from None
    if time_limit is not None and time_limit <= 0:
        time_limit = None
    return AnalysisOptions(roster=rows, fandom=fandom, time_limit=time_limit, encoding=encoding)


def _chunks(items: Iterator, ledger: Ledger, summary: BatchSummary, stats: RunStats, display: Display,
            retry_errors: bool, chunk_works: int, chunk_bytes: int) -> Iterator[Chunk]:  # fmt: skip
    run = f"{int(time.time()):08x}{uuid.uuid4().hex[:6]}"
    seen: set[str] = set()
    buf: list = []
    size = seq = 0
    for item in items:
        key = item.key
        if key in seen or key in ledger.ok or (key in ledger.failed and not retry_errors):
            summary.skipped += 1
            if key in seen:
                summary.duplicates += 1
            elif key in ledger.failed:
                summary.previously_failed += 1
            stats.skipped += 1
            display.update(stats)
            continue
        seen.add(key)
        buf.append(item)
        size += item.size
        if len(buf) >= chunk_works or size >= chunk_bytes:
            yield Chunk(f"{run}-{seq:06d}", buf)
            buf, size, seq = [], 0, seq + 1
    if buf:
        yield Chunk(f"{run}-{seq:06d}", buf)


def batch(
    inputs: list[str],
    out: str | os.PathLike[str],
    *,
    workers: int | None = None,
    dask: Any = None,
    columns: CorpusColumns | None = None,
    characters: object = None,
    fandom: str | None = None,
    encoding: str | None = None,
    time_limit: float | None = 120.0,
    retry_errors: bool = False,
    chunk_works: int = 256,
    chunk_bytes: int = 1 << 19,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fsync: bool = False,
    display: Display | None = None,
) -> BatchSummary:
    """Analyse every work of ``inputs`` into ``out``: JSON per work and Parquet tables.

    Args:
        inputs: files, folders (recursive), globs, zip archives, JSONL/CSV corpora.
        out: the output folder (created; an earlier run's folder is resumed).
        workers: local worker processes (default: one per core); with ``dask``,
            the size of a ``"local"`` cluster.
        dask: None (local processes), ``"local"`` (a Dask LocalCluster), a
            scheduler address, or a ``distributed.Client``.
        columns: the text, id and metadata columns of JSONL/CSV corpora.
        characters, fandom, encoding: as for `ficlens.analyze_file`, for every work.
        time_limit: seconds one work may take before it is recorded as failed.
        retry_errors: analyse again the works an earlier run recorded as failed.
        chunk_works, chunk_bytes: a chunk (one Parquet part) closes at this many
            works or input bytes, whichever comes first.
        fsync: flush every file to disk before it is moved into place (slower;
            only power loss needs it, a killed process does not).
        display: progress display (see `ficlens.corpus.progress.make_display`).
    """
    if not inputs:
        raise UsageError("give at least one input: files, folders, globs, zip archives or JSONL/CSV corpora")
    if workers is not None and workers < 1:
        raise UsageError("--workers must be at least 1")
    options = load_options(characters, fandom, encoding, time_limit)
    columns = columns or CorpusColumns()
    display = display or Display()
    outdir = OutputDir(out)
    summary = BatchSummary(out=str(out))
    t0 = time.monotonic()
    summary.total = count_works(inputs, columns, exclude=out)  # checks every input before DIR is touched
    ledger = outdir.open(options.fingerprint())
    stats = RunStats(total=summary.total)
    try:
        ctx = JobContext(str(outdir.path.resolve()), options, fsync)
        items = iter_works(inputs, columns, max_bytes, exclude=out)
        chunks = _chunks(items, ledger, summary, stats, display, retry_errors, chunk_works, chunk_bytes)

        def on_work(event: WorkEvent) -> None:
            if event.ok:
                summary.analysed += 1
            else:
                summary.failed += 1
                if len(summary.errors) < MAX_ERRORS_KEPT:
                    summary.errors.append({"id": event.id, "reason": event.reason or ""})
            summary.tokens += event.tokens
            stats.analysed, stats.failed, stats.tokens = summary.analysed, summary.failed, summary.tokens
            display.update(stats)

        def on_chunk(chunk: Chunk, result: ChunkResult) -> None:
            summary.cpu_seconds += result.cpu
            summary.busy_seconds += result.wall

        def on_chunk_events(chunk: Chunk, result: ChunkResult) -> None:
            on_chunk(chunk, result)
            for event in result.events:
                on_work(event)

        def on_lost(chunk: Chunk, reason: str, stage: str) -> None:
            on_chunk_events(chunk, fail_chunk(chunk, ctx, reason, stage))

        if dask is not None:
            from ficlens.corpus.cluster import run_dask

            run_dask(chunks, run_chunk, ctx, dask, workers, on_chunk_events, on_lost)
        else:
            from ficlens.corpus.pool import run_local

            stall = None if options.time_limit is None else 2 * options.time_limit + 30
            run_local(chunks, run_chunk, ctx, workers or os.cpu_count() or 1, on_work, on_chunk, on_lost, stall)
        summary.seconds = time.monotonic() - t0
        outdir.ensure_tables()
        outdir.write_manifest(options.fingerprint(), summary.to_dict())
    finally:
        display.close(stats)
        outdir.close()
    return summary
