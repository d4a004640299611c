"""Narrators who take part: "'Come in,' I said." and, in a reader-insert, "'Hi,' you say."

In a story told in the first person the narrator speaks under the pronoun "I"
and is in almost every conversation, yet is seldom named in narration. The
`speakers` step gives the narrator a candidate of its own (`NARRATOR`); once
the conversations are decoded, `identify` looks for the character the others
address by name when they answer the narrator's lines, and gives the
narrator's lines to that character. A narrator the text never names becomes a
character of its own, "Narrator".

A story told in the second person ("x Reader" fan fiction: "You roll your eyes.") has the
reader as its narrator in the same way, speaking as "you" and called "Y/N" (your name) by
the others; `add_reader` makes that character, "Reader", as the archives tag them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ficlens.model import Character, Document, Mention

NARRATOR = "narrator"
# \b(?:I|m(?:e|y|yself|ine))\b, begun with its first letters (`wordsearch`).
_FIRST_PERSON_RE = re.compile(r"[Im](?<!\w.)(?:(?<=I)|(?<=m)(?:e|y|yself|ine))\b")
# \b[Yy]ou(?:rs?|rself)?\b, begun with its first letter (`wordsearch`).
_SECOND_PERSON_RE = re.compile(r"[Yy](?<!\w.)ou(?:rs?|rself)?\b")
# The reader's name left blank for them to fill in: "Y/N", "(Y/N)", "[y/n]"; "Y/L/N" for a surname.
READER_PLACEHOLDER_RE = re.compile(r"\b[Yy]/(?:[LlFfMm]/)?[Nn]\b")
_WORD_RE = re.compile(r"\w+")  # maximal runs: the same words as \b\w+\b, without its boundary checks
# "I", "me", "my" per word of narration above which a story is told in the first person.
_RATE = 0.012


def narration_person(doc: Document) -> str | None:
    """ "I" for a story told in the first person, "you" for one told in the second, else None."""
    text = doc.view("plain").text
    spans = sorted(q.outer for q in doc.quotes)
    starts = [s for s, _ in spans]
    # Most stories say "I" or "you" in no narration: the text between the quotes, which holds
    # every narration paragraph with the white space around it, shows that at once.
    ends = [0, *(e for _, e in spans)]
    between = "\n".join(text[a:b] for a, b in zip(ends, [*starts, len(text)]))
    # The narration is part of that text, and a narrator needs three "I"s or "you"s at least.
    if len(_FIRST_PERSON_RE.findall(between)) < 3 and len(_SECOND_PERSON_RE.findall(between)) < 3:
        return None
    joined = _narration(doc, text, spans, starts)
    first = len(_FIRST_PERSON_RE.findall(joined))
    second = len(_SECOND_PERSON_RE.findall(joined))
    if not first and not second:
        return None  # most stories: no need to count the words
    words = len(_WORD_RE.findall(joined))
    person, count = ("I", first) if first >= second else ("you", second)
    # A short piece needs a few of its own: one "I" in a drabble's narration is not a narrator.
    return person if (words > 200 or count >= 3) and count / words > _RATE else None


def _narration(doc: Document, text: str, spans: list[tuple[int, int]], starts: list[int]) -> str:
    """The body's narration: its paragraphs without their quotes (the first 2,000 paragraphs)."""
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
    return "\n".join(narration)


def listed_narrator(doc: Document, pronoun: str) -> str | None:
    """The roster's character listed under the narrator's pronoun ("I"; "you", "Reader" or
    "Y/N"), made a character of the story if no name of theirs is in it."""
    listed = [c for c in doc.roster or [] if _goes_by_narrator(c, pronoun)]
    if len(listed) != 1:
        return None
    found = doc.character(listed[0].id)
    if found is None:
        c = listed[0]
        doc.characters.append(Character(id=c.id, name=c.name, aliases=list(c.aliases), gender=c.gender, from_roster=True))
    return listed[0].id


CLOSE_VOTES = 0.8  # of the leader's votes, for a candidate to be weighed against them
QUIETER = 3  # times fewer narrated mentions, to be preferred to the leader


def identify(doc: Document, turns) -> str | None:
    """The character who narrates: the one the others name when they answer the narrator; of
    several named about as often, the one the narration (which says "I") names least."""
    votes: Counter = Counter()
    for i, t in enumerate(turns):
        if t.speaker != NARRATOR:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(turns) and turns[j].speaker not in (None, NARRATOR):
                for v in turns[j].vocatives:
                    votes[v] += 1
    narrated = _narrated(doc)
    if votes:
        who, n = votes.most_common(1)[0]
        if n >= 2:
            # "Alexis" 10 votes, "Martha" 9 (the Grandmother calls her maid in the same scenes);
            # the narration names Martha 31 times and Alexis never.
            close = [c for c, m in votes.items() if m >= CLOSE_VOTES * n]
            quietest = min(close, key=lambda c: (narrated[c], -votes[c]))
            return quietest if narrated[quietest] * QUIETER <= narrated[who] else who
    return _named_only_by_others(turns, narrated)


def _narrated(doc: Document) -> Counter:
    """How often the narration, outside the quotes, names each character."""
    spans = sorted(q.outer for q in doc.quotes)
    starts = [s for s, _ in spans]

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    text = doc.view("plain").text
    # A sender's name before a chat line's colon ("Charlie: yes") is no narration of them.
    return Counter(
        m.character
        for m in doc.mentions
        if m.kind == "name" and m.character and not quoted(m.start) and not text.startswith(":", m.end)
    )


def _named_only_by_others(turns, narrated: Counter) -> str | None:
    """The one character the others call by name at least twice whom the narration never names:
    in a story told as "I", that is the one telling it ("Charlie", "Stiles")."""
    called = Counter(v for t in turns for v in t.vocatives)
    found = [c for c, n in called.items() if n >= 2 and not narrated[c] and c != NARRATOR]
    return found[0] if len(found) == 1 else None


def _goes_by_narrator(c: Character, pronoun: str) -> bool:
    names = [n.strip().lower() for n in c.names()]
    if pronoun == "Y":
        return any(n in ("you", "reader") or READER_PLACEHOLDER_RE.fullmatch(n) for n in names)
    return "i" in names


def narrator_character(doc: Document, pronoun: str = "I") -> Character:
    """The narrator as a character of their own: "Narrator" ("I"), or "Reader" ("you")."""
    existing = doc.character(NARRATOR)
    if existing:
        return existing
    if pronoun == "Y":
        c = Character(id=NARRATOR, name="Reader", aliases=["you"], gender=reader_gender(doc.view("plain").text))
    else:
        c = Character(id=NARRATOR, name="Narrator", aliases=["I"])
    doc.characters.append(c)
    return c


# "Female!Reader", "fem!reader", "Female Reader", "Male!Reader", "GN!Reader", "Gender Neutral Reader",
# as reader-inserts are tagged and titled.
_READER_GENDER_RE = re.compile(
    r"\b(?:(?P<g>female|fem|male|gender[ -]?neutral|non[ -]?binary)\s*!?|(?P<short>f|m|gn|nb)\s*!)\s*reader\b", re.IGNORECASE
)


def reader_gender(text: str) -> str | None:
    """The reader's gender as the work tags it ("Dean Winchester x Female!Reader"), if it does,
    and only one way."""
    found = {
        "F" if g in ("female", "fem", "f") else "M" if g in ("male", "m") else "N"
        for g in ((m.group("g") or m.group("short")).lower() for m in _READER_GENDER_RE.finditer(text))
    }
    return found.pop() if len(found) == 1 else None


def add_reader(doc: Document) -> None:
    """The reader of a reader-insert as a character, "Reader" (aliases "Y/N", …), with a mention at
    each placeholder the story leaves for their name ("Y/N," Dean says), unless a character already
    goes by one."""
    text = doc.view("plain").text
    if "Y/" not in text and "y/" not in text:  # a quick test before the pattern's search
        return
    found = [m for p in doc.body_paragraphs() for m in READER_PLACEHOLDER_RE.finditer(text, p.start, p.end)]
    if not found:
        return
    spellings = Counter(m.group() for m in found)
    placeholders = sorted(spellings, key=lambda p: (len(p) > 3, -spellings[p], p))  # "Y/N" before "Y/L/N"
    held = {n.lower() for c in doc.characters for n in c.names()}
    if doc.character(NARRATOR) or any(p.lower() in held for p in placeholders):
        return
    # "Reader", as archives tag them ("Dean Winchester/Reader"); "Y/N" would not survive a "/" tag.
    doc.characters.append(Character(id=NARRATOR, name="Reader", aliases=[*placeholders, "you"], gender=reader_gender(text)))
    doc.mentions = sorted([*doc.mentions, *(Mention(m.start(), m.end(), NARRATOR) for m in found)], key=lambda m: m.start)
