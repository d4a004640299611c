"""``ficlens search QUERY --db FILE.db``: ranked works with snippets, or one character's lines."""

from __future__ import annotations

import json
import re
import sys

import click

_CONTROL = re.compile("[\x00-\x01\x04-\x1f\x7f-\x9f]")


@click.command()
@click.argument("query")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The library made by `ficlens index`.")
@click.option("--fandom", help="Only works of this fandom.")
@click.option("--relationship", metavar="A/B", help='Only works with this pairing ("A/B" romantic, "A & B" platonic; names may be partial).')
@click.option("--character", help="Only works with this character.")
@click.option("--category", help="Only works of this category (Gen, F/M, M/M, F/F, Multi, Other).")
@click.option("--speaker", help="Show the lines of dialogue this character speaks that match QUERY.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many results.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def search(query, db, fandom, relationship, character, category, speaker, limit, as_json) -> None:
    """Search the library for QUERY (words, "a phrase", or FTS5 syntax; "" lists every match of the filters)."""
    from ficlens.corpus import Library

    filters = {"fandom": fandom, "relationship": relationship, "character": character, "category": category}
    with Library(db) as lib:
        if speaker:
            results = lib.lines(speaker, query, limit=limit, **filters)
        else:
            results = lib.search(query, limit=limit, mark=("\x02", "\x03") if not as_json else ("[", "]"), **filters)
    if as_json:
        key = "lines" if speaker else "works"
        click.echo(json.dumps({"query": query, "speaker": speaker, "filters": filters, key: results}, ensure_ascii=False, indent=1))
        return
    if not results:
        click.echo("no match", err=True)
        return
    if speaker:
        for r in results:
            click.echo(_clean(f"{r['title'] or r['work_id']} [{r['work_id']}] {r['speaker_name'] or r['speaker']}: \u201c{r['text']}\u201d"))
        return
    for i, r in enumerate(results, 1):
        tags = "; ".join(x for x in [", ".join(r["fandoms"]), ", ".join(r["relationships"][:2]), ", ".join(r["category"])] if x)
        click.echo(_clean(f"{i:>3}. {r['title'] or '(untitled)'} [{r['work_id']}]" + (f" ({tags})" if tags else "")))
        if r["snippet"]:
            click.echo("     " + _snippet(r["snippet"]))


def _clean(text: str) -> str:
    """One line, without the control characters a hostile story could send to the terminal."""
    return _CONTROL.sub(" ", " ".join(text.split()))


def _snippet(text: str) -> str:
    """Matches in bold on a terminal, in [brackets] otherwise."""
    text = _clean(text)
    bold = sys.stdout.isatty()
    return text.replace("\x02", "\x1b[1m" if bold else "[").replace("\x03", "\x1b[22m" if bold else "]")
