"""First-person narrators: "'Come in,' I said."

In a story told in the first person the narrator speaks under the pronoun "I"
and is in almost every conversation, yet is seldom named in narration. The
`speakers` step gives the narrator a candidate of its own (`NARRATOR`); once
the conversations are decoded, `identify` looks for the character the others
address by name when they answer the narrator's lines, and gives the
narrator's lines to that character. A narrator the text never names becomes a
character of its own, "Narrator".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ficlens.model import Character, Document

NARRATOR = "narrator"
# \b(?:I|m(?:e|y|yself|ine))\b, begun with its first letters (`wordsearch`).
_FIRST_PERSON_RE = re.compile(r"[Im](?<!\w.)(?:(?<=I)|(?<=m)(?:e|y|yself|ine))\b")
_WORD_RE = re.compile(r"\w+")  # maximal runs: the same words as \b\w+\b, without its boundary checks
# "I", "me", "my" per word of narration above which a story is told in the first person.
_RATE = 0.012


def is_first_person(doc: Document) -> bool:
    """Whether the narration (outside quotes) speaks as "I"."""
    text = doc.view("plain").text
    spans = sorted(q.outer for q in doc.quotes)
    starts = [s for s, _ in spans]
    # Most stories say "I" in no narration: the text between the quotes, which holds every
    # narration paragraph with the white space around it, shows that at once.
    ends = [0, *(e for _, e in spans)]
    if not _FIRST_PERSON_RE.search("\n".join(text[a:b] for a, b in zip(ends, [*starts, len(text)]))):
        return False
    narration: list[str] = []
    for p in doc.body_paragraphs()[:2000]:
        pos = p.start
        k = bisect.bisect_left(starts, p.start)
        while pos < p.end:
            stop = spans[k][0] if k < len(spans) and spans[k][0] < p.end else p.end
            narration.append(text[pos:stop])
            if stop >= p.end:
                break
            pos = spans[k][1]
            k += 1
    joined = "\n".join(narration)
    first_person = len(_FIRST_PERSON_RE.findall(joined))
    if not first_person:
        return False  # most stories: no need to count the words
    words = len(_WORD_RE.findall(joined))
    # A short piece needs a few "I"s of its own: one "I" in a drabble's narration is not a narrator.
    return (words > 200 or first_person >= 3) and first_person / words > _RATE


def identify(doc: Document, turns) -> str | None:
    """The character who narrates: the one the others name when they answer the narrator."""
    votes: Counter = Counter()
    for i, t in enumerate(turns):
        if t.speaker != NARRATOR:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(turns) and turns[j].speaker not in (None, NARRATOR):
                for v in turns[j].vocatives:
                    votes[v] += 1
    if not votes:
        return None
    who, n = votes.most_common(1)[0]
    return who if n >= 2 else None


def narrator_character(doc: Document) -> Character:
    existing = doc.character(NARRATOR)
    if existing:
        return existing
    c = Character(id=NARRATOR, name="Narrator", aliases=["I"])
    doc.characters.append(c)
    return c
