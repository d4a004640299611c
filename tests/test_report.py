"""The terminal report, rendered at a fixed width and compared with a golden file.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 python -m pytest tests/test_report.py``.
"""

import os
from pathlib import Path

import ficlens
from ficlens.report import render_to_string

GOLDEN = Path(__file__).parent / "golden"


def test_report_matches_golden(chapter_text):
    out = render_to_string(ficlens.analyze(chapter_text), width=100)
    path = GOLDEN / "report_chapter.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_report_prints_story_markup_and_control_characters_literally():
    text = '"[bold red]Hi[/bold red] \x1b[31m there," said Anna.\n\n"[link=http://x]y[/link]," said Ben.'
    out = render_to_string(ficlens.analyze(text), width=100)
    assert "[bold red]Hi[/bold red]" in out
    assert "[link=http://x]y[/link]" in out
    assert "\x1b" not in out


def test_report_lines_fit_the_width(chapter_text):
    out = render_to_string(ficlens.analyze(chapter_text), width=80)
    assert max(len(line) for line in out.splitlines()) <= 80
