"""Recognising chapter headings and scene breaks in a paragraph's text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": None,
}  # fmt: skip
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}

_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|hundred)"
)
_NUMBER = rf"(?:\d{{1,4}}|[ivxlcdm]{{1,8}}|{_NUMBER_WORD}|the\s+(?:{'|'.join(_ORDINALS)}))"
_SEP = r"(?:\s*[:.\-\u2013\u2014|~/]+\s*|\s+)"
_DECOR = "~*=#_-\u2013\u2014\u2022\u00b7+|<>[](){}\u2605\u2606\u2665\u2661 \t"

_CHAPTER_RE = re.compile(
    rf"^(?P<word>chapter|chap\.?|ch\.?|part|book|volume|vol\.?|act)\s*(?P<num>{_NUMBER})\b\.?"
    rf"(?:{_SEP}(?P<title>.*\S))?$",
    re.IGNORECASE,
)
_SPECIAL_RE = re.compile(
    rf"^(?P<word>prologue|epilogue|interlude|preface|foreword|afterword|introduction|omake|bonus chapter)\b"
    rf"(?:{_SEP}(?P<title>.*\S))?$",
    re.IGNORECASE,
)
_BARE_NUMBER_RE = re.compile(r"^(?P<num>\d{1,3}|[IVXLC]{1,7})\.?$")

_BREAK_CHARS = set("*~=#_-\u2013\u2014\u2022\u00b7+.oOxX|/\\<>\u2605\u2606\u2665\u2661\u25c6\u25c7\u2726\u2727\u00a7 \t")
_LETTER_BREAK_RE = re.compile(r"^(?:[xX]+|[oO]+|[xXoO]+)$")


@dataclass(slots=True)
class Heading:
    kind: str  # "chapter", "part" or "special"
    number: int | None
    title: str | None
    label: str


def roman_to_int(s: str) -> int | None:
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total if 0 < total < 4000 else None


def number_value(s: str) -> int | None:
    """The value of a chapter number written as digits, a Roman numeral or words."""
    s = s.strip().lower().rstrip(".")
    if s.isdigit():
        return int(s)
    if s.startswith("the"):
        return _ORDINALS.get(s[3:].strip())
    if s in _UNITS:
        return _UNITS.index(s)
    parts = re.split(r"[- ]", s)
    if parts[0] in _TENS:
        value = _TENS.index(parts[0]) * 10
        if len(parts) == 2 and parts[1] in _UNITS:
            value += _UNITS.index(parts[1])
        return value
    if s == "hundred":
        return 100
    return roman_to_int(s)


_MAYBE_HEADING_RE = re.compile(
    r"^\W*(?:chap|ch\b|ch\.|part|book|vol|act\b|prologue|epilogue|interlude|preface|foreword|afterword|"
    r"introduction|omake|bonus|\d{1,3}\W*$|[ivxlc]{1,7}\W*$)",
    re.IGNORECASE,
)

# The letters `_MAYBE_HEADING_RE` lets a heading start with.
_HEADING_INITIALS = frozenset("abcefilopvx")


_COUNT_RE = re.compile(r"\s*(?:of|/)\s*(?:\d+|\?)\s*$", re.IGNORECASE)


def parse_heading(text: str, allow_bare_number: bool = False) -> Heading | None:
    """The heading a short paragraph states, or None.

    Accepts "Chapter 1", "Chapter One: Title", "CHAPTER I.", "Ch. 3 - Title",
    "Part Two", "Prologue", "Epilogue: Title", decorated forms such as
    "~*~Chapter 2~*~", and (when ``allow_bare_number``) a bare "XII." or "12".
    """
    first = text[:1]
    if first.isascii() and first.isalpha() and first.lower() not in _HEADING_INITIALS:
        return None  # "He said", "The door": no heading word or numeral starts so
    if first and not first.isalnum() and first not in _DECOR and not first.isspace():
        return None  # '"Where were you?"': the heading would start with this mark, stripped of nothing
    if len(text) > 150 or "\n\n" in text or not _MAYBE_HEADING_RE.match(text.strip(_DECOR)):
        return None
    core = text.strip().strip(_DECOR).strip()
    if not core:
        return None
    if "\n" in core:
        first, _, rest = core.partition("\n")
        if len(first) > 60:
            return None
        heading = parse_heading(first)
        if heading and heading.title is None and len(rest.strip()) < 100:
            heading.title = rest.strip().strip(_DECOR) or None
        return heading
    m = _CHAPTER_RE.match(core)
    if m:
        word = m.group("word").lower().rstrip(".")
        kind = "part" if word in ("part", "book", "volume", "vol", "act") else "chapter"
        title = _clean_title(m.group("title"))
        number = number_value(m.group("num"))
        if number is None and not m.group("num").lower().startswith("the"):
            return None
        if _COUNT_RE.match(core, m.end("num")):
            return None  # "Chapter 4 of ?", "Chapter 2 of 12": where a work stands, over its header
        return Heading(kind, number, title, core)
    m = _SPECIAL_RE.match(core)
    if m:
        word = m.group("word").strip().title()
        return Heading("special", None, _clean_title(m.group("title")) or word, core)
    if allow_bare_number:
        m = _BARE_NUMBER_RE.match(core)
        if m:
            number = number_value(m.group("num"))
            if number is not None:
                return Heading("chapter", number, None, core)
    return None


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = title.strip().strip(_DECOR).strip().strip("\"'\u201c\u201d\u2018\u2019").strip()
    return title or None


def is_scene_break(text: str) -> bool:
    """True for a paragraph that only separates scenes: ***, ~~~, xXx, -o-o-o-, a rule."""
    if text[:1] not in _BREAK_CHARS and not text[:1].isspace():
        return False  # the usual paragraph: its first character is not one of a break's
    core = text.strip()
    if not core or len(core) > 60 or "\n" in core:
        return False
    if any(c not in _BREAK_CHARS for c in core):
        return False
    squeezed = core.replace(" ", "").replace("\t", "")
    if _LETTER_BREAK_RE.match(squeezed):
        # "xXx" or "oOo" but not an "Ooo" or "XXX" someone wrote as a word.
        return len(set(squeezed)) > 1 and squeezed != squeezed.capitalize()
    if len(squeezed) < 3 and not set(squeezed) & set("*#~\u2605\u2606\u2665\u2661\u25c6\u2726\u00a7"):
        return False
    return any(c not in "oOxX." for c in squeezed)
