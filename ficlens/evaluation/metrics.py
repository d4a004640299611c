"""Scoring an analysis against gold quotes and characters.

Definitions (docs/evaluation.md):
- a gold quote is *found* when a predicted quote overlaps one of its spans;
  a predicted quote is *correct* (precision) when it overlaps a gold quote;
- speaker accuracy is over all gold quotes that have a speaker: the speaker of
  the predicted quote that overlaps it most must be the gold speaker; a missed
  quote counts as wrong;
- with a roster the ids must agree; without one, a predicted character stands for
  the gold character whose names and aliases share most of its names;
- character recall: gold characters with at least 5 quotes that some predicted
  character stands for (not a corpus's stand-ins for a group or an unknown speaker); purity: predicted characters all of whose names belong
  to one gold character (gold lists name only the characters who speak or are
  spoken of in quotes, so a correct minor character or an alias the list lacks
  counts as impure); purity_matched: of the predicted characters that share a
  name with some gold character, those whose gold names all belong to one
  (the share not merging two people);
- addressees, over gold quotes that have a speaker and list addressees (LitBank lists
  none): precision is the share of the addressees ficlens gives (on found quotes) that
  the gold lists for that quote, recall the share of gold addressees it gives (a missed
  quote gives none).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from ficlens.analysis import Analysis
from ficlens.evaluation.gold import GoldNovel
from ficlens.roster import normalize_name

TYPES = ("explicit", "anaphoric", "implicit")


@dataclass
class Result:
    novel: str
    setting: str
    gold: int = 0
    found: int = 0
    predicted: int = 0
    predicted_correct: int = 0
    with_speaker: int = 0
    speaker_correct: int = 0
    by_type: dict[str, list[int]] = field(default_factory=lambda: {t: [0, 0] for t in TYPES})
    by_rule: dict[str, list[int]] = field(default_factory=dict)
    # Found gold quotes with a type, and those whose predicted quote has the same type.
    typed: int = 0
    type_agrees: int = 0
    # Addressees: given by ficlens, of those in the gold; in the gold, of those given by ficlens.
    addressees_given: int = 0
    addressees_given_right: int = 0
    addressees_gold: int = 0
    addressees_gold_found: int = 0
    calibration: list[tuple[float, int]] = field(default_factory=list)
    # (rule, confidence, correct) of every predicted quote that overlaps a gold quote with a speaker.
    decisions: list[tuple[str, float, int]] = field(default_factory=list)
    chars_major: int = 0
    chars_major_found: int = 0
    chars_predicted: int = 0
    chars_pure: int = 0
    chars_matched: int = 0
    chars_unmerged: int = 0
    tokens: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("calibration")
        d.pop("decisions")
        return d


def _gold_index(novel: GoldNovel) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for c in novel.characters:
        for n in c.names():
            index[normalize_name(n)].add(c.id)
    return index


def map_characters(novel: GoldNovel, analysis: Analysis) -> dict[str, str]:
    """Predicted character id -> the gold character id it stands for (by shared names)."""
    index = _gold_index(novel)
    quotes = Counter(q.speaker for q in novel.quotes)
    out = {}
    for c in analysis.characters:
        votes: Counter = Counter()
        for n in c.names():
            for gid in sorted(index.get(normalize_name(n), ())):
                votes[gid] += 1
        if votes:
            out[c.id] = max(votes, key=lambda g: (votes[g], quotes.get(g, 0)))
    return out


def score(novel: GoldNovel, analysis: Analysis, setting: str) -> Result:
    res = Result(novel.name, setting)
    limit = novel.annotated_end if novel.annotated_end is not None else len(novel.text)
    preds = sorted((q for q in analysis.quotes if q.start < limit), key=lambda q: q.start)
    starts = [q.start for q in preds]
    mapping = {c.id: c.id for c in analysis.characters} if setting == "roster" else map_characters(novel, analysis)
    matched_pred: set[int] = set()
    max_len = max((q.end - q.start for q in preds), default=0)
    for g in novel.quotes:
        best, best_overlap = None, 0
        for s, e in g.spans:
            k = bisect.bisect_left(starts, s - max_len)
            while k < len(preds) and preds[k].start < e:
                q = preds[k]
                overlap = min(e, q.end) - max(s, q.start)
                if overlap > 0:
                    matched_pred.add(k)
                    if overlap > best_overlap:
                        best, best_overlap = q, overlap
                k += 1
        res.gold += 1
        res.found += best is not None
        if best is not None and g.type in TYPES:
            res.typed += 1
            res.type_agrees += best.type == g.type
        if g.speaker is None:
            continue
        res.with_speaker += 1
        predicted = mapping.get(best.speaker) if best is not None and best.speaker else None
        correct = int(predicted == g.speaker)
        res.speaker_correct += correct
        if g.addressees:
            _score_addressees(res, g.addressees, best.addressees if best is not None else [], mapping)
        if g.type in res.by_type:
            res.by_type[g.type][0] += correct
            res.by_type[g.type][1] += 1
        if best is not None:
            rule = best.rule or "none"
            r = res.by_rule.setdefault(rule, [0, 0])
            r[0] += correct
            r[1] += 1
            if best.speaker:
                res.calibration.append((best.confidence, correct))
                res.decisions.append((rule, best.confidence, correct))
    res.predicted = len(preds)
    res.predicted_correct = len(matched_pred)
    if setting == "discovered":
        _score_characters(novel, analysis, res)
    return res


def _score_addressees(res: Result, gold: list[str], given: list[str], mapping: dict[str, str]) -> None:
    said_to = {mapping.get(a) for a in given} - {None}  # unmatched characters are never right
    gold_set = set(gold)
    res.addressees_given += len(set(given))
    res.addressees_given_right += len(said_to & gold_set)
    res.addressees_gold += len(gold_set)
    res.addressees_gold_found += len(gold_set & said_to)


def _score_characters(novel: GoldNovel, analysis: Analysis, res: Result) -> None:
    index = _gold_index(novel)
    quotes = Counter(q.speaker for q in novel.quotes)
    mapping = map_characters(novel, analysis)
    major = {c.id for c in novel.characters if c.person and quotes.get(c.id, 0) >= 5}
    res.chars_major = len(major)
    res.chars_major_found = len(major & set(mapping.values()))
    res.chars_predicted = len(analysis.characters)
    for c in analysis.characters:
        owners = [index.get(normalize_name(n), set()) for n in c.names()]
        if owners and all(owners) and set.intersection(*owners):
            res.chars_pure += 1
        known = [o for o in owners if o]
        if known:
            res.chars_matched += 1
            res.chars_unmerged += bool(set.intersection(*known))


def calibration_table(pairs: list[tuple[float, int]], bins: int = 10) -> list[dict]:
    """Reliability table: for each confidence bin, how many, mean confidence, accuracy."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, k) for c, k in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            rows.append(
                {
                    "bin": f"{lo:.1f}-{hi:.1f}",
                    "n": len(inside),
                    "confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                    "accuracy": round(sum(k for _, k in inside) / len(inside), 3),
                }
            )
    return rows


def expected_calibration_error(pairs: list[tuple[float, int]], bins: int = 10) -> float:
    table = calibration_table(pairs, bins)
    n = sum(r["n"] for r in table) or 1
    return round(sum(r["n"] * abs(r["confidence"] - r["accuracy"]) for r in table) / n, 4)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def summarize(results: list[Result]) -> dict:
    """Micro-averaged figures over a list of per-novel results of one setting."""
    total = Result("ALL", results[0].setting if results else "")
    for r in results:
        for f in ("gold", "found", "predicted", "predicted_correct", "with_speaker", "speaker_correct", "chars_major",
                  "chars_major_found", "chars_predicted", "chars_pure", "chars_matched", "chars_unmerged", "tokens",
                  "typed", "type_agrees", "addressees_given", "addressees_given_right", "addressees_gold",
                  "addressees_gold_found"):  # fmt: skip
            setattr(total, f, getattr(total, f) + getattr(r, f))
        total.seconds += r.seconds
        for t in TYPES:
            total.by_type[t][0] += r.by_type[t][0]
            total.by_type[t][1] += r.by_type[t][1]
        for rule, (c, n) in r.by_rule.items():
            acc = total.by_rule.setdefault(rule, [0, 0])
            acc[0] += c
            acc[1] += n
        total.calibration.extend(r.calibration)
    return figures(total)


def figures(r: Result) -> dict:
    out = {
        "novel": r.novel,
        "setting": r.setting,
        "gold_quotes": r.gold,
        "detection_recall": _ratio(r.found, r.gold),
        "detection_precision": _ratio(r.predicted_correct, r.predicted),
        "speaker_accuracy": _ratio(r.speaker_correct, r.with_speaker),
        "by_type": {t: _ratio(c, n) for t, (c, n) in r.by_type.items()},
        "by_type_counts": {t: n for t, (c, n) in r.by_type.items()},
        "type_agreement": _ratio(r.type_agrees, r.typed),
        "addressee_precision": _ratio(r.addressees_given_right, r.addressees_given),
        "addressee_recall": _ratio(r.addressees_gold_found, r.addressees_gold),
        "by_rule": {k: {"n": n, "accuracy": _ratio(c, n)} for k, (c, n) in sorted(r.by_rule.items(), key=lambda kv: -kv[1][1])},
        "tokens": r.tokens,
        "seconds": round(r.seconds, 3),
    }
    if r.setting == "discovered":
        out["character_recall_5"] = _ratio(r.chars_major_found, r.chars_major)
        out["character_purity"] = _ratio(r.chars_pure, r.chars_predicted)
        out["character_purity_matched"] = _ratio(r.chars_unmerged, r.chars_matched)
        out["characters_predicted"] = r.chars_predicted
    if r.calibration:
        out["calibration"] = calibration_table(r.calibration)
        out["ece"] = expected_calibration_error(r.calibration)
    return out
