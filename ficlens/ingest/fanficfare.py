"""FanFicFare output: EPUB, HTML and TXT.

FanFicFare (the downloader many readers use for FanFiction.Net, AO3 and other
archives) writes every format the same way: a title line "Title by Author", a
title page of "Label: value" entries (Category, Genre, Language, Characters,
Relationships, Rating, Warnings, Status, Chapters, Words, Published, Updated,
Packaged, Summary, ...), an optional table of contents, then the chapters, each
under its title.

- EPUB: ``title_page.xhtml``, ``toc_page.xhtml``, one ``fileNNNN.xhtml`` per
  chapter (``<h3 class="fff_chapter_title">``); the OPF's ``dc:subject``
  entries list its tags (read by `ficlens.ingest.epub`).
- HTML: one page; the title page in ``.fff_titlepage`` or a table of
  ``<b>Label:</b>`` rows, chapters under ``<h2>`` headings.
- TXT: the title and "by Author", the "Label: value" lines, "TABLE OF CONTENTS",
  each chapter title on its own tab-indented line, and "End file." at the end.

FanFicFare's "Category" is the fandom (on AO3 it writes the AO3 category as
"AO3 Categories"), unless its values are AO3 categories themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ficlens.ingest.builder import WorkBuilder, split_list, to_int
from ficlens.ingest.html_text import HEADINGS, Item, flatten
from ficlens.ingest.html_tree import Node, find_all, text_of
from ficlens.model import Block, Chapter, Document, Span, WorkMeta
from ficlens.steps.headings import parse_heading

_LABEL_RE = re.compile(r"^(?P<label>[A-Z][A-Za-z0-9 ./'()-]{0,30}?):\s*(?P<value>.*)$")
_AO3_CATEGORIES = {"gen", "f/m", "m/m", "f/f", "multi", "other"}
_NUMBERED_RE = re.compile(r"^(?P<num>\d{1,4})\.\s+(?P<title>\S.*)$")
_TOC_RE = re.compile(r"^\s*table of contents\s*$", re.I)
_END_RE = re.compile(r"(?:\r\n|\r|\n)[ \t]*End file\.[ \t]*(?:\r\n|\r|\n|\s)*$")


def apply_label(meta: WorkMeta, label: str, value: str) -> None:
    """Fill ``meta`` from one title-page entry."""
    key = label.strip().lower()
    value = value.strip()
    if not value:
        return
    values = split_list(value)
    if key == "category":
        if all(v.lower() in _AO3_CATEGORIES for v in values):
            meta.category.extend(v for v in values if v not in meta.category)
        else:
            meta.fandoms.extend(v for v in values if v not in meta.fandoms)
    elif key in ("fandom", "fandoms"):
        meta.fandoms.extend(v for v in values if v not in meta.fandoms)
    elif key in ("ao3 categories", "ao3 category", "categories"):
        meta.category.extend(v for v in values if v not in meta.category)
    elif key in ("characters", "character"):
        meta.characters.extend(v for v in values if v not in meta.characters)
    elif key in ("relationships", "relationship", "pairing", "pairings", "ships"):
        meta.relationships.extend(v for v in values if v not in meta.relationships)
    elif key in ("rating", "rated"):
        meta.rating = meta.rating or value
    elif key in ("warnings", "warning", "archive warnings"):
        meta.warnings.extend(v for v in values if v not in meta.warnings)
    elif key in ("genre", "genres"):
        genres = (
            [g for v in values for g in v.split("/") if g.strip()]
            if "/" in value and "Hurt/Comfort" not in value
            else values
        )
        meta.extra.setdefault("genres", genres)
        meta.additional_tags.extend(g for g in genres if g not in meta.additional_tags)
    elif key in ("extra tags", "freeform tags", "freeformtags", "additional tags", "tags"):
        meta.additional_tags.extend(v for v in values if v not in meta.additional_tags)
    elif key == "language":
        meta.language = meta.language or value
    elif key == "summary":
        meta.summary = meta.summary or value
    elif key == "title":
        meta.title = meta.title or value
    elif key in ("author", "authors"):
        meta.authors = meta.authors or values
    elif key in ("words", "chapters") and to_int(value) is not None:
        meta.extra[key] = to_int(value)
    elif key in ("story url", "source url", "url"):
        meta.extra["url"] = value
    elif key == "series":
        meta.extra["series"] = [value]
    else:
        meta.extra[key] = value


def entries(lines: Iterable[str]) -> list[tuple[str, list[str]]]:
    """(label, value lines) of title-page lines; an unlabelled line continues the entry before it."""
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        m = _LABEL_RE.match(line)
        if m:
            out.append((m.group("label"), [m.group("value")] if m.group("value") else []))
        elif out:
            out[-1][1].append(line)
    return out


def title_and_authors(node: Node | None, text: str) -> tuple[str | None, list[str]]:
    """Title and authors of a "Title by Author" heading (its links first, then the words)."""
    links = [text_of(a) for a in find_all(node, lambda n: n.tag == "a")] if node is not None else []
    links = [link for link in links if link]
    if len(links) >= 2:
        return links[0], links[1:]
    text = " ".join(text.split())
    if " by " in text:
        title, _, author = text.rpartition(" by ")
        return title.strip() or None, split_list(author.replace(" and ", ", "))
    return (text or None), []


def title_page(builder: WorkBuilder, head: Item | None, items: list[Item]) -> None:
    """The title line, the "Label: value" entries and the summary, into ``builder``."""
    meta = builder.meta
    if head is not None:
        title, authors = title_and_authors(head.node, head.text)
        meta.title = meta.title or title
        meta.authors = meta.authors or authors
        builder.front("title", [head.text])
    lines = [line for it in items for line in it.text.split("\n")]
    found = entries(lines)
    shown = []
    summary: list[str] = []
    for label, values in found:
        if label.strip().lower() == "summary":
            summary = values
            continue
        shown.append(f"{label}: {' '.join(values)}")
        apply_label(meta, label, " ".join(values))
    if shown:
        builder.front("metadata", ["\n".join(shown)])
    if summary:
        meta.summary = meta.summary or "\n\n".join(summary)
        builder.front("summary", ["Summary: " + summary[0], *summary[1:]])


def chapter_heading(builder: WorkBuilder, text: str, index: int) -> None:
    """Start chapter ``index`` (1-based) under its title as FanFicFare wrote it."""
    text = " ".join(text.split())
    head = parse_heading(text)
    if head is not None and head.kind != "part":
        builder.chapter(text, head.number, head.title)
        return
    m = _NUMBERED_RE.match(text)
    if m:
        builder.chapter(text, int(m.group("num")), m.group("title"))
    else:
        builder.chapter(text, index, text)


def looks_like_html(root: Node, raw: str) -> bool:
    low = raw[:400_000].lower()
    return "fff_" in low or "fanficfare" in low or bool(re.search(r"""<a\s+name=["']?section\d{4}""", low))


def _is_chapter_head(it: Item) -> bool:
    return it.tag == "h2" or (it.node is not None and "fff_chapter_title" in it.node.classes)


def read_html(root: Node, builder: WorkBuilder) -> None:
    """Read FanFicFare's HTML output into ``builder``."""
    items = flatten(root)
    first = next((i for i, it in enumerate(items) if _is_chapter_head(it) and not _TOC_RE.match(it.text)), len(items))
    head = items[0] if items and items[0].tag in HEADINGS and first > 0 else None
    pre = items[1 if head else 0 : first]
    toc = next((i for i, it in enumerate(pre) if _TOC_RE.match(it.text)), len(pre))
    title_page(builder, head, pre[:toc])
    index = 0
    for it in items[first:]:
        if _is_chapter_head(it):
            index += 1
            chapter_heading(builder, it.text, index)
        else:
            builder.story([it.text])


def read_chapter_file(root: Node, builder: WorkBuilder, index: int, fallback_title: str | None) -> None:
    """One chapter file of a FanFicFare EPUB: its heading, then its text."""
    items = flatten(root)
    if items and items[0].tag in HEADINGS:
        chapter_heading(builder, items[0].text, index)
        items = items[1:]
    else:
        chapter_heading(builder, fallback_title or f"Chapter {index}", index)
    builder.story(it.text for it in items)


# ---- TXT --------------------------------------------------------------------------------------


def looks_like_txt(text: str) -> bool:
    """FanFicFare's TXT: "End file." at the end, and tab-indented titles or "Label: value" lines."""
    if not _END_RE.search(text[-200:]):
        return False
    head = text[:5000]
    return bool(re.search(r"^\t\S", text, re.M)) or len(re.findall(r"^[A-Z][A-Za-z ]{1,20}: \S", head, re.M)) >= 2


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def read_txt(text: str, path: str | None, encoding: str, sha256: str) -> Document:
    """A `Document` over FanFicFare TXT exactly as decoded, with its stated structure."""
    from ficlens.model import Source

    doc = Document(
        text=text, source=Source(path=path, sha256=sha256, length=len(text), encoding=encoding, format="fanficfare-txt")
    )
    meta = doc.meta
    lines = _lines(text)
    strip = [text[s:e].strip() for s, e in lines]
    raw = [text[s:e] for s, e in lines]
    n = len(lines)

    def span(a: int, b: int) -> Span:  # lines a..b inclusive, without edge whitespace
        start, end = lines[a][0], lines[b][1]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end)

    i = next((k for k in range(n) if strip[k]), n)
    # Title, then "by Author".
    if i < n:
        title_start = i
        meta.title = strip[i]
        j = i + 1
        while j < n and not strip[j]:
            j += 1
        if j < n and strip[j].lower().startswith("by "):
            meta.authors = split_list(strip[j][3:].replace(" and ", ", "))
            doc.front_matter.append(Block(*_pair(span(title_start, title_start)), kind="title"))
            doc.front_matter.append(Block(*_pair(span(j, j)), kind="title"))
            i = j + 1
        else:
            doc.front_matter.append(Block(*_pair(span(title_start, title_start)), kind="title"))
            i = title_start + 1
    while i < n and not strip[i]:
        i += 1
    # The "Label: value" entries: a run of lines that starts with a label.
    if i < n and _LABEL_RE.match(strip[i]) and not raw[i].startswith("\t"):
        j = i
        while j + 1 < n and strip[j + 1] and not raw[j + 1].startswith("\t"):
            j += 1
        for label, values in entries(strip[i : j + 1]):
            apply_label(meta, label, " ".join(values))
        doc.front_matter.append(Block(*_pair(span(i, j)), kind="metadata"))
        i = j + 1
    while i < n and not strip[i]:
        i += 1
    # The table of contents: its entries until the first of them comes again as a chapter title.
    titles: list[str] = []
    if i < n and _TOC_RE.match(strip[i]):
        toc_start = i
        j = i + 1
        while j < n and not strip[j]:
            j += 1
        first_entry = strip[j] if j < n else ""
        k = j + 1
        while k < n and not (strip[k] == first_entry and raw[k].startswith("\t")):
            k += 1
        titles = [strip[x] for x in range(toc_start + 1, k) if strip[x]]
        last = max((x for x in range(toc_start, k) if strip[x]), default=toc_start)
        doc.front_matter.append(Block(*_pair(span(toc_start, last)), kind="contents"))
        i = k
    # Chapter titles: tab-indented lines between blank lines (those of the contents, when there is one).
    end_line = max((k for k in range(n) if strip[k] == "End file."), default=None)
    heads = []
    wanted = list(titles)
    for k in range(i, end_line if end_line is not None else n):
        if not raw[k].startswith("\t") or not strip[k] or len(strip[k]) > 150:
            continue
        if wanted:
            if strip[k] == wanted[0]:
                heads.append(k)
                wanted.pop(0)
        elif (k == 0 or not strip[k - 1]) and (k + 1 >= n or not strip[k + 1]):
            heads.append(k)
    for number, k in enumerate(heads, 1):
        title = strip[k]
        head = parse_heading(title)
        m = _NUMBERED_RE.match(title)
        if head is not None and head.kind != "part":
            num, name = head.number, head.title
        elif m:
            num, name = int(m.group("num")), m.group("title")
        else:
            num, name = number, title
        hs = span(k, k)
        stop = (
            heads[heads.index(k) + 1] if heads.index(k) + 1 < len(heads) else (end_line if end_line is not None else n)
        )
        body_end = max((x for x in range(k + 1, stop) if strip[x]), default=k)
        doc.chapters.append(Chapter(hs.start, span(k, body_end).end, number=num, title=name, heading=hs))
    if end_line is not None:
        doc.end_matter.append(Block(*_pair(span(end_line, end_line)), kind="end_marker"))
    return doc


def _pair(span: Span) -> tuple[int, int]:
    return span.start, span.end
