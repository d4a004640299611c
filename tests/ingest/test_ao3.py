"""AO3 downloads (HTML, EPUB) and saved AO3 work pages."""

import ficlens
from tests.ingest import epubs
from tests.ingest.helpers import block_texts


def test_ao3_html_work_metadata(load):
    meta = load("ao3_download.html").meta
    assert meta.title == "Night Shift"
    assert meta.authors == ["quietpages"]
    assert meta.rating == "Teen And Up Audiences"
    assert meta.warnings == ["No Archive Warnings Apply"]
    assert meta.category == ["M/M"]
    assert meta.fandoms == ["Grey's Anatomy"]
    assert meta.relationships == ["Derek Shepherd/Mark Sloan"]
    assert meta.characters == ["Derek Shepherd", "Mark Sloan", "Meredith Grey"]
    assert meta.additional_tags == ["Hurt/Comfort", "Slow Burn"]
    assert meta.language == "English"
    assert meta.summary == "Derek works nights. Mark notices.\n\nA story about coffee."
    assert meta.extra["series"] == [{"part": 2, "name": "Seattle Nights"}]
    assert meta.extra["words"] == 1234 and meta.extra["chapters"] == "2/2"
    assert meta.extra["published"] == "2013-01-05" and meta.extra["completed"] == "2013-02-10"
    assert meta.extra["url"] == "http://archiveofourown.org/works/1234567"


def test_ao3_html_structure(load):
    doc = load("ao3_download.html")
    assert block_texts(doc, doc.front_matter) == [
        ("title", "Night Shift"),
        ("title", "by quietpages"),
        ("metadata", doc.text[doc.front_matter[2].start : doc.front_matter[2].end]),
        ("summary", "Summary\n\nDerek works nights. Mark notices.\n\nA story about coffee."),
        ("thanks", "Notes\n\nThanks to my beta, who fixed every comma."),
        ("summary", "Chapter Summary\n\nDerek arrives late."),
        ("author_note", "Chapter Notes\n\nThis one is short."),
    ]
    assert doc.text[doc.front_matter[2].start :].startswith(
        "Rating: Teen And Up Audiences\nArchive Warning: No Archive"
    )
    assert block_texts(doc, doc.end_matter) == [
        ("author_note", "Chapter End Notes\n\nPlease leave a comment if you liked it!"),
        ("author_note", "End Notes\n\nThank you for reading. The sequel is coming soon."),
    ]
    assert [(c.number, c.title) for c in doc.chapters] == [(1, "The Road"), (2, "Coffee")]
    first = doc.chapters[0]
    assert doc.text[first.heading.start : first.heading.end] == "Chapter 1: The Road"
    assert doc.text[first.start : first.end].endswith("Later, Meredith found them in the cafeteria.")


def test_ao3_html_leaves_out_site_text_and_scripts(load):
    text = load("ao3_download.html").text
    for gone in ("Posted originally", "drop by the Archive", "See the end of", "tracking text", "font-family"):
        assert gone not in text


def test_ao3_html_analysis_reads_only_the_story(load):
    a = ficlens.analyze_document(load("ao3_download.html"))
    d = a.to_dict()
    assert [q["text"] for q in d["quotes"]] == ["You're late,", "I know,", "The road was closed.", "Coffee?", "Always,"]
    body = [a.text[p.start : p.end] for p in a.document.body_paragraphs()]
    assert body[0].startswith("Derek parked") and not any(t.startswith(("Chapter", "Summary", "Rating")) for t in body)
    assert d["structure"]["scene_breaks"] and a.text[d["structure"]["scene_breaks"][0]["start"] :].startswith("* * *")
    # The stated tags stay as the work states them.
    assert d["work"]["relationships"] == ["Derek Shepherd/Mark Sloan"] and d["work"]["category"] == ["M/M"]
    assert d["source"]["text"] == a.text


def test_ao3_work_page(load):
    doc = load("ao3_work_page.html")
    meta = doc.meta
    assert (meta.title, meta.authors, meta.rating) == ("Lighthouse", ["tidewriter"], "General Audiences")
    assert meta.warnings == ["Creator Chose Not To Use Archive Warnings"]
    assert meta.category == ["Gen"] and meta.fandoms == ["Sherlock (TV)"]
    assert meta.relationships == ["John Watson & Sherlock Holmes"]
    assert meta.extra["stats"] == {"published": "2019-06-01", "words": "310", "chapters": "1/1", "kudos": "42"}
    assert block_texts(doc, doc.front_matter)[3:] == [
        ("summary", "Summary:\n\nA case by the sea."),
        ("disclaimer", "Notes:\n\nDisclaimer: I don't own Sherlock."),
    ]
    assert block_texts(doc, doc.end_matter) == [("review_request", "Notes:\n\nKudos and comments make my day!")]
    (chapter,) = doc.chapters
    assert chapter.heading is None and chapter.number is None
    assert doc.text[chapter.start : chapter.end] == (
        'The lighthouse keeper was dead, and Sherlock was delighted.\n\n"Don\'t look so pleased," John said.\n\n'
        "\"I'm not pleased. I'm interested,\" Sherlock said.\n\nThe sea went on breaking below them."
    )
    for gone in ("Work Text", "Entire Work", "Comments (3)", "Main Content", "not story"):
        assert gone not in doc.text


def test_ao3_epub(load):
    doc = load(epubs.ao3_epub())
    meta = doc.meta
    assert doc.source.format == "ao3-epub"
    assert meta.authors == ["quietpages", "nightowl"]
    assert meta.warnings == ["Major Character Death", "Graphic Depictions Of Violence"]
    assert meta.category == ["F/M", "M/M"]
    assert meta.relationships == ["Derek Shepherd/Mark Sloan", "Derek Shepherd/Meredith Grey"]
    assert meta.language == "English" and meta.extra["url"].endswith("/works/1234567")
    assert [(c.number, c.title) for c in doc.chapters] == [(1, "Dusk"), (2, None)]
    assert [b.kind for b in doc.front_matter] == ["title", "title", "metadata", "summary", "warning", "dedication"]
    assert block_texts(doc, doc.end_matter) == [
        ("author_note", "Chapter End Notes\n\nSorry!"),
        ("thanks", "End Notes\n\nThanks to my beta reader."),
    ]
    assert "Posted originally" not in doc.text and "drop by the Archive" not in doc.text


def test_ao3_html_and_epub_give_the_same_kind_of_text():
    a = ficlens.analyze_document(ficlens.ingest.load_bytes(epubs.ao3_epub()))
    assert [q.speaker for q in a.quotes] == ["derek-shepherd", "meredith-grey"]


def test_ao3_single_chapter_download_with_notes_in_the_text(load):
    html = (
        '<html><body><div id="preface"><div class="meta"><dl class="tags"><dt>Rating:</dt><dd>Mature</dd>'
        "<dt>Fandom:</dt><dd><a>Supernatural</a></dd></dl><h1>Road</h1>"
        '<div class="byline">by <a rel="author">x</a></div></div></div>'
        '<div id="chapters" class="userstuff"><div class="userstuff"><p>A/N: written in a hurry.</p>'
        '<p>Dean drove.</p><p>"Where to?" Sam asked.</p></div></div></body></html>'
    )
    a = ficlens.analyze_document(load(html.encode()))
    assert a.document.source.format == "ao3-html"
    assert [b.kind for b in a.document.front_matter] == ["title", "title", "metadata", "author_note"]
    (chapter,) = a.document.chapters
    assert a.text[chapter.start : chapter.end] == 'Dean drove.\n\n"Where to?" Sam asked.'
    assert a.document.meta.rating == "Mature" and a.document.meta.fandoms == ["Supernatural"]
