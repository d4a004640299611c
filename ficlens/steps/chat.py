"""Step `chat`: chat fics, text messages and script-style dialogue.

Fan works often tell a scene as a group chat, a text thread or a script:

    [10:42] Tony: where r u          **Steve:** on my way         spideyboi: mr stark!!
    Tony (10:42): ...                From: Tony / To: Steve, then the message

Each such line becomes a quote over the words after the colon, exactly as written (emphasis
marks closing what opened before the name are left out); the name before the colon, or after
"From:", says who speaks, through the story's cast list ("ironman = Tony Stark") when it has one.
A reader takes a line of this shape for chat only when the story keeps to it, and so does this
step. A line is read as chat when it is

- in a run of three or more such lines (nothing but blank lines between) in which a name comes
  back; or in a run of two or more by known names (`_Known`: the cast list, the roster, a common
  given name, a name the story uses elsewhere) with a timestamp, emphasised names or talk of
  phones and texts nearby (`_CUE_RE`), or four lines or more;
- by a name of such a run, or a cast-list username, anywhere else in the story (its style);
- a paragraph of its own in narration ("His phone buzzed. / Steve: no") by a known name, with talk of phones,
  texts or screens within a few hundred characters.

Never chat: lines outside the story body (front matter, headings), labels (`_LABELS`: "Summary:",
"Warning:", "Note:", "P.S.:"), "Chapter 1: The Beginning" (no name shape), a narration sentence with
a colon ("He said only one thing: run."), times, a speech tag with a colon ('Tony said: "…"').
A chat line whose words the quotes step found in quotation marks ('Tony: "Hey."') keeps that
quote, which takes the name as its speaker; a quotation inside a line ('he called me "kid"') is
part of the line.

The characters step learns the names (`chat_people.learn`), the speakers step gives the lines
their speakers (`chat_people.attribute`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from ficlens.lexicon import pairs
from ficlens.model import ChatLine, Document, Quote, Span
from ficlens.steps import chat_people
from ficlens.steps.roster_match import trie_pattern

RULES = chat_people.RULES  # the rules of the quotes this step makes; the speakers step keeps them

_TS = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
_MARK = r"\*{1,3}|_{1,2}|~~?"
_NAME = r"@?[^\W\d_][\w'\u2019.\-]{0,29}(?:[ \t][A-Z][\w'\u2019.\-]{0,20}){0,2}"
_LINE_RE = re.compile(
    rf"^[ \t]*(?:(?P<ts>[\[(]{_TS}[\])]|{_TS}(?=[ \t]))[ \t]*(?:[-\u2013\u2014|][ \t]*)?)?"
    rf"(?P<open>{_MARK})?(?P<name>{_NAME})(?:[ \t]*(?P<ts2>[\[(]{_TS}[\])]))?"
    rf"(?P<mid>{_MARK})?[ \t]?:(?P<close>{_MARK})?[ \t]+(?P<text>\S[^\n]*)$",
    re.M,
)
_DIRECTION_RE = re.compile(r"[_*]?\([^)\n]*\)[_*]?[ \t]*")
_HEADER_RE = re.compile(
    rf"^[ \t]*(?P<open>{_MARK})?(?P<label>[Ff]rom|FROM|[Tt]o|TO)(?P<mid>{_MARK})?[ \t]?:(?P<close>{_MARK})?"
    rf"[ \t]*(?P<name>{_NAME})[ \t]*(?:{_MARK})?[ \t\r]*$",
    re.M,
)
# Words before a colon that label a line rather than name a speaker (compared without dots,
# apostrophes and case).
_LABELS = frozenset(
    """a an authors note author note notes nb ps pps edit edited update updated disclaimer summary
    warning warnings cw tw tldr rating rated pairing pairings ship ships fandom fandoms character characters
    tags tag title author by beta prompt spoilers spoiler timeline setting dedication genre genres language
    series category categories words status chapter chapters part prologue epilogue to from re fw fwd
    subject sent date time location place day year month mood music song playlist listening q question
    answer example pros cons verdict result results total score step rule rules objective mission goal
    plan ingredients translation translations reminder fact facts hint key legend cast usernames username
    members he she it they we you i this that there here then now so but and or yes no well also
    monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday morning
    evening night afternoon breakfast lunch dinner pov point view""".split()
)
_CUE_RE = re.compile(
    r"\b(?:[Tt]ext(?:s|ed|ing)?|[Mm]essag\w*|[Pp]hones?|[Cc]ell|[Ss]creen|[Tt]yp(?:ed|ing|es)|[Bb]uzz\w*|"
    r"[Vv]ibrat\w*|[Nn]otification\w*|[Cc]hat\w*|DMs?|[Ii]nbox|[Rr]epl(?:y|ied|ies)|iMessage|WhatsApp|"
    r"Snapchat|Discord|Slack|Skype|[Ss]ent)\b"
)
_CUE_BEFORE, _CUE_AFTER = 500, 250
_NEAR = 100  # a chat line's colon is at most this far into the line (timestamp, emphasis, name)
_WRAP_MIN = 60  # a line this long that stops mid-sentence is hard-wrapped
_LONE_MAX = 300  # characters of a single line in narration read as a text message, at most
_EXCHANGE_GAP = 3  # narration paragraphs between two lines of one exchange, at most


@dataclass(slots=True)
class _Line:
    name: tuple[int, int]
    text: tuple[int, int]
    line: tuple[int, int]  # the whole line, for runs
    key: str
    marked: bool  # a timestamp or emphasis around the name: chat formatting
    rule: str = "script"
    to: tuple[int, int] | None = None
    speaker: str = ""  # the name, through the cast list
    addressee: str | None = None


def _key(name: str) -> str:
    return name.lstrip("@").replace("\u2019", "'").lower()


def _label(name: str) -> bool:
    return re.sub(r"[.'\u2019]", "", name).lower() in _LABELS


def colon_lines(text: str) -> list[int]:
    """The starts of the lines with a colon near their start, the only lines that can be chat lines:
    a pass over the colons, so that prose costs next to nothing."""
    out: list[int] = []
    i = text.find(":")
    while i >= 0:
        start = text.rfind("\n", max(0, i - _NEAR), i) + 1
        if start or i <= _NEAR:
            out.append(start)
        end = text.find("\n", i)
        i = -1 if end < 0 else text.find(":", end)
    return out


def _candidates(doc: Document, at: list[int], skip: list[tuple[int, int]]) -> list[_Line]:
    """Lines of the body shaped as ``Name: text``, among the lines starting at ``at``."""
    text, out = doc.text, []
    starts = [p.start for p in doc.paragraphs]
    for m in filter(None, (_LINE_RE.match(text, pos) for pos in at)):
        k = bisect.bisect_right(starts, m.start("name")) - 1
        if k < 0 or not doc.paragraphs[k].in_body or any(a <= m.start() < b for a, b in skip):
            continue
        if m.start() > doc.paragraphs[k].start and not _after_chat(text, doc.paragraphs[k].start, m.start()):
            continue  # "... made one remark:" wrapped onto its own line: the sentence goes on
        name, open_, mid, close = m.group("name"), m.group("open"), m.group("mid"), m.group("close")
        ns, ne = m.span("name")
        if open_ and open_[0] == "_" and name.endswith("_"):
            stripped = name.rstrip("_")
            mid, ne, name = mid or name[len(stripped) :], ns + len(stripped), stripped
        if _label(name) or (" " in name and not name[:1].isupper()):
            continue
        ts, te = m.span("text")
        while te > ts and text[te - 1].isspace():
            te -= 1
        if open_ and not (mid or close) and text.endswith(open_, ts, te):
            te -= len(open_)  # *Tony: where r u*
        direction = _DIRECTION_RE.match(text, ts, te)
        if direction and direction.end() < te:
            ts = direction.end()  # a stage direction: "(_Confused_) Why, certainly not."
        te = _wrapped_on(text, te, doc.paragraphs[k].end)
        if te <= ts or not any(c.isalpha() or ord(c) > 0x2000 for c in text[ts:te]):
            continue
        marked = bool(m.group("ts") or m.group("ts2") or open_)
        out.append(_Line((ns, ne), (ts, te), (m.start(), m.end()), _key(name), marked))
    return out


def _wrapped_on(text: str, end: int, para_end: int) -> int:
    """The end of a speech hard-wrapped over the next lines of its paragraph: a long line that
    stops mid-sentence goes on until a line that is itself a chat line."""
    while (
        end < para_end
        and end - (text.rfind("\n", 0, end) + 1) >= _WRAP_MIN
        and text[end - 1] not in ".!?\"')\u201d\u2026"
    ):
        nxt = text.find("\n", end + 1, para_end)
        nxt = para_end if nxt < 0 else nxt
        line = text[end + 1 : nxt].strip()
        if not line or _LINE_RE.fullmatch(line) or _HEADER_RE.fullmatch(line):
            break
        end = nxt
        while text[end - 1].isspace():
            end -= 1
    return end


def _after_chat(text: str, para_start: int, line_start: int) -> bool:
    """Whether the line before ``line_start`` in its paragraph is a chat line or header too (in a
    hard-wrapped paragraph of prose, a line that looks like one goes on with a sentence)."""
    prev = max(text.rfind("\n", para_start, line_start - 1) + 1, para_start)
    line = text[prev : line_start - 1]
    return bool(_LINE_RE.fullmatch(line.rstrip("\r")) or _HEADER_RE.fullmatch(line.rstrip("\r")))


def _runs(text: str, lines: list[_Line]) -> list[list[_Line]]:
    """Lines with nothing but blank lines between them."""
    runs: list[list[_Line]] = []
    for ln in lines:
        if runs and not text[runs[-1][-1].line[1] : ln.line[0]].strip():
            runs[-1].append(ln)
        else:
            runs.append([ln])
    return runs


def _cue_near(text: str, start: int, end: int) -> bool:
    return _CUE_RE.search(text, max(0, start - _CUE_BEFORE), min(len(text), end + _CUE_AFTER)) is not None


class _Known:
    """Whether a name before a colon is a person's: in the cast list or the roster, a common given
    name, or a capitalised word the story uses elsewhere."""

    def __init__(self, doc: Document, cast: dict[str, str], lines: list[_Line]) -> None:
        self.doc, self.lines = doc, lines
        self.names = set(cast) | {v.lower() for v in cast.values()}
        for c in doc.roster or []:
            for n in c.names():
                self.names.add(n.lower())
                self.names.update(w.lower() for w in n.split())
        self._uses: Counter | None = None

    def __call__(self, ln: _Line) -> bool:
        if ln.key in self.names or ln.key.split()[0] in pairs("first_names"):
            return True
        if self._uses is None:
            self._uses = self._count_uses()
        as_speaker = self._as_speaker[ln.key]
        return self._uses[self.doc.text[ln.name[0] : ln.name[1]].lstrip("@")] - as_speaker >= 1

    def _count_uses(self) -> Counter:
        """How often the text writes each name before a colon, as a whole word: one search for all
        of them (a search per name cost seconds on a long play-script chapter)."""
        text = self.doc.text
        self._as_speaker = Counter(x.key for x in self.lines)
        names = sorted({text[x.name[0] : x.name[1]].lstrip("@") for x in self.lines})
        pattern = re.compile(rf"(?<!\w)(?:{trie_pattern(names)})(?!\w)")
        return Counter(m.group() for m in pattern.finditer(text))


def _accept(doc: Document, lines: list[_Line], cast: dict[str, str]) -> list[_Line]:
    """The candidate lines a reader takes for chat (see the module docstring)."""
    text = doc.text
    known = _Known(doc, cast, lines)
    runs = _runs(text, lines)
    ok: set[int] = set()
    style: set[str] = set(cast)
    for run in runs:
        keys = [ln.key for ln in run]
        distinct = set(keys)
        repeated = len(run) >= 3 and 2 <= len(distinct) < len(run)
        signalled = any(ln.marked for ln in run) or len(run) >= 4 or _cue_near(text, run[0].line[0], run[-1].line[1])
        if repeated or (len(run) >= 2 and len(distinct) >= 2 and signalled and all(known(ln) for ln in run)):
            ok.update(id(ln) for ln in run)
            style |= distinct
    starts = [p.start for p in doc.paragraphs]
    for ln in lines:
        if id(ln) in ok:
            continue
        alone = ln.line[1] - ln.line[0] <= _LONE_MAX and "\n" not in text[ln.line[0] : ln.line[1]]
        if ln.key in style or (
            alone and _own_paragraph(doc, ln, starts) and known(ln) and _cue_near(text, ln.line[0], ln.line[1])
        ):
            ok.add(id(ln))
    return [ln for ln in lines if id(ln) in ok]


def _own_paragraph(doc: Document, ln: _Line, starts: list[int]) -> bool:
    """Whether a line is a paragraph of its own (a text message set apart from the narration)."""
    k = bisect.bisect_right(starts, ln.name[0]) - 1
    p = doc.paragraphs[k]
    return ln.line[0] <= p.start and p.end <= ln.line[1]


def _messages(doc: Document, at: list[int], skip: list[tuple[int, int]]) -> list[_Line]:
    """Text messages under a "From: Tony" header (with or without "To: Steve"): the lines after
    the headers in the same paragraph, or else the next paragraph when it is short."""
    text, out = doc.text, []
    starts = [p.start for p in doc.paragraphs]
    heads = [m for m in filter(None, (_HEADER_RE.match(text, pos) for pos in at)) if not _label(m.group("name"))]
    i = 0
    while i < len(heads):
        group = [heads[i]]
        while i + 1 < len(heads) and not text[group[-1].end() : heads[i + 1].start()].strip():
            i += 1
            group.append(heads[i])
        i += 1
        sender = next((h for h in group if h.group("label").lower() == "from"), None)
        k = bisect.bisect_right(starts, group[0].start("name")) - 1
        if sender is None or k < 0 or not doc.paragraphs[k].in_body or any(a <= sender.start() < b for a, b in skip):
            continue
        para = doc.paragraphs[k]
        body = (group[-1].end(), para.end)
        if not text[body[0] : body[1]].strip() and k + 1 < len(doc.paragraphs):
            nxt = doc.paragraphs[k + 1]
            if not nxt.in_body or len(nxt) > 600 or _HEADER_RE.match(text, nxt.start):
                continue
            body = (nxt.start, nxt.end)
        s, e = body
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        to = next((h for h in group if h.group("label").lower() == "to"), None)
        ln = _Line(sender.span("name"), (s, e), (group[0].start(), e), _key(sender.group("name")), True, "text_message")
        ln.to = to.span("name") if to else None
        out.append(ln)
    return out


def find(doc: Document) -> list[_Line]:
    """The chat lines and text messages of the body, in text order."""
    text = doc.text
    at = colon_lines(text)
    if not at:
        return []
    cast, cast_spans = chat_people.cast_list(text, at)
    lines = _candidates(doc, at, cast_spans)
    messages = _messages(doc, at, cast_spans)
    if not lines and not messages:
        return []
    lines = _accept(doc, lines, cast) if lines else []
    found = sorted([*lines, *messages], key=lambda ln: ln.text[0])
    kept: list[_Line] = []
    for ln in found:  # a message's body may hold what looked like chat lines of its own
        if kept and ln.text[0] < kept[-1].text[1]:
            continue
        kept.append(ln)
    for ln in kept:
        chat_people.name_of(ln, text, cast)
    return kept


def _overlaps(q: Quote, ln: _Line) -> bool:
    a, b = q.outer
    return a < ln.text[1] and ln.text[0] < b


def run(doc: Document) -> None:
    doc.chat = []
    lines = find(doc)
    if not lines:
        return
    quoted = sorted(doc.quotes, key=lambda q: q.start)
    qstarts = [q.outer[0] for q in quoted]
    dropped: set[int] = set()
    starts = [p.start for p in doc.paragraphs]
    made: list[tuple[Quote, _Line]] = []  # the new quotes, and quotations a line names the speaker of
    for ln in lines:
        k = max(0, bisect.bisect_right(qstarts, ln.text[1]) - 1)
        inside = [q for q in quoted[max(0, k - 3) : k + 2] if _overlaps(q, ln)]
        opening = [q for q in inside if ln.line[0] <= q.outer[0] <= ln.text[0] + 1]
        if opening:
            # 'Tony: "Hey."': the line's words are a quotation; the name before the colon says whose.
            # One that runs on past the line is left as it is.
            if all(ln.line[0] <= q.outer[0] and q.outer[1] <= ln.line[1] and id(q) not in dropped for q in inside):
                for q in inside:
                    q.rule, q.tag = ln.rule, Span(*ln.name)
                    made.append((q, ln))
            continue
        dropped.update(id(q) for q in inside)
        pidx = bisect.bisect_right(starts, ln.text[0]) - 1
        made.append((Quote(ln.text[0], ln.text[1], paragraph=pidx, rule=ln.rule, tag=Span(*ln.name)), ln))
    kept = [q for q in doc.quotes if id(q) not in dropped]
    known = {id(q) for q in kept}
    _merge(doc, kept, [q for q, _ in made if id(q) not in known])
    chat, last = 0, None
    for q, ln in sorted(made, key=lambda m: m[0].start):
        if last is not None and _new_exchange(doc, last, q.paragraph):
            chat += 1
        last = q.paragraph
        to = Span(*ln.to) if ln.to else None
        doc.chat.append(
            ChatLine(
                ln.name[0], ln.name[1], quote=q.id, to=to, chat=chat, speaker_name=ln.speaker, to_name=ln.addressee
            )
        )


def _new_exchange(doc: Document, prev: int, cur: int) -> bool:
    between = doc.paragraphs[prev + 1 : cur]
    if any(not p.in_body for p in between) or doc.paragraphs[prev].chapter != doc.paragraphs[cur].chapter:
        return True
    return len(between) > _EXCHANGE_GAP


def _merge(doc: Document, kept: list[Quote], new: list[Quote]) -> None:
    """The quotes in text order, numbered again; links to a dropped quote are cut."""
    old_ids = {q.id for q in kept}
    renamed: dict[str, str] = {}
    quotes = sorted([*kept, *new], key=lambda q: q.start)
    for n, q in enumerate(quotes):
        if q.id:
            renamed[q.id] = f"q{n + 1}"
        q.id = f"q{n + 1}"
    for q in quotes:
        if q.continues:
            q.continues = renamed.get(q.continues) if q.continues in old_ids else None
    doc.quotes = quotes
