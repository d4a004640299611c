import bisect

from hypothesis import given
from hypothesis import strategies as st

from ficlens.steps.salience import _outside


@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=12),
    st.lists(st.integers(0, 260), max_size=25),
)
def test_outside_keeps_what_a_search_per_item_finds_outside_the_quotes(raw_spans, positions):
    spans = sorted((a, a + n) for a, n in raw_spans)
    starts = [s for s, _ in spans]

    def in_quote(pos):
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    found = [(p, "H") for p in sorted(positions)]
    assert _outside(spans, found) == [f for f in found if not in_quote(f[0])]


def test_a_name_before_an_apposition_and_a_verb_is_the_subject():
    from ficlens.steps.salience import _verb_follows

    text = "In fact, Mr. Gregory, the anarchic poet, connected the two events."
    assert _verb_follows(text, text.index(", the anarchic"))
    text = "He spoke to Mr. Gregory, the anarchic poet, and left."
    assert not _verb_follows(text, text.index(", the anarchic"))



def test_one_called_by_name_is_the_next_she():
    # Jane is named last in narration; then Darcy's line calls Elizabeth by name: the "she" of
    # the answer's tag is Elizabeth first.
    from ficlens.steps.salience import Turn
    from tests.steps.test_speakers import read_up_to_speakers

    text = (
        "Elizabeth sat down. Jane stood by the window and looked out at the rain.\n\n"
        '"I hope you are well, Elizabeth," said Darcy.\n\n'
        '"Quite well," she replied.\n'
    )
    roster = [{"id": "e", "name": "Elizabeth", "gender": "F"}, {"id": "j", "name": "Jane", "gender": "F"}, {"id": "d", "name": "Darcy", "gender": "M"}]
    doc, r = read_up_to_speakers(text, roster)
    darcys, answer = sorted(doc.quotes, key=lambda q: q.start)
    r.salience.advance(answer.start)
    she = text.index("she replied")
    assert r.salience.candidates("F", she, answer.start, set())[0] == "j"
    r.salience.took_turn(Turn(1, [darcys], vocatives={"e"}))
    assert r.salience.candidates("F", she, answer.start, set())[0] == "e"
