"""How a paragraph's narration names its people, for who speaks its lines.

A name in the narration around a line is often the speaker's, but not after a preposition:
"she looked at Carl", "the hand of Carl". On PDNC such a name is the speaker's 4% to 32% of the
time, by preposition, against 63% for names after other words. A name after a preposition
still counts as the speaker's when it owns words of speech ("Mr. Rushworth's repeated
question", "to Joe's 'Happy to know you'") or words of speech come from it ("the firm reply of
Mr. Limbkins", "burst from Philip").
"""

from __future__ import annotations

import bisect
import re

from ficlens.steps import tags_speech
from ficlens.steps.turn_reader import Reader

_OBJECT_BEFORE = re.compile(r"\b(?:to|at|towards?|of|for|with|upon|on|from|by|than|as)\W{1,3}$")
_OWNS_SPEECH = re.compile(r"(?:'s|\u2019s| s)(?:(?:\s+[a-z]+){0,2}?\s+" + tags_speech.ANSWER_PATTERN + r"|\s*[\"\u201c])")
_WORD = re.compile(r"[a-z]+")
_UTTERED = frozenset("burst broke came uttered spoken heard".split())


def named(r: Reader, start: int, end: int) -> dict[str, bool]:
    """The characters narration in ``[start, end)`` names, each with whether every mention of
    them is a preposition's object."""
    sal = r.salience
    lo = bisect.bisect_left(sal.narrated_starts, start)
    hi = bisect.bisect_left(sal.narrated_starts, end)
    out: dict[str, bool] = {}
    for pos, c in zip(sal.narrated_starts[lo:hi], sal.narrated_chars[lo:hi]):
        out[c] = out.get(c, True) and _object(r, start, pos)
    return out


def _object(r: Reader, start: int, pos: int) -> bool:
    if not _OBJECT_BEFORE.search(r.text, max(start, pos - 12), pos):
        return False
    sal = r.salience
    k = bisect.bisect_left(sal.starts, pos)
    end = sal.names[k].end if k < len(sal.names) and sal.starts[k] == pos else pos
    return not _OWNS_SPEECH.match(r.text, end) and not _spoken_by(r.text, max(start, pos - 40), pos)


def _spoken_by(text: str, lo: int, pos: int) -> bool:
    """Whether the preposition just before ``pos`` ("of", "from", "by") follows words of speech."""
    words = _WORD.findall(text, lo, pos)[-3:]
    if len(words) < 2 or words[-1] not in ("of", "from", "by"):
        return False
    return any(w in _UTTERED or tags_speech.speech_verb(w) or tags_speech.ANSWER_WORD.fullmatch(w) for w in words[:-1])
