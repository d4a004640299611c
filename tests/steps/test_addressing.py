"""Titles said to the listener ("Yes, sir."), and the quick test that spares most lines the search."""

from hypothesis import given
from hypothesis import strategies as st

from ficlens.steps import addressing

_PIECES = [
    "sir", "Sir", "SIR", "mister", "my lord", "young man", "my good man", "son", "pa", "Papa", "father",
    "madam", "ma'am", "my lady", "Miss", "mom", "Mother", "mamma", "auntie", "sister", "dear ", "my ",
    "oh ", "person", "glad", "reason", "\u017fir", "\u0130", "\u0131", "\u212a", ", ", ",", ".", "!", "?",
    ";", " ", "  ", "\n", "\u00a0", "\u2019", "'", "Yes", "no",
]  # fmt: skip


def test_a_title_after_a_comma_or_opening_the_line_says_the_listeners_gender():
    assert addressing.title_gender("Yes, sir.", 0, 9) == "M"
    assert addressing.title_gender("Mamma, come here.", 0, 17) == "F"
    assert addressing.title_gender("A reason, perhaps.", 0, 18) is None
    assert addressing.title_gender("Thank you, sir, and you, madam.", 0, 31) is None


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_quick_test_passes_every_line_the_title_patterns_match(pieces):
    line = "".join(pieces)
    text = "\u201c" + line + "\u201d"
    start, end = 1, 1 + len(line)
    titled = (
        addressing._ADDRESS_M_AT.match(text, start, end)
        or addressing._ADDRESS_M_AFTER.search(text, start, end)
        or addressing._ADDRESS_F_AT.match(text, start, end)
        or addressing._ADDRESS_F_AFTER.search(text, start, end)
    )
    if titled:
        assert addressing._may_follow_title(line, ",.!?", addressing._TITLE_ENDS, False)
    parent = addressing._PARENT_AT.match(text, start, end) or addressing._PARENT_AFTER.search(text, start, end)
    if parent:
        assert addressing._may_follow_title(line, ",.!?;", addressing._PARENT_ENDS, True)
