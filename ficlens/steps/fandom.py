"""Step `fandom`: which fandom the work belongs to, and its roster.

In order of trust: the work's metadata ("Fandom: ..."), the disclaimer ("I do
not own Grey's Anatomy", "Grey's Anatomy belongs to Shonda Rhimes", "all
characters belong to J.K. Rowling"), then the names in the story matching a
bundled fandom roster (in any case, in a story written all in lower case). A fandom found
in the library lends its roster to the `characters` step unless the caller gave one.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ficlens import fandoms
from ficlens.lexicon import pairs, words
from ficlens.model import Document
from ficlens.roster import normalize_name
from ficlens.steps import casing

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


_NAME_RE = re.compile(r"[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)*")
_MIN_SCORE = 2.5
_MIN_CHARACTERS = 2
_LEADING = 6  # the story's commonest names, of which at least two must be the fandom's


def _fandoms_per_alias() -> Counter:
    counts: Counter = Counter()
    for f in fandoms.library():
        for n in {n for c in f.characters for n in c.names()}:
            counts[n] += 1
    return counts


_SHARED: list[Counter] = []


def _alias_weight(alias: str) -> float:
    """How much finding ``alias`` says about a fandom: full names and names of its own most;
    a common given name ("Sam", "John") or one two fandoms share ("Crowley") little."""
    if not _SHARED:
        _SHARED.append(_fandoms_per_alias())
    if " " in alias:
        return 3.0
    if _SHARED[0][alias] > 1 or alias.lower() in words("not_names"):
        return 0.5
    if alias.lower() in pairs("first_names"):
        return 0.5
    return 2.0


@cache
def _not_leading() -> frozenset[str]:
    """Words that are no leading character's name: function words and places."""
    return words("not_names") | words("places")


@cache
def _owners() -> dict[str, list[tuple[int, int]]]:
    """Each alias of the library -> the (fandom, character) pairs it names."""
    owners: dict[str, list[tuple[int, int]]] = {}
    for fi, f in enumerate(fandoms.library()):
        for ci, c in enumerate(f.characters):
            for n in {*c.names(), *(n.replace(".", "") for n in c.names())}:
                owners.setdefault(n, []).append((fi, ci))
    return owners


def _name_parts(name: str) -> list[str]:
    """Each word of a name, and each pair of neighbouring words ("Derek", "Derek Shepherd", "Shepherd")."""
    parts = name.split()
    if len(parts) == 1:
        return parts
    out = []
    for i, part in enumerate(parts):
        out.append(part)
        if i + 1 < len(parts):
            out.append(f"{part} {parts[i + 1]}")
    return out


def from_names(doc: Document) -> str | None:
    """A bundled fandom whose characters the story names: several of them, by names that
    are theirs ("Castiel", "Aziraphale", "Tsukishima", "Derek Hale") more than common ones."""
    text = doc.view("plain").text
    keys: list[str] = []
    for p in doc.body_paragraphs()[:600]:
        for name in _NAME_RE.findall(text, p.start, p.end):
            keys.append(name)
            keys.extend(_name_parts(name))
    return _best_fandom(Counter(keys))


def from_lower_case_names(doc: Document) -> str | None:
    """`from_names` for a story written in lower case (`casing`): its words and pairs of words
    that are aliases in the library, in any case, save the words it uses as ordinary words."""
    text = doc.view("plain").text
    lowered = _lower_aliases()
    ordinary = casing.ordinary_words(doc) | casing.lexicon_words()
    keys: list[str] = []
    for p in doc.body_paragraphs()[:600]:
        words_here = _LOWER_WORD_RE.findall(text, p.start, p.end)
        for i, w in enumerate(words_here):
            for key in (w, f"{w} {words_here[i + 1]}" if i + 1 < len(words_here) else ""):
                alias = lowered.get(key.lower())
                if alias and (" " in key or key.lower() not in ordinary):
                    keys.append(alias)
    return _best_fandom(Counter(keys))


_LOWER_WORD_RE = re.compile(r"[^\W\d_][\w'\-]*")


@cache
def _lower_aliases() -> dict[str, str]:
    """Each alias of the library in lower case -> the alias as the library writes it."""
    return {alias.lower(): alias for alias in _owners()}


def _best_fandom(found: Counter) -> str | None:
    """The fandom the names ``found`` (name -> times) point to, if one stands out."""
    if not found:
        return None
    owners = _owners()
    stop = _not_leading()
    leading = [w for w, _ in found.most_common() if " " not in w and w.lower() not in stop][:_LEADING]
    # Best weight of a found name for each (fandom, character).
    best: dict[tuple[int, int], float] = {}
    for name in found:
        for key in owners.get(name, ()):
            best[key] = max(best.get(key, 0.0), _alias_weight(name))
    hits_by_fandom: dict[int, list[float]] = {}
    for (fi, _), v in best.items():
        hits_by_fandom.setdefault(fi, []).append(v)
    fandoms_of = {w: {fi for fi, _ in owners.get(w, ())} for w in leading}
    library = fandoms.library()
    scores = []
    for fi, f in enumerate(library):
        # The story's own leading names must be this fandom's people, and not only by names
        # many people have ("Jo", "Meg" and "Amy" are Little Women as much as anything).
        lead = [w for w in leading if fi in fandoms_of[w]]
        if len(lead) < _MIN_CHARACTERS or (sum(_alias_weight(w) for w in lead) < _MIN_SCORE and len(lead) < 4):
            continue
        hits = hits_by_fandom.get(fi, [])
        if len(hits) >= _MIN_CHARACTERS:
            scores.append((sum(hits), f.name))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < _MIN_SCORE:
        return None
    if len(scores) > 1 and scores[1][0] > 0.7 * scores[0][0]:
        return None  # two fandoms fit about as well: say nothing
    return scores[0][1]


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
    if fandom is None and casing.lower_case(doc):
        fandom = from_lower_case_names(doc)
    if fandom is None:
        return
    found = fandoms.find(fandom)
    name = found.name if found else fandom
    if not doc.meta.fandoms:
        doc.meta.fandoms = [name]
    doc.fandom_hint = name
    if doc.roster is None and found is not None:
        doc.roster = list(found.characters)
        doc.roster_from_fandom = True
