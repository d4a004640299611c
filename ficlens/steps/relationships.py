"""Step `relationships`: which pairs the story is about, romantic ("/") or platonic ("&").

Each pair of characters earns weight from what the story gives them together:
lines exchanged in conversation (one speaks, the other answers or is addressed),
paragraphs where both appear, and romantic cues near both (kisses, touches,
declarations, jealousy). What the notes say counts most: a pairing written in
the notes or metadata ("Derek/Mark") or a "slash" warning. A pair's ``score`` is
its share of all the pair weight in the story; its ``kind`` is romantic when the
romantic evidence is clear, platonic otherwise. Evidence spans point to the
passages that decided it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ficlens.model import Document, Relationship, Span
from ficlens.roster import normalize_name
from ficlens.steps import chat_people


def _words_re(*alternatives: str) -> re.Pattern:
    """Any of ``alternatives`` as a whole word, case-insensitive. Each alternative starts
    with a letter; a lookahead for those letters lets the regex engine pass over every
    other position of the text without trying the word boundary and all the alternatives."""
    initials = "".join(sorted({a[0] for a in alternatives}))
    return re.compile(rf"(?=[{initials}])\b(?:{'|'.join(alternatives)})\b", re.IGNORECASE)


_ROMANCE_RE = _words_re(
    r"kiss(?:ed|es|ing)?", "lips?", "i love you", "in love", "lover", "love[sd]?", "loving", "boyfriend", "girlfriend",
    "husband", "wife", "married", "marry", "marrying", "wedding", "date[sd]?", "dating", r"blush(?:ed|es|ing)?",
    r"embrac(?:e|ed|es|ing)", r"cuddl(?:e|ed|ing)", r"caress(?:ed|es|ing)?", r"flirt(?:ed|s|ing)?", r"jealous(?:y)?",
    "crush", "sweetheart", "darling", "honey", "babe", r"moan(?:ed|s|ing)?", "naked", "bed", r"nuzzl(?:e|ed|ing)",
    r"hold(?:ing)? hands", r"held (?:his|her) hand", r"intertwin(?:ed|ing)",
    r"heart (?:raced|skipped|fluttered|pounded)", "butterflies", "desire", "longing", "romantic", "romance", "sex",
    "make out", "made out", "making out",
)
_INTIMACY_RE = _words_re(
    r"touch(?:ed|es|ing)?", "fingers?", "wrist", "skin", r"breath(?:ed|ing)?", "closer", "close enough", "gaze",
    "stared at", "eyes met", r"smell(?:ed)?", "warmth", r"shiver(?:ed)?", "pulse", "leaned in", "brushed",
)

_PAIR_RE = re.compile(r"([A-Z][\w'.\- ]{0,40}?)\s*([/&x])\s*([A-Z][\w'.\- ]{0,40})")
_DECLARED_GENDERS = [
    (re.compile(r"\bfemslash\b|\byuri\b|\bshoujo[- ]ai\b|\bf\s*/\s*f\b", re.IGNORECASE), ("F", "F")),
    (re.compile(r"(?<!fem)\bslash\b|\byaoi\b|\bshounen[- ]ai\b|\bm\s*/\s*m\b", re.IGNORECASE), ("M", "M")),
    (re.compile(r"\bhet\b|\bf\s*/\s*m\b|\bm\s*/\s*f\b", re.IGNORECASE), ("F", "M")),
]

_MIN_SHARE = 0.04
_MAX_PAIRS = 12


@dataclass
class _Pair:
    exchanges: float = 0.0
    together: float = 0.0
    romance: float = 0.0
    declared: str | None = None
    evidence: list[Span] = field(default_factory=list)
    romance_evidence: list[Span] = field(default_factory=list)
    together_evidence: list[Span] = field(default_factory=list)  # paragraphs naming both

    @property
    def weight(self) -> float:
        return self.exchanges + 0.3 * self.together + 1.5 * self.romance + (10.0 if self.declared else 0.0)


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def declared_pairs(doc: Document) -> list[tuple[str, str, str]]:
    """Pairings the notes or metadata state, as (char id, char id, "/" or "&")."""
    index: dict[str, str] = {}
    for c in doc.characters:
        for n in c.names():
            index.setdefault(normalize_name(n), c.id)
            index.setdefault(normalize_name(n.split()[0]), c.id)
    sources = list(doc.meta.relationships)
    sources += [doc.text[b.start : b.end] for b in doc.front_matter if b.kind in ("warning", "author_note", "header", "summary")]
    out = []
    for s in sources:
        for m in _PAIR_RE.finditer(s):
            a = index.get(normalize_name(m.group(1).strip()))
            b = index.get(normalize_name(m.group(3).strip().split(".")[0].strip()))
            if a and b and a != b:
                out.append((a, b, "&" if m.group(2) == "&" else "/"))
    return out


def run(doc: Document) -> None:
    pairs: dict[tuple[str, str], _Pair] = defaultdict(_Pair)
    gender = {c.id: c.gender for c in doc.characters}
    by_para: dict[int, set[str]] = defaultdict(set)
    para_starts = [p.start for p in doc.paragraphs]
    for m in doc.mentions:
        if m.character:
            by_para[bisect.bisect_right(para_starts, m.start) - 1].add(m.character)
    turns: list[tuple[int, str, int, int]] = []
    for q in doc.quotes:
        if q.speaker:
            by_para[q.paragraph].add(q.speaker)
            for a in q.addressees:
                if a != q.speaker:
                    p = pairs[_key(q.speaker, a)]
                    p.exchanges += 0.5
            # A paragraph of prose dialogue is one turn; each line of a chat block is one.
            if not turns or turns[-1][0] != q.paragraph or q.rule in chat_people.RULES:
                turns.append((q.paragraph, q.speaker, q.start, q.end))
    for (pa, sa, s0, _), (pb, sb, _, e1) in zip(turns, turns[1:]):
        if sa != sb and pb - pa <= 2:
            p = pairs[_key(sa, sb)]
            p.exchanges += 1.0
            if len(p.evidence) < 5:
                p.evidence.append(Span(s0, e1))
    text = doc.text
    for pidx, chars in by_para.items():
        if len(chars) < 2 or len(chars) > 4:
            continue
        para = doc.paragraphs[pidx]
        cues = list(_ROMANCE_RE.finditer(text, para.start, para.end))
        touches = len(_INTIMACY_RE.findall(text, para.start, para.end))
        ids = sorted(chars)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                p = pairs[(a, b)]
                p.together += 1.0 / (len(chars) - 1)
                if len(p.together_evidence) < 5:
                    p.together_evidence.append(Span(para.start, para.end))
                if cues or touches:
                    p.romance += (min(3, len(cues)) + 0.5 * min(2, touches)) / (len(chars) - 1)
                    if len(p.romance_evidence) < 8:
                        p.romance_evidence.append(Span(para.start, para.end))
    notes = " ".join(text[b.start : b.end] for b in doc.front_matter if b.kind in ("warning", "author_note", "header", "summary"))
    notes += " " + " ".join(doc.meta.category)
    declared_genders = [g for pattern, g in _DECLARED_GENDERS if pattern.search(notes)]
    for a, b, mark in declared_pairs(doc):
        pairs[_key(a, b)].declared = mark
    doc.relationships = _rank(doc, pairs, gender, declared_genders)


def _rank(doc: Document, pairs: dict[tuple[str, str], _Pair], gender: dict, declared_genders: list) -> list[Relationship]:
    """Relationships by weight; the notes' "slash" (or "femslash", "het") makes the story's
    leading pair of those genders romantic, as a reader takes it."""
    names = {c.id: c.name for c in doc.characters}
    total = sum(p.weight for p in pairs.values()) or 1.0
    ranked = sorted(pairs.items(), key=lambda kv: -kv[1].weight)
    promised: set[tuple[str, str]] = set()
    for genders in declared_genders:
        for (a, b), p in ranked:
            if tuple(sorted((gender.get(a) or "?", gender.get(b) or "?"))) == genders and p.declared != "&":
                promised.add((a, b))
                break
    out: list[Relationship] = []
    for (a, b), p in ranked:
        share = p.weight / total
        if (share < _MIN_SHARE and not p.declared) or len(out) >= _MAX_PAIRS:
            continue
        density = p.romance / max(1.0, p.together)
        romantic = p.declared == "/" or (a, b) in promised or (p.declared is None and p.romance >= 3 and density >= 0.5)
        kind = "romantic" if romantic else "platonic"
        sep = "/" if romantic else " & "
        first, second = sorted((a, b), key=lambda c: names[c])
        evidence = (p.romance_evidence if romantic else p.evidence) or p.evidence or p.romance_evidence or p.together_evidence
        out.append(
            Relationship(
                characters=(first, second),
                kind=kind,
                tag=f"{names[first]}{sep}{names[second]}",
                score=round(share, 4),
                evidence=evidence[:8],
            )
        )
    return out
