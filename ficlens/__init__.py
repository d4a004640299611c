"""ficlens: read fan fiction by machine.

    >>> import ficlens
    >>> a = ficlens.analyze('"Hi," said Mark. "Hello," Derek answered.')
    >>> [q.speaker for q in a.quotes]
    ['mark', 'derek']
"""

from __future__ import annotations

import os

from ficlens._version import __version__
from ficlens.analysis import SCHEMA, Analysis
from ficlens.errors import FiclensError, FormatError, InputError, RosterError, UsageError
from ficlens.ingest import DEFAULT_MAX_BYTES, document_from_text, load_path
from ficlens.model import (
    Block,
    Chapter,
    Character,
    Document,
    Mention,
    Paragraph,
    Quote,
    Relationship,
    Sentence,
    Span,
    WorkMeta,
)
from ficlens.roster import coerce_roster

__all__ = [
    "SCHEMA",
    "Analysis",
    "Block",
    "Chapter",
    "Character",
    "Document",
    "FiclensError",
    "FormatError",
    "InputError",
    "Mention",
    "Paragraph",
    "Quote",
    "Relationship",
    "RosterError",
    "Sentence",
    "Span",
    "UsageError",
    "WorkMeta",
    "__version__",
    "analyze",
    "analyze_document",
    "analyze_file",
]


def analyze_document(doc: Document, characters: object = None, fandom: str | None = None) -> Analysis:
    """Run the pipeline over a loaded `Document` (see `analyze` for the arguments)."""
    from ficlens import fandoms, pipeline

    roster = coerce_roster(characters)
    if roster is not None:
        doc.roster = roster
    if fandom is not None:
        found = fandoms.find(fandom)
        if found is None:
            raise UsageError(f"unknown fandom {fandom!r} (see `ficlens fandoms` for the bundled ones)")
        doc.fandom_hint = found.name
        doc.meta.fandoms = doc.meta.fandoms or [found.name]
        if doc.roster is None:
            doc.roster = list(found.characters)
            doc.roster_from_fandom = True
    pipeline.run(doc)
    return Analysis(doc)


def analyze(text: str, characters: object = None, fandom: str | None = None) -> Analysis:
    """Analyse a story given as text.

    Args:
        text: the story, already decoded.
        characters: an optional roster: a path to a JSON or CSV roster, roster text,
            or a list of ``{"id", "name", "aliases", "gender"}`` dicts.
        fandom: use this bundled fandom's roster (e.g. ``"Grey's Anatomy"``).
    """
    if not isinstance(text, str):
        raise InputError("analyze() takes the story as text (str); use analyze_file() for a path")
    return analyze_document(document_from_text(text), characters, fandom)


def analyze_file(
    path: str | os.PathLike[str],
    characters: object = None,
    fandom: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Analysis:
    """Read and analyse a story file (plain text, HTML or EPUB; any common encoding)."""
    return analyze_document(load_path(path, encoding=encoding, max_bytes=max_bytes), characters, fandom)
