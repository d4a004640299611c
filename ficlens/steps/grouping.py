"""Grouping the ways one person is named into one entity.

"Derek Shepherd", "Derek", "Shepherd" and "Dr. Shepherd" are one person; "Mr.
Knightley" and "Mr. John Knightley" stay two when the text keeps them apart, as do
"Mrs. John Knightley" and her husband, two people who share a surname, and "Miss
Lucas" and "Lady Lucas". Used by the `characters` step.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cache

from ficlens.lexicon import pairs
from ficlens.model import Character
from ficlens.steps import names


@dataclass
class Form:
    """A distinct way a name is written: its title (if any) and its words."""

    honorific: str | None
    tokens: tuple[str, ...]
    count: int = 0
    mid: int = 0
    person: float = 0.0
    thing: float = 0.0
    occurrences: list[names.Occurrence] = field(default_factory=list)
    # Several roster characters answer to it ("Charles"): each occurrence was given to one of them.
    shared: bool = False
    # A bare surname's gender by the pronouns after it, where a man and a woman bear it with a title.
    pronoun: str | None = None

    @property
    def text(self) -> str:
        hon = display_honorific(self.honorific)
        return f"{hon} {' '.join(self.tokens)}" if hon else " ".join(self.tokens)


FormKey = tuple[str | None, tuple[str, ...]]


def add_occurrence(forms: dict[FormKey, Form], occ: names.Occurrence) -> None:
    """Count one occurrence of a name into the form it is written in."""
    key = (occ.honorific, occ.tokens)
    form = forms.get(key)
    if form is None:
        form = forms[key] = Form(occ.honorific, occ.tokens)
    form.count += 1
    form.mid += not occ.initial
    form.person += 2.0 * occ.speech + 2.0 * occ.titled + 1.5 * (occ.vocative or occ.addressed) + 0.5 * occ.subject
    form.thing += 1.0 * occ.place + 1.0 * occ.article + 2.0 * occ.read
    form.occurrences.append(occ)


def split_run_together(forms: dict[FormKey, Form], text: str) -> None:
    """Two names written one after the other are two people: "With Mrs. Allan Anne fell in love",
    "make Mrs. Rushworth Maria Bertram again". A phrase said at most twice splits after a word
    the story uses as a surname and never as a given name, before a name said more often that
    opens with a given name never used as a surname. "Sir William Walter Elliot" and "Janey
    Archer" stay whole: William is a given name, Archer a surname."""
    multi = [f for f in forms.values() if len(f.tokens) >= 2]
    for key, form in list(forms.items()):
        if len(form.tokens) < 2 or form.count > 2:
            continue
        others = [f for f in multi if f is not form]
        family = {f.tokens[-1] for f in others}  # "Miss Maria" does not make Maria a surname
        surnames = family | {f.tokens[-1] for f in forms.values() if f.honorific}
        givens = {f.tokens[0] for f in others if f.honorific is None}
        for i in range(1, len(form.tokens)):
            head, tail = form.tokens[i - 1], form.tokens[i]
            tail_form = forms.get((None, form.tokens[i:]))
            if tail_form is None or tail_form.count < 2 * form.count:
                continue
            head_given = head in givens or head.lower() in pairs("first_names")
            if head in surnames and not head_given and _given_only(tail, givens, family):
                del forms[key]
                for occ in form.occurrences:
                    for part in _split_occurrence(occ, i, text):
                        add_occurrence(forms, part)
                break


def _given_only(tok: str, givens: set[str], family: set[str]) -> bool:
    return (tok in givens or tok.lower() in pairs("first_names")) and tok not in family


def _split_occurrence(occ: names.Occurrence, i: int, text: str) -> tuple[names.Occurrence, names.Occurrence]:
    head, tail = occ.tokens[:i], occ.tokens[i:]
    cut = occ.end
    for tok in reversed(tail):
        cut = text.rfind(tok, occ.start, cut)
    head_end = occ.start + len(text[occ.start : cut].rstrip())
    first = replace(occ, end=head_end, tokens=head)
    second = replace(occ, start=cut, honorific=None, tokens=tail, initial=False, titled=False)
    return first, second


@dataclass
class Entity:
    forms: list[Form] = field(default_factory=list)
    roster: Character | None = None
    # Roster aliases found verbatim in the text ("the stranger"): (start, end, alias as written).
    found: list[tuple[int, int, str]] = field(default_factory=list)
    # A name the entity has instead of its forms' ("the Mock Turtle").
    label: str | None = None
    # More names, from descriptions folded into the entity ("the beadle").
    aliases: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(f.count for f in self.forms) + len(self.found)


def display_honorific(hon: str | None) -> str | None:
    if hon is None:
        return None
    short = {"mr", "mrs", "ms", "dr", "prof", "st", "capt", "col", "gen", "lt", "sgt", "rev", "mme", "mlle", "fr", "det", "m"}
    return hon.capitalize() + ("." if hon in short else "")


# Spellings of one title that standalone_titles.txt does not list (it lists "dr" and "doctor").
_SPELLINGS = {"mister": "mr", "mistah": "mr", "mistuh": "mr", "missus": "mrs", "mis'": "mrs", "marse": "master", "rev": "reverend", "st": "saint", "fr": "father", "cap": "captain"}


def title_key(hon: str | None) -> str | None:
    """One key for the spellings of a title: "Dr." and "Doctor" Aziz are one man."""
    if hon is None:
        return None
    return pairs("standalone_titles").get(hon) or _SPELLINGS.get(hon, hon)


def gender_fits(hon: str | None, gender: str | None) -> bool:
    g = pairs("honorifics").get(hon or "", "-")
    return g == "-" or gender is None or g == gender


@cache
def nicknames() -> dict[str, set[str]]:
    """Nickname -> the given names it shortens ("lizzy" -> {"elizabeth"}). One way only:
    "Christopher" is not "Kit Markham", though "Kit" may be Christopher."""
    table: dict[str, set[str]] = defaultdict(set)
    for nick, full in pairs("nicknames").items():
        for f in full.split(","):
            table[nick].add(f.strip().lower())
    return table


def first_name_gender(tokens: tuple[str, ...]) -> str | None:
    g = pairs("first_names").get(tokens[0].lower())
    return g if g in ("M", "F") else None


def form_gender(form: Form) -> str | None:
    g = pairs("honorifics").get(form.honorific or "", "-")
    return None if g == "-" else g


def entity_gender(entity: Entity) -> str | None:
    """The gender an entity's titles or given name state, for merging decisions."""
    for f in entity.forms:
        g = form_gender(f)
        if g:
            return g
    for f in entity.forms:
        if len(f.tokens) >= 2:
            g = first_name_gender(f.tokens)
            if g:
                return g
    return None


# Ranks followed by a surname, not a given name: "Colonel Fitzwilliam" is not Fitzwilliam Darcy.
# ("Mr. Robert" can be Robert Lebrun.)
_SURNAME_TITLES = frozenset(
    "colonel col captain capt major general gen lieutenant lt sergeant sgt admiral "
    "professor prof dr doctor inspector detective det".split()
)


def cluster(forms: list[Form]) -> list[Entity]:
    """Group the forms of one person (see the module docstring)."""
    full = [f for f in forms if len(f.tokens) >= 2]
    single = [f for f in forms if len(f.tokens) == 1]
    entities: dict[tuple[str, str, str | None], Entity] = {}
    # "Mr. John Knightley" and "Mrs. John Knightley" are two people: key full names by title gender.
    genders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in full:
        g = form_gender(f)
        if g:
            # "Mrs. Newland Archer" is the wife of Newland Archer: her title says nothing of his.
            genders[(f.tokens[0], f.tokens[-1])].add("M" if f.honorific == "mrs" else g)
    for f in sorted(full, key=lambda f: (-len(f.tokens), -f.count)):
        pair = (f.tokens[0], f.tokens[-1])
        g = form_gender(f)
        if g is None and genders[pair]:
            # "John Knightley" is Mr., not Mrs., John Knightley: the given name decides first.
            g = first_name_gender(f.tokens) or (next(iter(genders[pair])) if len(genders[pair]) == 1 else "M")
        entities.setdefault((*pair, g), Entity()).forms.append(f)
    # A title with a first name ("Mr. John Knightley") keeps the bare title and surname ("Mr.
    # Knightley") for someone else, unless said once or twice and less than half as often as it
    # ("Miss Harriet Smith" once, "Miss Smith" 54 times): then it is the one Miss Smith's formal
    # name. Where there is a Mrs. Morland, Mr. Morland may be her husband and "Mr. James Morland" their son.
    wives = {f.tokens[0] for f in single if f.honorific == "mrs"}
    titled_full: Counter = Counter()
    for f in full:
        if f.honorific:
            titled_full[(title_key(f.honorific), f.tokens[-1])] += f.count
    # Two titles of one gender on one surname ("Miss Lucas", "Lady Lucas") are two people.
    titles_by_name: dict[tuple[str, str | None], set[str | None]] = defaultdict(set)
    for f in single:
        if f.honorific:
            titles_by_name[(f.tokens[0], form_gender(f))].add(title_key(f.honorific))
    nick = nicknames()
    standalone: dict[tuple[str | None, str], Entity] = {}
    # Titled forms first, so that a bare surname can join its one titled bearer ("Giles", "Mr. Giles").
    for f in sorted(single, key=lambda f: (f.honorific is None, -f.count)):
        tok = f.tokens[0]
        if f.honorific:
            if _titled_apart(f, titled_full, wives) or len(titles_by_name[(tok, form_gender(f))]) > 1:
                hits = []
            else:
                hits = [k for k in entities if k[1] == tok or (k[0] == tok and f.honorific not in _SURNAME_TITLES)]
                hits = [k for k in hits if gender_fits(f.honorific, entity_gender(entities[k]))]
                if title_key(f.honorific) == "mrs":
                    # A wife is "Mrs. Oakley" after her husband: not a Maurice Oakley of unknown gender.
                    hits = [k for k in hits if entity_gender(entities[k]) == "F"]
        else:
            # Not "Mrs. Newland Archer": a wife called by her husband's name does not bear it.
            hits = [k for k in entities if k[0] == tok and not _wife_of(entities[k], tok)]
            if not hits:
                hits = [k for k in entities if k[0].lower() in nick.get(tok.lower(), ())]
            if not hits:
                hits = [k for k in entities if k[1] == tok]
        hits = _without_rare_rivals(hits, entities)
        if len(hits) == 1:
            entities[hits[0]].forms.append(f)
            continue
        if f.honorific is None and len(hits) != 1:
            titled = [k for k in standalone if k[1] == tok and k[0] is not None]
            if len(titled) > 1 and f.pronoun:
                # "Perry says he..." is Mr. Perry, not Mrs. Perry.
                titled = [k for k in titled if k[0] is not None and pairs("honorifics").get(k[0]) == f.pronoun]
            bearer = _dominant_bearer(tok, [standalone[k] for k in titled], [entities[k] for k in hits])
            if bearer is not None and (None, tok) not in standalone:
                bearer.forms.append(f)
                continue
        if f.honorific is None and not hits and (None, tok) not in standalone:
            # "Meg" is the "Margaret" (or "Miss Margaret") the story names alone, when no full name holds either.
            fulls = [k for k in standalone if k[1].lower() in nick.get(tok.lower(), ())]
            if len(fulls) == 1:
                standalone[fulls[0]].forms.append(f)
                continue
        standalone.setdefault((title_key(f.honorific), tok), Entity()).forms.append(f)
    # ... and when "Lizzy" came first, being said more often than "Elizabeth".
    for key in [k for k in standalone if k[0] is None and k[1].lower() in nick]:
        fulls = [k for k in standalone if k != key and k[1].lower() in nick.get(key[1].lower(), ())]
        if len(fulls) == 1:
            standalone[fulls[0]].forms.extend(standalone.pop(key).forms)
    _join_clipped(entities, standalone)
    return [*entities.values(), *standalone.values()]


def _join_clipped(entities: dict, standalone: dict) -> None:
    """A name said only to someone, in the lines ("You're not going, Bell"; "Come on, Al"), is the
    one whose given name it begins (Bellamy, Alastor), when it begins one only: the narration writes
    the name in full, the talk clips it. A clip the narration uses is someone of its own, and an
    exclamation ("Ha, ha!") is no address."""
    for key in [k for k in standalone if k[0] is None]:
        clip = standalone[key]
        if len(key[1]) < 2 or not all(o.in_quote and o.vocative for f in clip.forms for o in f.occurrences):
            continue
        given = [(k[0], e) for k, e in entities.items()] + [(k[1], e) for k, e in standalone.items() if k[0] is None]
        fuller = [e for name, e in given if e is not clip and len(name) > len(key[1]) and name.startswith(key[1])]
        if len(fuller) == 1:
            fuller[0].forms.extend(standalone.pop(key).forms)


DOMINANT = 3  # times more often than any other bearer of a surname, for its bare form


def _wife_of(entity: Entity, given: str) -> bool:
    """True when ``entity`` is only ever given the name ``given`` after "Mrs."."""
    return all(f.honorific == "mrs" for f in entity.forms if f.tokens[0] == given)


def _dominant_bearer(surname: str, titled: list[Entity], named: list[Entity]) -> Entity | None:
    """Whom a bare surname means among its titled bearers and the full names that end in it: the
    one titled bearer, else a titled bearer named with the surname ``DOMINANT`` times as often as
    any other ("Darcy" for the 270 "Mr. Darcy", not the 38 "Miss Darcy" or one "Fitzwilliam Darcy")."""
    if not titled:
        return None
    if len(titled) == 1 and not named:
        return titled[0]
    # A full name counts with its given name alone ("Robert" of Robert Lebrun): a much-named
    # Robert Lebrun may well be the "Lebrun" of the narration.
    said = [(sum(f.count for f in e.forms if surname in f.tokens), e) for e in titled]
    best = dominant([*said, *((e.count, e) for e in named)])
    return best if best in titled else None


def dominant(counted: list[tuple[int, Entity]]) -> Entity | None:
    """The entity whose count is `DOMINANT` times every other's, if one is."""
    if not counted:
        return None
    ranked = sorted(counted, key=lambda x: -x[0])
    top, best = ranked[0]
    return best if all(top >= DOMINANT * n for n, _ in ranked[1:]) else None


def _titled_apart(form: Form, titled_full: Counter, wives: set[str]) -> bool:
    """Whether a titled surname ("Mr. Knightley") is kept from the full names its title is also
    said with ("Mr. John Knightley"), ``titled_full`` counting those by title and surname."""
    said = titled_full[(title_key(form.honorific), form.tokens[0])]
    if not said:
        return False
    husband = form.tokens[0] in wives and form_gender(form) == "M"
    return husband or said >= 3 or said * 2 >= form.count


def _without_rare_rivals(hits: list, entities: dict) -> list:
    """ "Rodney" is William Rodney, said 28 times, not "Katharine Rodney", said once in a
    daydream: a name said once or twice, ten times less often than another, does not make a
    name ambiguous."""
    if len(hits) < 2:
        return hits
    top = max(entities[k].count for k in hits)
    return [k for k in hits if entities[k].count > 2 or entities[k].count * 10 >= top]


def canonical(entity: Entity) -> str:
    """The entity's name: a roster's, else its commonest full name (untitled if it has one)."""
    if entity.roster:
        return entity.roster.name
    if entity.label:
        return entity.label
    fulls = [f for f in entity.forms if len(f.tokens) >= 2]
    if fulls:
        untitled = [f for f in fulls if f.honorific is None]
        best = max(untitled or fulls, key=lambda f: (f.count, len(f.tokens)))
        return best.text
    return max(entity.forms, key=lambda f: (f.count, f.honorific is None)).text
