"""`Store`: the web app's one library, shared by its request threads.

A `Library` is one SQLite connection; the app opens it once with
``check_same_thread=False`` and serialises every use with a lock (reads are
quick; an analysis runs outside the lock and only its insert holds it). Without
a database file the library lives in memory, empty and writable, so that
/analyze works and what it adds can be browsed until the server stops.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ficlens.analysis import Analysis
from ficlens.corpus import Library


class Store:
    """The library behind the app.

    Args:
        db: a library file made by ``ficlens index``, or None for an empty one in memory.
        writable: open ``db`` read-write, so that /analyze may add works to it
            (created if missing). The in-memory library is always writable.
    """

    def __init__(self, db: str | None = None, writable: bool = False) -> None:
        self.in_memory = db is None
        self.writable = writable or self.in_memory
        self.label = "an empty library in memory" if db is None else str(db)
        self.lib = Library(":memory:" if db is None else db, readonly=not self.writable, check_same_thread=False)
        self._lock = threading.RLock()

    @contextmanager
    def use(self) -> Iterator[Library]:
        """The library, held for this thread until the block ends."""
        with self._lock:
            yield self.lib

    def add(self, analysis: Analysis, work_id: str) -> None:
        """Add (or replace) one analysed work; the caller checks `writable` first."""
        with self.use() as lib:
            lib.add(analysis, work_id=work_id, force=True)

    def analysis(self, work_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """A work's summary and its analysis document (with ``source.text``), or None."""
        with self.use() as lib:
            summary = lib.work(work_id)
            if summary is None:
                return None
            return summary, lib.analysis(work_id, include_text=True)

    def close(self) -> None:
        with self._lock:
            self.lib.close()
