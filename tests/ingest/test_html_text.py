"""HTML to text: the tree, the items, the paragraphs, and the offsets of what the readers build."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ficlens
from ficlens.errors import FiclensError
from ficlens.ingest.builder import WorkBuilder
from ficlens.ingest.formats import load_html
from ficlens.ingest.html_text import clean_paragraphs, flatten, plain_text
from ficlens.ingest.html_tree import parse, text_of


def test_html_text_paragraphs_and_line_breaks():
    root = parse("<body><p>One   two\nthree</p><p>Four<br/>five</p><div>Six <b>seven</b></div></body>")
    assert plain_text(root) == "One two three\n\nFour\nfive\n\nSix seven"


def test_html_text_drops_scripts_styles_and_head():
    root = parse(
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<script>document.write('<p>evil</p>')</script><p>Story</p><noscript>no</noscript>"
        "<svg><text>drawn</text></svg><p>text</p><script>unterminated"
    )
    assert plain_text(root) == "Story\n\ntext"


def test_html_text_entities_are_html_only():
    root = parse("<p>Tom &amp; Jerry &eacute; &#8220;hi&#8221; &lol; &#99999999;</p>")
    assert plain_text(root) == "Tom & Jerry \u00e9 \u201chi\u201d &lol; \ufffd"


def test_html_text_implied_end_tags():
    root = parse("<p>one<p>two<ul><li>a<li>b</ul><dl><dt>Rating:<dd>T<dt>Fandom:<dd>X</dl>")
    assert plain_text(root) == "one\n\ntwo\n\na\n\nb\n\nRating:\n\nT\n\nFandom:\n\nX"


def test_html_text_rule_is_scene_break_and_pre_is_kept():
    root = parse("<p>a</p><hr/><pre>  x\n  y</pre>")
    assert [i.text for i in flatten(root)] == ["a", "* * *", "  x\n  y"]


def test_html_text_blockquote_is_remembered():
    items = flatten(parse("<p>Summary</p><blockquote><p>one</p><p>two</p></blockquote><p>after</p>"))
    assert items[0].quote is None and items[1].quote == items[2].quote is not None and items[3].quote is None


def test_html_text_text_of_keeps_blocks_apart():
    root = parse("<dd><dl><dt>Words:</dt><dd>310</dd><dt>Chapters:</dt><dd>1/1</dd></dl></dd>")
    assert text_of(root) == "Words: 310 Chapters: 1/1"


def test_html_text_clean_paragraphs():
    assert clean_paragraphs(["  a  \n\n\n b\x00 \r\n c ", "", "   "]) == ["a", "b\nc"]


def test_html_text_deep_nesting_is_iterative():
    depth = 50_000
    root = parse("<div>" * depth + "<p>deep</p>" + "</div>" * depth)
    assert plain_text(root) == "deep"


def test_html_text_builder_spans_hold():
    b = WorkBuilder()
    b.front("title", ["  Title  "])
    b.chapter("Chapter 1: A", 1, "A")
    b.story(["one\n\ntwo", "", "three"])
    b.end("author_note", ["Thanks!"])
    doc = b.finish("html", None)
    assert doc.text == "Title\n\nChapter 1: A\n\none\n\ntwo\n\nthree\n\nThanks!"
    (ch,) = doc.chapters
    assert doc.text[ch.start : ch.end] == "Chapter 1: A\n\none\n\ntwo\n\nthree"
    assert doc.text[ch.heading.start : ch.heading.end] == "Chapter 1: A"
    assert [doc.text[x.start : x.end] for x in doc.front_matter + doc.end_matter] == ["Title", "Thanks!"]


_PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<hr>", "<blockquote>", "</blockquote>", "<h2>", "</h2>",
    "Chapter 1: Start", "Chapter Notes", "Summary", "Notes", "End Notes", '"Hi," said Ann.', "A/N: hi",
    "&amp;", "&lol;", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE x [", "]>",
    '<dl class="tags">', "<dt>Rating:</dt>", "<dt>Fandom:</dt>", "<dd>", "</dd>", "</dl>", '<div id="preface">',
    '<div id="afterword">', '<div class="userstuff">', '<p class="message">', '<div id="storytext">',
    "Rated: Fiction T - English - [A B., C D.]", '<div class="fff_titlepage">', "<b>Category:</b> X<br/>",
    "<", ">", "&", "\n", " ", "\t", "\u00a0", "x", "***",
]  # fmt: skip
_markup = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=60).map("".join)


def _check_offsets(doc):
    n = len(doc.text)
    spans = [*doc.front_matter, *doc.end_matter, *doc.chapters, *doc.scene_breaks, *doc.paragraphs]
    spans += [c.heading for c in doc.chapters if c.heading is not None]
    for s in spans:
        assert 0 <= s.start <= s.end <= n
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end].strip() == doc.text[p.start : p.end] != ""
    for a, b in zip(doc.front_matter, doc.front_matter[1:]):
        assert a.start <= b.start


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_markup, st.sampled_from(["<html><body>", "", '<html><body><div id="workskin">', "<!DOCTYPE html>"]))
def test_html_text_never_raises_and_offsets_hold(markup, prefix):
    data = (prefix + markup).encode("utf-8", "surrogatepass")
    try:
        doc = load_html(data, None)
    except FiclensError:
        return
    _check_offsets(doc)
    analysis = ficlens.analyze_document(doc)
    _check_offsets(analysis.document)
    for q in analysis.document.quotes:
        assert 0 <= q.start <= q.end <= len(doc.text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_html_text_arbitrary_bytes(data):
    try:
        load_html(b"<html>" + data, None)
    except FiclensError:
        pass


@pytest.mark.parametrize("markup", ["", "<html></html>", "<p>   </p>", "<script>x</script>"])
def test_html_text_empty_pages_give_empty_text(markup):
    assert load_html(markup.encode(), None).text == ""
