"""The story as HTML: sections, paragraphs, and each line of dialogue wrapped in its speaker's span.

The story text is untrusted. Every piece of it is escaped on its own
(`markupsafe.escape`) and joined with markup this module writes itself; the
result is `Markup` that templates print as it is. Nothing taken from the story
is ever marked safe unescaped.

Offsets come from the analysis (``ficlens.analysis/1``): paragraphs are cut as
the pipeline cuts them (`ficlens.steps.paragraphs.split_paragraphs`); front
matter, chapters, end matter and scene breaks come from ``structure``; a quote's
span is widened to its quotation marks when they sit right beside it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ficlens.steps.paragraphs import split_paragraphs

OPEN_MARKS = "\"'\u201c\u2018\u00ab\u201e\u300c\u300e"
CLOSE_MARKS = "\"'\u201d\u2019\u00bb\u201c\u300d\u300f"

BLOCK_LABELS = {
    "author_note": "Author's note", "disclaimer": "Disclaimer", "warning": "Warning", "summary": "Summary",
    "dedication": "Dedication", "thanks": "Thanks", "review_request": "Author's note", "header": "Story details",
    "title": "Title", "end_marker": "End", "license": "Licence", "metadata": "Story details", "contents": "Contents",
}  # fmt: skip


@dataclass
class Para:
    """One paragraph of the rendered story: its HTML, its offsets, and ``p``, ``heading`` or ``break``."""

    html: Markup
    start: int
    end: int
    kind: str = "p"


@dataclass
class Section:
    """A run of paragraphs in one part of the work: a front-matter block, a chapter, an end note."""

    kind: str  # front, chapter, end, body
    label: str | None
    anchor: str
    paragraphs: list[Para] = field(default_factory=list)


@dataclass(frozen=True)
class Mark:
    """How one quote is drawn: its CSS classes and the tooltip text."""

    css: str
    tip: str


def _regions(structure: dict[str, Any], n_chapters: int) -> list[tuple[int, int, str, str | None, str]]:
    """(start, end, kind, label, anchor) of every part of the work that has a span, in priority order."""
    out = []
    for i, b in enumerate(structure.get("front_matter", [])):
        out.append((b["start"], b["end"], "front", BLOCK_LABELS.get(b["kind"], "Note"), f"front-{i + 1}"))
    for i, b in enumerate(structure.get("end_matter", [])):
        out.append((b["start"], b["end"], "end", BLOCK_LABELS.get(b["kind"], "Note"), f"end-{i + 1}"))
    for i, c in enumerate(structure.get("chapters", [])):
        label = chapter_label(c, i) if n_chapters > 1 or c.get("heading") else None
        out.append((c["start"], c["end"], "chapter", label, f"chapter-{i + 1}"))
    return out


def chapter_label(chapter: dict[str, Any], index: int) -> str:
    """``Chapter 3: The Storm``, from the chapter's number and title."""
    number = chapter.get("number") or index + 1
    title = chapter.get("title")
    return f"Chapter {number}: {title}" if title else f"Chapter {number}"


def _region_of(start: int, regions: list[tuple[int, int, str, str | None, str]], hint: int | None) -> int | None:
    if hint is not None and regions[hint][0] <= start < regions[hint][1]:
        return hint
    for i, (s, e, *_rest) in enumerate(regions):
        if s <= start < e:
            return i
    return None


def _near(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a sorted list that may overlap [start, end) (spans rarely nest)."""
    i = max(bisect.bisect_right(spans, (start, start)) - 2, 0)
    return spans[i : bisect.bisect_left(spans, (end, end)) + 1]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in _near(spans, start, end))


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in _near(spans, start, end))


def _escape_with_anchors(text: str, start: int, end: int, anchors: list[tuple[int, str]]) -> Markup:
    """``text[start:end]`` escaped, with an empty anchor span at each anchor offset inside it."""
    out: list[str] = []
    pos = start
    i = bisect.bisect_left(anchors, (start, ""))
    while i < len(anchors) and anchors[i][0] < end:
        at, anchor_id = anchors[i]
        out.append(escape(text[pos:at]))
        out.append(Markup('<span class="anchor" id="{}"></span>').format(anchor_id))
        pos = at
        i += 1
    out.append(escape(text[pos:end]))
    return Markup("").join(out)


def _quote_spans(text: str, quotes: list[dict[str, Any]], starts: list[int], start: int, end: int
                 ) -> list[tuple[int, int, dict[str, Any]]]:  # fmt: skip
    """The quotes inside [start, end), clipped to it, widened to their marks, never overlapping."""
    out: list[tuple[int, int, dict[str, Any]]] = []
    last = start
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    for q in quotes[first : bisect.bisect_left(starts, end)]:
        s, e = max(q["start"], start), min(q["end"], end)
        if e <= s or s < last:
            continue
        if s - 1 >= last and text[s - 1] in OPEN_MARKS:
            s -= 1
        if e < end and text[e] in CLOSE_MARKS:
            e += 1
        out.append((s, e, q))
        last = e
    return out


def _paragraph(text: str, start: int, end: int, quotes: list[dict[str, Any]], starts: list[int],
               marks: dict[str, Mark], anchors: list[tuple[int, str]]) -> Markup:  # fmt: skip
    out: list[str] = []
    pos = start
    for s, e, q in _quote_spans(text, quotes, starts, start, end):
        out.append(_escape_with_anchors(text, pos, s, anchors))
        mark = marks.get(q["id"], Mark("q sp-none", "unattributed"))
        inner = _escape_with_anchors(text, s, e, anchors)
        out.append(Markup('<span class="{}" id="{}" data-tip="{}">{}</span>').format(
            mark.css, "line-" + str(q["id"]), mark.tip, inner))  # fmt: skip
        pos = e
    out.append(_escape_with_anchors(text, pos, end, anchors))
    return Markup("").join(out)


def _clamp_anchors(anchors: list[tuple[int, str]], paras: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Move each anchor into the paragraph it starts in, or the next one (it may fall between two)."""
    ends = [e for _, e in paras]
    out = []
    for at, anchor_id in anchors:
        i = bisect.bisect_right(ends, at)
        if i < len(paras):
            out.append((max(at, paras[i][0]), anchor_id))
    return sorted(out)


def render_story(text: str, structure: dict[str, Any], quotes: list[dict[str, Any]], marks: dict[str, Mark],
                 anchors: list[tuple[int, str]] = ()) -> list[Section]:  # fmt: skip
    """The story cut into sections of paragraphs, each paragraph's HTML built from escaped pieces.

    Args:
        text: the analysed text (every offset points into it).
        structure: the analysis's ``structure`` object.
        quotes: the analysis's ``quotes``, in text order.
        marks: how to draw each quote, by quote id (others are drawn as unattributed).
        anchors: (offset, id) pairs: an empty ``<span id>`` is put at each offset, for links to passages.
    """
    paras = split_paragraphs(text)
    quotes = sorted(quotes, key=lambda q: (q["start"], q["end"]))
    starts = [q["start"] for q in quotes]
    anchors = _clamp_anchors(list(anchors), paras)
    chapters = structure.get("chapters", [])
    regions = _regions(structure, len(chapters))
    headings = sorted((c["heading"]["start"], c["heading"]["end"]) for c in chapters if c.get("heading"))
    breaks = sorted((b["start"], b["end"]) for b in structure.get("scene_breaks", []))
    sections: list[Section] = []
    current: int | None = None
    for start, end in paras:
        region = _region_of(start, regions, current)
        if region != current or not sections:
            current = region
            if region is None:
                sections.append(Section("body", None, f"part-{len(sections) + 1}"))
            else:
                _s, _e, kind, label, anchor = regions[region]
                sections.append(Section(kind, label, anchor))
        if headings and _inside(headings, start, end):
            kind = "heading"
        elif breaks and _overlaps(breaks, start, end):
            kind = "break"
        else:
            kind = "p"
        if kind == "p":
            html = _paragraph(text, start, end, quotes, starts, marks, anchors)
        else:
            html = _escape_with_anchors(text, start, end, anchors)
        sections[-1].paragraphs.append(Para(html, start, end, kind))
    return sections
