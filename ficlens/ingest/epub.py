"""EPUB: AO3's and FanFicFare's, and any other as plain extracted text.

An EPUB is a zip archive (read through `SafeZip`, see `ficlens.ingest.safety`):
``META-INF/container.xml`` names the package document (``.opf``), whose
metadata (``dc:title``, ``dc:creator``, ``dc:subject``, ``dc:description``,
``dc:language``) describes the work and whose spine lists the XHTML files in
reading order. Every XML and XHTML file goes through the same entity-free parser
as HTML.

- AO3's EPUB is made from its HTML download, so its spine documents are read
  together by `ficlens.ingest.ao3` (format ``ao3-epub``).
- FanFicFare's EPUB (its OPF names FanFicFare, or it has ``title_page.xhtml``)
  has a title page and one file per chapter (format ``fanficfare-epub``).
- Any other EPUB gives its text, paragraph by paragraph, and its OPF metadata;
  the `structure` step then finds notes and chapters in it (format ``epub``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ficlens.errors import FormatError
from ficlens.ingest import ao3, fanficfare
from ficlens.ingest.builder import WorkBuilder
from ficlens.ingest.html_text import flatten
from ficlens.ingest.html_tree import Node, decode_markup, find, find_all, iter_nodes, parse, text_of
from ficlens.ingest.safety import SafeZip, resolve_href
from ficlens.model import Document

_HTML_TYPES = {"application/xhtml+xml", "text/html", "application/html", "application/x-dtbook+xml"}
_FFF_SKIP_RE = re.compile(r"(?:^|/)(?:toc_page|log_page|cover)\.x?html?$", re.I)
_LANGUAGES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "it": "Italiano",
    "pt": "Português",
    "ru": "Русский",
}


@dataclass
class Package:
    """What an EPUB's package document says: metadata, and the spine as archive paths."""

    metadata: dict[str, list[str]] = field(default_factory=dict)
    spine: list[str] = field(default_factory=list)
    generator: str = ""


def _parse_xml(zf: SafeZip, name: str) -> Node:
    text, _ = decode_markup(zf.read(name))
    return parse(text)


def read_package(zf: SafeZip) -> Package:
    """The OPF of an EPUB: metadata entries by local name, and the spine's files in order."""
    opf_name = None
    if zf.find("META-INF/container.xml"):
        container = _parse_xml(zf, "META-INF/container.xml")
        rootfile = find(container, lambda n: n.local == "rootfile" and bool(n.get("full-path")))
        if rootfile is not None:
            opf_name = zf.find(resolve_href("", rootfile.get("full-path")))
    if opf_name is None:
        opf_name = next((n for n in zf.names if n.lower().endswith(".opf")), None)
    if opf_name is None:
        raise FormatError(
            "this zip archive is not an EPUB: it has no META-INF/container.xml and no package (.opf) file"
        )
    opf = _parse_xml(zf, opf_name)
    base = posixpath.dirname(opf_name)
    pkg = Package()
    meta_node = find(opf, lambda n: n.local == "metadata")
    if meta_node is not None:
        for node in iter_nodes(meta_node):
            if node is meta_node:
                continue
            value = text_of(node)
            if node.local == "meta" and node.get("name") == "generator":
                pkg.generator = node.get("content")
            if value and node.tag.startswith("dc:"):
                pkg.metadata.setdefault(node.local, []).append(value)
    manifest = {n.get("id"): n for n in find_all(opf, lambda n: n.local == "item") if n.get("id")}
    for ref in find_all(opf, lambda n: n.local == "itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or (item.get("media-type") and item.get("media-type") not in _HTML_TYPES):
            continue
        path = zf.find(resolve_href(base, item.get("href")))
        if path is not None and path not in pkg.spine:
            pkg.spine.append(path)
    if not pkg.spine:
        raise FormatError("the EPUB has no readable text: its spine lists no XHTML files it contains")
    return pkg


def _apply_package_meta(builder: WorkBuilder, pkg: Package) -> None:
    meta, md = builder.meta, pkg.metadata
    if md.get("title") and not meta.title:
        meta.title = md["title"][0]
    if md.get("creator") and not meta.authors:
        meta.authors = list(md["creator"])
    if md.get("language") and not meta.language:
        code = md["language"][0]
        meta.language = _LANGUAGES.get(code.lower().split("-")[0], code)
    if md.get("description") and not meta.summary:
        meta.summary = md["description"][0]
    if md.get("subject"):
        meta.extra.setdefault("subjects", list(md["subject"]))
    for key in ("publisher", "date", "identifier", "source"):
        if md.get(key):
            meta.extra.setdefault(key, md[key][0])


def _is_fanficfare(pkg: Package) -> bool:
    said = " ".join([pkg.generator, *pkg.metadata.get("contributor", []), *pkg.metadata.get("publisher", [])])
    if "fanficfare" in said.lower():
        return True
    return any(re.search(r"(?:^|/)title_page\.xhtml$", p) for p in pkg.spine) and any(
        re.search(r"(?:^|/)file\d+\.xhtml$", p) for p in pkg.spine
    )


def read_epub(data: bytes, path: str | None) -> Document:
    """A `Document` from EPUB bytes; `FormatError` for a damaged or hostile archive."""
    zf = SafeZip(data)
    pkg = read_package(zf)
    docs = [(name, parse(decode_markup(zf.read(name))[0])) for name in pkg.spine]
    builder = WorkBuilder()
    if _is_fanficfare(pkg):
        fmt = "fanficfare-epub"
        index = 0
        for name, root in docs:
            if _FFF_SKIP_RE.search(name):
                continue
            body = find(root, lambda n: n.tag == "body") or root
            if re.search(r"(?:^|/)title_page\.x?html?$", name, re.I) or "fff_titlepage" in body.classes:
                items = flatten(body)
                head = items[0] if items and items[0].tag in ("h1", "h2", "h3") else None
                fanficfare.title_page(builder, head, items[1:] if head else items)
                continue
            index += 1
            title_node = find(root, lambda n: n.tag == "title")
            fanficfare.read_chapter_file(body, builder, index, text_of(title_node) if title_node is not None else None)
        _subjects_to_tags(builder, pkg)
    elif _is_ao3(pkg, docs):
        fmt = "ao3-epub"
        roots: list[tuple[Node, Iterable[str]]] = []
        for name, root in docs:
            body = find(root, lambda n: n.tag == "body") or root
            base = {"preface"} if "preface" in name.lower() else {"afterword"} if "afterword" in name.lower() else set()
            roots.append((body, base))
        ao3.read(roots, builder)
    else:
        fmt = "epub"
        for _, root in docs:
            body = find(root, lambda n: n.tag == "body") or root
            builder.paragraphs(item.text for item in flatten(body))
    _apply_package_meta(builder, pkg)
    return builder.finish(fmt, path)


def _is_ao3(pkg: Package, docs: list[tuple[str, Node]]) -> bool:
    said = " ".join(v for values in pkg.metadata.values() for v in values).lower()
    if "archive of our own" in said or "archiveofourown" in said:
        return True
    return bool(ao3.tag_lists(root for _, root in docs[:3]))


_SUBJECT_SKIP_RE = re.compile(r"^(?:fanfiction|fan fiction|completed?|in-progress|in progress|last update.*)$", re.I)


def _subjects_to_tags(builder: WorkBuilder, pkg: Package) -> None:
    """dc:subject entries not already said elsewhere become additional tags."""
    meta = builder.meta
    known = {
        v.lower()
        for v in [
            *meta.fandoms,
            *meta.characters,
            *meta.relationships,
            *meta.category,
            *meta.warnings,
            *meta.additional_tags,
        ]
    }
    if meta.rating:
        known.add(meta.rating.lower())
    for subject in pkg.metadata.get("subject", []):
        if subject.lower() not in known and not _SUBJECT_SKIP_RE.match(subject.strip()):
            meta.additional_tags.append(subject)
            known.add(subject.lower())
