"""Reading the team's annotated fan-fiction set (benchmarks/fanfic-gold).

Each story ``NN_slug.txt`` has ``NN_slug.json`` with its characters (a roster)
and every quote's exact text, speaker, addressees and type, in order of
appearance; quote spans are found by searching for each text after the previous
one. See benchmarks/fanfic-gold/README.md for the format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ficlens.errors import InputError
from ficlens.evaluation.gold import GoldCharacter, GoldNovel, GoldQuote


def read_story(txt: Path) -> GoldNovel:
    text = txt.read_text(encoding="utf-8")
    data = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    chars = [
        GoldCharacter(c["id"], c["name"], [a for a in c.get("aliases", []) if a != c["name"]], c.get("gender"))
        for c in data["characters"]
    ]
    quotes = []
    pos = 0
    for q in data["quotes"]:
        at = text.find(q["text"], pos)
        if at < 0:
            raise InputError(f"{txt.name}: quote not found in order: {q['text'][:40]!r}")
        quotes.append(GoldQuote([(at, at + len(q["text"]))], q.get("speaker"), q.get("type"), q.get("addressees", [])))
        pos = at + len(q["text"])
    return GoldNovel(txt.stem, text, quotes, chars)


def read_fanfic(root: str | Path, only: list[str] | None = None) -> Iterator[GoldNovel]:
    """The stories of ``root``; with ``only``, those it names by their full name ("16_pjo_gutter_ball"),
    their number ("16") or a range of numbers ("18-20")."""
    root = Path(root)
    stories = sorted(p for p in root.glob("*.txt") if p.with_suffix(".json").is_file())
    if not stories:
        raise InputError(f"{root}: no annotated stories found (expected NN_slug.txt with NN_slug.json)")
    if only:
        stories = [p for p in stories if _chosen(p.stem, only)]
        if not stories:
            raise InputError(f"{root}: no story matches {', '.join(only)}")
    for txt in stories:
        yield read_story(txt)


def _chosen(stem: str, only: list[str]) -> bool:
    number = stem.split("_", 1)[0]
    for pick in only:
        if pick in (stem, number):
            return True
        span = re.fullmatch(r"(\d+)-(\d+)", pick)
        if span and number.isdigit() and int(span[1]) <= int(number) <= int(span[2]):
            return True
    return False
