import pytest

import ficlens
from ficlens.steps.headings import is_scene_break, number_value, parse_heading


@pytest.mark.parametrize(
    "text, number, title",
    [
        ("Chapter One: Lovesick At The Hospital", 1, "Lovesick At The Hospital"),
        ("Chapter 1", 1, None),
        ("CHAPTER I.", 1, None),
        ("CHAPTER XIV. The Storm", 14, "The Storm"),
        ("Ch. 3 - Title", 3, "Title"),
        ("Chapter Twenty-One - The End", 21, "The End"),
        ("Chapter the First", 1, None),
        ("~*~Chapter 2~*~", 2, None),
        ("Part Two", 2, None),
        ("Prologue", None, "Prologue"),
        ("Epilogue: Years Later", None, "Years Later"),
    ],
)
def test_headings_parse(text, number, title):
    h = parse_heading(text)
    assert h is not None
    assert h.number == number
    assert h.title == title


@pytest.mark.parametrize("text", ["Part of me wanted to stay.", "Chapter", "Act like you mean it.", "Book club was fun.", "12"])
def test_headings_reject_prose(text):
    assert parse_heading(text) is None


def test_headings_bare_numbers_only_when_allowed():
    assert parse_heading("XII.") is None
    assert parse_heading("XII.", allow_bare_number=True).number == 12


def test_headings_number_values():
    assert number_value("forty-two") == 42
    assert number_value("MCMXCIX") == 1999
    assert number_value("seven") == 7


@pytest.mark.parametrize("text", ["***", "* * *", "~~~", "xXx", "oOo", "-o-o-o-", "______", "#"])
def test_scene_breaks(text):
    assert is_scene_break(text)


@pytest.mark.parametrize("text", ["XXX", "Ooo", "...", "Hi.", "--", "ok"])
def test_not_scene_breaks(text):
    assert not is_scene_break(text)


@pytest.mark.parametrize(
    "text, kind, number, title",
    [
        ("Chapter 1: The Road", "chapter", 1, "The Road"),
        ("CHAPTER I", "chapter", 1, None),
        ("Ch. 3 - Title", "chapter", 3, "Title"),
        ("Chapter Twelve", "chapter", 12, None),
        ("Part Two", "part", 2, None),
        ("Prologue", "special", None, "Prologue"),
        ("Epilogue", "special", None, "Epilogue"),
        ("**Chapter 4: Snow**", "chapter", 4, "Snow"),
    ],
)
def test_headings_issue5_forms(text, kind, number, title):
    h = parse_heading(text)
    assert (h.kind, h.number, h.title) == (kind, number, title)


@pytest.mark.parametrize("text", ["----------", "-o-o-o-", "*~*~*", "oOoOo", "xXxXx", "~~~", "+++"])
def test_headings_issue5_scene_breaks(text):
    assert is_scene_break(text)


def test_a_chapter_count_is_not_a_heading():
    assert parse_heading("Chapter 4 of ?") is None
    assert parse_heading("Chapter 2 of 12") is None
    assert parse_heading("Chapter 4/?") is None
    assert parse_heading("Chapter One: Of Mice").title == "Of Mice"


def test_a_chapter_count_over_the_header_leaves_the_header_front_matter():
    text = (
        "The Short Straw\nChapter 4 of ?\nby critfail\n\nRating: Teen And Up Audiences\n"
        "Additional Tags: Camp Banter, Gale Cooks, Karlach Is Loud\n\n"
        "Chapter 4: Who Keeps The Watch\n\n"
        'Gale sat by the fire. Karlach sat beside him.\n\n"Watches," said Gale.\n\n"Not me," said Karlach.'
    )
    d = ficlens.analyze(text).to_dict()
    assert d["work"]["rating"] == "Teen And Up Audiences"
    assert [c["title"] for c in d["structure"]["chapters"]] == ["Who Keeps The Watch"]
    # Baldur's Gate 3 is in the fandom library: its roster names the two.
    assert {c["name"] for c in d["characters"]} == {"Gale of Waterdeep", "Karlach (Baldur's Gate)"}
