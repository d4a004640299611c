"""Step `quotes`: find every quotation of speech in the story body.

The document's quotation style is decided first (double quotes, single quotes,
guillemets or dash-led paragraphs); then each body paragraph is scanned with a
small state machine over its quotation marks. Straight marks take their
direction from their neighbours; curly marks keep theirs unless the text plainly
contradicts them. Recovery for sloppy text stays inside the paragraph: a quote
that is never closed ends at the paragraph's end, and a paragraph whose speech
runs on is linked to the next one when that one re-opens the quote.

Quotation marks of the other style inside a quote are nested quotations and stay
part of it. Apostrophes (don't, the Potters', 'em, nothin') are told from single
quotation marks by their neighbours and a list of elisions. Quotes that are not
speech (the word "love", a song called "Yellow") are dropped where the text shows
it: a short quote inside a narration sentence, with no speech punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficlens.lexicon import words
from ficlens.model import Document, Paragraph, Quote, Span

_DOUBLE = {"\u201c": "open", "\u201e": "open", "\u201f": "open", "\u201d": "close", '"': "ambig", "\uff02": "ambig"}
_SINGLE = {"\u2018": "open", "\u201a": "open", "\u201b": "open", "\u2019": "close", "'": "ambig"}
_FRENCH = {"\u00ab": "open", "\u00bb": "close"}
_GERMAN = {"\u00bb": "open", "\u00ab": "close"}
_DASHES = "\u2014\u2015\u2013"
_DASH_OPENERS = (*_DASHES, "--")  # what a dash-led paragraph of speech starts with

_ROLES = {"double": _DOUBLE, "single": _SINGLE, "french": _FRENCH, "german": _GERMAN}

_OPEN_BEFORE = set("([{\u2014\u2013-/:*_~")
_CLOSE_AFTER = set(",.;:!?)]}\u2014\u2013-\u2026*_~")

_ELISIONS = frozenset(
    """em tis twas twere twill cause cos coz cuz til till bout round n s ere im er e ave ad is alf ome ow ello
    scuse kay sup nuff fraid course member tween neath gainst mongst less fore ear eard appen ouse eart ead
    and urt oo at usband ungry igh imself erself ighness ell orse ow ope old ands ang ome un uns ee eself
    y ya yer d ll ve re t""".split()
)
_CAPITAL_ELISIONS = frozenset("tis twas twere twill cause cos coz cuz bout course fraid nuff scuse member ello ow ere".split())
_TITLE_CUES = frozenset(
    """word words phrase term called named titled entitled nicknamed dubbed labelled labeled so-called
    song book film movie show album poem novel magazine newspaper play episode series game sign reading
    read marked spelled spelt meaning means mean""".split()
)

# Words right before an opening mark that make what follows a title, however long ("a" and "the"
# do not: 'stammered a "No."' is speech).
_NAMED_BY = re.compile(r"\b(?:entitled|titled|title)\s*$")

_MARKS_RE = {
    "double": re.compile('["\u201c\u201d\u201e\u201f\uff02]'),
    "single": re.compile("['\u2018\u2019\u201a\u201b]"),
    "french": re.compile("[\u00ab\u00bb]"),
    "german": re.compile("[\u00ab\u00bb]"),
}
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_LOOK = 200  # characters of narration around a quote that decide whether it is speech


@dataclass(slots=True, init=False)
class _Piece:
    open_at: int | None
    close_at: int | None
    start: int
    end: int
    paragraph: int
    runs_on: bool = False

    # Written out, as in ficlens.model: the compiled build compiles it; the generated one runs interpreted.
    def __init__(self, open_at: int | None, close_at: int | None, start: int, end: int, paragraph: int,
                 runs_on: bool = False) -> None:
        self.open_at = open_at
        self.close_at = close_at
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.runs_on = runs_on


# A single quote that opens a quotation: before a letter, and at the start or after a space,
# bracket or dash. One pattern per mark, each starting with its mark, so the regex engine runs
# from one to the next (faster than through a set of two); the lookbehind reads what stands before.
_SINGLE_OPENER_RES = [re.compile(rf"{mark}(?<![^\s(\[\u2014]{mark})(?=[^\W\d_])") for mark in ("'", "\u2018")]


def _single_openers(seg: str) -> int:
    """How many single quotes open a quotation in ``seg``."""
    return sum(len(pattern.findall(seg)) for pattern in _SINGLE_OPENER_RES)


def _guillemet_openers(text: str, body: list[Paragraph]) -> tuple[int, int]:
    """How many paragraphs open with « (French style) and with » (German style)."""
    french = german = 0
    for p in body:
        first = min((i for i in (text.find("\u00ab", p.start, p.end), text.find("\u00bb", p.start, p.end)) if i >= 0), default=-1)
        if first >= 0:
            french += text[first] == "\u00ab"
            german += text[first] == "\u00bb"
    return french, german


def detect_style(text: str, body: list[Paragraph]) -> str:
    """The quotation style the story uses for speech."""
    if not body:
        return "double"
    seg = "\n".join(text[p.start : p.end] for p in body)
    doubles = sum(seg.count(c) for c in '"\u201c\u201d\u201e')
    singles = _single_openers(seg)
    french, german = _guillemet_openers(text, body) if ("\u00ab" in seg or "\u00bb" in seg) else (0, 0)
    dashes = sum(1 for p in body if text.startswith(_DASH_OPENERS, p.start))
    counts = {"double": doubles / 2, "single": singles * 0.9, "french": french, "german": german, "dash": dashes * 0.8}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] > 0 else "double"


def _context_role(seg: str, i: int) -> str:
    prev = seg[i - 1] if i > 0 else " "
    nxt = seg[i + 1] if i + 1 < len(seg) else " "
    left_open = prev.isspace() or prev in _OPEN_BEFORE
    right_open = nxt.isspace() or nxt in _CLOSE_AFTER
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "ambig"


def _single_role(seg: str, i: int) -> str | None:
    """The role of a single-quote character, or None when it is an apostrophe."""
    prev = seg[i - 1] if i > 0 else " "
    nxt = seg[i + 1] if i + 1 < len(seg) else " "
    if prev.isalnum() and nxt.isalnum():
        return None
    role = _context_role(seg, i)
    if role == "ambig" and (nxt.isspace() or i + 1 >= len(seg)):
        return "close"  # "it's just—' She wrinkled her nose": an opener comes before a word
    if role == "open" or (role == "ambig" and not prev.isalnum()):
        m = _WORD_RE.match(seg, i + 1)
        if nxt.isdigit() and re.match(r"\d\ds\b|\d\d\b", seg[i + 1 : i + 4]):
            return None
        if m and _elided(m.group()) and (m.end() >= len(seg) or not seg[m.end()].isalpha()):
            return "elision"
        return "open"
    return role


def _elided(word: str) -> bool:
    """Whether ``word`` after an apostrophe is what remains of an elided word ('em, 'tis, nothin').
    With a capital only the few that open sentences: 'Tis, 'Twas; 'Is it bad' and 'And soap' open
    quotations."""
    low = word.lower()
    return low in _ELISIONS and (word[0].islower() or low in _CAPITAL_ELISIONS)


def _marks(seg: str, style: str) -> list[tuple[int, str]]:
    """(offset, role) of each quotation mark in ``seg``; roles: open, close, ambig, elision."""
    table = _ROLES[style]
    out = []
    for m in _MARKS_RE[style].finditer(seg):
        i = m.start()
        if style == "single":
            role = _single_role(seg, i)
            if role is None:
                continue
            if role == "ambig" and table[seg[i]] != "ambig":
                role = table[seg[i]]
        else:
            role = table[seg[i]]
            if role == "ambig":
                role = _context_role(seg, i)
        out.append((i, role))
    return out


def _is_weak_close(seg: str, i: int) -> bool:
    """A closing single quote after a letter that continues the clause: s' or in'."""
    prev = seg[i - 1] if i > 0 else " "
    if not prev.isalpha():
        return False
    rest = seg[i + 1 : i + 3]
    return len(rest) == 2 and rest[0] == " " and rest[1].isalpha()


def _pair(seg: str, marks: list[tuple[int, str]], style: str) -> list[tuple[int | None, int | None, int]]:
    """Pair marks into (open, close, content end) offsets in ``seg``; None where a mark is missing."""
    pairs: list[tuple[int | None, int | None, int]] = []
    open_at: int | None = None
    for k, (i, role) in enumerate(marks):
        if open_at is None:
            if role in ("open", "ambig") or (role == "elision" and (i == 0 or _resumes(seg, pairs, marks, k))):
                open_at = i
            elif role == "close" and not pairs and _looks_like_speech_end(seg, i):
                pairs.append((None, i, i))
            continue
        if role == "elision":
            continue
        if role == "open":
            if _context_role(seg, i) == "close":
                pairs.append((open_at, i, i))
                open_at = None
            else:
                # An opener while a quote is open: the first one was never closed.
                pairs.append((open_at, None, i))
                open_at = i
            continue
        if style == "single" and _is_weak_close(seg, i) and any(r in ("close", "ambig") for _, r in marks[k + 1 :]):
            continue
        pairs.append((open_at, i, i))
        open_at = None
    if open_at is not None:
        pairs.append((open_at, None, len(seg)))
    return pairs


def _resumes(seg: str, pairs: list, marks: list[tuple[int, str]], k: int) -> bool:
    """Whether the elision-like mark ``marks[k]`` re-opens the speech of a quote closed earlier in
    the paragraph: "'That,' said Gaius, 'is what you said.'" (and a closing mark follows)."""
    return bool(pairs) and pairs[-1][1] is not None and any(r in ("close", "ambig") for _, r in marks[k + 1 :])


def _looks_like_speech_end(seg: str, i: int) -> bool:
    """A closing mark with no opener: speech whose opening mark was forgotten."""
    before = seg[:i].rstrip()
    return bool(before) and before[-1] in ",.!?\u2026\u2014-" and len(before) < 400


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scan_marked(text: str, p: Paragraph, style: str) -> list[_Piece]:
    if _MARKS_RE[style].search(text, p.start, p.end) is None:
        return []  # narration: no mark to pair
    seg = text[p.start : p.end]
    pieces = []
    for open_at, close_at, content_end in _pair(seg, _marks(seg, style), style):
        start, end = _trim(seg, 0 if open_at is None else open_at + 1, content_end)
        if end <= start:
            continue
        pieces.append(
            _Piece(
                None if open_at is None else p.start + open_at,
                None if close_at is None else p.start + close_at,
                p.start + start,
                p.start + end,
                p.index,
                runs_on=close_at is None and content_end == len(seg),
            )
        )
    return pieces


_DASH = r"(?:[\u2014\u2015\u2013]|--)"  # a dash, or two hyphens typed for one
_DASH_TAG_RE = re.compile(rf"\s{_DASH}\s?(?=[^\W\d_]*[a-z])|{_DASH}(?=\s*[.,]?\s*$)")
_DASH_RESUME_RE = re.compile(rf"{_DASH}[.,]?\s+(?=\S)")
# A dash after the end of a sentence or a comma of narration, before a capital: the speech again.
_DASH_AFTER_NARRATION_RE = re.compile(rf"(?<=[.!?,])\s*{_DASH}\s?(?=[A-Z\u00c0-\u00de])")


# A tag set off by commas alone inside dash-led speech: "—Thanks, old chap, he cried briskly.
# That will do nicely." / "—That fellow, said Buck Mulligan, says you have g. p. i."; or after a
# question or a cry: "— Who's awake? whispered Hanne."
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}"
_COMMA_TAG_RE = re.compile(
    rf"[,?!]\s+(?:(?:he|she|I|they|we|{_NAME}|the\s+(?:[a-z]+\s+){{0,2}}[a-z]+)\s+(?P<verb>[a-z]+)"
    rf"|(?P<inverted>[a-z]+)\s+(?:he|she|I|{_NAME}|the\s+(?:[a-z]+\s+){{0,2}}[a-z]+))"
    r"(?P<rest>[^.,;:!?\u2014]{0,40}?)(?:[.,;:]\s+(?=\S)|[.,;:!]?\s*$)"
)
# What follows the verb of a tag is how it was said ("gloomily", "with energy"), not what was
# said: "—Well, John said it was fine." is one line.
_NOT_MANNER = re.compile(r"\s*(?:that|it|you|so|this|what|nothing|something|yes|no|he|she|I|we|they)\b")


def _comma_tag(seg: str, pos: int, limit: int) -> re.Match | None:
    """The first comma tag that starts in ``seg[pos:limit]``."""
    for m in _COMMA_TAG_RE.finditer(seg, pos):
        if m.start() >= limit:
            return None
        verb = m.group("verb") or m.group("inverted")
        if verb in words("speech_verbs") and not _NOT_MANNER.match(m.group("rest")):
            return m
    return None


def _scan_dashed(text: str, p: Paragraph) -> list[_Piece]:
    """Dash-led speech: "— Come up, Kinch!", "—Hola —dijo él—. ¿Y tú?", "-- Out, -- said Elena."
    and "—Thanks, old chap, he cried briskly. That will do nicely."."""
    seg = text[p.start : p.end]
    if not (seg[:1] in _DASHES or seg.startswith("--")):
        return []
    pieces = []
    pos = 2 if seg.startswith("--") else 1
    while pos < len(seg):
        m = _DASH_TAG_RE.search(seg, pos)
        dash_at = m.start() if m else len(seg)
        c = _comma_tag(seg, pos, dash_at) if any(mark in seg[pos:dash_at] for mark in ",?!") else None
        if c:
            start, stop = _trim(seg, pos, c.start() + 1)
            if stop > start:
                pieces.append(_Piece(p.start + pos - 1, None, p.start + start, p.start + stop, p.index))
            pos = c.end()
            # "— Nobody move, said the ferryman. — She's awake." and "— Silver, he said, as if
            # tasting the word. — And who's chasing you?": where a dash comes back after the tag,
            # the speech resumes there (without one, straight after the tag, as in Joyce).
            resume = _DASH_AFTER_NARRATION_RE.search(seg, c.start() + 1)
            if resume and (seg[pos:resume.start()].strip() == "" or seg[c.start() + 1 : c.end()].rstrip().endswith(",")):
                pos = resume.end()
            continue
        end = m.start() if m else len(seg)
        start, stop = _trim(seg, pos, end)
        if stop > start:
            pieces.append(_Piece(p.start + pos - 1, None, p.start + start, p.start + stop, p.index))
        if not m:
            break
        resume = _DASH_RESUME_RE.search(seg[m.end() :])
        if not resume:
            break
        pos = m.end() + resume.end()
    return pieces


def _is_speech(text: str, piece: _Piece, para: Paragraph) -> bool:
    content = text[piece.start : piece.end]
    if not (content[:1].isalpha() or any(c.isalpha() for c in content)):  # mostly a letter first
        return False
    if piece.open_at is None or piece.open_at <= para.start:
        return True
    if _NAMED_BY.search(text, max(para.start, piece.open_at - 12), piece.open_at):
        return False  # 'a tale entitled "Some Cowpunching I Have Seen."'
    ws = _WORD_RE.findall(content)
    if len(ws) > 4 or content[-1] in ",.!?\u2026\u2014-~":
        return True
    before = text[max(para.start, piece.open_at - _LOOK) : piece.open_at].rstrip()
    if not before or before[-1] in ".!?:\u2014\u2013-\u2026\"\u201c\u201d":
        return True
    prev_words = _WORD_RE.findall(before[-40:])
    prev = prev_words[-1].lower() if prev_words else ""
    if prev in _TITLE_CUES:
        return False
    if prev in words("speech_verbs") or before[-1] == ",":
        return True
    after_at = (piece.close_at + 1) if piece.close_at is not None else piece.end
    after = text[after_at : min(para.end, after_at + _LOOK)].lstrip()
    # Embedded in a narration sentence that goes on in lower case: a scare quote or a title.
    return not (after[:1].islower() or after[:1] in ",;)" or (after[:1] in ".!?" and len(ws) <= 3))


def _link(doc: Document, pieces: list[_Piece], quotes: list[Quote]) -> None:
    text = doc.text
    for k in range(1, len(quotes)):
        prev, cur = pieces[k - 1], pieces[k]
        if prev.runs_on and cur.paragraph == prev.paragraph + 1 and cur.open_at is not None:
            gap = text[doc.paragraphs[cur.paragraph].start : cur.open_at]
            if not gap.strip():
                quotes[k].continues = quotes[k - 1].id
        elif cur.paragraph == prev.paragraph and prev.close_at is not None and cur.open_at is not None:
            between = text[prev.close_at + 1 : cur.open_at]
            first = text[prev.start : prev.end]
            # "Well," he said, "maybe." -- a short tag between, and the speech runs on.
            if len(between) < 50 and first[-1:] in ",\u2014\u2013-" and between.strip()[-1:] in (",", "\u2014", "-"):
                quotes[k].continues = quotes[k - 1].id


def find_quotes(doc: Document) -> list[Quote]:
    """The quotations of the body paragraphs, in text order (see the module docstring)."""
    body = doc.body_paragraphs()
    text = doc.text
    style = detect_style(text, body)
    pieces: list[_Piece] = []
    for p in body:
        found = _scan_dashed(text, p) if style == "dash" else _scan_marked(text, p, style)
        if found:  # most paragraphs of narration have none
            pieces.extend(x for x in found if _is_speech(text, x, p))
    quotes = []
    for n, x in enumerate(pieces):
        quotes.append(
            Quote(
                x.start,
                x.end,
                id=f"q{n + 1}",
                paragraph=x.paragraph,
                open_mark=None if x.open_at is None else Span(x.open_at, x.open_at + 1),
                close_mark=None if x.close_at is None else Span(x.close_at, x.close_at + 1),
            )
        )
    _link(doc, pieces, quotes)
    return quotes


def run(doc: Document) -> None:
    doc.quotes = find_quotes(doc)
