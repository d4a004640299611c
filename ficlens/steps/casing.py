"""Names shouted in capitals.

Used by the `characters` step. Names are found by their capitals; shouting takes that away
('"TOBIAS, HELP ME!"'): `shouted` finds the stretches of speech written in capitals, where a
roster's aliases, and the names the story writes elsewhere in normal case (not a one-word name
it also writes as an ordinary word, "WILL"), are matched in any case.
"""

from __future__ import annotations

import re
from functools import cache

from ficlens.lexicon import pairs, words
from ficlens.model import Document

# Two or more words in capitals in a row ("TOBIAS, HELP ME", "DRACO MALFOY"), or one of three
# letters or more alone in a quotation ('"TOBIAS!"'): the words may be joined by spaces and
# punctuation, never by a lower-case letter.
_CAPS_WORD = r"[A-Z\u00c0-\u00de](?:[A-Z\u00c0-\u00de'\-]*[A-Z\u00c0-\u00de])?"
# Begun with a capital, not an assertion: the regex engine then jumps from capital to capital.
_SHOUTED_RE = re.compile(
    rf"[A-Z\u00c0-\u00de](?<![^\W_].)(?:[A-Z\u00c0-\u00de'\-]*[A-Z\u00c0-\u00de])?"
    rf"(?:[ \t,.!?;:\-\u2014]+{_CAPS_WORD})+(?![^\W_])"
)


def shouted(doc: Document) -> list[tuple[int, int]]:
    """The stretches of speech written in capitals (see `_SHOUTED_RE`), in order. Only quotations
    are read: shouting is speech, and a name shouted there calls someone (a vocative)."""
    text = doc.view("plain").text
    search = _SHOUTED_RE.search
    out = []
    for q in doc.quotes:
        m = search(text, q.start, q.end)
        if m is not None:
            for m in _SHOUTED_RE.finditer(text, m.start(), q.end):
                if sum(len(w) >= 2 for w in re.findall(_CAPS_WORD, m.group())) >= 2:
                    out.append(m.span())
        elif q.end - q.start >= 3:
            said = text[q.start : q.end]
            if said.isupper() and len(said.split()) == 1 and sum(ch.isalpha() for ch in said) >= 3:
                out.append((q.start, q.end))
    return sorted(out)


@cache
def lexicon_words() -> frozenset[str]:
    """Words the lexicons know as ordinary words, never a name in any case ("will", "look")."""
    return words("not_names") | words("speech_verbs") | words("action_verbs") | words("beat_verbs") | frozenset(pairs("pronouns"))
