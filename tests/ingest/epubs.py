"""EPUBs built in the tests with zipfile: AO3-style, FanFicFare-style and plain ones.

Every file here was written for ficlens's tests; nothing is a real downloaded work.
"""

from __future__ import annotations

import io
import zipfile

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def xhtml(body: str, title: str = "", body_attrs: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title>'
        '<link href="stylesheet.css" type="text/css" rel="stylesheet"/></head>'
        f"<body{body_attrs}>{body}</body></html>"
    )


def opf(metadata: str, files: list[str], extra_manifest: str = "") -> str:
    manifest = "".join(
        f'<item id="f{i}" href="{name}" media-type="application/xhtml+xml"/>' for i, name in enumerate(files)
    )
    spine = "".join(f'<itemref idref="f{i}"/>' for i in range(len(files)))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">'
        f"{metadata}</metadata>"
        '<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        f"{manifest}{extra_manifest}</manifest>"
        f'<spine toc="ncx">{spine}</spine></package>'
    )


def build(files: dict[str, str | bytes], opf_path: str = "OEBPS/content.opf", container: bool = True) -> bytes:
    """Zip ``files`` (path -> text) into an EPUB: mimetype first and stored, then the container."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        if container:
            zf.writestr("META-INF/container.xml", CONTAINER.format(opf=opf_path))
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def ao3_epub() -> bytes:
    """An EPUB laid out like AO3's: preface, one file per chapter, afterword."""
    preface = xhtml(
        '<div id="preface"><p class="message"><b>Night Shift</b><br/>Posted originally on the '
        '<a href="http://archiveofourown.org/">Archive of Our Own</a> at '
        '<a href="http://archiveofourown.org/works/1234567">http://archiveofourown.org/works/1234567</a>.</p>'
        '<div class="meta"><dl class="tags">'
        "<dt>Rating:</dt><dd><a>Explicit</a></dd>"
        "<dt>Archive Warning:</dt><dd><a>Major Character Death</a>, <a>Graphic Depictions Of Violence</a></dd>"
        "<dt>Category:</dt><dd><a>F/M</a>, <a>M/M</a></dd>"
        "<dt>Fandom:</dt><dd><a>Grey's Anatomy</a></dd>"
        "<dt>Relationship:</dt><dd><a>Derek Shepherd/Mark Sloan</a>, <a>Derek Shepherd/Meredith Grey</a></dd>"
        "<dt>Character:</dt><dd><a>Derek Shepherd</a>, <a>Mark Sloan</a>, <a>Meredith Grey</a></dd>"
        "<dt>Additional Tags:</dt><dd><a>Angst</a></dd>"
        "<dt>Language:</dt><dd>English</dd>"
        "<dt>Stats:</dt><dd>Published: 2014-03-01 Words: 900 Chapters: 2/2</dd>"
        "</dl><h1>Night Shift</h1>"
        '<div class="byline">by <a rel="author" href="http://archiveofourown.org/users/a">quietpages</a>, '
        '<a rel="author" href="http://archiveofourown.org/users/b">nightowl</a></div>'
        '<p>Summary</p><blockquote class="userstuff"><p>Two surgeons, one night.</p></blockquote>'
        '<p>Notes</p><blockquote class="userstuff"><p>Warning: character death.</p></blockquote>'
        "</div></div>",
        "Night Shift",
    )
    ch1 = xhtml(
        '<div class="meta group"><h2 class="heading">Chapter 1: Dusk</h2>'
        '<p>Chapter Notes</p><blockquote class="userstuff"><p>Dedicated to my sister.</p></blockquote></div>'
        '<div class="userstuff"><p>"Scalpel," Derek said.</p><p>Mark handed it over without a word.</p></div>',
        "Chapter 1: Dusk",
    )
    ch2 = xhtml(
        '<div class="meta group"><h2 class="heading">Chapter 2</h2></div>'
        '<div class="userstuff"><p>Meredith waited outside.</p><p>"He\'s gone," she said.</p></div>'
        '<div class="endnote-link"><p>Chapter End Notes</p>'
        '<blockquote class="userstuff"><p>Sorry!</p></blockquote></div>',
        "Chapter 2",
    )
    after = xhtml(
        '<div id="afterword"><div id="endnotes"><p>End Notes</p>'
        '<blockquote class="userstuff"><p>Thanks to my beta reader.</p></blockquote></div>'
        '<p class="message">Please drop by the Archive and comment '
        "to let the creator know if you enjoyed their work!</p></div>",
        "Afterword",
    )
    files = ["preface.xhtml", "Night_Shift_split_000.xhtml", "Night_Shift_split_001.xhtml", "afterword.xhtml"]
    metadata = (
        '<dc:title>Night Shift</dc:title><dc:creator opf:role="aut">quietpages</dc:creator>'
        "<dc:publisher>Archive of Our Own</dc:publisher><dc:language>en</dc:language>"
        '<dc:subject>Grey\'s Anatomy</dc:subject><dc:identifier id="id">http://archiveofourown.org/works/1234567</dc:identifier>'
    )
    return build(
        {
            "OEBPS/content.opf": opf(metadata, files),
            "OEBPS/toc.ncx": "<ncx/>",
            "OEBPS/preface.xhtml": preface,
            "OEBPS/Night_Shift_split_000.xhtml": ch1,
            "OEBPS/Night_Shift_split_001.xhtml": ch2,
            "OEBPS/afterword.xhtml": after,
        }
    )


def fanficfare_epub() -> bytes:
    """An EPUB laid out like FanFicFare's: title page, contents, one file per chapter."""
    title = xhtml(
        '<h3><a href="https://www.fanfiction.net/s/8765432/1/">Night Shift</a> by '
        '<a class="authorlink" href="https://www.fanfiction.net/u/123456/">quietpages</a></h3>'
        "<div>"
        "<b>Category:</b> Grey's Anatomy<br />"
        "<b>Genre:</b> Romance, Hurt/Comfort<br />"
        "<b>Language:</b> English<br />"
        "<b>Characters:</b> Derek S., Mark S.<br />"
        "<b>Relationships:</b> Derek S./Mark S.<br />"
        "<b>Rating:</b> M<br />"
        "<b>Status:</b> In-Progress<br />"
        "<b>Chapters:</b> 2<br />"
        "<b>Words:</b> 1,050<br />"
        "<b>Published:</b> 2012-12-01<br />"
        "<b>Summary:</b> Derek works nights.<br />"
        "</div>",
        "Night Shift by quietpages",
        ' class="fff_titlepage"',
    )
    toc = xhtml(
        '<h3>Table of Contents</h3><p><a href="file0001.xhtml">1. The Road</a><br/>'
        '<a href="file0002.xhtml">2. Coffee</a></p>',
        "Contents",
    )
    ch1 = xhtml(
        '<h3 class="fff_chapter_title">1. The Road</h3><div><p>Disclaimer: I don\'t own it.</p>'
        '<p>Derek parked the car.</p><p>"Late again," Mark said.</p></div>',
        "1. The Road",
    )
    ch2 = xhtml(
        '<h3 class="fff_chapter_title">2. Coffee</h3><div><p>"Coffee?" Mark asked.</p><p>R&amp;R please!</p></div>',
        "2. Coffee",
    )
    files = ["title_page.xhtml", "toc_page.xhtml", "file0001.xhtml", "file0002.xhtml"]
    metadata = (
        '<dc:title>Night Shift</dc:title><dc:creator opf:role="aut">quietpages</dc:creator>'
        '<dc:contributor opf:role="bkp">FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor>'
        "<dc:language>en</dc:language><dc:description>Derek works nights.</dc:description>"
        "<dc:subject>FanFiction</dc:subject><dc:subject>Grey's Anatomy</dc:subject><dc:subject>Romance</dc:subject>"
        "<dc:subject>In-Progress</dc:subject><dc:subject>Doctors</dc:subject>"
    )
    return build(
        {
            "content.opf": opf(metadata, files),
            "toc.ncx": "<ncx/>",
            "title_page.xhtml": title,
            "toc_page.xhtml": toc,
            "file0001.xhtml": ch1,
            "file0002.xhtml": ch2,
        },
        opf_path="content.opf",
    )


def plain_epub(chapters: list[str] | None = None) -> bytes:
    """An EPUB from nowhere in particular: one file per chapter, headings in the text."""
    chapters = chapters or [
        '<h1>Chapter One</h1><p>Anna walked to the harbour.</p><p>"Wait," said Ben.</p>',
        "<h1>Chapter Two</h1><p>The boats were gone.</p>",
    ]
    files = [f"text/ch{i}.xhtml" for i in range(len(chapters))]
    metadata = "<dc:title>Harbour</dc:title><dc:creator>Someone</dc:creator><dc:language>en-GB</dc:language>"
    content = {"OEBPS/content.opf": opf(metadata, files)}
    for name, body in zip(files, chapters):
        content[f"OEBPS/{name}"] = xhtml(body)
    return build(content)
