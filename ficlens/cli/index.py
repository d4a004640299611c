"""``ficlens index INPUT... --db FILE.db``: add works to a searchable SQLite library."""

from __future__ import annotations

import json

import click

from ficlens.cli.batch import columns, corpus_options, print_errors


@click.command("index")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The library database (created if needed).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes for analysing stories (default: one per core).")
@click.option("--force", is_flag=True, help="Replace works even when their content is unchanged.")
@corpus_options
@click.pass_context
def index(ctx, inputs, db, workers, force, text_column, id_column, meta_columns, roster, fandom, encoding, time_limit,
          progress, as_json) -> None:  # fmt: skip
    """Index INPUT... into the library FILE.db, with full-text search over the stories.

    INPUT is a story file, folder, glob, zip archive or JSONL/CSV corpus (analysed now),
    or a `ficlens batch` output folder (its analyses reused). Re-indexing a work replaces it.
    """
    from ficlens.corpus import index as run_index
    from ficlens.corpus import make_display

    display = make_display(progress)
    if hasattr(display, "prefix"):
        display.prefix = "ficlens index: "
    summary = run_index(list(inputs), db, workers=workers, columns=columns(text_column, id_column, meta_columns),
                        characters=roster, fandom=fandom, encoding=encoding, time_limit=time_limit or None,
                        force=force, display=display)  # fmt: skip
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=1))
    else:
        click.echo(f"{summary.total:,} works: {summary.indexed:,} indexed, {summary.unchanged:,} unchanged, "
                   f"{summary.failed:,} failed in {summary.seconds:.1f} s; library {db}")  # fmt: skip
    print_errors(summary.errors, summary.failed)
    ctx.exit(summary.exit_code)
