"""Small stories written for the web tests (none is a real work), and a library built from them."""

from __future__ import annotations

import io
import zipfile

import ficlens
from ficlens.corpus import Library
from ficlens.ingest import document_from_text

STORM = (
    '"We need to talk about the storm," said Sherlock.\n\n'
    '"Not now," John answered. "The violin is out of tune again."\n\n'
    'Sherlock sighed. "Then when?"\n\n'
    "* * *\n\n"
    'Later, John came back with two cups of tea. "Now," he said.\n\n'
    '"The barometer fell at noon," said Sherlock. "Nobody else noticed."\n'
)

KITCHEN = (
    '"Pass the salt," said Meredith.\n\n'
    '"Get it yourself," Cristina said.\n\n'
    'Meredith laughed and reached across the table. "You are my person."\n\n'
    '"I know," Cristina said.\n'
)

HOSTILE_TITLE = '<script>alert("title")</script>'
HOSTILE = (
    'A/N: <script>alert("note")</script> thanks for reading!\n\n'
    '"<img src=x onerror=alert(\'line\')>," said Ann.\n\n'
    '"Stop that <script>document.cookie</script> right now," Ben answered.\n\n'
    'Ann grinned. "Make me."\n'
)

STORIES = {
    "stories/storm.txt": {
        "text": STORM, "title": "Storm Warning", "fandoms": ["Sherlock (TV)"], "category": ["M/M"],
        "relationships": ["Sherlock Holmes/John Watson"], "characters": ["Sherlock Holmes", "John Watson"],
    },
    "stories/kitchen.txt": {
        "text": KITCHEN, "title": "Kitchen Sink", "fandoms": ["Grey's Anatomy"], "category": ["F/F"],
        "relationships": ["Meredith Grey/Cristina Yang"], "characters": ["Meredith Grey", "Cristina Yang"],
    },
    "hostile/<b>id</b>.txt": {
        "text": HOSTILE, "title": HOSTILE_TITLE, "fandoms": ['<img src=x onerror=alert("fandom")>'], "category": ["Gen"],
        "relationships": ["Ann/<script>x</script>"], "characters": ["Ann", "Ben"],
        "summary": '<img src=x onerror=alert("summary")>', "authors": ["<b>evil</b>"],
    },
}  # fmt: skip


def analysis(work: dict) -> ficlens.Analysis:
    """Analyse a story of `STORIES` with its metadata set first, as a corpus row would give it."""
    doc = document_from_text(work["text"])
    for key, value in work.items():
        if key != "text":
            setattr(doc.meta, key, value)
    return ficlens.analyze_document(doc)


def fill(lib: Library) -> Library:
    for work_id, work in STORIES.items():
        lib.add(analysis(work), work_id=work_id)
    return lib


def html_story() -> bytes:
    """An HTML page whose story quotes markup (escaped in the HTML, so it is text of the story)."""
    return (b'<!doctype html><html><head><title>Glass</title></head><body><h1>Glass</h1>'
            b'<p>"Hello," said Ann.</p><p>"Hi," Ben said. "&lt;script&gt;alert(1)&lt;/script&gt;"</p>'
            b"<script>alert(2)</script></body></html>")  # fmt: skip


def epub_story() -> bytes:
    """A minimal EPUB 2: one chapter, a title and an author."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
                    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
                    'full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
        zf.writestr("OEBPS/content.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
                    'version="2.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
                    "<dc:title>Paper Boats</dc:title><dc:creator>tester</dc:creator></metadata><manifest>"
                    '<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest>'
                    '<spine><itemref idref="c1"/></spine></package>')
        zf.writestr("OEBPS/c1.xhtml", '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
                    '<title>One</title></head><body><p>"Fold it twice," said Ann.</p>'
                    '<p>"Like this?" Ben asked.</p></body></html>')
    return buf.getvalue()  # fmt: skip
