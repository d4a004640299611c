"""Measure the confidence table on LitBank and the team's fan fiction, write ficlens/data/confidence.json.

Usage:
    python benchmarks/calibrate.py ../shared/data/litbank benchmarks/fanfic-gold [--out ficlens/data/confidence.json]

A quote whose tag names its speaker gets that rule's accuracy. Every other quote
gets its decoder posterior mapped through a monotone curve: posteriors are
grouped in bins, each bin's accuracy measured, and the bins made non-decreasing
by pooling adjacent violators (isotonic regression). A rule that decided at least
MIN_RULE_LINES lines (both corpora and settings together) gets a curve of its own
("same_paragraph" lines are right more often than "conversation" lines of the same
posterior); the rest share the curve fitted on all decoded lines. Both corpora and both
settings (with the gold character list as roster, and with characters
discovered) are pooled, each corpus weighted equally. LitBank is CC BY 4.0
(Bamman et al.); benchmarks/fanfic-gold was written by the ficlens team.
Nothing from PDNC is used here.

Chat and script lines (rules ``script`` and ``text_message``, `ficlens.steps.chat`) name their
speaker as a tag does. Until the corpora hold MIN_MEASURED of a rule's lines, it gets the measured
accuracy of ``tag_name``; from then on its own, by the rule of succession ((right + 1) / (lines + 2))
(fan-fiction chapter 17 holds 35 ``script`` lines, counted in both settings: 0.986).

The two corpora weigh equally: each decision one over its corpus's size.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ficlens.evaluation.fanfic import read_fanfic
from ficlens.evaluation.litbank import read_litbank
from ficlens.evaluation.run import results
from ficlens.steps import confidence

BINS = 10
NAMED_RULES = ("script", "text_message")  # explicit by their form: a name before the line
MIN_MEASURED = 50
MIN_RULE_LINES = 300


def isotonic(points: list[tuple[float, float, int]]) -> list[list[float]]:
    """Pool adjacent violators over (mean x, accuracy, count) bins; returns [x, y] points."""
    blocks = [[x, y, n] for x, y, n in points if n]
    changed = True
    while changed:
        changed = False
        for i in range(len(blocks) - 1):
            if blocks[i][1] > blocks[i + 1][1]:
                a, b = blocks[i], blocks[i + 1]
                n = a[2] + b[2]
                blocks[i : i + 2] = [[(a[0] * a[2] + b[0] * b[2]) / n, (a[1] * a[2] + b[1] * b[2]) / n, n]]
                changed = True
                break
    return [[round(x, 4), round(y, 4)] for x, y, _ in blocks]


def fit_curve(decisions: list[tuple[float, int, float]]) -> list[list[float]]:
    """The calibration curve of (posterior, correct, weight) decisions: accuracy by bins of
    posterior, made non-decreasing, and held flat out to 0 and 1."""
    points = []
    for b in range(BINS):
        lo, hi = b / BINS, (b + 1) / BINS
        inside = [(p, c, w) for p, c, w in decisions if lo <= p < hi or (b == BINS - 1 and p == 1.0)]
        if inside:
            weight = sum(w for _, _, w in inside)
            points.append((sum(p * w for p, _, w in inside) / weight, sum(c * w for _, c, w in inside) / weight, weight))
    curve = isotonic(points)
    return [[0.0, curve[0][1]], *curve, [1.0, curve[-1][1]]]


def _mean(weighted: list[tuple[float, float]]) -> float:
    """The weighted mean of (value, weight) pairs."""
    return sum(c * w for c, w in weighted) / sum(w for _, w in weighted)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("litbank")
    ap.add_argument("fanfic")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "ficlens/data/confidence.json"))
    args = ap.parse_args()
    # Measure raw posteriors: an identity curve while collecting.
    confidence._curve.cache_clear()
    confidence._data.cache_clear()
    original = confidence._data
    confidence._data = lambda: {**original(), "posterior_curve": [[0.0, 0.0], [1.0, 1.0]], "rule_curves": {}}  # type: ignore[assignment]
    lit = [d for r in results(list(read_litbank(args.litbank)), workers=1) for d in r.decisions]
    fan = [d for r in results(list(read_fanfic(args.fanfic)), workers=1) for d in r.decisions]
    # Each corpus counts equally, whatever its size: each decision weighs one over its corpus's
    # size. (Repeating the smaller corpus a whole number of times made the weights jump: 2,170
    # fan-fiction decisions were counted twice, 2,328 once.)
    decisions = [(*d, 1 / len(lit)) for d in lit] + [(*d, 1 / len(fan)) for d in fan]
    tag = [(c, w) for rule, _, c, w in decisions if rule == "tag_name"]
    named = {r: [(c, w) for rule, _, c, w in decisions if rule == r] for r in NAMED_RULES}
    decoded = [(rule, p, c, w) for rule, p, c, w in decisions if rule != "tag_name" and rule not in NAMED_RULES]
    curve = fit_curve([(p, c, w) for _, p, c, w in decoded])
    lines = Counter(rule for rule, *_ in decoded)
    rule_curves = {
        r: fit_curve([(p, c, w) for rule, p, c, w in decoded if rule == r]) for r in sorted(lines) if lines[r] >= MIN_RULE_LINES
    }
    overall = _mean([(c, w) for _, _, c, w in decisions])
    tag_accuracy = round(_mean(tag), 4)
    # A rule measured on few lines (the chat rules on one chapter) gets the rule of succession,
    # (right + 1) / (lines + 2), not a certainty: 72 right of 72 is 0.986, not 1.0.
    named_accuracy = {
        r: round((sum(c for c, _ in cs) + 1) / (len(cs) + 2), 4) if len(cs) >= MIN_MEASURED else tag_accuracy
        for r, cs in named.items()
    }
    table = {
        "source": "LitBank quotations (CC BY 4.0) and benchmarks/fanfic-gold, both settings, corpora weighted equally; a curve per rule measured on 300 lines or more; written by benchmarks/calibrate.py",
        "quotes": {"litbank": len(lit), "fanfic": len(fan)},
        "accuracy": {"_overall": round(overall, 4), "tag_name": tag_accuracy, **named_accuracy},
        "posterior_curve": curve,
        "rule_curves": rule_curves,
    }
    Path(args.out).write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(table, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
