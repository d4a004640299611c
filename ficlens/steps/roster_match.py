"""Finding a roster's names in the text, however they are written.

A roster may name a character by an alias a capitalised-name scan cannot see
("the stranger", "the old lady", "the Voice"). This module compiles all the
aliases of a roster into one regular expression shaped as a trie (aliases that
share a beginning share a branch), so one pass over a paragraph finds every
alias, longest first. An alias that belongs to two characters is left out:
the text must decide those. A title only one character of the roster bears
("Colonel Brandon", "Mademoiselle Reisz") names that character when used alone
("said the Colonel", "Mademoiselle shook her head").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from ficlens.lexicon import pairs, words
from ficlens.model import Character, Paragraph
from ficlens.roster import normalize_name
from ficlens.steps.paragraphs import search_each
from ficlens.steps.role_titles import RoleHolders
from ficlens.steps.wordsearch import word_matches


def trie_pattern(phrases: list[str], space: str = r"\s+") -> str:
    """A regex alternation of ``phrases`` shaped as a character trie (longest match first); a space
    in a phrase becomes ``space``. The engine tries a few letters where a plain alternation tries
    every phrase in turn."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [
            (space if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch != ""
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@cache
def suffix_pattern() -> str:
    """A hyphenated honorific after a name ("-kun" of "Todoroki-kun"), as a regex."""
    return "-(?:" + "|".join(sorted(words("name_suffixes"), key=len, reverse=True)) + ")"


def without_suffix(name: str) -> str:
    """``name`` without a hyphenated honorific after it: "Todoroki-kun" is "Todoroki"."""
    if "-" not in name:
        return name  # the usual name: no honorific without its hyphen
    m = _suffix_at_end().search(name)
    return name[: m.start()] if m and m.start() > 0 else name


@cache
def _suffix_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?<=[^\W\d_]){suffix_pattern()}$", re.IGNORECASE)


_PARTICLES = frozenset("van der den de von di da du del della des la le ten ter".split())


def _variants(alias: str) -> list[str]:
    """The spellings of an alias to look for: as written, with a capital or small first letter."""
    alias = " ".join(alias.replace("\u2019", "'").split())
    out = {alias}
    if alias[:1].islower():
        out.add(alias[:1].upper() + alias[1:])
    elif alias.lower().startswith("the "):
        # "The Landlady" is "the landlady" in running text; "The Doctor" may stay capitalised.
        out.add("t" + alias[1:])
        out.add("the " + alias[4:].lower())
        out.add("The " + alias[4:].lower())
    elif alias.split(" ")[0] in ("A", "An") and len(alias.split(" ")) >= 3:
        # "A Girl Opposite" is "said a girl opposite" where the story brings her in (not "A Man":
        # that would be every man).
        article, rest = alias.split(" ", 1)
        out.add(article.lower() + " " + rest.lower())
    # "Mr. Van Der Luyden" is written "Mr. van der Luyden" in running text.
    low = " ".join(w.lower() if w.lower() in _PARTICLES and i > 0 else w for i, w in enumerate(alias.split(" ")))
    if low != alias and not low.split(" ")[-1].islower():
        out.add(low)
    for title in ("Mr", "Mrs", "Ms", "Dr", "St"):
        if alias.startswith(title + ". "):
            out.add(title + alias[len(title) + 1 :])
        elif alias.startswith(title + " "):
            out.add(title + "." + alias[len(title) :])
    return sorted(out)


class RosterMatcher:
    """Every alias of a roster compiled into one pattern; ``find`` yields (start, end, character id).
    The roster's unique titles and role holders come with it, to be reused with the matcher."""

    def __init__(self, roster: list[Character]) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        spelled: dict[str, str] = {}
        for c in roster:
            for name in c.names():
                if len(name.strip()) < 2:
                    continue
                for v in _variants(name):
                    owners[normalize_name(v)].add(c.id)
                    spelled[v] = normalize_name(v)
        self.owner = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
        usable = [v for v, key in spelled.items() if key in self.owner]
        if usable:
            body = trie_pattern(sorted(usable, key=len, reverse=True))
            # Matched where no word character or apostrophe comes before (`word_matches`) and none
            # after; an underscore of emphasis ("_Mark_") is no letter. An honorific after the
            # name ("Todoroki-kun") is part of the mention, as a title before it is.
            self._source = rf"{body}(?:{suffix_pattern()})?(?![^\W_])"
            self.pattern: re.Pattern[str] | None = re.compile(self._source)
        else:
            self.pattern = None
        self._folded: re.Pattern[str] | None = None
        titles = unique_titles(roster)
        self.titles = TitleMatcher(titles) if titles else None
        self.role_holders = RoleHolders(roster)

    def find(self, text: str, start: int, end: int):
        if self.pattern is None:
            return
        yield from self._owned(word_matches(self.pattern, text, start, end, also="'"), text)

    def find_each(self, text: str, paragraphs: list[Paragraph]):
        """`find` over each paragraph in turn."""
        if self.pattern is None:
            return
        yield from self._owned(search_each(self.pattern, text, paragraphs, whole_word=True, also="'"), text)

    def find_folded(self, text: str, start: int, end: int):
        """`find` in any case ("TOBIAS", "harry"): for a story written in lower case, or a
        stretch of it written in capitals."""
        if self.pattern is None:
            return
        if self._folded is None:
            self._folded = re.compile(self._source, re.IGNORECASE)  # compiled only where needed
        yield from self._owned(word_matches(self._folded, text, start, end, also="'"), text)

    def _owned(self, matches, text: str):
        for m in matches:
            owner = self.owner.get(normalize_name(without_suffix(m.group())))
            if owner and not month_word_not_name(text, m.start(), m.end()):
                yield m.start(), m.end(), owner


_MONTHS = frozenset("january february march april may june july august september october november december".split())
# "in May", "since April", "last June", "May 5th", "June 1912": the month, not Aunt May.
# Only words that take a date and not a person: "a letter from May", "after May left" name her.
_DATE_BEFORE = re.compile(r"\b(?:in|since|until|till|early|mid|late|last|next|this|every|during|throughout)\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"\s+\d")
_ASKING_AFTER = re.compile(r"\s+(?:I|we|you|he|she|they|it|one)\b")


def month_word_not_name(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` is a month written as a date, or "May" asking leave
    ("May I come in?"): a month's name, not the name of a May, April or June."""
    word = text[start:end].lower()
    if word not in _MONTHS:
        return False
    if word == "may" and _ASKING_AFTER.match(text, end):
        return True
    return _DATE_BEFORE.search(text, max(0, start - 12), start) is not None or _DATE_AFTER.match(text, end) is not None


_CACHE: dict[tuple, RosterMatcher] = {}
_CACHE_SIZE = 64


RosterKey = tuple[tuple[str, tuple[str, ...]], ...]


def roster_key(roster: list[Character]) -> RosterKey:
    """What a roster's matching depends on: each character's id and names, in order."""
    return tuple((c.id, tuple(c.names())) for c in roster)


def matcher_for(roster: list[Character], key: RosterKey | None = None) -> RosterMatcher:
    """A compiled matcher for ``roster`` (whose `roster_key` is ``key``, if given), reused
    across documents (fandom rosters repeat)."""
    key = key if key is not None else roster_key(roster)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        found = _CACHE[key] = RosterMatcher(roster)
    return found


def unique_titles(roster: list[Character]) -> dict[str, str]:
    """Title -> the id of the one roster character who bears it ("colonel" -> "colonel-brandon").
    A title two characters bear names neither."""
    spellings = pairs("standalone_titles")
    bearers: dict[str, set[str]] = defaultdict(set)
    for c in roster:
        for name in c.names():
            toks = normalize_name(name).split()
            if toks[:1] == ["the"]:
                toks = toks[1:]
            title = spellings.get(toks[0]) if toks else None
            # An abbreviation is a title only before a name: "M. Poirot", but not "M".
            if title and (len(toks) > 1 or toks[0] == title):
                bearers[title].add(c.id)
    return {title: next(iter(ids)) for title, ids in bearers.items() if len(ids) == 1}


# Words before a title that make it a common noun: "a Colonel", "every Duke".
_NOT_NAMING = frozenset("a an another any every each no some one this that his her their its my our your".split())


class TitleMatcher:
    """Titles used alone as names: "the Colonel", "Mademoiselle" (not "Colonel Fitzwilliam",
    "the Duke of York"). ``find`` yields (start, end, character id, title start, with article)."""

    def __init__(self, titles: dict[str, str]) -> None:
        self.owner = titles
        alternatives = "|".join(sorted((t.capitalize() for t in titles), key=len, reverse=True))
        self.words = re.compile(alternatives)  # in every match: where none is, no title is used
        self.pattern = re.compile(
            rf"(?<![\w-])(?<!\w')(?:(?P<the>[Tt]he)\s+)?(?P<title>{alternatives})(?![\w-])(?!\s+(?:[A-Z]|of\b))"
        )

    def used(self, text: str, start: int, end: int) -> bool:
        """Whether a title may be used between ``start`` and ``end`` (False: `find` finds nothing)."""
        return self.words.search(text, start, end) is not None

    def find(self, text: str, start: int, end: int):
        for m in self.pattern.finditer(text, start, end):
            if m.group("the") is None and _prev_word(text, m.start(), start) in _NOT_NAMING:
                continue
            owner = self.owner[m.group("title").lower()]
            yield m.start(), m.end(), owner, m.start("title"), m.group("the") is not None


def _prev_word(text: str, pos: int, floor: int) -> str:
    m = _PREV_WORD_RE.search(text, max(floor, pos - 20), pos)
    return m.group(1).lower() if m else ""


_PREV_WORD_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[ \t\n]+$")
