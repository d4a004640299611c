"""Inputs are recognised by their content, not by their file name."""

import pytest

from ficlens.ingest import load_path
from ficlens.ingest.formats import sniff
from tests.ingest import epubs


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("ao3_download.html", "ao3-html"),
        ("ao3_work_page.html", "ao3-html"),
        ("ffnet_page.html", "ffnet-html"),
        ("fanficfare.html", "fanficfare-html"),
        ("fanficfare.txt", "fanficfare-txt"),
        ("ffnet_paste.txt", "text"),
    ],
)
def test_formats_recognised_by_content(ingest_fixtures, tmp_path, name, fmt):
    misnamed = tmp_path / "story.dat"
    misnamed.write_bytes((ingest_fixtures / name).read_bytes())
    assert load_path(misnamed).source.format == fmt


@pytest.mark.parametrize(
    "build, fmt", [(epubs.ao3_epub, "ao3-epub"), (epubs.fanficfare_epub, "fanficfare-epub"), (epubs.plain_epub, "epub")]
)
def test_formats_epubs(tmp_path, build, fmt):
    path = tmp_path / "work.txt"
    path.write_bytes(build())
    doc = load_path(path)
    assert doc.source.format == fmt
    assert doc.source.length == len(doc.text)


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"<!DOCTYPE html><html>", "html"),
        (b'\xef\xbb\xbf  <?xml version="1.0"?>\n<html xmlns="x">', "html"),
        (b"<!-- saved -->\n<html>", "html"),
        (b"<p>A paragraph.</p><p>Another.</p>", "html"),
        (b"PK\x03\x04rest", "zip"),
        (b"Chapter 1\n\n<3 he said", "text"),
        (b"<3 Derek", "text"),
        (b"<p>unclosed and no end tag", "text"),
        ("\ufeff<html><body>".encode("utf-16"), "html"),
    ],
)
def test_formats_sniff(head, kind):
    assert sniff(head) == kind


def test_formats_plain_text_keeps_its_text_exactly(ingest_fixtures):
    raw = (ingest_fixtures / "ffnet_paste.txt").read_bytes()
    doc = load_path(ingest_fixtures / "ffnet_paste.txt")
    assert doc.text == raw.decode("utf-8")


def test_formats_fanficfare_txt_keeps_its_text_exactly(ingest_fixtures):
    raw = (ingest_fixtures / "fanficfare.txt").read_bytes()
    doc = load_path(ingest_fixtures / "fanficfare.txt")
    assert doc.text == raw.decode("utf-8")


def test_formats_html_encoding_option(tmp_path):
    path = tmp_path / "latin.html"
    path.write_bytes("<html><body><p>Caf\u00e9 au lait</p></body></html>".encode("latin-1"))
    assert load_path(path).text == "Caf\u00e9 au lait"
    assert load_path(path, encoding="latin-1").source.encoding == "latin-1"


def test_formats_html_declared_charset(tmp_path):
    path = tmp_path / "cp.html"
    path.write_bytes(
        '<html><head><meta charset="windows-1252"></head><body><p>\u201cOh,\u201d she said.</p></body></html>'.encode(
            "cp1252"
        )
    )
    doc = load_path(path)
    assert doc.text == "\u201cOh,\u201d she said."
    assert doc.source.encoding == "windows-1252"
