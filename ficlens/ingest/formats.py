"""Recognise an input's format by its content, and read structured formats.

`load_structured` looks at the bytes, not the file name:

- a zip archive is read as an EPUB (`ficlens.ingest.epub`): AO3's, FanFicFare's
  or any other;
- markup (a document starting with ``<!DOCTYPE html>``, ``<html>``, an XML
  declaration, or an HTML fragment such as ``<p>...</p>``) is parsed and read as
  FanFicFare HTML, a saved FanFiction.Net page, an AO3 download or work page, or
  else any HTML page;
- anything else is plain text (None here); `ficlens.ingest.load_bytes` decodes it
  and recognises FanFicFare's TXT layout in it.

docs/inputs.md describes each format and the text the analysis runs on.
"""

from __future__ import annotations

import codecs
import re

from ficlens.ingest import ao3, fanficfare, ffnet
from ficlens.ingest.builder import WorkBuilder
from ficlens.ingest.html_text import flatten
from ficlens.ingest.html_tree import by_id, decode_markup, find, parse, text_of
from ficlens.ingest.safety import ZIP_MAGIC
from ficlens.model import Document

_DOCUMENT_RE = re.compile(
    rb"^(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\b|html\b|head\b|body\b|meta\b|title\b)", re.I | re.S
)
_FRAGMENT_RE = re.compile(
    rb"^<(?:p|div|h[1-6]|span|blockquote|center|table|article|section|br|b|i|em|strong)\b[^>]{0,300}>", re.I
)
_TITLE_SUFFIX_RE = re.compile(r"\s*(?:\|\s*FanFiction|\[Archive of Our Own\]|- Archive of Our Own)\s*$", re.I)


def sniff(data: bytes) -> str:
    """ "zip", "html" or "text", from the first bytes."""
    if data.startswith(ZIP_MAGIC):
        return "zip"
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head = head.decode("utf-16")[:2048].encode("utf-8", "replace")
        except UnicodeDecodeError:
            return "text"
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _DOCUMENT_RE.match(head):
        return "html"
    if _FRAGMENT_RE.match(head) and b"</" in head:
        return "html"
    return "text"


def load_structured(data: bytes, path: str | None, encoding: str | None = None) -> Document | None:
    """A `Document` for an EPUB or HTML input, or None when the input is plain text."""
    kind = sniff(data)
    if kind == "zip":
        from ficlens.ingest.epub import read_epub

        return read_epub(data, path)
    if kind == "html":
        return load_html(data, path, encoding)
    return None


def load_html(data: bytes, path: str | None, encoding: str | None = None) -> Document:
    """Read an HTML page: FanFicFare, FanFiction.Net, AO3, or any page as plain paragraphs."""
    text, used = decode_markup(data, encoding)
    root = parse(text)
    body = find(root, lambda n: n.tag == "body") or root
    builder = WorkBuilder()
    if fanficfare.looks_like_html(root, text):
        fmt = "fanficfare-html"
        fanficfare.read_html(body, builder)
    elif ffnet.looks_like(root, text):
        fmt = "ffnet-html"
        ffnet.read(root, builder)
    elif ao3.looks_like(root, text):
        fmt = "ao3-html"
        ao3.read([(by_id(root, "workskin") or body, ())], builder, page=root)
    else:
        fmt = "html"
        builder.paragraphs(item.text for item in flatten(body))
    if builder.meta.title is None:
        title = find(root, lambda n: n.tag == "title")
        if title is not None and text_of(title) and fmt != "html":
            builder.meta.title = _TITLE_SUFFIX_RE.sub("", text_of(title)) or None
    return builder.finish(fmt, path, used)
