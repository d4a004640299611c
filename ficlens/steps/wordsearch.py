"""Searching for whole words quickly.

Python's regex engine jumps straight to the letters a pattern can begin with only when
the pattern itself begins with them; a leading ``\\b`` (or a lookahead) makes it try
every position of the text, which costs several times more. `word_matches` gives the
matches of ``\\b`` + a pattern from a pattern compiled without that ``\\b``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def word_matches(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``\\b`` + ``pattern`` in ``text[start:end]``, as ``finditer`` would give
    them; every match of ``pattern`` must begin with a word character."""
    end = len(text) if end is None else end
    m = pattern.search(text, start, end)
    while m:
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):  # inside a word: no \b here
            m = pattern.search(text, at + 1, end)
            continue
        yield m
        m = pattern.search(text, m.end(), end)
