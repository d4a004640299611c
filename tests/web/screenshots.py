"""Screenshots of the explorer at desktop (1280 px) and phone (390 px) widths, for looking at and for the docs.

    python -m tests.web.screenshots OUT_DIR        # needs /usr/bin/chromium (apt-get install -y chromium)

Serves the bundled demo story (written for ficlens) and the test stories from
memory, and writes OUT_DIR/work-page.png (the README's picture) and a few more.
"""

from __future__ import annotations

import sys
import time
from importlib import resources
from pathlib import Path

import ficlens
from ficlens.ingest import document_from_text
from ficlens.web import create_app
from tests.web.live import chromium, serve
from tests.web.stories import fill

SHOTS = [  # name, width, height, path, element to scroll to the top (None: the page top), full page
    ("work-page", 1280, 860, "/works/demo", ".chapter-heading", False),
    ("work-top-desktop", 1280, 900, "/works/demo", None, False),
    ("library-desktop", 1280, 800, "/", None, False),
    ("search-desktop", 1280, 800, "/?q=coffee", None, False),
    ("analyze-desktop", 1280, 900, "/analyze", None, False),
    ("work-top-phone", 390, 844, "/works/demo", None, False),
    ("work-story-phone", 390, 844, "/works/demo", "#line-q1", False),
    ("work-panels-phone", 390, 844, "/works/demo", "#relationships", False),
    ("library-phone", 390, 844, "/", None, False),
    ("analyze-phone", 390, 844, "/analyze", None, False),
]


def demo_app():
    app = create_app(None)
    doc = document_from_text(resources.files("ficlens").joinpath("data/demo_story.txt").read_text(encoding="utf-8"))
    doc.meta.title = "Lovesick at the Hospital"
    doc.meta.authors = ["the ficlens team"]
    with app.state.store.use() as lib:
        lib.add(ficlens.analyze_document(doc), work_id="demo")
        fill(lib)
    return app


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = demo_app()
    with serve(app) as base, chromium() as browser:
        for name, width, height, path, target, full in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + path)
            if target:
                page.eval_on_selector(target, "el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16)")
            if name == "work-page":
                page.hover("#line-q8")
                time.sleep(0.2)
            page.screenshot(path=str(out / f"{name}.png"), full_page=full)
            page.close()
            print(out / f"{name}.png")
    app.state.store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
