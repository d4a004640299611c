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
from collections.abc import Iterator

from ficlens.model import Document, Paragraph
from ficlens.steps.wordsearch import glued

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
    return _line_spans(text.split("\n"))


def _line_spans(line_texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each of the lines ``text.split("\\n")`` gave."""
    out = []
    pos = 0
    for line in line_texts:
        end = pos + len(line)
        out.append((pos, end))
        pos = end + 1
    return out


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines, separated by blank (whitespace-only) lines."""
    return _runs(lines, [text[start:end] for start, end in lines])


def _runs(lines: list[tuple[int, int]], line_texts: list[str]) -> list[list[tuple[int, int]]]:
    """`_blocks` from the lines and their texts."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for span, line in zip(lines, line_texts):
        if _filled(line):
            current.append(span)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _filled(line: str) -> bool:
    """Whether a line is not blank (``isspace`` is what ``strip`` removes; a zero-width space or
    a byte-order mark, pasted from the web, is blank too)."""
    return bool(line) and not line.isspace() and bool(line.strip().strip(_INVISIBLE))


_INVISIBLE = "\u200b\ufeff"


def _text_lines(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """`_lines` of ``text`` and their texts; a text of ``\\n`` line endings is split once."""
    if "\r" in text:
        lines = _lines(text)
        return lines, [text[start:end] for start, end in lines]
    line_texts = text.split("\n")
    return _line_spans(line_texts), line_texts


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
    lines, line_texts = _text_lines(text)
    blocks = _runs(lines, line_texts)
    if _is_unwrapped(text, blocks):
        # Every non-blank line is a paragraph, trimmed as `_span` trims it.
        return [
            (start + len(line) - len(line.lstrip()), start + len(line.rstrip()))
            for (start, _), line in zip(lines, line_texts)
            if _filled(line)
        ]
    spans: list[tuple[int, int]] = []
    for block in blocks:
        pieces = [block] if len(block) == 1 else _split_wrapped(text, block)
        for piece in pieces:
            start, end = _span(text, piece)
            if end > start:
                spans.append((start, end))
    return spans


def run(doc: Document) -> None:
    # Positional arguments: a dataclass takes them in half the time of keywords, a hundred times a story.
    doc.paragraphs = [Paragraph(start, end, i) for i, (start, end) in enumerate(split_paragraphs(doc.text))]


def search_each(
    pattern: re.Pattern[str], text: str, paragraphs: list[Paragraph], whole_word: bool = False, also: str = ""
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in each paragraph, in order, as searching the paragraphs one by
    one (``finditer``, or `word_matches` with ``whole_word``) finds them, from a few searches of
    the text that pass over many paragraphs at once.

    For patterns whose assertions after a match read one character at most (``\\b``,
    ``(?!\\w)``). A match inside a paragraph is then the one the paragraph alone gives when white
    space follows the paragraph, as the `paragraphs` step makes it; only a match running past
    the paragraph's end is searched for again within it.
    """
    size = len(text)
    before_space = [p.end >= size or text[p.end].isspace() for p in paragraphs]  # white space after it
    k, n = 0, len(paragraphs)
    while k < n:
        if not before_space[k]:
            p = paragraphs[k]
            yield from _search_within(pattern, text, p.start, p.end, whole_word, also)
            k += 1
            continue
        last = k  # the paragraphs k..last are searched together
        while last + 1 < n and before_space[last + 1]:
            last += 1
        yield from _search_run(pattern, text, paragraphs, k, last, whole_word, also)
        k = last + 1


def _search_run(pattern, text, paragraphs, first: int, last: int, whole_word: bool, also: str):
    stop = paragraphs[last].end
    k = first
    pos = paragraphs[first].start
    m = pattern.search(text, pos, stop)
    while m is not None:
        at = m.start()
        while paragraphs[k].end <= at:
            k += 1
        p = paragraphs[k]
        if at < p.start:  # between paragraphs: search again from the next one's start
            m = pattern.search(text, p.start, stop)
        elif whole_word and at and glued(text, at, also):
            m = pattern.search(text, at + 1, stop)
        elif m.end() <= p.end:
            yield m
            m = pattern.search(text, m.end(), stop)
        else:  # running into the next paragraph: what the paragraph alone gives from here
            yield from _search_within(pattern, text, at, p.end, whole_word, also)
            if k == last:
                return
            m = pattern.search(text, paragraphs[k + 1].start, stop)


def _search_within(pattern, text, start: int, end: int, whole_word: bool, also: str):
    m = pattern.search(text, start, end)
    while m is not None:
        at = m.start()
        if whole_word and at and glued(text, at, also):
            m = pattern.search(text, at + 1, end)
            continue
        yield m
        m = pattern.search(text, m.end(), end)
