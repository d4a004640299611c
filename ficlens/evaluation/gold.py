"""The gold annotations of one novel, whatever corpus they came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class GoldCharacter:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    # False for a corpus's stand-ins for no one person (PDNC's "_group", "_unknowable").
    person: bool = True

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(slots=True)
class GoldQuote:
    spans: list[tuple[int, int]]
    speaker: str | None  # a GoldCharacter id
    type: str | None = None  # explicit, anaphoric, implicit
    addressees: list[str] = field(default_factory=list)


@dataclass
class GoldNovel:
    name: str
    text: str
    quotes: list[GoldQuote]
    characters: list[GoldCharacter]
    # Only this part of the text is annotated (LitBank annotates an excerpt).
    annotated_end: int | None = None

    def roster(self) -> list[dict]:
        people = [c for c in self.characters if c.person]
        return [{"id": c.id, "name": c.name, "aliases": c.aliases, "gender": c.gender} for c in people]
