"""Reading a dialogue paragraph for its speaker: the `Reader` the `speakers` step asks.

It knows where every character is named, who is in focus (`salience`), whether the story is told
in the first person, families, the roster's role words and epithets; it finds the names a line
says to someone (vocatives) and about someone, a line's self-introduction ("I'm Carl"), and the
subjects of the narration sentences next to a quote (action beats, weighted by where they stand).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ficlens.lexicon import pairs
from ficlens.model import Document, Mention, Quote
from ficlens.roster import normalize_name
from ficlens.steps import descriptive, epithets, kinship, narrator, tags_speech
from ficlens.steps.salience import Salience
from ficlens.steps.wordsearch import word_matches

# Words that lead into a name said to someone: "My dear Mr. Bennet," "Oh Mark!"
_ADDRESS_LEAD = re.compile(
    r"(?:^|[,!?.]\s*)"
    r"(?:(?:my|oh|o|ah|dear|dearest|darling|good|sweet|hey|hi|hello|yes|no|thank you|thanks)\b\s*)+$",
    re.IGNORECASE,
)
_TITLE_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Mme|Mlle|Messrs|Capt|Col|Gen|Rev|Prof|Sgt|Lt)\.$")
_SENTENCE_START = re.compile(r"(?:^|[.!?;][\"'\u201d\u2019)]*\s+)")
_DESCRIPTION = re.compile(r"(?:The|A|An)\s")  # a roster entry named "The Painter"
_SIDE = 80  # characters of a line read on each side of a name for the vocative rule
_ROLE_VIEW = 8  # the characters most in focus, among whom a role word two bear finds its one
_ANNOUNCED = re.compile(r",\s*(?:sir|madam|madame|ma'am|my lord|my lady|your (?:honou?r|grace|majesty|lordship|ladyship))\b", re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(r"(He|She|he|she|You|you)\b")
# A sentence's opening word before its subject: "Then she became matronly."
_OPENER = re.compile(r"(?:Then|Now|Suddenly|Presently|At last|At length|Still|So|But|And|Yet|Again|Here|Instead),?\s+")
# A cleft that names who spoke a line: "It was Marilla who spoke", "it was Sam that answered",
# "Gilbert it was who spoke up".
_CLEFT = re.compile(r"[Ii]t was\s+")
_CLEFT_AFTER = re.compile(r"it\s+was(?=\s+(?:who|that)\s)")
_CLEFT_VERB = re.compile(
    r"\s+(?:who|that)\s+(?:first\s+|finally\s+|eventually\s+)?"
    r"(?:spoke|said|asked|answered|replied|broke|called|cried|exclaimed|interrupted|whispered|shouted|added|began|went on|continued)\b"
)
_SELF_INTRO = re.compile(r"\b(?:[Mm]y name(?:,[\w' ]{1,20},)? is|[Mm]y name's|I am|I'm|[Cc]all me|[Ii]t's me,?|[Ii]t is I,?)\s+$")
# Said to anyone of a rank or sex, these name no one in particular: "Yes, sir."
_EMPHASIS = "*_~"  # marks of emphasis in plain text: "*Dean*, stop", "Stop, **Dean**!"
_BARE_ADDRESS = frozenset("sir sire madam madame ma'am mam miss mister monsieur mademoiselle signor signora".split())
BEAT_ADJACENT = 4.0  # "Mark grinned. '…'"
BEAT_AFTER = 2.5  # "'…' Mark grinned."
BEAT_FAR = 1.0
VIEW = 4  # the characters most in focus, among whom someone called by title and surname is
_TITLED_SURNAME = re.compile(r"(?:Mr|Mrs|Miss|Ms|Master)\.?\s+[A-Z][\w'-]+")
# Narration that shows whom a line is said to: "turning to Harriet", "looked up at Mark".
_LOOK_TO = re.compile(  # with \b before it (`word_matches`)
    r"(?:turn(?:ing|ed)\s+(?:round\s+|back\s+|again\s+)?to|look(?:ing|ed)\s+(?:up\s+|round\s+)?at|glanc(?:ing|ed)\s+at"
    r"|address(?:ing|ed)|smil(?:ing|ed)\s+(?:at|to)|nodd(?:ing|ed)\s+(?:at|to)|wink(?:ing|ed)\s+(?:at|to))\s+(?:the\s+)?"
)


class Reader:
    """What the text around a turn says about its speaker: names, vocatives, beats, roles."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.view("plain").text
        # The narrator's pronoun in a story told as "I" or as "you" (a reader-insert), else None;
        # the narrator is then a character of the story (`narrator.NARRATOR`).
        person = narrator.narration_person(doc)
        self.narrator_tag = {"I": "I", "you": "Y"}.get(person or "")
        self.has_narrator = person is not None
        # Who that is: the roster's character listed as "I" (or "you"), else one found later.
        listed = narrator.listed_narrator(doc, self.narrator_tag) if self.narrator_tag else None
        self.narrator_id = listed or narrator.NARRATOR
        self.names = [m for m in doc.mentions if m.kind == "name"]
        self.name_spans = tags_speech.Mentions([(m.start, m.end) for m in self.names])
        self.char_at = {m.start: m.character for m in self.names}
        self.n_starts = [m.start for m in self.names]
        self.alias = {normalize_name(n): c.id for c in doc.characters for n in c.names()}
        self.epithets = epithets.Epithets(doc.roster, {c.id for c in doc.characters})
        # "The angel comes in": a roster epithet only one character holds keeps them in focus, as
        # their name would (for salience only: tags and vocatives read names and epithets apart).
        described = [Mention(s, e, character=c) for s, e, c in self.epithets.mentions(self.text)] if self.epithets else []
        self.salience = Salience(doc, sorted(self.names + described, key=lambda m: m.start) if described else self.names)
        self.families = kinship.Families(doc.characters)
        self.roles = _role_index(doc)
        # How often a tag's "the boy" or "the child" was read as each character.
        self.children: Counter = Counter()
        self.described_only = {c.id for c in doc.characters if c.from_roster and _DESCRIPTION.match(c.name) and len(set(c.names())) == 1}
        self._surname = {c.id: c.name.split()[-1].lower() for c in doc.characters if len(c.name.split()) > 1}
        # A woman's title says her age, roughly: "the girl" is not Mrs. Moore, "the old lady" not Miss Welland.
        self.title = {c.id: c.name.split()[0].rstrip(".").lower() for c in doc.characters if len(c.name.split()) > 1}
        self._clefts: list[tuple[int, str, bool]] | None = None
        # Whether the text has a word of a silence at all ("did not answer"): `absences.silences`
        # sets it on first use, and looks no further in a story without one.
        self.may_fall_silent: bool | None = None

    def role_owner(self, phrase: str, not_them: set[str] | None = None) -> str | None:
        """The roster character a role word ("the duchess") stands for: its only bearer; or, when
        ``not_them`` is given, of several bearers the one most in focus who is not among them."""
        head = phrase.split()[-1].lower()
        owners = self.roles.get(head, set())
        if len(owners) == 1:
            return next(iter(owners))
        if not owners or not_them is None:
            return None
        in_focus = next((c for c in self.salience.ranked(_ROLE_VIEW) if c in owners and c not in not_them), None)
        if in_focus is not None:
            return in_focus
        # None of them in focus: the one the story named last, if it named any.
        named = [c for c in owners if c not in not_them and self.salience.seen(c)]
        return max(named, key=lambda c: (self.salience.score(c), c)) if named else None

    def epithet_referent(self, holders: set[str], pos: int, para_start: int, exclude: set[str]) -> str | None:
        """The one of a roster epithet's holders meant here: the only one, or the one in focus."""
        if len(holders) == 1:
            return next(iter(holders))
        ranked = self.salience.candidates(None, pos, para_start, exclude, True)
        return next((c for c in ranked if c in holders), None)

    def kin_subjects(self, start: int, end: int) -> list[str]:
        """Those the narrator's kin opening a sentence of the narration ``[start, end)`` means,
        when it means one for sure ("My grandmother looked at her." in a story told as "I")."""
        out: list[str] = []
        if self.narrator_tag != "I":
            return out
        at = self.text.find("My ", start, end)  # with its capital, it opens a sentence
        while at >= 0:
            km = kinship.SUBJECT_RE.match(self.text, at, end)
            found = self.relatives(at, km.end(), start) if km else []
            if found and found[0][1] == 0:
                out.append(found[0][0])
            at = self.text.find("My ", at + 3, end)
        return out

    def kin_of_other(self, start: int, end: int, gender: str) -> str | None:
        """Whom the narration ``[start, end)`` last calls by a relation to someone of the other
        gender ("Her mutterings were to her husband; and he murmured": Mr. Elton for "he"), when
        no name of ``gender`` follows it there."""
        possessive = "her" if gender == "M" else "his"
        found = None
        for m in kinship.OTHERS_KIN_RE.finditer(self.text, start, end):
            if m.group(1).lower() == possessive and not self.salience.in_quote(m.start()):
                found = m
        if found is None:
            return None
        k = bisect.bisect_left(self.n_starts, found.end())
        while k < len(self.names) and self.names[k].start < end:
            if self.salience.gender.get(self.names[k].character or "") == gender:
                return None
            k += 1
        rel = self.relatives(found.start(), found.end(), start)
        return rel[0][0] if rel and rel[0][1] == 0 and self.salience.gender.get(rel[0][0]) == gender else None

    def relatives(self, start: int, end: int, para_start: int) -> list[tuple[str, int]]:
        """The characters a kinship description ``text[start:end]`` may mean ("her father", "my
        gran", "Daisy's mamma"), with a rank (0 likeliest): the possessor's relatives, the
        possessor being "I" in a first-person story, the one named, or whom "his"/"her" means."""
        parsed = kinship.parse(self.text[start:end])
        if parsed is None:
            return []
        pos, kin = parsed
        if pos == "my":
            possessors = [self.narrator_id] if self.narrator_tag == "I" else []
        elif pos[-2:-1] in "'\u2019 ":
            owner = self.char_at.get(start)
            possessors = [owner] if owner else []
        else:
            possessors = self.salience.candidates({"his": "M", "her": "F"}.get(pos), start, para_start, set())[:2]
        found: dict[str, int] = {}
        for rank, owner in enumerate(possessors):
            for k, c in enumerate(self.families.relatives(owner, kin)[:2]):
                found.setdefault(c, min(2, rank + k))
        return list(found.items())

    def character_of(self, tag: tags_speech.Tag) -> str | None:
        c = self.char_at.get(tag.start)
        return c if c is not None else self.alias.get(normalize_name(self.text[tag.start : tag.end]))

    def vocatives(self, q: Quote) -> list[str]:
        out = []
        k = bisect.bisect_left(self.n_starts, q.start)
        while k < len(self.names) and self.names[k].start < q.end:
            m = self.names[k]
            before = _TITLE_END.sub("", _unmarked(self._side(q.start, m.start, before=True), str.rstrip)).rstrip()  # "Mr." of "Mr. Knightley" is no full stop
            after = _unmarked(self._side(m.end, q.end, before=False), str.lstrip)
            opens = not before or before[-1] in ",!?." or _ADDRESS_LEAD.search(before) is not None
            bare = self.text[m.start : m.end].lower() in _BARE_ADDRESS
            announced = _ANNOUNCED.match(after) is not None  # "Mr. Campbell, sir": said to "sir"
            if m.character and opens and not bare and not announced and (not after.strip("-") or after[0] in ",!?.;"):
                titled = _TITLED_SURNAME.fullmatch(self.text[m.start : m.end]) is not None
                out.append(self._present_namesake(m.character) if titled else m.character)
            k += 1
        return out

    def _side(self, start: int, end: int, before: bool) -> str:
        """The line's text on one side of a name, as far as the vocative rule reads it: the
        nearest `_SIDE` characters (a long line's whole side made the rule quadratic), or the
        whole side when those hold nothing but spaces and marks. Cut before a name, a "x " in
        front keeps "^" of `_ADDRESS_LEAD` from matching at the cut."""
        if end - start <= _SIDE:
            return self.text[start:end]
        near = self.text[end - _SIDE : end] if before else self.text[start : start + _SIDE]
        if not near.strip(" \t\n" + _EMPHASIS + "-"):
            return self.text[start:end]
        return "x " + near if before else near

    def _present_namesake(self, char: str) -> str:
        """ "Mr. Emerson," said to the son while the father is far away: the one of a surname's
        bearers in focus, when the one the name stands for is not."""
        in_view = self.salience.ranked(VIEW)
        if char in in_view:
            return char
        surname, gender = self._surname.get(char), self.salience.gender.get(char)
        if surname is None:
            return char
        near = [c for c in in_view if self._surname.get(c) == surname and self.salience.gender.get(c) == gender]
        return near[0] if near else char

    def named_in(self, q: Quote) -> tuple[set[str], set[str]]:
        """Characters a line talks about by name, and any it says is the one speaking ("I'm Carl")."""
        lo, hi = bisect.bisect_left(self.n_starts, q.start), bisect.bisect_left(self.n_starts, q.end)
        about: set[str] = set()
        selves: set[str] = set()
        for m in self.names[lo:hi]:
            if not m.character:
                continue
            introduced = _SELF_INTRO.search(self.text, max(q.start, m.start - 20), m.start)
            own = introduced and self.text[m.end : m.end + 1] != "'"  # not "I'm Carl's brother"
            (selves if own else about).add(m.character)
        return about, selves

    def cleft_speaker(self, start: int, end: int, opening: bool = False, inverted: bool | None = None) -> str | None:
        """The character a cleft in narration ``[start, end)`` names as the one who spoke ("It
        was Marilla who spoke, alarm in every jerky word."); with ``opening``, only a cleft
        that opens the span counts; with ``inverted``, only one of that form ("Gilbert it was
        who spoke up", which leads into the line after it) or only one of the other."""
        found = self.clefts()
        k = bisect.bisect_left(found, (start, "", False))
        while k < len(found) and found[k][0] < end:
            at, who, form = found[k]
            k += 1
            if inverted is not None and form != inverted:
                continue
            if opening and self.text[start:at].strip(" \t\n*_"):
                return None
            return who
        return None

    def clefts(self) -> list[tuple[int, str, bool]]:
        """(position, character, whether inverted) of every cleft naming a speaker, found in one
        pass over the text."""
        if self._clefts is not None:
            return self._clefts
        out = []
        for m in word_matches(_CLEFT, self.text):
            who = self.char_at.get(m.end())
            if who is None:
                continue
            k = bisect.bisect_left(self.n_starts, m.end())
            if _CLEFT_VERB.match(self.text, self.names[k].end):
                out.append((m.start(), who, False))
        for m in word_matches(_CLEFT_AFTER, self.text):
            # "Gilbert it was who spoke up stoutly.": the name just before.
            k = bisect.bisect_left(self.n_starts, m.start()) - 1
            name = self.names[k] if k >= 0 else None
            if name and name.character and not self.text[name.end : m.start()].strip():
                if _CLEFT_VERB.match(self.text, m.end()):
                    out.append((name.start, name.character, True))
        out.sort()
        self._clefts = out
        return out

    def looked_at(self, para_start: int, para_end: int, quotes: list[Quote]) -> str | None:
        """The character the paragraph's narration shows the speaker turning to or looking at."""
        for m in word_matches(_LOOK_TO, self.text, para_start, para_end):
            if any(a <= m.start() < b for a, b in (q.outer for q in quotes)):
                continue
            if self._named_just_before(m.start()):
                continue  # "When Rodney turned to Cassandra": Rodney's listener, not the speaker's
            who = self.char_at.get(m.end())
            if who:
                return who
        return None

    def _named_just_before(self, pos: int) -> bool:
        """Whether a character's name is the subject of the verb at ``pos`` ("Rodney turned")."""
        k = bisect.bisect_left(self.n_starts, pos) - 1
        if k < 0:
            return False
        between = self.text[self.names[k].end : pos]
        return len(between) <= 3 and not between.strip()

    def beats(self, para_start: int, para_end: int, quotes: list[Quote]) -> list[tuple[str, float]]:
        """Subjects of the paragraph's narration sentences, weighted by where they stand:
        the sentence just before the first quote most, the one just after a quote next,
        narration further away least (it is more often someone reacting)."""
        out: list[tuple[str, float]] = []
        first_open = quotes[0].outer[0]
        # Sentence starts before the quote; the paragraph's own start is one ("^" only matches at 0).
        before = [para_start, *(sm.end() for sm in _SENTENCE_START.finditer(self.text, para_start, first_open))]
        before = [at for at in dict.fromkeys(before) if at < first_open]
        if self.text[para_start:first_open].strip():
            for n, at in enumerate(before):
                who = self._subject_at(at, first_open, para_start)
                if who:
                    out.append((who, BEAT_ADJACENT if n == len(before) - 1 else BEAT_FAR))
        for i, q in enumerate(quotes):
            a = q.outer[1]
            b = quotes[i + 1].outer[0] if i + 1 < len(quotes) else para_end
            if not self.text[a:b].strip():
                continue
            for n, sm in enumerate(_SENTENCE_START.finditer(self.text, a, b)):
                who = self._subject_at(sm.end(), b, para_start)
                if who:
                    out.append((who, BEAT_AFTER if n == 0 else BEAT_FAR))
                    break
        return out

    def interjection(self, a: int, b: int) -> str | None:
        """Who the narration between two quotes of one paragraph (``[a, b)``) last names as a
        sentence's subject: "'…,' said Cecil. Freddy followed … '…'" gives Freddy."""
        who = None
        for sm in _SENTENCE_START.finditer(self.text, a, b):
            at = sm.end()
            while at < b and self.text[at] in " \t\n*_-":
                at += 1
            opener = _OPENER.match(self.text, at, b)
            if opener:
                at = opener.end()
            who = self.char_at.get(at, who)
        return who

    def _subject_at(self, at: int, limit: int, para_start: int) -> str | None:
        while at < limit and self.text[at] in " \t\n*_-":
            at += 1
        if at >= limit:
            return None
        opener = _OPENER.match(self.text, at, limit)
        if opener:
            at = opener.end()
        who = self.char_at.get(at)
        if who:
            return who
        if self.epithets:
            holders = self.epithets.subject_at(self.text, at, limit)
            if holders:
                return self.epithet_referent(holders, at, para_start, set())
        km = kinship.SUBJECT_RE.match(self.text, at, limit)
        if km:
            found = self.relatives(at, km.end(), para_start)
            return found[0][0] if found and found[0][1] == 0 else None
        pm = _SUBJECT_PRONOUN.match(self.text, at, limit)
        if pm:
            word = pm.group(1).lower()
            if word == "you":  # "You grin." in a reader-insert: the reader
                return self.narrator_id if self.narrator_tag == "Y" else None
            who, _ = self.salience.resolve("M" if word == "he" else "F", at, para_start, set())
            return who
        return None


def _role_index(doc: Document) -> dict[str, set[str]]:
    """Words of a roster's names that are not names themselves ("Duchess", "Beadle"), to the
    characters that carry them; only with a roster."""
    index: dict[str, set[str]] = {}
    if not doc.roster:
        return index
    generic = descriptive.GENERIC
    for c in doc.characters:
        if not c.from_roster:
            continue
        for n in c.names():
            for w in n.replace(".", " ").split():
                low = w.lower()
                if w[:1].isupper() and low not in generic and low not in pairs("first_names") and low != "the":
                    index.setdefault(low, set()).add(c.id)
    return index


def _unmarked(side: str, strip) -> str:
    """The text on one side of a name, stripped of spaces and of the emphasis marks around the
    name (``strip`` is `str.rstrip` for the side before it, `str.lstrip` for the side after)."""
    return strip(strip(strip(side), _EMPHASIS))
