"""Step `speakers`: who says each quote, to whom, and how sure ficlens is.

Quotes are read in order, a paragraph at a time, the way a reader keeps track:

1. A speech tag (`tags_speech`): a name is an explicit attribution; a pronoun or
   an epithet ("the older man") is anaphoric and goes to the most salient
   character of its gender, preferring one named earlier in the paragraph.
2. Otherwise an action beat: the subject of a narration sentence in the same
   paragraph ("Mark grinned. '…'") is the speaker.
3. Otherwise the conversation: in an exchange the turns alternate, so an
   untagged line goes to whoever spoke two turns ago, or to the one the last
   speaker addressed.
4. Throughout, a character addressed by name in the quote (a vocative) is not
   its speaker but an addressee.

A paragraph's quotes share one speaker unless their own tags say otherwise; a
speech that runs over paragraphs keeps its speaker. Confidence is the measured
accuracy of the rule that decided (see `ficlens.steps.confidence`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ficlens.model import Document, Mention, Quote
from ficlens.roster import normalize_name
from ficlens.steps import confidence, tags_speech

_SUBJECT_PRONOUN = re.compile(r"\b(He|She|he|she)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[.!?][\"']\s+)")


@dataclass
class _Salience:
    """When each character was last named, last spoke and last acted as a subject."""

    seen: dict[str, int] = field(default_factory=dict)
    spoke: dict[str, int] = field(default_factory=dict)

    def note(self, char: str, pos: int) -> None:
        self.seen[char] = pos

    def score(self, char: str) -> int:
        return max(self.seen.get(char, -1), self.spoke.get(char, -1))


class _Attributor:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.view("plain").text
        self.gender = {c.id: c.gender for c in doc.characters}
        self.mentions = [m for m in doc.mentions if m.kind == "name"]
        self.m_starts = [m.start for m in self.mentions]
        self.by_start = {m.start: m for m in self.mentions}
        self.alias = self._alias_index()
        self.salience = _Salience()
        self.m_next = 0
        qspans = sorted((q.start, q.end) for q in doc.quotes)
        self.q_starts = [q[0] for q in qspans]
        self.q_spans = qspans
        self.turns: list[tuple[int, str | None, list[str]]] = []  # (paragraph, speaker, addressees)

    def _alias_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for c in self.doc.characters:
            for n in c.names():
                index.setdefault(normalize_name(n), c.id)
        return index

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.q_starts, pos) - 1
        return k >= 0 and self.q_spans[k][0] <= pos < self.q_spans[k][1]

    def advance(self, pos: int) -> None:
        """Take in the name mentions before ``pos``."""
        while self.m_next < len(self.mentions) and self.mentions[self.m_next].start < pos:
            m = self.mentions[self.m_next]
            if m.character and not self._in_quote(m.start):
                self.salience.note(m.character, m.start)
            self.m_next += 1

    def name_at(self, start: int, end: int) -> str | None:
        m = self.by_start.get(start)
        if m is None:
            k = bisect.bisect_left(self.m_starts, start)
            if k < len(self.mentions) and self.mentions[k].start < end:
                m = self.mentions[k]
        if m is not None:
            return m.character
        return self.alias.get(normalize_name(self.text[start:end]))

    def resolve(self, gender: str | None, pos: int, para_start: int, exclude: set[str]) -> tuple[str | None, int]:
        """The character a pronoun or epithet of ``gender`` at ``pos`` refers to, and how many fit."""
        local = [
            m.character
            for m in self.mentions[bisect.bisect_left(self.m_starts, para_start) : bisect.bisect_left(self.m_starts, pos)]
            if m.character and not self._in_quote(m.start) and self._fits(m.character, gender)
        ]
        local = [c for c in local if c not in exclude]
        if local:
            return local[-1], 1
        pool = [c for c in self.gender if self._fits(c, gender) and c not in exclude and self.salience.score(c) >= 0]
        pool.sort(key=self.salience.score, reverse=True)
        if not pool:
            return None, 0
        return pool[0], len(pool)

    def _fits(self, char: str, gender: str | None) -> bool:
        g = self.gender.get(char)
        if gender in (None, "N") or g is None:
            return True
        return g == gender

    def vocatives(self, q: Quote) -> list[str]:
        out = []
        k = bisect.bisect_left(self.m_starts, q.start)
        while k < len(self.mentions) and self.mentions[k].start < q.end:
            m = self.mentions[k]
            before = self.text[q.start : m.start].rstrip()
            after = self.text[m.end : q.end].lstrip()
            if m.character and (not before or before[-1] in ",!?.") and (not after or after[0] in ",!?.;"):
                out.append(m.character)
            k += 1
        return out

    def beat(self, para_start: int, para_end: int, quotes: list[Quote]) -> str | None:
        """The subject of the first narration sentence of the paragraph that has one."""
        pos = para_start
        spans = [(q.open_mark.start if q.open_mark else q.start, q.close_mark.end if q.close_mark else q.end) for q in quotes]
        for a, b in [*spans, (para_end, para_end)]:
            narration = self.text[pos:a]
            if not narration.strip():
                pos = b
                continue
            for sm in _SENTENCE_START.finditer(narration):
                at = pos + sm.end()
                who = self._subject_at(at, para_start, a)
                if who:
                    return who
            pos = b
        return None

    def _subject_at(self, at: int, para_start: int, limit: int) -> str | None:
        while at < limit and self.text[at] in " \t\n*_":
            at += 1
        if at >= limit:
            return None
        m = self.by_start.get(at)
        if m and m.character:
            return m.character
        pm = _SUBJECT_PRONOUN.match(self.text, at)
        if pm:
            who, _ = self.resolve("M" if pm.group(1).lower() == "he" else "F", at, para_start, set())
            return who
        return None


def _narration_bounds(quotes: list[Quote], i: int, para_start: int, para_end: int) -> tuple[tuple[int, int], tuple[int, int]]:
    q = quotes[i]
    before_start = quotes[i - 1].close_mark.end if i > 0 and quotes[i - 1].close_mark else (quotes[i - 1].end if i > 0 else para_start)
    before_end = q.open_mark.start if q.open_mark else q.start
    after_start = q.close_mark.end if q.close_mark else q.end
    after_end = quotes[i + 1].open_mark.start if i + 1 < len(quotes) and quotes[i + 1].open_mark else (quotes[i + 1].start if i + 1 < len(quotes) else para_end)
    return (before_start, before_end), (after_start, after_end)


def attribute(doc: Document) -> None:
    """Fill speaker, addressees, type and confidence of every quote (see the module docstring)."""
    att = _Attributor(doc)
    by_para: dict[int, list[Quote]] = {}
    for q in doc.quotes:
        by_para.setdefault(q.paragraph, []).append(q)
    by_id = {q.id: q for q in doc.quotes}
    for pidx in sorted(by_para):
        para = doc.paragraphs[pidx]
        quotes = by_para[pidx]
        att.advance(para.start)
        decided: list[tuple[str | None, str | None, str]] = []
        for i, q in enumerate(quotes):
            (bs, be), (as_, ae) = _narration_bounds(quotes, i, para.start, para.end)
            tag = tags_speech.tag_after(att.text, as_, ae) or tags_speech.tag_before(att.text, bs, be)
            decided.append(_from_tag(att, tag, q, para.start) if tag else (None, None, ""))
        _fill_paragraph(att, doc, quotes, decided, para.start, para.end, pidx, by_id)
        att.advance(para.end)
    _unify_chains(doc.quotes, by_id)


def _unify_chains(quotes: list[Quote], by_id: dict[str, Quote]) -> None:
    """A speech in several pieces has one speaker: the one its surest piece was given."""
    chains: dict[str, list[Quote]] = {}
    for q in quotes:
        root = q
        while root.continues and root.continues in by_id:
            root = by_id[root.continues]
        chains.setdefault(root.id, []).append(q)
    for chain in chains.values():
        if len(chain) < 2:
            continue
        best = max(chain, key=lambda q: (q.speaker is not None, q.confidence))
        for q in chain:
            if q is not best and q.speaker != best.speaker and q.confidence <= best.confidence:
                q.speaker, q.type, q.confidence, q.rule = best.speaker, best.type, best.confidence, "continued"
                q.addressees = [a for a in best.addressees if a != best.speaker]


def _from_tag(att: _Attributor, tag: tags_speech.Tag, q: Quote, para_start: int) -> tuple[str | None, str | None, str]:
    q.tag = None
    if tag.kind == "name":
        who = att.name_at(tag.start, tag.end)
        if who:
            return who, "explicit", "tag_name"
        return None, None, ""
    if tag.gender in ("I", "W"):
        return None, None, ""
    exclude = set(att.vocatives(q))
    who, n = att.resolve(tag.gender, tag.start, para_start, exclude)
    if who is None:
        return None, None, ""
    rule = "tag_pronoun_sure" if n == 1 else "tag_pronoun"
    if tag.kind == "epithet":
        rule = "tag_epithet"
    return who, "anaphoric", rule


def _fill_paragraph(att, doc, quotes, decided, para_start, para_end, pidx, by_id) -> None:
    tagged = [(i, d) for i, d in enumerate(decided) if d[0]]
    for i, q in enumerate(quotes):
        speaker, qtype, rule = decided[i]
        if speaker is None and q.continues and by_id[q.continues].speaker:
            speaker, qtype, rule = by_id[q.continues].speaker, by_id[q.continues].type, "continued"
        if speaker is None and tagged:
            nearest = min(tagged, key=lambda t: abs(t[0] - i))[1]
            speaker, qtype, rule = nearest[0], "implicit", "same_paragraph"
        if speaker is None:
            speaker, rule = _implicit(att, q, quotes, para_start, para_end, pidx)
            qtype = "implicit" if speaker else None
        vocs = att.vocatives(q)
        if speaker in vocs and rule not in ("tag_name",):
            alt, _ = _turn_taking(att, pidx, exclude={speaker})
            speaker, rule = (alt, "vocative_swap") if alt else (speaker, rule)
        q.speaker, q.type, q.rule = speaker, qtype, rule if speaker else ""
        q.confidence = confidence.for_rule(rule) if speaker else 0.0
        q.addressees = [v for v in dict.fromkeys(vocs) if v != speaker]
        if speaker:
            att.salience.spoke[speaker] = q.start
    speakers = [q.speaker for q in quotes if q.speaker]
    main = speakers[0] if speakers else None
    if main and not quotes[0].addressees:
        prev = _previous_turn(att, pidx)
        if prev and prev[1] and prev[1] != main:
            for q in quotes:
                if q.speaker == main and not q.addressees:
                    q.addressees = [prev[1]]
    att.turns.append((pidx, main, quotes[0].addressees if quotes else []))


def _previous_turn(att: _Attributor, pidx: int, back: int = 1):
    if len(att.turns) < back:
        return None
    turn = att.turns[-back]
    if pidx - turn[0] > 2 + back:
        return None
    return turn


def _turn_taking(att: _Attributor, pidx: int, exclude: set[str]) -> tuple[str | None, str]:
    prev = _previous_turn(att, pidx, 1)
    prev2 = _previous_turn(att, pidx, 2)
    if prev and prev2 and prev2[1] and prev2[1] != prev[1] and prev2[1] not in exclude:
        return prev2[1], "alternation"
    if prev and prev[2]:
        for a in prev[2]:
            if a != prev[1] and a not in exclude:
                return a, "addressed"
    if prev and prev[1]:
        others = [c for c in sorted(att.gender, key=att.salience.score, reverse=True) if c != prev[1] and c not in exclude and att.salience.score(c) >= 0]
        if others:
            return others[0], "salient_other"
    return None, ""


def _implicit(att, q, quotes, para_start, para_end, pidx) -> tuple[str | None, str]:
    who = att.beat(para_start, para_end, quotes)
    if who and who not in att.vocatives(q):
        return who, "beat"
    who, rule = _turn_taking(att, pidx, exclude=set(att.vocatives(q)))
    if who:
        return who, rule
    pool = sorted(att.gender, key=att.salience.score, reverse=True)
    pool = [c for c in pool if att.salience.score(c) >= 0 and c not in att.vocatives(q)]
    return (pool[0], "salient") if pool else (None, "")


def run(doc: Document) -> None:
    attribute(doc)
