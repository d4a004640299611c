"""Who the narration shows leaving a scene or keeping silent.

"Bailey was gone", "she said, and walked away": someone who has left does not speak the next
line. "He didn't answer that one.": the one who does not answer said neither the line before nor
the line after. `speakers` reads both between and after lines.
"""

from __future__ import annotations

import re

from ficlens.model import Quote
from ficlens.steps import tags_speech
from ficlens.steps.turn_reader import Reader
from ficlens.steps.wordsearch import word_matches

_EXIT_RE = re.compile(  # with \b before it (`word_matches`)
    r"(?:walked (?:away|off|out)|left(?= the room| the house| the kitchen| the office|[.,;])|was gone|were gone|"
    r"disappeared|vanished|hurried (?:away|off|out)|ran (?:off|out|away)|stormed (?:out|off)|"
    r"strode (?:away|off|out)|slipped (?:out|away)|went (?:out|away|off|inside|upstairs|downstairs|home)|"
    r"departed|hung up|closed the door behind)\b"
)


_SILENCE_RE = re.compile(  # with \b before it (`word_matches`)
    r"(?:(?:did|does|could|would|will)(?: not|n[\u2019']t)|made no|gave no|returned no)\s+"
    r"(?:answer|reply|respond|response|speak|say anything)\b|"
    r"(?:said|answered|replied) nothing|(?:was|were|remained|kept|stayed|fell) silent|"
    r"held (?:his|her) (?:tongue|peace)|"
    r"ignored (?:him|her|the question|this|that|it)\b"
)
SHORTEST_SILENCE = len(" Tom was mute.")  # characters of narration, at least, that can hold one
_LONGEST_SILENCE = 200  # characters before the end of the narration looked at
# Words one of which every silence holds ("did not answer", "couldn't reply", "made no response",
# "said nothing"): a quick test before the pattern's slow one.
_SILENCE_WORDS = (
    "t answer", "t reply", "t respond", "t speak", "t say anything", "no answer", "no reply", "no response",
    "said nothing", "answered nothing", "replied nothing", "silent", "tongue", "peace", "ignored",
)


# A pause before speaking, or a silence only supposed: "For a moment he was silent", "He was
# silent so long that Ilse thought he would not answer".
_PAUSE = re.compile(
    r"(?i:for a (?:moment|minute|while|second|time|few)|at once|immediately|at first|for some|a moment|"
    r"\b(?:then|long|thought|wondered|whether|if)\b)"
)


def exits(r: Reader, start: int, end: int, quotes: list[Quote], who_spoke: str | None) -> set[str]:
    """Who the narration in ``[start, end)`` shows leaving: "Bailey was gone", "she said, and
    walked away" (the speaker), "Mark left." Quotes inside the range are skipped."""
    return _doers(r, _EXIT_RE, start, end, quotes, who_spoke)


def silences(r: Reader, start: int, end: int) -> set[str]:
    """Who the narration in ``[start, end)`` shows not answering in its last sentence ("He didn't
    answer that one.", "Fielding was silent."): the lines on either side are someone else's. Not
    a pause before speaking ("For a moment he was silent")."""
    if r.may_fall_silent is None:
        r.may_fall_silent = any(w in r.text for w in _SILENCE_WORDS)
    if not r.may_fall_silent:
        return set()
    last = max(r.text.rfind(".", start, end - 2), r.text.rfind("!", start, end - 2), r.text.rfind("?", start, end - 2))
    at = max(start, last + 1, end - _LONGEST_SILENCE)
    if end - at < SHORTEST_SILENCE:
        return set()
    sentence = r.text[at:end]
    if not any(w in sentence for w in _SILENCE_WORDS) or _PAUSE.search(sentence):
        return set()
    return _doers(r, _SILENCE_RE, at, end, [], None)


def _doers(
    r: Reader, pattern: re.Pattern[str], start: int, end: int, quotes: list[Quote], who_spoke: str | None
) -> set[str]:
    """The subjects of what ``pattern`` finds in the narration ``[start, end)`` (quotes in it
    skipped); with none, the one who spoke the lines just before."""
    out: set[str] = set()
    found = word_matches(pattern, r.text, start, end)
    first = next(found, None)
    if first is None:
        return out
    spans = [q.outer for q in quotes]
    for m in (first, *found):
        if any(a <= m.start() < b for a, b in spans):
            continue
        clause_start = max(start, r.text.rfind(".", start, m.start()) + 1, *(b for a, b in spans if b <= m.start()))
        subject = tags_speech._first_subject(r.text, clause_start, m.start(), r.name_spans)
        if subject and subject[2] == "name":
            who = r.char_at.get(subject[0])
        elif subject and subject[2] == "pronoun" and subject[3] in ("M", "F"):
            candidates = r.salience.candidates(subject[3], subject[0], start, set())
            who = candidates[0] if candidates else None
        else:
            who = who_spoke if spans and spans[-1][1] <= m.start() else None
        if who:
            out.add(who)
    return out
