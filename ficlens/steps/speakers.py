"""Step `speakers`: who says each quote, to whom, and how sure ficlens is.

A paragraph's quotes form one *turn* of a conversation. Turns are read in order,
the way a reader keeps track:

1. A speech tag (`tags_speech`), after the quote or before it, or closing the
   narration paragraph just before it ("Mr. Darcy replied,"): a name is an
   explicit attribution; a pronoun or an epithet ("the older man") is anaphoric
   and goes to the most salient character of its gender (`salience`).
2. Otherwise an action beat: the subject of a narration sentence in the same
   paragraph ("Mark grinned. '…'") is the speaker.
3. Otherwise the conversation decides (`conversation`): turns alternate between
   two people, counted from the nearest turn whose speaker is known, before or
   after; the person the last line addressed by name is likely to answer; how each
   character talks in their tagged lines is a small vote (`voices`).
4. Throughout, a character addressed by name in the quote (a vocative) is not
   its speaker but an addressee.

A paragraph's quotes share one speaker unless their own tags say otherwise; a
speech in several pieces has one speaker. Each quote records the rule that
decided it; its confidence is that rule's measured accuracy (`confidence`).
"""

from __future__ import annotations

import re

from ficlens.model import Document, Quote
from ficlens.steps import absences, addressing, chat_people, confidence, conversation, narration_names, narrator, newcomers, tags_speech, voices
from ficlens.steps.narrator import NARRATOR
from ficlens.steps.salience import Turn
from ficlens.steps.turn_reader import Reader

# "the older " before a name in a tag: with it, the name may be part of a roster epithet.
_EPITHET_LEAD = re.compile(r"\b[Tt]he\s+(?:[A-Za-z][\w'-]*\s+){1,3}$")


def _narration(quotes: list[Quote], i: int, para_start: int, para_end: int) -> tuple[tuple[int, int], tuple[int, int]]:
    before = (quotes[i - 1].outer[1] if i > 0 else para_start, quotes[i].outer[0])
    after = (quotes[i].outer[1], quotes[i + 1].outer[0] if i + 1 < len(quotes) else para_end)
    return before, after


def _previous_narration(doc: Document, pidx: int, quoted: dict[int, list[Quote]]) -> tuple[int, int] | None:
    """The narration closing the previous paragraph (after its last quote), which may lead into this one."""
    if pidx == 0:
        return None
    prev = doc.paragraphs[pidx - 1]
    if not prev.in_body:
        return None
    quotes = quoted.get(pidx - 1)
    start = quotes[-1].outer[1] if quotes else prev.start
    return (start, prev.end) if start < prev.end else None


# Descriptions that fit anyone of their gender.
_ANYONE = frozenset("man woman gentleman lady stranger fellow person".split())
_CHILD = frozenset("boy lad child".split())
_YOUNG_WOMAN = frozenset("girl maiden lass".split())
_WOMAN = frozenset(("lady", "woman"))
_MARRIED = frozenset("mrs madame mme".split())  # titles (`Reader.title`) that say a woman is no girl
_UNMARRIED = frozenset("miss mademoiselle mlle".split())

# Log-odds evidence a cue gives the candidate it points to.
NAME_TAG = 8.0
WEAK_NAME = 3.0  # a name in narration before the line that ends in a full stop ("Mrs. Hurst began again.")
PRONOUN_RANKS = (2.0, 1.0, 0.5, 0.25)
EPITHET_SCALE = 0.6
ROLE_SCALE = 0.3  # ... for a role word no roster name carries ("said the chairman")
MENTIONED = 1.2
MENTIONED_OBJECT = -0.5  # ... only ever after a preposition ("looked at Carl"), against speaking
BRIDGE = 1.5
BRIDGE_PRONOUN = 0.45  # the narration between turns follows them as "he" or "she", never naming them
KIN_RANKS = (4.0, 2.0, 1.0)
ROLE_TAG = 5.0
DESCRIBED_ENTRY = 2.0  # "said the painter", and the roster lists a "The Painter" (who may be Basil)
NARRATOR_PRESENT = 0.5
SELF_NAMED = 4.0  # "My name is Charles."
OTHER_REACH = 1500  # characters back to the line "the other" answers
SILENT = -1.5  # the narration between two lines shows them not answering: for both lines
NOT_THE_NARRATOR = -12.0  # "said he" in a story told as "I": not the one telling it


def _find_tag(r: Reader, doc: Document, pidx: int, quotes: list[Quote], i: int, quoted: dict[int, list[Quote]]) -> tags_speech.Tag | None:
    para = doc.paragraphs[pidx]
    (bs, be), (as_, ae) = _narration(quotes, i, para.start, para.end)
    tag = tags_speech.tag_after(r.text, as_, ae, r.name_spans)
    if tag is None or tag.kind != "name" or not tag.strong:
        # 'Cassandra exclaimed, "…," she added': the name before says who "she" is; and in
        # 'Hamidullah said: "…" She made no reply' (or 'Helen laughed') the one after is a
        # listener's beat.
        before = tags_speech.tag_before(r.text, bs, be, r.name_spans)
        named = before is not None and before.kind == "name" and before.strong
        # 'Margaret said, "…" he said, "…"': with another line after it, a tag that follows a line
        # its name tag opens belongs to that next line.
        next_line = i + 1 < len(quotes)
        if tag is None or (before is not None and named and (not tag.strong or next_line or _agrees(r, before, tag.gender))):
            tag = before
        elif before is not None and before.strong and (not tag.strong or _new_sentence_after(r.text, as_)):
            # '… and he had answered "the railway." She was sorry she had asked him.'; and 'she
            # said nervously, "… the Maidan." He assented': a new sentence after the line is a reply.
            tag = before
    if tag is None and i == 0 and not r.text[bs:be].strip():
        span = _previous_narration(doc, pidx, quoted)
        if span and not tags_speech.ends_sentence(r.text, *span):
            tag = tags_speech.tag_before(r.text, span[0], span[1], r.name_spans)
            if tag and not tag.strong:
                tag = None
    return tag


def _new_sentence_after(text: str, pos: int) -> bool:
    """True when the line that closes just before ``pos`` ends a sentence ("." "!" "?")."""
    return tags_speech.line_ends_with(text, pos, ".!?")


def _agrees(r: Reader, tag: tags_speech.Tag, gender: str | None) -> bool:
    """True when the one a name tag names has ``gender`` (M or F), or either is unknown."""
    who = r.character_of(tag)
    if who is None:
        return False
    known = r.salience.gender.get(who)
    return gender not in ("M", "F") or known not in ("M", "F") or known == gender


def _kin_evidence(r: Reader, tag: tags_speech.Tag, para_start: int, ev: dict[str, float]) -> bool:
    """Evidence from a kinship epithet ("said her father"); False when it is not one or finds no one."""
    found = r.relatives(tag.start, tag.end, para_start)
    for c, rank in found:
        ev[c] = ev.get(c, 0.0) + KIN_RANKS[rank]
    return bool(found)


def _possessor(r: Reader, tag: tags_speech.Tag, para_start: int) -> set[str]:
    """Whom "her" means in "said her mother" or "snapped her visitor": not the speaker."""
    first = r.text[tag.start : tag.end].split(None, 1)[0].lower()
    if first not in ("his", "her"):
        return set()
    return set(r.salience.candidates("M" if first == "his" else "F", tag.start, para_start, set())[:1])


def _fit_description(r: Reader, phrase: str, ranked: list[str]) -> list[str]:
    """A description tag's candidates (most in focus first) as the description narrows them:
    "said the man" is one the story never names (the roster's "The Turnkey") rather than one it
    does, who would be called by name, and not the one earlier tags called "the boy"; "the girl"
    is not a Mrs. Moore, nor "the old lady" a Miss Welland. A "the boy" tag is remembered here
    (`Reader.children`) for the tags after it."""
    words = phrase.lower().split()
    if words[-1] in _CHILD and ranked:
        r.children[ranked[0]] += 1
    if words[-1] in _YOUNG_WOMAN or ("young" in words and words[-1] in _WOMAN):
        ranked = sorted(ranked, key=lambda c: r.title.get(c) in _MARRIED)
    elif words[-1] in _WOMAN and ("old" in words or "elderly" in words):
        ranked = sorted(ranked, key=lambda c: r.title.get(c) in _UNMARRIED)
    if words[-1] not in _ANYONE:
        return ranked
    if r.described_only:
        ranked = sorted(ranked, key=lambda c: c not in r.described_only)
    if "young" in words or "younger" in words:
        return ranked
    return [c for c in ranked if r.children[c] < 2] or ranked


def _epithet_holder(r: Reader, tag: tags_speech.Tag, para_start: int, exclude: set[str]) -> tuple[str | None, bool]:
    """The character a tag's subject names by a roster epithet ("said the angel"; "the older
    Winchester" around a name the family shares), and whether the epithet is theirs alone."""
    if not r.epithets or tag.kind not in ("name", "epithet", "role"):
        return None, False
    start = tag.start
    if tag.kind == "name":
        lo = max(0, tag.start - 40)
        lead = _EPITHET_LEAD.search(r.text, lo, tag.start) if r.text.find("he", lo, tag.start) >= 0 else None
        if not lead:
            return None, False
        start = lead.start()
    holders = r.epithets.holders(r.text[start : tag.end])
    who = r.epithet_referent(holders, tag.start, para_start, exclude) if holders else None
    return who, len(holders) == 1


def _the_one_before(r: Reader, quotes: list[Quote], i: int) -> set[str]:
    """Whom "the other" in the tag of ``quotes[i]`` is set against: the one whose tag settled
    the line just before ("'…,' replied Sikes. '…,' replied the other")."""
    if i > 0:
        spoke = quotes[i - 1].speaker
        return {spoke} if spoke else set()
    last = r.salience.last_settled
    return {last[1]} if last and last[0] >= quotes[i].start - OTHER_REACH else set()


def _cleft(r: Reader, doc: Document, pidx: int, quotes: list[Quote], quoted: dict[int, list[Quote]]) -> str | None:
    """Who a cleft names as the speaker: in the paragraph's narration, or opening the next
    paragraph when that is all narration ("It was Marilla who spoke"). An inverted cleft ends the
    narration before the line it names the speaker of ("… called 'carrots.' Gilbert it was who
    spoke up stoutly.")."""
    if not r.clefts():
        return None
    para = doc.paragraphs[pidx]
    bounds = [para.start, *(x for q in quotes for x in q.outer), para.end]
    for a, b in zip(bounds[::2], bounds[1::2]):
        closing = a == bounds[-2] and pidx + 1 in quoted
        who = r.cleft_speaker(a, b, inverted=False if closing else None) if b > a else None
        if who:
            return who
    before = _previous_narration(doc, pidx, quoted)
    if before is not None:
        last = max(r.text.rfind(mark, before[0], before[1] - 2) for mark in ".!?")
        who = r.cleft_speaker(max(before[0], last + 1), before[1], opening=True, inverted=True)
        if who:
            return who
    following = doc.paragraphs[pidx + 1] if pidx + 1 < len(doc.paragraphs) else None
    if following is None or not following.in_body or pidx + 1 in quoted:
        return None
    return r.cleft_speaker(following.start, following.end, opening=True)


def _read_turn(r: Reader, doc: Document, pidx: int, quotes: list[Quote], quoted: dict[int, list[Quote]]) -> Turn:
    """A turn and the evidence its own paragraph gives about its speaker."""
    para = doc.paragraphs[pidx]
    turn = Turn(pidx, quotes)
    for q in quotes:
        turn.vocatives.update(r.vocatives(q))
        turn.vocatives.update(addressing.parent_addressed(r, q))
        about, selves = r.named_in(q)
        turn.named |= about
        for c in sorted(selves):
            turn.evidence[c] = turn.evidence.get(c, 0.0) + SELF_NAMED
            turn.selves.append(c)
        turn.addressee_gender = turn.addressee_gender or addressing.title_gender(r.text, q.start, q.end)
    turn.named -= turn.vocatives
    ev = turn.evidence
    for i, q in enumerate(quotes):
        tag = _find_tag(r, doc, pidx, quotes, i, quoted)
        if tag is None:
            continue
        if tag.addressee:
            addressee = r.char_at.get(tag.addressee[0])
            if addressee:
                q.addressees = [addressee]
        if tag.strong and tag.kind != "name" and (tag.gender not in ("I", "W", "Y") or tag.gender == r.narrator_tag):
            turn.described.add(id(q))
        who, sole = _epithet_holder(r, tag, para.start, turn.vocatives)
        if who:
            # "said the angel": the roster's epithet for Castiel, as good as his name when his alone.
            ev[who] = ev.get(who, 0.0) + (NAME_TAG if sole else ROLE_TAG)
            turn.cue = turn.cue or "tag_epithet"
            if tag.kind == "name":
                turn.described.add(id(q))
            continue
        if tag.kind == "name":
            who = r.character_of(tag)
            if who is None:
                continue
            if who in r.described_only and r.text[tag.start].islower():
                # "said the painter": a roster entry known only by that description may be
                # the one the story names Basil; strong evidence, but not a name's. Someone in
                # focus whose name carries its one word ("Doctor Losberne") is meant before it.
                phrase = r.text[tag.start : tag.end]
                if len(phrase.split()) == 2:
                    who = r.role_owner(phrase, r.described_only) or who
                ev[who] = ev.get(who, 0.0) + DESCRIBED_ENTRY
                turn.cue = turn.cue or "tag_epithet"
                turn.described.add(id(q))
                continue
            if tag.strong:
                q.speaker, q.rule, q.type = who, "tag_name", "explicit"
            ev[who] = ev.get(who, 0.0) + (NAME_TAG if tag.strong else WEAK_NAME)
            turn.cue = turn.cue or ("tag_name" if tag.strong else "beat")
            continue
        if tag.kind == "role":
            # "said the duchess": the roster's one character with that word in a name, if any.
            who = r.role_owner(r.text[tag.start : tag.end], turn.vocatives)
            if who:
                ev[who] = ev.get(who, 0.0) + ROLE_TAG
                turn.cue = turn.cue or "tag_epithet"
            else:
                turn.epithet = turn.epithet or conversation.description_key(r.text[tag.start : tag.end])
                if tag.strong:
                    # "said the chairman", and no one's name says chairman: someone in focus, faintly.
                    r.salience.advance(tag.start)
                    not_them = turn.vocatives | set(q.addressees)
                    ranked = r.salience.candidates(None, tag.start, para.start, not_them, True)
                    for rank, c in enumerate(ranked[: len(PRONOUN_RANKS)]):
                        ev[c] = ev.get(c, 0.0) + PRONOUN_RANKS[rank] * ROLE_SCALE
            continue
        if tag.gender in ("I", "W", "Y"):
            if tag.gender == r.narrator_tag:
                ev[r.narrator_id] = ev.get(r.narrator_id, 0.0) + (NAME_TAG if tag.strong else WEAK_NAME)
                turn.cue = turn.cue or "tag_pronoun"
            continue
        epithet = tag.kind == "epithet"
        # "the DI said", and the roster's one DI is Lestrade. In lower case it is a description
        # anyone may fit: "the detective" is Sherlock more often than Detective Inspector Lestrade.
        head = r.text[tag.start : tag.end].split()[-1]
        owner = r.role_owner(head) if epithet and head[:1].isupper() else None
        if owner:
            ev[owner] = ev.get(owner, 0.0) + ROLE_TAG
            turn.cue = turn.cue or "tag_epithet"
            continue
        if epithet and _kin_evidence(r, tag, para.start, ev):
            turn.cue = turn.cue or "tag_epithet"
            turn.gender_hint = turn.gender_hint or (tag.gender if tag.gender in ("M", "F") else None)
            continue
        # "he asked Mark": not Mark.
        possessor = r.char_at.get(tag.start) if epithet else None  # "Margaret's young man" is not Margaret
        not_them = turn.vocatives | set(q.addressees) | ({possessor} if possessor else set())
        if epithet:
            not_them |= _possessor(r, tag, para.start)
            if r.text[tag.start : tag.end].lower().split()[1:2] == ["other"]:
                not_them |= _the_one_before(r, quotes, i)
        r.salience.advance(tag.start)  # "she shrank back … "…," she said": this paragraph's "she" too
        ranked = r.salience.candidates(tag.gender, tag.start, para.start, not_them, epithet)
        kin = r.kin_of_other(para.start, tag.start, tag.gender) if not epithet and tag.gender in ("M", "F") else None
        if kin and kin not in not_them:
            ranked = [kin, *(c for c in ranked if c != kin)]
        if epithet:
            ranked = _fit_description(r, r.text[tag.start : tag.end], ranked)
            turn.epithet = turn.epithet or conversation.description_key(r.text[tag.start : tag.end])
        if ranked and tag.gender in ("M", "F"):
            turn.hints[id(q)] = (tag.gender, ranked[0])
        scale = EPITHET_SCALE if epithet or not tag.strong else 1.0
        for rank, c in enumerate(ranked[: len(PRONOUN_RANKS)]):
            ev[c] = ev.get(c, 0.0) + PRONOUN_RANKS[rank] * scale
        if turn.gender_hint is None and tag.gender in ("M", "F"):
            turn.gender_hint = tag.gender
        turn.cue = turn.cue or ("tag_epithet" if epithet else "tag_pronoun" if tag.strong else "beat_pronoun")
    for i in range(1, len(quotes)):
        who = r.interjection(quotes[i - 1].outer[1], quotes[i].outer[0])
        if who:
            turn.interjected[id(quotes[i])] = who
    if not any(q.rule == "tag_name" for q in quotes):
        who = _cleft(r, doc, pidx, quotes, quoted)
        if who:
            # "It was Marilla who spoke": as good as "said Marilla".
            for q in quotes:
                q.speaker, q.rule, q.type = who, "tag_name", "explicit"
            ev[who] = ev.get(who, 0.0) + NAME_TAG
            turn.cue = "tag_name"
    if not turn.cue:
        found = r.beats(para.start, para.end, quotes)
        for who, weight in found:
            ev[who] = ev.get(who, 0.0) + weight
        if found:
            turn.cue = "beat"
    named = narration_names.named(r, para.start, para.end)
    # The one the narration shows the speaker turning to ("turning to Carl") is the listener
    # (someone the narration names, so there is none to look for when it names no one).
    listener = r.looked_at(para.start, para.end, quotes) if named else None
    for c, as_object in named.items():
        if c != listener:
            ev[c] = ev.get(c, 0.0) + (MENTIONED_OBJECT if as_object else MENTIONED)
    if listener and not any(q.addressees for q in quotes):
        for q in quotes:
            q.addressees = [listener]
    likeliest = max(ev, key=ev.__getitem__) if ev else None
    turn.exits = absences.exits(r, para.start, para.end, quotes, likeliest)
    if para.end - quotes[-1].outer[1] > absences.SHORTEST_SILENCE:
        turn.silent = absences.silences(r, quotes[-1].outer[1], para.end)
    return turn


def _assign(turn: Turn, gender: dict[str, str | None]) -> None:
    """Give the turn's decoded speaker to its quotes that no tag of their own settled.

    A quote whose own pronoun tag does not fit that speaker's gender ("'…,' said Ralph.
    … 'Yes,' she said.") is another person's line: it goes to that pronoun's referent.
    """
    own = [(i, q.speaker) for i, q in enumerate(turn.quotes) if q.rule == "tag_name"]
    best = max(turn.evidence, key=turn.evidence.__getitem__) if turn.evidence else None
    cue = turn.cue if turn.speaker == best and turn.cue else "conversation"
    for i, q in enumerate(turn.quotes):
        if q.rule == "tag_name":
            continue
        if own:
            q.speaker = min(own, key=lambda o: abs(o[0] - i))[1]
            q.rule = "same_paragraph"
            # "'…,' said Cecil. Freddy jumped out … '…'": the line after is Freddy's.
            other = turn.interjected.get(id(q))
            if other and other != q.speaker:
                q.speaker, q.rule = other, "beat"
        else:
            q.speaker, q.rule = turn.speaker, cue if i == 0 or cue != "tag_name" else "same_paragraph"
        if q.continues and i == 0 and q.rule not in ("tag_name",):
            q.rule = "continued" if cue == "conversation" else q.rule
        hint = turn.hints.get(id(q))
        if hint and q.speaker and gender.get(q.speaker) not in (hint[0], None):
            q.speaker, q.rule = hint[1], "tag_pronoun"
        described = id(q) in turn.described or q.rule in ("tag_pronoun", "tag_epithet")
        named = q.rule == "same_paragraph" and id(q) not in turn.described
        q.type = None if not q.speaker else "explicit" if named else "anaphoric" if described else "implicit"


def attribute(doc: Document) -> None:
    """Fill speaker, addressees, type, rule and confidence of every quote."""
    for q in doc.quotes:
        if q.rule not in chat_people.RULES:
            q.speaker, q.addressees, q.confidence, q.type, q.rule = None, [], 0.0, None, ""
    chat_people.attribute(doc)
    r = Reader(doc)
    by_para: dict[int, list[Quote]] = {}
    for q in doc.quotes:
        if q.rule not in chat_people.RULES:
            by_para.setdefault(q.paragraph, []).append(q)
    by_id = {q.id: q for q in doc.quotes}
    quoted = by_para
    turns: list[Turn] = []
    for pidx in sorted(by_para):
        para = doc.paragraphs[pidx]
        r.salience.advance(para.start)
        context = r.salience.ranked(6)  # before reading the turn moves salience into its paragraph
        turn = _read_turn(r, doc, pidx, by_para[pidx], quoted)
        turn.context = context
        if r.has_narrator:
            turn.context = list(dict.fromkeys([r.narrator_id, *turn.context[:5]]))
            # The one telling the story is in every scene of it.
            turn.evidence[r.narrator_id] = turn.evidence.get(r.narrator_id, 0.0) + NARRATOR_PRESENT
        first = turn.quotes[0]
        if turns and first.continues and by_id[first.continues] in turns[-1].quotes:
            _merge(turns[-1], turn)
        else:
            if turns:
                between = doc.paragraphs[turns[-1].pidx + 1 : pidx]
                if between:
                    turn.bridge = sum(p.end - p.start for p in between)
                    # Whoever the narration just before this line is about is likely in it,
                    # unless it shows them leaving.
                    named = dict.fromkeys(r.salience.narration_characters(between[0].start, between[-1].end))
                    # ... or calls the narrator's kin ("My grandmother looked at her for a long moment.").
                    named.update(dict.fromkeys(r.kin_subjects(between[0].start, between[-1].end)))
                    for c in named:
                        turn.evidence[c] = turn.evidence.get(c, 0.0) + BRIDGE
                    # ... and whom it follows as "she" ("She sent in her name, and … ran up the stairs").
                    for c in r.salience.pronoun_subjects_between(between[0].start, between[-1].end):
                        if c not in named:
                            turn.evidence[c] = turn.evidence.get(c, 0.0) + BRIDGE_PRONOUN
                    turns[-1].exits |= absences.exits(r, between[0].start, between[-1].end, [], None)
                    turns[-1].silent |= absences.silences(r, between[0].start, between[-1].end)
                for c in sorted(turns[-1].silent):
                    # "He didn't answer that one.": the line before was said to him, and the
                    # line after is someone else's.
                    turns[-1].evidence[c] = turns[-1].evidence.get(c, 0.0) + SILENT
                    turn.evidence[c] = turn.evidence.get(c, 0.0) + SILENT
            turns.append(turn)
        r.salience.took_turn(turns[-1])
        r.salience.advance(para.end)
    # A roster the user gave is the cast: someone it does not list is unlikely to speak. A fandom's
    # is not; the story's own people (a customer, an original character) speak as freely as its.
    listed = {c.id for c in doc.characters if c.from_roster} if doc.roster and not doc.roster_from_fandom else None
    if r.has_narrator and listed is not None:
        listed.add(r.narrator_id)
    present = r.narrator_id if r.has_narrator else None
    conversation.mark_scenes(turns)
    conversation.introduced_descriptions(turns)
    newcomers.named_later(turns, r.names, {c.id: c for c in doc.characters}, r.text)
    if len(turns) >= voices.SELF_TRAIN_TURNS:
        conversation.decide(turns, r.salience.gender, listed, present)
        voted = voices.add_evidence(turns, r.text, voices.tagged_or_decided)
        again = [t for conv in conversation.conversations(turns) if any(id(t) in voted for t in conv) for t in conv]
        conversation.decide(again, r.salience.gender, listed, present)
    else:
        voices.add_evidence(turns, r.text, voices.tagged)
        conversation.decide(turns, r.salience.gender, listed, present)
    conversation.same_description_same_person(turns, r.salience.gender, listed, present)
    if r.has_narrator:
        _name_narrator(doc, turns, r.salience.gender, listed, r)
    for t in turns:
        _assign(t, r.salience.gender)
    conversation.fill_addressees(turns)
    _unify_chains(doc.quotes, by_id)
    named_confidence = confidence.for_rule("tag_name")
    for t in turns:
        for q in t.quotes:
            if not q.speaker:
                q.confidence = 0.0
            elif q.rule == "tag_name":
                q.confidence = named_confidence
            else:
                q.confidence = confidence.calibrate(q.rule, t.posterior)
    for q in doc.quotes:
        q.addressees = [a for a in dict.fromkeys(q.addressees) if a != q.speaker]


def _name_narrator(doc: Document, turns: list[Turn], gender: dict[str, str | None], listed: set[str] | None, r: Reader) -> None:
    """Give the narrator's turns to the character they turn out to be.

    The narrator is "I" (or "you"), never "he" or "she": a turn whose own tag says "said he" that
    went to the character who narrates is decided again without them."""
    who = r.narrator_id if r.narrator_id != NARRATOR else narrator.identify(doc, turns)
    if who is None and any(t.speaker == NARRATOR for t in turns):
        who = narrator.narrator_character(doc, r.narrator_tag or "I").id
    _narrator_is(who, turns)
    if who is None:
        return
    told = {id(t) for t in turns if t.hints and t.speaker == who}
    for t in turns:
        if id(t) in told:
            t.evidence[who] = t.evidence.get(who, 0.0) + NOT_THE_NARRATOR
    if told:
        again = [t for conv in conversation.conversations(turns) if any(id(t) in told for t in conv) for t in conv]
        conversation.decide(again, gender, listed, who)
        _narrator_is(who, again)


def _narrator_is(who: str | None, turns: list[Turn]) -> None:
    for t in turns:
        if t.speaker == NARRATOR:
            t.speaker = who
        if who:
            t.context = [who if c == NARRATOR else c for c in t.context]
        if NARRATOR in t.evidence and who:
            t.evidence[who] = t.evidence.pop(NARRATOR) + t.evidence.get(who, 0.0)


def _merge(into: Turn, more: Turn) -> None:
    """A speech that runs on into the next paragraph stays one turn."""
    into.quotes.extend(more.quotes)
    into.vocatives |= more.vocatives
    into.described |= more.described
    into.named = (into.named | more.named) - into.vocatives
    for c, v in more.evidence.items():
        into.evidence[c] = into.evidence.get(c, 0.0) + v
    into.gender_hint = into.gender_hint or more.gender_hint
    into.cue = into.cue or more.cue
    into.pidx = more.pidx


_FORMS = ["implicit", "anaphoric", "explicit"]


def _unify_chains(quotes: list[Quote], by_id: dict[str, Quote]) -> None:
    """A speech in several pieces has one speaker: the one its surest piece was given."""
    chains: dict[str, list[Quote]] = {}
    for q in quotes:
        root = q
        while root.continues and root.continues in by_id:
            root = by_id[root.continues]
        chains.setdefault(root.id, []).append(q)
    rank = confidence.table()
    for chain in chains.values():
        if len(chain) < 2:
            continue
        best = max(chain, key=lambda q: (q.speaker is not None, rank.get(q.rule, 0.0)))
        for q in chain:
            own_tag = q.rule.startswith("tag_")
            if q is not best and not own_tag and q.speaker != best.speaker and rank.get(q.rule, 0.0) <= rank.get(best.rule, 0.0):
                q.speaker, q.type, q.rule = best.speaker, best.type, "continued"
                q.addressees = list(best.addressees)
        # One speech, one type: the pieces of "…," said Emma, "…" are all explicit.
        same = [q for q in chain if q.speaker == best.speaker and q.type]
        if same:
            form = max((q.type for q in same if q.type), key=_FORMS.index)
            for q in same:
                q.type = form


def run(doc: Document) -> None:
    attribute(doc)
