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
_ADDRESS_M = r"(?:sir|mister|my lord|my boy|young man|old man|old chap|my good man|son|sonny|lad|papa|father|dad|daddy|pa|uncle|brother|bro|dude)[,.!?]"
_ADDRESS_F = r"(?:madam|madame|ma'am|my lady|miss|young lady|my girl|lass|missus|mama|mamma|mother|mom|mum|mommy|mummy|aunt|auntie|sister)[,.!?]"
_ADDRESS_M_AT, _ADDRESS_M_AFTER = re.compile(_ADDRESS_M, re.I), re.compile(r",\s*" + _ADDRESS_M, re.I)
_ADDRESS_F_AT, _ADDRESS_F_AFTER = re.compile(_ADDRESS_F, re.I), re.compile(r",\s*" + _ADDRESS_F, re.I)


def title_gender(text: str, start: int, end: int) -> str | None:
    """The gender of the listener when the line ``text[start:end]`` calls them by a title."""
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
    m = _PARENT_AT.match(r.text, q.start, q.end) or _PARENT_AFTER.search(r.text, q.start, q.end)
    if not m:
        return set()
    gender = "M" if m.group(1).lower() in ("papa", "father") else "F"
    parents = r.families.parents(gender)
    for c in r.salience.ranked(6):
        if c in parents:
            return {c}
    return set()
