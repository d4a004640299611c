"""Step `coref`: resolve pronouns and epithets in narration to characters.

A light, linear resolver in the spirit of salience-based anaphora resolution:
walking the body in order, it remembers when each character was last named,
last spoke and last was a subject; a subject pronoun (he, she, singular they of
a character marked N) or an epithet ("the older man", "the brunette") goes to
the most salient character whose gender fits, preferring one already named in
the same paragraph. Object and possessive pronouns are left alone: they mostly
point to the other person in the scene, where the evidence is weakest.
"""

from __future__ import annotations

import bisect
import re

from ficlens.model import Document, Mention
from ficlens.steps.tags_speech import EPITHET_NOUNS as _EPITHET_NOUNS
from ficlens.steps.paragraphs import search_each
from ficlens.steps.roster_match import trie_pattern

# He, She, he, she, They or they at the text's start or after a space, a quotation mark, "(", "*",
# "_" or "-"; begun with its first letters (`wordsearch`).
_PRONOUN_RE = re.compile(r"[HhSsTt](?:(?<=^.)|(?<=[\s\"'(*_\-].))(?:(?<=[Hh])e|(?<=[Ss])he|(?<=[Tt])hey)\b")
_EPITHET_ADJECTIVES = (
    "older younger elder taller shorter other first second smaller bigger larger "
    "dark-haired fair-haired red-haired blond blonde brunet brunette ginger raven-haired "
    "young old little tall short pale handsome beautiful pretty injured exhausted sleepy grinning smirking"
).split()
# The adjectives and nouns as tries (`trie_pattern`): a few letters tried after each "the", not every
# word in turn. Each is a whole word followed by a space or \b, so at most one of them fits anywhere
# and the matches are those of their alternation in any order.
_EPITHET_RE = re.compile(  # with \b before it (`search_each` with whole_word)
    r"[Tt]he\s+(?:(?:" + trie_pattern(_EPITHET_ADJECTIVES, space=" ") + r")\s+)?(?P<noun>"
    + trie_pattern([k for k in _EPITHET_NOUNS if k not in ("one", "other", "latter", "former")], space=" ")
    + r")\b"
)
_GENDER = {"he": "M", "she": "F", "they": "N"}


def run(doc: Document) -> None:
    text = doc.view("plain").text
    gender = {c.id: c.gender for c in doc.characters}
    names = sorted((m for m in doc.mentions if m.kind == "name"), key=lambda m: m.start)
    quotes = sorted((q.start, q.end, q.speaker) for q in doc.quotes)
    qstarts = [q[0] for q in quotes]
    events: list[tuple[int, int, str, object]] = []
    for m in names:
        events.append((m.start, m.end, "name", m.character))
    body = doc.body_paragraphs()
    for pm in search_each(_PRONOUN_RE, text, body):
        events.append((pm.start(), pm.end(), "pronoun", _GENDER[pm.group().lower()]))
    for em in search_each(_EPITHET_RE, text, body, whole_word=True):
        events.append((em.start(), em.end(), "epithet", _EPITHET_NOUNS.get(em.group("noun").lower())))
    events.sort(key=lambda e: e[0])
    seen: dict[str, int] = {}
    para_starts = [p.start for p in doc.paragraphs]
    added: list[Mention] = []
    q_next = 0
    for start, end, kind, value in events:
        while q_next < len(quotes) and quotes[q_next][0] < start:
            q_start, _, q_speaker = quotes[q_next]
            if q_speaker:
                seen[q_speaker] = q_start
            q_next += 1
        k = bisect.bisect_right(qstarts, start) - 1
        if k >= 0 and quotes[k][0] <= start < quotes[k][1]:
            continue
        if kind == "name":
            if value:
                seen[value] = start  # type: ignore[index]
            continue
        g = value
        if kind == "pronoun" and g == "N":
            pool = [c for c in seen if gender.get(c) == "N"]
        else:
            pool = [c for c in seen if g is None or gender.get(c) in (g, None)]
        if not pool:
            continue
        para_start = para_starts[bisect.bisect_right(para_starts, start) - 1]
        best = max(pool, key=lambda c: (seen[c] >= para_start, gender.get(c) == g, seen[c]))
        added.append(Mention(start, end, best, kind))  # (start, end, character, kind)
        seen[best] = start
    doc.mentions = sorted([*doc.mentions, *added], key=lambda m: m.start)
