"""Archive of Our Own downloads (HTML and EPUB) and saved AO3 work pages.

AO3 lays a work out the same way in its HTML download, in the EPUB made from it
and (with other class names) on the work page itself:

- a preface: the tag list ``<dl class="tags">`` (Rating, Archive Warning,
  Category, Fandom, Relationship, Character, Additional Tags, Language, Series,
  Stats), the title (``<h1>``), the byline (``.byline``), and "Summary" and
  "Notes" labels each followed by a ``<blockquote class="userstuff">``;
- chapters: a heading "Chapter N: Title", optional "Chapter Summary" and
  "Chapter Notes" blocks, the chapter text (``<div class="userstuff">``, on the
  work page after a "Chapter Text" landmark) and "Chapter End Notes";
- an afterword with the work's "End Notes".

`read` walks the text items in order and hands them to a `WorkBuilder`: title,
byline and the tag list (as "Label: value" lines) first, then the notes and
chapters as they come. AO3's own messages ("Posted originally on the Archive of
Our Own at ...", "Please drop by the Archive and comment ...") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ficlens.ingest.builder import WorkBuilder, split_list, to_int
from ficlens.ingest.html_text import HEADINGS, SCENE_BREAK, Item, flatten
from ficlens.ingest.html_tree import Node, elements, find_all, iter_nodes, text_of
from ficlens.steps import notes
from ficlens.steps.headings import parse_heading

_META_LABELS = {
    "rating",
    "ratings",
    "archive warning",
    "archive warnings",
    "fandom",
    "fandoms",
    "category",
    "categories",
}
# Label -> (where: "front", "end" or "auto" (front before the chapter's story, end after), kind)
_BLOCK_LABELS = {
    "summary": ("front", "summary"),
    "chapter summary": ("front", "summary"),
    "notes": ("auto", "author_note"),
    "chapter notes": ("front", "author_note"),
    "author's note": ("auto", "author_note"),
    "author's notes": ("auto", "author_note"),
    "chapter end notes": ("end", "author_note"),
    "end notes": ("end", "author_note"),
}
_SKIP_RE = re.compile(
    r"^\(?\s*see the end of the (?:chapter|work) for\b.*$|^(?:chapter|work) text:?$|^(?:actions|chapter management)$",
    re.I,
)
_URL_RE = re.compile(r"https?://(?:www\.)?archiveofourown\.org/works/\d+")
_STATS_RE = re.compile(r"([A-Za-z][A-Za-z ]{0,20}?):\s*(\S+)")
_SERIES_RE = re.compile(r"Part\s+(\d+)\s+of\s+(.+?)(?=\s*(?:Part\s+\d+\s+of\s|$))", re.I)


def looks_like(root: Node, raw: str) -> bool:
    """True for markup laid out the way AO3 lays out a work."""
    if "archiveofourown" in raw[:200_000].lower() and ("userstuff" in raw or "<dl" in raw):
        return True
    return bool(tag_lists([root])) and ("userstuff" in raw or 'id="chapters"' in raw)


def tag_lists(roots: Iterable[Node]) -> list[Node]:
    """The ``<dl>`` elements that hold a work's tags (those with a Rating or Fandom entry)."""
    found = []
    for root in roots:
        for node in iter_nodes(root):
            if node.tag == "dl" and any(c.tag == "dt" and _label(text_of(c)) in _META_LABELS for c in elements(node)):
                found.append(node)
    return found


def _label(text: str) -> str:
    return " ".join(text.strip().rstrip(":").split()).lower().replace("\u2019", "'")


def _marker(tags: set[int]):
    def mark(node: Node) -> list[str]:
        marks = []
        cls = node.classes
        nid = node.attrs.get("id", "")
        if id(node) in tags:
            marks.append("tags")
        if nid == "preface" or ("preface" in cls and "chapter" not in cls and "afterword" not in cls):
            marks.append("preface")
        if nid == "afterword" or "afterword" in cls:
            marks.append("afterword")
        for name in ("message", "byline", "landmark"):
            if name in cls:
                marks.append(name)
        if node.tag in HEADINGS and "title" in cls:
            marks.append("title")
        return marks

    return mark


def _pairs(dl: Node) -> list[tuple[str, Node, Node]]:
    """(label, dt, dd) for each entry of a tag list."""
    out = []
    dt = None
    for child in elements(dl):
        if child.tag == "dt":
            dt = child
        elif child.tag == "dd" and dt is not None:
            out.append((_label(text_of(dt)), dt, child))
    return out


def _values(dd: Node) -> list[str]:
    links = [text_of(a) for a in find_all(dd, lambda n: n.tag == "a")]
    links = [v for v in links if v]
    return links or split_list(text_of(dd))


def apply_tags(builder: WorkBuilder, dls: list[Node]) -> list[str]:
    """Fill the work's metadata from its tag lists; the "Label: value" lines for the text."""
    meta = builder.meta
    lines = []
    for dl in dls:
        for label, dt, dd in _pairs(dl):
            shown = text_of(dd)
            lines.append(f"{text_of(dt).rstrip(':').strip()}: {shown}")
            values = _values(dd)
            if label in ("rating", "ratings"):
                meta.rating = meta.rating or (values[0] if values else None)
            elif label in ("archive warning", "archive warnings"):
                meta.warnings.extend(v for v in values if v not in meta.warnings)
            elif label in ("category", "categories"):
                meta.category.extend(v for v in values if v not in meta.category)
            elif label in ("fandom", "fandoms"):
                meta.fandoms.extend(v for v in values if v not in meta.fandoms)
            elif label in ("relationship", "relationships"):
                meta.relationships.extend(v for v in values if v not in meta.relationships)
            elif label in ("character", "characters"):
                meta.characters.extend(v for v in values if v not in meta.characters)
            elif label in ("additional tags", "freeform", "freeforms", "tags"):
                meta.additional_tags.extend(v for v in values if v not in meta.additional_tags)
            elif label == "language":
                meta.language = meta.language or shown
            elif label == "series":
                series: list[dict[str, Any] | str] = [{"part": int(n), "name": name.strip()} for n, name in _SERIES_RE.findall(shown)]
                meta.extra["series"] = series or [shown]
            elif label == "stats":
                _apply_stats(meta.extra, shown)
            elif label:
                meta.extra[label] = values if len(values) > 1 else shown
    return lines


def _apply_stats(extra: dict, text: str) -> None:
    stats = {k.strip().lower(): v for k, v in _STATS_RE.findall(text)}
    extra["stats"] = stats
    for key in ("published", "updated", "completed"):
        if key in stats:
            extra[key] = stats[key]
    if "words" in stats and to_int(stats["words"]) is not None:
        extra["words"] = to_int(stats["words"])
    if "chapters" in stats:
        extra["chapters"] = stats["chapters"]


def _note_kind(first: str, at_end: bool) -> str:
    """A note's kind from its first paragraph: a disclaimer, warning, thanks, ... or author_note."""
    kind = notes.classify(first, at_end)
    return kind if kind in ("disclaimer", "warning", "thanks", "dedication", "review_request") else "author_note"


def _byline_authors(item: Item) -> list[str]:
    if item.node is not None:
        names = [text_of(a) for a in find_all(item.node, lambda n: n.tag == "a" and "author" in n.attrs.get("rel", ""))]
        names = [n for n in names if n]
        if names:
            return names
    text = re.sub(r"^\s*by\s+", "", " ".join(item.text.split()), flags=re.I)
    return [a for a in re.split(r"\s*,\s*|\s+and\s+", text) if a]


def read(roots: list[tuple[Node, Iterable[str]]], builder: WorkBuilder, page: Node | None = None) -> None:
    """Read AO3-laid-out markup (one root, or an EPUB's documents in spine order) into ``builder``.

    ``page`` is the whole page when the roots are part of it (the tag list of a
    saved work page sits outside its ``#workskin``).
    """
    dls = tag_lists([page] if page is not None else [r for r, _ in roots])
    marker = _marker({id(d) for d in dls})
    items: list[Item] = []
    for root, base in roots:
        items.extend(flatten(root, marker, base))
    meta = builder.meta
    url = next((m.group(0) for it in items if "message" in it.marks for m in [_URL_RE.search(it.text)] if m), None)
    if url:
        meta.extra.setdefault("url", url)
    items = [it for it in items if "message" not in it.marks and "tags" not in it.marks]

    # Title and byline first, then the tag list, then everything in order.
    title_i = next(
        (i for i, it in enumerate(items) if "preface" in it.marks and (it.tag == "h1" or "title" in it.marks)), None
    )
    if title_i is None:
        title_i = next((i for i, it in enumerate(items[:20]) if it.tag == "h1"), None)
    byline_i = next((i for i, it in enumerate(items) if "byline" in it.marks), None)
    if (
        byline_i is None
        and title_i is not None
        and title_i + 1 < len(items)
        and re.match(r"^\s*by\s+\S", items[title_i + 1].text, re.I)
    ):
        byline_i = title_i + 1
    used = {i for i in (title_i, byline_i) if i is not None}
    if title_i is not None:
        meta.title = " ".join(items[title_i].text.split())
        builder.front("title", [items[title_i].text])
    if byline_i is not None:
        meta.authors = meta.authors or _byline_authors(items[byline_i])
        builder.front("title", [items[byline_i].text])
    lines = apply_tags(builder, dls)
    if lines:
        builder.front("metadata", ["\n".join(lines)])

    i = 0
    while i < len(items):
        it = items[i]
        if i in used or "landmark" in it.marks or _SKIP_RE.match(it.text.strip()):
            i += 1
            continue
        where, kind = _BLOCK_LABELS.get(_label(it.text), (None, None))
        nxt = items[i + 1] if i + 1 < len(items) else None
        if where and kind and nxt is not None and nxt.quote is not None and nxt.quote != it.quote:
            j = i + 1
            while j < len(items) and items[j].quote == nxt.quote:
                j += 1
            texts = [x.text for x in items[i:j]]
            after = "afterword" in it.marks or where == "end" or (where == "auto" and builder.story_started())
            if kind == "author_note":
                kind = _note_kind(nxt.text, after)
            if after:
                builder.end(kind, texts)
            else:
                builder.front(kind, texts)
                if kind == "summary" and meta.summary is None and _label(it.text) == "summary":
                    meta.summary = "\n\n".join(" ".join(x.text.split()) for x in items[i + 1 : j])
            i = j
            continue
        if "preface" in it.marks:
            builder.front("other", [it.text])
        elif "afterword" in it.marks:
            builder.end("other", [it.text])
        elif (
            it.tag in HEADINGS
            and it.quote is None
            and (head := parse_heading(" ".join(it.text.split())))
            and head.kind != "part"
        ):
            builder.chapter(" ".join(it.text.split()), head.number, head.title)
        elif it.text == SCENE_BREAK and not builder.story_started():
            pass
        else:
            builder.story([it.text])
        i += 1
