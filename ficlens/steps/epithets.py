"""Descriptions a roster gives its characters: "the angel" is Castiel, "the blond" is Draco.

Fan fiction calls people by what they are nearly as often as by name: "the older
Winchester", "the consulting detective", "the setter". A roster (a bundled fandom's or the
user's) may list such descriptions per character as ``epithets``. Some belong to one
character ("the Boy Who Lived"); others to several ("the blond": Draco, Lucius, Luna), and
then the one in focus is meant. `Epithets.holders` says whom a description can stand for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ficlens.model import Character
from ficlens.steps.roster_match import trie_pattern
from ficlens.steps.wordsearch import word_matches

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_MAX_WORDS = 4
_SUBJECT = re.compile(rf"[Tt]he\s+(?P<words>[A-Za-z][A-Za-z'-]*(?:[ \t]+[A-Za-z][A-Za-z'-]*){{0,{_MAX_WORDS - 1}}})")


class Epithets:
    """The epithets of the characters a story names, as its roster gives them."""

    def __init__(self, roster: list[Character] | None, present: set[str]) -> None:
        self.index: dict[str, set[str]] = {}
        for c in roster or []:
            if c.id in present:
                for e in c.epithets:
                    self.index.setdefault(e, set()).add(c.id)
        # Every epithet of the roster, present or not: one pattern per roster, reused across stories.
        self._roster_epithets = tuple(sorted({e for c in roster or [] for e in c.epithets if e.strip()}))

    def __bool__(self) -> bool:
        return bool(self.index)

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, character) of each "the <epithet>" in ``text`` that only one character
        holds ("The angel comes into the back room"): a mention of them, as a name is."""
        sole = tuple(sorted(e for e, holders in self.index.items() if len(holders) == 1 and e.strip()))
        if not sole:
            return []
        # The pattern of all the roster's epithets finds a match wherever the story's own would (its
        # epithets are among them): a story that uses none, as most do, needs no pattern of its own.
        if _mentions_pattern(self._roster_epithets).search(text) is None:
            return []
        pattern = _mentions_pattern(sole)
        out = []
        for m in word_matches(pattern, text):
            (who,) = self.index[" ".join(m.group(1).lower().split())]
            out.append((m.start(), m.end(), who))
        return out

    def holders(self, phrase: str) -> set[str]:
        """Who a description ("the tall blond", "The older Winchester") may stand for: the
        longest run of its last words that is someone's epithet."""
        tokens = [w.lower() for w in _WORD.findall(phrase)]
        if tokens and tokens[0] == "the":
            tokens = tokens[1:]
        for i in range(max(0, len(tokens) - _MAX_WORDS), len(tokens)):
            found = self.index.get(" ".join(tokens[i:]))
            if found:
                return found
        return set()

    def subject_at(self, text: str, pos: int, limit: int) -> set[str]:
        """Holders of a description that opens a sentence at ``pos`` ("The blond smirked.")."""
        m = _SUBJECT.match(text, pos, limit)
        if not m:
            return set()
        words = m.group("words").lower().split()
        # "The blond smirked", or with one adjective before it, "The tall blond smirked".
        for first in (0, 1):
            for n in range(len(words), first, -1):
                found = self.index.get(" ".join(words[first:n]))
                if found:
                    return found
        return set()


@lru_cache(maxsize=256)
def _mentions_pattern(sole: tuple[str, ...]) -> re.Pattern[str]:
    """ "the <epithet>" for any of the epithets ``sole``, built once per set of them (the characters
    of a fandom's roster that stories name repeat from story to story)."""
    # In any case after its first letter ("THE DOCTOR"); the first letter outside the flag lets the
    # regex engine jump to each "t" and "T" (IGNORECASE over the whole pattern tries every position).
    return re.compile(r"[Tt](?i:he\s+(?:[a-z]+\s+)?(" + trie_pattern(list(sole)) + r")(?![\w'-]))")
