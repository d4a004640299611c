"""Whom a line calls by a title: "Yes, sir." says the listener is a man; "I cannot agree with
you, papa" names the one in focus who is someone's titled father. Read by the `speakers` step."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ficlens.model import Quote

if TYPE_CHECKING:
    from ficlens.steps.turn_reader import Reader

# A title said to the listener opens the line or follows a comma: "Yes, sir." / "Mamma, ...".
# "(?:^|,\s*)" + title is matched at the line's start, then searched for from each comma, which
# the regex engine jumps to (with the leading group it tried the pattern at every position).
_TITLES_M = "sir|mister|my lord|my boy|young man|old man|old chap|my good man|son|sonny|lad|papa|father|dad|daddy|pa|uncle|brother|bro|dude"
_TITLES_F = "madam|madame|ma'am|my lady|miss|young lady|my girl|lass|missus|mama|mamma|mother|mom|mum|mommy|mummy|aunt|auntie|sister"
_ADDRESS_M = rf"(?:{_TITLES_M})[,.!?]"
_ADDRESS_F = rf"(?:{_TITLES_F})[,.!?]"
_ADDRESS_M_AT, _ADDRESS_M_AFTER = re.compile(_ADDRESS_M, re.I), re.compile(r",\s*" + _ADDRESS_M, re.I)
_ADDRESS_F_AT, _ADDRESS_F_AFTER = re.compile(_ADDRESS_F, re.I), re.compile(r",\s*" + _ADDRESS_F, re.I)


# The last word of each title: every match above ends with one right before its mark.
_TITLE_ENDS = tuple(sorted({t.split()[-1] for t in f"{_TITLES_M}|{_TITLES_F}".split("|")}))
_PARENT_ENDS = ("papa", "father", "mamma", "mama", "mother")


def _may_follow_title(seg: str, marks: str, ends: tuple[str, ...], spaced: bool) -> bool:
    """Whether some mark of ``marks`` in ``seg`` comes right after one of the words ``ends`` (after
    white space too when ``spaced``), as every match of a title pattern needs: a quick test that
    spares most lines their searches. A line with a letter that IGNORECASE reads as a Latin one and
    `str.lower` does not lower to it (İ, ı, ſ, K) always passes."""
    if not seg.isascii() and ("\u0130" in seg or "\u0131" in seg or "\u017f" in seg or "\u212a" in seg):
        return True
    for mark in marks:
        i = seg.find(mark)
        while i >= 0:
            before = seg[:i].rstrip()[-8:] if spaced else seg[max(0, i - 8) : i]
            if before.lower().endswith(ends):
                return True
            i = seg.find(mark, i + 1)
    return False


def title_gender(text: str, start: int, end: int) -> str | None:
    """The gender of the listener when the line ``text[start:end]`` calls them by a title."""
    if not _may_follow_title(text[start:end], ",.!?", _TITLE_ENDS, False):
        return None
    m = _ADDRESS_M_AT.match(text, start, end) or _ADDRESS_M_AFTER.search(text, start, end)
    f = _ADDRESS_F_AT.match(text, start, end) or _ADDRESS_F_AFTER.search(text, start, end)
    if m and not f:
        return "M"
    if f and not m:
        return "F"
    return None


# "(?:^|[,!?.;]\s*)" + _PARENT, split as the titles are; the leftmost match is the one at the line's start, if any.
_PARENT = r"(?:(?:my|dear|dearest|oh)\s+)*(papa|father|mamma|mama|mother)\s*[,.!?;]"
_PARENT_AT, _PARENT_AFTER = re.compile(_PARENT, re.I), re.compile(r"[,!?.;]\s*" + _PARENT, re.I)


def parent_addressed(r: Reader, q: Quote) -> set[str]:
    """ "I cannot agree with you, papa": the one in focus who is someone's titled parent of
    that gender (Mr. Woodhouse), or no one."""
    if not _may_follow_title(r.text[q.start : q.end], ",.!?;", _PARENT_ENDS, True):
        return set()
    m = _PARENT_AT.match(r.text, q.start, q.end) or _PARENT_AFTER.search(r.text, q.start, q.end)
    if not m:
        return set()
    gender = "M" if m.group(1).lower() in ("papa", "father") else "F"
    parents = r.families.parents(gender)
    for c in r.salience.ranked(6):
        if c in parents:
            return {c}
    return set()
