"""The story renderer and the interaction graph, on hand-built analysis documents."""

from __future__ import annotations

import html
import re

from ficlens.web import graph
from ficlens.web.story import Mark, render_story

TEXT = 'A/N: hi <there>\n\nChapter 1: Start\n\n"One," said A. "Two."\n\n***\n\n"<b>x</b>" B said.\n'


def _structure():
    return {
        "front_matter": [{"kind": "author_note", "start": 0, "end": 15}],
        "chapters": [{"number": 1, "title": "Start", "start": 17, "end": len(TEXT), "heading": {"start": 17, "end": 33}}],
        "end_matter": [],
        "scene_breaks": [{"start": TEXT.index("***"), "end": TEXT.index("***") + 3}],
    }


def _quotes():
    spans = [(m.start() + 1, m.end() - 1) for m in re.finditer(r'"[^"]*"', TEXT)]
    return [{"id": f"q{i + 1}", "start": s, "end": e, "speaker": "a" if i < 2 else "b", "addressees": [], "confidence": 0.9,
             "type": "explicit"} for i, (s, e) in enumerate(spans)]  # fmt: skip


def test_render_story_sections_and_escaping():
    marks = {"q1": Mark("q sp-0", "A"), "q2": Mark("q sp-0", "A"), "q3": Mark("q sp-1", "B <b>")}
    sections = render_story(TEXT, _structure(), _quotes(), marks, [(TEXT.index("One"), "ev-1-1")])
    assert [(s.kind, s.label) for s in sections] == [("front", "Author's note"), ("chapter", "Chapter 1: Start")]
    assert str(sections[0].paragraphs[0].html) == "A/N: hi &lt;there&gt;"
    kinds = [p.kind for p in sections[1].paragraphs]
    assert kinds == ["heading", "p", "break", "p"]
    p = str(sections[1].paragraphs[1].html)
    assert p.startswith('<span class="q sp-0" id="line-q1" data-tip="A">&#34;<span class="anchor" id="ev-1-1"></span>One,&#34;</span>')
    last = str(sections[1].paragraphs[3].html)
    assert 'data-tip="B &lt;b&gt;"' in last and "&lt;b&gt;x&lt;/b&gt;" in last and "<b>" not in last


def test_render_story_rebuilds_the_text():
    sections = render_story(TEXT, _structure(), _quotes(), {}, [(3, "ev-1-1")])
    plain = [html.unescape(re.sub(r"<[^>]+>", "", str(p.html))) for s in sections for p in s.paragraphs]
    assert "\n\n".join(plain) == TEXT.strip()


def test_render_story_without_structure():
    sections = render_story('"Hi," said A.\n\n"Bye."', {}, [], {}, [])
    assert len(sections) == 1 and sections[0].kind == "body" and len(sections[0].paragraphs) == 2


def test_interactions_from_addressees_and_turns():
    quotes = [
        {"start": 0, "speaker": "a", "addressees": ["b"]},
        {"start": 5, "speaker": "b", "addressees": []},  # a turn: counts towards a-b
        {"start": 9, "speaker": "c", "addressees": []},  # a turn: b-c
        {"start": 12, "speaker": None, "addressees": []},
        {"start": 15, "speaker": "a", "addressees": []},  # after an unattributed line: no turn
    ]
    assert graph.interactions(quotes) == [graph.Edge("a", "b", 2), graph.Edge("b", "c", 1)]


def test_graph_svg_edge_width_follows_lines_and_escapes_names():
    edges = [graph.Edge("a", "b", 8), graph.Edge("a", "c", 2)]
    svg = str(graph.draw([("a", "<A>", "sp-0", 10), ("b", "B", "sp-1", 5), ("c", "C", "sp-2", 1)], edges))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    widths = [float(w) for w in re.findall(r'stroke-width="([\d.]+)"', svg)]
    assert widths[0] > widths[1]
    assert "&lt;A&gt;" in svg and "<A>" not in svg
    assert svg.count('<g class="node') == 3
