"""FanFiction.Net: a saved story page, and the metadata line of a pasted chapter.

A story page has a profile box (``#profile_top``) with the title, the author
("By: name"), the summary and the metadata line; a breadcrumb naming the
fandom (``#pre_story_links``); a chapter menu (``#chap_select``) whose selected
entry is this chapter ("1. The Road"); and the chapter text (``#storytext``).

The metadata line reads, between " - " separators::

    Rated: Fiction T - English - Romance/Drama - [Derek S., Mark S.] Meredith G. -
    Chapters: 3 - Words: 4,210 - Reviews: 12 - Favs: 5 - Follows: 3 -
    Updated: Jan 2, 2013 - Published: Dec 1, 2012 - Status: Complete - id: 8765432

The rating, the language, then optional genres (up to two, joined by "/";
"Hurt/Comfort" is one genre) and optional characters, where names in brackets
are a pairing; then "Label: value" fields. `parse_info_line` reads it, for the
saved page and for the same line pasted into plain text.
"""

from __future__ import annotations

import re
from typing import Any

from ficlens.ingest.builder import WorkBuilder, split_list, to_int
from ficlens.ingest.html_text import flatten
from ficlens.ingest.html_tree import Node, by_id, find, find_all, has_class, text_of
from ficlens.model import WorkMeta

GENRES = {
    g.lower(): g
    for g in (
        "General", "Romance", "Humor", "Drama", "Poetry", "Adventure", "Mystery", "Horror", "Parody", "Angst",
        "Supernatural", "Suspense", "Sci-Fi", "Fantasy", "Spiritual", "Tragedy", "Western", "Crime", "Family",
        "Hurt/Comfort", "Friendship",
    )
}  # fmt: skip
_INFO_RE = re.compile(r"^\s*Rated:\s*(?:Fiction\s+)?(?P<rating>K\+|K|T|MA|M)(?=\s|-|$)(?P<rest>.*)$", re.I | re.S)
_FIELD_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,20}):\s*(?P<value>.*)$", re.S)
_CHAPTER_OPTION_RE = re.compile(r"^\s*(?P<num>\d+)\.\s*(?P<title>.*?)\s*$")


def _genres(segment: str) -> list[str] | None:
    parts = segment.replace("Hurt/Comfort", "Hurt-Comfort").split("/")
    out = []
    for part in parts:
        key = part.strip().replace("Hurt-Comfort", "Hurt/Comfort").lower()
        if key not in GENRES:
            return None
        out.append(GENRES[key])
    return out


def _characters(segment: str) -> tuple[list[str], list[str]]:
    """(characters, pairings) of a segment like "[Derek S., Mark S.] Meredith G."."""
    characters: list[str] = []
    pairings: list[str] = []
    pos = 0
    for m in re.finditer(r"\[([^\]]*)\]", segment):
        characters.extend(split_list(segment[pos : m.start()]))
        names = split_list(m.group(1))
        characters.extend(names)
        if len(names) >= 2:
            pairings.append("/".join(names))
        pos = m.end()
    characters.extend(split_list(segment[pos:]))
    return [c for c in characters if c], pairings


def parse_info_line(line: str) -> dict[str, Any] | None:
    """The fields of a FanFiction.Net metadata line, or None when ``line`` is not one."""
    m = _INFO_RE.match(" ".join(line.split()))
    if not m:
        return None
    info: dict[str, Any] = {
        "rating": m.group("rating").upper(),
        "genres": [],
        "characters": [],
        "pairings": [],
        "fields": {},
    }
    segments = [s.strip() for s in re.split(r"\s+-\s+", m.group("rest")) if s.strip()]
    free: list[str] = []
    for seg in segments:
        f = _FIELD_RE.match(seg)
        if f and f.group("key").strip().lower() in _FIELD_KEYS:
            info["fields"][f.group("key").strip().lower()] = f.group("value").strip()
        elif not info["fields"]:
            free.append(seg)
    if free and free[0] and _genres(free[0]) is None and "[" not in free[0] and len(free[0].split()) <= 3:
        info["language"] = free.pop(0)
    if free and _genres(free[0]) is not None:
        info["genres"] = _genres(free.pop(0))
    if free:
        info["characters"], info["pairings"] = _characters(" - ".join(free))
    return info


_FIELD_KEYS = {"chapters", "words", "reviews", "favs", "follows", "updated", "published", "status", "id"}


def apply_info(meta: WorkMeta, info: dict[str, Any]) -> None:
    """Fill ``meta`` from a parsed metadata line, where it is still empty."""
    meta.rating = meta.rating or info["rating"]
    if info.get("language"):
        meta.language = meta.language or info["language"]
    if info["pairings"] and not meta.relationships:
        meta.relationships = list(info["pairings"])
    if info["characters"] and not meta.characters:
        meta.characters = list(info["characters"])
    if info["genres"]:
        meta.extra.setdefault("genres", list(info["genres"]))
        meta.additional_tags.extend(g for g in info["genres"] if g not in meta.additional_tags)
    fields = info["fields"]
    for key, value in fields.items():
        if key in ("words", "chapters", "reviews", "favs", "follows") and to_int(value) is not None:
            meta.extra.setdefault(key, to_int(value))
        else:
            meta.extra.setdefault("ffnet_id" if key == "id" else key, value)


def _starts_with_rated(node: Node) -> bool:
    """True for a span or div whose own first words are "Rated:" (the metadata line)."""
    if node.tag not in ("span", "div"):
        return False
    first = next((c for c in node.children if not isinstance(c, str) or c.strip()), None)
    return isinstance(first, str) and first.lstrip().startswith("Rated:")


def looks_like(root: Node, raw: str) -> bool:
    lowered = raw[:400_000].lower()
    if "storytext" not in lowered and "storycontent" not in lowered:
        return False
    return (
        by_id(root, "storytext", "storycontent", "profile_top") is not None
        or "fanfiction.net" in lowered
        or "fictionpress" in lowered
    )


def read(root: Node, builder: WorkBuilder) -> None:
    """Read a saved FanFiction.Net story page into ``builder``."""
    meta = builder.meta
    profile = by_id(root, "profile_top") or root
    title = find(profile, lambda n: n.tag == "b" and has_class(n, "xcontrast_txt")) if profile is not root else None
    if title is not None and text_of(title):
        meta.title = text_of(title)
        builder.front("title", [meta.title])
    author = find(
        profile, lambda n: n.tag == "a" and re.match(r"^(?:https?://[^/]+)?/u/\d+", n.attrs.get("href", "")) is not None
    )
    if author is not None and text_of(author):
        meta.authors = [text_of(author)]
        builder.front("title", [f"By: {meta.authors[0]}"])
    if profile is not root:
        summary = find(profile, lambda n: n.tag == "div" and has_class(n, "xcontrast_txt") and bool(text_of(n)))
        if summary is not None:
            meta.summary = text_of(summary)
            builder.front("summary", [meta.summary])
    info_node = find(profile, _starts_with_rated)
    if info_node is not None:
        line = text_of(info_node)
        info = parse_info_line(line)
        if info:
            apply_info(meta, info)
            builder.front("metadata", [line])
    crumbs = by_id(root, "pre_story_links")
    if crumbs is not None:
        links = [text_of(a) for a in find_all(crumbs, lambda n: n.tag == "a") if text_of(a)]
        if links:
            fandom = re.sub(r"\s+Crossover$", "", links[-1])
            meta.fandoms = [f.strip() for f in fandom.split(" + ") if f.strip()]
    chap = by_id(root, "chap_select")
    option = find(chap, lambda n: n.tag == "option" and "selected" in n.attrs) if chap is not None else None
    if option is not None:
        shown = text_of(option)
        m = _CHAPTER_OPTION_RE.match(shown)
        if m:
            builder.chapter(shown, int(m.group("num")), m.group("title") or None)
            meta.extra.setdefault("chapter", int(m.group("num")))
    story = by_id(root, "storytext", "storycontent") or find(root, lambda n: has_class(n, "storytext"))
    if story is None:
        return
    builder.story(item.text for item in flatten(story))
