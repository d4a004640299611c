"""A roster name that is a description ("The Doctor") and a roster character who holds that role.

Annotated character lists name unnamed people by what they are: "The Doctor", "The
Clergyman". In running text "the doctor" is then that person, but only until the
story brings in someone else it calls so: Mr. Losberne, known as "Doctor Losberne",
is "the doctor" of every scene he is in. A lower-case "the doctor" goes to whichever
of them the text named last.
"""

from __future__ import annotations

from ficlens.model import Character

# A role word of a description -> the titles that show a named character holds the role.
_ROLE_TITLES: dict[str, frozenset[str]] = {
    "doctor": frozenset({"doctor", "dr"}),
    "surgeon": frozenset({"doctor", "dr"}),
    "physician": frozenset({"doctor", "dr"}),
    "clergyman": frozenset({"reverend", "rev", "father"}),
    "vicar": frozenset({"reverend", "rev"}),
    "rector": frozenset({"reverend", "rev"}),
    "priest": frozenset({"father", "reverend", "rev"}),
    "captain": frozenset({"captain", "capt"}),
    "colonel": frozenset({"colonel", "col"}),
    "major": frozenset({"major"}),
    "general": frozenset({"general"}),
    "admiral": frozenset({"admiral"}),
    "professor": frozenset({"professor", "prof"}),
    "inspector": frozenset({"inspector"}),
    "sergeant": frozenset({"sergeant", "sgt"}),
    "judge": frozenset({"judge"}),
}


class RoleHolders:
    """For each descriptive roster name ("The Doctor"), the other roster characters whose names
    carry a title of that role ("Doctor Losberne", "Dr. Grant")."""

    def __init__(self, roster: list[Character]) -> None:
        by_title: dict[str, set[str]] = {}
        for c in roster:
            for name in c.names():
                toks = name.replace(".", " ").lower().split()
                if len(toks) >= 2 and toks[0] != "the":
                    by_title.setdefault(toks[0], set()).add(c.id)
        self.rivals: dict[str, frozenset[str]] = {}
        for c in roster:
            toks = c.name.lower().split()
            if len(toks) == 2 and toks[0] == "the" and toks[1] in _ROLE_TITLES:
                holders = set().union(*(by_title.get(t, set()) for t in _ROLE_TITLES[toks[1]])) - {c.id}
                if holders:
                    self.rivals[c.id] = frozenset(holders)

    def reassign(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """``found`` (start, end, character id) in text order, with each lower-case "the doctor"
        given to the holder of the role the text named last."""
        if not self.rivals:
            return found
        last: dict[str, int] = {}
        out = []
        for s, e, cid in found:
            rivals = self.rivals.get(cid)
            if rivals and text[s:e].startswith("the "):
                cid = max((cid, *sorted(rivals)), key=lambda c: last.get(c, -1))
            last[cid] = s
            out.append((s, e, cid))
        return out
