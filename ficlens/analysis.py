"""`Analysis`: the finished reading of a story and its JSON form (schema ficlens.analysis/1).

docs/schema.md documents every field. The rules: every ``start``/``end`` is a
character offset into the analysed text (the input as decoded, or for HTML and
EPUB the extracted story text), ``text == input[start:end]``; fields are only
ever added within ``/1``, and a change that removes or redefines one moves the
schema to ``/2``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ficlens.model import Character, Document, Quote, Relationship

SCHEMA = "ficlens.analysis/1"


@dataclass
class Analysis:
    """A story as ficlens read it. ``document`` holds every span; ``to_dict`` the JSON view."""

    document: Document

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def quotes(self) -> list[Quote]:
        return self.document.quotes

    @property
    def characters(self) -> list[Character]:
        return self.document.characters

    @property
    def relationships(self) -> list[Relationship]:
        return self.document.relationships

    @property
    def empty(self) -> bool:
        return not self.document.text.strip()

    def to_dict(self, include_text: bool | None = None) -> dict[str, Any]:
        """The analysis as the ``ficlens.analysis/1`` JSON document.

        Args:
            include_text: add ``source.text`` (the analysed text). By default it is
                added when the text was extracted from HTML or EPUB, since the
                offsets point into it rather than into the file.
        """
        doc = self.document
        text = doc.text
        meta = doc.meta
        source: dict[str, Any] = {
            "path": doc.source.path,
            "sha256": doc.source.sha256,
            "length": doc.source.length,
            "encoding": doc.source.encoding,
            "format": doc.source.format,
            "empty": self.empty,
        }
        if include_text or (include_text is None and doc.source.format != "text"):
            source["text"] = text
        return {
            "schema": SCHEMA,
            "source": source,
            "work": {
                "title": meta.title,
                "authors": list(meta.authors),
                "fandoms": list(meta.fandoms),
                "rating": meta.rating,
                "warnings": list(meta.warnings),
                "category": list(meta.category),
                "relationships": list(meta.relationships),
                "characters": list(meta.characters),
                "additional_tags": list(meta.additional_tags),
                "summary": meta.summary,
                "language": meta.language,
                "extra": dict(meta.extra),
            },
            "structure": {
                "front_matter": [
                    {"kind": b.kind, "start": b.start, "end": b.end, "text": text[b.start : b.end]} for b in doc.front_matter
                ],
                "chapters": [
                    {
                        "number": c.number,
                        "title": c.title,
                        "start": c.start,
                        "end": c.end,
                        "heading": None if c.heading is None else {"start": c.heading.start, "end": c.heading.end},
                    }
                    for c in doc.chapters
                ],
                "end_matter": [
                    {"kind": b.kind, "start": b.start, "end": b.end, "text": text[b.start : b.end]} for b in doc.end_matter
                ],
                "scene_breaks": [{"start": s.start, "end": s.end} for s in doc.scene_breaks],
                "paragraphs": len(doc.paragraphs),
            },
            "characters": [
                {
                    "id": c.id,
                    "name": c.name,
                    "aliases": list(c.aliases),
                    "gender": c.gender,
                    "mentions": c.mentions,
                    "quotes": c.quotes,
                    "on_page": c.on_page,
                }
                for c in doc.characters
            ],
            "quotes": [
                {
                    "id": q.id,
                    "start": q.start,
                    "end": q.end,
                    "text": text[q.start : q.end],
                    "speaker": q.speaker,
                    "addressees": list(q.addressees),
                    "confidence": q.confidence,
                    "type": q.type,
                    "continues": q.continues,
                }
                for q in doc.quotes
            ],
            "mentions": [{"start": m.start, "end": m.end, "character": m.character, "kind": m.kind} for m in doc.mentions],
            "relationships": [
                {
                    "characters": list(r.characters),
                    "kind": r.kind,
                    "tag": r.tag,
                    "score": r.score,
                    "evidence": [{"start": e.start, "end": e.end} for e in r.evidence],
                }
                for r in doc.relationships
            ],
        }
