"""Step `worktags`: AO3-style tags for the work, where its metadata is silent.

Fandom comes from the `fandom` step. Relationships and characters come from the
analysis, with canonical names when a roster knows them. Category (Gen, F/M,
M/M, F/F, Multi, Other) follows the main romantic relationships and the
characters' genders, and the notes' own words ("slash", "femslash", "het").
Rating and archive warnings are only ever what the work states. Content
warnings found in the notes become additional tags.
"""

from __future__ import annotations

import re

from ficlens.model import Document
from ficlens.steps.notes import label_line

_NOTE_TAGS = [
    (re.compile(r"\bfemslash\b|\byuri\b|\bshoujo[- ]ai\b|\bf\s*/\s*f\b", re.I), "Femslash"),
    (re.compile(r"(?<!fem)\bslash\b|\byaoi\b|\bshounen[- ]ai\b|\bm\s*/\s*m\b", re.I), "Slash"),
    (re.compile(r"\bnon[- ]?con(?:sensual)?\b|\brape\b", re.I), "Non-Consensual"),
    (re.compile(r"\bdub[- ]?con\b", re.I), "Dubious Consent"),
    (re.compile(r"\bmajor character death\b", re.I), "Major Character Death"),
    (re.compile(r"\bcharacter death\b", re.I), "Character Death"),
    (re.compile(r"\bself[- ]harm\b", re.I), "Self-Harm"),
    (re.compile(r"\bsuicid\w*\b", re.I), "Suicide"),
    (re.compile(r"\babuse\b", re.I), "Abuse"),
    (re.compile(r"\bviolence\b|\bgore\b", re.I), "Violence"),
    (re.compile(r"\bsmut\b|\blemon\b|\bsexual content\b|\bexplicit sex\b", re.I), "Sexual Content"),
    (re.compile(r"\blanguage\b|\bswearing\b|\bprofanity\b", re.I), "Strong Language"),
    (re.compile(r"\bdrug use\b|\bdrugs\b", re.I), "Drug Use"),
    (re.compile(r"\bcheating\b|\binfidelity\b", re.I), "Infidelity"),
]
_CATEGORY_CUES = [
    (re.compile(r"\bfemslash\b|\byuri\b|\bf\s*/\s*f\b", re.I), "F/F"),
    (re.compile(r"(?<!fem)\bslash\b|\byaoi\b|\bm\s*/\s*m\b", re.I), "M/M"),
    (re.compile(r"\bhet\b|\bf\s*/\s*m\b|\bm\s*/\s*f\b", re.I), "F/M"),
]
_MAX_CHARACTERS = 12


def _pair_category(ga: str | None, gb: str | None) -> str:
    if ga is None or gb is None:
        return "Other"
    if "N" in (ga, gb):
        return "Other"
    if ga == gb:
        return "M/M" if ga == "M" else "F/F"
    return "F/M"


def category(doc: Document) -> list[str]:
    gender = {c.id: c.gender for c in doc.characters}
    notes = " ".join(doc.text[b.start : b.end] for b in doc.front_matter if b.kind in ("warning", "author_note", "header", "summary"))
    cats: list[str] = []
    for pattern, cat in _CATEGORY_CUES:
        if pattern.search(notes) and cat not in cats:
            cats.append(cat)
    romantic = [r for r in doc.relationships if r.kind == "romantic"]
    if romantic:
        top = max(r.score for r in romantic)
        for r in romantic:
            if r.score >= 0.5 * top:
                cat = _pair_category(gender.get(r.characters[0]), gender.get(r.characters[1]))
                if cat not in cats and not (cat == "Other" and cats):
                    cats.append(cat)
    if not cats:
        return ["Gen"]
    if len([c for c in cats if c != "Other"]) > 1:
        cats.append("Multi")
    return cats


def _warning_text(text: str, kind: str) -> str:
    """The part of a note that can carry content warnings: warnings and author's notes whole,
    and from labelled header lines only those labelled as warnings or tags."""
    if kind in ("warning", "author_note"):
        return text
    if kind != "header":
        return ""
    keep = []
    for line in text.split("\n"):
        labelled = label_line(line)
        if labelled and ("warning" in labelled[0] or "tags" in labelled[0]):
            keep.append(labelled[1])
    return " ".join(keep)


def run(doc: Document) -> None:
    meta = doc.meta
    if not meta.category:
        meta.category = category(doc)
    if not meta.relationships:
        meta.relationships = [r.tag for r in doc.relationships if r.score >= 0.1 or r.kind == "romantic"][:6]
    if not meta.characters:
        on_page = [c for c in doc.characters if c.on_page and (c.quotes > 0 or c.mentions >= 3)]
        meta.characters = [c.name for c in on_page[:_MAX_CHARACTERS]]
    notes = " ".join(_warning_text(doc.text[b.start : b.end], b.kind) for b in doc.front_matter + doc.end_matter)
    for pattern, tag in _NOTE_TAGS:
        if pattern.search(notes) and tag not in meta.additional_tags:
            meta.additional_tags.append(tag)
