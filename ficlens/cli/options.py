"""Options shared by several commands."""

from __future__ import annotations

import json
import sys

import click

from ficlens.analysis import Analysis
from ficlens.report import render_to_string


def analysis_options(f):
    options = [
        click.option("--json", "as_json", is_flag=True, help="Print one JSON document (schema ficlens.analysis/1)."),
        click.option("--characters", "roster", type=click.Path(dir_okay=False), help="A roster file: JSON list or CSV id,name,aliases,gender."),
        click.option("--fandom", help="Use a bundled fandom's roster (see `ficlens fandoms`)."),
        click.option("--max-quotes", type=click.IntRange(min=0), default=None, help="Show at most this many lines of dialogue in the report."),
        click.option("--width", type=click.IntRange(min=40, max=400), default=None, help="Report width in columns (default: the terminal's)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def emit(analysis: Analysis, as_json: bool, max_quotes: int | None, width: int | None) -> None:
    if as_json:
        sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=1))
        sys.stdout.write("\n")
        return
    if sys.stdout.isatty():
        from rich.console import Console

        from ficlens.report import render

        render(analysis, Console(width=width, highlight=False, markup=False, emoji=False), max_quotes=max_quotes)
    else:
        click.echo(render_to_string(analysis, width=width or 100, max_quotes=max_quotes), nl=False)
