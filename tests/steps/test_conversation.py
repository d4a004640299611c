"""The conversation decoder: its plain-Python path for a few candidates agrees with NumPy's."""

import numpy as np

from ficlens.steps import conversation


def _numpy_decode(em, narrated):
    small = conversation._SMALL_K
    try:
        conversation._SMALL_K = 0
        return conversation.decode(em, narrated)
    finally:
        conversation._SMALL_K = small


def test_the_python_decoder_gives_numpys_bits():
    rng = np.random.default_rng(11)
    for k in range(2, conversation._SMALL_K + 1):
        for n in (2, 3, 5, 9):
            for _ in range(20):
                em = rng.normal(size=(n, k)) * rng.choice([0.5, 2.0, 6.0])
                if rng.random() < 0.3:
                    em = np.round(em)  # ties
                kinds = [conversation.PLAIN, conversation.NARRATED, conversation.BARE]
                narrated = [kinds[x] for x in rng.choice(3, size=n, p=[0.4, 0.3, 0.3])]
                path, post = conversation.decode(em, narrated)
                want_path, want_post = _numpy_decode(em, narrated)
                assert path == want_path
                assert np.array_equal(post, want_post)


def test_the_best_path_alone_is_decodes_path():
    rng = np.random.default_rng(5)
    for k in range(1, 9):
        for n in (2, 3, 7):
            em = rng.normal(size=(n, k)) * 3.0
            narrated = [conversation.PLAIN, *rng.choice(3, size=n - 1).tolist()]
            assert conversation.best_path(em, narrated) == conversation.decode(em, narrated)[0]


def test_alternation_decides_untagged_turns_between_tags():
    # Two people, the first and last turns tagged: the lines between alternate.
    em = np.array([[8.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [8.0, 0.0]])
    path, post = conversation.decode(em, [False] * 5)
    assert path == [0, 1, 0, 1, 0]
    assert np.allclose(post.sum(axis=1), 1.0)


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


def _long_talk(third_line: float) -> np.ndarray:
    """A and B alternate over 16 lines, tagged now and then; line 7 leans to C by ``third_line``."""
    em = np.zeros((16, 4))  # A, B, C, someone else
    em[:, 3] = conversation.OTHER
    for i in (0, 5, 8, 13):
        em[i, i % 2] = 8.0
    em[7, 2], em[7, 1] = third_line, 0.5
    return em


def _decode_long(em: np.ndarray) -> tuple[list[int], list[int], np.ndarray]:
    between = [conversation.PLAIN] * len(em)
    first, post = conversation.decode(em, between)
    path, post = conversation._fewer_speakers(em, between, first, post)
    return first, path, post


def test_a_long_exchange_drops_a_third_speaker_it_reads_nearly_as_well_without():
    first, path, post = _decode_long(_long_talk(third_line=3.5))
    assert first[7] == 2  # the first decoding brings C in for one line
    assert path == [i % 2 for i in range(16)]
    assert np.allclose(post.sum(axis=1), 1.0) and not post[:, 2].any()


def test_a_third_speaker_the_text_names_stays():
    first, path, _ = _decode_long(_long_talk(third_line=8.0))
    assert path == first and path[7] == 2


def test_a_speaker_with_a_third_of_the_lines_is_not_left_out():
    # A, B and C take turns over 18 lines, nothing but tags telling them apart: C is a real third.
    n = 18
    em = np.zeros((n, 4))
    em[:, 3] = conversation.OTHER
    for i in (0, 1, 2):
        em[i, i] = 8.0
    path = [i % 3 for i in range(n)]
    post = np.full((n, 4), 0.25)
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
