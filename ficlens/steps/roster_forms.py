"""Names a given roster knows: its aliases found verbatim, titles used alone, and the names
found in the text matched to roster characters (a name several of them share goes to the one
last named unambiguously)."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import cache, lru_cache

from ficlens.lexicon import pairs, words
from ficlens.model import Character, Document
from ficlens.roster import normalize_name
from ficlens.steps import casing, grouping, names
from ficlens.steps.grouping import Entity, Form, FormKey
from ficlens.steps.roster_match import RosterKey, TitleMatcher, matcher_for


@lru_cache(maxsize=64)
def _alias_positions(key: RosterKey) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """For the roster ``key`` describes: each alias to the positions of the characters who have it,
    and each single word of an alias (first names, surnames) to the positions of the characters
    whose aliases contain it. Built once per roster (fandom rosters repeat)."""
    exact: dict[str, list[int]] = defaultdict(list)
    parts: dict[str, list[int]] = defaultdict(list)
    for i, (_, aliases) in enumerate(key):
        for alias in aliases:
            norm = normalize_name(alias)
            if i not in exact[norm]:
                exact[norm].append(i)
            for t in norm.split():
                if t not in pairs("honorifics") and i not in parts[t]:
                    parts[t].append(i)
    return dict(exact), dict(parts)


class RosterIndex:
    """The roster characters who have an alias, or a word of one."""

    def __init__(self, roster: list[Character], key: RosterKey) -> None:
        self.roster = roster
        self._exact, self._parts = _alias_positions(key)

    def exact(self, alias: str) -> list[Character] | None:
        """The characters with the alias (normalised), None if no one has it."""
        at = self._exact.get(alias)
        return None if at is None else self._characters(at)

    def parts(self, word: str) -> list[Character]:
        return self._characters(self._parts.get(word, ()))

    def _characters(self, positions) -> list[Character]:
        out: list[Character] = []
        for i in positions:
            if self.roster[i] not in out:  # a character listed twice counts once
                out.append(self.roster[i])
        return out


def roster_candidates(form: Form, index: RosterIndex) -> list[Character]:
    """The roster characters a form may name: one, several ("Charles" for two Charleses), or none."""
    named = index.exact(normalize_name(form.text))
    if named is not None:
        return named
    bare = normalize_name(" ".join(form.tokens))
    fitting = _fitting_title(index.exact(bare) or [], form.honorific)
    if fitting:
        return fitting
    if len(form.tokens) == 1:
        hits = _fitting_title(index.parts(bare), form.honorific)
        if form.honorific is None and len(hits) > 1:
            # A bare surname is not a wife's name: "McBryde" is Mr. McBryde, not Mrs. McBryde.
            unwed = [c for c in hits if not _only_as_wife(c, bare)]
            hits = unwed or hits
        return hits
    if form.tokens[0][0].isupper():
        # "Master Charles Bates" for the roster's "Charley Bates": the surname, if only one has it.
        last = form.tokens[-1].lower()
        hits = _fitting_title(index.parts(last), form.honorific)
        if len(hits) == 1 and normalize_name(hits[0].name).split()[-1] == last:
            return hits
    return []


def _only_as_wife(character: Character, word: str) -> bool:
    """Whether every name of ``character`` holding ``word`` is a married woman's ("Mrs. Elton")."""
    holding = [n.split() for n in map(normalize_name, character.names()) if word in n.split()]
    return bool(holding) and all(len(n) > 1 and n[0] in ("mrs", "mrs.") for n in holding)


def _fitting_title(characters: list[Character], honorific: str | None) -> list[Character]:
    """Those of ``characters`` the title may name ("Mrs." not a man)."""
    return [c for c in characters if honorific is None or grouping.gender_fits(honorific, c.gender)]


def assign_shared(shared: list[tuple[Form, list[Character]]], by_roster: dict[str, Entity]) -> None:
    """A name several roster characters share ("Charles", "Bennet") names, at each occurrence,
    the one of them last named unambiguously before it, or else the one named most often."""
    named = _named_at(by_roster)
    for form, candidates in shared:
        split: dict[str, dict[FormKey, Form]] = defaultdict(dict)
        for occ in form.occurrences:
            cid = _last_named(candidates, named, occ.start) or _most_named(candidates, by_roster)
            grouping.add_occurrence(split[cid], occ)
        for cid, forms in split.items():
            for f in forms.values():
                f.shared = True
            entity = by_roster.setdefault(cid, Entity(roster=next(c for c in candidates if c.id == cid)))
            entity.forms.extend(forms.values())


def _named_at(by_roster: dict[str, Entity]) -> dict[str, list[int]]:
    """Where each roster character is named unambiguously, in order."""
    named: dict[str, list[int]] = {}
    for cid, entity in by_roster.items():
        starts = [s for s, _, _ in entity.found]
        starts += [occ.start for f in entity.forms for occ in f.occurrences]
        named[cid] = sorted(starts)
    return named


def _last_named(candidates: list[Character], named: dict[str, list[int]], pos: int) -> str | None:
    """The candidate named unambiguously last before ``pos``, if any was."""
    best, best_at = None, -1
    for c in candidates:
        starts = named.get(c.id, [])
        k = bisect.bisect_left(starts, pos)
        if k and starts[k - 1] > best_at:
            best, best_at = c.id, starts[k - 1]
    return best


def _most_named(candidates: list[Character], by_roster: dict[str, Entity]) -> str:
    """The candidate named unambiguously most often (the first in the roster on a tie)."""
    return max(candidates, key=lambda c: by_roster[c.id].count if c.id in by_roster else 0).id


def roster_mentions(
    doc: Document, stats: names.NameStats, key: RosterKey, shouted: list[tuple[int, int]] | None = None, lower: bool = False
) -> dict[str, Entity]:
    """Roster aliases found verbatim; name occurrences they cover are dropped from ``stats``. In the
    ``shouted`` stretches, and all through a story written in lower case (``lower``), in any case
    (`casing`)."""
    roster = doc.roster or []
    if not roster:
        return {}
    matcher = matcher_for(roster, key)
    text = doc.view("plain").text
    by_id = {c.id: c for c in roster}
    entities: dict[str, Entity] = {}
    spans: list[tuple[int, int]] = []
    body = doc.body_paragraphs()
    titles = matcher.titles if _titles_written(matcher.titles, text, body) else None
    if titles is None:
        found = list(matcher.find_each(text, body))
    else:
        found = []
        for p in body:
            here = list(matcher.find(text, p.start, p.end))
            here += _title_mentions(titles, text, p.start, p.end, here, stats)
            found += sorted(here)
    if lower:
        body_spans = [(p.start, p.end) for p in body]
        found = _with_folded(text, matcher, found, casing.ordinary_words(doc).__contains__, body_spans)
    elif shouted:
        found = _with_folded(text, matcher, found, lambda w: stats.lower.get(w, 0) > 0, shouted)
    for s, e, cid in matcher.role_holders.reassign(text, found):
        gender = by_id[cid].gender  # any title fits a character of no stated gender
        if gender is not None and not grouping.gender_fits(_title_before(text, s), gender):
            continue  # "Mrs. Harville" is not Captain Harville, listed as "Harville"
        if cid not in entities:
            entities[cid] = Entity(roster=by_id[cid])
        entities[cid].found.append((s, e, doc.text[s:e]))
        spans.append((s, e))
    names.drop_covered(stats, spans)
    return entities


def _with_folded(text: str, matcher, found: list, ordinary, spans: list) -> list:
    """``found`` with the aliases matched in any case within ``spans``, but not a one-word alias
    the story also writes as an ordinary word (``ordinary``, or in the lexicons: "WILL" of Will)."""
    taken = sorted((s, e) for s, e, _ in found)
    starts = [s for s, _ in taken]
    extra = []
    for a, b in spans:
        for s, e, cid in matcher.find_folded(text, a, b):
            word = text[s:e]
            if not any(ch.isspace() for ch in word):
                low = word.lower()
                if low in casing.lexicon_words() or ordinary(low):
                    continue
            k = bisect.bisect_right(starts, e - 1) - 1
            if k >= 0 and taken[k][1] > s:
                continue  # found as written
            extra.append((s, e, cid))
    return sorted(found + extra) if extra else found


_TITLE_BEFORE = re.compile(r"([A-Z][a-z]+)\.?\s+$")


def _title_before(text: str, start: int) -> str | None:
    """The title written just before ``start`` ("mrs" before "Harville"), lower case, if any."""
    m = _TITLE_BEFORE.search(text, max(0, start - 12), start)
    return m.group(1).lower() if m else None


def _titles_written(titles: TitleMatcher | None, text: str, body: list) -> bool:
    """Whether any title of ``titles`` is written in the body: if none is, none is used."""
    if titles is None or not body:
        return False
    return titles.used(text, min(p.start for p in body), max(p.end for p in body))


def _title_mentions(titles: TitleMatcher, text: str, start: int, end: int, aliases: list, stats: names.NameStats):
    """ "said the Colonel", "Mademoiselle shook her head": a title one roster character bears,
    used alone, where no alias was found."""
    out = []
    for s, e, cid, title_at, with_article in titles.find(text, start, end):
        if any(a_s < e and s < a_e for a_s, a_e, _ in aliases):
            continue
        if with_article or not names._is_initial(text, s, start) or _names_at_sentence_start(text, title_at, e, end, stats):
            out.append((s, e, cid))
    return out


def _names_at_sentence_start(text: str, start: int, end: int, limit: int, stats: names.NameStats) -> bool:
    """A capitalised title opening a sentence is someone ("Mademoiselle shook her head", "Doctor,
    wait") unless the story also uses the word in lower case and no verb follows ("Count them")."""
    if stats.lower.get(text[start:end].lower(), 0) == 0 or text[end : end + 1] in (",", "!", "?", ".", ";"):
        return True
    nxt = names._next_word(text, end, limit)
    return nxt in _verbs() or (nxt.endswith("ed") and len(nxt) > 3)


@cache
def _verbs() -> frozenset[str]:
    return words("speech_verbs") | words("beat_verbs") | words("action_verbs")
