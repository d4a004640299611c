"""`ficlens analyze FILE --json` fills `work` and `structure` for every input shape."""

import json

import pytest
from click.testing import CliRunner

from ficlens.cli import main
from tests.ingest import epubs

# name -> (format, work fields, front-matter kinds, (number, title) of chapters, end-matter kinds)
CASES = {
    "ao3_download.html": (
        "ao3-html",
        {"title": "Night Shift", "rating": "Teen And Up Audiences", "category": ["M/M"], "fandoms": ["Grey's Anatomy"],
         "relationships": ["Derek Shepherd/Mark Sloan"], "language": "English"},
        ["title", "title", "metadata", "summary", "thanks", "summary", "author_note"],
        [(1, "The Road"), (2, "Coffee")],
        ["author_note", "author_note"],
    ),
    "ao3_work_page.html": (
        "ao3-html",
        {"title": "Lighthouse", "authors": ["tidewriter"], "warnings": ["Creator Chose Not To Use Archive Warnings"],
         "relationships": ["John Watson & Sherlock Holmes"], "fandoms": ["Sherlock (TV)"]},
        ["title", "title", "metadata", "summary", "disclaimer"],
        [(None, None)],
        ["review_request"],
    ),
    "ffnet_page.html": (
        "ffnet-html",
        {"title": "Night Shift", "rating": "T", "relationships": ["Derek S./Mark S."], "fandoms": ["Grey's Anatomy"],
         "characters": ["Derek S.", "Mark S.", "Meredith G."]},
        ["title", "title", "summary", "metadata", "author_note", "disclaimer"],
        [(1, "The Road")],
        ["review_request"],
    ),
    "ffnet_paste.txt": (
        "text",
        {"title": "Night Shift", "authors": ["quietpages"], "rating": "T", "relationships": ["Derek S./Mark S."],
         "fandoms": ["Grey's Anatomy"], "category": ["M/M"]},
        ["title", "title", "summary", "header", "author_note", "disclaimer", "warning"],
        [(1, "Lovesick")],
        ["review_request"],
    ),
    "fanficfare.html": (
        "fanficfare-html",
        {"title": "Night Shift", "authors": ["quietpages"], "rating": "T", "fandoms": ["Grey's Anatomy"]},
        ["title", "metadata", "summary", "author_note"],
        [(1, "The Road"), (2, "Coffee")],
        ["review_request"],
    ),
    "fanficfare.txt": (
        "fanficfare-txt",
        {"title": "Night Shift", "authors": ["quietpages"], "relationships": ["Derek S./Mark S."]},
        ["title", "title", "metadata", "contents", "disclaimer"],
        [(1, "The Road"), (2, "Coffee")],
        ["end_marker"],
    ),
    "ao3.epub": (
        "ao3-epub",
        {"title": "Night Shift", "authors": ["quietpages", "nightowl"], "rating": "Explicit",
         "category": ["F/M", "M/M"]},
        ["title", "title", "metadata", "summary", "warning", "dedication"],
        [(1, "Dusk"), (2, None)],
        ["author_note", "thanks"],
    ),
    "fanficfare.epub": (
        "fanficfare-epub",
        {"title": "Night Shift", "rating": "M", "fandoms": ["Grey's Anatomy"], "summary": "Derek works nights."},
        ["title", "metadata", "summary", "disclaimer"],
        [(1, "The Road"), (2, "Coffee")],
        ["review_request"],
    ),
    "plain.epub": ("epub", {"title": "Harbour", "authors": ["Someone"]}, [], [(1, None), (2, None)], []),
}  # fmt: skip
_EPUBS = {"ao3.epub": epubs.ao3_epub, "fanficfare.epub": epubs.fanficfare_epub, "plain.epub": epubs.plain_epub}


@pytest.mark.parametrize("name", list(CASES))
def test_cli_inputs_analyze_json(name, ingest_fixtures, tmp_path):
    fmt, work, front, chapters, end = CASES[name]
    if name in _EPUBS:
        path = tmp_path / name
        path.write_bytes(_EPUBS[name]())
    else:
        path = ingest_fixtures / name
    result = CliRunner().invoke(main, ["analyze", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    assert d["source"]["format"] == fmt
    for key, value in work.items():
        assert d["work"][key] == value, key
    s = d["structure"]
    assert [b["kind"] for b in s["front_matter"]] == front
    assert [(c["number"], c["title"]) for c in s["chapters"]] == chapters
    assert [b["kind"] for b in s["end_matter"]] == end
    # Offsets point into the analysed text, which the JSON carries for every format but plain text.
    text = d["source"]["text"] if fmt != "text" else path.read_text(encoding="utf-8")
    for b in s["front_matter"] + s["end_matter"]:
        assert text[b["start"] : b["end"]] == b["text"]
    for q in d["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    for c in s["chapters"]:
        if c["heading"]:
            assert c["start"] == c["heading"]["start"] <= c["heading"]["end"] <= c["end"]


def test_cli_inputs_report_shows_extracted_text(ingest_fixtures):
    result = CliRunner().invoke(main, ["analyze", str(ingest_fixtures / "ao3_download.html"), "--width", "100"])
    assert result.exit_code == 0, result.stderr
    assert "Night Shift" in result.stdout
