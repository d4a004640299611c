"""A small, safe HTML/XML tree built with the standard library's tokenizer.

`parse` turns markup into a tree of `Node` objects without recursion (a page of
100,000 nested ``<div>`` elements is fine), drops ``<script>``, ``<style>`` and
their kin, closes the elements HTML closes implicitly (``<p>``, ``<li>``,
``<dt>``/``<dd>``, ``<option>``, table cells), stops nesting past
``safety.MAX_DEPTH`` and refuses more than ``safety.MAX_ELEMENTS`` elements. It
resolves no entities beyond HTML's own character references and loads nothing:
an XML document type declaration (where entity bombs and external entities
live) is dropped before parsing. EPUB's XHTML and XML files go through the same
parser.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

from ficlens.errors import FormatError
from ficlens.ingest import safety
from ficlens.ingest.decode import decode_bytes

VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
DROP = frozenset("script style noscript template iframe object embed svg math canvas audio video button".split())
_BLOCKISH = frozenset(
    "address article aside blockquote center details dialog div dl fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section table ul".split()
)
_SPACED = _BLOCKISH | frozenset("br dt dd li td th tr option title body html".split())
# For an element that closes an open one of its group: the elements that stop the search.
_IMPLIED = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "option": ({"option"}, {"select", "datalist"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
}
_DOCTYPE_RE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[[^\]]*\]\s*)?>", re.IGNORECASE)
_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


class Node:
    """An element: its tag, attributes, and children (nodes and strings) in order."""

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    def get(self, name: str, default: str = "") -> str:
        return self.attrs.get(name, default)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def local(self) -> str:
        """The tag without an XML namespace prefix ("dc:title" -> "title")."""
        return self.tag.rsplit(":", 1)[-1]

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.tag} {self.attrs}>"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack: list[Node] = [self.root]
        self.open: Counter[str] = Counter()
        self.elements = 0
        self.skip: str | None = None
        self.skip_depth = 0
        self.max_elements = safety.MAX_ELEMENTS
        self.max_depth = safety.MAX_DEPTH

    def _push(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements += 1
        if self.elements > self.max_elements:
            raise FormatError(f"the markup has more than {self.max_elements:,} elements; refusing it")
        parent = self.stack[-1]
        node = Node(tag, {k: (v or "") for k, v in attrs}, parent)
        parent.children.append(node)
        if tag not in VOID and len(self.stack) < self.max_depth:
            self.stack.append(node)
            self.open[tag] += 1

    def _pop_to(self, tag: str) -> None:
        while len(self.stack) > 1:
            node = self.stack.pop()
            self.open[node.tag] -= 1
            if node.tag == tag:
                return

    def _close_implied(self, tag: str) -> None:
        if tag in _BLOCKISH and self.open["p"] and self.stack[-1].tag == "p":
            self._pop_to("p")
        rule = _IMPLIED.get(tag)
        if rule is None:
            return
        closes, stops = rule
        if not any(self.open[t] for t in closes):
            return
        for node in reversed(self.stack[-12:]):
            if node.tag in stops:
                return
            if node.tag in closes:
                self._pop_to(node.tag)
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip is not None:
            if tag == self.skip:
                self.skip_depth += 1
            return
        if tag in DROP:
            if tag not in VOID:
                self.skip, self.skip_depth = tag, 1
            return
        self._close_implied(tag)
        self._push(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip is not None or tag in DROP:
            return
        self._close_implied(tag)
        self.elements += 1
        if self.elements > self.max_elements:
            raise FormatError(f"the markup has more than {self.max_elements:,} elements; refusing it")
        parent = self.stack[-1]
        parent.children.append(Node(tag, {k: (v or "") for k, v in attrs}, parent))

    def handle_endtag(self, tag: str) -> None:
        if self.skip is not None:
            if tag == self.skip:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip = None
            return
        if tag == "br":
            self._push("br", [])
        elif self.open[tag] > 0:
            self._pop_to(tag)

    def handle_data(self, data: str) -> None:
        if self.skip is None and data:
            self.stack[-1].children.append(data)

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):
            self.handle_data(data[6:])


def parse(markup: str) -> Node:
    """The tree of ``markup``; raise `FormatError` when it is too large to be a story."""
    markup = _DOCTYPE_RE.sub("", markup)
    builder = _TreeBuilder()
    try:
        builder.feed(markup)
        builder.close()
    except FormatError:
        raise
    except (AssertionError, ValueError, IndexError) as exc:  # the tokenizer's complaints
        raise FormatError(f"malformed markup: {' '.join(str(exc).split())[:100]}") from None
    return builder.root


def decode_markup(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text of HTML or XML bytes and the encoding used: asked, byte-order mark, declared, UTF-8, detected."""
    if encoding:
        decoded = decode_bytes(data, encoding)
        return decoded.text, decoded.encoding
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = decode_bytes(data)
        return decoded.text, decoded.encoding
    m = _CHARSET_RE.search(data[:4096])
    declared = (m.group(1) or m.group(2)).decode("ascii", "replace").lower() if m else None
    for name in (declared, "utf-8"):
        if not name:
            continue
        try:
            codecs.lookup(name)
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def iter_nodes(root: Node) -> Iterator[Node]:
    """Every element under ``root`` (itself included) in document order, without recursion."""
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in reversed(node.children) if isinstance(c, Node))


def find(root: Node, pred: Callable[[Node], bool]) -> Node | None:
    for node in iter_nodes(root):
        if pred(node):
            return node
    return None


def find_all(root: Node, pred: Callable[[Node], bool]) -> list[Node]:
    return [node for node in iter_nodes(root) if pred(node)]


def by_id(root: Node, *ids: str) -> Node | None:
    wanted = set(ids)
    return find(root, lambda n: n.attrs.get("id") in wanted)


def has_class(node: Node, name: str) -> bool:
    return name in node.classes


def text_of(node: Node) -> str:
    """All the text under ``node``, whitespace collapsed to single spaces, blocks kept apart."""
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif item.tag in _SPACED:
            parts.append(" ")
            stack.append(" ")
            stack.extend(reversed(item.children))
        else:
            stack.extend(reversed(item.children))
    return " ".join("".join(parts).split())


def elements(node: Node) -> list[Node]:
    """The element children of ``node``."""
    return [c for c in node.children if isinstance(c, Node)]


def next_element(node: Node) -> Node | None:
    """The element after ``node`` among its siblings, skipping text."""
    parent = node.parent
    if parent is None:
        return None
    seen = False
    for child in parent.children:
        if child is node:
            seen = True
        elif seen and isinstance(child, Node):
            return child
    return None
