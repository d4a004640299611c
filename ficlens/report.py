"""The terminal report of an analysis: work, chapters, characters, dialogue, relationships.

Story text is untrusted: it is always placed in `rich.text.Text` objects, never
parsed as console markup, so "[bold]" or escape sequences in a story print as
the characters they are.
"""

from __future__ import annotations

import io
import re

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ficlens.analysis import Analysis

_PALETTE = ["cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta", "bright_green"]
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LOW_CONFIDENCE = 0.5


def _clean(s: str) -> str:
    """Terminal-safe text: no control characters or bidirectional overrides."""
    return _CONTROL_RE.sub(" ", s)


def _one_line(s: str, limit: int = 160) -> str:
    s = " ".join(_clean(s).split())
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


def render(analysis: Analysis, console: Console, max_quotes: int | None = None) -> None:
    """Print the report for ``analysis`` on ``console``."""
    doc = analysis.document
    data = analysis.to_dict(include_text=False)
    work = data["work"]
    names = {c["id"]: c["name"] for c in data["characters"]}
    colour = {c["id"]: _PALETTE[i % len(_PALETTE)] for i, c in enumerate(data["characters"])}

    title = Text(_one_line(work["title"] or (doc.source.path or "untitled story")), style="bold")
    console.print(title)
    if analysis.empty:
        console.print(Text("The input is empty: there is nothing to analyse."))
        return
    for label, key in [("Authors", "authors"), ("Fandom", "fandoms"), ("Rating", "rating"), ("Warnings", "warnings"),
                       ("Category", "category"), ("Relationships", "relationships"), ("Characters", "characters"),
                       ("Additional tags", "additional_tags")]:  # fmt: skip
        value = work[key]
        if value:
            shown = ", ".join(value) if isinstance(value, list) else value
            console.print(Text.assemble((f"{label}: ", "bold"), _one_line(shown, 300)))
    if work["summary"]:
        console.print(Text.assemble(("Summary: ", "bold"), _one_line(work["summary"], 300)))

    structure = data["structure"]
    if structure["front_matter"] or structure["end_matter"]:
        console.print()
        console.print(Text("Notes", style="bold underline"))
        for where, blocks in (("before", structure["front_matter"]), ("after", structure["end_matter"])):
            for b in blocks:
                label = f"  {b['kind']} ({where}): "
                room = max(20, console.width - len(label) - 1)
                console.print(Text.assemble((label, "dim"), _one_line(b["text"], room)))
    console.print()
    console.print(Text(f"Chapters ({len(structure['chapters'])})", style="bold underline"))
    for c in structure["chapters"]:
        label = "Chapter" if c["number"] is not None else ""
        num = f" {c['number']}" if c["number"] is not None else ""
        head = f"{label}{num}{': ' if label and c['title'] else ''}{c['title'] or ''}" or "(untitled)"
        words = len(doc.text[c["start"] : c["end"]].split())
        console.print(Text(f"  {_one_line(head, 80)}  ({words:,} words)"))

    console.print()
    table = Table(title=None, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for col, justify in (("Character", "left"), ("Aliases", "left"), ("Gender", "center"), ("Lines", "right"),
                         ("Mentions", "right"), ("On page", "center")):  # fmt: skip
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for c in data["characters"]:
        table.add_row(
            Text(_one_line(c["name"], 40), style=colour[c["id"]]),
            Text(_one_line(", ".join(c["aliases"][:4]), 50)),
            c["gender"] or "?",
            str(c["quotes"]),
            str(c["mentions"]),
            "yes" if c["on_page"] else "no",
        )
    console.print(Text(f"Characters ({len(data['characters'])})", style="bold underline"))
    console.print(table)

    quotes = data["quotes"]
    console.print(Text(f"Dialogue ({len(quotes)} lines)", style="bold underline"))
    shown = quotes if max_quotes is None else quotes[:max_quotes]
    width = max((len(names.get(q["speaker"], "?")) for q in shown), default=1)
    width = min(width, 24)
    room = max(20, console.width - width - 10)
    for q in shown:
        who = names.get(q["speaker"], "?") if q["speaker"] else "?"
        low = q["confidence"] < LOW_CONFIDENCE
        line = Text.assemble(
            (f"  {_one_line(who, 24):>{width}} ", colour.get(q["speaker"], "dim")),
            (f"{q['confidence']:.2f}{'?' if low else ' '} ", "dim"),
            (_one_line(q["text"], room), "italic" if low else ""),
        )
        console.print(line)
    if max_quotes is not None and len(quotes) > max_quotes:
        console.print(Text(f"  ... and {len(quotes) - max_quotes} more (use --json for all)", style="dim"))

    if data["relationships"]:
        console.print()
        console.print(Text("Relationships", style="bold underline"))
        for r in data["relationships"]:
            console.print(Text(f"  {_one_line(r['tag'], 80)}  ({r['kind']}, score {r['score']:.2f}, {len(r['evidence'])} passages)"))


def render_to_string(analysis: Analysis, width: int = 100, max_quotes: int | None = None) -> str:
    """The report as plain text at a fixed width (used by tests and `--no-color`)."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None, force_terminal=False, highlight=False, markup=False, emoji=False)
    render(analysis, console, max_quotes=max_quotes)
    return buf.getvalue()
