"""Step `presence`: per-character counts, and who is on the page.

``mentions`` counts every resolved mention (names, pronouns, epithets);
``quotes`` the lines attributed to the character. A character is ``on_page``
when they speak, are spoken to, or act in narration (named as the subject of a
sentence or resolved from a subject pronoun); one who is only talked about, in
dialogue or in passing, is not.
"""

from __future__ import annotations

import bisect
from collections import Counter
from functools import cache

from ficlens.lexicon import words
from ficlens.model import Document
from ficlens.steps.names import _next_word


@cache
def _acting_words() -> frozenset[str]:
    return words("action_verbs") | words("speech_verbs") | words("beat_verbs")


def run(doc: Document) -> None:
    text = doc.view("plain").text
    quotes = sorted((q.start, q.end) for q in doc.quotes)
    qstarts = [q[0] for q in quotes]
    mentions = Counter(m.character for m in doc.mentions if m.character)
    spoken = Counter(q.speaker for q in doc.quotes if q.speaker)
    addressed = {a for q in doc.quotes for a in q.addressees}
    actions = _acting_words()
    acting: set[str] = set()
    for m in doc.mentions:
        if not m.character or m.character in acting:
            continue
        k = bisect.bisect_right(qstarts, m.start) - 1
        if k >= 0 and quotes[k][0] <= m.start < quotes[k][1]:
            continue
        if m.kind != "name":
            acting.add(m.character)
            continue
        nxt = _next_word(text, m.end, m.end + 40)
        if nxt in actions or (nxt.endswith("ed") and len(nxt) > 3):
            acting.add(m.character)
    for c in doc.characters:
        c.mentions = mentions.get(c.id, 0)
        c.quotes = spoken.get(c.id, 0)
        c.on_page = c.quotes > 0 or c.id in addressed or c.id in acting
    doc.characters.sort(key=lambda c: (-(c.quotes * 3 + c.mentions), c.name))
