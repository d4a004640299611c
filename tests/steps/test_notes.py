import pytest

from ficlens.steps.notes import classify, label_line


@pytest.mark.parametrize(
    "text, kind",
    [
        ("A/N: This is my first fic, be nice!", "author_note"),
        ("Disclaimer: I do not own Grey's Anatomy.", "disclaimer"),
        ("A/N: I don't own Harry Potter, sadly.", "disclaimer"),
        ("Warning: this is slash. Don't like, don't read!", "warning"),
        ("This is slash, don't like don't read", "warning"),
        ("Summary: Derek has a secret.", "summary"),
        ("Thanks to my amazing beta!", "thanks"),
        ("Please review! Reviews make me write faster.", "review_request"),
        ("Dedicated to my sister.", "dedication"),
        ("TBC", "end_marker"),
        ("Rating: T", "header"),
    ],
)
def test_notes_classify(text, kind):
    assert classify(text) == kind


def test_notes_story_prose_is_not_a_note():
    assert classify("Derek walked into the hospital and looked around.") is None


def test_notes_label_line():
    assert label_line("Pairing: Derek/Mark") == ("pairing", "Derek/Mark")
    assert label_line("Derek said: hello") is None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Big thanks to my beta, Sam, for fixing my commas.", "thanks"),
        ("Thank you so much to my beta reader!", "thanks"),
        ("Beta'd by the lovely Anna.", "thanks"),
        ("Thank you for reading!", None),
        ("Don't like, don't read!", "warning"),
        ("Warning: this is slash.", "warning"),
        ("Contains major character death.", "warning"),
        ("R&R!", "review_request"),
        ("This one is for my sister.", "dedication"),
        ("Grey's Anatomy belongs to Shonda Rhimes.", "disclaimer"),
        ("By: quietpages", "title"),
    ],
)
def test_notes_issue5_kinds(text, kind):
    assert classify(text) == kind


def test_notes_thanks_in_a_story_line_is_not_a_note():
    assert classify("He thanked her and left.") is None
