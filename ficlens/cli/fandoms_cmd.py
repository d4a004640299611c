"""``ficlens fandoms``: list the bundled fandom rosters."""

from __future__ import annotations

import json

import click

from ficlens import fandoms as library


def _character(c) -> dict:
    row = {"id": c.id, "name": c.name, "aliases": c.aliases, "gender": c.gender}
    if c.epithets:
        row["epithets"] = c.epithets
    return row


@click.command("fandoms")
@click.option("--json", "as_json", is_flag=True, help="Print the fandoms and their characters as JSON.")
def fandoms(as_json: bool) -> None:
    """List the bundled fandom rosters (use one with --fandom NAME)."""
    lib = library.library()
    if as_json:
        out = [{"fandom": f.name, "aliases": list(f.aliases), "characters": [_character(c) for c in f.characters]} for f in lib]
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for f in lib:
        click.echo(f"{f.name}  ({len(f.characters)} characters; also: {', '.join(f.aliases[:4]) or '-'})")
