"""How a story uses capitals: written all in lower case, or shouting in capitals.

Used by the `fandom` and `characters` steps. Names are found by their capitals; two ways of
writing take that away.

- **All lower case** (a known fan-fiction style: "harry looked at draco. 'you're late,' he
  said."): `lower_case` decides it for the whole document, from the narration's sentence starts
  and the pronoun "I". There a roster's aliases (given, or a fandom's, found by its names in any
  case) are matched in any case, except a one-word alias the story also uses as an ordinary word
  ("will", "rose", "grey": `ordinary_words`, `lexicon_words`). Discovery without a roster finds
  no one there: a capital is its only evidence that a word is a name.
- **Shouting** ('"TOBIAS, HELP ME!"'): `shouted` finds the stretches of speech written in
  capitals, where a roster's aliases, and the names the story writes elsewhere in normal case
  (not a one-word name it also writes as an ordinary word, "WILL"), are matched in any case.
  A book's chapter openings ("MARILLA came briskly forward") are read the same way
  (`opening_capitals`).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ficlens.lexicon import pairs, words
from ficlens.model import Document, Paragraph

# A letter opening a sentence: after . ! ? and white space, past opening marks.
_SENTENCE_START_RE = re.compile(r"[.!?][\"')\]*_]*\s+[\"'(\[*_]*([^\W\d_])")
_FIRST_LETTER_RE = re.compile(r"[^\W\d_]")
_PRONOUN_I_RE = re.compile(r"(?<![\w'])[Ii](?:'(?:m|ve|d|ll))?(?![\w'])")
MIN_STARTS = 4  # sentence starts to judge by, at least
CAPITAL_SHARE = 0.1  # of sentence starts and of "I"s, at most, for a story written in lower case
_SAMPLE = 4000  # characters of the body read first, for a quick answer


def lower_case(doc: Document) -> bool:
    """Whether the story is written in lower case: at most one in ten of the narration's sentence
    starts has a capital, and of its "I"s (if it has three or more), spoken or not. Before the
    `quotes` step, all of the body counts as narration."""
    text = doc.view("plain").text
    body = doc.body_paragraphs()
    if not body or _has_capitals(text, body[0].start, body[-1].end):
        return False
    quotes = sorted((q.start, q.end) for q in doc.quotes)
    qstarts = [q[0] for q in quotes]
    upper = starts = 0
    for p in body:
        for a, b, first in _narration(p, quotes, qstarts):
            if first and (m := _FIRST_LETTER_RE.search(text, a, b)) and not text[a : m.start()].strip("\"'([*_ \t\n"):
                starts += 1
                upper += m.group().isupper()
            for m in _SENTENCE_START_RE.finditer(text, a, b):
                starts += 1
                upper += m.group(1).isupper()
    if starts < MIN_STARTS or upper > CAPITAL_SHARE * starts:
        return False
    i_upper = i_all = 0
    for p in body:
        for m in _PRONOUN_I_RE.finditer(text, p.start, p.end):
            i_all += 1
            i_upper += m.group()[0] == "I"
    return i_all < 3 or i_upper <= CAPITAL_SHARE * i_all


def _has_capitals(text: str, start: int, end: int) -> bool:
    """A quick no for most stories: the first sentences of the body, spoken or not, open with
    capitals (three, and more than a fifth of them, settle it)."""
    upper = lower = 0
    for m in _SENTENCE_START_RE.finditer(text, start, min(end, start + _SAMPLE)):
        if m.group(1).isupper():
            upper += 1
            if upper >= 3 and upper > 2 * CAPITAL_SHARE * (upper + lower):
                return True
        else:
            lower += 1
    return False


def _narration(p: Paragraph, quotes: list[tuple[int, int]], qstarts: list[int]):
    """The stretches of paragraph ``p`` outside quotations, each with whether it opens the paragraph."""
    k = bisect.bisect_left(qstarts, p.start)
    pos, first = p.start, True
    while k < len(quotes) and quotes[k][0] < p.end:
        qs, qe = quotes[k]
        if qs > pos + 1:
            yield pos, qs - 1, first  # up to the opening mark
        first = False
        pos = max(pos, qe + 1)  # past the closing mark
        k += 1
    if pos < p.end:
        yield pos, p.end, first


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


# A paragraph's first word in capitals, the next in normal case: a book's chapter openings
# ("|MARILLA came briskly forward", "MATTHEW Cuthbert and the sorrel mare").
_OPENING_CAPITALS_RE = re.compile(rf"[|*_\"'\u201c\u2018(\[ \t]*({_CAPS_WORD})(?=[ \t]+[A-Za-z][a-z])")


def opening_capitals(doc: Document) -> list[tuple[int, int]]:
    """The words in capitals that open paragraphs in the way of a book's chapter openings, in order."""
    text = doc.view("plain").text
    out = []
    for p in doc.body_paragraphs():
        m = _OPENING_CAPITALS_RE.match(text, p.start, p.end)
        if m is not None and len(m.group(1)) >= 2:
            out.append(m.span(1))
    return out


@cache
def lexicon_words() -> frozenset[str]:
    """Words the lexicons know as ordinary words, never a name in any case ("will", "look")."""
    return words("not_names") | words("speech_verbs") | words("action_verbs") | words("beat_verbs") | frozenset(pairs("pronouns"))


# Words after which a word is an ordinary word, not a name: articles, possessives and subject
# pronouns ("the rose", "his grey eyes", "i will", "she rose").
_ORDINARY_AFTER_RE = re.compile(
    r"(?<![\w'])(?:the|a|an|his|my|your|their|our|its|i|he|she|we|they)[ \t]+([a-z]+)(?![\w'])", re.IGNORECASE
)


def ordinary_words(doc: Document) -> frozenset[str]:
    """The words a story written in lower case uses as ordinary words (`_ORDINARY_AFTER_RE`)."""
    text = doc.view("plain").text
    found: set[str] = set()
    for p in doc.body_paragraphs():
        found.update(w.lower() for w in _ORDINARY_AFTER_RE.findall(text, p.start, p.end))
    return frozenset(found)
