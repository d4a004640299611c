"""The conversation decoder, and how a conversation's shape decides its turns."""

import itertools
import math
import random

from ficlens.steps import conversation

KINDS = [conversation.PLAIN, conversation.NARRATED, conversation.BARE]


def log_potential(em, narrated, path):
    """The log-potential of one whole sequence: every turn's evidence and every transition."""
    score = sum(em[t][c] for t, c in enumerate(path))
    for t in range(1, len(path)):
        if path[t] == path[t - 1]:
            score += conversation._repeat(narrated[t])
        elif t >= 2 and path[t] == path[t - 2]:
            score += conversation.RETURN
    return score


def by_enumeration(em, narrated):
    """Every sequence of speakers scored whole, and each turn's marginals."""
    n, k = len(em), len(em[0])
    paths = list(itertools.product(range(k), repeat=n))
    scores = [log_potential(em, narrated, p) for p in paths]
    top = max(scores)
    post = [[0.0] * k for _ in range(n)]
    for p, s in zip(paths, scores):
        for t, c in enumerate(p):
            post[t][c] += math.exp(s - top)
    return scores, [[x / sum(row) for x in row] for row in post]


def _random_talk(rng, n, k, scale):
    return [[rng.gauss(0.0, 1.0) * scale for _ in range(k)] for _ in range(n)]


def _close(a, b):
    return all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12) for ra, rb in zip(a, b) for x, y in zip(ra, rb))


def test_the_decoder_gives_what_scoring_every_sequence_gives():
    rng = random.Random(11)
    for k in range(2, 6):
        for n in (2, 3, 4, 6):
            for _ in range(6):
                em = _random_talk(rng, n, k, rng.choice([0.5, 2.0, 6.0]))
                narrated = rng.choices(KINDS, weights=[0.4, 0.3, 0.3], k=n)
                path, post = conversation.decode(em, narrated)
                scores, want_post = by_enumeration(em, narrated)
                assert _close(post, want_post)
                assert math.isclose(log_potential(em, narrated, path), max(scores), rel_tol=1e-12)


def test_with_ties_everywhere_the_decoder_still_returns_a_best_sequence():
    # Ties everywhere: whole-number evidence, and two candidates with the same evidence.
    rng = random.Random(3)
    for k in (2, 3, 4):
        for n in (3, 4, 5):
            for _ in range(10):
                em = [[float(round(x)) for x in row] for row in _random_talk(rng, n, k, 1.0)]
                for row in em:
                    row[-1] = row[0]
                narrated = rng.choices(KINDS, k=n)
                path = conversation.decode(em, narrated)[0]
                scores, _ = by_enumeration(em, narrated)
                assert math.isclose(log_potential(em, narrated, path), max(scores), rel_tol=1e-12, abs_tol=1e-12)


def test_the_best_path_alone_is_decodes_path():
    rng = random.Random(5)
    for k in range(1, 10):
        for n in (2, 3, 7):
            em = _random_talk(rng, n, k, 3.0)
            narrated = [conversation.PLAIN, *rng.choices(KINDS, k=n - 1)]
            assert conversation.best_path(em, narrated) == conversation.decode(em, narrated)[0]


def test_alternation_decides_untagged_turns_between_tags():
    # Two people, the first and last turns tagged: the lines between alternate.
    em = [[8.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [8.0, 0.0]]
    path, post = conversation.decode(em, [conversation.PLAIN] * 5)
    assert path == [0, 1, 0, 1, 0]
    assert all(math.isclose(sum(row), 1.0) for row in post)


def _two_turns(gap: int, hint: float):
    """Ann's tagged line, then an untagged one ``gap`` characters on with ``hint`` for Ann."""
    from ficlens.model import Quote
    from ficlens.steps.salience import Turn

    said = Turn(0, [Quote(0, 20, id="q0")], evidence={"ann": 8.0}, context=["ann", "ben"], cue="tag_name")
    untagged = Turn(1, [Quote(20 + gap, 40 + gap, id="q1")], evidence={"ann": hint})
    conversation.decide([said, untagged], {})
    return untagged.speaker


def test_a_line_right_after_anothers_is_rarely_the_same_persons():
    # Only a paragraph break between Ann's tagged line and the next: a weak hint of Ann
    # (a mention) does not outweigh how seldom one person speaks two such lines running.
    assert _two_turns(2, 0.6) == "ben"


def test_after_an_aside_the_same_person_often_goes_on():
    # '"…," said Ann, and she crossed to the window and looked out for a while.' / '"…"'
    assert _two_turns(110, 0.2) == "ann"
    assert _two_turns(30, 0.2) == "ben"  # a tag alone between them


def _long_talk(third_line: float) -> list[list[float]]:
    """A and B alternate over 16 lines, tagged now and then; line 7 leans to C by ``third_line``."""
    em = [[0.0, 0.0, 0.0, conversation.OTHER] for _ in range(16)]  # A, B, C, someone else
    for i in (0, 5, 8, 13):
        em[i][i % 2] = 8.0
    em[7][2], em[7][1] = third_line, 0.5
    return em


def _decode_long(em: list[list[float]]) -> tuple[list[int], list[int], list[list[float]]]:
    between = [conversation.PLAIN] * len(em)
    first, post = conversation.decode(em, between)
    path, post = conversation._fewer_speakers(em, between, first, post)
    return first, path, post


def test_a_long_exchange_drops_a_third_speaker_it_reads_nearly_as_well_without():
    first, path, post = _decode_long(_long_talk(third_line=3.5))
    assert first[7] == 2  # the first decoding brings C in for one line
    assert path == [i % 2 for i in range(16)]
    assert all(math.isclose(sum(row), 1.0) and row[2] == 0.0 for row in post)


def test_a_third_speaker_the_text_names_stays():
    first, path, _ = _decode_long(_long_talk(third_line=8.0))
    assert path == first and path[7] == 2


def test_the_narrator_is_never_left_out_of_a_long_exchange():
    # "'Depends who's doing the cutting.' I shifted my weight." in a story told as "I": the one
    # telling it is in every scene, however few of its lines they speak.
    em = _long_talk(third_line=3.5)
    between = [conversation.PLAIN] * len(em)
    first, post = conversation.decode(em, between)
    path, _ = conversation._fewer_speakers(em, between, first, post, stays=2)
    assert path == first and path[7] == 2


def test_decide_keeps_the_one_present_throughout_in_a_long_exchange():
    from ficlens.model import Quote
    from ficlens.steps.salience import Turn

    def line_seven(present):
        turns = []
        for i in range(16):
            evidence = {("ann", "ben")[i % 2]: 8.0} if i in (0, 5, 8, 13) else {}
            if i == 7:
                evidence = {"me": 3.5, "ben": 0.5}
            turns.append(Turn(i, [Quote(40 * i, 40 * i + 30, id=f"q{i}")], evidence=evidence))
        conversation.decide(turns, {}, None, present)
        return turns[7].speaker

    assert line_seven(present="me") == "me"
    assert line_seven(present=None) == "ben"


def test_a_speaker_with_a_third_of_the_lines_is_not_left_out():
    # A, B and C take turns over 18 lines, nothing but tags telling them apart: C is a real third.
    n = 18
    em = [[0.0, 0.0, 0.0, conversation.OTHER] for _ in range(n)]
    for i in (0, 1, 2):
        em[i][i] = 8.0
    path = [i % 3 for i in range(n)]
    post = [[0.25] * 4 for _ in range(n)]
    kept, _ = conversation._fewer_speakers(em, [conversation.PLAIN] * n, path, post)
    assert kept == path


def test_characters_in_view_further_down_are_candidates_when_places_are_free():
    # Ann's tagged line opens the talk; the answer comes from no one the turns show. Carl, fourth
    # in focus, is still someone who may speak it; the one named in it (a vocative) may not.
    from ficlens.model import Quote
    from ficlens.steps.salience import Turn

    said = Turn(0, [Quote(0, 20, id="q0")], evidence={"ann": 8.0}, context=["ann", "ben", "dora", "carl"], cue="tag_name")
    answer = Turn(1, [Quote(22, 40, id="q1")], vocatives={"ben"})
    assert "carl" in conversation._candidates([said, answer])


def test_the_one_the_next_line_greets_spoke_this_one_only_with_no_narration_between():
    # Ann's tagged line, an untagged answer, then a line that calls Carl by name. Right after
    # the answer, Carl is the one who gave it; after a paragraph of narration (Carl coming in),
    # he is not: Ben, the other of the talk, is.
    from ficlens.model import Quote
    from ficlens.steps.salience import Turn

    def answer_after(pidx_of_greeting):
        said = Turn(0, [Quote(0, 20, id="q0")], evidence={"ann": 8.0}, context=["ann", "ben", "carl"], cue="tag_name")
        answer = Turn(1, [Quote(22, 40, id="q1")])
        greeting = Turn(pidx_of_greeting, [Quote(200, 230, id="q2")], vocatives={"carl"}, evidence={"ben": 8.0}, cue="tag_name")
        conversation.decide([said, answer, greeting], {})
        return answer.speaker

    assert answer_after(2) == "carl"
    assert answer_after(3) == "ben"


def test_someone_the_next_conversation_shows_was_in_the_scene_already():
    # Ann's tagged line and an untagged answer; Carl is more in focus than Ben when the talk
    # begins. A few lines of narration on, a tag shows Ben talking: he was there, and the answer
    # was his. When the next talk is far off, nothing says so, and focus decides.
    from ficlens.model import Quote
    from ficlens.steps.salience import Turn

    def answer_with_next_talk_at(start):
        said = Turn(0, [Quote(0, 20, id="q0")], evidence={"ann": 8.0}, context=["ann", "carl", "ben"], cue="tag_name")
        answer = Turn(1, [Quote(22, 40, id="q1")])
        later = Turn(5, [Quote(start, start + 30, id="q2")], evidence={"ben": 8.0}, cue="tag_name")
        turns = [said, answer, later]
        conversation.mark_scenes(turns)
        conversation.decide(turns, {})
        return answer.speaker

    assert answer_with_next_talk_at(600) == "ben"
    assert answer_with_next_talk_at(600 + conversation.NEARBY) == "carl"
