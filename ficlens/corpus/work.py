"""Analysing one work of a corpus: metadata in, a time limit around it, every failure caught.

`analyse` never raises for a bad work: it returns an `Outcome` whose ``error``
says what went wrong and at which ``stage`` (read, decode, analyse, timeout).
Metadata columns of a corpus fill the work's `WorkMeta` before the analysis, so
ficlens only infers what the corpus leaves out.
"""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ficlens import analyze_document
from ficlens.corpus.sources import WorkItem
from ficlens.errors import FiclensError
from ficlens.ingest import document_from_text, load_bytes
from ficlens.model import Document
from ficlens.tokens import count_tokens

LIST_FIELDS = ("authors", "fandoms", "warnings", "category", "relationships", "characters", "additional_tags")
TEXT_FIELDS = ("title", "rating", "summary", "language")
_COLUMN_FIELDS = {
    "title": "title", "author": "authors", "authors": "authors", "creator": "authors", "creators": "authors",
    "rating": "rating", "ratings": "rating", "category": "category", "categories": "category",
    "fandom": "fandoms", "fandoms": "fandoms", "relationship": "relationships", "relationships": "relationships",
    "pairing": "relationships", "pairings": "relationships", "character": "characters", "characters": "characters",
    "additional tags": "additional_tags", "freeform": "additional_tags", "freeforms": "additional_tags",
    "tags": "additional_tags", "warning": "warnings", "warnings": "warnings", "archive warnings": "warnings",
    "archive warning": "warnings", "summary": "summary", "language": "language",
}  # fmt: skip


class WorkTimeout(Exception):
    """Raised inside a work's analysis when its time limit is exceeded."""


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    """What every work of a run is analysed with (picklable: it travels to worker processes)."""

    roster: tuple[dict[str, Any], ...] | None = None
    fandom: str | None = None
    time_limit: float | None = 120.0
    encoding: str | None = None

    def fingerprint(self) -> dict[str, Any]:
        """The options that change an analysis (a run into an existing output must match them)."""
        return {"roster": list(self.roster) if self.roster else None, "fandom": self.fandom, "encoding": self.encoding}


@dataclass(slots=True)
class Outcome:
    """What became of one work: its JSON analysis, or an error with its stage."""

    item: WorkItem
    analysis: dict[str, Any] | None = None
    stage: str | None = None
    error: str | None = None
    error_type: str | None = None
    seconds: float = 0.0
    cpu: float = 0.0
    tokens: int = 0
    given: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return self.error is None


def meta_field(column: str) -> str | None:
    """The `WorkMeta` field a corpus column fills (``"additional tags"`` -> ``additional_tags``), or None."""
    return _COLUMN_FIELDS.get(" ".join(str(column).replace("_", " ").replace("-", " ").lower().split()))


def split_list(value: Any) -> list[str]:
    """A list-valued tag field from a corpus cell: a JSON list, or AO3's comma-separated tags."""
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if text.startswith("[") and text.endswith("]"):
        import ast
        import json

        for parse in (json.loads, ast.literal_eval):
            try:
                parsed = parse(text)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                continue
            if isinstance(parsed, list):
                return [str(v).strip() for v in parsed if str(v).strip()]
    return [t.strip() for t in text.split(",") if t.strip()]


def apply_meta(doc: Document, meta: dict[str, Any]) -> set[str]:
    """Fill ``doc.meta`` from corpus columns; return the `WorkMeta` fields the input gave."""
    wm = doc.meta
    for column, value in meta.items():
        name = meta_field(column)
        if name in LIST_FIELDS:
            setattr(wm, name, split_list(value))
        elif name in TEXT_FIELDS:
            setattr(wm, name, ", ".join(split_list(value)) if isinstance(value, list) else str(value))
        else:
            wm.extra[str(column)] = value
    return {f for f in (*LIST_FIELDS, *TEXT_FIELDS) if getattr(wm, f)}


_RETRY = 0.01  # seconds to wait when the limit falls inside an import or a lock


def _unsafe(frame, stop) -> bool:
    """Whether raising here could break the interpreter's state: inside an import, or threading/logging code.

    Only the frames above ``stop`` (the frame that set the limit) count.
    """
    while frame is not None and frame is not stop:
        name = frame.f_code.co_filename
        if name.startswith("<frozen importlib") or name.endswith(("threading.py", "logging/__init__.py", "queue.py")):
            return True
        frame = frame.f_back
    return False


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `WorkTimeout` in this thread once ``seconds`` have passed (no limit if falsy).

    In a process's main thread this is SIGALRM (it also interrupts a long regular
    expression); in other threads (Dask workers) a timer thread raises the
    exception asynchronously at the next Python instruction. Either waits a few
    milliseconds more while the thread is inside an import or a lock, where an
    exception would leave a lock held (and the next import hanging).
    """
    if not seconds:
        yield
        return
    stop = sys._getframe(2)  # the caller of ``with time_limit(...)`` (1 is contextlib's __enter__)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def _alarm(signum, frame):
            if _unsafe(frame, stop):
                signal.setitimer(signal.ITIMER_REAL, _RETRY)
                return
            raise WorkTimeout()

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    ident = threading.get_ident()
    lock = threading.Lock()
    state: dict = {"done": False, "timer": None}

    def _arm(delay: float) -> None:
        timer = threading.Timer(delay, _fire)
        timer.daemon = True
        state["timer"] = timer
        timer.start()

    def _fire() -> None:
        with lock:
            if state["done"]:
                return
            if _unsafe(sys._current_frames().get(ident), stop):
                _arm(_RETRY)
                return
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(WorkTimeout))

    with lock:
        _arm(seconds)
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            state["timer"].cancel()
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)


def _load(item: WorkItem, options: AnalysisOptions) -> Document:
    if item.text is not None:
        doc = document_from_text(item.text, path=item.id)
    else:
        doc = load_bytes(item.data or b"", path=item.id, encoding=options.encoding)
    doc.source.path = item.id
    return doc


_warm = False


def warm_up() -> None:
    """Analyse a tiny story once, untimed, so that no lazy import runs under a time limit."""
    global _warm
    if not _warm:
        _warm = True
        try:
            analyze_document(document_from_text('"Hi," said Ann.\n\n"Hello, Ann," Bob answered. He smiled.\n'))
        except Exception:
            pass


def analyse(item: WorkItem, options: AnalysisOptions) -> Outcome:
    """Analyse one work; every failure becomes an `Outcome` with ``error`` set."""
    if options.time_limit:
        warm_up()
    out = Outcome(item=item)
    t0, c0 = time.perf_counter(), time.thread_time()
    stage = "read"
    try:
        if item.error is not None:
            raise _ReadError(item.error)
        with time_limit(options.time_limit):
            stage = "decode"
            doc = _load(item, options)
            out.given = apply_meta(doc, item.meta)
            stage = "analyse"
            roster = [dict(r) for r in options.roster] if options.roster else None
            analysis = analyze_document(doc, characters=roster, fandom=options.fandom)
            out.analysis = analysis.to_dict(include_text=True)
            out.tokens = count_tokens(doc.text)
    except WorkTimeout:
        out.stage, out.error_type = "timeout", "WorkTimeout"
        out.error = f"the analysis took longer than the time limit of {options.time_limit:g} s"
    except _ReadError as exc:
        out.stage, out.error, out.error_type = "read", str(exc), "InputError"
    except FiclensError as exc:
        out.stage, out.error, out.error_type = stage, exc.message, type(exc).__name__
    except RecursionError:
        out.stage, out.error, out.error_type = stage, "the work is nested too deeply to analyse", "RecursionError"
    except MemoryError:
        out.stage, out.error, out.error_type = stage, "out of memory while analysing this work", "MemoryError"
    except Exception as exc:
        out.stage, out.error_type = stage, type(exc).__name__
        out.error = f"internal error: {' '.join(str(exc).split())[:300]}"
    out.seconds = time.perf_counter() - t0
    out.cpu = time.thread_time() - c0
    if out.error is not None:
        out.analysis = None
    return out


class _ReadError(Exception):
    pass
