"""Hostile input is refused with one clear error, or read safely: never a hang, a crash or a traceback."""

import io
import time
import zipfile

import pytest
from click.testing import CliRunner

from ficlens.cli import main
from ficlens.errors import FormatError, InputError
from ficlens.ingest import load_bytes, load_path, safety
from tests.ingest import epubs


def _bomb(member_bytes: int, name: str = "OEBPS/ch.xhtml") -> bytes:
    files = {"OEBPS/content.opf": epubs.opf("", ["ch.xhtml"])}
    data = epubs.build(files)
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, b"<p>" + b"a" * member_bytes)
    return buf.getvalue()


def test_safety_epub_that_is_not_a_zip():
    with pytest.raises(FormatError, match="not a readable zip archive"):
        load_bytes(b"PK\x03\x04" + b"not really a zip" * 50)


def test_safety_file_named_epub_that_is_text(tmp_path):
    path = tmp_path / "story.epub"
    path.write_text("Anna ran.\n\nBen followed.", encoding="utf-8")
    assert load_path(path).text == "Anna ran.\n\nBen followed."


def test_safety_file_named_epub_that_is_noise(tmp_path):
    path = tmp_path / "story.epub"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match="story.epub"):
        load_path(path)


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_safety_truncated_epub(cut):
    data = epubs.ao3_epub()
    with pytest.raises(FormatError):
        load_bytes(data[: int(len(data) * cut)])


def test_safety_damaged_member_is_refused():
    data = bytearray(epubs.plain_epub())
    # Corrupt the compressed bytes of the first chapter, leaving the directory intact.
    at = data.index(b"OEBPS/text/ch0.xhtml") + len(b"OEBPS/text/ch0.xhtml") + 5
    data[at : at + 40] = b"\xff" * 40
    with pytest.raises(FormatError, match="damaged or truncated"):
        load_bytes(bytes(data))


def test_safety_zip_bomb_member_over_the_limit():
    data = _bomb(safety.MAX_MEMBER_BYTES + 1024)
    assert len(data) < 1_000_000
    t0 = time.perf_counter()
    with pytest.raises(FormatError, match="zip bomb"):
        load_bytes(data)
    assert time.perf_counter() - t0 < 10


def test_safety_zip_bomb_total_over_the_limit(monkeypatch):
    monkeypatch.setattr(safety, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(FormatError, match="zip bomb"):
        load_bytes(_bomb(2000))


def test_safety_too_many_members(monkeypatch):
    monkeypatch.setattr(safety, "MAX_MEMBERS", 20)
    files = {f"OEBPS/f{i}.xhtml": "<p/>" for i in range(25)}
    with pytest.raises(FormatError, match="more than the limit of 20"):
        load_bytes(epubs.build(files))


def test_safety_encrypted_member():
    data = bytearray(epubs.plain_epub())
    name = b"OEBPS/text/ch0.xhtml"
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        local = zf.getinfo(name.decode()).header_offset
    data[local + 6] |= 0x1  # the local header's "encrypted" flag
    central = data.index(b"PK\x01\x02", local)
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 8] |= 0x1  # and the central directory's
    with pytest.raises(FormatError, match="encrypted"):
        load_bytes(bytes(data))


def test_safety_zip_that_is_not_an_epub():
    with pytest.raises(FormatError, match="not an EPUB"):
        load_bytes(epubs.build({"notes.txt": "hello"}, container=False))


def test_safety_epub_with_no_text():
    files = {"OEBPS/content.opf": epubs.opf("", [])}
    with pytest.raises(FormatError, match="no readable text"):
        load_bytes(epubs.build(files))


_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)).replace("&lol0;", "&lol;")
    + "]>"
)


def test_safety_entity_expansion_in_html():
    data = ('<?xml version="1.0"?>' + _LAUGHS + "<html><body><p>&lol9;</p></body></html>").encode()
    t0 = time.perf_counter()
    doc = load_bytes(data)
    assert doc.text == "&lol9;" and time.perf_counter() - t0 < 2


def test_safety_entity_expansion_and_external_entities_in_epub():
    opf = epubs.opf("<dc:title>&lol9;</dc:title>", ["ch.xhtml"]).replace("<package", _LAUGHS + "<package", 1)
    chapter = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">'
        '<!ENTITY net SYSTEM "http://example.invalid/x">]>'
        "<html><body><p>&xxe; and &net;</p></body></html>"
    )
    doc = load_bytes(epubs.build({"OEBPS/content.opf": opf, "OEBPS/ch.xhtml": chapter}))
    assert doc.text == "&xxe; and &net;"
    assert doc.meta.title == "&lol9;"


def test_safety_scripts_and_styles_are_dropped():
    data = (
        b"<html><head><script>var a='<p>evil</p>';</script></head><body>"
        b'<p onclick="steal()">Anna ran.</p><style>p{}</style><script src=x.js></script>'
        b"<iframe src='http://example.invalid'>frame text</iframe><p>Ben followed.</p></body></html>"
    )
    assert load_bytes(data).text == "Anna ran.\n\nBen followed."


def test_safety_deep_nesting():
    depth = 100_000
    data = b"<html><body>" + b"<div><span>" * depth + b"<p>Deep.</p>" + b"</span></div>" * depth + b"</body></html>"
    t0 = time.perf_counter()
    assert load_bytes(data).text == "Deep."
    assert time.perf_counter() - t0 < 20


def test_safety_too_many_elements(monkeypatch):
    monkeypatch.setattr(safety, "MAX_ELEMENTS", 1000)
    with pytest.raises(FormatError, match="more than 1,000 elements"):
        load_bytes(b"<html><body>" + b"<p>x</p>" * 1001)


def test_safety_huge_file_refused_before_reading(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="larger than the 67 MB limit"):
        load_path(path)
    assert time.perf_counter() - t0 < 1


@pytest.mark.parametrize(
    "make, args",
    [
        (lambda p: p.write_bytes(b"PK\x03\x04garbage"), []),
        (lambda p: p.write_bytes(epubs.ao3_epub()[:300]), []),
        (lambda p: p.write_bytes(_bomb(5000)), ["--max-bytes", "100"]),
        (lambda p: p.write_bytes(_bomb(safety.MAX_MEMBER_BYTES + 1)), []),
    ],
)
def test_safety_cli_gives_one_line(tmp_path, make, args):
    path = tmp_path / "work.epub"
    make(path)
    result = CliRunner().invoke(main, ["analyze", str(path), "--json", *args])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ficlens: error: {path}: ")
    assert "Traceback" not in result.output + result.stderr
