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
