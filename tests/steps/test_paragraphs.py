import re

from hypothesis import given
from hypothesis import strategies as st

from ficlens.steps.paragraphs import _lines, split_paragraphs


def _texts(text):
    return [text[s:e] for s, e in split_paragraphs(text)]


def test_paragraphs_blank_line_separated():
    assert _texts("One.\n\nTwo.\n\n\nThree.") == ["One.", "Two.", "Three."]


def test_paragraphs_one_line_each_when_pasted():
    long = "x " * 80
    text = f"{long}\n\"Hi,\" he said.\n{long}"
    assert len(_texts(text)) == 3


def test_paragraphs_hard_wrapped_lines_join():
    text = "This is a line of a wrapped paragraph that\ngoes on to the next line and\nends here.\n\nSecond paragraph."
    assert _texts(text) == ["This is a line of a wrapped paragraph that\ngoes on to the next line and\nends here.", "Second paragraph."]


def test_paragraphs_indented_starts_split_wrapped_text():
    text = "  First paragraph starts here and\nruns on.\n  Second paragraph starts and\nruns on too."
    assert _texts(text) == ["First paragraph starts here and\nruns on.", "Second paragraph starts and\nruns on too."]


def test_paragraphs_crlf_and_cr():
    assert _texts("One.\r\n\r\nTwo.") == ["One.", "Two."]
    assert _texts("One.\r\rTwo.") == ["One.", "Two."]


@given(st.text())
def test_paragraphs_are_ordered_non_empty_and_trimmed(text):
    spans = split_paragraphs(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


def test_paragraphs_indented_line_in_lower_case_continues_the_sentence():
    text = '"Yes, he has been gone just four weeks, as you say, Miss Woodhouse,"\n said Miss Bates, "four weeks\nyesterday."\n  Emma said nothing at all and\nlooked away.'
    assert _texts(text) == [
        '"Yes, he has been gone just four weeks, as you say, Miss Woodhouse,"\n said Miss Bates, "four weeks\nyesterday."',
        "Emma said nothing at all and\nlooked away.",
    ]


def _reference_lines(text):
    out, pos = [], 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


@given(st.text(alphabet=st.sampled_from("ab \t\n\r\u2028"), max_size=60))
def test_lines_split_on_line_endings_only(text):
    assert _lines(text) == _reference_lines(text)


def _one_by_one(pattern, text, paragraphs, whole_word=False, also=""):
    from ficlens.steps.wordsearch import word_matches

    found = []
    for p in paragraphs:
        matches = word_matches(pattern, text, p.start, p.end, also) if whole_word else pattern.finditer(text, p.start, p.end)
        found += [m.span() for m in matches]
    return found


_SEARCH_PATTERNS = [
    re.compile(r"the\s+(?:old\s+)?man(?!\w)"),  # runs into the next paragraph after "the"
    re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"),
    re.compile(r"(?=[Hh])\b(?:he|she)\b", re.IGNORECASE),
]


@given(st.lists(st.sampled_from(["the", "old", "man", "He", "she", "Ann", "Lee", "xthe", "'the", " ", "\n", "\n\n", ".", "-"]), max_size=40), st.booleans())
def test_search_each_finds_what_each_paragraph_alone_gives(words, trim):
    from ficlens.model import Paragraph
    from ficlens.steps.paragraphs import search_each

    text = " ".join(words)
    spans = split_paragraphs(text)
    if trim:  # paragraphs not followed by white space, and a gap that is not white space
        spans = [(s, e - 1) for s, e in spans if e - s > 1][::2]
    paragraphs = [Paragraph(s, e, index=i) for i, (s, e) in enumerate(spans)]
    for pattern in _SEARCH_PATTERNS:
        for whole_word, also in ((False, ""), (True, ""), (True, "'")):
            got = [m.span() for m in search_each(pattern, text, paragraphs, whole_word, also)]
            assert got == _one_by_one(pattern, text, paragraphs, whole_word, also)


def test_a_line_of_only_a_zero_width_space_is_blank():
    text = "Tobias sat by the fire.\n\u200b\n\"Where were you?\" asked Mara.\n\ufeff \n\"Out,\" said Elena."
    assert [text[s:e] for s, e in split_paragraphs(text)] == [
        "Tobias sat by the fire.",
        '"Where were you?" asked Mara.',
        '"Out," said Elena.',
    ]
