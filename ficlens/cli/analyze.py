"""``ficlens analyze PATH``: read one story and print its report or its JSON."""

from __future__ import annotations

import click

from ficlens import analyze_file
from ficlens.cli.options import analysis_options, emit
from ficlens.ingest import DEFAULT_MAX_BYTES


@click.command()
@click.argument("path", type=click.Path())
@analysis_options
@click.option("--encoding", help="Decode the file with this encoding instead of detecting it.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse files larger than this.")
def analyze(path, as_json, roster, fandom, max_quotes, width, encoding, max_bytes) -> None:
    """Analyse the story in PATH (plain text, HTML or EPUB)."""
    analysis = analyze_file(path, characters=roster, fandom=fandom, encoding=encoding, max_bytes=max_bytes)
    if analysis.empty:
        click.echo(f"ficlens: note: {path} is empty; the analysis is empty", err=True)
    emit(analysis, as_json, max_quotes, width)
