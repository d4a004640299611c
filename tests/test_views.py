"""The normalised views of a text: length-preserving, and the same as a character-by-character mapping."""

from hypothesis import given
from hypothesis import strategies as st

from ficlens.views import _PLAIN_MAP, build_view, plain

_SPECIAL = "".join(chr(k) for k in _PLAIN_MAP) + "\r\n\"'-. aZé"


def _reference_plain(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return text.translate(_PLAIN_MAP)


@given(st.text(alphabet=st.sampled_from(_SPECIAL) | st.characters(), max_size=200))
def test_plain_matches_the_character_map(text):
    assert plain(text) == _reference_plain(text)
    assert len(plain(text)) == len(text)


def test_plain_view_examples():
    assert plain("\u201cHi\u201d \u2014 it\u2019s\u00a0me\u2026\r\n") == '"Hi" - it\'s me. \n'
    assert plain("ascii only") == "ascii only"
    assert plain("`ascii' but a backtick") == "'ascii' but a backtick"
    assert build_view("folded", "\u201cABC\u201d").text == '"abc"'
