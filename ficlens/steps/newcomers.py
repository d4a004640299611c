"""People a story describes before it names them: "said the gentleman" for a page, then
"replied Mr. Brownlow".

A newcomer walks into a scene as a description ("a grey-haired gentleman") and speaks under
it ("said the gentleman", again and again) until the story names them, often in a tag of
their own. A reader takes the first name the tags give to someone the scene had not shown
before, of the description's gender, to be the description's: `named_later` leans each of
its lines towards them.
"""

from __future__ import annotations

import bisect
import re

from ficlens.model import Character, Mention
from ficlens.steps.salience import Turn

LATER_NAMED = 2.0  # towards the newcomer a description's run of tags turns out to be
RUN_GAP = 4_000  # characters between two tags of one run of a description, at most
NAME_AFTER = 3_000  # characters after the run's last tag, at most, for the name
KNOWN_BEFORE = 3_000  # characters before the run in which a name shows someone already there
INTRO_BEFORE = 5_000  # characters before the run's first tag in which the narration brings them in

# Descriptions set against another person ("the other", "the second", "her mother") are not
# someone new.
_RELATIVE = frozenset(
    "other first second third former latter last next elder younger his her their my your our".split()
)
_DESCRIBED = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)  # "The Parson": a character known by a description


def _one_new_person(description: str) -> bool:
    """Whether a description can be one newcomer: not relative ("the other"), possessive
    ("Margaret's young man") or plural ("the ladies")."""
    words = description.split()
    if not words or words[0] in _RELATIVE or any(w == "s" or w.endswith(("'s", "\u2019s")) for w in words):
        return False
    head = words[-1]
    plural = head.endswith("s") and not head.endswith(("ss", "us")) or head in ("people", "men", "women", "children")
    return not plural


def _runs(turns: list[Turn]) -> list[list[Turn]]:
    """The turns that use each description in their tags, split where it lapses for `RUN_GAP`."""
    by_key: dict[str, list[list[Turn]]] = {}
    for t in turns:
        if not _one_new_person(t.epithet):
            continue
        runs = by_key.setdefault(t.epithet, [])
        if runs and t.start - runs[-1][-1].start <= RUN_GAP:
            runs[-1].append(t)
        else:
            runs.append([t])
    return [run for runs in by_key.values() for run in runs]


def _brought_in(text: str, run: list[Turn]) -> bool:
    """Whether the narration before the run's first tag brings its description in as someone
    new: "a grey-haired gentleman" before "said the gentleman"."""
    head = run[0].epithet.split()[-1]
    start = run[0].start
    pattern = re.compile(rf"\b[Aa]n?\s+(?:[\w'-]+\s+){{0,3}}{re.escape(head)}\b")
    return pattern.search(text, max(0, start - INTRO_BEFORE), start) is not None


def named_later(turns: list[Turn], names: list[Mention], people: dict[str, Character], text: str) -> None:
    """Lean each run of a description's tags towards the newcomer a later tag names: someone
    with a name ("Mr. Brownlow", not "the parson"), of the description's gender, whom neither
    a name in the text just before the run showed there, nor the description's own lines name."""
    runs = [run for run in _runs(turns) if _brought_in(text, run)]
    if not runs:
        return
    tagged = [(q.start, q.speaker) for t in turns for q in t.quotes if q.rule == "tag_name" and q.speaker]
    tag_starts = [s for s, _ in tagged]
    name_starts = [m.start for m in names]
    for run in runs:
        first, last = run[0].start, run[-1].start
        seen = names[bisect.bisect_left(name_starts, first - KNOWN_BEFORE) : bisect.bisect_left(name_starts, first)]
        known = {m.character for m in seen}
        known.update(c for t in run for c in (*t.vocatives, *t.named))
        hint = next((t.gender_hint for t in run if t.gender_hint in ("M", "F")), None)
        lo, hi = bisect.bisect_right(tag_starts, last), bisect.bisect_left(tag_starts, last + NAME_AFTER)
        for _, who in tagged[lo:hi]:
            if who in known:
                continue
            person = people.get(who)
            if person is None or _DESCRIBED.match(person.name) or hint and person.gender not in (None, hint):
                known.add(who)
                continue
            for t in run:
                t.evidence[who] = t.evidence.get(who, 0.0) + LATER_NAMED
            break
