"""The work page ``/works/{id}``: the story with speaker colours, the character and relationship panels."""

from __future__ import annotations

import re

from ficlens.web import workpage
from tests.web.stories import STORIES, analysis


def test_work_page_renders_story_and_panels(client):
    r = client.get("/works/stories%2Fstorm.txt")
    assert r.status_code == 200
    html = r.text
    assert "<h1 class=\"work-title\">Storm Warning</h1>" in html
    assert "The barometer fell at noon" in html
    assert 'id="characters"' in html and 'id="relationships"' in html
    assert "<svg class=\"network\"" in html
    assert 'class="scene-break"' in html


def test_work_page_colours_each_line_by_speaker(client):
    html = client.get("/works/stories%2Fstorm.txt").text
    lines = re.findall(r'<span class="q (sp-[\w-]+)[^"]*" id="line-(q\d+)" data-tip="([^"]*)"', html)
    assert len(lines) == 7
    by_speaker = {}
    for css, _qid, tip in lines:
        by_speaker.setdefault(tip.split(" · ")[0], set()).add(css)
    assert set(by_speaker) == {"Sherlock Holmes", "John Watson"}
    assert all(len(v) == 1 for v in by_speaker.values())
    assert by_speaker["Sherlock Holmes"] != by_speaker["John Watson"]
    assert re.search(r'data-tip="Sherlock Holmes · to John Watson · explicit · [\d.]+% sure"', html)
    # the legend names each speaker with the same class
    for css in by_speaker.values():
        assert f'class="speaker {css.pop()}"' in html


def test_work_page_marks_low_confidence_lines():
    d = analysis(STORIES["stories/kitchen.txt"]).to_dict(include_text=True)
    d["quotes"][1]["confidence"] = 0.2
    page = workpage.build(d, d["source"]["text"], "k")
    html = "".join(str(p.html) for s in page.sections for p in s.paragraphs)
    assert re.search(r'class="q sp-\d+ low" id="line-q2" data-tip="[^"]*· unsure"', html)
    assert page.low == 1


def test_work_page_character_panel(client):
    html = client.get("/works/stories%2Fkitchen.txt").text
    panel = html[html.index('id="characters"') :]
    assert "Meredith" in panel and "Cristina" in panel
    assert "on the page" in panel
    assert re.search(r"\d+ lines? · \d+ mentions?", panel)


def test_work_page_evidence_links_point_at_anchors_in_the_story(client):
    html = client.get("/works/stories%2Fstorm.txt").text
    links = re.findall(r'<a class="ev" href="#(ev-\d+-\d+)"', html)
    assert links
    story = html[html.index('id="story"') : html.index('id="characters"')]
    for anchor in links:
        assert f'<span class="anchor" id="{anchor}"></span>' in story


def test_work_page_context():
    d = analysis(STORIES["stories/storm.txt"]).to_dict(include_text=True)
    page = workpage.build(d, d["source"]["text"], "stories/storm.txt")
    assert page.title == "Storm Warning"
    assert [p.name for p in page.speakers] == ["Sherlock Holmes", "John Watson"]
    assert page.speakers[0].css == "sp-0" and page.speakers[1].css == "sp-1"
    assert page.lines == 7 and page.unattributed == 0
    assert page.edges and page.edges[0][2] == 7
    assert page.pairings and page.pairings[0].evidence


def test_work_page_unknown_work_is_404(client):
    r = client.get("/works/no-such-work")
    assert r.status_code == 404
    assert "There is no work with this id" in r.text


def test_work_ids_are_keys_not_paths(client):
    for path in ("/works/..%2F..%2Fetc%2Fpasswd", "/works/%2Fetc%2Fpasswd", "/api/works/..%2Fpyproject.toml"):
        r = client.get(path)
        assert r.status_code == 404
        assert "root:" not in r.text
