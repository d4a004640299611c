"""The analysis pipeline: an ordered list of named steps over one `Document`.

Each step lives in its own module under `ficlens.steps`, reads what earlier
steps added and adds its own layer:

    paragraphs -> structure -> fandom -> quotes -> chat -> sentences -> characters
    -> speakers -> coref -> presence -> relationships -> worktags

`run` times every step into ``doc.timings`` (seconds), which the benchmark reads.
"""

from __future__ import annotations

from collections.abc import Callable
from time import perf_counter

from ficlens.model import Document
from ficlens.steps import (
    characters,
    chat,
    coref,
    fandom,
    paragraphs,
    presence,
    quotes,
    relationships,
    sentences,
    speakers,
    structure,
    worktags,
)

Step = Callable[[Document], None]

STEPS: list[tuple[str, Step]] = [
    ("paragraphs", paragraphs.run),
    ("structure", structure.run),
    ("fandom", fandom.run),
    ("quotes", quotes.run),
    ("chat", chat.run),
    ("sentences", sentences.run),
    ("characters", characters.run),
    ("speakers", speakers.run),
    ("coref", coref.run),
    ("presence", presence.run),
    ("relationships", relationships.run),
    ("worktags", worktags.run),
]


def run(doc: Document, steps: list[tuple[str, Step]] | None = None) -> Document:
    """Run the steps over ``doc`` in order and return it."""
    for name, step in steps or STEPS:
        t0 = perf_counter()
        step(doc)
        doc.timings[name] = perf_counter() - t0
    return doc
