"""HTML to readable text: one item per block of text, in document order.

`flatten` walks a tree from `ficlens.ingest.html_tree` without recursion and cuts
its text into items at block elements (``<p>``, ``<div>``, headings, list items,
table rows, ...). Inside an item, runs of whitespace become one space and
``<br>`` a line break; ``<pre>`` keeps its text as it is; a rule (``<hr>``)
becomes a scene-break item ``* * *``. Each item remembers its block element's
tag, the nearest ``<blockquote>`` around it, and the marks a format gave its
ancestors (AO3's preface, a FanFicFare title page), which is what the format
readers work from.

`clean_paragraphs` turns item texts into the paragraphs of the analysed text:
lines stripped, blank lines splitting paragraphs, control characters dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ficlens.ingest.html_tree import VOID, Node

BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header html li main nav ol p pre section table tbody thead tfoot tr ul caption "
    "option select summary".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
SKIP = frozenset("head title".split())
SCENE_BREAK = "* * *"
_SPACE_RE = re.compile(r"[ \t\n\r\f\v]+")
_LINE_RE = re.compile(r"\r\n|\r|\n")
_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)} | {0x7F: None}


@dataclass(slots=True)
class Item:
    """A block of text: its words, its block element's tag, its blockquote and marks."""

    text: str
    tag: str
    marks: frozenset[str]
    quote: int | None = None
    node: Node | None = None


Marker = Callable[[Node], Iterable[str]]


def flatten(root: Node, marker: Marker | None = None, base: Iterable[str] = ()) -> list[Item]:
    """The text items under ``root`` in document order (see the module docstring).

    Args:
        root: the element to read.
        marker: gives the marks an element passes to everything inside it.
        base: marks every item gets.
    """
    items: list[Item] = []
    buf: list[str] = []
    ctx: list[tuple[str, frozenset[str], int | None, Node]] = []
    state = {"pre": 0}

    def flush() -> None:
        if buf:
            text = "".join(buf)
            buf.clear()
            if text.strip():
                tag, marks, quote, node = ctx[-1]
                items.append(Item(text, tag, marks, quote, node))

    # The innermost open block element owns the buffered text; ``stack`` holds
    # (node or text, marks, quote, entering) still to visit.
    start_marks = frozenset(base) | frozenset(marker(root) if marker else ())
    ctx.append((root.tag, start_marks, id(root) if root.tag == "blockquote" else None, root))
    stack: list[tuple[Node | str, frozenset[str], int | None, bool]] = [
        (c, start_marks, ctx[0][2], True) for c in reversed(root.children)
    ]
    while stack:
        node, marks, quote, entering = stack.pop()
        if isinstance(node, str):
            if state["pre"]:
                buf.append(node)
            else:
                buf.append(_SPACE_RE.sub(" ", node))
            continue
        tag = node.tag
        if not entering:
            if tag in BLOCK:
                flush()
                ctx.pop()
            if tag == "pre":
                state["pre"] -= 1
            continue
        if tag in SKIP or "hidden" in node.attrs:
            continue
        if tag in VOID:
            if tag == "br":
                buf.append("\n")
            elif tag == "hr":
                flush()
                items.append(Item(SCENE_BREAK, "hr", marks, quote, node))
            continue
        own = frozenset(marker(node)) if marker else frozenset()
        child_marks = marks | own if own else marks
        child_quote = id(node) if tag == "blockquote" else quote
        if tag in BLOCK:
            flush()
            ctx.append((tag, child_marks, child_quote, node))
        elif tag in ("td", "th"):
            buf.append(" ")
        if tag == "pre":
            state["pre"] += 1
        stack.append((node, marks, quote, False))
        stack.extend((c, child_marks, child_quote, True) for c in reversed(node.children))
    flush()
    return items


def clean_paragraphs(texts: Iterable[str]) -> list[str]:
    """Paragraphs of the analysed text from item texts: stripped lines, split at blank lines."""
    out: list[str] = []
    for text in texts:
        lines = [line.strip() for line in _LINE_RE.split(text.translate(_CONTROL))]
        current: list[str] = []
        for line in lines:
            if line:
                current.append(line)
            elif current:
                out.append("\n".join(current))
                current = []
        if current:
            out.append("\n".join(current))
    return out


def plain_text(root: Node, marker: Marker | None = None) -> str:
    """The readable text under ``root``: its paragraphs separated by blank lines."""
    return "\n\n".join(clean_paragraphs(item.text for item in flatten(root, marker)))
