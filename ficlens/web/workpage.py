"""`WorkPage`: what the work page shows, built from one ``ficlens.analysis/1`` document.

Both /works/{id} (a work of the library) and /analyze (a story just analysed)
render ``work.html`` from a `WorkPage`; tests check the context as well as the
HTML. Speakers get palette classes ``sp-0`` .. ``sp-11`` by lines spoken (the
CSS gives each a colour; later speakers share ``sp-more``); a line whose
confidence is below `LOW_CONFIDENCE` is marked ``low``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ficlens.web import graph
from ficlens.web.story import Mark, Section, chapter_label, render_story

LOW_CONFIDENCE = 0.6
PALETTE = 12
GENDERS = {"F": "she/her", "M": "he/him", "N": "they/them"}
_WORK_FIELDS: dict[str, Any] = {"title": None, "authors": [], "fandoms": [], "rating": None, "warnings": [], "category": [],
                                "relationships": [], "characters": [], "additional_tags": [], "summary": None}  # fmt: skip


@dataclass
class Person:
    """A character as the legend and the character panel show them."""

    id: str
    name: str
    aliases: list[str]
    gender: str
    lines: int
    mentions: int
    on_page: bool
    css: str


@dataclass
class Evidence:
    anchor: str
    start: int
    end: int


@dataclass
class Pairing:
    """A relationship of the work with its evidence passages."""

    tag: str
    kind: str
    score: float
    names: tuple[str, str]
    lines: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class WorkPage:
    """The context of ``work.html``.

    ``work`` is the analysis's ``work`` object (title, fandoms, tags...);
    ``sections`` the rendered story; ``speakers`` the legend (who speaks, most
    first); ``characters`` the character panel; ``pairings`` and ``graph`` the
    relationship panel; ``edges`` the graph as a table (names and lines).
    """

    work_id: str | None
    title: str
    work: dict[str, Any]
    words: int
    chapters: int
    lines: int
    sections: list[Section]
    contents: list[tuple[str, str]]
    speakers: list[Person]
    characters: list[Person]
    unattributed: int
    low: int
    pairings: list[Pairing]
    graph: Markup
    edges: list[tuple[str, str, int]]
    low_threshold: float = LOW_CONFIDENCE


def _people(characters: list[dict[str, Any]]) -> list[Person]:
    ranked = sorted(characters, key=lambda c: (-c["quotes"], -c["mentions"], c["name"]))
    out = []
    for i, c in enumerate(ranked):
        css = (f"sp-{i}" if i < PALETTE else "sp-more") if c["quotes"] else "sp-none"
        aliases = [a for a in c.get("aliases") or [] if a != c["name"]]
        out.append(Person(c["id"], c["name"], aliases, GENDERS.get(c.get("gender") or "", "\u2014"),
                          c["quotes"], c["mentions"], bool(c["on_page"]), css))  # fmt: skip
    return out


def _mark(q: dict[str, Any], people: dict[str, Person]) -> Mark:
    who = people.get(q.get("speaker") or "")
    confidence = float(q.get("confidence") or 0.0)
    if who is None:
        return Mark("q sp-none", "No speaker found")
    tip = [who.name, q.get("type") or "attributed", f"{confidence:.0%} sure" if confidence < 0.99 else f"{confidence:.1%} sure"]
    to = [people[a].name for a in q.get("addressees") or [] if a in people]
    if to:
        tip.insert(1, "to " + ", ".join(to))
    low = confidence < LOW_CONFIDENCE
    return Mark(f"q {who.css}" + (" low" if low else ""), " \u00b7 ".join(tip) + (" \u00b7 unsure" if low else ""))


def build(d: dict[str, Any], text: str, work_id: str | None = None) -> WorkPage:
    """The work page of an analysis document ``d`` over ``text`` (its ``source.text``)."""
    people = _people(d.get("characters") or [])
    by_id = {p.id: p for p in people}
    quotes = d.get("quotes") or []
    marks = {q["id"]: _mark(q, by_id) for q in quotes}
    edges = graph.interactions(quotes)
    exchanged = {(e.a, e.b): e.lines for e in edges}
    pairings, anchors = [], []
    for r, rel in enumerate(d.get("relationships") or []):
        a, b = (list(rel["characters"]) + ["", ""])[:2]
        evidence = [Evidence(f"ev-{r + 1}-{i + 1}", e["start"], e["end"]) for i, e in enumerate(rel.get("evidence") or [])]
        anchors += [(e.start, e.anchor) for e in evidence]
        names = (by_id[a].name if a in by_id else a, by_id[b].name if b in by_id else b)
        pairings.append(Pairing(rel["tag"], rel["kind"], float(rel["score"]), names, exchanged.get(tuple(sorted((a, b))), 0), evidence))
    romantic = {tuple(sorted(rel["characters"][:2])) for rel in d.get("relationships") or [] if rel["kind"] == "romantic"}
    in_graph = {x for e in edges for x in (e.a, e.b)}
    nodes = [(p.id, p.name, p.css, p.lines) for p in people if p.lines or p.id in in_graph]
    structure = d.get("structure") or {}
    chapters = structure.get("chapters") or []
    work = {**_WORK_FIELDS, **{k: v for k, v in (d.get("work") or {}).items() if v is not None}}
    title = work.get("title") or (work_id if work_id else None) or "Untitled story"
    return WorkPage(
        work_id=work_id,
        title=title,
        work=work,
        words=len(text.split()),
        chapters=max(len(chapters), 1),
        lines=len(quotes),
        sections=render_story(text, structure, quotes, marks, anchors),
        contents=[(f"chapter-{i + 1}", chapter_label(c, i)) for i, c in enumerate(chapters)] if len(chapters) > 1 else [],
        speakers=[p for p in people if p.lines],
        characters=people,
        unattributed=sum(1 for q in quotes if not q.get("speaker")),
        low=sum(1 for q in quotes if q.get("speaker") and float(q.get("confidence") or 0) < LOW_CONFIDENCE),
        pairings=pairings,
        graph=graph.draw(nodes, edges, romantic),
        edges=[(by_id[e.a].name if e.a in by_id else e.a, by_id[e.b].name if e.b in by_id else e.b, e.lines) for e in edges],
    )
