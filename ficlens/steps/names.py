"""Finding the capitalised name phrases of a story and the evidence that each is a person.

Used by the `characters` step. A name phrase is an optional title ("Mr.", "Dr.",
"Professor") and one or more capitalised words ("Derek Shepherd", "Mr. John
Knightley", "Jean-Luc Picard"). For each occurrence the scan records whether it
starts a sentence (where capitals prove nothing), whether it sits inside a
quotation, and the cues around it: a speech verb ("Mark said", "said Mark"), a
title, a vocative ("Look, Mark,"), a verb after it, or a place-like context ("in
Seattle", "Seattle Grace Hospital").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ficlens.lexicon import pairs, words
from ficlens.model import Document
from ficlens.steps import chat_people
from ficlens.steps.roster_match import trie_pattern, without_suffix, month_word_not_name

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
# A capitalised word, not the first letter of one in capitals for emphasis ("Beaufort WAS").
_CAP = rf"[{_UPPER}](?:[{_LOWER}]+|[{_UPPER}](?=[{_LOWER}]))*(?:'[{_UPPER}]?[{_LOWER}]{{2,}}|-[{_UPPER}]?[{_LOWER}]+)*(?![{_UPPER}{_LOWER}])"
_PARTICLES = "van|von|de|du|di|da|del|della|der|den|le|la|bin|al|ibn|o'"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # words of a name may wrap onto the next line
_MORE_NAME = rf"{_GAP}(?:(?:{_PARTICLES}){_GAP})?{_CAP}"  # the next word of a name phrase
_INITIALS = rf"(?:{_GAP}[{_UPPER}]\.)*"  # middle initials before it: "Julius P. Hersheimmer", "George R. R. Martin"
# "{lone}" is empty, or a lookahead that refuses a phrase without a title that would be one word.
_PHRASE_RE = re.compile(
    rf"(?<![^\W_])(?<![^\W_]-)(?<!\w')(?:(?P<hon>{{hons}})\.?\s+(?P<pre>(?:(?:{_PARTICLES}){_GAP}){{0,2}})|{{lone}})(?P<name>{_CAP}(?:{_INITIALS}{_MORE_NAME})*)(?P<poss>'s?(?![a-z]))?"
)
_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u00ff]+(?:'[A-Za-z]+)?")
_LOWER_WORD_RE = re.compile(r"(?<![\w'])[a-z][a-z]*(?:'[a-z]+)?(?!\w)")  # not "ted" of "ted_lasso"
_OPENERS = set("\"'([*_~")
_EMPHASIS = "*_~"  # marks of emphasis in plain text, around a name: "_Mark_", "**Mark**"
_BETWEEN_WORDS = " ,\t\n" + _EMPHASIS  # what may stand between a name and the word next to it
_TOKEN_RE = re.compile(r"\S+")
_NAMING = frozenset("called calls call calling named names name naming".split())
# Words before the title of a book ("read Udolpho", "a copy of Camilla"); "of" is read as the word before it.
_READING = frozenset("read reads reading reread re-read".split())
_DETERMINERS = frozenset("his her my their our your the a".split())
_READING_OF = re.compile(r"\b(?:readers?|reading|cop(?:y|ies)|volumes?|author|chapter|pages)[ \t\n]+of[ \t\n]+$")
# "read his Bible", "reading the Times": a determiner between the reading and the title.
_READING_THE = re.compile(
    rf"\b(?:{'|'.join(map(re.escape, sorted(_READING)))})[ \t\n]+(?:{'|'.join(sorted(_DETERMINERS))})[ \t\n]+$"
)
# The verb before "to"/"at" that precedes a name: "said to Carl", "smiled at Gino".
_TURNED_TO_RE = re.compile(r"([A-Za-z]+)[ \t\n]+(?:to|at)[ \t\n]+$")


def honorifics() -> dict[str, str]:
    """Title (lower case, no period) to the gender it states: M, F or -."""
    return pairs("honorifics")


def _phrase_re(lone: str = "") -> re.Pattern[str]:
    hons = sorted({h.capitalize() for h in honorifics()}, key=len, reverse=True)
    # A phrase starts with a capital or a title's first letter: saying so first lets the regex
    # engine pass over every other position without trying the titles one by one. The titles are a
    # trie, which matches as their alternation longest first does, trying a few letters, not 90 titles.
    firsts = "".join(sorted({re.escape(h[0]) for h in hons}))
    lead = rf"(?=[{_UPPER}{firsts}])"
    body = _PHRASE_RE.pattern.replace("{hons}", trie_pattern(hons, space=" ")).replace("{lone}", lone)
    return re.compile(lead + body)


# The function words that most often open a sentence (80% of those the phrase pattern finds in
# fiction); a pattern of all 600 would take longer to compile than it saves on a short work.
_FREQUENT_OPENERS = (
    "he the it she you but and there they what that no we in well if my oh now this yes why so how as when "
    "then at his not her all for to do with"
).split()


def _not_lone_stop_word() -> str:
    """A lookahead refusing a one-word phrase that `_occurrence` drops: a single letter ("I") or
    a frequent function word ("The", "She"), not followed by more of a name ("The Doctor")."""
    stop = sorted(w for w in _FREQUENT_OPENERS if w in words("not_names"))
    word = rf"(?:(?ai:{trie_pattern(stop)})|[{_UPPER}])"
    return rf"(?!{word}(?![{_UPPER}{_LOWER}])(?!'[{_UPPER}]?[{_LOWER}]{{2,}}|-[{_UPPER}]?[{_LOWER}]+)(?!{_MORE_NAME}))"


_COMPILED: dict[bool, re.Pattern[str]] = {}


def phrase_re(skip_stop_words: bool = False) -> re.Pattern[str]:
    """The name-phrase pattern; with ``skip_stop_words``, phrases `_occurrence` would drop as
    function words or single letters are not matched at all (half the phrases of a story)."""
    if skip_stop_words not in _COMPILED:
        _COMPILED[skip_stop_words] = _phrase_re(_not_lone_stop_word() if skip_stop_words else "")
    return _COMPILED[skip_stop_words]


@dataclass(slots=True, init=False)
class Occurrence:
    """One capitalised name phrase in the text."""

    start: int
    end: int
    honorific: str | None
    tokens: tuple[str, ...]
    initial: bool
    in_quote: bool
    speech: bool = False
    titled: bool = False
    vocative: bool = False
    subject: bool = False
    place: bool = False
    article: bool = False  # "the Maidan", "the Ministry": a thing, or a title used as a name
    addressed: bool = False  # "said to Carl", "smiled at Gino": someone spoken or turned to
    read: bool = False  # "read Udolpho", "a reader of Camilla": a book, not a person

    # Written out, as in ficlens.model: the compiled build compiles it; the generated one runs interpreted.
    def __init__(self, start: int, end: int, honorific: str | None, tokens: tuple[str, ...], initial: bool,
                 in_quote: bool, speech: bool = False, titled: bool = False, vocative: bool = False,
                 subject: bool = False, place: bool = False, article: bool = False, addressed: bool = False,
                 read: bool = False) -> None:
        self.start = start
        self.end = end
        self.honorific = honorific
        self.tokens = tokens
        self.initial = initial
        self.in_quote = in_quote
        self.speech = speech
        self.titled = titled
        self.vocative = vocative
        self.subject = subject
        self.place = place
        self.article = article
        self.addressed = addressed
        self.read = read

    @property
    def key(self) -> str:
        return " ".join(self.tokens)


class LowerWordCounts:
    """How often each word is written in lower case in ``text``, as `_LOWER_WORD_RE` finds them.

    A short work asks about a few words only: each is counted when first asked about, by
    looking for it alone. A story that asks about many words has them all counted at once."""

    _LAZY_LIMIT = 16

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._counts: dict[str, int] = {}
        self._all_counted = False

    def get(self, word: str, default: int = 0) -> int:
        n = self._counts.get(word)
        if n is None and not self._all_counted:
            if len(self._counts) < self._LAZY_LIMIT:
                n = self._counts[word] = _count_lower_word(self._text, word)
            else:
                self._counts = Counter(_LOWER_WORD_RE.findall(self._text))
                self._all_counted = True
                n = self._counts.get(word)
        return n if n else default


_LOWER_WORD_FULL_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _count_lower_word(text: str, word: str) -> int:
    """How many of `_LOWER_WORD_RE`'s matches in ``text`` are ``word``. A match starts at each
    lower-case letter that follows neither a word character nor an apostrophe (never inside an
    earlier match), so each place ``word`` is written can be checked alone."""
    if not _LOWER_WORD_FULL_RE.fullmatch(word):
        return 0
    n = 0
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        if not (before.isalnum() or before in "_'") and _match_ends_at(text, at + len(word), "'" in word):
            n += 1
        at = text.find(word, at + 1)
    return n


def _match_ends_at(text: str, end: int, has_apostrophe: bool) -> bool:
    """Whether a `_LOWER_WORD_RE` match running up to ``end`` stops there, at the end of a word."""
    nxt = text[end : end + 1]
    if _wordy(nxt):
        return False
    if has_apostrophe or nxt != "'":
        return True
    # "don" of "don't" runs on into the apostrophe and its letters when a word ends after them
    tail = _APOSTROPHE_TAIL_RE.match(text, end)
    return tail is None or _wordy(text[tail.end() : tail.end() + 1])


_APOSTROPHE_TAIL_RE = re.compile(r"'[a-z]+")


def _wordy(ch: str) -> bool:
    """Whether ``ch`` is a character regular expressions' ``\\w`` matches."""
    return ch.isalnum() or ch == "_"


@dataclass
class NameStats:
    """Counts over the whole body that say whether a capitalised word is a name."""

    cap_mid: Counter = field(default_factory=Counter)
    cap_initial: Counter = field(default_factory=Counter)
    lower: LowerWordCounts = field(default_factory=LowerWordCounts)
    occurrences: list[Occurrence] = field(default_factory=list)


def _is_initial(text: str, start: int, floor: int) -> bool:
    """True when the word at ``start`` begins a sentence (or a quotation)."""
    i = start - 1
    while i >= floor and (text[i].isspace() or text[i] in _OPENERS):
        if text[i] == '"':
            before = text[i - 1] if i > floor else " "
            return before.isspace() or before in ".!?"
        i -= 1
    return i < floor or text[i] in ".!?:"


def _next_word(text: str, pos: int, limit: int) -> str:
    m = _WORD_RE.search(text, pos, min(limit, pos + 40))
    if not m or text[pos : m.start()].strip(_BETWEEN_WORDS):
        return ""
    return m.group().lower()


def _prev_word(text: str, pos: int, floor: int) -> str:
    seg = text[max(floor, pos - 40) : pos]
    tail = seg.rstrip(_BETWEEN_WORDS)
    last = tail.rsplit(None, 1)[-1] if tail and not tail[-1].isspace() else ""
    if _WORD_RE.fullmatch(last):
        return last.lower()  # the usual case, one word after a space: no need to read the others
    ms = list(_WORD_RE.finditer(seg))
    if not ms or seg[ms[-1].end() :].strip(_BETWEEN_WORDS):
        return ""
    return ms[-1].group().lower()


def _reads_of(text: str, pos: int, floor: int) -> bool:
    return _READING_OF.search(text, max(floor, pos - 30), pos) is not None


def _addressed(text: str, pos: int, floor: int, prev: str, verbs: frozenset[str]) -> bool:
    """ "said to Carl", "smiled at Gino": after a speech verb or a gesture, "to" and "at" lead to
    a person, not a place."""
    if prev not in ("to", "at"):
        return False
    m = _TURNED_TO_RE.search(text, max(floor, pos - 40), pos)
    return m is not None and m.group(1).lower() in verbs


def _occurrence(
    text: str,
    m: re.Match[str],
    para_start: int,
    quotes: list[tuple[int, int]],
    qstarts: list[int],
    stop: frozenset[str],
    stats: NameStats,
) -> Occurrence | None:
    """The name occurrence a phrase match stands for, with word counts updated; None if not a name."""
    hon, name = m.group("hon", "name")
    if hon is None and _one_word(name):
        if name.lower() in stop or len(name) == 1:
            return None  # "The", "I": half the phrases found are function words opening a sentence
        if month_word_not_name(text, *m.span("name")):
            return None  # "in May", "June 1912"
        return _word_occurrence(text, m, para_start, quotes, qstarts, stats)
    # "Mrs. van der Luyden": particles after a title belong to the name.
    name_at = m.start("pre") if m.group("pre") else m.start("name")
    spans = [(t.start(), t.end()) for t in _TOKEN_RE.finditer(text, name_at, m.end("name"))]
    tokens = [text[a:b] for a, b in spans]
    tokens[-1] = without_suffix(tokens[-1])  # "Shoto Todoroki-kun" is Shoto Todoroki
    k = bisect.bisect_right(qstarts, m.start()) - 1
    in_quote = k >= 0 and quotes[k][0] <= m.start() < quotes[k][1]
    floor = quotes[k][0] if in_quote else para_start
    initial = hon is None and _is_initial(text, m.start(), floor)
    # A sentence-initial function word glued to a name ("When Derek", "Oh Mark"), but not the
    # first word of a place ("New York").
    while len(tokens) > 1 and tokens[0].lower() in stop and not _opens_place(tokens):
        initial = False
        tokens, spans = tokens[1:], spans[1:]
    while len(tokens) > 1 and tokens[-1].lower() in stop and not (hon and len([t for t in tokens if t[0].isupper()]) == 1):
        tokens, spans = tokens[:-1], spans[:-1]
    hon_at = m.start()
    if hon and spans[0][0] != name_at:
        hon = None  # words between the title and the name were dropped
    if hon is None and len(tokens) > 1 and tokens[0].lower().rstrip(".") in honorifics():
        # A title the phrase pattern did not take as one ("Uncle Percy", "Miss" after a line break).
        hon, hon_at = tokens[0].rstrip("."), spans[0][0]
        tokens, spans = tokens[1:], spans[1:]
    for i in range(1, len(tokens)):
        if tokens[i].lower().rstrip(".") in honorifics():
            # Two names run together: "Miss Woodhouse Miss Taylor's".
            tokens, spans = tokens[:i], spans[:i]
            break
    if len(tokens) == 1 and (tokens[0].lower() in stop or len(tokens[0]) == 1 or (hon is None and month_word_not_name(text, *spans[0]))):
        return None
    if not any(t[0].isupper() for t in tokens):
        return None  # only particles left ("Mr. de" of "Mr. de Winter", Winter taken for the season)
    caps = [t for t in tokens if t[0].isupper()]
    if initial:
        stats.cap_initial[caps[0]] += 1
        caps = caps[1:]
    for t in caps:
        stats.cap_mid[t] += 1
    start = hon_at if hon else spans[0][0]
    end = spans[-1][1]
    return Occurrence(start, end, hon.lower() if hon else None, tuple(tokens), initial, in_quote)


def _one_word(name: str) -> bool:
    return " " not in name and "\n" not in name and "\t" not in name


def _word_occurrence(
    text: str,
    m: re.Match[str],
    para_start: int,
    quotes: list[tuple[int, int]],
    qstarts: list[int],
    stats: NameStats,
) -> Occurrence | None:
    """`_occurrence` for the common case of one capitalised word without a title that is not a
    function word (same result)."""
    word = without_suffix(m.group("name"))  # "Todoroki-kun" is Todoroki
    start, end = m.span("name")
    k = bisect.bisect_right(qstarts, start) - 1
    in_quote = k >= 0 and quotes[k][0] <= start < quotes[k][1]
    initial = _is_initial(text, start, quotes[k][0] if in_quote else para_start)
    if initial:
        stats.cap_initial[word] += 1
    else:
        stats.cap_mid[word] += 1
    return Occurrence(start, end, None, (word,), initial, in_quote)


def _opens_place(tokens: list[str]) -> bool:
    return " ".join(tokens[:2]).lower() in words("places")


def _is_vocative(text: str, occ: Occurrence, quotes: list[tuple[int, int]], qstarts: list[int]) -> bool:
    """A name said to someone: "Mark, wait." or "Look, Mark!" or "Thanks, Dr. Bailey."."""
    k = bisect.bisect_right(qstarts, occ.start) - 1
    q_start, q_end = quotes[k]
    before = text[q_start : occ.start].rstrip().rstrip(_EMPHASIS).rstrip()  # "*Mark*, wait."
    after = text[occ.end : q_end].lstrip().lstrip(_EMPHASIS).lstrip()
    opens = not before or before[-1] in ",!?."
    closes = not after or after[0] in ",!?.;-"
    alone = not before and len(after) <= 1  # "Friend!" alone may be a word said, not a person called
    return opens and closes and not after.startswith("'s") and not alone


# Titles written short with a full stop ("Mr.", "Dr.", "Col."); after any other title a full stop
# ends the sentence.
_ABBREVIATED = frozenset("mr mrs ms mme mlle m dr prof capt cap col gen lt sgt det fr rev st".split())


def _sentence_ends_after_title(text: str, m: re.Match[str]) -> bool:
    hon = m.group("hon")
    return bool(hon) and text.startswith(".", m.end("hon")) and hon.lower() not in _ABBREVIATED


def _title_closing(text: str, m: re.Match[str], stop: frozenset[str]) -> int | None:
    """Where the title starts in a phrase of function words closed by an abbreviated title ("When
    Mr" of "When Mr. Cole had gone", "But Mrs" of "But Mrs. Weston said"): the full stop cut the
    name off, and the title belongs to the name after it. None for any other phrase."""
    if m.group("hon") is not None or not text.startswith(".", m.end()):
        return None
    words = m.group("name").split()
    if len(words) < 2 or words[-1].lower() not in _ABBREVIATED or any(w.lower() not in stop for w in words[:-1]):
        return None
    return m.end() - len(words[-1])


def scan(doc: Document) -> NameStats:
    """Every name-phrase occurrence in the body paragraphs, with cues and word counts."""
    stats = find_occurrences(doc)
    add_cues(doc, stats)
    return stats


def find_occurrences(doc: Document) -> NameStats:
    """Every name-phrase occurrence in the body paragraphs, with word counts but no cues yet."""
    text = _dashes_kept(doc.text, doc.view("plain").text)
    quotes = sorted((q.start, q.end) for q in doc.quotes)
    qstarts = [q[0] for q in quotes]
    stop = words("not_names")
    body = doc.body_paragraphs()
    stats = NameStats(lower=LowerWordCounts(_lower_case_source(text, doc, body)))
    pattern = phrase_re(skip_stop_words=True)
    found = stats.occurrences
    for p in body:
        taken = p.start  # the end of the last phrase, when a title took the name after it
        for m in pattern.finditer(text, p.start, p.end):
            if m.start() < taken:
                continue
            if m.group("hon") is not None:
                if _sentence_ends_after_title(text, m):
                    # "the van der Luydens' Duke.  New York took…": the name starts a new sentence. A function
                    # word alone is not matched again: the match with the title stands, dropped all the same.
                    m = pattern.match(text, m.start("pre") if m.group("pre") else m.start("name"), p.end) or m
            elif text.startswith(".", m.end()) and (title_at := _title_closing(text, m, stop)) is not None:
                m = pattern.match(text, title_at, p.end) or m
                taken = m.end()
            occ = _occurrence(text, m, p.start, quotes, qstarts, stop, stats)
            if occ is not None:
                found.append(occ)
    return stats


def _lower_case_source(text: str, doc: Document, body: list) -> str:
    """The body paragraphs joined by newlines, the words of chat lines blanked: chat is typed in
    lower case ("it's a fern, ted"), which says nothing about whether "Ted" is a name in the prose."""
    chat = sorted((q.start, q.end) for q in doc.quotes if q.rule in chat_people.RULES)
    if not chat:
        return "\n".join(text[p.start : p.end] for p in body)
    starts = [s for s, _ in chat]
    out = []
    for p in body:
        seg = text[p.start : p.end]
        for s, e in chat[bisect.bisect_left(starts, p.start) : bisect.bisect_left(starts, p.end)]:
            e = min(e, p.end)
            seg = seg[: s - p.start] + " " * (e - s) + seg[e - p.start :]
        out.append(seg)
    return "\n".join(out)


_DASH_RE = re.compile("[\u2013\u2014\u2015]")


def _dashes_kept(text: str, plain: str) -> str:
    """The plain view with the dashes of ``text`` put back: a name runs on over a hyphen
    ("Jean-Luc"), never over a dash ("Tobias\u2014wait", "Wait\u2014Tobias!")."""
    pieces: list[str] = []
    last = 0
    for m in _DASH_RE.finditer(text):
        pieces += (plain[last : m.start()], m.group())
        last = m.end()
    return "".join(pieces) + plain[last:] if pieces else plain


@cache
def _speaking_words() -> frozenset[str]:
    return words("speech_verbs") | words("beat_verbs")


def add_cues(doc: Document, stats: NameStats) -> None:
    """The cues around each occurrence of ``stats`` (the characters step first drops those a
    roster alias or a description covers)."""
    text = doc.view("plain").text
    quotes = sorted((q.start, q.end) for q in doc.quotes)
    qstarts = [q[0] for q in quotes]
    speech = _speaking_words()
    actions = words("action_verbs")
    preps = words("place_preps")
    place_words = words("place_words")
    body = doc.body_paragraphs()
    para_starts = [p.start for p in body]
    for occ in stats.occurrences:
        p = body[bisect.bisect_right(para_starts, occ.start) - 1]
        nxt = _next_word(text, occ.end, p.end)
        prev = _prev_word(text, occ.start, p.start)
        # "said Mark", "Mark said"; but "called Scrabble" and "named Anna" name, not speak.
        occ.speech = nxt in speech or (prev in speech and prev not in _NAMING)
        occ.subject = nxt in actions or (nxt.endswith("ed") and len(nxt) > 3)
        # "at Beaufort's" is a house, but Beaufort is still a person.
        possessive = text.startswith("'s", occ.end) or text.startswith("s'", occ.end - 1)
        occ.addressed = _addressed(text, occ.start, p.start, prev, speech)
        occ.place = (prev in preps and not possessive and not occ.addressed) or nxt in place_words
        occ.article = prev in ("the", "a", "an") and occ.honorific is None
        occ.read = not possessive and (
            prev in _READING
            or (prev == "of" and _reads_of(text, occ.start, p.start))
            or (prev in _DETERMINERS and _READING_THE.search(text, max(p.start, occ.start - 30), occ.start) is not None)
        )
        if occ.read:
            occ.speech = False  # "read his Bible, said his prayers": a book does not say them
        occ.titled = occ.honorific is not None and occ.honorific not in ("st", "saint")
        if occ.in_quote:
            occ.vocative = _is_vocative(text, occ, quotes, qstarts)


def drop_covered(stats: NameStats, spans: list[tuple[int, int]]) -> None:
    """Remove name occurrences that lie inside ``spans`` (sorted)."""
    if not spans:
        return
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    kept = []
    for occ in stats.occurrences:
        k = bisect.bisect_right(starts, occ.end - 1) - 1
        if k >= 0 and spans[k][1] > occ.start:
            continue
        kept.append(occ)
    stats.occurrences = kept
