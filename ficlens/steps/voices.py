"""Each character's voice: the words of their tagged lines, as evidence for their untagged ones.

Mrs. Bennet says "Lizzy" and "my dear Mr. Bennet", Hagrid says "yeh", a sullen teenager says
"whatever": who someone is shows in how they talk. The lines a name tag gives to a character
teach a model of their words and punctuation, learnt afresh from each document (nothing ships).
An untagged turn then scores each modelled character by how much likelier its words are under
that character's model than under everyone's (Jelinek-Mercer smoothing, per square root of the
number of words), centred on the average over the modelled characters and clipped. The score
is a small vote among the people near the turn (in focus, or with evidence within a few turns),
never a reason to bring someone else in. In a long story, the lines the conversations then
decided with confidence are learnt from too (`SELF_TRAIN_TURNS`), each turn scored without its own words.
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

_WORD = re.compile(r"[a-z']+|--|[!?;]")


def _words(text: str, turn: Turn) -> list[str]:
    return [w for q in turn.quotes for w in _WORD.findall(text[q.start : q.end].lower())]


def tagged(turn: Turn) -> str | None:
    """The speaker a name tag gave the turn, if any."""
    return max(turn.evidence, key=turn.evidence.get) if turn.cue == "tag_name" else None


def tagged_or_decided(turn: Turn) -> str | None:
    """`tagged`, or the speaker the conversation decided with confidence."""
    return tagged(turn) or (turn.speaker if turn.posterior >= SELF_TRAIN_POSTERIOR else None)


class _Voices:
    """Word counts per character, and the log-ratio of a word under one's model to everyone's."""

    def __init__(self, examples: list[tuple[Turn, str, Counter]]) -> None:
        self.counts: dict[str, Counter] = {}
        self.everyone: Counter = Counter()
        turns: Counter = Counter()
        for _, who, words in examples:
            self.counts.setdefault(who, Counter()).update(words)
            self.everyone.update(words)
            turns[who] += 1
        self.modelled = sorted(c for c in self.counts if turns[c] >= MIN_TURNS)
        self.sizes = {c: sum(self.counts[c].values()) for c in self.modelled}
        self._total = sum(self.everyone.values()) + 0.5 * (len(self.everyone) + 1)
        self._ratio: dict[tuple[str, str], float] = {}

    def _background(self, word: str) -> float:
        return (self.everyone[word] + 0.5) / self._total

    def ratio(self, who: str, word: str, own: Counter | None = None) -> float:
        """log P(word | who's voice) / P(word | everyone); ``own`` are the scored turn's words,
        taken out of ``who``'s counts when the turn taught their model."""
        if own is None:
            key = (who, word)
            if key not in self._ratio:
                self._ratio[key] = self._log_ratio(self.counts[who][word], self.sizes[who], word)
            return self._ratio[key]
        return self._log_ratio(self.counts[who][word] - own[word], self.sizes[who] - sum(own.values()), word)

    def _log_ratio(self, count: int, size: int, word: str) -> float:
        return math.log(SMOOTHING * count / max(size, 1) / self._background(word) + 1 - SMOOTHING)


def add_evidence(turns: list[Turn], text: str, teacher: Callable[[Turn], str | None]) -> None:
    """Add to each untagged turn's evidence the voice scores of the characters near it, learnt
    from the turns ``teacher`` gives a speaker."""
    examples = []
    for t in turns:
        who = teacher(t)
        if who is not None:
            examples.append((t, who, Counter(_words(text, t))))
    voices = _Voices(examples)
    if len(voices.modelled) < 2:
        return
    taught = {id(t): (who, words) for t, who, words in examples}
    near = _near(turns)
    for i, t in enumerate(turns):
        if t.cue == "tag_name":
            continue
        words = _words(text, t)
        if not words:
            continue
        mine = taught.get(id(t))
        scores = {}
        for c in voices.modelled:
            own = mine[1] if mine and mine[0] == c else None
            scores[c] = sum(voices.ratio(c, w, own) for w in words) / math.sqrt(len(words))
        mean = sum(scores.values()) / len(scores)
        for c, s in scores.items():
            if c in near[i]:
                t.evidence[c] = t.evidence.get(c, 0.0) + WEIGHT * max(-CLIP, min(CLIP, s - mean))


def _near(turns: list[Turn]) -> list[set[str]]:
    """For each turn, the characters in focus when it began or with evidence within a few turns."""
    shown = [{c for c, v in t.evidence.items() if v > 0} for t in turns]
    out = []
    for i, t in enumerate(turns):
        near = set(t.context[:3])
        for s in shown[max(0, i - NEAR_TURNS) : i + NEAR_TURNS + 1]:
            near |= s
        out.append(near)
    return out
