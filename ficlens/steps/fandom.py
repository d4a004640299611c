"""Step `fandom`: which fandom the work belongs to, and its roster.

In order of trust: the work's metadata ("Fandom: ..."), the disclaimer ("I do
not own Grey's Anatomy", "Grey's Anatomy belongs to Shonda Rhimes", "all
characters belong to J.K. Rowling"), then the names in the story matching a
bundled fandom roster. A fandom found in the library lends its roster to the
`characters` step unless the caller gave one.
"""

from __future__ import annotations

import re
from collections import Counter

from ficlens import fandoms
from ficlens.model import Document
from ficlens.roster import normalize_name

_OWN_RE = re.compile(
    r"\b(?:do\s*n[o']?t|don'?t|dont|do not|never|will never|did not|didn'?t)\s+(?:\w+\s+){0,2}?own\s+"
    r"(?:(?:any|anything|any of|anything (?:from|of|related to|to do with)|the rights to|the characters? (?:of|from|in)|"
    r"the (?:world|universe) of)\s+)*(?P<what>[^.,!;:\n()\[\]]{2,80})",
    re.IGNORECASE,
)
_BELONGS_RE = re.compile(
    r"(?P<what>[A-Z][^.!;:\n()]{1,80}?)\s+(?:belongs?|belonging|is|are)\s+(?:solely\s+)?(?:to|the property of|owned by)\s+"
    r"(?P<owner>[^.,!;:\n()]{2,60})",
)
_OWNER_RE = re.compile(r"(?:belongs?|belonging)\s+to\s+(?:the\s+)?(?:amazing\s+|wonderful\s+|brilliant\s+|great\s+)?(?P<owner>[A-Z][\w.' ]{2,40})")
_CUT_RE = re.compile(r"\s+(?:or|and|nor|but|so|because|its|it's|any|in any way|sadly|unfortunately|though)\b.*$", re.IGNORECASE)
_GENERIC = {"anything", "nothing", "it", "them", "this", "these characters", "the characters", "characters", "any of them", "all characters", "the show", "the series"}


def from_disclaimer(text: str) -> str | None:
    """The fandom a disclaimer names: the library's canonical name, or the words as written."""
    for m in _OWN_RE.finditer(text):
        what = _CUT_RE.sub("", m.group("what")).strip(" '\"\u201c\u201d")
        found = _resolve(what)
        if found:
            return found
    for m in _BELONGS_RE.finditer(text):
        what = _CUT_RE.sub("", m.group("what")).strip(" '\"\u201c\u201d")
        what = re.sub(r"^(?:all|the)\s+(?:characters?\s+(?:of|from|in)\s+)?", "", what, flags=re.I)
        found = _resolve(what) or _by_owner(m.group("owner"))
        if found:
            return found
    for m in _OWNER_RE.finditer(text):
        found = _by_owner(m.group("owner"))
        if found:
            return found
    return None


def _resolve(what: str) -> str | None:
    if not what or normalize_name(what) in _GENERIC:
        return None
    f = fandoms.find(what)
    if f:
        return f.name
    words = what.split()
    if 1 <= len(words) <= 6 and what[0].isupper() and not what.lower().startswith(("i ", "my ", "you")):
        return what
    return None


def _by_owner(owner: str) -> str | None:
    owner = _CUT_RE.sub("", owner).strip()
    f = fandoms.by_creator(owner)
    return f.name if f else None


def from_names(doc: Document) -> str | None:
    """A bundled fandom whose characters' full names (or two distinctive names) the story uses."""
    body = " ".join(doc.text[p.start : p.end] for p in doc.body_paragraphs()[:400])
    if not body:
        return None
    tokens = Counter(re.findall(r"[A-Z][\w']+(?:\s+[A-Z][\w']+)?", body))
    best, best_score = None, 0.0
    for f in fandoms.library():
        score = 0.0
        hit_chars = 0
        for c in f.characters:
            full = tokens.get(c.name, 0)
            first = c.name.split()[0]
            if full:
                score += 2 + min(full, 5)
                hit_chars += 1
            elif tokens.get(first, 0) >= 2 and len(first) > 3:
                score += 0.5
        if hit_chars >= 2 and score > best_score:
            best, best_score = f.name, score
    return best


def run(doc: Document) -> None:
    fandom = doc.fandom_hint
    if fandom is None and doc.meta.fandoms:
        fandom = doc.meta.fandoms[0]
    if fandom is None:
        for block in doc.front_matter + doc.end_matter:
            if block.kind in ("disclaimer", "author_note", "header", "warning"):
                fandom = from_disclaimer(doc.text[block.start : block.end])
                if fandom:
                    break
    if fandom is None:
        fandom = from_names(doc)
    if fandom is None:
        return
    found = fandoms.find(fandom)
    name = found.name if found else fandom
    if not doc.meta.fandoms:
        doc.meta.fandoms = [name]
    doc.fandom_hint = name
    if doc.roster is None and found is not None:
        doc.roster = list(found.characters)
