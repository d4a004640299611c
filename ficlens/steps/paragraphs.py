"""Step `paragraphs`: split the text into paragraphs.

Stories come in two shapes. Hard-wrapped text (Project Gutenberg, many archives)
breaks lines at a fixed width and separates paragraphs by blank lines or by an
indented first line. Pasted text (FanFiction.Net, AO3 copies) puts each
paragraph on one line, with or without blank lines between. The step decides
which shape the document has from its line lengths, then cuts accordingly.
A paragraph's span leaves out its leading indentation and trailing whitespace.
"""

from __future__ import annotations

import re

from ficlens.model import Document, Paragraph

_BREAK = re.compile(r"\r\n|\r|\n")

# A line longer than this is not hard-wrapped.
_WRAP_LIMIT = 100


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line ending."""
    if "\r" not in text:
        return _newline_lines(text)
    out = []
    pos = 0
    n = len(text)
    for m in _BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    if pos <= n:
        out.append((pos, n))
    return out


def _newline_lines(text: str) -> list[tuple[int, int]]:
    """`_lines` of a text whose only line ending is ``\\n``."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        out.append((pos, end))
        pos = end + 1
    return out


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines, separated by blank (whitespace-only) lines."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in lines:
        if text[start:end].strip():
            current.append((start, end))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_unwrapped(text: str, blocks: list[list[tuple[int, int]]]) -> bool:
    """True when lines inside blocks are whole paragraphs rather than wrapped pieces."""
    inner = [e - s for block in blocks if len(block) > 1 for s, e in block[:-1]]
    if not inner:
        return True
    long_lines = sum(1 for n in inner if n > _WRAP_LIMIT)
    return long_lines > 0.1 * len(inner)


def _indent(text: str, start: int, end: int) -> int:
    line = text[start:end]
    return len(line) - len(line.lstrip(" \t\u3000"))


def _split_wrapped(text: str, block: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Cut a hard-wrapped block where an indented line starts a new paragraph."""
    indents = [_indent(text, s, e) for s, e in block]
    indented = sum(1 for i in indents[1:] if i > 0)
    if indented == 0 or (indented == len(block) - 1 and indents[0] > 0 and len(block) > 2):
        # No indentation, or every line indented (verse, a letter, a quoted block).
        return [block]
    paras: list[list[tuple[int, int]]] = [[block[0]]]
    for line, indent in zip(block[1:], indents[1:]):
        # An indented line that begins in lower case goes on with the sentence before it.
        if indent > 0 and not text[line[0] + indent : line[0] + indent + 1].islower():
            paras.append([line])
        else:
            paras[-1].append(line)
    return paras


def _span(text: str, lines: list[tuple[int, int]]) -> tuple[int, int]:
    start, end = lines[0][0], lines[-1][1]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of ``text`` (see the module docstring)."""
    blocks = _blocks(text, _lines(text))
    spans: list[tuple[int, int]] = []
    unwrapped = _is_unwrapped(text, blocks)
    for block in blocks:
        if unwrapped or len(block) == 1:
            pieces = [[line] for line in block]
        else:
            pieces = _split_wrapped(text, block)
        for piece in pieces:
            start, end = _span(text, piece)
            if end > start:
                spans.append((start, end))
    return spans


def run(doc: Document) -> None:
    doc.paragraphs = [
        Paragraph(start, end, index=i) for i, (start, end) in enumerate(split_paragraphs(doc.text))
    ]
