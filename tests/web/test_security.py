"""Hostile stories render as text; security headers; hosts and cross-site posts refused; no CDN assets."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import TestClient
from tests.web.stories import HOSTILE, html_story

HOSTILE_URL = "/works/hostile%2F%3Cb%3Eid%3C%2Fb%3E.txt"
OUR_SCRIPT = re.compile(r'<script src="/static/app\.js\?v=[\w.+-]+" defer></script>')


def assert_inert(html: str) -> None:
    """No markup from the story: the only script is ours, no img, no event handler, no story tag."""
    assert len(re.findall(r"<script", html, re.IGNORECASE)) == 1 and OUR_SCRIPT.search(html)
    assert "<img" not in html.lower()
    assert "onerror=" not in html.replace("onerror=alert", "")  # only ever inside escaped text
    assert "<b>" not in html
    assert "<script>alert" not in html and "<script>document" not in html and "<script>x" not in html


def test_hostile_work_page_renders_as_text(client):
    r = client.get(HOSTILE_URL)
    assert r.status_code == 200
    html = r.text
    assert_inert(html)
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html  # the title, as text
    assert "&lt;img src=x onerror=alert(&#39;line&#39;)&gt;" in html  # the dialogue, as text
    assert "&lt;script&gt;document.cookie&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#34;note&#34;)&lt;/script&gt;" in html  # the author's note
    assert "&lt;b&gt;evil&lt;/b&gt;" in html  # the author


@pytest.mark.parametrize("url", ["/", "/?q=cookie", "/?q=note", "/?fandom=%3Cimg", "/?relationship=Ann%2F%3Cscript%3Ex%3C%2Fscript%3E"])
def test_hostile_library_and_search_render_as_text(client, url):
    html = client.get(url).text
    assert_inert(html)


def test_hostile_search_text_renders_as_text(client):
    html = client.get("/", params={"q": '"><script>alert(9)</script>'}).text
    assert_inert(html)


def test_hostile_upload_renders_as_text(empty_client):
    html = empty_client.post("/analyze", files={"file": ("<img src=x onerror=alert(1)>.html", html_story())}).text
    assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = empty_client.post("/analyze", data={"text": HOSTILE, "title": "<script>alert(3)</script>"}).text
    assert_inert(html)


def test_api_reference_code_filter_escapes():
    from ficlens.web.templating import code

    assert str(code("use `<b>` here")) == "use <code>&lt;b&gt;</code> here"


def test_snippet_marks_stay_balanced():
    from ficlens.web.templating import snippet

    assert str(snippet("a \x02b\x03 c")) == "a <mark>b</mark> c"
    assert str(snippet("\x03<i>\x02x\x02y")) == "&lt;i&gt;<mark>xy</mark>"


@pytest.mark.parametrize("url", ["/", "/works/stories%2Fstorm.txt", "/analyze", "/api/works", "/docs", "/static/app.css", "/nope"])
def test_security_headers(client, url):
    h = client.get(url).headers
    csp = h["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"


def test_unknown_host_is_refused(make_app):
    with TestClient(make_app(None, allowed_hosts=None), base_url="http://evil.example") as c:
        assert c.get("/").status_code == 400
    with TestClient(make_app(None, allowed_hosts=None), base_url="http://127.0.0.1:8765") as c:
        assert c.get("/").status_code == 200


def test_cross_site_post_is_refused(empty_client):
    r = empty_client.post("/analyze", data={"text": "hi"}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    r = empty_client.post("/api/analyze", data={"text": "hi"}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    r = empty_client.post("/analyze", data={"text": "hi"}, headers={"sec-fetch-site": "same-site", "origin": "null"})
    assert r.status_code == 403  # another app on another port of localhost is not this app
    ok = {"sec-fetch-site": "same-origin", "origin": "null"}  # what a browser sends under a strict referrer policy
    assert empty_client.post("/analyze", data={"text": '"Hi," said Ann.'}, headers=ok).status_code == 200
    assert empty_client.post("/analyze", data={"text": '"Hi," said Ann.'}, headers={"origin": "http://testserver"}).status_code == 200


def test_no_asset_from_elsewhere(client):
    for url in ("/", "/works/stories%2Fstorm.txt", "/analyze", "/docs"):
        html = client.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', html), url
    css = client.get("/static/app.css").text
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_static_files_cannot_leave_the_package(client):
    assert client.get("/static/..%2F__init__.py").status_code == 404
    assert client.get("/static/../app.py").status_code == 404
