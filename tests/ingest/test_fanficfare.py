"""FanFicFare output: HTML, TXT and EPUB."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ficlens
from ficlens.ingest import load_bytes
from ficlens.ingest.fanficfare import apply_label, entries, looks_like_txt
from ficlens.model import WorkMeta
from tests.ingest import epubs
from tests.ingest.helpers import block_texts


def _common_meta(meta):
    assert meta.title == "Night Shift" and meta.authors == ["quietpages"]
    assert meta.fandoms == ["Grey's Anatomy"] and meta.language == "English"
    assert meta.relationships == ["Derek S./Mark S."]
    assert meta.extra["published"] == "2012-12-01"


def test_fanficfare_html(load):
    doc = load("fanficfare.html")
    assert doc.source.format == "fanficfare-html"
    _common_meta(doc.meta)
    assert doc.meta.rating == "T" and doc.meta.summary == "Derek works nights. Mark notices."
    assert doc.meta.characters == ["Derek S.", "Mark S.", "Meredith G."]
    assert doc.meta.extra["words"] == 4210 and doc.meta.extra["status"] == "Completed"
    assert [b.kind for b in doc.front_matter] == ["title", "metadata", "summary"]
    assert [(c.number, c.title) for c in doc.chapters] == [(1, "The Road"), (2, "Coffee")]
    assert "Table of Contents" not in doc.text


def test_fanficfare_html_notes_inside_chapters(load):
    a = ficlens.analyze_document(load("fanficfare.html"))
    doc = a.document
    assert block_texts(doc, doc.front_matter)[-1] == (
        "author_note",
        "A/N: Thanks for all the reviews on my last story!",
    )
    assert block_texts(doc, doc.end_matter) == [("review_request", "Please review!")]
    assert [doc.text[s.start : s.end] for s in doc.scene_breaks] == ["~~~"]
    assert [q.text(doc) for q in doc.quotes] == ["You're late,", "Coffee?", "Always,"]


def test_fanficfare_txt(load):
    doc = load("fanficfare.txt")
    assert doc.source.format == "fanficfare-txt"
    _common_meta(doc.meta)
    assert doc.meta.summary == "Derek works nights. Mark notices, and says nothing for a long time."
    assert block_texts(doc, doc.front_matter) == [
        ("title", "Night Shift"),
        ("title", "by quietpages"),
        ("metadata", doc.text[doc.text.index("Category:") : doc.text.index("long time.") + len("long time.")]),
        ("contents", "TABLE OF CONTENTS\n\nChapter 1: The Road\n\nChapter 2: Coffee"),
    ]
    assert block_texts(doc, doc.end_matter) == [("end_marker", "End file.")]
    assert [(c.number, c.title) for c in doc.chapters] == [(1, "The Road"), (2, "Coffee")]
    assert (
        doc.text[doc.chapters[1].start : doc.chapters[1].end]
        == 'Chapter 2: Coffee\n\n"Coffee?" Mark asked.\n\nxXx\n\n"Always," Derek said.'
    )


def test_fanficfare_txt_analysis(load):
    a = ficlens.analyze_document(load("fanficfare.txt"))
    d = a.to_dict()
    assert [b["kind"] for b in d["structure"]["front_matter"]] == [
        "title",
        "title",
        "metadata",
        "contents",
        "disclaimer",
    ]
    assert [a.text[s["start"] : s["end"]] for s in d["structure"]["scene_breaks"]] == ["xXx"]
    assert [q["text"] for q in d["quotes"]] == ["You're late,", "Coffee?", "Always,"]
    assert d["source"]["text"] == a.text


def test_fanficfare_txt_windows_line_endings_without_contents(load):
    text = (
        "Tea\r\n\r\nby someone\r\n\r\nRating: K\r\nWords: 20\r\n\r\n\r\n"
        "\tChapter 1\r\n\r\nAnna drank tea.\r\n\r\n\r\n\tChapter 2\r\n\r\nBen did not.\r\n\r\nEnd file.\r\n"
    )
    doc = load(text.encode())
    assert doc.source.format == "fanficfare-txt" and doc.text == text
    assert (doc.meta.title, doc.meta.authors, doc.meta.rating) == ("Tea", ["someone"], "K")
    assert [(c.number, doc.text[c.start : c.end]) for c in doc.chapters] == [
        (1, "\tChapter 1\r\n\r\nAnna drank tea.".strip()),
        (2, "Chapter 2\r\n\r\nBen did not."),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Title\n\nby x\n\nRating: T\nWords: 3\n\n\tChapter 1\n\nHi.\n\nEnd file.\n", True),
        ("Anna said hi.\n\nEnd file.\n", False),
        ("Rating: T\nWords: 3\n\nStory.\n", False),
    ],
)
def test_fanficfare_txt_recognised(text, expected):
    assert looks_like_txt(text) is expected


def test_fanficfare_epub(load):
    doc = load(epubs.fanficfare_epub())
    assert doc.source.format == "fanficfare-epub"
    _common_meta(doc.meta)
    assert doc.meta.rating == "M" and doc.meta.summary == "Derek works nights."
    assert doc.meta.extra["genres"] == ["Romance", "Hurt/Comfort"]
    # dc:subject entries the title page did not already give become additional tags.
    assert doc.meta.additional_tags == ["Romance", "Hurt/Comfort", "Doctors"]
    assert doc.meta.extra["subjects"] == ["FanFiction", "Grey's Anatomy", "Romance", "In-Progress", "Doctors"]
    assert [(c.number, c.title) for c in doc.chapters] == [(1, "The Road"), (2, "Coffee")]
    assert "Table of Contents" not in doc.text


def test_fanficfare_epub_analysis():
    a = ficlens.analyze_document(load_bytes(epubs.fanficfare_epub()))
    doc = a.document
    assert block_texts(doc, doc.front_matter)[-1] == ("disclaimer", "Disclaimer: I don't own it.")
    assert block_texts(doc, doc.end_matter) == [("review_request", "R&R please!")]
    assert [q.text(doc) for q in doc.quotes] == ["Late again,", "Coffee?"]


@pytest.mark.parametrize(
    "label, value, field, expected",
    [
        ("Category", "Harry Potter", "fandoms", ["Harry Potter"]),
        ("Category", "M/M, F/M", "category", ["M/M", "F/M"]),
        ("AO3 Categories", "Gen", "category", ["Gen"]),
        ("Fandoms", "Sherlock (TV), Doctor Who", "fandoms", ["Sherlock (TV)", "Doctor Who"]),
        ("Warnings", "No Archive Warnings Apply", "warnings", ["No Archive Warnings Apply"]),
        ("Freeform Tags", "Fluff, Angst", "additional_tags", ["Fluff", "Angst"]),
    ],
)
def test_fanficfare_labels(label, value, field, expected):
    meta = WorkMeta()
    apply_label(meta, label, value)
    assert getattr(meta, field) == expected


def test_fanficfare_entries_continue_wrapped_values():
    assert entries(["Summary: one", "two", "", "Words: 3"]) == [("Summary", ["one", "two"]), ("Words", ["3"])]


_TXT_LINES = st.sampled_from(
    ["", "\tChapter 1: A", "\tB", "TABLE OF CONTENTS", "Chapter 1: A", "Rating: T", "Summary: x", "by me", "Anna ran.",
     '"Hi," said Ben.', "***", "A/N: thanks to my beta", "\t", "End file."]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_TXT_LINES, max_size=30), st.sampled_from(["\n", "\r\n"]))
def test_fanficfare_txt_offsets_hold_for_any_layout(lines, eol):
    text = eol.join([*lines, "End file.", ""])
    doc = load_bytes(text.encode())
    if doc.source.format != "fanficfare-txt":
        return
    assert doc.text == text
    a = ficlens.analyze_document(doc)
    for span in [*a.document.front_matter, *a.document.end_matter, *a.document.chapters, *a.document.scene_breaks]:
        assert 0 <= span.start <= span.end <= len(text)
    for ch in a.document.chapters:
        assert ch.heading is None or ch.start <= ch.heading.start <= ch.heading.end <= len(text)
