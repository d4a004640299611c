import codecs
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ficlens.errors import InputError
from ficlens.ingest.decode import decode_bytes

STORY = "\u201cCaf\u00e9?\u201d she asked \u2014 na\u00efvely.\r\nHe said no."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (STORY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + STORY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "utf-16-be"),
        (STORY.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_keeps_text_exactly(data, encoding):
    d = decode_bytes(data)
    assert d.text == STORY
    assert d.encoding == encoding


def test_decode_latin1_text_reads_as_cp1252_superset():
    text = "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00e0 la carte, se\u00f1or."
    assert decode_bytes(text.encode("latin-1")).text == text


def test_decode_keeps_cr_line_endings():
    assert decode_bytes(b"one\rtwo\r\rthree").text == "one\rtwo\r\rthree"


def test_decode_bomless_utf16():
    assert decode_bytes("Hello there, Mark.".encode("utf-16-le")).text == "Hello there, Mark."


@pytest.mark.parametrize(
    "data, why",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG"),
        (b"%PDF-1.7\n" + bytes(100), "PDF"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_decode_refuses_binary(data, why):
    with pytest.raises(InputError, match=why):
        decode_bytes(data)


def test_decode_refuses_random_bytes():
    with pytest.raises(InputError):
        decode_bytes(os.urandom(4096))


def test_decode_refuses_invalid_utf8_after_bom():
    with pytest.raises(InputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe bad")


def test_decode_forced_encoding_and_unknown_encoding():
    assert decode_bytes("\u00e9".encode("latin-1"), "latin-1").text == "\u00e9"
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"x", "no-such-codec")


@given(st.text())
def test_decode_round_trips_any_utf8_text(text):
    data = text.encode("utf-8", "surrogatepass")
    try:
        decoded = decode_bytes(data)
    except InputError:
        # Text full of control characters is refused as binary; that is the only refusal.
        assert sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f") > 0
        return
    expected = text[1:] if text.startswith("\ufeff") else text
    assert decoded.text in (text, expected)


def test_decode_utf8_with_a_nul_is_not_taken_for_utf16():
    # Found by hypothesis: the zero bytes looked like UTF-16 of ASCII; what they decode to is not ASCII.
    assert decode_bytes("0\x00\x80".encode()).text == "0\x00\x80"
