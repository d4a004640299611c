"""Reading speech tags: the narration next to a quote that says who spoke.

After a quote the tag comes first in the narration: `"…," said Mark`, `"…," he
asked quietly`, `"…," the older man muttered`, `"…," Mark grinned`. Before a
quote it closes the narration: `Mark said, "…"`, `Then he asked her: "…"`, and
in older prose a whole clause may sit between subject and verb (`Mr. Darcy,
drawing near Elizabeth, said to her--`). The subject is then the first person in
the clause that is not governed by a preposition (`said to Darcy` names the
addressee, not the speaker); a relative `who` stands for the name before it.

Functions return a `Tag` naming where the subject is and what kind it is; the
`speakers` step turns it into a character.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ficlens.lexicon import words
from ficlens.steps.names import honorifics

_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u00ff]+(?:'[A-Za-z]+)?")
# "Y": "you", the narrator of a story told in the second person ("'Hi,' you say").
_PRONOUNS = {"he": "M", "she": "F", "they": "N", "i": "I", "we": "W", "you": "Y"}
EPITHET_NOUNS = {
    "man": "M", "boy": "M", "guy": "M", "gentleman": "M", "lad": "M", "husband": "M", "father": "M",
    "brother": "M", "son": "M", "uncle": "M", "king": "M", "prince": "M", "lord": "M", "sir": "M",
    "fellow": "M", "woman": "F", "girl": "F", "lady": "F", "wife": "F", "mother": "F", "sister": "F",
    "daughter": "F", "aunt": "F", "queen": "F", "princess": "F", "mistress": "F", "gal": "F",
    "brunette": "F", "redhead": None, "blonde": "F", "blond": "M", "doctor": None, "surgeon": None,
    "nurse": None, "teacher": None, "student": None, "detective": None, "officer": None,
    "captain": None, "stranger": None, "child": None, "kid": None, "youth": None, "teen": None,
    "teenager": None, "professor": None, "soldier": None, "agent": None, "hunter": None,
    "wizard": None, "witch": "F", "boss": None, "visitor": None, "host": None, "hostess": "F",
    "chief": None, "resident": None, "intern": None, "attending": None, "partner": None,
    "latter": None, "former": None, "other": None, "ancestress": "F", "widow": "F", "maid": "F",
    "servant": None, "gentlewoman": "F", "landlady": "F", "landlord": "M", "clergyman": "M",
    "cousin": None, "papa": "M", "mama": "F", "mamma": "F", "grandmother": "F", "grandfather": "M",
    "gran": "F", "granny": "F", "grandma": "F", "nan": "F", "nana": "F", "grandpa": "M", "grandad": "M",
    "granddad": "M", "companion": None,
}  # fmt: skip
# "'s good lady" after a name: the tag's subject is someone of theirs (" s": an apostrophe lost
# in conversion).
_OWNED_RE = re.compile(
    r"(?:['\u2019]| )s\s+(?:[A-Za-z\-]+\s+)?(?P<noun>" + "|".join(sorted(EPITHET_NOUNS, key=len, reverse=True)) + r")\b"
)
# The words between the determiner and the noun describe the noun: no other determiner or
# preposition stands there ("her attention to her father" is not one epithet).
_EPITHET_RE = re.compile(
    r"\b(?:the|his|her|their|my|our|this|that)\s+"
    r"(?:(?!(?:the|his|her|their|my|our|this|that|a|an|to|of|with|at|in|on|for|from|by|and|or|but)\s)[A-Za-z\-]+\s+){0,3}?(?P<noun>"
    + "|".join(sorted(EPITHET_NOUNS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_ROLE_RE = re.compile(r"the\s+(?:[a-z]+\s+){0,2}?(?P<head>[a-z]{3,}(?:-[a-z]+)?)\b")
_OWNED_NOUN_RE = re.compile(r"(?:his|her)\s+(?:[a-z]+\s+)?(?!voice\b|own\b)[a-z]{3,}\b(?=\s*[,.;:!?]|\s+(?:in|with|at|from|to|as|and|after|before)\b)")
_CAPITAL_EPITHET_RE = re.compile(r"the\s+(?:[a-z]+(?:-[a-z]+)*\s+)?(?:[A-Z][a-z]+|[A-Z]{2,4})\b")
_PREPOSITIONS = frozenset(
    "to with at near by of from for on upon toward towards into about after behind beside besides like than "
    "unto round around before under over beneath against among amongst between beyond through without "
    "whom".split()
)
# Irregular past forms, not in action_verbs, that take the person after them as their object:
# "She met Mr. Weston … exclaiming", "borne Edmund company".
_IRREGULAR_OBJECT_VERBS = frozenset("met bore borne led sent struck hit bade bid fed".split())
_CLAUSE_END = re.compile(r"[.!?;]+[\"'\u201d\u2019)\]]*\s+|[.!?]+\s*$|\n\s*\n")
_CLAUSE_MARK = re.compile(r"[.!?;\n]")
# "put in Fielding", "broke in Mrs. Archer": a verb and its particle tag the line.
_BREAK_IN_RE = re.compile(r"(?:put|broke|cut|chimed|butted|struck)\s+in\b|(?:burst|broke)\s+(?:out|forth)\b")
_ADVERB_RE = re.compile(r"(?:\s*,?\s*[a-z]+ly\b|\s+(?:then|again|finally|at last|at length|at once|once more|back|out|up|aloud|quickly|softly|forth|almost|half|nearly|all but|very))*")
# '"…" burst from William', '"…" at last broke explosively from Janey', '"…" were the first words
# which burst from Captain Wentworth'
_BURST_FROM = re.compile(
    r"(?:(?:was|were)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:which|that)\s+)?(?:(?:at\s+(?:last|length)|then)\s+)?"
    r"(?:burst|came|broke|escaped)\s+(?:[a-z]+ly\s+)?(?:out\s+)?from\s+"
)


@dataclass(slots=True, init=False)
class Tag:
    """The subject of a speech tag; ``kind`` is name, pronoun or epithet."""

    start: int
    end: int
    kind: str
    gender: str | None
    verb: str
    after: bool
    strong: bool = True
    addressee: tuple[int, int] | None = None

    # Written out, as in ficlens.model: the compiled build compiles it; the generated one runs interpreted.
    def __init__(self, start: int, end: int, kind: str, gender: str | None, verb: str, after: bool,
                 strong: bool = True, addressee: tuple[int, int] | None = None) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.gender = gender
        self.verb = verb
        self.after = after
        self.strong = strong
        self.addressee = addressee


@cache
def _tag_verbs() -> frozenset[str]:
    return words("speech_verbs") | words("beat_verbs")


def speech_verb(word: str, strict: bool = True) -> bool:
    w = word.lower()
    if w in _tag_verbs():
        return True
    if " " in w and _BREAK_IN_RE.fullmatch(w):
        return True
    return not strict and (w.endswith("ed") or w in words("action_verbs"))


class Mentions:
    """Name-mention spans (sorted) the tag reader may take as subjects."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def at(self, pos: int) -> tuple[int, int] | None:
        k = bisect.bisect_left(self.starts, pos)
        if k < len(self.spans) and self.spans[k][0] == pos:
            return self.spans[k]
        return None

    def between(self, a: int, b: int) -> list[tuple[int, int]]:
        return self.spans[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]


def _subject_at(text: str, pos: int, limit: int, names: Mentions) -> tuple[int, int, str, str | None] | None:
    """The subject that starts exactly at ``pos``: a name, a pronoun or an epithet."""
    span = names.at(pos)
    if span:
        owned = _OWNED_RE.match(text, span[1], limit)
        if owned:  # "answered Daisy's mamma": not Daisy
            return span[0], owned.end(), "epithet", EPITHET_NOUNS[owned.group("noun").lower()]
        return span[0], span[1], "name", None
    m = _WORD_RE.match(text, pos, limit)
    if not m:
        return None
    w = m.group().lower()
    if w in honorifics():
        # "exclaimed Sir Geoffrey", the roster knowing him as "Geoffrey": the name after the title.
        after = m.end() + (1 if text.startswith(".", m.end()) else 0)
        span = names.at(after + 1) if text.startswith(" ", after) else None
        if span:
            return span[0], span[1], "name", None
    if w in _PRONOUNS:
        return m.start(), m.end(), "pronoun", _PRONOUNS[w]
    e = _EPITHET_RE.match(text, pos, limit)
    if e:
        return e.start(), e.end(), "epithet", EPITHET_NOUNS[e.group("noun").lower()]
    e = _CAPITAL_EPITHET_RE.match(text, pos, limit)
    if e:
        inner = names.between(pos + 4, e.end())
        if inner:  # "the irrepressible Thomas": a name after all
            return inner[0][0], inner[0][1], "name", None
        # "the Slytherin", "the Brit": a description with a capital, no one's name here
        return e.start(), e.end(), "epithet", None
    e = _ROLE_RE.match(text, pos, limit)
    if e and e.group("head").lower() not in words("speech_verbs"):  # "the duchess", "the old beadle"
        return e.start(), e.end(), "role", None
    e = _OWNED_NOUN_RE.match(text, pos, limit)
    if e:  # "answered his guide": someone else than the one "his" means
        return e.start(), e.end(), "epithet", None
    return None


_EMPHASIS = "*_~"  # the marks of emphasis in plain text: 'said *Dean*', '_Dean_ said'


def _skip(text: str, pos: int, limit: int, chars: str = " \t\n,-\u2014\u2013") -> int:
    """The first position from ``pos`` that is none of ``chars`` nor a mark of emphasis that
    touches a word ("**Dean**"; the stars of "* * *" touch none)."""
    while pos < limit:
        if text[pos] in chars:
            pos += 1
            continue
        run = pos
        while run < limit and text[run] in _EMPHASIS:
            run += 1
        if run == pos or not ((run < limit and text[run].isalnum()) or (pos and text[pos - 1].isalnum())):
            break
        pos = run
    return pos


_TO_RE = re.compile(r"\s*(?:,\s*)?(?:to\s+|at\s+)?")
_ADJECTIVES_RE = re.compile(r"(?:[a-z]+(?:-[a-z]+)*[ \t\n]+){1,2}")
_MODALS = frozenset("could would might can".split())
_PERCEIVED = re.compile(r"\s+(?:hear|see|catch|overhear)\b")
_PERCEPTION = frozenset("heard hear hears hearing saw see sees seeing watched watch found noticed left caught".split())
_ABBREVIATIONS = frozenset("mr mrs ms dr st mme mlle messrs prof capt col gen lt sgt rev jr sr".split())
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _after_abbreviation(text: str, dot: int, floor: int) -> bool:
    """True when the period at ``dot`` ends a title ("Mr.") or an initial ("J."), not a clause."""
    if text[dot] != ".":
        return False
    i = dot
    while i > floor and text[i - 1].isalpha() and dot - i <= _LONGEST_ABBREVIATION:  # longer: none of them
        i -= 1
    word = text[i:dot]
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _clause_end(text: str, start: int, end: int) -> re.Match[str] | None:
    pos = start
    # Searching from the next mark a clause end can begin with skips the characters between
    # faster than _CLAUSE_END (no single first character for the regex engine to jump to).
    while mark := _CLAUSE_MARK.search(text, pos, end):
        m = _CLAUSE_END.search(text, mark.start(), end)
        if m is None:
            return None
        if not _after_abbreviation(text, m.start(), start):
            return m
        pos = m.end()
    return None


def line_ends_with(text: str, pos: int, marks: str) -> bool:
    """True when the speech that closes just before ``pos`` ends with one of ``marks``."""
    while pos > 0 and text[pos - 1] in "\"'\u201d\u2019\u00bb ":
        pos -= 1
    return pos > 0 and text[pos - 1] in marks


_VOICE_AFTER = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+)?voice\s+(?:[a-z]+ly\s+)?[a-z]+")
_VOICE_OWNED = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+){0,2}voice\s*$")
_VOICE_OF = re.compile(r"the\s+(?:[a-z]+\s+){0,2}voice\s+of\s+(?:(?:old|young|little|poor)\s+)?")


def _voice_of(text: str, pos: int, limit: int, names: Mentions) -> tuple | None:
    """ "said the voice of Mr. Syed Mohammed": the one whose voice it is."""
    of = _VOICE_OF.match(text, pos, limit) if text.startswith("the", pos, limit) else None
    span = names.at(of.end()) if of else None
    return (span[0], span[1], "name", None) if span else None


def tag_after(text: str, start: int, end: int, names: Mentions) -> Tag | None:
    """A tag at the start of the narration ``text[start:end]`` that follows a quote."""
    if start >= end:  # a quote that closes its paragraph
        return None
    clause_end = _clause_end(text, start, end)
    limit = clause_end.start() + 1 if clause_end else end
    pos = _skip(text, start, limit)
    if pos >= limit:
        return None
    # What _skip passed over is whitespace and these marks: ",-\u2014\u2013".
    led_by_comma = bool(text[start:pos].strip()) or line_ends_with(text, start, ",-\u2014")
    passive = _passive_tag(text, pos, limit, names)
    if passive:
        return passive
    owner = names.at(pos)
    if owner and _VOICE_AFTER.match(text, owner[1], limit):
        # '"Hey," Harry's voice cracked.': whose voice it is.
        return Tag(owner[0], owner[1], "name", None, "voice", True, True)
    burst = _BURST_FROM.match(text, pos, limit)
    source = names.at(burst.end()) if burst else None
    if source:
        # '"…" burst from William', '"…" came from Sir Thomas's tight lips': the one it came from.
        return Tag(source[0], source[1], "name", None, "burst", True, True)
    # Inverted: said Mark / asked the older man / replied he
    m = _BREAK_IN_RE.match(text, pos, limit) or _WORD_RE.match(text, pos, limit)
    if m and m.group().endswith("ly") and m.group()[0].islower():
        # "eagerly rejoined Mrs. Elton": an adverb before the verb.
        after_adverb = _WORD_RE.match(text, _skip(text, m.end(), limit, " \t\n"), limit)
        m = after_adverb if after_adverb and speech_verb(after_adverb.group()) else m
    inverted = led_by_comma or line_ends_with(text, start, "!?")
    word = m.group() if m and m.group()[0].islower() else None
    if m and word is None and m.group()[1:].islower() and m.group().lower() in _tag_verbs():
        # '"Hey." Said Harry.': a story's stray capital after the line's full stop.
        word = m.group()
    said = word is not None and speech_verb(word)
    if m and word and (said or (inverted and word.endswith("ed"))):
        after_verb = m.end()
        adv = _ADVERB_RE.match(text, after_verb, limit)
        subj_at = _skip(text, adv.end() if adv else after_verb, limit, " \t\n")
        found = _subject_at(text, subj_at, limit, names)
        if found is None:
            # An adjective or two before a name: "said dour Major Callendar", "cried poor Lucy".
            adj = _ADJECTIVES_RE.match(text, subj_at, limit)
            if adj:
                found = _subject_at(text, adj.end(), limit, names)
                found = found if found and found[2] == "name" else None
        found = _voice_of(text, subj_at, limit, names) or found
        if found and (said or found[2] == "name"):
            return Tag(found[0], found[1], found[2], found[3], word.lower(), True, True, _addressee(text, found[1], limit, names))
    # Normal order: Mark said / he asked quietly / the older man muttered
    found = _subject_at(text, pos, limit, names)
    if not found:
        return None
    adv = _ADVERB_RE.match(text, found[1], limit)
    vpos = _skip(text, adv.end() if adv else found[1], limit, " \t\n")
    v = _BREAK_IN_RE.match(text, vpos, limit) or _WORD_RE.match(text, vpos, limit)
    if not v:
        return None
    verb = v.group()
    heard = _HEARD_SAY.match(text, vpos, limit) if verb in _PERCEPTION else None
    span = names.at(heard.end(1)) if heard else None
    if span:
        # '"I like rubies," he heard Katharine say': the one heard spoke.
        return Tag(span[0], span[1], "name", None, verb.lower(), True, True)
    if verb in _PERCEPTION or (verb in _MODALS and _PERCEIVED.match(text, v.end(), limit)):
        return None  # '"…," he heard one of the men begin': the one hearing did not say it
    if speech_verb(verb):
        if verb.lower() in _REPLIES and _REPORTED.match(text, v.end(), limit):
            return None  # '"Is it true?" Elizabeth replied that it was.': her answer is told, not quoted
        return Tag(found[0], found[1], found[2], found[3], verb.lower(), True, True, _addressee(text, v.end(), limit, names))
    if speech_verb(verb, strict=False) and found[2] != "role":
        # An action right after the quote: a tag if it follows a comma, else an action beat.
        return Tag(found[0], found[1], found[2], found[3], verb.lower(), True, led_by_comma)
    return None


_REPLIES = frozenset("replied answered rejoined responded returned retorted".split())
# Speech told, not quoted: "replied that it was", "asked whether she would come" ("said that night"
# is a time, and still a tag).
_REPORTED = re.compile(
    r"(?:\s+[a-z]+ly)?\s+(?:that|whether)\b(?!\s+(?:night|morning|evening|afternoon|day|time|moment|week|year|summer|winter)\b)"
)


def _addressee(text: str, pos: int, limit: int, names: Mentions) -> tuple[int, int] | None:
    """The person spoken to: "said to Mark", "told Mark", "asked Mark"."""
    m = _TO_RE.match(text, pos, limit)
    at = m.end() if m else pos
    span = names.at(at)
    return span


_PASSIVE_BY = re.compile(r"(?:was|were)\s+(?:[a-z]+ly\s+)?([a-z]+)\s+by\s+(?:the\s+)?")
_ANSWER = (
    r"(answer|reply|rejoinder|response|remark|retort|comment|reproof|exclamation|greeting|question|voice"
    r"|observation|amendment|conclusion|cry|inquiry|enquiry|assurance|protest|suggestion|explanation"
    r"|apology|salutation|request|reproach|thought|thoughts|words|speech|advice|reflection|reasoning|language"
    r"|consolation|injunction|entreaty|exhortation|reassurance|admission|confession|declaration|announcement"
    r"|command|warning|instruction|compliment|encouragement|congratulation|congratulations|farewell|adieu"
    r"|welcome|invitation|proposal|objection|complaint|lament|challenge|plea|rebuke|reminder|boast|threat"
    r"|promise|counsel|comfort|verdict|sentence|whisper|murmur|laugh|sigh)\b"
)
ANSWER_PATTERN: str = _ANSWER
ANSWER_WORD = re.compile(_ANSWER)
_OWNED = r"(?:'s|\u2019s| s)(?:\s+[a-z]+){0,2}?\s+"  # "'s humble", " s" (an apostrophe lost)
_POSSESSIVE_ANSWER = re.compile(_OWNED + _ANSWER)
# "Lady Bertram's calm inquiry of" right before the line.
_ANSWER_OF_LINE = re.compile(_OWNED + _ANSWER + r"\s+of\s*$")
# "and Elizabeth's reply was," before the line.
_ANSWER_WAS = re.compile(_OWNED + _ANSWER + r"\s+(?:was|is)\s*$")
_PRONOUN_ANSWER = re.compile(r"(?:was|came)\s+(his|her)(?:\s+[a-z]+){0,2}?\s+" + _ANSWER)
_WAS = re.compile(r"(?:was|came)\s+")
# "was the firm reply of Mr. Limbkins"
_ANSWER_OF = re.compile(r"(?:was|were)\s+(?:the|an?)\s+(?:[a-z]+\s+){0,2}?" + _ANSWER + r"\s+of\s+(?:the\s+)?")
_BY = re.compile(r"\s+by\s+(?:the\s+)?")
_HEARD_PRONOUN = re.compile(r"\b(?:heard|hear|hears|hearing|overheard)\s+(him|her)\s+(?:[a-z]+ly\s+)?[a-z]+\W*$")


def _passive_tag(text: str, pos: int, limit: int, names: Mentions) -> Tag | None:
    """ "…" was uttered by Captain Wentworth / "…" was Fanny's humble answer."""
    if not text.startswith(("was", "were", "came"), pos, limit):
        return None
    m = _PASSIVE_BY.match(text, pos, limit)
    if m and speech_verb(m.group(1)):
        span = names.at(m.end())
        return Tag(span[0], span[1], "name", None, m.group(1), True, True) if span else None
    of = _ANSWER_OF.match(text, pos, limit)
    span = names.at(of.end()) if of else None
    if of and span:
        return Tag(span[0], span[1], "name", None, of.group(1), True, True)
    own = _PRONOUN_ANSWER.match(text, pos, limit)
    if own:
        return Tag(own.start(1), own.end(1), "pronoun", "M" if own.group(1) == "his" else "F", own.group(2), True, True)
    m = _WAS.match(text, pos, limit)
    span = names.at(m.end()) if m else None
    answer = _POSSESSIVE_ANSWER.match(text, span[1], limit) if span else None
    return Tag(span[0], span[1], "name", None, answer.group(1), True, True) if answer and span else None


_HEARD_SAY = re.compile(r"[a-z]+(\s+)(?=(?:[A-Z][\w.'-]*\s+){1,3}(?:say|says|saying|speak|speaking|cry|exclaim|ask|add|reply|answer|remark|observe|murmur|whisper|call)\b)")
_HEARD = re.compile(r"\b(?:heard|hear|hears|hearing|overheard|overhear|overhears|overhearing)\s+(?:the\s+)?$")


def _heard(text: str, a: int, verb_at: int, names: Mentions) -> tuple[int, int] | None:
    """ "He heard Frank Churchill next say, …": the one heard is the speaker."""
    before = names.between(a, verb_at)
    if not before:
        return None
    s, e = before[-1]
    between = text[e:verb_at].split()
    if len(between) > 2 or not _HEARD.search(text, max(a, s - 30), s):
        return None
    return s, e


_COORDINATED = re.compile(r"[\s,]*(?:and|but|then|yet)\b")
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+|\n\s*\n")


def _sentence_start(text: str, a: int, b: int) -> int:
    """Where the sentence holding ``b`` begins, no earlier than ``a``."""
    out = a
    for m in _SENTENCE_END.finditer(text, a, b):
        if not _after_abbreviation(text, m.start(), a):
            out = m.end()
    return out


def tag_before(text: str, start: int, end: int, names: Mentions) -> Tag | None:
    """A tag closing the narration ``text[start:end]`` that precedes a quote."""
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop <= start:
        return None
    last = text[stop - 1]
    strong = last in ",:-\u2014\u2013"
    body_end = stop
    while body_end > start and text[body_end - 1] in ",:;-\u2014\u2013.!? \t\n":
        body_end -= 1
    clause_start = start
    for m in _CLAUSE_END.finditer(text, start, body_end):
        if not _after_abbreviation(text, m.start(), start):
            clause_start = m.end()
    tag_verbs = _tag_verbs()  # speech_verb of a single word
    owner = names.between(clause_start, body_end)
    if owner and _ANSWER_WAS.match(text, owner[-1][1], body_end):
        s, e = owner[-1]
        return Tag(s, e, "name", None, "answer", False, strong)
    voice = strong and _VOICE_OWNED.match(text, owner[-1][1], body_end) if owner else None
    if owner and (voice or _ANSWER_OF_LINE.match(text, owner[-1][1], body_end)):
        # "after an interval May's voice:", "Lady Bertram's calm inquiry of": whose words they are.
        s, e = owner[-1]
        return Tag(s, e, "name", None, "voice", False, True)
    saying = _POSSESSIVE_SAYING.search(text, start, stop) if strong else None
    whose = names.between(max(start, saying.start() - 80), saying.start()) if saying else None
    if whose and saying and whose[-1][1] == saying.start():
        # "by Mrs. Grant's saying, as she stepped from the carriage,": the one saying it.
        return Tag(whose[-1][0], whose[-1][1], "name", None, "saying", False, True)
    verbs = [m for m in _WORD_RE.finditer(text, clause_start, body_end) if m.group().lower() in tag_verbs]
    verbs += _BREAK_IN_RE.finditer(text, clause_start, body_end)
    verbs.sort(key=lambda m: m.start())
    verbs = [v for v in verbs if not _IMAGINED.search(text, clause_start, v.start())]
    if not verbs:
        return None
    verb = verbs[-1]
    if not strong and body_end - verb.end() > 30:
        return None
    if _REPORTED.match(text, verb.end(), body_end):
        # "Elizabeth replied that it was." told her words, and "…, told that he understood,
        # and the papers swept away;--" someone else's: the line after is not theirs.
        return None
    # A speech verb right before the quote is a tag even without a comma: saying "Perhaps".
    if not strong and last not in ".!?" and body_end - verb.end() <= 20 and verb.group().lower() in words("speech_verbs"):
        strong = True
    by = _BY.match(text, verb.end(), body_end)
    agent = names.at(by.end()) if by else None
    agent = agent or _heard(text, clause_start, verb.start(), names)
    if agent:
        # "thus accosted by Miss Bingley,": the one the passive names is the speaker.
        return Tag(agent[0], agent[1], "name", None, verb.group().lower(), False, strong)
    if by:
        return None  # "was he answered by the latter:": the subject is the one answered
    heard = _HEARD_PRONOUN.search(text, clause_start, verb.end())
    if heard:
        # "she heard him say to his mother,": the one heard.
        return Tag(heard.start(1), heard.end(1), "pronoun", "M" if heard.group(1) == "him" else "F", verb.group().lower(), False, strong)
    subject = _first_subject(text, clause_start, verb.start(), names)
    if subject is None and _COORDINATED.match(text, clause_start, verb.start()):
        # "…Kitty; and, while pretending to admire her work, said in a whisper,": the subject
        # of the clause before goes on.
        subject = _first_subject(text, _sentence_start(text, start, clause_start), clause_start, names)
    if subject is None:
        return None
    s, e, kind, gender = subject
    return Tag(s, e, kind, gender, verb.group().lower(), False, strong, _addressee(text, verb.end(), body_end, names))


def ends_sentence(text: str, start: int, end: int) -> bool:
    """True when the narration ``text[start:end]`` ends with ".", "!" or "?": then `tag_before`
    finds no strong tag in it, which alone could lead into the next paragraph."""
    return text[start:end].rstrip()[-1:] in (".", "!", "?")


# A speech verb inside an "as if" clause is imagined, no tag: "she said, as if Katharine had challenged her,".
_IMAGINED = re.compile(r"\bas (?:if|though)\b[^,;:.!?\"\u201c\u201d]*$")
# "Mrs. Grant's saying, as she stepped from the carriage," up to the line: no sentence ends after it.
_POSSESSIVE_SAYING = re.compile(r"['\u2019]s\s+(?:[a-z]+ly\s+)?saying\b(?=[^.!?;\"\u201c\u201d]*$)")
# A participle between a subject and its verb: ", sighing over it as she unlocked it, said".
_PARTICIPLE_CLAUSE = re.compile(r",\s*[a-z]+ing\b[^,;:.!?\"\u201c\u201d]*,\s*(?:[a-z]+ly\s+|then\s+)?$")
# Before a subject, these ask or invert ("did Marilla say:"); they govern no one.
_AUXILIARIES = frozenset("did does do would could should will can might must".split())
# A relative clause between a subject and its verb: ", who had been listening, said".
_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:who|whose|whom|where|which)\b(?:[^,;:.!?\"\u201c\u201d]|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bDr)\.|(?<=\bSt)\.|(?<=\bMs)\.)*"
    r",\s*(?:[a-z]+ly\s+|now\s+|then\s+)?$"
)


def governs(word: str) -> bool:
    """Whether a word right before a person makes them its object: "near Elizabeth", "seeing Jane"."""
    return word in _PREPOSITIONS or word.endswith(("ing", "ed")) or word in words("action_verbs") or word in _IRREGULAR_OBJECT_VERBS


def _first_subject(text: str, a: int, b: int, names: Mentions) -> tuple[int, int, str, str | None] | None:
    """The subject of the verb at ``b``: the nearest person before it not governed by a
    preposition or a verb ("drawing near Elizabeth", "seeing Jane"); "who" stands for
    the description or name just before it."""
    clause = _RELATIVE_CLAUSE.search(text, a, b) or _PARTICIPLE_CLAUSE.search(text, a, b)
    if clause:  # "Mr. Woodhouse, whose thoughts were on the Bates's, said": not the Bateses
        b = clause.start()  # "Mrs Smith, sighing over it as she unlocked it, said": not "she"
    candidates: list[tuple[int, int, str, str | None]] = [(s, e, "name", None) for s, e in names.between(a, b)]
    for m in _WORD_RE.finditer(text, a, b):
        w = m.group().lower()
        if w in _PRONOUNS:
            candidates.append((m.start(), m.end(), "pronoun", _PRONOUNS[w]))
        elif w in ("who", "whose"):
            candidates.append((m.start(), m.end(), "who", None))
    for em in _EPITHET_RE.finditer(text, a, b):
        candidates.append((em.start(), em.end(), "epithet", EPITHET_NOUNS[em.group("noun").lower()]))
    for s, e, kind, gender in sorted(candidates, key=lambda c: -c[0]):
        if kind == "who":
            # "her son, who said:" is her son; "Mr. Bennet, who said" is Mr. Bennet.
            described = [c for c in candidates if c[2] == "epithet" and 0 < s - c[1] <= 3]
            if described:
                return described[0]
            antecedent = names.between(max(0, s - 80), s)
            if antecedent:
                return antecedent[-1][0], antecedent[-1][1], "name", None
            continue
        before = text[max(a, s - 25) : s]
        prev = list(_WORD_RE.finditer(before))
        # A word right before the person (no comma between) that governs them: "near Elizabeth";
        # but "heard Miss Bates saying" makes Miss Bates the one saying, and "he", "she" name the
        # one doing whatever stands before them ("As she entered he stopped").
        nominative = kind == "pronoun" and gender != "Y"
        if prev and prev[-1].group()[0].islower() and not before[prev[-1].end() :].strip() and not nominative:
            p = prev[-1].group()
            perceived = p in _PERCEPTION and text[b : b + 12].split(" ", 1)[0].lower().endswith("ing")
            # "the voice of Mr. Heelas bellowing": the one whose voice it is.
            perceived = perceived or (p == "of" and len(prev) > 1 and ANSWER_WORD.fullmatch(prev[-2].group().lower()) is not None)
            if not perceived and p not in _AUXILIARIES and governs(p):
                continue
        return s, e, kind, gender
    return None
