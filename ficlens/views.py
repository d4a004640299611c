"""Normalised views of a document's text that map back to its offsets.

The analysis wants curly and straight quotes alike, one kind of dash, one kind of
space, and case folded; the document model wants the text exactly as decoded. A
`TextView` holds a normalised copy plus the mapping from its positions to the
original's. The views built here are length-preserving (each character becomes
exactly one character), so the mapping is the identity and a regex match in the
view is a span of the document; `TextView.to_source` still exists for views that
are not, so callers never assume it.

Views:
    ``plain``: quotes, apostrophes, dashes and spaces unified; case kept.
    ``folded``: ``plain``, then lower-cased character by character.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

_PLAIN_MAP = {
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"},
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4\uff07"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
    # Spaces, with the zero-width space and a byte-order mark inside the text (pasted from the web).
    **{ord(c): " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\u200b\ufeff"},
    ord("\u2026"): ".",
}
# The same mapping as (character, replacement) pairs: replacing the few characters a text
# holds is far faster than `str.translate`, which looks up every character of a non-ASCII
# text. No replacement is itself a key, so the order of the replacements does not matter.
_PLAIN_PAIRS = tuple((chr(k), v) for k, v in _PLAIN_MAP.items())
_ASCII_KEYS = tuple(c for c, _ in _PLAIN_PAIRS if c.isascii())  # the backtick


def _fold_char(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


def _folded(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(_fold_char(c) for c in text)


@dataclass(slots=True)
class TextView:
    """A normalised text and the offsets of its characters in the document text."""

    name: str
    text: str
    offsets: array | None = None

    def to_source(self, i: int) -> int:
        """Document offset of view position ``i`` (``len(view)`` maps to the text's end)."""
        if self.offsets is None:
            return i
        return self.offsets[i]


def plain(text: str) -> str:
    """Length-preserving normalisation: one kind of quote, apostrophe, dash and space.

    Line endings become ``\n`` (CRLF as space + newline, so no blank line appears).
    """
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if text.isascii() and not any(c in text for c in _ASCII_KEYS):
        return text
    for char, replacement in _PLAIN_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def build_view(name: str, text: str) -> TextView:
    if name == "plain":
        return TextView(name, plain(text))
    if name == "folded":
        return TextView(name, _folded(plain(text)))
    raise KeyError(f"unknown view {name!r}")
