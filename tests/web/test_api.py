"""The JSON API: ``/api/works``, ``/api/works/{id}``, ``/api/search``, ``/api/analyze``, and the docs at ``/docs``."""

from __future__ import annotations

from ficlens import SCHEMA
from tests.web.stories import STORM


def test_api_works_lists_with_facets(client):
    data = client.get("/api/works").json()
    assert data["total"] == 3
    assert {w["title"] for w in data["works"]} >= {"Storm Warning", "Kitchen Sink"}
    storm = next(w for w in data["works"] if w["work_id"] == "stories/storm.txt")
    assert storm["url"] == "/works/stories%2Fstorm.txt"
    assert storm["words"] > 0 and storm["quotes"] == 7
    assert {"fandom", "relationship", "character", "category"} <= set(data["facets"])
    assert {"tag": "F/F", "works": 1} in data["facets"]["category"]


def test_api_works_filters(client):
    data = client.get("/api/works", params={"category": "M/M"}).json()
    assert data["total"] == 1 and data["works"][0]["title"] == "Storm Warning"
    assert client.get("/api/works", params={"order": "sideways"}).status_code == 422


def test_api_work_is_the_analysis_document(client):
    d = client.get("/api/works/stories%2Fstorm.txt").json()
    assert d["schema"] == SCHEMA
    text = d["source"]["text"]
    assert text.startswith('"We need to talk')
    for q in d["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    assert "text" not in client.get("/api/works/stories%2Fstorm.txt?text=false").json()["source"]


def test_api_work_unknown_is_json_404(client):
    r = client.get("/api/works/nothing-here")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/json"
    assert "nothing-here" in r.json()["detail"]


def test_api_search(client):
    data = client.get("/api/search", params={"q": "barometer"}).json()
    assert [w["title"] for w in data["works"]] == ["Storm Warning"]
    assert "[barometer]" in data["works"][0]["snippet"]
    assert client.get("/api/search", params={"q": "barometer", "category": "F/F"}).json()["works"] == []


def test_api_search_speaker_lines(client):
    data = client.get("/api/search", params={"q": "violin", "speaker": "John"}).json()
    assert [line["text"] for line in data["lines"]] == ["The violin is out of tune again."]
    assert data["lines"][0]["url"].startswith("/works/stories%2Fstorm.txt#line-")


def test_api_analyze(empty_client):
    r = empty_client.post("/api/analyze", data={"text": STORM})
    assert r.status_code == 200
    d = r.json()
    assert d["schema"] == SCHEMA and len(d["quotes"]) == 7
    r = empty_client.post("/api/analyze", data={"text": STORM, "add": "1"})
    assert r.status_code == 201
    assert empty_client.get(r.headers["location"]).json()["schema"] == SCHEMA


def test_api_analyze_errors(client, empty_client):
    assert client.post("/api/analyze", data={"text": STORM, "add": "1"}).status_code == 409
    assert empty_client.post("/api/analyze", data={"text": ""}).status_code == 400
    assert empty_client.post("/api/analyze", files={"file": ("big.txt", b"x" * 30_000)}).status_code == 413


def test_openapi_and_docs(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/works", "/api/works/{work_id}", "/api/search", "/api/analyze"} <= set(schema["paths"])
    assert "/" not in schema["paths"]
    html = client.get("/docs").text
    assert "/api/search" in html and "relationship" in html and "<code>A/B</code>" in html
    assert "cdn" not in html.lower() and "<script src=\"http" not in html
