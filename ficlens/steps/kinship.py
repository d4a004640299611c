"""Kinship epithets in speech tags: "said her father", "cried his aunt".

"Her father" is not any man: it is the father of whoever "her" is. Given the
likely possessors, `relatives` finds characters whose names say the relation:
the possessor's surname with a title of the right gender ("her father" of Emma
Woodhouse is Mr. Woodhouse; "his wife" of Mr. Weston is Mrs. Weston), or a
kinship title in the name ("her aunt" is Aunt Juley).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ficlens.lexicon import pairs
from ficlens.model import Character

# What a grandparent is called: a title before a name ("Granny Weatherwax") or the whole name ("Gran").
_GRANNY = ("Grandmother", "Granny", "Grandma", "Gran", "Nan", "Nana", "Nanna")
_GRANDPA = ("Grandfather", "Grandpa", "Grandpapa", "Grandad", "Granddad", "Gramps")
# Relation -> (gender, titles a relative's name may carry, whether they share the possessor's surname)
_KIN: dict[str, tuple[str | None, tuple[str, ...], bool]] = {
    "father": ("M", ("Mr", "Sir", "Lord"), True),
    "papa": ("M", ("Mr", "Sir", "Lord"), True),
    "mother": ("F", ("Mrs", "Lady"), True),
    "mama": ("F", ("Mrs", "Lady"), True),
    "mamma": ("F", ("Mrs", "Lady"), True),
    "husband": ("M", ("Mr", "Sir", "Lord"), True),
    "wife": ("F", ("Mrs", "Lady"), True),
    "brother": ("M", ("Mr",), True),
    "sister": ("F", ("Miss",), True),
    "son": ("M", ("Mr",), True),
    "daughter": ("F", ("Miss",), True),
    "aunt": ("F", ("Aunt", "Auntie"), False),
    "uncle": ("M", ("Uncle",), False),
    "grandmother": ("F", _GRANNY, False),
    "grandfather": ("M", _GRANDPA, False),
    "gran": ("F", _GRANNY, False),
    "granny": ("F", _GRANNY, False),
    "grandma": ("F", _GRANNY, False),
    "nan": ("F", _GRANNY, False),
    "nana": ("F", _GRANNY, False),
    "grandpa": ("M", _GRANDPA, False),
    "grandad": ("M", _GRANDPA, False),
    "granddad": ("M", _GRANDPA, False),
    "cousin": (None, ("Cousin",), False),
}
_SPOUSAL = ("mr", "mrs", "sir", "lady", "lord")  # titles a husband or wife may bear
_KIN_NAMES = frozenset(t.lower() for t in (*_GRANNY, *_GRANDPA, "Aunt", "Auntie", "Uncle"))
_TITLED_KIN = frozenset("father papa mother mama mamma husband wife".split())
# A kinship description opening a sentence: "My grandmother set the dish down."
SUBJECT_RE = re.compile(r"(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+)?(?:" + "|".join(_KIN) + r")\b")
# "his wife", "her old father" anywhere: the possessive and the relation.
OTHERS_KIN_RE = re.compile(r"\b([Hh]is|[Hh]er)\s+(?:[a-z]+\s+)?(?:" + "|".join(_KIN) + r")\b")
_EPITHET_RE = re.compile(r"(?P<pos>his|her|their|my|.+['\u2019 ]s)\s+(?:\w+\s+)?(?P<kin>" + "|".join(_KIN) + r")\b", re.IGNORECASE)


def parse(text: str) -> tuple[str, str] | None:
    """("her", "father") for "her father", "her old father"; ("Daisy's", "mamma") for a named
    possessor; None for other epithets."""
    m = _EPITHET_RE.fullmatch(text.strip())
    if not m:
        return None
    pos = m.group("pos")
    return (pos if pos[-2:-1] in "'\u2019 " else pos.lower()), m.group("kin").lower()


class Families:
    """Characters indexed by surname and by kinship title, to find a possessor's relatives."""

    def __init__(self, characters: list[Character]) -> None:
        self.gender = {c.id: c.gender for c in characters}
        self.surname: dict[str, set[str]] = defaultdict(set)
        self.titled: dict[str, set[str]] = defaultdict(set)
        self.names = {c.id: c.names() for c in characters}
        honorifics = pairs("honorifics")
        for c in characters:
            for n in c.names():
                toks = n.replace(".", "").split()
                if len(toks) >= 2:
                    self.surname[toks[-1].lower()].add(c.id)
                    if toks[0].lower() in honorifics:
                        self.titled[toks[0].lower()].add(c.id)
                elif len(toks) == 1 and toks[0].lower() in _KIN_NAMES:
                    self.titled[toks[0].lower()].add(c.id)  # "Gran", a title that is a whole name

    def parents(self, gender: str) -> set[str]:
        """Who "papa" (gender M) or "mamma" (F) may be: the titled characters of that gender;
        of them, those whose surname a child bears ("Miss Woodhouse", "Emma Woodhouse"), when
        some do: Mr. Elton shares his only with his wife."""
        titles = _KIN["papa" if gender == "M" else "mamma"][1]
        titled = {c for t in titles for c in self.titled.get(t.lower(), ()) if self.gender.get(c) == gender}
        spousal = {c for t in _SPOUSAL for c in self.titled.get(t, ())}
        with_child = {c for c in titled if any(k != c and k not in spousal for s in self._surnames(c) for k in self.surname.get(s, ()))}
        return with_child or titled

    def _surnames(self, cid: str) -> list[str]:
        """The character's surnames, their main name's first (a list: the order decides)."""
        return list(dict.fromkeys(n.replace(".", "").split()[-1].lower() for n in self.names.get(cid, []) if len(n.split()) >= 2))

    def relatives(self, possessor: str, kin: str) -> list[str]:
        gender, titles, shares_surname = _KIN[kin]
        out: list[str] = []
        if shares_surname:
            # A parent or spouse carries the title ("her father" is Mr. Woodhouse, "his wife"
            # Mrs. Bennet, not Jane Bennet); a sibling or child may not.
            needs_title = kin in _TITLED_KIN
            titled_first: list[str] = []
            for s in self._surnames(possessor):
                for c in sorted(self.surname.get(s, ())):
                    if c != possessor and (gender is None or self.gender.get(c) in (gender, None)):
                        if any(c in self.titled.get(t.lower(), ()) for t in titles):
                            titled_first.append(c)
                        elif not needs_title:
                            out.append(c)
            out = titled_first + out
        else:
            for t in titles:
                for c in sorted(self.titled.get(t.lower(), ())):
                    if c != possessor and c not in out:
                        out.append(c)
        return list(dict.fromkeys(out))
