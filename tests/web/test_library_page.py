"""The library page ``/``: listing, full-text search, facets with counts, filters and paging."""

from __future__ import annotations

import re

import pytest

from ficlens.web.urls import LibraryQuery
from ficlens.web.views.library import load


def test_library_lists_works_with_their_tags(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "3 works" in html
    for text in ("Storm Warning", "Kitchen Sink", "Sherlock (TV)", "Sherlock Holmes/John Watson", "M/M", "F/F", "words"):
        assert text in html
    assert 'href="/works/stories%2Fstorm.txt"' in html


def test_library_facets_have_counts(client):
    html = client.get("/").text
    facet = re.search(r'href="/\?category=F%2FF"[^>]*><span class="facet-name">F/F</span> <span class="count">(\d+)</span>', html)
    assert facet and facet.group(1) == "1"
    for title in ("Fandoms", "Relationships", "Characters", "Categories"):
        assert title in html


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("/?fandom=Sherlock", "Storm Warning", "Kitchen Sink"),
        ("/?category=F%2FF", "Kitchen Sink", "Storm Warning"),
        ("/?relationship=Meredith%2FCristina", "Kitchen Sink", "Storm Warning"),
        ("/?character=John+Watson", "Storm Warning", "Kitchen Sink"),
        ("/?q=barometer", "Storm Warning", "Kitchen Sink"),
        ("/?q=salt&category=F%2FF", "Kitchen Sink", "Storm Warning"),
    ],
)
def test_library_filters_and_search(client, query, shown, hidden):
    html = client.get(query).text
    assert shown in html
    assert hidden not in html


def test_library_search_shows_marked_snippet(client):
    html = client.get("/?q=barometer").text
    assert "Results for “barometer”" in html
    assert "<mark>barometer</mark>" in html


def test_library_active_filter_can_be_removed(client):
    html = client.get("/?fandom=Sherlock+%28TV%29").text
    assert 'class="chip" href="/"' in html
    assert 'aria-current="true"' in html


def test_library_search_without_match_says_so(client):
    html = client.get("/?q=zeppelin").text
    assert "No work matches" in html


def test_library_bad_relationship_is_a_message_not_a_crash(client):
    r = client.get("/?relationship=%2F")
    assert r.status_code == 200
    assert 'class="error"' in r.text


def test_library_empty_explains_what_to_do(empty_client):
    html = empty_client.get("/").text
    assert "The library is empty" in html
    assert "ficlens index" in html


def test_library_pages(make_app, library_db):
    app = make_app(library_db)
    first = load(app.state.store, LibraryQuery(), page_size=2)
    second = load(app.state.store, LibraryQuery(page=2), page_size=2)
    assert first.more and not second.more
    assert first.total == 3
    assert {w["work_id"] for w in first.works + second.works} == {w["work_id"] for w in load(app.state.store, LibraryQuery()).works}


def test_library_query_urls():
    q = LibraryQuery(q="storm", fandom="Sherlock", page=3)
    assert q.url(page=4) == "/?q=storm&fandom=Sherlock&page=4"
    assert q.toggle("fandom", "Sherlock") == "/?q=storm"
    assert q.toggle("category", "M/M") == "/?q=storm&fandom=Sherlock&category=M%2FM"
    assert q.api() == "/api/search?q=storm&fandom=Sherlock"
