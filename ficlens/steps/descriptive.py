"""Characters known by a description: "said the Hatter", "the policeman asked".

Many people in a story are never named: the Mock Turtle, the landlady, the
General, the policeman who keeps turning up. A description that is the
subject of speech tags again and again stands for one person. `find` collects
descriptions seen as tag subjects at least `_MIN_TAGS` times, or once and used
`_MIN_USES_ONE_TAG` times in all, and every place the story uses them. Generic
words that point to different people at different times ("the man", "the girl",
"the stranger") are left to the epithet resolver.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from ficlens.lexicon import pairs, words
from ficlens.model import Document
from ficlens.steps import grouping, names
from ficlens.steps.roster_match import trie_pattern
from ficlens.steps.tags_speech import EPITHET_NOUNS

_MIN_TAGS = 2
# ... or one tag and this many uses: "the landlady" the story keeps coming back to is someone.
_MIN_USES_ONE_TAG = 6
# Words for anyone (and kin, which `kinship` reads): never one person's name. Roles such as
# "the landlady" or "the doctor" usually are, within one story.
GENERIC = frozenset(
    """man woman boy girl gentleman lady child kid stranger fellow person guy gal lad youth teen teenager
    one other others rest same first second third last former latter whole two three both voice
    people party company crowd family group room house door thing things way day night time
    reply answer question words word end father mother papa mama mamma husband wife brother sister
    son daughter aunt uncle cousin grandmother grandfather friend partner""".split()
)
_NOUN = r"[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+){0,2}"  # "sea-cook", "aide-de-camp"
# Words that end a description rather than belong to it: "said the parlourmaid to Leonard".
_ENDS = frozenset(
    """the a an to and but or nor in on at with of for from as after before then again who whom which that when
    while into upon over under through across toward towards at by so yet not now still once""".split()
)
# "the gentleman in the white waistcoat": an anyone-word made one person by what follows it.
_QUALIFIABLE = frozenset("man woman gentleman lady boy girl fellow person youth child".split())
_QUALIFIERS = ("in", "with")


@dataclass
class Description:
    """A description used as a person's name, e.g. ``the Mock Turtle``."""

    phrase: str  # as the story most often writes it, without "the"
    tags: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"The {self.phrase}" if self.phrase[0].isupper() else f"the {self.phrase}"


def _verbs() -> str:
    """Any speech verb, the longest that fits first (as an alternation sorted by length would)."""
    return trie_pattern(sorted(words("speech_verbs")), space=" ")


@cache
def _tag_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Tags after a quote ('", said the Hatter', '", the Hatter said') and before it."""
    verbs = _verbs()
    after = re.compile(rf"^[\s,\-]*(?:{verbs})\s+the\s+(?P<x>{_NOUN}(?:\s+{_NOUN}){{0,5}})")
    before = re.compile(rf"^[\s,\-]*the\s+(?P<x>{_NOUN}(?:\s+{_NOUN}){{0,5}}?)\s+(?:{verbs})\b")
    # 'The subaltern called, "Stand up."': a tag that leads into its quote.
    leading = re.compile(rf"^.*\b[Tt]he\s+(?P<x>{_NOUN}(?:\s+{_NOUN}){{0,5}}?)\s+(?:{verbs})\s*[,:]?\s*$", re.DOTALL)
    return after, before, leading


@cache
def _verb_last_words() -> frozenset[str]:
    return frozenset(v.split()[-1] for v in words("speech_verbs"))


def _ends_in(seg: str, last_words: frozenset[str]) -> bool:
    """Whether ``seg`` ends in one of ``last_words``, then spaces and at most a comma or colon, as a
    leading tag does ('The subaltern called, ')."""
    tail = seg.rstrip()
    if tail.endswith((",", ":")):
        tail = tail[:-1].rstrip()
    parts = tail.rsplit(None, 1)
    return bool(parts) and parts[-1] in last_words


def find(doc: Document, quotes: list[tuple[int, int]]) -> list[Description]:
    """Descriptions that serve as names (see the module docstring)."""
    text = doc.view("plain").text
    after, before, leading = _tag_patterns()
    last_words = _verb_last_words()
    counts: Counter = Counter()
    spelled: dict[str, Counter] = defaultdict(Counter)
    for start, end in quotes:
        for pattern, seg in ((after, text[end : end + 100]), (before, text[end : end + 100]), (leading, text[max(0, start - 100) : start])):
            if pattern is leading and not _ends_in(seg, last_words):
                continue  # no leading tag: a quick test that spares the pattern's slow search
            m = pattern.match(seg) if pattern is not leading else pattern.search(seg)
            tokens = m.group("x").split() if m else []
            phrase = _description(tokens) if tokens else None
            # Before its verb the description is all of "the ... said", not a part of it.
            if phrase and (pattern is after or phrase.lower() == " ".join(tokens).lower()):
                counts[phrase.lower()] += 1
                spelled[phrase.lower()][phrase] += 1
    found = []
    articles: _Articles | None = None
    for key, n in counts.items():
        phrase = spelled[key].most_common(1)[0][0]
        d = Description(phrase, tags=n)
        articles = articles or _Articles(text, doc.body_paragraphs())
        d.spans = articles.uses(phrase)
        if n >= _MIN_TAGS or len(d.spans) >= _MIN_USES_ONE_TAG:
            found.append(d)
    return found


# Where a description can be used: "the" in any case (a description in lower case is looked for
# in any case) and a space. Spelled out letter by letter, the search skips quickly to each "t".
_THE_RE = re.compile(r"[Tt][Hh][Ee]\s+")


class _Articles:
    """Every "the" of the body paragraphs, filed under the first two letters of the word after it,
    to find where a description is used without searching every paragraph for every description."""

    def __init__(self, text: str, paragraphs: list) -> None:
        self.text = text
        # (paragraph number, where "the" is, paragraph end) by the next word's first two letters
        self.by_lead: dict[str | None, list[tuple[int, int, int]]] = defaultdict(list)
        for k, p in enumerate(paragraphs):
            for m in _THE_RE.finditer(text, p.start, p.end):
                self.by_lead[_lead(text[m.end() : m.end() + 2])].append((k, m.start(), p.end))

    def uses(self, phrase: str) -> list[tuple[int, int]]:
        """The spans of "the <phrase>" in each paragraph, in order, as ``pattern.finditer`` over
        each paragraph finds them."""
        pattern = _use_pattern(phrase)
        lead = _lead(phrase.split()[0][:2])
        if lead is None or len(lead) < 2:
            candidates = sorted(at for group in self.by_lead.values() for at in group)
        else:
            # Letters outside ASCII may match a letter of the phrase in another case ("K" for "k").
            candidates = sorted(self.by_lead.get(lead, []) + self.by_lead.get(None, []))
        spans: list[tuple[int, int]] = []
        taken = (-1, -1)  # paragraph and end of the last use: uses do not overlap
        for k, at, end in candidates:
            if k == taken[0] and at < taken[1]:
                continue
            m = pattern.match(self.text, at, end)
            if m:
                spans.append(m.span())
                taken = (k, m.end())
        return spans


def _use_pattern(phrase: str) -> re.Pattern[str]:
    """ "the <phrase>", its words apart by any space; in any case if the phrase is in lower case."""
    words_ = r"\s+".join(re.escape(w) for w in phrase.split())
    return re.compile(r"\b[Tt]he\s+" + words_ + r"\b", re.IGNORECASE if phrase.islower() else 0)


def _lead(letters: str) -> str | None:
    """The first two characters of a word in lower case; None outside ASCII, where a letter may
    match one of another case that does not lower-case to it."""
    return letters.lower() if letters.isascii() else None


def _noun_phrase(tokens: list[str]) -> list[str]:
    """The words of a description up to the first that ends it: "parlourmaid" of "parlourmaid to",
    "white waistcoat"; a capitalised word after a lowercase one starts something else, unless it
    names a people ("the young American")."""
    out: list[str] = []
    for tok in tokens[:3]:
        if _ends_phrase(tok) or (out and out[-1].islower() and tok[0].isupper() and tok.lower() not in words("demonyms")):
            break
        out.append(tok)
    return out


def _ends_phrase(token: str) -> bool:
    low = token.lower()
    return low in _ENDS or low.endswith("ly") or low in words("speech_verbs")


def _description(tokens: list[str]) -> str | None:
    """The description a tag's words after "the" begin with, or None when it is no one's name."""
    head_phrase = _noun_phrase(tokens)
    if not head_phrase:
        return None
    head = head_phrase[-1].lower()
    rest = tokens[len(head_phrase) :]
    if head in _QUALIFIABLE and len(rest) >= 3 and rest[0] in _QUALIFIERS and rest[1] == "the":
        tail = _noun_phrase(rest[2:])
        if tail and tail[-1].lower() not in GENERIC:
            return " ".join([*head_phrase, rest[0], "the", *tail])
    # "said the Grandmother", a hundred times over: written with a capital, a word for anyone is one
    # person's name.
    named_so = head_phrase[-1][0].isupper() and head in EPITHET_NOUNS
    # "the hump-backed man": a compound adjective makes an anyone-word one person, as "old" does not.
    marked = head in _QUALIFIABLE and len(head_phrase) >= 2 and "-" in head_phrase[-2]
    if (head in GENERIC and not named_so and not marked) or head in words("speech_verbs") or head in words("not_names"):
        return None
    return " ".join(head_phrase)


def description_entities(doc: Document, stats: names.NameStats, taken: list[tuple[int, int]]) -> list[grouping.Entity]:
    """People known by a description ("the Hatter"), outside what a roster already matched."""
    outer = [q.outer for q in doc.quotes]
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    out = []
    for d in find(doc, outer):
        spans = []
        for s, e in d.spans:
            k = bisect.bisect_right(starts, e - 1) - 1
            if not (k >= 0 and taken[k][1] > s):
                spans.append((s, e))
        if len(spans) >= 2:
            # "the March Hare" is also plain "March Hare"; "the landlady" is not "landlady".
            also = [d.phrase] if d.phrase[0].isupper() else []
            also += _titled_name(doc.text, d.phrase, spans[0][0])
            out.append(grouping.Entity(found=[(s, e, doc.text[s:e]) for s, e in spans], label=d.name, aliases=also))
    names.drop_covered(stats, [(s, e) for ent in out for s, e, _ in ent.found])
    return out


_TITLED_NEAR = 3000  # characters


def _titled_name(text: str, phrase: str, first: int) -> list[str]:
    """ "the duchess" is the Duchess of Harley when the story names her so where, or shortly
    before, it first calls someone "the duchess"."""
    words_ = phrase.split()
    if len(words_) != 1 or words_[0].lower() not in pairs("standalone_titles"):
        return []
    title = words_[0].capitalize()
    pattern = re.compile(rf"\b{title} (?:of )?[A-Z][a-z]+(?: [A-Z][a-z]+)?")
    found = [m for m in pattern.finditer(text, max(0, first - _TITLED_NEAR), first + 80) if m.start() <= first + 4]
    return [found[-1].group()] if found else []


_LIST_GOES_ON = re.compile(r",\s+(?:and\s+)?[A-Z]|\s+and\s+[A-Z]")


def link_descriptions(text: str, described: list[grouping.Entity], named: list[grouping.Entity]) -> list[grouping.Entity]:
    """Fold a description into the named character it is set beside ("Mr. Bumble, the beadle",
    "the Jew, Fagin", "Fagin the Jew"); return the descriptions that stay characters of their own."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    span_end: dict[int, int] = {}
    for i, e in enumerate(named):
        for f in e.forms:
            for o in f.occurrences:
                starts[o.start] = i
                ends[o.end] = i
                span_end[o.start] = o.end
        for s, end, _ in e.found:
            starts[s] = i
            ends[end] = i
            span_end[s] = end
    keep = []
    for d in described:
        votes: Counter = Counter()
        for s, end, _ in d.found:
            right = end + (2 if text.startswith(", ", end) else 0)
            if right != end and right in starts and not _LIST_GOES_ON.match(text, span_end[right]):
                votes[starts[right]] += 1  # "the beadle, Mr. Bumble"; not "the Nawab Bahadur, Hamidullah, Mahmoud Ali"
            # "Mr. Bumble, the beadle," -- an apposition closes; "Polina, the General's" is not one.
            if text[end : end + 1] not in (",", ".", ";", ":", "!", "?", ")"):
                continue
            for gap in (2, 1):
                if text[s - gap : s] in (", ", " ") and (s - gap) in ends and (gap == 2 or text[s - 1] == " "):
                    votes[ends[s - gap]] += 1
                    break
        top = votes.most_common(1)
        # One chance apposition does not make a description that recurs often someone's alias.
        if top and (top[0][1] >= 2 or len(d.found) <= 10):
            target = named[top[0][0]]
        else:
            target = _title_holder(d, named) or _named_as(d, named)
        if target is not None:
            target.found.extend(d.found)
            target.aliases.append(d.label or "")
        else:
            keep.append(d)
    return merge_described(keep)


def _named_as(described: grouping.Entity, named: list[grouping.Entity]) -> grouping.Entity | None:
    """ "the General" is General Haig when the story names him so (`_titled_name`) and General Haig
    is a character of his own."""
    aliases = {a.lower() for a in described.aliases}
    holders = [e for e in named if any(f.text.lower() in aliases for f in e.forms)]
    return holders[0] if len(holders) == 1 else None


def _title_holder(described: grouping.Entity, named: list[grouping.Entity]) -> grouping.Entity | None:
    """ "the good doctor" is Doctor Losberne when he is the one person the story names with that
    title, or named with it `grouping.DOMINANT` times as often as anyone else ("the general" is
    General Tilney, not a General Courteney said once). A capitalised title stands alone as a name
    ("the Doctor", "the General"): never."""
    head = (described.label or "").split()[-1:]
    if not head or head[0] not in pairs("honorifics"):  # the lexicon's titles are in lower case
        return None
    key = grouping.title_key(head[0])
    titled = [(sum(f.count for f in e.forms if f.honorific and grouping.title_key(f.honorific) == key), e) for e in named]
    return grouping.dominant([t for t in titled if t[0]])


def merge_described(described: list[grouping.Entity]) -> list[grouping.Entity]:
    """ "the Rabbit" is "the White Rabbit" when the longer description is the only one ending so."""
    by_label = {d.label.lower(): d for d in described if d.label}
    out = []
    for d in described:
        words_ = (d.label or "").lower().split()
        longer = [k for k in by_label if k != d.label.lower() and k.endswith(" " + " ".join(words_[1:]))] if d.label else []
        if d.label and len(longer) == 1:
            target = by_label[longer[0]]
            target.found.extend(d.found)
            target.aliases.append(d.label)
        else:
            out.append(d)
    return out
