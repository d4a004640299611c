"""Calibrated confidence for a speaker attribution, by the rule that decided it.

The confidence of a quote's speaker is the accuracy that rule has when measured:
the table in ``ficlens/data/confidence.json`` is written by
``benchmarks/calibrate.py`` from LitBank's annotated quotations (CC BY 4.0), and
the calibration is then checked on PDNC by ``ficlens eval pdnc`` (reliability
table in docs/benchmarks.md). Rules that were never seen in the calibration data
fall back to the overall accuracy.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def table() -> dict[str, float]:
    raw = resources.files("ficlens").joinpath("data/confidence.json").read_text(encoding="utf-8")
    return {k: float(v) for k, v in json.loads(raw)["accuracy"].items()}


def for_rule(rule: str) -> float:
    t = table()
    return round(t.get(rule, t["_overall"]), 3)
