"""A roster's names as the story spells them: a list's "Nawab Badahur" is the story's "Nawab Bahadur".

Character lists made by hand spell names their own way, and sometimes wrongly ("Badahur",
"Wellend", "Captian"). A word of a roster name that the story never uses is looked for, for
matching, as the story's one capitalised word that differs from it by a letter changed, added
or dropped, by two letters swapped, or by its middle letters in another order ("Badahur",
"Bahadur"), and that the story never writes in lower case (a name, not "robbery" for a list's
"The Robber"); the story's spelling becomes one more alias. Words of five letters or more only,
and only where the story's word is no other roster name's: a bundled fandom's roster, which
lists its canon's spellings, is left as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ficlens.model import Character

_MIN_LENGTH = 5
_DESCRIPTION_OPENERS = frozenset("the a an one his her my our their your".split())
_CAPITALISED = re.compile(rf"\b[A-Z][A-Za-z]{{{_MIN_LENGTH - 2},}}\b")


def respell(roster: list[Character], text: str) -> list[Character]:
    """``roster`` with, for each name that has a word the story never uses, the name as the
    story spells it added to the aliases; the same list when nothing changes."""
    in_text = set(_CAPITALISED.findall(text))
    lowered = {w.lower() for w in in_text}
    taken = {t.lower() for c in roster for n in c.names() for t in n.split()}
    by_first: dict[str, list[str]] = defaultdict(list)
    for w in in_text:
        if w.lower() not in taken:
            by_first[w[0]].append(w)
    out, changed = [], False
    for c in roster:
        extra = []
        for name in c.names():
            words = name.split()
            if not words or words[0].lower() in _DESCRIPTION_OPENERS:
                continue  # "The Robber", "A Young Mohammedan's Mother": descriptions, not names
            spelled = [_story_spelling(w, lowered, by_first, text) for w in words]
            if spelled != words:
                extra.append(" ".join(spelled))
        if extra:
            out.append(replace(c, aliases=[*c.aliases, *(e for e in dict.fromkeys(extra) if e not in c.names())]))
            changed = True
        else:
            out.append(c)
    return out if changed else roster


def _story_spelling(word: str, lowered: set[str], by_first: dict[str, list[str]], text: str) -> str:
    if len(word) < _MIN_LENGTH or not word[0].isupper() or word.lower() in lowered:
        return word
    # Not a plural ("the Harringtons" are a family, not Harrington misspelt).
    near = [w for w in by_first.get(word[0], ()) if _one_slip(word.lower(), w.lower()) and w.lower().rstrip("s") != word.lower().rstrip("s")]
    # A name, not a word the story also writes in lower case ("The Robber" is no "robbery").
    if len(near) == 1 and not re.search(rf"\b{re.escape(near[0].lower())}\b", text):
        return near[0]
    return word


def _one_slip(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter changed, added or dropped, two neighbours swapped,
    or its letters between the first and the last in another order."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return True
        return a[-1] == b[-1] and sorted(a) == sorted(b)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]
