"""The bundled library of fandom rosters: one JSON file per fandom in ``data/``.

Each file names the fandom as AO3 writes it, other names it goes by, its
creators (for disclaimers such as "all characters belong to J.K. Rowling") and
its characters with canonical AO3 names, aliases and gender. Adding a fandom is
adding one file (docs/fandoms.md describes the format).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ficlens.model import Character
from ficlens.roster import normalize_name, parse_roster, slug


@dataclass(frozen=True)
class Fandom:
    name: str
    aliases: tuple[str, ...] = ()
    creators: tuple[str, ...] = ()
    characters: tuple[Character, ...] = field(default=(), compare=False)

    @property
    def key(self) -> str:
        return slug(self.name)


@cache
def library() -> tuple[Fandom, ...]:
    """Every bundled fandom, in file-name order."""
    out = []
    folder = resources.files(__package__).joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        chars = parse_roster(json.dumps(data["characters"]), f"fandom {entry.name}")
        out.append(
            Fandom(
                name=data["fandom"],
                aliases=tuple(data.get("aliases", [])),
                creators=tuple(data.get("creators", [])),
                characters=tuple(chars),
            )
        )
    return tuple(out)


def _key(name: str) -> str:
    return normalize_name(name).strip(" .!\"'")


@cache
def _index() -> dict[str, Fandom]:
    idx: dict[str, Fandom] = {}
    for f in library():
        for n in (f.name, *f.aliases, f.key):
            idx.setdefault(_key(n), f)
    return idx


def find(name: str) -> Fandom | None:
    """The bundled fandom a name refers to ("Grey's Anatomy", "greys", "HP"), or None."""
    key = _key(name)
    idx = _index()
    if key in idx:
        return idx[key]
    for prefix in ("the ", "tv show ", "show "):
        if key.startswith(prefix) and key[len(prefix) :] in idx:
            return idx[key[len(prefix) :]]
    return None


def by_creator(name: str) -> Fandom | None:
    key = normalize_name(name).replace(" ", "").replace(".", "")
    for f in library():
        for c in f.creators:
            if normalize_name(c).replace(" ", "").replace(".", "") == key:
                return f
    return None


def names() -> list[str]:
    return [f.name for f in library()]
