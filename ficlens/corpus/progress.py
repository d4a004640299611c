"""Progress of a corpus run: a rich progress bar on a terminal, plain log lines otherwise.

Both show works done of the total, works per second, tokens per second, the
failures so far and the time left. Works skipped because an earlier run did them
count toward the total but not toward the rates.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class RunStats:
    """Counts of a run so far."""

    total: int = 0
    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    tokens: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def done(self) -> int:
        return self.analysed + self.failed + self.skipped

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    @property
    def works_per_second(self) -> float:
        return (self.analysed + self.failed) / self.elapsed

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.elapsed

    @property
    def eta(self) -> float | None:
        rate = self.works_per_second
        left = max(self.total - self.done, 0)
        return left / rate if rate > 0 else None


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-:--:--"
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def describe(stats: RunStats) -> str:
    """One line: ``120/1,000 works (12%), 480 works/s, 560,000 tokens/s, 2 failed, ETA 0:00:02``."""
    pct = 100 * stats.done / stats.total if stats.total else 100.0
    return (
        f"{stats.done:,}/{stats.total:,} works ({pct:.0f}%), {stats.works_per_second:,.0f} works/s, "
        f"{stats.tokens_per_second:,.0f} tokens/s, {stats.failed:,} failed, ETA {_clock(stats.eta)}"
    )


class Display:
    """No display (the library's default)."""

    def update(self, stats: RunStats) -> None:
        pass

    def close(self, stats: RunStats) -> None:
        pass


class LogDisplay(Display):
    """A log line every ``interval`` seconds, and one at the end."""

    def __init__(self, stream: TextIO | None = None, interval: float = 5.0, prefix: str = "ficlens batch: ") -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self.prefix = prefix
        self._last = time.monotonic()

    def update(self, stats: RunStats) -> None:
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            print(self.prefix + describe(stats), file=self.stream, flush=True)

    def close(self, stats: RunStats) -> None:
        print(self.prefix + describe(stats), file=self.stream, flush=True)


class BarDisplay(Display):
    """A rich progress bar with the rates and the time left."""

    def __init__(self, stream: TextIO | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("[bold]ficlens[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rates]}"),
            console=Console(file=stream or sys.stderr),
            transient=False,
        )
        self._task = self._progress.add_task("works", total=None, rates="")
        self._progress.start()
        self._last = 0.0

    def update(self, stats: RunStats) -> None:
        now = time.monotonic()
        if now - self._last < 0.1:
            return
        self._last = now
        self._show(stats)

    def _show(self, stats: RunStats) -> None:
        rates = (
            f"{stats.works_per_second:,.0f} works/s  {stats.tokens_per_second:,.0f} tokens/s  "
            f"{stats.failed:,} failed  ETA {_clock(stats.eta)}"
        )
        self._progress.update(self._task, total=stats.total, completed=stats.done, rates=rates)

    def close(self, stats: RunStats) -> None:
        self._show(stats)
        self._progress.stop()


def make_display(mode: str = "auto", stream: TextIO | None = None) -> Display:
    """``bar`` (rich), ``log`` (plain lines), ``none``, or ``auto``: a bar on a terminal, else log lines."""
    stream = stream or sys.stderr
    if mode == "auto":
        mode = "bar" if getattr(stream, "isatty", lambda: False)() else "log"
    if mode == "bar":
        return BarDisplay(stream)
    if mode == "log":
        return LogDisplay(stream)
    return Display()
