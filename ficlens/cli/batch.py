"""``ficlens batch INPUT... --out DIR``: analyse a corpus into JSON analyses and Parquet tables."""

from __future__ import annotations

import json

import click


def corpus_options(f):
    """Options shared by `batch` and `index`: JSONL/CSV columns, analysis options, progress."""
    options = [
        click.option("--text-column", metavar="NAME", help="JSONL/CSV: the column with the story text (default: body, text, content or story)."),
        click.option("--id-column", metavar="NAME", help="JSONL/CSV: the column with the work's id (default: work_id or id, else the row number)."),
        click.option("--meta-column", "meta_columns", metavar="NAME", multiple=True, help="JSONL/CSV: take only these metadata columns (repeatable; default: all others)."),
        click.option("--characters", "roster", type=click.Path(dir_okay=False), help="A roster file used for every work."),
        click.option("--fandom", help="Use a bundled fandom's roster for every work."),
        click.option("--encoding", help="Decode every file with this encoding instead of detecting it."),
        click.option("--time-limit", type=click.FloatRange(min=0), default=120.0, show_default=True, help="Seconds one work may take before it is recorded as failed (0: no limit)."),
        click.option("--progress", type=click.Choice(["auto", "bar", "log", "none"]), default="auto", show_default=True, help="A progress bar (on a terminal), log lines, or nothing."),
        click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def columns(text_column, id_column, meta_columns):
    from ficlens.corpus import CorpusColumns

    return CorpusColumns(text=text_column, id=id_column, meta=tuple(meta_columns) or None)


def print_errors(errors: list[dict], failed: int) -> None:
    for e in errors:
        click.echo(f"  failed: {e['id']}: {e['reason']}", err=True)
    if failed > len(errors):
        click.echo(f"  ... and {failed - len(errors)} more", err=True)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="The output folder; an earlier run's folder is resumed.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core); with --dask local, the cluster's size.")
@click.option("--dask", metavar="ADDRESS|local", help="Run on a Dask cluster: a scheduler address, or `local` to start a LocalCluster.")
@click.option("--retry-errors", is_flag=True, help="Analyse again the works an earlier run recorded as failed.")
@click.option("--fsync", is_flag=True, help="Flush every file to disk before moving it into place (survives power loss; slower).")
@click.option("--chunk-works", type=click.IntRange(min=1), default=256, show_default=True, help="Works per chunk (one Parquet part per table).")
@click.option("--chunk-kb", type=click.IntRange(min=1), default=512, show_default=True, help="Input kilobytes per chunk, whichever limit comes first.")
@corpus_options
@click.pass_context
def batch(ctx, inputs, out, workers, dask, retry_errors, fsync, chunk_works, chunk_kb, text_column, id_column, meta_columns, roster, fandom,
          encoding, time_limit, progress, as_json) -> None:  # fmt: skip
    """Analyse every work of INPUT... into DIR: one JSON analysis per work and Parquet tables.

    INPUT is a story file, a folder (recursive), a glob, a zip archive, or a JSONL/CSV
    corpus with one work per row. A rerun into the same DIR skips works already done.
    Exit code 1 if any work failed (see DIR/errors).
    """
    from ficlens.corpus import batch as run_batch
    from ficlens.corpus import make_display

    summary = run_batch(list(inputs), out, workers=workers, dask=dask, columns=columns(text_column, id_column, meta_columns),
                        characters=roster, fandom=fandom, encoding=encoding, time_limit=time_limit or None,
                        retry_errors=retry_errors, fsync=fsync, chunk_works=chunk_works, chunk_bytes=chunk_kb * 1024,
                        display=make_display(progress))  # fmt: skip
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=1))
    else:
        s = summary.to_dict()
        skipped = f", {summary.skipped:,} skipped (already done)" if summary.skipped else ""
        before = f", {summary.previously_failed:,} failed in an earlier run" if summary.previously_failed else ""
        click.echo(f"{summary.total:,} works: {summary.analysed:,} analysed, {summary.failed:,} failed{skipped}{before}; "
                   f"{summary.tokens:,} tokens in {summary.seconds:.1f} s ({s['works_per_second'] or 0:,.0f} works/s, "
                   f"{s['tokens_per_second'] or 0:,} tokens/s); output in {out}")  # fmt: skip
    print_errors(summary.errors, summary.failed)
    ctx.exit(summary.exit_code)
