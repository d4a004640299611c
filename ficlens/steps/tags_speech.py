"""Reading speech tags: the narration next to a quote that says who spoke.

`find_tag` looks at the narration right after a quote ("…," said Mark / "…,"
he asked quietly / "…," the older man muttered) and right before it (Mark said,
"…" / Then he asked her: "…") and returns the subject of the speech verb: a
character mention, a pronoun or an epithet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficlens.lexicon import words

_WORD = r"[A-Za-z\u00c0-\u00ff]+(?:'[A-Za-z]+)?"
_PRONOUNS = {"he": "M", "she": "F", "they": "N", "i": "I", "we": "W"}
_EPITHET_NOUNS = {
    "man": "M", "boy": "M", "guy": "M", "gentleman": "M", "lad": "M", "husband": "M", "father": "M",
    "brother": "M", "son": "M", "uncle": "M", "king": "M", "prince": "M", "lord": "M", "sir": "M",
    "woman": "F", "girl": "F", "lady": "F", "wife": "F", "mother": "F", "sister": "F", "daughter": "F",
    "aunt": "F", "queen": "F", "princess": "F", "mistress": "F", "gal": "F", "brunette": "F",
    "redhead": None, "blonde": "F", "blond": "M", "doctor": None, "surgeon": None, "nurse": None,
    "teacher": None, "student": None, "detective": None, "officer": None, "captain": None,
    "stranger": None, "child": None, "kid": None, "youth": None, "teen": None, "teenager": None,
    "professor": None, "soldier": None, "agent": None, "hunter": None, "wizard": None, "witch": "F",
    "boss": None, "friend": None, "latter": None, "former": None, "other": None, "one": None,
    "chief": None, "resident": None, "intern": None, "attending": None, "partner": None,
}  # fmt: skip
_EPITHET_RE = re.compile(
    rf"(?:the|his|her|their|my|our)\s+(?:{_WORD}\s+){{0,2}}(?P<noun>{'|'.join(_EPITHET_NOUNS)})\b",
    re.IGNORECASE,
)
_ADVERB = r"(?:[A-Za-z]+ly\s+|then\s+|again\s+|finally\s+|quickly\s+|softly\s+|back\s+)"
_SPEAKER_SLOT = rf"(?:(?:Mr|Mrs|Ms|Dr|Prof|St)\.?\s+)?[A-Z]{_WORD}(?:\s+[A-Z]{_WORD}){{0,2}}|he|she|they|I|we|(?:the|his|her|their|my|our)\s+(?:{_WORD}\s+){{0,2}}(?:{'|'.join(_EPITHET_NOUNS)})"
_AFTER_INVERTED = re.compile(rf"^[\s,\-]*{_ADVERB}?(?P<verb>{_WORD})\s+{_ADVERB}?(?P<who>{_SPEAKER_SLOT})\b")
_AFTER_NORMAL = re.compile(rf"^[\s,\-]*(?P<who>{_SPEAKER_SLOT})\s+{_ADVERB}?(?P<verb>{_WORD})\b")
_BEFORE = re.compile(
    rf"(?:^|[.!?;]\s+|,\s+|\b(?:and|then|when|as|but|so|while)\s+)(?P<who>{_SPEAKER_SLOT})\s+{_ADVERB}?"
    rf"(?P<verb>{_WORD})(?P<rest>[^.!?\"]{{0,40}}?)[,:\-]?\s*$"
)


@dataclass(slots=True)
class Tag:
    """The subject of a speech tag: ``kind`` is name, pronoun or epithet."""

    start: int
    end: int
    kind: str
    gender: str | None
    verb: str
    after: bool


def _speech_verb(verb: str, strict: bool) -> bool:
    v = verb.lower()
    if v in words("speech_verbs") or v in words("beat_verbs"):
        return True
    return not strict and (v.endswith("ed") or v in words("action_verbs"))


def _classify(who: str) -> tuple[str, str | None]:
    low = who.lower()
    if low in _PRONOUNS:
        return "pronoun", _PRONOUNS[low]
    m = _EPITHET_RE.fullmatch(who)
    if m:
        return "epithet", _EPITHET_NOUNS[m.group("noun").lower()]
    return "name", None


def _tag(m: re.Match[str], base: int, after: bool) -> Tag | None:
    who = m.group("who")
    kind, gender = _classify(who)
    if kind == "name" and who.split()[0].lower() in words("not_names"):
        return None
    start = base + m.start("who")
    return Tag(start, start + len(who), kind, gender, m.group("verb").lower(), after)


def tag_after(text: str, start: int, end: int) -> Tag | None:
    """A tag in the narration ``text[start:end]`` that follows a quote."""
    seg = text[start:end]
    if not seg.strip():
        return None
    m = _AFTER_INVERTED.match(seg)
    if m and _speech_verb(m.group("verb"), strict=True):
        t = _tag(m, start, True)
        if t:
            return t
    m = _AFTER_NORMAL.match(seg)
    if m and _speech_verb(m.group("verb"), strict=seg.lstrip()[:1] not in (",", "-")):
        lead = seg[: m.start("who")]
        if "," in lead or "-" in lead or m.group("who")[0].islower() or _speech_verb(m.group("verb"), strict=True):
            return _tag(m, start, True)
    return None


def tag_before(text: str, start: int, end: int) -> Tag | None:
    """A tag in the narration ``text[start:end]`` that precedes a quote ("Mark said, ")."""
    seg = text[start:end]
    if not seg.strip():
        return None
    m = _BEFORE.search(seg[-160:])
    if not m or not _speech_verb(m.group("verb"), strict=True):
        return None
    return _tag(m, start + max(0, len(seg) - 160), False)
