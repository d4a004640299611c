"""Character rosters: lists of known characters with their ids, names, aliases and gender.

A roster comes from the user (``--characters roster.json`` or ``.csv``) or from the
bundled fandom library (`ficlens.fandoms`). JSON: a list of objects with ``id``,
``name``, ``aliases`` (a list) and optionally ``gender`` and ``epithets`` (descriptions
such as "the angel", `ficlens.steps.epithets`); CSV: columns ``id,name,aliases,gender``
(and optionally ``epithets``) with aliases and epithets separated by ``;``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from ficlens.errors import RosterError
from ficlens.model import Character

_GENDERS = {"f": "F", "female": "F", "woman": "F", "m": "M", "male": "M", "man": "M",
            "n": "N", "nb": "N", "non-binary": "N", "nonbinary": "N", "they": "N"}  # fmt: skip


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """The form names are compared in: straight apostrophes, no title periods, one space, lower case."""
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    name = re.sub(r"\b(Mr|Mrs|Ms|Dr|Prof|St|Capt|Col|Gen|Lt|Sgt|Rev|Mme|Mlle|Fr|M)\.", r"\1", name)
    return " ".join(name.split()).lower()


def _gender(value: object) -> str | None:
    if value in (None, ""):
        return None
    return _GENDERS.get(str(value).strip().lower())


def _character(row: dict, where: str) -> Character:
    if not isinstance(row, dict):
        raise RosterError(f"{where}: each roster entry must be an object with id and name")
    name = str(row.get("name") or "").strip()
    cid = str(row.get("id") or "").strip() or None
    if not name:
        raise RosterError(f"{where}: a roster entry has no name")
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in re.split(r"\s*;\s*", aliases) if a]
    if not isinstance(aliases, list):
        raise RosterError(f"{where}: aliases of {name!r} must be a list")
    aliases = [str(a).strip() for a in aliases if str(a).strip() and str(a).strip() != name]
    return Character(
        id=cid or slug(name),
        name=name,
        aliases=list(dict.fromkeys(aliases)),
        gender=_gender(row.get("gender")),
        from_roster=True,
        epithets=_epithets(row.get("epithets"), name, where),
    )


def _epithets(value: object, name: str, where: str) -> list[str]:
    """ "the angel; older Winchester" or a list: descriptions in lower case, without "the"."""
    if not value:
        return []
    items = re.split(r"\s*;\s*", value) if isinstance(value, str) else value
    if not isinstance(items, list):
        raise RosterError(f"{where}: epithets of {name!r} must be a list")
    out = []
    for item in items:
        words_ = str(item).split()
        if words_ and words_[0].lower() == "the":
            words_ = words_[1:]
        if words_:
            out.append(" ".join(words_).lower())
    return list(dict.fromkeys(out))


def slug(name: str) -> str:
    s = re.sub(r"[^\w]+", "-", name.lower()).strip("-")
    return s or "character"


def parse_roster(text: str, where: str = "roster") -> list[Character]:
    """Characters from roster text, JSON or CSV (told apart by the first character)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("[", "{")):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise RosterError(f"{where}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
        if isinstance(data, dict):
            data = data.get("characters")
        if not isinstance(data, list):
            raise RosterError(f"{where}: a JSON roster is a list of characters")
        chars = [_character(row, where) for row in data]
    else:
        reader = csv.DictReader(io.StringIO(stripped))
        if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
            raise RosterError(f"{where}: a CSV roster needs a header with at least id,name")
        rows = [{(k or "").strip().lower(): v for k, v in row.items()} for row in reader]
        chars = [_character(row, where) for row in rows]
    seen: set[str] = set()
    for c in chars:
        if c.id in seen:
            raise RosterError(f"{where}: the id {c.id!r} is used twice")
        seen.add(c.id)
    return chars


def load_roster(path: str | os.PathLike[str]) -> list[Character]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError(f"{p}: no such roster file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RosterError(f"{p}: cannot read the roster ({exc})") from None
    return parse_roster(text, str(p))


def coerce_roster(characters: object) -> list[Character] | None:
    """A roster from what the API accepts: None, a path, roster text, or a list of dicts/Characters."""
    if characters is None:
        return None
    if isinstance(characters, (str, os.PathLike)):
        if isinstance(characters, str) and characters.lstrip().startswith(("[", "{", "id,", "id;")):
            return parse_roster(characters)
        return load_roster(characters)
    if isinstance(characters, list):
        out = []
        for i, c in enumerate(characters):
            if isinstance(c, Character):
                out.append(c)
            else:
                out.append(_character(c, f"characters[{i}]"))
        return out
    raise RosterError("characters must be a roster path, roster text or a list of characters")
