"""A pool of local worker processes that survives its workers: hangs and crashes included.

Each worker takes one chunk at a time over a pipe. It counts its finished works
in memory it shares with the parent, so the parent always knows which work a
worker is on, and sends their reports in batches (every `REPORT_EVERY` seconds
and with the chunk's result), so the parent wakes a few times a second rather
than once a work. A worker whose count stays still past ``stall_limit`` seconds
(a work beyond its time limit, stuck where the in-process limit cannot reach it)
is killed, as is one that dies: the work it was on is reported lost, the rest of
its chunk is queued again, and a fresh worker takes its place. The batch goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from multiprocessing import forkserver
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

import ficlens
from ficlens.corpus.job import Chunk

Task = Callable[[Chunk, Any, Callable[[Any], None]], Any]
REPORT_EVERY = 0.2  # seconds between a worker's batches of work reports
YOUNG_COLLECTION = 10_000  # allocations between the collector's passes over a worker's young objects


def _context():
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["ficlens", "ficlens.corpus.job"])
        _start_forkserver()
    return ctx


def _start_forkserver() -> None:
    """Start the fork server (once per process) on the parent's ficlens. It is a new interpreter
    whose sys.path would begin with the working folder (Python 3.11 does not pass the parent's):
    run from a folder holding another `ficlens`, the workers would import that one."""
    root = str(Path(ficlens.__file__).resolve().parent.parent)
    env = {"PYTHONSAFEPATH": "1", "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        forkserver.ensure_running()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _collect_young_objects_less_often() -> None:
    """A work's objects mostly die together when it ends: collecting them every 700 allocations (the default) walked
    them again and again for little (1.3% of the instructions of a 1,000-word work's analysis)."""
    gc.set_threshold(YOUNG_COLLECTION, *gc.get_threshold()[1:])


def _freeze_long_lived() -> None:
    """Keep what is alive now (modules, lexicons, caches) out of the collector's full passes,
    which would otherwise walk it again and again for the rest of the run."""
    gc.collect()
    gc.freeze()


class _Reports:
    """A worker's reports of finished works: counted in shared memory at once, sent in batches."""

    def __init__(self, conn, done) -> None:
        self.conn, self.done = conn, done
        self.pending: list[Any] = []
        self.sent = time.monotonic()

    def __call__(self, report: Any) -> None:
        self.pending.append(report)
        self.done.value += 1
        if time.monotonic() - self.sent >= REPORT_EVERY:
            self.send("work", None)

    def send(self, kind: str, payload: Any) -> None:
        """Send ``(kind, pending reports, payload)``: a batch of reports, and what ends a chunk."""
        self.conn.send((kind, self.pending, payload))
        self.pending = []
        self.sent = time.monotonic()


def _worker_main(conn, done, task: Task, context: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the workers
    _collect_young_objects_less_often()
    frozen = False
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        reports = _Reports(conn, done)
        try:
            result = task(chunk, context, reports)
        except BaseException as exc:
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            reports.send("fail", " ".join(detail.split())[:500])
        else:
            reports.send("chunk", result)
        if not frozen:  # after the first chunk, everything the analysis loads lazily is loaded
            _freeze_long_lived()
            frozen = True


class _Worker:
    def __init__(self, mp, task: Task, context: Any) -> None:
        self.conn, child = mp.Pipe()
        self.counter = mp.RawValue("q", 0)  # works of its chunk the worker has finished
        self.proc = mp.Process(target=_worker_main, args=(child, self.counter, task, context), daemon=True)
        self.proc.start()
        child.close()
        self.chunk: Chunk | None = None
        self.done = 0
        self.since = 0.0

    def assign(self, chunk: Chunk) -> None:
        self.chunk, self.done, self.since = chunk, 0, time.monotonic()
        self.counter.value = 0
        self.conn.send(chunk)

    def progressed(self, now: float) -> None:
        """Read the worker's count: the work it is on, and when it last finished one."""
        done = self.counter.value
        if done != self.done:
            self.done, self.since = done, now

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(timeout=2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=2)
        self.conn.close()


class _Chunks:
    """The chunks still to run: those to retry first, then the source's, one of which is read ahead."""

    def __init__(self, chunks: Iterator[Chunk]) -> None:
        self.retry: deque[Chunk] = deque()
        self.source = iter(chunks)
        self.ahead: Chunk | None = None
        self.exhausted = False

    def read_ahead(self) -> None:
        """Read the source's next chunk while the workers are busy, so that a worker set free need not wait for it."""
        if self.ahead is None and not self.exhausted:
            self.ahead = next(self.source, None)
            self.exhausted = self.ahead is None

    def next(self) -> Chunk | None:
        if self.retry:
            return self.retry.popleft()
        self.read_ahead()
        chunk, self.ahead = self.ahead, None
        return chunk


def run_local(
    chunks: Iterator[Chunk],
    task: Task,
    context: Any,
    workers: int,
    on_work: Callable[[Any], None],
    on_chunk: Callable[[Chunk, Any], None],
    on_lost: Callable[[Chunk, str, str], None],
    stall_limit: float | None = None,
) -> None:
    """Run ``task`` over every chunk on ``workers`` processes.

    ``on_work`` gets each work event, ``on_chunk`` each finished chunk's result;
    ``on_lost(chunk, reason, stage)`` gets works that could not be run (the work a killed
    worker was on, or a chunk whose task raised), to be recorded as failed.
    """
    mp = _context()
    pool = [_Worker(mp, task, context) for _ in range(workers)]
    todo = _Chunks(chunks)

    def lost(w: _Worker, reason: str, stage: str = "worker") -> None:
        chunk = w.chunk
        assert chunk is not None
        w.chunk = None
        w.progressed(time.monotonic())
        culprit = chunk.items[w.done : w.done + 1]
        if culprit:
            on_lost(replace(chunk, part=f"{chunk.part}-lost{chunk.attempt}", items=culprit), reason, stage)
        rest = chunk.items[: w.done] + chunk.items[w.done + 1 :]
        if rest and (culprit or chunk.attempt < 1):
            todo.retry.append(Chunk(f"{chunk.part}-r{chunk.attempt + 1}", rest, chunk.attempt + 1))
        elif rest:
            on_lost(replace(chunk, items=rest), reason, "worker")
        w.stop(kill=True)
        pool[pool.index(w)] = _Worker(mp, task, context)

    try:
        while True:
            for w in pool:
                if w.chunk is None:
                    chunk = todo.next()
                    if chunk is None:
                        break
                    w.assign(chunk)
            busy = [w for w in pool if w.chunk is not None]
            if not busy:
                return
            todo.read_ahead()
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=0.5))
            now = time.monotonic()
            for w in busy:
                if w.conn in ready:
                    try:
                        while w.chunk is not None and w.conn.poll():
                            kind, reports, payload = w.conn.recv()
                            for report in reports:
                                on_work(report)
                            if kind == "chunk":
                                chunk, w.chunk = w.chunk, None
                                on_chunk(chunk, payload)
                            elif kind == "fail":
                                chunk, w.chunk = w.chunk, None
                                on_lost(chunk, f"the worker failed: {payload}", "worker")
                    except (EOFError, OSError):
                        pass
                if w.chunk is not None:
                    w.progressed(now)
                if w.chunk is not None and not w.proc.is_alive():
                    lost(w, f"the worker process died (exit code {w.proc.exitcode})")
                elif w.chunk is not None and stall_limit and now - w.since > stall_limit:
                    lost(w, f"the analysis took longer than {stall_limit:g} s; its worker was stopped", "timeout")
    finally:
        for w in pool:
            w.stop(kill=w.chunk is not None)
