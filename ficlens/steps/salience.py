"""Who is in focus at a point of the story: the memory the `speakers` step reads pronouns with.

Each character keeps the position where they were last named in narration, last
named as the subject of a sentence, and last spoke. A pronoun or epithet goes to
the character of fitting gender with the most recent of these, where being a
subject or a speaker counts as if it were `_FOCUS_BONUS` characters more
recent. A "he" or "she" in narration (always some clause's subject) counts as the
subject sentence of whoever such a pronoun would then refer to, so a character
followed through a page of "she did, and then she said" stays in focus. Who a pronoun tag
means within a conversation (after one man's line, "he said" is often the other man) is
left to the conversation's decoding, which weighs the referents salience ranks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ficlens.model import Document, Mention, Quote

_FOCUS_BONUS = 300
_ACTIVE_WINDOW = 2500
_CANDIDATE_WINDOW = 2500  # a pronoun's referent was named or spoke within this many characters
_NEVER = -(10**9)
_PAST_THE_END = 10**18
_OPENERS = " \t\n\"'*_(\u201c\u2018-\u2014"
# "he" or "she" anywhere in narration is some clause's subject: \b(?:[Hh]e|[Ss]he)\b, begun with
# its first letters (`wordsearch`).
_SUBJECT_PRONOUN = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])e|(?<=[Ss])he)\b")
_NEXT_WORD = re.compile(r"\s*([a-z]+)\b")
_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|their|our|my)\s+[^,.;:!?\"\u201c\u201d]{1,60},")
# Words that may follow a name that is not a subject: "Cassandra and her aunt", "Jane, who".
_NOT_VERBS = frozenset(
    "and or nor but who whom whose which that the a an of in on at with to from by for as than so "
    "too also herself himself alone only both all either".split()
)


def _verb_follows(text: str, pos: int) -> bool:
    apposition = _APPOSITION.match(text, pos, pos + 80)  # "Mr. Gregory, the anarchic poet, connected"
    pos = apposition.end() if apposition else pos
    m = _NEXT_WORD.match(text, pos, pos + 30)
    return m is not None and m.group(1) not in _NOT_VERBS


def _outside(spans: list[tuple[int, int]], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Those of ``found`` (in order of position) that `Salience.in_quote` would put outside the
    quotes ``spans`` (sorted): one walk over both lists instead of a search per item."""
    out, k = [], 0
    for item in found:
        while k < len(spans) and spans[k][0] <= item[0]:
            k += 1
        if k == 0 or not item[0] < spans[k - 1][1]:
            out.append(item)
    return out


@dataclass(init=False)
class Turn:
    """One paragraph's worth of dialogue: its quotes and who (we think) spoke them."""

    pidx: int
    quotes: list[Quote]
    speaker: str | None = None
    rule: str = ""
    vocatives: set[str] = field(default_factory=set)
    # Characters the lines talk about by name, not to: "Mr. Elton is so kind."
    named: set[str] = field(default_factory=set)
    # The most salient characters when the turn began, most salient first.
    context: list[str] = field(default_factory=list)
    # Characters of narration between the previous dialogue paragraph and this one.
    bridge: int = 0
    # Log-odds evidence for each candidate speaker from this paragraph alone.
    evidence: dict[str, float] = field(default_factory=dict)
    # Quotes with a pronoun tag of their own: id(quote) -> (gender, likeliest referent).
    hints: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Quotes with a pronoun or description tag of their own: id(quote), for their type.
    described: set[int] = field(default_factory=set)
    # The gender of a pronoun or epithet in the turn's speech tag, if any.
    gender_hint: str | None = None
    # What the local evidence was: tag_name, tag_pronoun, tag_epithet, beat, beat_pronoun or "".
    cue: str = ""
    posterior: float = 0.0
    # Characters the narration shows leaving at this turn ("and walked away").
    exits: set[str] = field(default_factory=set)
    # Characters the narration after its lines shows not answering ("He didn't answer.").
    silent: set[str] = field(default_factory=set)
    # The gender of the person the lines address by a title ("sir", "madam", "papa"), if any.
    addressee_gender: str | None = None
    # The description in the turn's tag when no name or roster settles it: "old gentleman".
    epithet: str = ""
    # id(quote) -> whom the paragraph's narration just before that quote (after an earlier quote)
    # names as a sentence's subject: "'…,' said Cecil. Freddy jumped out. '…'" gives Freddy.
    interjected: dict[int, str] = field(default_factory=dict)
    # On a conversation's first turn: those the conversation just after shows taking part.
    scene: list[str] = field(default_factory=list)
    # Those the turn's own lines say are speaking: "My name is Brownlow."
    selves: list[str] = field(default_factory=list)

    # Written out, as in ficlens.model: the compiled build compiles it; the generated one runs interpreted.
    def __init__(
        self,
        pidx: int,
        quotes: list[Quote],
        speaker: str | None = None,
        rule: str = "",
        vocatives: set[str] | None = None,
        named: set[str] | None = None,
        context: list[str] | None = None,
        bridge: int = 0,
        evidence: dict[str, float] | None = None,
        hints: dict[int, tuple[str, str]] | None = None,
        described: set[int] | None = None,
        gender_hint: str | None = None,
        cue: str = "",
        posterior: float = 0.0,
        exits: set[str] | None = None,
        silent: set[str] | None = None,
        addressee_gender: str | None = None,
        epithet: str = "",
        interjected: dict[int, str] | None = None,
        scene: list[str] | None = None,
        selves: list[str] | None = None,
    ) -> None:
        self.pidx = pidx
        self.quotes = quotes
        self.speaker = speaker
        self.rule = rule
        self.vocatives = set() if vocatives is None else vocatives
        self.named = set() if named is None else named
        self.context = [] if context is None else context
        self.bridge = bridge
        self.evidence = {} if evidence is None else evidence
        self.hints = {} if hints is None else hints
        self.described = set() if described is None else described
        self.gender_hint = gender_hint
        self.cue = cue
        self.posterior = posterior
        self.exits = set() if exits is None else exits
        self.silent = set() if silent is None else silent
        self.addressee_gender = addressee_gender
        self.epithet = epithet
        self.interjected = {} if interjected is None else interjected
        self.scene = [] if scene is None else scene
        self.selves = [] if selves is None else selves

    @property
    def start(self) -> int:
        return self.quotes[0].start


class Salience:
    def __init__(self, doc: Document, names: list[Mention]) -> None:
        self.text = doc.view("plain").text
        self.gender = {c.id: c.gender for c in doc.characters}
        self.names = names
        self.starts = [m.start for m in names]
        spans = sorted((q.start, q.end) for q in doc.quotes)
        self.q_starts = [s for s, _ in spans]
        self.q_spans = spans
        # Per name mention: whether it names a character in narration (not inside a quote).
        self.narrated = [bool(m.character) and not self.in_quote(m.start) for m in names]
        self.narrated_starts = [m.start for m, yes in zip(names, self.narrated) if yes]
        self.narrated_chars = [m.character for m, yes in zip(names, self.narrated) if yes and m.character]
        self.pronouns = _outside(spans, [(m.start(), self.text[m.start()].upper()) for m in _SUBJECT_PRONOUN.finditer(self.text)])
        self._next_pronoun = 0
        # Subject pronouns of narration taken in so far: (position, the character it was read as).
        self.pronoun_subjects: list[tuple[int, str]] = []
        # The last place each character was in view (named, or named as a sentence's subject or
        # a tag's speaker, which count _FOCUS_BONUS more); pronoun subjects count for pronouns.
        self._score: dict[str, int] = {}
        self._order = {c: i for i, c in enumerate(self.gender)}
        self._seen: list[str] = []
        self._placed: set[str] = set()
        self._by_score: list[str] = []
        self._pronoun_score: dict[str, int] = {}
        self._leader: dict[str, str] = {}  # per gender: who a "he" or "she" of narration is read as
        self._next = 0
        self._upcoming = _NEVER  # where the next name or pronoun not taken in stands, once known
        self.window = _CANDIDATE_WINDOW
        # (where it ended, who said it) of the last turn's last line, if a tag settled it.
        self.last_settled: tuple[int, str] | None = None

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.q_starts, pos) - 1
        return k >= 0 and self.q_spans[k][0] <= pos < self.q_spans[k][1]

    def _is_subject(self, m: Mention) -> bool:
        i = m.start - 1
        while i >= 0 and self.text[i] in _OPENERS:
            if self.text[i] == "\n" and i > 0 and self.text[i - 1] == "\n":
                return True
            i -= 1
        if i < 0 or self.text[i] in ".!?;:":
            return True
        # "From being a mature woman charged with a mission, Cassandra shrunk": a verb after the
        # name makes it the subject after a comma too.
        return self.text[i] == "," and _verb_follows(self.text, m.end)

    def advance(self, pos: int) -> None:
        """Take in the name mentions and subject pronouns of narration before ``pos``."""
        if self._upcoming >= pos:
            return
        while True:
            name_at = self.names[self._next].start if self._next < len(self.names) else _PAST_THE_END
            pronoun_at = self.pronouns[self._next_pronoun][0] if self._next_pronoun < len(self.pronouns) else _PAST_THE_END
            if min(name_at, pronoun_at) >= pos:
                self._upcoming = min(name_at, pronoun_at)
                return
            if pronoun_at < name_at:
                self._take_pronoun(*self.pronouns[self._next_pronoun])
                self._next_pronoun += 1
                continue
            m = self.names[self._next]
            self._next += 1
            if not self.narrated[self._next - 1] or m.character is None:
                continue
            self._raise(m.character, m.start + (_FOCUS_BONUS if self._is_subject(m) else 0))

    def pronoun_subjects_between(self, a: int, b: int) -> list[str]:
        """The characters narration's subject pronouns in ``[a, b)`` stood for, first taken first
        (read up to where salience has advanced)."""
        lo = bisect.bisect_left(self.pronoun_subjects, (a, ""))
        hi = bisect.bisect_left(self.pronoun_subjects, (b, ""), lo)
        return list(dict.fromkeys(c for _, c in self.pronoun_subjects[lo:hi]))

    def _take_pronoun(self, pos: int, letter: str) -> None:
        who = self._leader.get("M" if letter == "H" else "F")
        if who is not None and self._pronoun_score[who] >= pos - self.window:
            self._set_pronoun_score(who, pos + _FOCUS_BONUS)
            self.pronoun_subjects.append((pos, who))

    def _set_pronoun_score(self, char: str, value: int) -> None:
        """Raise ``char``'s pronoun score to ``value`` and keep each gender's leader: the one in
        view with the highest pronoun score, the first in the character list on a tie (scores
        only rise, so a leader changes only when someone passes it)."""
        if value <= self._pronoun_score.get(char, _NEVER):
            return
        self._pronoun_score[char] = value
        gender = self.gender.get(char)
        if gender not in ("M", "F") or char not in self._placed:
            return
        lead = self._leader.get(gender)
        if lead is None or value > self._pronoun_score[lead] or (value == self._pronoun_score[lead] and self._order[char] < self._order[lead]):
            self._leader[gender] = char

    def took_turn(self, turn: Turn) -> None:
        """Remember a turn's speaker, when a tag or beat settled it (guesses are not memory), and
        whom its lines call by name: the one addressed is the next "he" or "she" as much as a
        sentence's subject would be."""
        for q in turn.quotes:
            if q.speaker:
                self._raise(q.speaker, q.start + _FOCUS_BONUS)
        last = turn.quotes[-1]
        self.last_settled = (last.end, last.speaker) if last.speaker else None
        for c in turn.vocatives:
            self._set_pronoun_score(c, turn.quotes[-1].end + _FOCUS_BONUS)

    def _raise(self, char: str, value: int) -> None:
        if value > self._score.get(char, _NEVER):
            self._score[char] = value
            if char in self._order:
                self._move_up(char, value)
        self._set_pronoun_score(char, value)

    def seen(self, char: str) -> bool:
        """Whether the story has named ``char``, or a tag settled a line of theirs, so far."""
        return char in self._score

    def score(self, char: str) -> int:
        return self._score.get(char, _NEVER)

    def pronoun_score(self, char: str) -> int:
        """`score`, counting a sentence the character began as "she" like one begun with the name."""
        return self._pronoun_score.get(char, _NEVER)

    def fits(self, char: str, gender: str | None) -> bool:
        g = self.gender.get(char)
        if gender in (None, "N"):
            return gender is None or g in ("N", None)
        return g == gender or g is None

    def resolve(self, gender: str | None, pos: int, para_start: int, exclude: set[str], epithet: bool = False) -> tuple[str | None, int]:
        """The character a pronoun (or epithet) of ``gender`` at ``pos`` refers to, and how many fit."""
        local = [c for c in self.narration_characters(para_start, pos) if c not in exclude and self.fits(c, gender) and (gender is None or self.gender.get(c) == gender)]
        if local and not epithet:
            return local[-1], 1
        pool = [c for c in self._in_view() if c not in exclude and self.fits(c, gender)]
        if gender in ("M", "F"):
            exact = [c for c in pool if self.gender.get(c) == gender]
            pool = exact or pool
        if not pool:
            return None, 0
        pool.sort(key=self.score, reverse=True)
        active = [c for c in pool if self.score(c) >= pos - _ACTIVE_WINDOW]
        return pool[0], len(active) or 1

    def candidates(self, gender: str | None, pos: int, para_start: int, exclude: set[str], epithet: bool = False) -> list[str]:
        """Characters a pronoun (or epithet) of ``gender`` at ``pos`` may refer to, likeliest first:
        one named earlier in the paragraph (the subject of a sentence before one named in
        passing), then by salience."""
        lo = bisect.bisect_left(self.starts, para_start)
        hi = bisect.bisect_left(self.starts, pos)
        subjects: list[str] = []
        others: list[str] = []
        if not epithet:
            for m in reversed(self.names[lo:hi]):
                c = m.character
                if c and c not in exclude and not self.in_quote(m.start) and self.gender.get(c) == gender:
                    (subjects if self._is_subject(m) else others).append(c)
            k = bisect.bisect_left(self.pronoun_subjects, (para_start, ""))
            for _, c in self.pronoun_subjects[k:]:
                if c not in exclude and self.gender.get(c) == gender:
                    subjects.append(c)
        out = list(dict.fromkeys([*subjects, *others]))
        pool = [c for c in self._in_view() if c not in exclude and c not in out and self.fits(c, gender)]
        if gender in ("M", "F"):
            exact = [c for c in pool if self.gender.get(c) == gender]
            pool = exact or pool
        pool.sort(key=self.pronoun_score, reverse=True)
        recent = [c for c in pool if self.pronoun_score(c) >= pos - self.window]
        return out + (recent or pool[:1])

    def narration_characters(self, a: int, b: int) -> list[str]:
        return self.narrated_chars[bisect.bisect_left(self.narrated_starts, a) : bisect.bisect_left(self.narrated_starts, b)]

    def ranked(self, limit: int) -> list[str]:
        """The ``limit`` characters most in view, most first."""
        return self._by_score[:limit]

    def _move_up(self, char: str, value: int) -> None:
        """Keep ``_by_score`` ordered by score, then by the character list; a raised score is
        usually the highest, so its place is found from the front."""
        ranking = self._by_score
        if char in self._placed:
            ranking.remove(char)
        else:
            self._placed.add(char)
            self._seen = []
        key = (value, -self._order[char])
        i = 0
        while i < len(ranking) and (self._score[ranking[i]], -self._order[ranking[i]]) > key:
            i += 1
        ranking.insert(i, char)

    def _in_view(self) -> list[str]:
        """Characters seen so far, in the order of the character list (ties keep it)."""
        if len(self._seen) != len(self._placed):
            self._seen = sorted(self._placed, key=self._order.__getitem__)
        return self._seen
