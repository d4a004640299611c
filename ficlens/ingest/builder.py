"""`WorkBuilder`: assembles the analysed text of an extracted work, and its structure.

The format readers (AO3, FanFicFare, FanFiction.Net, EPUB) hand it paragraphs in
reading order, saying what each run of them is: a front-matter block, a chapter
heading, story text, an end-matter block. It joins the paragraphs with blank
lines into one text and records every span into that text, so the invariant
``text[start:end]`` holds by construction. `finish` returns the `Document`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ficlens.ingest.html_text import clean_paragraphs
from ficlens.model import Block, Chapter, Document, Source, Span, WorkMeta

_SEP = "\n\n"


@dataclass
class _Chapter:
    number: int | None
    title: str | None
    heading: Span | None
    start: int | None = None
    end: int | None = None
    has_story: bool = False


@dataclass
class WorkBuilder:
    """Collects paragraphs, blocks and chapters; `finish` makes the `Document`."""

    meta: WorkMeta = field(default_factory=WorkMeta)
    _parts: list[str] = field(default_factory=list)
    _length: int = 0
    _front: list[Block] = field(default_factory=list)
    _end: list[Block] = field(default_factory=list)
    _chapters: list[_Chapter] = field(default_factory=list)

    def paragraphs(self, texts: Iterable[str]) -> Span | None:
        """Add paragraphs (cleaned, empty ones dropped); the span covering them, or None."""
        start = None
        for para in clean_paragraphs(texts):
            if self._parts:
                self._parts.append(_SEP)
                self._length += len(_SEP)
            if start is None:
                start = self._length
            self._parts.append(para)
            self._length += len(para)
        return None if start is None else Span(start, self._length)

    def front(self, kind: str, texts: Iterable[str]) -> Span | None:
        """A front-matter block of the given kind (author_note, summary, title, metadata, ...)."""
        span = self.paragraphs(texts)
        if span is not None:
            self._front.append(Block(span.start, span.end, kind=kind))
        return span

    def end(self, kind: str, texts: Iterable[str]) -> Span | None:
        """An end-matter block (a chapter's or the work's end notes)."""
        span = self.paragraphs(texts)
        if span is not None:
            self._end.append(Block(span.start, span.end, kind=kind))
        return span

    def chapter(self, heading: str | None = None, number: int | None = None, title: str | None = None) -> None:
        """Start a chapter, with its heading line when the work has one."""
        span = self.paragraphs([heading]) if heading else None
        self._chapters.append(_Chapter(number, title, span, span.start if span else None, span.end if span else None))

    def story(self, texts: Iterable[str]) -> Span | None:
        """Story paragraphs of the current chapter (a chapter without heading is started if needed)."""
        if not self._chapters:
            self.chapter()
        span = self.paragraphs(texts)
        if span is not None:
            ch = self._chapters[-1]
            if ch.start is None:
                ch.start = span.start
            ch.end = span.end
            ch.has_story = True
        return span

    def story_started(self) -> bool:
        """True once the current chapter has story text."""
        return bool(self._chapters) and self._chapters[-1].has_story

    def finish(self, fmt: str, path: str | None, encoding: str = "utf-8") -> Document:
        """The `Document`: the joined text, its format, metadata, blocks and chapters."""
        text = "".join(self._parts)
        chapters = []
        for ch in self._chapters:
            if ch.start is None:
                continue
            chapters.append(
                Chapter(
                    ch.start,
                    ch.end if ch.end is not None else ch.start,
                    number=ch.number,
                    title=ch.title,
                    heading=ch.heading,
                )
            )
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        doc = Document(
            text=text, source=Source(path=path, sha256=digest, length=len(text), encoding=encoding, format=fmt)
        )
        doc.meta = self.meta
        doc.front_matter = sorted(self._front, key=lambda b: b.start)
        doc.end_matter = sorted(self._end, key=lambda b: b.start)
        doc.chapters = chapters
        return doc


def split_list(value: str) -> list[str]:
    """Values of a comma-separated list ("Derek Shepherd, Mark Sloan")."""
    return [v.strip() for v in re.split(r"\s*,\s*", value) if v.strip()]


def to_int(value: str) -> int | None:
    """A count as sites write it ("4,210", "1 050"), or None."""
    digits = re.sub(r"[,.\s\u00a0']", "", value)
    return int(digits) if digits.isdigit() else None
