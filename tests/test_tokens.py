"""Token counts: the same as counting the token pattern's matches over the whole text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ficlens.tokens import _TOKEN_RE, count_tokens

_ALPHABET = "ab Z9_'\u2019.,-\"\u201c\u00e9\u0301\u00b2\u00bd\t\n\u00a0\u2028\u3000\x1c\u0660"


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(_ALPHABET) | st.characters(), max_size=80))
def test_count_tokens_equals_the_pattern_count(text):
    assert count_tokens(text) == len(_TOKEN_RE.findall(text))


def test_count_tokens_examples():
    assert count_tokens("Don't go, O\u2019Brien!  rock 'n' roll __init__") == 11
    assert count_tokens("") == 0
