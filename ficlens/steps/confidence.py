"""Calibrated confidence for a speaker attribution.

A quote whose tag names its speaker gets the measured accuracy of that rule. Any
other quote was decided by the conversation decoder, which gives the posterior
probability of its speaker; that probability is mapped through a calibration
curve (measured accuracy against posterior, by bins) so that of the quotes given
0.8, about 80% are right. A rule measured on enough lines has a curve of its own
(a line in the same paragraph as a named one is right more often than an untagged
line at the same posterior); the others share the curve of all decoded lines.
All are written to ``ficlens/data/confidence.json`` by ``benchmarks/calibrate.py``
from LitBank's annotated quotations (CC BY 4.0) and the team's fan fiction;
``ficlens eval`` reports the calibration on other corpora (docs/benchmarks.md).
"""

from __future__ import annotations

import bisect
import json
from functools import cache
from importlib import resources


@cache
def _data() -> dict:
    raw = resources.files("ficlens").joinpath("data/confidence.json").read_text(encoding="utf-8")
    return json.loads(raw)


def table() -> dict[str, float]:
    return {k: float(v) for k, v in _data()["accuracy"].items()}


def for_rule(rule: str) -> float:
    t = table()
    return round(t.get(rule, t["_overall"]), 3)


@cache
def _curve(rule: str | None = None) -> tuple[list[float], list[float]]:
    """The calibration curve of ``rule``, or of all decoded lines when it has none of its own."""
    data = _data()
    points = data.get("rule_curves", {}).get(rule) if rule else None
    points = sorted(points or data.get("posterior_curve", [[0.0, 0.0], [1.0, 1.0]]))
    return [p[0] for p in points], [p[1] for p in points]


def calibrate(rule: str, posterior: float) -> float:
    """Confidence of a decoded quote: its posterior through its rule's calibration curve."""
    xs, ys = _curve(rule)
    if posterior <= xs[0]:
        return round(ys[0], 3)
    if posterior >= xs[-1]:
        return round(ys[-1], 3)
    k = bisect.bisect_right(xs, posterior)
    x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
    return round(y0 + (y1 - y0) * (posterior - x0) / (x1 - x0), 3)
