"""Step `sentences`: split body paragraphs into sentences.

A sentence ends at . ! ? or an ellipsis (with any closing quotes or brackets)
followed by space and a capital, a digit or an opening mark; never inside a
quotation (a quote is one unit of the sentence around it), and never after a
title ("Mr.", "Dr.") or an initial ("J. K. Rowling").
"""

from __future__ import annotations

import bisect
import re

from ficlens.model import Document, Sentence

# (?:[.!?]+|\u2026) and what closes it, begun with a set of characters (the regex engine jumps to
# those; an alternation of a repeat and a character it tries at every position).
_BOUNDARY = re.compile(
    r"[.!?\u2026](?:(?<=[.!?])[.!?]*|(?<=\u2026))[\"'\u201d\u2019)\]*_]*(?=\s+[\"'\u201c\u2018(\[*_]*[A-Z0-9\u00c0-\u00de])"
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof capt col gen lt sgt jr sr vs etc no vol ch mt ft rev hon gov sen rep messrs "
    "mme mlle mm inc ltd co e.g i.e cf al fig op approx dept univ ave blvd rd esq".split()
)


def split_sentences(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``; ``quotes`` are (start, end) spans not to cut."""
    qstarts = [q[0] for q in quotes]
    spans = []
    pos = start
    seg = text[start:end]
    for m in _BOUNDARY.finditer(seg):
        cut = start + m.end()
        k = bisect.bisect_right(qstarts, cut) - 1
        if k >= 0 and quotes[k][0] < cut < quotes[k][1]:
            continue
        dot = start + m.start()
        if text[dot] == ".":
            word_start = dot
            while word_start > start and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
                word_start -= 1
            word = text[word_start:dot].lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper()):
                continue
        spans.append((pos, cut))
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        spans.append((pos, end))
    return spans


def run(doc: Document) -> None:
    sentences: list[Sentence] = []
    text = doc.text
    quotes = [q.outer for q in doc.quotes]
    qstarts = [q[0] for q in quotes]
    for p in doc.body_paragraphs():
        if not _BOUNDARY.search(text, p.start, p.end):  # one sentence, the commonest case
            sentences.append(Sentence(p.start, p.end, p.index))  # (start, end, paragraph)
            continue
        lo = bisect.bisect_left(qstarts, p.start)
        hi = bisect.bisect_left(qstarts, p.end)
        for s, e in split_sentences(text, p.start, p.end, quotes[lo:hi]):
            sentences.append(Sentence(s, e, p.index))
    doc.sentences = sentences
