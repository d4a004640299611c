"""The unit of work of a batch run: a chunk of works, analysed and committed as one part.

`run_chunk` is what a local worker process or a Dask worker runs: it analyses
each work, writes its JSON, and commits the chunk's rows as one part of every
Parquet table (see `ficlens.corpus.store`). It returns a small `ChunkResult`, so
that a cluster sends back counts rather than analyses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ficlens.corpus import store
from ficlens.corpus.sources import WorkItem
from ficlens.corpus.tables import TableBuffer
from ficlens.corpus.work import AnalysisOptions, Outcome, analyse


@dataclass(slots=True)
class Chunk:
    """Works that are analysed together and committed as one part named ``part``."""

    part: str
    items: list[WorkItem]
    attempt: int = 0


@dataclass(frozen=True, slots=True)
class JobContext:
    """What every chunk of a run needs: where to write and how to analyse."""

    out: str
    options: AnalysisOptions
    fsync: bool = False


@dataclass(slots=True)
class WorkEvent:
    """One work done, as reported to the progress display."""

    key: str
    id: str
    ok: bool
    tokens: int
    seconds: float
    reason: str | None = None
    cpu: float = 0.0


@dataclass(slots=True)
class ChunkResult:
    part: str
    events: list[WorkEvent] = field(default_factory=list)
    cpu: float = 0.0  # CPU seconds of the worker thread for the whole chunk, writing included
    wall: float = 0.0  # seconds from the chunk's start to its commit


def _event(o: Outcome) -> WorkEvent:
    return WorkEvent(o.item.key, o.item.id, o.ok, o.tokens, o.seconds, None if o.ok else f"{o.stage}: {o.error}", o.cpu)


def run_chunk(chunk: Chunk, ctx: JobContext, report: Callable[[WorkEvent], None] | None = None) -> ChunkResult:
    """Analyse every work of ``chunk``, write their JSON and commit the chunk's part."""
    c0, t0 = time.thread_time(), time.perf_counter()
    out = Path(ctx.out)
    buffer = TableBuffer()
    result = ChunkResult(chunk.part)
    ok: list[str] = []
    failed: list[str] = []
    for item in chunk.items:
        outcome = analyse(item, ctx.options)
        if outcome.ok:
            store.write_json(out, item.key, outcome.analysis, ctx.fsync)
            ok.append(item.key)
        else:
            failed.append(item.key)
        buffer.add_outcome(outcome)
        event = _event(outcome)
        result.events.append(event)
        if report is not None:
            report(event)
    store.commit_part(out, chunk.part, buffer, ok, failed, ctx.fsync)
    result.cpu, result.wall = time.thread_time() - c0, time.perf_counter() - t0
    return result


def fail_chunk(chunk: Chunk, ctx: JobContext, reason: str, stage: str = "worker") -> ChunkResult:
    """Commit every work of ``chunk`` as failed with ``reason`` (a worker lost, a cluster error)."""
    buffer = TableBuffer()
    result = ChunkResult(chunk.part)
    for item in chunk.items:
        buffer.add_error(item.key, item.id, item.source, item.member, stage, "WorkerError", reason)
        result.events.append(WorkEvent(item.key, item.id, False, 0, 0.0, f"{stage}: {reason}"))
    store.commit_part(Path(ctx.out), chunk.part, buffer, [], [i.key for i in chunk.items], ctx.fsync)
    return result


def analyse_chunk(chunk: Chunk, options: AnalysisOptions, report: Callable[[WorkEvent], None] | None = None) -> list[tuple[WorkItem, dict | None, str | None]]:
    """Analyse every work of ``chunk`` and return the analyses (``ficlens index`` writes them to its library)."""
    results = []
    for item in chunk.items:
        outcome = analyse(item, options)
        event = _event(outcome)
        if report is not None:
            report(event)
        item.data = item.text = None  # the analysis carries the text back
        results.append((item, outcome.analysis, event.reason))
    return results
