"""The analyse page ``/analyze``: paste or upload a story, see its work page, optionally add it to the library."""

from __future__ import annotations

import pytest

from tests.web.stories import KITCHEN, STORM, epub_story, html_story


def test_analyze_form(empty_client):
    html = empty_client.get("/analyze").text
    assert 'enctype="multipart/form-data"' in html
    assert 'name="text"' in html and 'name="file"' in html
    assert "Grey&#39;s Anatomy" in html  # the bundled fandoms
    assert 'data-max-bytes="20000"' in html


def test_analyze_pasted_story_shows_work_page(empty_client):
    r = empty_client.post("/analyze", data={"text": STORM, "title": "Pasted Storm"})
    assert r.status_code == 200
    assert '<h1 class="work-title">Pasted Storm</h1>' in r.text
    assert 'class="q sp-0"' in r.text
    assert "not in the library" in r.text
    assert "0 works" not in empty_client.get("/").text or "The library is empty" in empty_client.get("/").text


@pytest.mark.parametrize(
    "name, data, expect",
    [
        ("kitchen.txt", KITCHEN.encode("utf-8"), "You are my person"),
        ("kitchen-latin1.txt", KITCHEN.replace("salt", "salt, café").encode("latin-1"), "café"),
        ("glass.html", html_story(), "said Ann"),
        ("boats.epub", epub_story(), "Fold it twice"),
    ],
)
def test_analyze_uploaded_file(empty_client, name, data, expect):
    r = empty_client.post("/analyze", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code == 200, r.text
    assert expect in r.text
    assert 'class="q sp-' in r.text


def test_analyze_upload_takes_the_title_from_the_file(empty_client):
    assert '<h1 class="work-title">Paper Boats</h1>' in empty_client.post("/analyze", files={"file": ("b.epub", epub_story())}).text
    assert '<h1 class="work-title">kitchen</h1>' in empty_client.post("/analyze", files={"file": ("kitchen.txt", KITCHEN.encode())}).text


def test_analyze_file_name_is_only_a_label(empty_client):
    r = empty_client.post("/analyze", files={"file": ("../../etc/passwd", KITCHEN.encode())})
    assert r.status_code == 200
    assert "root:" not in r.text
    assert '<h1 class="work-title">passwd</h1>' in r.text


def test_analyze_and_add_to_library(empty_client):
    r = empty_client.post("/analyze", data={"text": STORM, "title": "Kept Storm", "add": "1"}, follow_redirects=False)
    assert r.status_code == 303
    location = r.headers["location"]
    assert location.startswith("/works/web-")
    page = empty_client.get(location)
    assert '<h1 class="work-title">Kept Storm</h1>' in page.text
    assert "Kept Storm" in empty_client.get("/").text
    assert "Kept Storm" in empty_client.get("/?q=barometer").text


def test_analyze_read_only_library_does_not_add(client):
    html = client.get("/analyze").text
    assert 'name="add" value="1" disabled' in html
    r = client.post("/analyze", data={"text": STORM, "add": "1"}, follow_redirects=False)
    assert r.status_code == 200
    assert "read-only" in r.text
    assert "3 works" in client.get("/").text


def test_analyze_nothing_sent(empty_client):
    r = empty_client.post("/analyze", data={"text": "   "})
    assert r.status_code == 400
    assert "Paste a story" in r.text


def test_analyze_binary_file_is_a_clear_error(empty_client):
    r = empty_client.post("/analyze", files={"file": ("cover.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)})
    assert r.status_code == 400
    assert 'class="error"' in r.text


def test_analyze_unknown_fandom_is_a_clear_error(empty_client):
    r = empty_client.post("/analyze", data={"text": STORM, "fandom": "No Such Fandom"})
    assert r.status_code == 400
    assert "unknown fandom" in r.text
    assert "The barometer fell at noon" in r.text  # the pasted text is kept in the form


def test_analyze_with_a_bundled_fandom(empty_client):
    text = '"You look terrible," Mark said.\n\n"Thank you, Mark," Derek said.\n'
    r = empty_client.post("/analyze", data={"text": text, "fandom": "Grey's Anatomy"})
    assert r.status_code == 200
    assert "Mark Sloan" in r.text


@pytest.mark.parametrize("how", ["file", "text"])
def test_analyze_size_limit(empty_client, how):
    big = ("x" * 99 + "\n") * 300  # 30 KB; the app's limit is 20 KB
    kw = {"files": {"file": ("big.txt", big.encode())}} if how == "file" else {"data": {"text": big}}
    r = empty_client.post("/analyze", **kw)
    assert r.status_code == 413
    assert "larger than the 20 KB limit" in r.text


def test_analyze_size_limit_by_content_length(empty_client):
    r = empty_client.post("/analyze", content=b"x" * 10, headers={"content-length": "999999999", "content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 413


def test_analyze_size_limit_counts_bytes_whatever_the_header_says(empty_client):
    def body():
        yield b"--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
        for _ in range(200):
            yield b"y" * 1000
        yield b"\r\n--x--\r\n"

    r = empty_client.post("/analyze", content=body(), headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 413
