"""Each character's voice: the words of their tagged lines, as evidence for their untagged ones.

Mrs. Bennet says "Lizzy" and "my dear Mr. Bennet", Hagrid says "yeh", a sullen teenager says
"whatever": who someone is shows in how they talk. The lines a name tag gives to a character
teach a model of their words and punctuation, learnt afresh from each document (nothing ships).
An untagged turn then scores the modelled characters near it (in focus, or with evidence within a
few turns) by how much likelier its words are under each one's model than under everyone's
(Jelinek-Mercer smoothing, per square root of the number of words), centred on their average and
clipped: a small vote among the people near the turn, never a reason to bring someone else in. In a long story, the lines the conversations then
decided with confidence are learnt from too (`SELF_TRAIN_TURNS`), and only the others get a vote.
Weights are documented in docs/evaluation.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

from ficlens.steps.salience import Turn

WEIGHT = 0.75  # log-odds for a score at the clip
CLIP = 1.0
SMOOTHING = 0.3  # the weight of a character's own model against everyone's
MIN_TURNS = 5  # turns a character needs before their voice is modelled
NEAR_TURNS = 3  # a candidate has evidence this many turns around the one scored
SELF_TRAIN_TURNS = 150  # turns a story needs before decided lines are learnt from too
SELF_TRAIN_POSTERIOR = 0.9

# [a-z']+|--|[!?;], begun with the set of its first characters (`wordsearch`).
_WORD = re.compile(r"[a-z'!?;-](?:(?<=[a-z'])[a-z']*|(?<=-)-|(?<=[!?;]))")


def _words(text: str, turn: Turn) -> list[str]:
    return [w for q in turn.quotes for w in _WORD.findall(text[q.start : q.end].lower())]


def tagged(turn: Turn) -> str | None:
    """The speaker a name tag gave the turn, if any."""
    return max(turn.evidence, key=turn.evidence.__getitem__) if turn.cue == "tag_name" else None


def tagged_or_decided(turn: Turn) -> str | None:
    """`tagged`, or the speaker the conversation decided with confidence."""
    return tagged(turn) or (turn.speaker if turn.posterior >= SELF_TRAIN_POSTERIOR else None)


class _Voices:
    """Word counts per character, and the log-ratio of a word under one's model to everyone's."""

    def __init__(self, examples: list[tuple[str, list[str]]]) -> None:
        # Plain dicts, not Counters: Counter.update runs as interpreted Python in the compiled build.
        self.counts: dict[str, dict[str, int]] = {}
        self.everyone: dict[str, int] = {}
        turns: dict[str, int] = {}
        for who, words in examples:
            mine = self.counts.setdefault(who, {})
            for word in words:
                mine[word] = mine.get(word, 0) + 1
            turns[who] = turns.get(who, 0) + 1
        everyone = self.everyone
        for counts in self.counts.values():
            for word, n in counts.items():
                everyone[word] = everyone.get(word, 0) + n
        self.modelled = sorted(c for c in self.counts if turns[c] >= MIN_TURNS)
        self._total = sum(self.everyone.values()) + 0.5 * (len(self.everyone) + 1)
        self.tables = {c: self._ratios(c) for c in self.modelled}

    def _ratios(self, who: str) -> dict[str, float]:
        """log P(word | who's voice) / P(word | everyone) for each word ``who`` said; any other
        word's is `_UNSAID`."""
        counts = self.counts[who]
        size = sum(counts.values())
        table = {}
        for word, n in counts.items():
            background = (self.everyone[word] + 0.5) / self._total
            table[word] = math.log(SMOOTHING * n / size / background + 1 - SMOOTHING)
        return table

    def score(self, who: str, words: list[str]) -> float:
        ratio, s = self.tables[who].get, 0.0
        for w in words:
            s += ratio(w, _UNSAID)
        return s


# The log-ratio of a word someone never said (the formula of `_Voices._ratios` with a count of
# 0.0, to the same bits).
_UNSAID = math.log(1 - SMOOTHING)


def add_evidence(turns: list[Turn], text: str, teacher: Callable[[Turn], str | None]) -> set[int]:
    """Add to the evidence of each turn ``teacher`` gives no speaker the voice scores of the
    characters near it, learnt from the turns it does; the ids of the turns given a vote."""
    teachers = [teacher(t) for t in turns]
    taught = Counter(w for w in teachers if w is not None)
    if sum(1 for n in taught.values() if n >= MIN_TURNS) < 2:
        return set()
    voices = _Voices([(who, _words(text, t)) for t, who in zip(turns, teachers) if who is not None])
    shown = [{c for c, v in t.evidence.items() if v > 0} for t in turns]
    voted = set()
    for i, t in enumerate(turns):
        if t.cue == "tag_name" or teachers[i] is not None:
            continue
        near = _near(turns, i, shown)
        voters = [c for c in voices.modelled if c in near]
        if len(voters) < 2:
            continue
        words = _words(text, t)
        if not words:
            continue
        # A word no taught line has weighs the same for every voter: leave it out.
        heard = [w for w in words if w in voices.everyone]
        scores = [voices.score(c, heard) for c in voters]
        mean = sum(scores) / len(scores)
        root = math.sqrt(len(words))
        for c, s in zip(voters, scores):
            t.evidence[c] = t.evidence.get(c, 0.0) + WEIGHT * max(-CLIP, min(CLIP, (s - mean) / root))
        voted.add(id(t))
    return voted


def _near(turns: list[Turn], i: int, shown: list[set[str]]) -> set[str]:
    """The characters in focus when turn ``i`` began or with evidence within a few turns of it."""
    near = set(turns[i].context[:3])
    for s in shown[max(0, i - NEAR_TURNS) : i + NEAR_TURNS + 1]:
        near |= s
    return near
