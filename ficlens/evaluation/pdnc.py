"""Reading the Project Dialogism Novel Corpus layout: DIR/data/<novel>/{novel_text.txt,
quotation_info.csv, character_info.csv}."""

from __future__ import annotations

import ast
import csv
from collections.abc import Iterator
from pathlib import Path

from ficlens.errors import InputError
from ficlens.evaluation.gold import GoldCharacter, GoldNovel, GoldQuote

_GENDER = {"F": "F", "M": "M", "N": "N", "NB": "N"}


def _literal(value: str, default):
    try:
        return ast.literal_eval(value) if value else default
    except (ValueError, SyntaxError):
        return default


def novel_dirs(root: str | Path) -> list[Path]:
    root = Path(root)
    base = root / "data" if (root / "data").is_dir() else root
    dirs = sorted(p for p in base.iterdir() if (p / "quotation_info.csv").is_file()) if base.is_dir() else []
    if not dirs:
        raise InputError(f"{root}: no PDNC novels found (expected DIR/data/<novel>/quotation_info.csv)")
    return dirs


def read_novel(folder: Path) -> GoldNovel:
    text = (folder / "novel_text.txt").read_text(encoding="utf-8")
    characters: list[GoldCharacter] = []
    by_name: dict[str, str] = {}
    by_alias: dict[str, set[str]] = {}
    with (folder / "character_info.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cid = row["Character ID"].strip()
            name = row["Main Name"].strip()
            aliases = sorted(a for a in _literal(row.get("Aliases", ""), set()) if a and a != name)
            gender = _GENDER.get((row.get("Gender") or "").strip().upper())
            characters.append(GoldCharacter(cid, name, aliases, gender, person=not name.startswith("_")))
            by_name[name] = cid
            for a in aliases:
                by_alias.setdefault(a, set()).add(cid)
    # Some novels name a quote's speaker by an alias ("Lucy" for Miss Honeychurch): an alias only one
    # character carries is theirs.
    for alias, owners in by_alias.items():
        if alias not in by_name and len(owners) == 1:
            by_name[alias] = next(iter(owners))
    quotes: list[GoldQuote] = []
    with (folder / "quotation_info.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            spans = [tuple(s) for s in _literal(row["quoteByteSpans"], [])]
            speaker = by_name.get(row["speaker"].strip())
            qtype = (row.get("quoteType") or "").strip().lower() or None
            addressees = [by_name[a] for a in _literal(row.get("addressees", ""), []) if a in by_name]
            quotes.append(GoldQuote(spans, speaker, qtype if qtype in ("explicit", "anaphoric", "implicit") else None, addressees))
    return GoldNovel(folder.name, text, quotes, characters)


def read_pdnc(root: str | Path, only: list[str] | None = None) -> Iterator[GoldNovel]:
    for folder in novel_dirs(root):
        if only and folder.name not in only:
            continue
        yield read_novel(folder)
