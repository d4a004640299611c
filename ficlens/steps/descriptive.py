"""Characters known by a description: "said the Hatter", "the policeman asked".

Many people in a story are never named: the Mock Turtle, the landlady, the
General, the policeman who keeps turning up. A description that is the
subject of speech tags again and again stands for one person. `find` collects
descriptions seen as tag subjects at least `_MIN_TAGS` times and every place the
story uses them. Generic words that point to different people at different
times ("the man", "the girl", "the stranger") are left to the epithet resolver.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ficlens.lexicon import words
from ficlens.model import Document

_MIN_TAGS = 3
# Words for anyone (and kin, which `kinship` reads): never one person's name. Roles such as
# "the landlady" or "the doctor" usually are, within one story.
GENERIC = frozenset(
    """man woman boy girl gentleman lady child kid stranger fellow person guy gal lad youth teen teenager
    one other others rest same first second third last former latter whole two three both voice
    people party company crowd family group room house door thing things way day night time
    reply answer question words word end father mother papa mama mamma husband wife brother sister
    son daughter aunt uncle cousin grandmother grandfather friend partner""".split()
)
_NOUN = r"[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)?"


@dataclass
class Description:
    """A description used as a person's name, e.g. ``the Mock Turtle``."""

    phrase: str  # as the story most often writes it, without "the"
    tags: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"The {self.phrase}" if self.phrase[0].isupper() else f"the {self.phrase}"


def _verbs() -> str:
    return "|".join(sorted(words("speech_verbs"), key=len, reverse=True))


def find(doc: Document, quotes: list[tuple[int, int]]) -> list[Description]:
    """Descriptions that serve as names (see the module docstring)."""
    text = doc.view("plain").text
    verbs = _verbs()
    after = re.compile(rf"^[\s,\-]*(?:{verbs})\s+the\s+(?P<x>(?:{_NOUN}\s+)?{_NOUN})\b")
    before = re.compile(rf"^[\s,\-]*the\s+(?P<x>(?:{_NOUN}\s+)?{_NOUN})\s+(?:{verbs})\b")
    counts: Counter = Counter()
    spelled: dict[str, Counter] = defaultdict(Counter)
    for _, end in quotes:
        seg = text[end : end + 80]
        for pattern in (after, before):
            m = pattern.match(seg)
            if m:
                phrase = " ".join(m.group("x").split())
                head = phrase.split()[-1].lower()
                if head in GENERIC or head in words("speech_verbs") or head in words("not_names"):
                    continue
                counts[phrase.lower()] += 1
                spelled[phrase.lower()][phrase] += 1
    found = []
    for key, n in counts.items():
        if n < _MIN_TAGS:
            continue
        phrase = spelled[key].most_common(1)[0][0]
        d = Description(phrase, tags=n)
        pattern = re.compile(r"\b[Tt]he\s+" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"\b", re.IGNORECASE if phrase.islower() else 0)
        for p in doc.body_paragraphs():
            d.spans.extend((m.start(), m.end()) for m in pattern.finditer(text, p.start, p.end))
        found.append(d)
    return found
