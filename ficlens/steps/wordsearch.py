"""Searching for whole words quickly.

Python's regex engine jumps straight to the letters a pattern can begin with only when
the pattern itself begins with them; a leading ``\\b``, lookbehind or lookahead makes it
try every position of the text, which costs several times more. `word_matches` gives
the matches of ``(?<![\\w])`` + a pattern from a pattern compiled without it. A pattern whose
matches begin with one of a few letters can instead begin with the set of them and read the
letter again behind it, with no Python between matches: ``\\b(?:[Hh]e|[Ss]he)`` as
``[HhSs](?<!\\w.)(?:(?<=[Hh])e|(?<=[Ss])he)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def word_matches(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None, also: str = ""
) -> Iterator[re.Match[str]]:
    """The matches in ``text[start:end]`` of ``(?<![^\\W_])`` + ``pattern``
    (``(?<![^\\W_])(?<![^\\W_]')`` with ``also="'"``), as ``finditer`` would give them. For a
    pattern whose matches begin with a letter, ``(?<![^\\W_])`` is ``\\b`` except after an
    underscore, which in a story marks emphasis ("_Neil_") and glues to nothing."""
    end = len(text) if end is None else end
    m = pattern.search(text, start, end)
    while m:
        at = m.start()
        if at and glued(text, at, also):
            m = pattern.search(text, at + 1, end)
            continue
        yield m
        m = pattern.search(text, m.end(), end)


def glued(text: str, at: int, also: str = "") -> bool:
    """Whether ``text[at]`` continues a word: after a letter or digit, or after one of ``also``
    that follows one ("O'Neil"; an opening quote mark, as in "'Neil, wait!'", does not glue,
    nor does the underscore of "_Neil_")."""
    ch = text[at - 1]
    if ch.isalnum():
        return True
    return ch in also and at >= 2 and text[at - 2].isalnum()
