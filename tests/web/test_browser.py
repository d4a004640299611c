"""Browser tests: Playwright drives Debian's Chromium against a live server.

They open the library, search, open a work, check the speaker colours, the
tooltips, the evidence links and the SVG graph, and upload a story. They are
skipped when /usr/bin/chromium is absent (``apt-get install -y chromium``).
"""

from __future__ import annotations

import re

import pytest

from tests.web.live import CHROMIUM, chromium, serve
from tests.web.stories import KITCHEN, fill

pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)")

MAX_UPLOAD = 50_000


@pytest.fixture(scope="module")
def base_url():
    from ficlens.web import create_app

    app = create_app(None, max_upload=MAX_UPLOAD)
    with app.state.store.use() as lib:
        fill(lib)
    with serve(app) as url:
        yield url
    app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    yield pg
    context.close()


def _style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"el => getComputedStyle(el).{prop}")


def test_browser_library_search_and_open_work(page, base_url):
    page.goto(base_url + "/")
    assert page.locator(".work-item").count() == 3
    page.fill("#q", "barometer")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/\?q=barometer"))
    assert page.locator(".work-item").count() == 1
    assert page.locator(".snippet mark").first.inner_text().lower() == "barometer"
    page.click("text=Storm Warning")
    page.wait_for_url(re.compile(r"/works/stories%2Fstorm\.txt$"))
    assert page.locator("h1.work-title").inner_text() == "Storm Warning"
    assert page.problems == []


def test_browser_speaker_colours(page, base_url):
    page.goto(base_url + "/works/stories%2Fstorm.txt")
    first = _style(page, ".story .q.sp-0", "borderBottomColor")
    second = _style(page, ".story .q.sp-1", "borderBottomColor")
    assert first != second
    assert _style(page, ".story .q.sp-0", "backgroundColor") != _style(page, ".story .q.sp-1", "backgroundColor")
    # every line of one speaker has that speaker's colour, and the legend shows it
    colours = page.eval_on_selector_all(".story .q.sp-0", "els => els.map(e => getComputedStyle(e).borderBottomColor)")
    assert set(colours) == {first}
    assert _style(page, ".panels .legend .speaker.sp-0 .swatch", "backgroundColor") == first
    assert page.problems == []


def test_browser_tooltip_shows_speaker_type_and_confidence(page, base_url):
    page.goto(base_url + "/works/stories%2Fstorm.txt")
    page.hover("#line-q1")
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "Sherlock Holmes" in text and "explicit" in text and "% sure" in text


def test_browser_graph(page, base_url):
    page.goto(base_url + "/works/stories%2Fstorm.txt")
    svg = page.locator("svg.network")
    assert svg.is_visible()
    assert svg.locator("g.node").count() == 2
    assert float(svg.locator("g.edge line").first.get_attribute("stroke-width")) > 1
    node_fill = _style(page, "svg.network g.node.sp-0 circle", "fill")
    assert node_fill == _style(page, ".story .q.sp-0", "borderBottomColor")


def test_browser_evidence_link_scrolls_to_the_passage(page, base_url):
    page.goto(base_url + "/works/stories%2Fstorm.txt")
    link = page.locator("a.ev").last
    anchor = link.get_attribute("href")
    link.click()
    page.wait_for_function("document.querySelector('.story p.flash') !== null")
    assert page.evaluate("location.hash") == anchor
    box = page.locator(anchor).bounding_box()
    assert box is not None and 0 <= box["y"] <= 900


def test_browser_legend_shows_one_speaker(page, base_url):
    page.goto(base_url + "/works/stories%2Fstorm.txt")
    page.click(".panels .legend .speaker.sp-1")
    assert page.get_attribute("#story", "data-focus") == "sp-1"
    assert float(_style(page, ".story .q.sp-0", "opacity")) < 0.5
    assert float(_style(page, ".story .q.sp-1", "opacity")) == 1


def test_browser_upload_a_story_and_add_it(page, base_url, tmp_path):
    story = tmp_path / "night kitchen.txt"
    story.write_text(KITCHEN, encoding="utf-8")
    page.goto(base_url + "/analyze")
    page.set_input_files("#file", str(story))
    page.fill("#title", "Night Kitchen")
    page.check("input[name=add]")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/works/web-[0-9a-f]+$"))
    assert page.locator("h1.work-title").inner_text() == "Night Kitchen"
    assert page.locator(".story .q").count() == 4
    page.goto(base_url + "/?q=salt")
    assert page.locator("text=Night Kitchen").count() == 1
    assert page.problems == []


def test_browser_paste_a_story(page, base_url):
    page.goto(base_url + "/analyze")
    page.fill("#text", KITCHEN)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + "/analyze")
    assert page.locator(".notice").is_visible()
    assert page.locator(".story .q").count() == 4


def test_browser_upload_too_large_says_so_at_once(page, base_url, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("All work and no play. " * 4000, encoding="utf-8")
    page.goto(base_url + "/analyze")
    page.set_input_files("#file", str(big))
    message = page.locator("#upload-error")
    message.wait_for(state="visible")
    assert "larger than the 50 KB limit" in message.inner_text()
    page.click("button[type=submit]")
    assert page.url == base_url + "/analyze"


def test_browser_phone_layout(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base_url + "/works/stories%2Fstorm.txt")
        assert page.locator(".legend-compact").is_visible()
        assert not page.locator(".panels .legend").is_visible()
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        page.tap("#line-q2")
        assert page.locator("#tip").is_visible()
        page.goto(base_url + "/")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        assert not page.locator(".facet-group").first.is_visible()
        page.click(".facets-toggle")
        assert page.locator(".facet-group").first.is_visible()
    finally:
        context.close()
