"""Step `structure`: front matter, chapters, scene breaks and end matter.

Reads the paragraphs and decides, for each, whether it is a chapter heading, a
scene break, a note before the story (front matter), a note after it (end matter)
or the story body. Only body paragraphs feed characters and dialogue. Labelled
front-matter lines ("Rating: T", "Pairing: Derek/Mark", a FanFiction.Net
"Rated: Fiction T - English - ..." line) fill the work's metadata when an input
format has not already done so.

An input format (AO3, FanFicFare, FanFiction.Net; see docs/inputs.md) may have
filled ``doc.front_matter``, ``doc.chapters`` and ``doc.end_matter`` already. The
step keeps those blocks and chapters, marks the paragraphs inside them, and only
classifies what the format left open: scene breaks, and notes the author wrote
into the chapter text itself ("A/N: ..." at a chapter's start or end). When the
format stated the chapters, no headings are searched for in the text, and only
notes that announce themselves ("A/N:", "Disclaimer:") are taken from the start
of a chapter; AO3, which keeps notes apart from the text, gets the same
strictness at a chapter's end.
"""

from __future__ import annotations

import bisect
import re

from ficlens.model import Block, Chapter, Document, Span
from ficlens.steps import headings, notes

_QUOTE_CHARS = "\"\u201c\u201d\u00ab\u00bb"
_GUTENBERG_START = re.compile(r"\*\*\*\s*start of (?:the|this) project gutenberg", re.I)
_GUTENBERG_END = re.compile(r"\*\*\*\s*end of (?:the|this) project gutenberg|^end of (?:the )?project gutenberg", re.I)
# In every match of the two above. "gutenberg" with re.I, spelt out so that the regex engine can
# jump to each g (re.I gives a pattern that starts with a cased letter nothing to jump to).
_GUTENBERG = re.compile(r"[Gg][Uu][Tt][Ee][Nn][Bb][Ee][Rr][Gg]")

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
        # True for paragraphs inside a block or heading the input format stated.
        self.owned: list[bool] = [False] * len(self.texts)

    def mark(self, i: int, role: str, kind: str | None = None) -> None:
        self.role[i] = role
        self.kind[i] = kind


def _apply_prefilled(layout: _Layout) -> list[int] | None:
    """Mark the paragraphs of the blocks and headings a format stated; the heading paragraphs.

    Returns None when the format stated no chapters (headings are then searched for).
    """
    doc = layout.doc
    starts = [p.start for p in doc.paragraphs]

    def inside(span: Span) -> range:
        return range(bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end))

    for role, blocks in (("front", doc.front_matter), ("end", doc.end_matter)):
        for b in blocks:
            for i in inside(b):
                layout.mark(i, role, b.kind)
                layout.owned[i] = True
    if not doc.chapters:
        return None
    heads = []
    for ch in doc.chapters:
        if ch.heading is None:
            continue
        idx = inside(ch.heading)
        if not idx:
            continue
        for i in idx:
            layout.mark(i, "heading")
            layout.owned[i] = True
        layout.heads[idx[0]] = headings.Heading("chapter", ch.number, ch.title, layout.texts[idx[0]])
        heads.append(idx[0])
    return sorted(heads)


def _find_license(layout: _Layout) -> None:
    texts = layout.texts
    for i, t in enumerate(texts):
        if layout.role[i] != "body":
            continue
        if _GUTENBERG_START.search(t[:200]):
            for j in range(i + 1):
                if not layout.owned[j]:
                    layout.mark(j, "front", "license")
        elif _GUTENBERG_END.search(t[:200]):
            for j in range(i, len(texts)):
                if not layout.owned[j]:
                    layout.mark(j, "end", "license")
            break


def _title_line(text: str) -> bool:
    """A short line that reads as a title: no sentence punctuation at its end, no dialogue."""
    return len(text) < 80 and not text.rstrip().endswith((".", ",", "?", "!", '"', "\u201d")) and not _is_dialogue(text)


def _find_headings(layout: _Layout) -> list[int]:
    texts = layout.texts
    bare = sum(1 for t in texts if len(t) <= 6 and headings.parse_heading(t, allow_bare_number=True))
    allow_bare_number = bare >= 2
    for i, (t, role) in enumerate(zip(texts, layout.role)):
        if role != "body" or len(t) > 150:
            continue
        h = headings.parse_heading(t, allow_bare_number=allow_bare_number)
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
        note_kinds = {i: _note_kind(texts[i], strict=False) for i in pre}
        story = sum(len(texts[i]) for i in pre if note_kinds[i] is None)
        prose = story > _PREFACE_STORY_CHARS and sum(1 for i in pre if _is_dialogue(texts[i])) >= 3
        if not prose:
            previous = None
            for i in pre:
                kind = note_kinds[i] or _title_kind(texts, i) or _summary_kind(texts, i)
                kind = kind or previous or "other"
                layout.mark(i, "front", kind)
                previous = kind if kind not in ("title", "header") else None
        else:
            _leading_notes(layout, 0, first)
    elif not _header_before_break(layout):
        _leading_notes(layout, 0, len(texts))
    _notes_after_headings(layout, chapter_heads)


_HEADER_BREAK_CHARS = 800  # at most this much text above a break that ends a story's header
_HEADER_CUES = re.compile(
    r"\b(?:prompt|written for|notes?|warnings?|rated|rating|pairings?|characters|disclaimer|summary|"
    r"fandom|for the|challenge|beta|a/n|one[- ]shot|drabble|oneshot|au\b|original (?:short )?(?:story|characters))",
    re.IGNORECASE,
)


def _header_before_break(layout: _Layout) -> bool:
    """A story with no chapter heading often opens with a title and notes, then a break
    ("Power Cut / an original short story / Written for the ... prompt / ---"). Mark that
    header as front matter; return whether there was one."""
    texts, role = layout.texts, layout.role
    breaks = [i for i in range(min(6, len(texts))) if role[i] == "break"]
    if not breaks:
        return False
    b = breaks[0]
    above = [i for i in range(b) if role[i] == "body"]
    opens_speech = any(texts[i].lstrip()[:1] in _QUOTE_CHARS for i in above)
    if not above or sum(len(texts[i]) for i in above) > _HEADER_BREAK_CHARS or opens_speech:
        return False
    if not any(_HEADER_CUES.search(texts[i]) or _note_kind(texts[i], strict=False) for i in above):
        return False
    for n, i in enumerate(above):
        kind = _note_kind(texts[i], strict=False) or ("title" if n == 0 and _title_line(texts[i]) else None)
        layout.mark(i, "front", kind or "author_note")
    layout.mark(b, "front", "other")
    return True


def _notes_after_headings(layout: _Layout, chapter_heads: list[int]) -> None:
    """Notes straight after each heading (announced ones only) belong to the front matter too."""
    texts, role = layout.texts, layout.role
    for h in chapter_heads:
        i = h + 1
        while i < len(texts) and (role[i] in ("body", "heading") or (role[i] == "front" and layout.owned[i])):
            if role[i] != "body":  # a heading's title line, or a block the format stated
                if role[i] == "heading" and layout.owned[i] and i in layout.heads:
                    break
                i += 1
                continue
            kind = _note_kind(texts[i], strict=True)
            if kind is None:
                break
            layout.mark(i, "front", kind)
            i += 1


def _leading_notes(layout: _Layout, start: int, stop: int, strict: bool = False) -> None:
    texts = layout.texts
    for i in range(start, stop):
        if layout.role[i] != "body":
            if layout.role[i] == "heading":
                break
            continue
        kind = _note_kind(texts[i], strict=strict)
        if kind is None and not strict:
            kind = _title_kind(texts, i) or _summary_kind(texts, i)
        if kind is None:
            break
        layout.mark(i, "front", kind)


def _summary_kind(texts: list[str], i: int) -> str | None:
    """"summary" for an unlabelled line just before a FanFiction.Net metadata line ("Rated: ...")."""
    from ficlens.ingest.ffnet import parse_info_line

    if i > 4 or i + 1 >= len(texts) or len(texts[i]) > 600 or _is_dialogue(texts[i]):
        return None
    return "summary" if parse_info_line(texts[i + 1].split("\n", 1)[0]) else None


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


def _find_end_matter(layout: _Layout, chapter_heads: list[int], strict: bool = False) -> None:
    texts = layout.texts
    bounds = [*chapter_heads, len(texts)]
    for stop in bounds:
        i = stop - 1
        while i >= 0 and (layout.role[i] in ("body", "break") or (layout.role[i] == "end" and layout.owned[i])):
            if layout.role[i] != "body":
                i -= 1
                continue
            kind = _note_kind(texts[i], strict=strict, at_end=True)
            if kind is None or (kind == "disclaimer" and stop != len(texts)):
                break
            layout.mark(i, "end", kind)
            i -= 1


def _fill_meta(doc: Document, layout: _Layout) -> None:
    from ficlens.ingest.ffnet import apply_info, parse_info_line

    meta = doc.meta
    for i, (role, owned) in enumerate(zip(layout.role, layout.owned)):
        if role != "front" or owned:
            continue
        text = layout.texts[i]
        if layout.kind[i] == "title":
            author = notes.byline(text)
            if author and not meta.authors:
                meta.authors = [author]
            elif not author and meta.title is None:
                meta.title = text.strip().split("\n")[0].strip()
        elif layout.kind[i] == "summary" and meta.summary is None and notes.start_kind(text) is None:
            meta.summary = text.strip()
        for line in text.split("\n"):
            info = parse_info_line(line) if line.lstrip().startswith("Rated:") else None
            if info:
                apply_info(meta, info)
                continue
            labelled = notes.label_line(line)
            if labelled:
                _apply_label(meta, *labelled)


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"\s*[,;]\s*", value) if v.strip()]


_SCALAR_LABELS = {
    "title": "title", "story": "title", "rating": "rating", "rated": "rating",
    "summary": "summary", "language": "language",
}  # fmt: skip
_LIST_LABELS = {
    "author": "authors", "authors": "authors", "written by": "authors", "by": "authors",
    "fandom": "fandoms", "fandoms": "fandoms",
    "pairing": "relationships", "pairings": "relationships", "relationship": "relationships",
    "relationships": "relationships", "ship": "relationships", "ships": "relationships",
    "character": "characters", "characters": "characters",
    "category": "category", "categories": "category",
}  # fmt: skip
_NOTE_LABELS = {"disclaimer", "note", "notes", "dedication"}


def _apply_label(meta, label: str, value: str) -> None:
    """Fill one field of ``meta`` from a labelled line; what is already filled stays as it is."""
    if label in _SCALAR_LABELS:
        field = _SCALAR_LABELS[label]
        if getattr(meta, field) is None:
            setattr(meta, field, value)
    elif label in _LIST_LABELS:
        field = _LIST_LABELS[label]
        if not getattr(meta, field):
            setattr(meta, field, _split_list(value))
    elif label in ("warning", "warnings", "archive warning", "archive warnings"):
        stated = [w for w in _split_list(value) if w.lower() in ARCHIVE_WARNINGS]
        meta.warnings.extend(ARCHIVE_WARNINGS[w.lower()] for w in stated if ARCHIVE_WARNINGS[w.lower()] not in meta.warnings)
    elif label in ("tags", "additional tags", "genre", "genres", "content warning", "content warnings"):
        meta.additional_tags.extend(t for t in _split_list(value) if t not in meta.additional_tags)
    elif label not in _NOTE_LABELS:
        meta.extra.setdefault(label, value)


def _build(doc: Document, layout: _Layout, chapter_heads: list[int]) -> None:
    paras = doc.paragraphs
    front, end = list(doc.front_matter), list(doc.end_matter)  # the format's own blocks, if any
    doc.scene_breaks, doc.chapters = [], []
    for i, (p, role, owned) in enumerate(zip(paras, layout.role, layout.owned)):
        p.in_body = role == "body"
        p.chapter = None
        if owned:
            continue
        if role == "front":
            front.append(Block(p.start, p.end, kind=layout.kind[i] or "other"))
        elif role == "end":
            end.append(Block(p.start, p.end, kind=layout.kind[i] or "other"))
        elif role == "break":
            doc.scene_breaks.append(Span(p.start, p.end))
    doc.front_matter = sorted(front, key=lambda b: b.start)
    doc.end_matter = sorted(end, key=lambda b: b.start)
    starts = list(chapter_heads)
    body = [i for i, r in enumerate(layout.role) if r == "body"]
    if body and (not starts or body[0] < starts[0]):
        starts.insert(0, -1)
    for n, h in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(paras)
        members = body[bisect.bisect_right(body, h) : bisect.bisect_left(body, stop)]
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
        chapter_end = paras[members[-1]].end if members else (heading.end if heading else start)
        for i in members:
            paras[i].chapter = len(doc.chapters)
        doc.chapters.append(Chapter(start, chapter_end, number=number, title=title, heading=heading))


def run(doc: Document) -> None:
    layout = _Layout(doc)
    stated = _apply_prefilled(layout) if (doc.front_matter or doc.chapters or doc.end_matter) else None
    if _GUTENBERG.search(doc.text):
        _find_license(layout)
    for i, (t, role) in enumerate(zip(layout.texts, layout.role)):
        if role == "body" and headings.is_scene_break(t):
            layout.mark(i, "break")
    if stated is None:
        chapter_heads = _find_headings(layout)
        _find_front_matter(layout, chapter_heads)
        _find_end_matter(layout, chapter_heads)
    else:
        chapter_heads = stated
        first = chapter_heads[0] if chapter_heads else len(layout.texts)
        _leading_notes(layout, 0, first, strict=True)
        _notes_after_headings(layout, chapter_heads)
        _find_end_matter(layout, chapter_heads, strict=doc.source.format.startswith("ao3"))
    _build(doc, layout, chapter_heads)
    _fill_meta(doc, layout)
