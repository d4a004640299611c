"""Deciding who speaks each turn of a conversation, all turns at once.

A conversation is a run of dialogue paragraphs with little narration between
them (`_MAX_GAP`, `_MAX_BRIDGE`). Each turn brings local evidence, scored per
candidate speaker by `speakers` (a tag naming someone, a pronoun of some gender,
an action beat, names addressed in the lines); the conversation brings its
shape: lines alternate, a person rarely speaks two paragraphs running (almost
never when nothing but the paragraph break stands between the two lines, but
often after narration: a pause, a gesture, a paragraph of it or a few lines
around the quotes), someone addressed by name usually answers next, and in a
talk of three a line often returns to the one who spoke two turns before.

These are the log-potentials of a second-order chain over the turns; the
decoder finds the best sequence of speakers (Viterbi) and each turn's posterior
probability (forward-backward), which becomes its confidence. Weights are set
by hand, in log-odds units, and documented in docs/evaluation.md.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from operator import itemgetter

from ficlens.steps import chain_decoder
from ficlens.steps.salience import Turn

_MAX_GAP = 2  # paragraphs between two turns of one conversation
_MAX_BRIDGE = 150  # characters of narration between two turns of one conversation
_MAX_CANDIDATES = 8

REPEAT = -0.75  # the same person speaks two turns running
REPEAT_BARE = -1.25  # ... with nothing but the paragraph break between the two lines
REPEAT_AFTER_NARRATION = 1.0  # ... with narration between the two: a paragraph, or an aside
ASIDE_BARE = 10  # characters between two lines of adjacent paragraphs, at most, for "nothing"
ASIDE_LONG = 100  # ... at least, for an aside (the tag and narration around the quotes)
RETURN = 1.2  # a turn goes back to the speaker of two turns before (A B A)
ADDRESSED = 3.0  # someone named in the previous line answers
REPLIED_TO = 2.0  # someone named in the next line spoke the one before it (no paragraph between)
VOCATIVE = -6.0  # someone named in this line does not say it
NAMED = -2.0  # nor does someone it talks about by name
GENDER_FIT = 2.0  # the tag's pronoun fits the candidate's gender
GENDER_CLASH = -4.0
CONTEXT = (0.6, 0.35, 0.2)  # in focus when the conversation began, by rank
IN_VIEW = 0.05  # ... further down (a candidate, when nothing else fills the places)
ADDRESS_FIT = 0.6  # the neighbouring line's "sir"/"madam" fits this speaker's gender
ADDRESS_CLASH = -0.8
ANCHOR = 2.5  # evidence that shows a candidate takes part (a tag, a beat)
UNANCHORED = -0.5  # a candidate nothing in the conversation, or the one just after, shows taking part
NEARBY = 1500  # characters between two conversations of one scene, at most
GONE = -1.5  # a candidate the narration showed leaving
RETURNED = 2.5  # evidence that brings a departed candidate back (a tag or a beat)
NOT_YET = -2.0  # a candidate speaking before anything shows them in the scene
OTHER = -1.5  # someone the story has not named here: keeps posteriors honest
OFF_ROSTER = -3.0  # a character the given roster does not list
LONG_TALK = 15  # turns: a conversation this long is checked for speakers it can do without
EXTRA_SPEAKER = 3.0  # what a further speaker must add to a long conversation's best sequence
MINORITY = 0.3  # ... that gives them at most this share of its lines
CONSISTENT = 2.0  # towards the person a description repeated in tags mostly meant
CONSISTENT_MIN = 3  # tags using the description
CONSISTENT_SHARE = 0.3  # of the posterior weight of its lines
INTRODUCED = 2.0  # towards the one a description's own line named as its speaker ("My name is Brownlow")
INTRO_BEFORE = 20_000  # characters before that line, at most, for another tag with the description
INTRO_AFTER = 100_000  # ... and after it


def _adjacent(a: Turn, b: Turn) -> bool:
    return 0 < b.pidx - a.pidx <= _MAX_GAP and b.bridge <= _MAX_BRIDGE


def conversations(turns: list[Turn]) -> list[list[Turn]]:
    groups: list[list[Turn]] = []
    for t in turns:
        if groups and _adjacent(groups[-1][-1], t):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def mark_scenes(turns: list[Turn]) -> None:
    """Give each conversation's first turn the characters shown taking part in the conversation
    just after it, when little narration stands between the two (`NEARBY`): they were most
    likely in the scene already. (Salience covers those of the one before.)"""
    convs = conversations(turns)
    for conv, after in zip(convs, convs[1:]):
        if after[0].start - conv[-1].quotes[-1].end <= NEARBY:
            conv[0].scene = _shown(after)


def _shown(conv: list[Turn]) -> list[str]:
    """Those a tag or beat shows taking part in a conversation, or its lines address by name."""
    tagged = (c for t in conv for c, v in t.evidence.items() if v >= ANCHOR)
    return list(dict.fromkeys([*tagged, *(c for t in conv for c in sorted(t.vocatives))]))


def _candidates(conv: list[Turn]) -> list[str]:
    weight: dict[str, float] = defaultdict(float)
    for t in conv:
        for c, v in t.evidence.items():
            if v > 0:
                weight[c] += v
        for c in sorted(t.vocatives):
            weight[c] += 1.0
    for rank, c in enumerate(conv[0].context[: len(CONTEXT)]):
        weight[c] += CONTEXT[rank]
    for c in conv[0].context[len(CONTEXT) :]:
        weight[c] += IN_VIEW
    for c in conv[0].scene:
        weight.setdefault(c, 0.0)  # the scene's people fill places left
    return [c for c, _ in sorted(weight.items(), key=itemgetter(1), reverse=True)[:_MAX_CANDIDATES]]


def _arrivals(conv: list[Turn], cands: list[str]) -> dict[str, int]:
    """The turn at which each candidate is first shown present: in focus when the conversation
    began, or given evidence or addressed in a turn. Nobody speaks before they arrive."""
    arrive = {c: 0 for c in conv[0].context[: len(CONTEXT)]}
    for i, t in enumerate(conv):
        for c in cands:
            if c not in arrive and (t.evidence.get(c, 0.0) > 0 or c in t.vocatives):
                arrive[c] = i
    return arrive


def _emissions(conv: list[Turn], cands: list[str], gender: dict[str, str | None], listed: set[str] | None) -> list[list[float]]:
    """Each turn's log-potentials for the candidates and, in a last column, "someone else"."""
    n = len(conv)
    arrive = _arrivals(conv, cands)
    arrives = [arrive.get(c, n) for c in cands]
    anchored = {*_shown(conv), *conv[0].scene}
    # The weights of the conversation's shape are halves and wholes: their sums are exact in any order.
    fixed = [(OFF_ROSTER if listed and c not in listed else 0.0) + (0.0 if c in anchored else UNANCHORED) for c in cands]
    context = conv[0].context[: len(CONTEXT)]
    genders = [gender.get(c) for c in cands]
    em: list[list[float]] = []
    gone: set[str] = set()  # someone who has left speaks no more until the story brings them back
    for i, t in enumerate(conv):
        gone -= {c for c in gone if t.evidence.get(c, 0.0) >= RETURNED}
        prev_voc = _addressed(conv[i - 1]) if i > 0 else set()
        # Someone the next line calls by name spoke this one, unless narration stands between the
        # two ("Arobin dropped in. 'How do you do, Arobin?'": he has only just come).
        next_voc = conv[i + 1].vocatives if i + 1 < n and conv[i + 1].pidx - t.pidx == 1 else set()
        # A neighbouring line that calls its listener "sir" or "madam" is said to this speaker.
        neighbours = [conv[k].addressee_gender for k in (i - 1, i + 1) if 0 <= k < n]
        hints = [h for h in neighbours if h]
        row = []
        for j, c in enumerate(cands):
            shape = fixed[j] + (NOT_YET if i < arrives[j] else 0.0) + (GONE if c in gone else 0.0)
            s = t.evidence.get(c, 0.0)
            g = genders[j]
            if t.gender_hint in ("M", "F"):
                s += GENDER_FIT if g == t.gender_hint else GENDER_CLASH if g in ("M", "F") else 0.0
            if c in t.vocatives:
                s += VOCATIVE
            elif c in t.named:
                s += NAMED
            if c in prev_voc and c != conv[i - 1].speaker:
                s += ADDRESSED
            if c in next_voc and c not in t.vocatives:
                s += REPLIED_TO
            if i == 0 and c in context:
                s += CONTEXT[context.index(c)]
            if g in ("M", "F"):
                for hint in hints:
                    s += ADDRESS_FIT if g == hint else ADDRESS_CLASH
            row.append(shape + s)
        row.append(OTHER)
        em.append(row)
        gone |= t.exits
    return em


def _addressed(turn: Turn) -> set[str]:
    """Who a turn's lines are said to: named in them, or in their tag ("said Emma to Harriet")."""
    return turn.vocatives | {a for q in turn.quotes for a in q.addressees}


# How the narration stands between a turn's lines and the previous turn's, which sets the
# weight of the same person speaking again (`_repeat`).
PLAIN, NARRATED, BARE = 0, 1, 2  # a tag or a little narration; a lot of it; nothing


def _between(prev: Turn, turn: Turn) -> int:
    """What stands between the previous turn's last line and this turn's first."""
    if turn.pidx - prev.pidx > 1:
        return NARRATED
    aside = turn.quotes[0].outer[0] - prev.quotes[-1].outer[1]
    return NARRATED if aside >= ASIDE_LONG else BARE if aside <= ASIDE_BARE else PLAIN


def _repeat(kind: int) -> float:
    return REPEAT_AFTER_NARRATION if kind == NARRATED else REPEAT_BARE if kind == BARE else REPEAT


def decode(em: list[list[float]], narrated: list[int] | None = None) -> tuple[list[int], list[list[float]]]:
    """The likeliest speaker sequence, and each turn's posterior over the candidates.

    ``narrated[t]`` is what stands between turn t and the one before (`_between`; a bool
    reads as PLAIN or NARRATED).

    Forward-backward over states (previous speaker, current speaker), in probability
    space with each step rescaled; the decisions are the likeliest whole sequence
    (Viterbi), which keeps a conversation's turns consistent with one another
    (`chain_decoder`).
    """
    n, k = len(em), len(em[0])
    if k == 1:
        return [0] * n, [[1.0] for _ in range(n)]
    e = _potentials(em)
    if n == 1:
        total = sum(e[0])
        p = [x / total for x in e[0]]
        return [p.index(max(p))], [p]
    repeat, back = _repeat_potentials(narrated or [PLAIN] * n), math.exp(RETURN)
    return chain_decoder.best_path(e, repeat, back), chain_decoder.posteriors(e, repeat, back)


def best_path(em: list[list[float]], narrated: list[int]) -> list[int]:
    """The path of `decode` (``narrated`` as there, for two turns or more), without the posteriors."""
    if len(em[0]) == 1:
        return [0] * len(em)
    return chain_decoder.best_path(_potentials(em), _repeat_potentials(narrated), math.exp(RETURN))


def _potentials(em: list[list[float]]) -> list[list[float]]:
    """exp of each turn's log-potentials, the largest made 1."""
    out = []
    for row in em:
        top = max(row)
        out.append([math.exp(x - top) for x in row])
    return out


def _repeat_potentials(narrated: list[int]) -> list[float]:
    """The potential of the same person's speaking again at each turn (`_repeat`, exponentiated)."""
    return [math.exp(_repeat(x)) for x in narrated]


def decide(turns: list[Turn], gender: dict[str, str | None], listed: set[str] | None = None, present: str | None = None) -> None:
    """Set every turn's speaker and posterior from the decoded conversations.

    A last candidate stands for "someone else"; it takes probability mass where the
    evidence is thin, but a turn it wins still goes to the likeliest named candidate.
    ``listed`` are the characters of a given roster, preferred over ones it does not list.
    ``present`` is the one telling the story, in every scene: a long exchange never leaves them out.
    """
    for conv in conversations(turns):
        cands = _candidates(conv)
        if not cands:
            continue
        em = _emissions(conv, cands, gender, listed)
        between = [PLAIN] + [_between(a, b) for a, b in zip(conv, conv[1:])]
        path, post = decode(em, between)
        if len(conv) >= LONG_TALK:
            path, post = _fewer_speakers(em, between, path, post, cands.index(present) if present in cands else -1)
        for i, t in enumerate(conv):
            named = post[i][: len(cands)]
            j = path[i] if path[i] < len(cands) else named.index(max(named))
            t.speaker = cands[j]
            t.posterior = post[i][j]


def _fewer_speakers(
    em: list[list[float]], between: list[int], path: list[int], post: list[list[float]], stays: int = -1
) -> tuple[list[int], list[list[float]]]:
    """A long exchange is carried by few people. While three or more speak in the decoded
    sequence, a speaker with few of its lines (`MINORITY`), fewest first, is left out if the
    best sequence without them scores at most `EXTRA_SPEAKER` less; the columns of those left
    out get no posterior. The column ``stays`` (the narrator's, or -1) is never left out."""
    other = len(em[0]) - 1
    keep = list(range(other))
    while len({j for j in path if j != other}) >= 3:
        counts = Counter(j for j in path if j != other)
        few = sorted((j for j, n in counts.items() if n <= MINORITY * len(path) and j != stays), key=lambda j: (counts[j], j))
        score = _path_score(em, between, path)
        for x in few:
            cols = [j for j in keep if j != x] + [other]
            fewer = [[row[j] for j in cols] for row in em]
            if _path_score(em, between, [cols[j] for j in best_path(fewer, between)]) >= score - EXTRA_SPEAKER:
                sub_path, sub_post = decode(fewer, between)
                keep.remove(x)
                path = [cols[j] for j in sub_path]
                post = [[0.0] * len(row) for row in post]
                for row, sub_row in zip(post, sub_post):
                    for j, p in zip(cols, sub_row):
                        row[j] = p
                break
        else:
            break
    return path, post


def _path_score(em: list[list[float]], between: list[int], path: list[int]) -> float:
    """The log-potential of a whole sequence of speakers: its turns' evidence and the chain's
    transitions (`chain_decoder`)."""
    score = sum(em[i][j] for i, j in enumerate(path))
    for i in range(1, len(path)):
        if path[i] == path[i - 1]:
            score += _repeat(between[i])
        elif i >= 2 and path[i] == path[i - 2]:
            score += RETURN
    return score


def fill_addressees(turns: list[Turn]) -> None:
    """Lines with no named addressee are said to the others of the exchange: the speakers of
    the lines just before and after, the one before first."""
    for i, t in enumerate(turns):
        prev = turns[i - 1] if i > 0 and _adjacent(turns[i - 1], t) else None
        nxt = turns[i + 1] if i + 1 < len(turns) and _adjacent(t, turns[i + 1]) else None
        for q in t.quotes:
            vocs = [v for v in sorted(t.vocatives) if v != q.speaker]
            if vocs and not q.addressees:
                q.addressees = vocs
            if q.addressees or not q.speaker:
                continue
            q.addressees = [o.speaker for o in (prev, nxt) if o and o.speaker and o.speaker != q.speaker]


def description_key(phrase: str) -> str:
    """ "The old gentleman" -> "old gentleman": a description without its article, in lower case."""
    words_ = phrase.lower().split()
    return " ".join(words_[1:] if words_ and words_[0] in ("the", "a", "an") else words_)


def same_description_same_person(
    turns: list[Turn], gender: dict[str, str | None], listed: set[str] | None, present: str | None = None
) -> None:
    """A description a story uses again and again in tags ("said the old gentleman") mostly means
    one person: where the first decoding gave most of its lines to one character, the rest lean
    towards them too, and their conversations are decoded again."""
    groups: dict[str, list[Turn]] = {}
    for t in turns:
        if t.epithet:
            groups.setdefault(t.epithet, []).append(t)
    changed: set[int] = set()
    for group in groups.values():
        if len(group) < CONSISTENT_MIN:
            continue
        votes: dict[str, float] = defaultdict(float)
        for t in group:
            if t.speaker:
                votes[t.speaker] += t.posterior
        if not votes:
            continue
        top = max(votes, key=votes.__getitem__)
        weight = votes[top]
        if weight < CONSISTENT_SHARE * sum(votes.values()):
            continue
        for t in group:
            if t.speaker != top:
                t.evidence[top] = t.evidence.get(top, 0.0) + CONSISTENT
                changed.add(id(t))
    if changed:
        again = [t for conv in conversations(turns) if any(id(t) in changed for t in conv) for t in conv]
        decide(again, gender, listed, present)


def introduced_descriptions(turns: list[Turn]) -> None:
    """A description whose lines name their speaker ("'My name is Brownlow,' said the old
    gentleman") stands for that person in the tags around them that use it."""
    links: dict[str, list[tuple[int, str]]] = {}
    for t in turns:
        if t.epithet and len(set(t.selves)) == 1:
            links.setdefault(t.epithet, []).append((t.start, t.selves[0]))
    if not links:
        return
    for t in turns:
        found = links.get(t.epithet) if t.epithet else None
        if not found or t.selves:
            continue
        near = [(abs(t.start - at), who) for at, who in found if -INTRO_AFTER <= at - t.start <= INTRO_BEFORE]
        if near:
            who = min(near)[1]
            t.evidence[who] = t.evidence.get(who, 0.0) + INTRODUCED
