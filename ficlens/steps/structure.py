"""Step `structure`: front matter, chapters, scene breaks and end matter.

Reads the paragraphs and decides, for each, whether it is a chapter heading, a
scene break, a note before the story (front matter), a note after it (end matter)
or the story body. Only body paragraphs feed characters and dialogue. Labelled
front-matter lines ("Rating: T", "Pairing: Derek/Mark") fill the work's metadata
when an input format has not already done so.
"""

from __future__ import annotations

import re

from ficlens.model import Block, Chapter, Document, Span
from ficlens.steps import headings, notes

_QUOTE_CHARS = "\"\u201c\u201d\u00ab\u00bb"
_GUTENBERG_START = re.compile(r"\*\*\*\s*start of (?:the|this) project gutenberg", re.I)
_GUTENBERG_END = re.compile(r"\*\*\*\s*end of (?:the|this) project gutenberg|^end of (?:the )?project gutenberg", re.I)

# AO3's archive warnings; other "Warning:" lines are content warnings (additional tags).
ARCHIVE_WARNINGS = {
    w.lower(): w
    for w in (
        "Creator Chose Not To Use Archive Warnings",
        "Graphic Depictions Of Violence",
        "Major Character Death",
        "No Archive Warnings Apply",
        "Rape/Non-Con",
        "Underage",
        "Underage Sex",
    )
}

# Text before the first heading this long, with dialogue, is story, not notes.
_PREFACE_STORY_CHARS = 2000


def _is_dialogue(text: str) -> bool:
    return sum(text.count(c) for c in _QUOTE_CHARS) >= 2


def _note_kind(text: str, strict: bool, at_end: bool = False) -> str | None:
    """The kind of a paragraph read as a note; with ``strict``, only announced notes count."""
    start = notes.start_kind(text)
    if start:
        return notes.classify(text, at_end)
    if strict or len(text) > 600 or _is_dialogue(text):
        return None
    return notes.content_kind(text)


class _Layout:
    """The role of each paragraph while the step works it out."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.texts = [doc.text[p.start : p.end] for p in doc.paragraphs]
        self.role: list[str] = ["body"] * len(self.texts)
        self.kind: list[str | None] = [None] * len(self.texts)
        self.heads: dict[int, headings.Heading] = {}

    def mark(self, i: int, role: str, kind: str | None = None) -> None:
        self.role[i] = role
        self.kind[i] = kind


def _find_license(layout: _Layout) -> None:
    texts = layout.texts
    for i, t in enumerate(texts):
        if _GUTENBERG_START.search(t[:200]):
            for j in range(i + 1):
                layout.mark(j, "front", "license")
        elif _GUTENBERG_END.search(t[:200]):
            for j in range(i, len(texts)):
                layout.mark(j, "end", "license")
            break


def _title_line(text: str) -> bool:
    """A short line that reads as a title: no sentence punctuation at its end, no dialogue."""
    return len(text) < 80 and not text.rstrip().endswith((".", ",", "?", "!", '"', "\u201d")) and not _is_dialogue(text)


def _find_headings(layout: _Layout) -> list[int]:
    texts = layout.texts
    bare = sum(1 for t in texts if headings.parse_heading(t, allow_bare_number=True) and len(t) <= 6)
    for i, t in enumerate(texts):
        if layout.role[i] != "body" or len(t) > 150:
            continue
        h = headings.parse_heading(t, allow_bare_number=bare >= 2)
        if h:
            layout.heads[i] = h
    idx = sorted(layout.heads)
    # A run of headings with nothing (or only a title line) between them is a table of contents.
    gaps = []
    for a, b in zip(idx, idx[1:]):
        between = [k for k in range(a + 1, b) if layout.role[k] == "body"]
        title_like = len(between) == 1 and _title_line(layout.texts[between[0]])
        gaps.append(0 if not between else 1 if title_like else 2)
    for n, a in enumerate(idx[:-1]):
        near = gaps[n] == 0 or (gaps[n] == 1 and ((n > 0 and gaps[n - 1] <= 1) or (n + 1 < len(gaps) and gaps[n + 1] <= 1)))
        if near:
            layout.mark(a, "front", "contents")
            layout.heads.pop(a)
    for i in layout.heads:
        layout.mark(i, "heading")
    has_chapters = any(h.kind != "part" for h in layout.heads.values())
    chapter_heads = [i for i, h in layout.heads.items() if h.kind != "part" or not has_chapters]
    # A title on the line after an untitled heading ("CHAPTER I" / "The Beginning").
    for i in chapter_heads:
        h = layout.heads[i]
        j = i + 1
        if h.title is None and j < len(texts) and layout.role[j] == "body":
            t = texts[j]
            if _title_line(t) and notes.start_kind(t) is None:
                h.title = t.strip().strip(headings._DECOR).strip() or None
                layout.mark(j, "heading")
    return sorted(chapter_heads)


def _find_front_matter(layout: _Layout, chapter_heads: list[int]) -> None:
    texts = layout.texts
    first = chapter_heads[0] if chapter_heads else None
    if first is not None:
        pre = [i for i in range(first) if layout.role[i] == "body"]
        story = sum(len(texts[i]) for i in pre if _note_kind(texts[i], strict=False) is None)
        prose = story > _PREFACE_STORY_CHARS and sum(1 for i in pre if _is_dialogue(texts[i])) >= 3
        if not prose:
            previous = None
            for i in pre:
                kind = _note_kind(texts[i], strict=False) or _title_kind(texts, i) or previous or "other"
                layout.mark(i, "front", kind)
                previous = kind if kind not in ("title", "header") else None
        else:
            _leading_notes(layout, 0, first)
    else:
        _leading_notes(layout, 0, len(texts))
    # Notes straight after each heading belong to the front matter too.
    for h in chapter_heads:
        i = h + 1
        while i < len(texts) and layout.role[i] in ("body", "heading"):
            if layout.role[i] == "heading":
                i += 1
                continue
            kind = _note_kind(texts[i], strict=True)
            if kind is None:
                break
            layout.mark(i, "front", kind)
            i += 1


def _leading_notes(layout: _Layout, start: int, stop: int) -> None:
    texts = layout.texts
    for i in range(start, stop):
        if layout.role[i] != "body":
            continue
        kind = _note_kind(texts[i], strict=False) or _title_kind(texts, i)
        if kind is None:
            break
        layout.mark(i, "front", kind)


def _title_kind(texts: list[str], i: int) -> str | None:
    """"title" for a short title or byline line at the very top."""
    if i > 2:
        return None
    t = texts[i]
    if notes.byline(t):
        return "title"
    nxt = texts[i + 1] if i + 1 < len(texts) else ""
    if len(t) < 80 and "\n" not in t and not t.rstrip().endswith((".", ",", "?", "!")) and notes.byline(nxt):
        return "title"
    return None


def _find_end_matter(layout: _Layout, chapter_heads: list[int]) -> None:
    texts = layout.texts
    bounds = [*chapter_heads, len(texts)]
    for stop in bounds:
        i = stop - 1
        while i >= 0 and layout.role[i] in ("body", "break"):
            if layout.role[i] == "break":
                i -= 1
                continue
            kind = _note_kind(texts[i], strict=False, at_end=True)
            if kind is None or (kind == "disclaimer" and stop != len(texts)):
                break
            layout.mark(i, "end", kind)
            i -= 1


def _fill_meta(doc: Document, layout: _Layout) -> None:
    meta = doc.meta
    for i, role in enumerate(layout.role):
        if role != "front":
            continue
        text = layout.texts[i]
        if layout.kind[i] == "title":
            author = notes.byline(text)
            if author and not meta.authors:
                meta.authors = [author]
            elif not author and meta.title is None:
                meta.title = text.strip()
        for line in text.split("\n"):
            labelled = notes.label_line(line)
            if labelled:
                _apply_label(meta, *labelled)


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"\s*[,;]\s*", value) if v.strip()]


def _apply_label(meta, label: str, value: str) -> None:
    if label in ("title", "story") and meta.title is None:
        meta.title = value
    elif label in ("author", "authors", "written by", "by") and not meta.authors:
        meta.authors = _split_list(value)
    elif label in ("fandom", "fandoms") and not meta.fandoms:
        meta.fandoms = _split_list(value)
    elif label in ("rating", "rated") and meta.rating is None:
        meta.rating = value
    elif label in ("pairing", "pairings", "relationship", "relationships", "ship", "ships") and not meta.relationships:
        meta.relationships = _split_list(value)
    elif label in ("character", "characters") and not meta.characters:
        meta.characters = _split_list(value)
    elif label in ("warning", "warnings", "archive warning", "archive warnings"):
        stated = [w for w in _split_list(value) if w.lower() in ARCHIVE_WARNINGS]
        meta.warnings.extend(ARCHIVE_WARNINGS[w.lower()] for w in stated if ARCHIVE_WARNINGS[w.lower()] not in meta.warnings)
    elif label in ("category", "categories") and not meta.category:
        meta.category = _split_list(value)
    elif label in ("summary",) and meta.summary is None:
        meta.summary = value
    elif label == "language" and meta.language is None:
        meta.language = value
    elif label in ("tags", "additional tags", "genre", "genres", "content warning", "content warnings"):
        meta.additional_tags.extend(t for t in _split_list(value) if t not in meta.additional_tags)
    else:
        meta.extra.setdefault(label, value)


def _build(doc: Document, layout: _Layout, chapter_heads: list[int]) -> None:
    paras = doc.paragraphs
    doc.front_matter, doc.end_matter, doc.scene_breaks, doc.chapters = [], [], [], []
    for i, p in enumerate(paras):
        role = layout.role[i]
        p.in_body = role == "body"
        if role == "front":
            doc.front_matter.append(Block(p.start, p.end, kind=layout.kind[i] or "other"))
        elif role == "end":
            doc.end_matter.append(Block(p.start, p.end, kind=layout.kind[i] or "other"))
        elif role == "break":
            doc.scene_breaks.append(Span(p.start, p.end))
    starts = list(chapter_heads)
    body = [i for i, r in enumerate(layout.role) if r == "body"]
    if body and (not starts or body[0] < starts[0]):
        starts.insert(0, -1)
    for n, h in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(paras)
        members = [i for i in body if h < i < stop]
        if h == -1:
            start, number, title, heading = paras[members[0]].start, None, None, None
        else:
            head = layout.heads[h]
            last_head = h
            while last_head + 1 < stop and layout.role[last_head + 1] == "heading":
                last_head += 1
            heading = Span(paras[h].start, paras[last_head].end)
            start, number, title = paras[h].start, head.number, head.title
            if head.kind == "special" and title is None:
                title = head.label
        end = paras[members[-1]].end if members else (heading.end if heading else start)
        for i in members:
            paras[i].chapter = len(doc.chapters)
        doc.chapters.append(Chapter(start, end, number=number, title=title, heading=heading))


def run(doc: Document) -> None:
    layout = _Layout(doc)
    _find_license(layout)
    for i, t in enumerate(layout.texts):
        if layout.role[i] == "body" and headings.is_scene_break(t):
            layout.mark(i, "break")
    chapter_heads = _find_headings(layout)
    _find_front_matter(layout, chapter_heads)
    _find_end_matter(layout, chapter_heads)
    _build(doc, layout, chapter_heads)
    _fill_meta(doc, layout)
