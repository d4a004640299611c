"""Who the people of chat lines are (`ficlens.steps.chat`): cast lists, characters, speakers.

A chat fic often opens with its cast: ``ironman = Tony Stark``, or a "Usernames:" line over
lines such as ``spideyboi: Peter Parker``. `cast_list` reads both shapes (``=``, ``->``, ``→``
anywhere; ``:``, ``-`` or "is" under such a header), taking the single lower-case or digit-bearing
word for the username when the author wrote the name first.

`learn` (end of the characters step) gives each chat line its character: the character of that
name or alias (the roster's when it has one), else the one character whose names include it as a
word ("Tony" for "Tony Stark"), else a new character of that name (the username an alias). The
name before the colon becomes a mention. `attribute` (speakers step) makes each line's quote
explicit with that speaker; its addressee is the "To:" of a text message, or those the line calls
(``@spideyboi``, "Peter, ..." / "..., Peter"), or in an exchange of two people the other one; in a
group, no one else.
"""

from __future__ import annotations

import re

from ficlens.lexicon import pairs
from ficlens.model import Character, Document, Mention
from ficlens.roster import slug
from ficlens.steps import confidence

RULES = ("script", "text_message")  # the rules of chat quotes; the speakers step keeps them

_HANDLE = r"@?[^\W_][\w.\-]{0,29}"
_PERSON = r"[^\W\d_][\w'\u2019.\-]*(?:[ \t][^\W\d_][\w'\u2019.\-]*){0,3}"
_CAST_EQ_RE = re.compile(
    rf"^[ \t]*(?:[-*\u2022][ \t]*)?(?P<a>{_HANDLE}|{_PERSON})[ \t]*(?:=>?|->|\u2192)[ \t]*(?P<b>{_HANDLE}|{_PERSON})[ \t\r]*$",
    re.M,
)
_CAST_HEAD_RE = re.compile(
    r"^[ \t]*[*_]*(?:[Uu]ser ?names?|USERNAMES?|[Hh]andles?|[Ss]creen ?names?|[Cc]hat [Mm]embers|[Mm]embers|"
    r"[Cc]ast|[Ww]ho'?s [Ww]ho|[Kk]ey|[Ll]egend)[*_]*[ \t]*:?[*_]*[ \t\r]*$",
    re.M,
)
_CAST_ROW_RE = re.compile(
    rf"[ \t]*(?:[-*\u2022][ \t]*)?(?P<a>{_HANDLE}|{_PERSON})[ \t]*(?::|-|\u2013|\u2014|is|=>?|->|\u2192)[ \t]*(?P<b>{_HANDLE}|{_PERSON})[ \t\r]*$"
)
_AT_RE = re.compile(r"(?<!\w)@([^\W_][\w.\-]*\w|\w)")
# A name called: at the line's start (after "hey", "ok", ...) or after a comma, before a stop or comma.
_CALL_RE = re.compile(
    r"(?:^\W*(?:(?:hey|hi|hello|oh|ok|okay|yo|omg|thanks|sorry|wait),?\s+)?|[,;]\s*)@?"
    r"([^\W\d_][\w'.\-]*?(?: [A-Z][\w'.\-]*)?)(?=[\s*~]*[,.!?;]|[\s*~]*$)",
    re.I,
)


def _handle_like(s: str) -> bool:
    return " " not in s and (not s[:1].isupper() or any(c.isdigit() or c == "_" for c in s) or s.startswith("@"))


def _pair(a: str, b: str) -> tuple[str, str]:
    """(username, name) of a cast row, whichever way round it was written."""
    if _handle_like(b) and not _handle_like(a):
        a, b = b, a
    return a.lstrip("@").lower(), b.strip()


def cast_list(text: str, at: list[int]) -> tuple[dict[str, str], list[tuple[int, int]]]:
    """The story's cast list, username (lower case) -> name, and the spans of its lines. ``at`` are
    the starts of the lines with a colon near their start (`chat.colon_lines`): a header is one of
    them ("Usernames:") or the line before one (a header without a colon over ``user: Name`` rows)."""
    cast: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    if "=" in text or "->" in text or "\u2192" in text:
        for eq in _CAST_EQ_RE.finditer(text):
            user, name = _pair(eq.group("a"), eq.group("b"))
            cast.setdefault(user, name)
            spans.append(eq.span())
    before = [max(0, text.rfind("\n", 0, max(0, pos - 1)) + 1) for pos in at if pos]
    heads = dict.fromkeys(m for pos in sorted({*at, *before}) if (m := _CAST_HEAD_RE.match(text, pos)))
    for head in heads:
        pos, rows = head.end() + 1, 0
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if line.strip():
                row = _CAST_ROW_RE.fullmatch(line)
                if row is None:
                    break
                user, name = _pair(row.group("a"), row.group("b"))
                cast.setdefault(user, name)
                spans.append((pos, end))
                rows += 1
            elif rows:
                break  # a blank line after the rows: the list is over
            pos = end + 1
    return cast, spans


def _display(raw: str, cast: dict[str, str]) -> str:
    """The name a cast list gives a username; a script's "HAMLET" is Hamlet."""
    if raw.lower() in cast:
        return cast[raw.lower()]
    return raw.title() if raw.isupper() and len(raw) > 1 else raw


def name_of(line, text: str, cast: dict[str, str]) -> None:
    """Fill ``line.speaker`` and ``line.addressee`` with the names the cast list gives."""
    line.speaker = _display(text[line.name[0] : line.name[1]].lstrip("@"), cast)
    if line.to:
        line.addressee = _display(text[line.to[0] : line.to[1]].lstrip("@"), cast)


class _People:
    """The document's characters by name, alias and name word, and the roster's."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_name: dict[str, str] = {}
        self.by_word: dict[str, set[str]] = {}
        for c in doc.characters:
            self._index(c)
        self.roster = {n.lower(): c for c in doc.roster or [] for n in c.names()}
        self.roster_words: dict[str, set[str]] = {}
        for c in doc.roster or []:
            for n in c.names():
                for w in n.lower().split():
                    self.roster_words.setdefault(w, set()).add(c.id)

    def _index(self, c: Character) -> None:
        for n in c.names():
            self.by_name.setdefault(n.lower(), c.id)
            for w in n.lower().split():
                self.by_word.setdefault(w, set()).add(c.id)

    def resolve(self, name: str, raw: str) -> str:
        keys = list(dict.fromkeys((name.lower(), raw.lower())))
        cid = next((self.by_name[k] for k in keys if k in self.by_name), None)
        if cid is None:
            found = next((self.roster[k] for k in keys if k in self.roster), None)
            if found is None:
                ids = next((w for k in keys if len(w := self.roster_words.get(k, set())) == 1), None)
                found = next((c for c in self.doc.roster or [] if c.id in ids), None) if ids else None
            if found is not None:
                cid = self._add(found.id, found.name, [*found.aliases], found.gender, True, found)
        if cid is None:
            ids = next((w for k in keys if len(w := self.by_word.get(k, set())) == 1), None)
            cid = next(iter(ids)) if ids else None
        if cid is None:
            gender = pairs("first_names").get(name.split()[0].lower())
            cid = self._add(slug(name) or "chat", name, [], gender if gender in ("F", "M") else None, False, None)
        c = self.doc.character(cid)
        if c is not None and raw.lower() not in {n.lower() for n in c.names()}:
            c.aliases.append(raw)
            self._index(c)
        return cid

    def _add(self, cid: str, name: str, aliases: list[str], gender: str | None, listed: bool, roster) -> str:
        existing = self.doc.character(cid)
        if existing is not None and (listed or existing.name == name):
            return cid
        base, n = cid, 2
        while self.doc.character(cid) is not None:
            cid, n = f"{base}-{n}", n + 1
        c = Character(id=cid, name=name, aliases=aliases, gender=gender, from_roster=listed)
        if roster is not None:
            c.epithets = list(roster.epithets)
        self.doc.characters.append(c)
        self._index(c)
        return cid


def learn(doc: Document) -> None:
    """Give each chat line its character, and each name before a colon its mention."""
    if not doc.chat:
        return
    people = _People(doc)
    text = doc.text
    added: list[Mention] = []
    for cl in doc.chat:
        cl.character = people.resolve(cl.speaker_name, text[cl.start : cl.end].lstrip("@"))
        added.append(Mention(cl.start + text.startswith("@", cl.start), cl.end, character=cl.character))
        if cl.to is not None and cl.to_name:
            cl.addressee = people.resolve(cl.to_name, text[cl.to.start : cl.to.end].lstrip("@"))
            added.append(Mention(cl.to.start + text.startswith("@", cl.to.start), cl.to.end, character=cl.addressee))
    spans = [(m.start, m.end) for m in added]
    kept = [m for m in doc.mentions if not any(a < m.end and m.start < b for a, b in spans)]
    doc.mentions = sorted([*kept, *added], key=lambda m: m.start)


def _called(text: str, start: int, end: int, handles: dict[str, str]) -> list[str]:
    """Whom a chat line calls: ``@handle``, or a name opening or closing it ("Peter, ..." / "..., Peter!")."""
    out = [handles[m.group(1).lower()] for m in _AT_RE.finditer(text, start, end) if m.group(1).lower() in handles]
    line = text[start:end]
    out += [handles.get(m.group(1).lower(), "") for m in _CALL_RE.finditer(line)]
    return [c for c in out if c]


def attribute(doc: Document) -> None:
    """Speaker, type, confidence and addressees of every chat line's quote."""
    if not doc.chat:
        return
    quotes = {q.id: q for q in doc.quotes}
    handles = {doc.text[cl.start : cl.end].lstrip("@").lower(): cl.character for cl in doc.chat if cl.character}
    words: dict[str, set[str]] = {}
    for c in doc.characters:
        for n in c.names():
            handles.setdefault(n.lower(), c.id)
            for w in n.lower().split():
                words.setdefault(w, set()).add(c.id)
    for w, ids in words.items():
        if len(ids) == 1:
            handles.setdefault(w, next(iter(ids)))  # "priya" for Priya Raman
    members: dict[int, set[str]] = {}
    for cl in doc.chat:
        if cl.character:
            members.setdefault(cl.chat, set()).add(cl.character)
    for cl in doc.chat:
        q = quotes.get(cl.quote)
        if q is None:
            continue
        q.speaker = cl.character
        q.type = "explicit" if q.speaker else None
        q.confidence = confidence.for_rule(q.rule) if q.speaker else 0.0
        called = [cl.addressee] if cl.addressee else _called(doc.text, q.start, q.end, handles)
        if not called and len(members.get(cl.chat, ())) == 2:
            called = [c for c in members[cl.chat] if c != q.speaker]
        q.addressees = [c for c in dict.fromkeys(called) if c and c != q.speaker]
