"""The interaction network of a work, drawn as an SVG graph on the server.

Nodes are characters (the ones who speak or are spoken to); an edge joins two
characters who exchange lines, its width the number of lines between them. A
line counts towards (speaker, addressee) for each addressee the analysis found;
a line without addressees counts towards its speaker and the previous line's
speaker (consecutive turns), when they differ. The drawing is a circle layout,
deterministic, with every label escaped and colours given by CSS classes (the
page's Content-Security-Policy allows no inline styles).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

WIDTH, HEIGHT = 340, 270
MAX_NODES = 12


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    lines: int


def interactions(quotes: list[dict[str, Any]]) -> list[Edge]:
    """Lines exchanged between each pair of characters, most first."""
    counts: Counter[tuple[str, str]] = Counter()
    previous = None
    for q in sorted(quotes, key=lambda q: q["start"]):
        speaker = q.get("speaker")
        if not speaker:
            previous = None
            continue
        others = [a for a in q.get("addressees") or [] if a and a != speaker]
        if not others and previous and previous != speaker:
            others = [previous]
        for other in dict.fromkeys(others):
            a, b = sorted((speaker, other))
            counts[a, b] += 1
        previous = speaker
    return [Edge(a, b, n) for (a, b), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _height(n: int) -> int:
    return HEIGHT if n > 2 else 120


def _layout(ids: list[str]) -> dict[str, tuple[float, float]]:
    cx, cy = WIDTH / 2, _height(len(ids)) / 2 + (4 if len(ids) > 2 else -8)
    if len(ids) == 1:
        return {ids[0]: (cx, cy)}
    radius = 92.0 if len(ids) > 2 else 110.0
    pos = {}
    for i, cid in enumerate(ids):
        angle = (0.0 if len(ids) == 2 else -math.pi / 2) + 2 * math.pi * i / len(ids)
        pos[cid] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return pos


def _f(x: float) -> str:
    return f"{x:.1f}"


def draw(nodes: list[tuple[str, str, str, int]], edges: list[Edge], romantic: set[tuple[str, str]] = frozenset()) -> Markup:
    """The SVG of the network.

    Args:
        nodes: (id, name, css class, lines spoken) of each character to draw, most important first.
        edges: from `interactions`; edges to characters not drawn are left out.
        romantic: pairs (sorted ids) the analysis calls romantic, drawn in their own colour.
    """
    nodes = nodes[:MAX_NODES]
    pos = _layout([n[0] for n in nodes])
    edges = [e for e in edges if e.a in pos and e.b in pos]
    most_lines = max([n[3] for n in nodes] + [1])
    most_exchanged = max([e.lines for e in edges] + [1])
    parts = [Markup('<svg class="network" viewBox="0 0 {} {}" role="img" aria-labelledby="network-title" '
                    'xmlns="http://www.w3.org/2000/svg">').format(WIDTH, _height(len(nodes))),
             Markup('<title id="network-title">Who talks to whom: lines exchanged between characters</title>')]  # fmt: skip
    names = {n[0]: n[1] for n in nodes}
    for e in edges:
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        width = 1.5 + 10.5 * e.lines / most_exchanged
        css = "edge romantic" if (e.a, e.b) in romantic else "edge"
        parts.append(Markup('<g class="{}" data-a="{}" data-b="{}" data-lines="{}"><line x1="{}" y1="{}" x2="{}" y2="{}" '
                            'stroke-width="{}"/><title>{} and {}: {} lines</title></g>').format(
            css, e.a, e.b, e.lines, _f(x1), _f(y1), _f(x2), _f(y2), _f(width), names[e.a], names[e.b], e.lines))  # fmt: skip
    for e in edges:
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        t = 0.4  # off the middle, so that the labels of crossing edges do not meet
        parts.append(Markup('<text class="edge-label" x="{}" y="{}">{}</text>').format(
            _f(x1 + t * (x2 - x1)), _f(y1 + t * (y2 - y1) + 4), e.lines))  # fmt: skip
    for cid, name, css, lines in nodes:
        x, y = pos[cid]
        r = 7 + 11 * math.sqrt(lines / most_lines)
        above = y - _height(len(nodes)) / 2 < -10
        lx, ly = min(max(x, 52.0), WIDTH - 52.0), (y - r - 6 if above else y + r + 15)
        parts.append(Markup('<g class="node {}" data-id="{}"><circle cx="{}" cy="{}" r="{}"/>'
                            '<title>{}: {} lines</title></g>').format(css, cid, _f(x), _f(y), _f(r), name, lines))  # fmt: skip
        parts.append(Markup('<text class="node-label" x="{}" y="{}" text-anchor="middle">{}</text>').format(
            _f(lx), _f(ly), _short(name)))  # fmt: skip
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _short(name: str, limit: int = 16) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "\u2026"

