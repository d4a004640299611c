"""EPUB reading: the package document, the spine, and EPUBs from anywhere."""

import ficlens
from ficlens.ingest import load_bytes
from tests.ingest import epubs


def test_epub_plain_gives_text_and_package_metadata():
    doc = load_bytes(epubs.plain_epub())
    assert doc.source.format == "epub"
    assert (
        doc.text
        == 'Chapter One\n\nAnna walked to the harbour.\n\n"Wait," said Ben.\n\nChapter Two\n\nThe boats were gone.'
    )
    assert (doc.meta.title, doc.meta.authors, doc.meta.language) == ("Harbour", ["Someone"], "English")
    assert doc.chapters == [] and doc.front_matter == []


def test_epub_plain_structure_comes_from_the_structure_step():
    a = ficlens.analyze_document(load_bytes(epubs.plain_epub()))
    assert [(c.number, c.title) for c in a.document.chapters] == [(1, None), (2, None)]


def test_epub_spine_order_not_archive_order():
    files = {"OEBPS/b.xhtml": epubs.xhtml("<p>second</p>"), "OEBPS/a.xhtml": epubs.xhtml("<p>first</p>")}
    files["OEBPS/content.opf"] = epubs.opf("<dc:title>T</dc:title>", ["a.xhtml", "b.xhtml"])
    assert load_bytes(epubs.build(files)).text == "first\n\nsecond"


def test_epub_without_container_finds_the_package():
    files = {"book.opf": epubs.opf("", ["x/ch.xhtml"]), "x/ch.xhtml": epubs.xhtml("<p>Hello.</p>")}
    assert load_bytes(epubs.build(files, container=False)).text == "Hello."


def test_epub_hrefs_only_name_archive_members_and_missing_files_are_skipped():
    files = {
        "OEBPS/content.opf": epubs.opf(
            "", ["../../../../etc/hostname", "/etc/hostname", "missing.xhtml", "ch%201.xhtml"]
        ),
        "OEBPS/ch 1.xhtml": epubs.xhtml("<p>Only this.</p>"),
    }
    assert load_bytes(epubs.build(files)).text == "Only this."


def test_epub_non_html_spine_items_are_skipped():
    opf = epubs.opf("", ["ch.xhtml"], extra_manifest='<item id="img" href="c.jpg" media-type="image/jpeg"/>')
    opf = opf.replace('<itemref idref="f0"/>', '<itemref idref="img"/><itemref idref="f0"/>')
    files = {"OEBPS/content.opf": opf, "OEBPS/ch.xhtml": epubs.xhtml("<p>Text.</p>"), "OEBPS/c.jpg": b"\xff\xd8\xff"}
    assert load_bytes(epubs.build(files)).text == "Text."
