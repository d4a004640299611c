"""``ficlens demo``: analyse the bundled demo story and print the report."""

from __future__ import annotations

from importlib import resources

import click

from ficlens import analyze_document
from ficlens.cli.options import analysis_options, emit
from ficlens.ingest import document_from_text


def demo_text() -> str:
    return resources.files("ficlens").joinpath("data/demo_story.txt").read_text(encoding="utf-8")


@click.command()
@analysis_options
@click.option("--show-text", is_flag=True, help="Print the demo story itself and exit.")
def demo(as_json, roster, fandom, max_quotes, width, show_text) -> None:
    """Analyse the bundled demo story: a Grey's Anatomy fan-fiction chapter written for ficlens."""
    text = demo_text()
    if show_text:
        click.echo(text, nl=False)
        return
    doc = document_from_text(text, path="ficlens/data/demo_story.txt")
    emit(analyze_document(doc, characters=roster, fandom=fandom), as_json, max_quotes, width)

