"""FanFiction.Net: the metadata line, a saved story page, and a pasted chapter."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ficlens
from ficlens.ingest.ffnet import parse_info_line
from tests.ingest.helpers import block_texts


@pytest.mark.parametrize(
    "line, rating, language, genres, characters, pairings",
    [
        (
            "Rated: Fiction T - English - Romance/Drama - [Derek S., Mark S.] - Chapters: 3 - Words: 4,210 - "
            "Published: Dec 1, 2012",
            "T", "English", ["Romance", "Drama"], ["Derek S.", "Mark S."], ["Derek S./Mark S."],
        ),
        (
            "Rated: Fiction K+ - English - Hurt/Comfort/Family - Harry P., Hermione G. - Words: 900 - "
            "Published: 3/4/2010",
            "K+", "English", ["Hurt/Comfort", "Family"], ["Harry P.", "Hermione G."], [],
        ),
        (
            "Rated: Fiction M - Spanish - [Sherlock H., John W.] [Mary M., Molly H.] Greg L. - Chapters: 2",
            "M", "Spanish", [], ["Sherlock H.", "John W.", "Mary M.", "Molly H.", "Greg L."],
            ["Sherlock H./John W.", "Mary M./Molly H."],
        ),
        ("Rated: Fiction MA - English - Words: 120 - Complete", "MA", "English", [], [], []),
        ("Rated: T - English - Humor - Chapters: 1", "T", "English", ["Humor"], [], []),
    ],
)  # fmt: skip
def test_ffnet_info_line(line, rating, language, genres, characters, pairings):
    info = parse_info_line(line)
    assert info["rating"] == rating
    assert info["language"] == language
    assert info["genres"] == genres
    assert info["characters"] == characters
    assert info["pairings"] == pairings


def test_ffnet_info_line_fields():
    info = parse_info_line(
        "Rated: Fiction T - English - Drama - Chapters: 3 - Words: 4,210 - Reviews: 12 - Status: Complete - id: 99"
    )
    assert info["fields"] == {"chapters": "3", "words": "4,210", "reviews": "12", "status": "Complete", "id": "99"}


@pytest.mark.parametrize("line", ["Rated R for violence", "Rating: T", "He rated: it T", "Rated: Fiction Q - English"])
def test_ffnet_not_an_info_line(line):
    assert parse_info_line(line) is None


def test_ffnet_saved_page(load):
    doc = load("ffnet_page.html")
    meta = doc.meta
    assert doc.source.format == "ffnet-html"
    assert (meta.title, meta.authors, meta.rating, meta.language) == ("Night Shift", ["quietpages"], "T", "English")
    assert meta.fandoms == ["Grey's Anatomy"]
    assert meta.relationships == ["Derek S./Mark S."]
    assert meta.characters == ["Derek S.", "Mark S.", "Meredith G."]
    assert meta.summary == "Derek works nights. Mark notices. Slash, Derek/Mark."
    assert meta.extra["words"] == 4210 and meta.extra["chapters"] == 3 and meta.extra["published"] == "Dec 1, 2012"
    assert meta.extra["genres"] == ["Romance", "Drama"]
    (chapter,) = doc.chapters
    assert (chapter.number, chapter.title) == (1, "The Road")
    assert doc.text[chapter.heading.start : chapter.heading.end] == "1. The Road"
    for gone in ("Follow/Fav", "storyid", "Help - Privacy", "unleash", "2. Coffee", "ad</p>"):
        assert gone not in doc.text


def test_ffnet_saved_page_notes_in_the_chapter_text(load):
    a = ficlens.analyze_document(load("ffnet_page.html"))
    doc = a.document
    assert block_texts(doc, doc.front_matter)[-2:] == [
        ("author_note", "A/N: My first Grey's fic. Be gentle!"),
        ("disclaimer", "Disclaimer: I don't own Grey's Anatomy, Shonda Rhimes does."),
    ]
    assert block_texts(doc, doc.end_matter) == [("review_request", "A/N: Please review!")]
    assert [q.text(doc) for q in doc.quotes] == ["You're late,", "I know,", "The road was closed."]
    assert a.to_dict()["work"]["category"] == ["M/M"]


def test_ffnet_pasted_chapter(ingest_fixtures):
    a = ficlens.analyze((ingest_fixtures / "ffnet_paste.txt").read_text(encoding="utf-8"))
    d = a.to_dict()
    w = d["work"]
    assert (w["title"], w["authors"], w["rating"], w["language"]) == ("Night Shift", ["quietpages"], "T", "English")
    assert w["relationships"] == ["Derek S./Mark S."] and w["characters"] == ["Derek S.", "Mark S."]
    assert w["summary"] == "Derek works nights. Mark notices."
    assert w["fandoms"] == ["Grey's Anatomy"] and w["category"] == ["M/M"]
    kinds = [b["kind"] for b in d["structure"]["front_matter"]]
    assert kinds == ["title", "title", "summary", "header", "author_note", "disclaimer", "warning"]
    assert [b["kind"] for b in d["structure"]["end_matter"]] == ["review_request"]
    (chapter,) = d["structure"]["chapters"]
    assert (chapter["number"], chapter["title"]) == (1, "Lovesick")
    assert len(d["structure"]["scene_breaks"]) == 1


@given(
    st.lists(
        st.sampled_from(
            [
                "Rated:",
                " Fiction",
                " T",
                " K+",
                " - ",
                "English",
                "[",
                "]",
                "A B.",
                ", ",
                "/",
                "Romance",
                "Hurt/Comfort",
                "Words: 3",
                "id:",
                ":",
                " ",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_ffnet_info_line_never_raises(line):
    info = parse_info_line(line)
    assert info is None or info["rating"] in ("K", "K+", "T", "M", "MA")
