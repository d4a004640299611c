"""Step `characters`: who the people of the story are, under every name.

From the name phrases `names.scan` finds, keep those that behave like people
(they speak, carry a title, are addressed, act; they are not "in Seattle"),
then group the forms of one person: "Derek Shepherd", "Derek", "Shepherd" and
"Dr. Shepherd" are one character; "Mr. Knightley" and "Mr. John Knightley" stay
two when the text keeps them apart, as do two people who share a surname.
A roster (given or from a known fandom) names characters first: its aliases win.
Each name occurrence becomes a `Mention`; gender comes from titles and from the
pronouns that follow a character's name.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from ficlens.lexicon import pairs, words
from ficlens.model import Character, Document, Mention
from ficlens.roster import slug
from ficlens.steps import casing, chat_people, descriptive, grouping, names, narrator, roster_forms, roster_spelling, tags_speech
from ficlens.steps.grouping import Entity, Form, FormKey
from ficlens.steps.roster_match import roster_key

# \b(?:he|she|him|his|her|himself|herself)\b in any case, begun with its first letters (`wordsearch`;
# "\u017f" is a long s, which IGNORECASE lets match "s").
_PRONOUN_RE = re.compile(
    r"(?-i:[HhSs\u017f])(?<!\w.)(?:(?<=[Hh])(?:e|im|is|er|imself|erself)|(?<=[Ss\u017f])he)\b", re.IGNORECASE
)


def _token_is_name(tok: str, stats: names.NameStats) -> bool:
    low = stats.lower.get(tok.lower(), 0)
    mid = stats.cap_mid.get(tok, 0)
    return mid > 0 and low <= max(1, mid // 2)


def _given_name(tok: str, stats: names.NameStats) -> bool:
    """A given name the lexicon knows that the story never writes in lower case ("Siobhan", not "Will")."""
    low = tok.lower()
    return low in pairs("first_names") and stats.lower.get(low, 0) == 0


def _trim_leading_word(occ: names.Occurrence, text: str, stats: names.NameStats) -> None:
    """Drop a first word that is not part of the name ("Hang Ellen Olenska", "Dearest Lizzy",
    "Hitherto Gino"): one the story also writes in lower case, or capitalised only where it opens
    a sentence before a name seen elsewhere; never a given name or title."""
    while len(occ.tokens) > 1 and occ.honorific is None:
        first = occ.tokens[0]
        low = first.lower()
        if low in pairs("first_names") or low in pairs("honorifics"):
            return
        if stats.lower.get(low, 0) == 0 and not _opens_sentence_only(occ, stats):
            return
        at = text.find(occ.tokens[1], occ.start + len(first))
        if at < 0:
            return
        occ.start, occ.tokens = at, occ.tokens[1:]
        if len(occ.tokens) > 1 and occ.tokens[0].lower() in pairs("honorifics"):
            occ.honorific, occ.tokens = occ.tokens[0].lower(), occ.tokens[1:]


def _opens_sentence_only(occ: names.Occurrence, stats: names.NameStats) -> bool:
    """ "Hitherto Gino", "Lest Cecil": a first word never capitalised inside a sentence, before
    a word that is a name elsewhere in the story."""
    return occ.initial and stats.cap_mid.get(occ.tokens[0], 0) == 0 and stats.cap_mid.get(occ.tokens[1], 0) >= 2


def _collect_forms(stats: names.NameStats, text: str) -> dict[FormKey, Form]:
    forms: dict[FormKey, Form] = {}
    for occ in stats.occurrences:
        _trim_leading_word(occ, text, stats)
        grouping.add_occurrence(forms, occ)
    grouping.split_run_together(forms, text)
    return forms


def _is_person(form: Form, stats: names.NameStats, person_tokens: set[str] | None = None) -> bool:
    """Whether a form names a person; ``person_tokens`` are words already known as people's names."""
    if form.honorific is None and len(form.tokens) == 1 and form.tokens[0].lower() in pairs("honorifics"):
        return False  # "Madam", "Sir", "Doctor" alone address someone without naming them
    place_words = words("place_words")
    if form.honorific is None and (form.tokens[-1].lower() in place_words or form.tokens[0].lower() in place_words):
        return False
    phrase = " ".join(form.tokens).lower()
    if form.honorific is None and phrase not in pairs("first_names"):
        # Seattle, San Miniato, a Parisian, the English: places and peoples, unless they talk;
        # "the Hindus" are a people even when they protest.
        if phrase in words("places") or (phrase in words("demonyms") and (form.person < 4 or _plural_demonym(phrase))):
            return False
    if form.thing > form.person or _institution(form):
        return False
    if form.honorific in ("st", "saint") and form.person < 2:
        return False  # "Saint Saviour's Church", "by St. George": churches, places and oaths
    if form.honorific:
        # "Mr. Fielding High School" is named after a person; "Mr. Hall" is a man but "Queen Street" a street.
        last = form.tokens[-1].lower()
        return last not in place_words or (len(form.tokens) == 1 and form.honorific not in _PLACE_TITLES)
    if _ends_in_place(form.tokens) or _plural_group(form, stats):
        return False
    caps = [t for t in form.tokens if t[0].isupper()]
    if not caps:
        return False
    if len(caps) > 1:
        named = person_tokens or set()
        # A known given name is a name even where it only opens sentences: "Siobhan Kelly and
        # Mara Quill sat", with "Kelly" a person elsewhere.
        given = caps[0] if _given_name(caps[0], stats) else None
        if any(t in named for t in caps) and all(t in named or t == given or _token_is_name(t, stats) for t in caps):
            return True
        return form.person > 0 or (form.count >= 2 and all(_token_is_name(t, stats) for t in caps))
    tok = caps[0]
    low = tok.lower()
    if low not in pairs("first_names") and _ABSTRACT_RE.search(low) and form.person < 4:
        return False  # "Socialism", "Christianity", "Desolation", unless someone is called so and speaks
    if low in _MONTH_NAMES and form.person < 2:
        return False  # "every April", unless April speaks or is spoken to
    if _token_is_name(tok, stats):
        return form.person > 0 or form.count >= 3
    if tok.lower() in pairs("first_names") and stats.lower.get(tok.lower(), 0) <= form.count // 2:
        return True
    # Capitalised only at sentence starts: a name only with a speech cue and no lower-case use. A word
    # that only opens a quotation ("Psha!", "Hark, the bell!") is an interjection, however it is punctuated.
    told = any(o.speech or o.addressed or o.titled or (o.vocative and not o.initial) for o in form.occurrences)
    return form.person >= 2 and told and stats.lower.get(low, 0) == 0


# Titles that also name streets and squares after a king or saint ("Queen Street", "St. James's Square").
_PLACE_TITLES = frozenset("king queen prince princess duke st saint".split())
# Months that are also given names: a person only when spoken to or speaking.
_MONTH_NAMES = frozenset("april may june august".split())
# Endings of abstract nouns, not of names ("Socialism", "Christianity", "Desolation").
_ABSTRACT_RE = re.compile(r"(?:ism|ity|ness|tion|sion|ment|ship|ology)$")


# Laws ("the Insurance Bill", "the Reform Act"), after a word that is not a given name ("Bill Sikes").
_LAW_WORDS = frozenset(("bill", "act"))


def _institution(form: Form) -> bool:
    """ "the General Council", "Tariff Reform", "the Commons": an institution, a law or a cause."""
    last = form.tokens[-1].lower()
    if last in words("institution_words"):
        return True
    return last in _LAW_WORDS and len(form.tokens) > 1 and form.tokens[-2].lower() not in pairs("first_names")


def _plural_demonym(phrase: str) -> bool:
    demonyms = words("demonyms")
    return phrase.endswith("s") and (phrase[:-1] in demonyms or (phrase.endswith("es") and phrase[:-2] in demonyms))


def _ends_in_place(tokens: tuple[str, ...]) -> bool:
    """ "Old-fashioned New York": a name phrase closing with a place of two words or more."""
    places = words("places")
    return any(" ".join(tokens[i:]).lower() in places for i in range(1, len(tokens) - 1))


def _plural_group(form: Form, stats: names.NameStats) -> bool:
    """ "Hindus", "Cupids", "Mondays": the plural of a word that is no name, or of a capitalised
    word the story uses about as often in the singular; "Edwards" of a given name stays a surname."""
    tok = form.tokens[-1]
    if len(tok) < 4 or not tok.endswith("s") or tok.endswith(("ss", "us", "is", "'s")):
        return False
    stem = tok[:-1]
    if stem.lower() in pairs("first_names"):
        return False
    singular = stats.cap_mid.get(stem, 0) + stats.cap_initial.get(stem, 0)
    return stem.lower() in words("not_names") or (singular >= 2 and 2 * singular >= form.count)


def _pronoun_votes(doc: Document, mentions: list[Mention]) -> dict[str, Counter]:
    """For each character, the he/she pronouns that follow its names in narration: "M" and "F"
    after a name as a subject, "object" after a name a word governs."""
    text = doc.view("plain").text
    votes: dict[str, Counter] = defaultdict(Counter)
    starts = [m.start for m in mentions]
    quote_spans = sorted((q.start, q.end) for q in doc.quotes)
    qstarts = [q[0] for q in quote_spans]
    for i, m in enumerate(mentions):
        limit = starts[i + 1] if i + 1 < len(mentions) else m.end + 200
        limit = min(limit, m.end + 200)
        k = bisect.bisect_right(qstarts, m.start) - 1
        if k >= 0 and quote_spans[k][0] <= m.start < quote_spans[k][1]:
            continue
        pm = _PRONOUN_RE.search(text, m.end, limit)
        if pm is None:
            continue
        qk = bisect.bisect_right(qstarts, pm.start()) - 1
        if qk >= 0 and quote_spans[qk][0] <= pm.start() < quote_spans[qk][1]:
            continue
        word = pm.group().lower()
        if _object_pronoun(text, pm):
            continue  # "Tobias smiled at her": someone else
        # A name some word governs ("then at Husk, and her whole face went soft") is seldom what the
        # pronoun after it means: a sign of a person, but no vote for a gender.
        governed = tags_speech.governs(_word_before(text, m.start).lower())
        votes[m.character or ""]["object" if governed else "M" if word in ("he", "him", "his", "himself") else "F"] += 1
    return votes


# Words after "her" that make it an object ("looked at her and", "kissed her again"), not a possessive.
_AFTER_OBJECT = frozenset(
    "and to at in on with up down out back away again for from that as off over into close tight too "
    "but or so then when while if before after until because".split()
)
_NEXT_WORD_RE = re.compile(r"[ \t]*([A-Za-z]*)")


def _word_before(text: str, pos: int) -> str:
    """The word of ASCII letters that spaces or tabs alone part from ``pos``, or "" (at most 30
    characters back)."""
    lo = max(0, pos - 30)
    end = pos
    while end > lo and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > lo and ("a" <= text[start - 1] <= "z" or "A" <= text[start - 1] <= "Z"):
        start -= 1
    return text[start:end] if end < pos else ""


def _object_pronoun(text: str, pm: re.Match[str]) -> bool:
    """Whether a pronoun after a name is the object of its sentence, someone the named person acts
    on: "him" always, "her" before a stop or a word no noun follows it with ("at her.", "her and")."""
    word = pm.group().lower()
    if word == "him":
        return True
    if word != "her":
        return False
    nxt = _NEXT_WORD_RE.match(text, pm.end())
    return nxt is None or not nxt.group(1) or nxt.group(1).lower() in _AFTER_OBJECT


def _pronouns_after_shared_surnames(doc: Document, forms: list[Form]) -> None:
    """Set ``pronoun`` on each bare surname that a man and a woman bear with a title ("Perry" of
    Mr. and Mrs. Perry): the gender of the he/she that follows it in narration, two to one or better."""
    genders: dict[str, set[str]] = defaultdict(set)
    for f in forms:
        if f.honorific and len(f.tokens) == 1 and (g := grouping.form_gender(f)):
            genders[f.tokens[0]].add(g)
    bare = [f for f in forms if f.honorific is None and len(f.tokens) == 1 and len(genders.get(f.tokens[0], ())) > 1]
    if not bare:
        return
    text = doc.view("plain").text
    starts = sorted(o.start for f in forms for o in f.occurrences)
    quotes = sorted((q.start, q.end) for q in doc.quotes)
    qstarts = [q[0] for q in quotes]

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and quotes[k][0] <= pos < quotes[k][1]

    for f in bare:
        votes: Counter[str] = Counter()
        for o in f.occurrences:
            k = bisect.bisect_right(starts, o.start)
            limit = min(o.end + 200, starts[k] if k < len(starts) else len(text))
            pm = None if o.in_quote else _PRONOUN_RE.search(text, o.end, limit)
            if pm and not quoted(pm.start()):
                votes["M" if pm.group().lower() in ("he", "him", "his", "himself") else "F"] += 1
        m, w = votes["M"], votes["F"]
        if max(m, w) >= 2 and max(m, w) >= 2 * min(m, w) + 1:
            f.pronoun = "M" if m > w else "F"


MAJORITY_VOTES = 4  # pronouns after a name, at least, for a plain majority to decide its gender


_NO_VOTES: Counter = Counter()  # read only: the votes of one no pronoun followed


def _gender(entity: Entity, votes: Counter) -> str | None:
    if entity.roster and entity.roster.gender:
        return entity.roster.gender
    titled = [g for f in entity.forms if (g := grouping.form_gender(f)) for _ in range(f.count)]
    if titled:
        return Counter(titled).most_common(1)[0][0]
    m, f = votes.get("M", 0), votes.get("F", 0)
    if m + f >= 2 and max(m, f) >= 2 * min(m, f) + 1:
        return "M" if m > f else "F"
    if entity.forms:
        # Pronouns that say nothing clear (in a story told close to someone of the other gender,
        # "Ellen … she" and "Ellen … he" come alike): a given name that is clearly one gender decides.
        first = entity.forms[0].tokens[0].lower()
        prior = pairs("first_names").get(first)
        if prior in ("F", "M"):
            return prior
    if m + f == 1:
        return "M" if m else "F"  # one pronoun may be anyone's: it decides only where a given name does not
    if m + f >= MAJORITY_VOTES and m != f:
        # Still more of one than the other, over enough uses to mean something.
        return "M" if m > f else "F"
    return None



def run(doc: Document) -> None:
    if doc.roster and not doc.roster_from_fandom:
        doc.roster = roster_spelling.respell(doc.roster, doc.view("plain").text)
    stats = names.find_occurrences(doc)
    roster = doc.roster or []
    key = roster_key(roster)
    shouted = sorted(casing.shouted(doc) + casing.opening_capitals(doc))
    lower = bool(roster) and casing.lower_case(doc)
    by_roster = roster_forms.roster_mentions(doc, stats, key, shouted, lower)
    # A roster says who the people are; descriptions then stay epithets for them.
    described = [] if doc.roster else descriptive.description_entities(doc, stats, [])
    names.add_cues(doc, stats)  # to the occurrences left
    forms = list(_collect_forms(stats, doc.view("plain").text).values())
    index = roster_forms.RosterIndex(roster, key)
    unmatched: list[Form] = []
    shared: list[tuple[Form, list[Character]]] = []
    for f in forms:
        candidates = roster_forms.roster_candidates(f, index) if roster else []
        if len(candidates) == 1:
            by_roster.setdefault(candidates[0].id, Entity(roster=candidates[0])).forms.append(f)
        elif candidates:
            shared.append((f, candidates))
        else:
            unmatched.append(f)
    roster_forms.assign_shared(shared, by_roster)
    # "the Knightleys", "the Miss Bertrams" are a family, not a person called Knightleys.
    counts: Counter = Counter()
    titled: Counter = Counter()
    for f in unmatched:
        if len(f.tokens) == 1:
            counts[f.tokens[0]] += f.count
            titled[f.tokens[0]] += f.count if f.honorific else 0
    unmatched = [f for f in unmatched if not _family_plural(f, titled if f.honorific else counts)]
    if roster:
        # With a roster, "the Slytherin" and "the blond" are epithets for its people, not new people.
        unmatched = [f for f in unmatched if not (f.honorific is None and all(o.article for o in f.occurrences))]
    # Single names first: a full name said once is a person if its first or last name is one.
    unmatched = _without_short_place_names(unmatched)
    singles = {f.tokens[0] for f in unmatched if len(f.tokens) == 1 and _is_person(f, stats)}
    singles |= {t for e in by_roster.values() for f in e.forms for t in f.tokens}
    rest = [f for f in unmatched if _is_person(f, stats, singles)]
    _pronouns_after_shared_surnames(doc, rest)
    named = [*by_roster.values(), *grouping.cluster(rest)]
    if shouted:
        _add_shouted(doc.view("plain").text, shouted, named, stats)
    entities = [*named, *descriptive.link_descriptions(doc.view("plain").text, described, named)]
    entities = [e for e in entities if e.roster or _keep(e)]
    chars, mentions = _characters(doc, entities)
    doc.characters = chars
    doc.mentions = mentions
    narrator.add_reader(doc)  # "Y/N" in a reader-insert
    chat_people.learn(doc)  # the names before the colons of chat lines


_CAPS_WORD_RE = re.compile(r"[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'\-]*")
_LONGEST_NAME = 3  # words


def _add_shouted(text: str, shouted: list[tuple[int, int]], entities: list[Entity], stats: names.NameStats) -> None:
    """ "TOBIAS, HELP ME!": a name the story writes in normal case, found in a stretch written in
    capitals, is an occurrence of its form (not a one-word name the story also writes in lower case)."""
    forms: dict[str, Form | None] = {}
    for e in entities:
        for f in e.forms:
            key = " ".join(f.tokens).upper()
            forms[key] = None if forms.get(key, f) is not f else f  # a name two people share: neither
    taken = sorted((o.start, o.end) for e in entities for f in e.forms for o in f.occurrences)
    taken += sorted((s, end) for e in entities for s, end, _ in e.found)
    taken.sort()
    starts = [s for s, _ in taken]
    for a, b in shouted:
        words_at = [(m.start(), m.end(), m.group()) for m in _CAPS_WORD_RE.finditer(text, a, b)]
        i = 0
        while i < len(words_at):
            for n in range(min(_LONGEST_NAME, len(words_at) - i), 0, -1):
                run = words_at[i : i + n]
                if any(text[run[j][1] : run[j + 1][0]] not in (" ", "\n") for j in range(n - 1)):
                    continue  # the words of a name are written next to each other
                key = " ".join(w for _, _, w in run)
                form = forms.get(key)
                if form is None or (n == 1 and (stats.lower.get(key.lower(), 0) > 0 or key.lower() in casing.lexicon_words())):
                    continue
                start, end = run[0][0], run[-1][1]
                k = bisect.bisect_right(starts, end - 1) - 1
                if k >= 0 and taken[k][1] > start:
                    continue
                form.occurrences.append(names.Occurrence(start, end, None, form.tokens, False, True))
                form.count += 1
                i += n - 1
                break
            i += 1


def _family_plural(form: Form, counts: Counter) -> bool:
    """ "the Knightleys", "the Miss Lavishes": a surname in the plural, mostly after "the" unless it
    has a title, that ``counts`` shows as a name in the singular (with a title, for a titled plural)."""
    tok = form.tokens[0]
    if len(form.tokens) != 1 or not tok.endswith("s"):
        return False
    singular = counts.get(tok[:-1], 0) + (counts.get(tok[:-2], 0) if tok.endswith("es") else 0)
    if singular < 2:
        return False
    return form.honorific is not None or sum(o.article for o in form.occurrences) * 2 >= form.count


def _without_short_place_names(forms: list[Form]) -> list[Form]:
    """ "Cissie" for "Cissie Villa", "Harvard" for "Harvard University": a word never shown to be a
    person that opens the name of a place is that place said short."""
    places = words("place_words")
    heads = {f.tokens[0] for f in forms if len(f.tokens) > 1 and not f.honorific and f.tokens[-1].lower() in places}
    return [f for f in forms if f.honorific or len(f.tokens) > 1 or f.tokens[0] not in heads or f.person > 0]


def _keep(entity: Entity) -> bool:
    person = sum(f.person for f in entity.forms)
    if entity.count >= 2 or person >= 2:
        return True
    # "In the bed, Danny Okafor looked up": a given name and a surname, said once, doing something.
    first_names = pairs("first_names")
    return person > 0 and any(len(f.tokens) >= 2 and f.honorific is None and f.tokens[0].lower() in first_names for f in entity.forms)


def _characters(doc: Document, entities: list[Entity]) -> tuple[list[Character], list[Mention]]:
    used: set[str] = set()
    chars: list[Character] = []
    mentions: list[Mention] = []
    order = sorted(entities, key=lambda e: -e.count)
    for e in order:
        name = grouping.canonical(e)
        cid = e.roster.id if e.roster else slug(name)
        base, n = cid, 2
        while cid in used:
            cid, n = f"{base}-{n}", n + 1
        used.add(cid)
        # A name several characters share is no alias of any one of them.
        aliases = [f.text for f in sorted(e.forms, key=lambda f: -f.count) if f.text != name and not f.shared]
        aliases += [a for a in e.aliases if a and a != name and a not in aliases]
        if e.roster:
            aliases = list(dict.fromkeys([*e.roster.aliases, *aliases]))
        chars.append(Character(id=cid, name=name, aliases=aliases, from_roster=e.roster is not None))
        # Mention(start, end, character, kind): positional arguments, which a dataclass takes in half
        # the time of keywords (a mention for each name in the story).
        for f in e.forms:
            for occ in f.occurrences:
                mentions.append(Mention(occ.start, occ.end, cid, "name"))
        for s, end, _ in e.found:
            mentions.append(Mention(s, end, cid, "name"))
    mentions.sort(key=lambda m: m.start)
    votes = _pronoun_votes(doc, mentions)
    kept = {c.id for c, e in zip(chars, order) if _evidenced(e, votes.get(c.id, _NO_VOTES))}
    for c, e in zip(chars, order):
        c.gender = _gender(e, votes.get(c.id, _NO_VOTES))
    chars = [c for c in chars if c.id in kept]
    return chars, [m for m in mentions if m.character in kept]


def _evidenced(entity: Entity, votes: Counter) -> bool:
    """Whether a discovered single name shows it is a person: it speaks or is spoken to, has a
    title, is followed by "he" or "she" twice (once may be anyone's), or is a known given name.
    "Scrabble" and "Friend" are not."""
    if entity.roster or entity.label or entity.found:
        return True
    if any(len(f.tokens) >= 2 or f.honorific for f in entity.forms):
        return True
    person = sum(f.person - 0.5 * sum(o.subject for o in f.occurrences) for f in entity.forms)
    given = any(f.tokens[0].lower() in pairs("first_names") for f in entity.forms)
    return person >= 1.5 or sum(votes.values()) >= 2 or given
