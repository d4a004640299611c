"""``ficlens eval pdnc|litbank DIR``: score quotation detection, speakers and characters."""

from __future__ import annotations

import json

import click

from ficlens.evaluation import run
from ficlens.evaluation.fanfic import read_fanfic
from ficlens.evaluation.litbank import read_litbank
from ficlens.evaluation.pdnc import read_pdnc


def _settings(characters: bool | None) -> tuple[str, ...]:
    if characters is None:
        return run.SETTINGS
    return ("roster",) if characters else ("discovered",)


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _print(report: dict) -> None:
    for setting, data in report.items():
        click.echo(f"\n== {setting} ({'the gold character list as roster' if setting == 'roster' else 'no roster: characters discovered'})")
        click.echo(f"{'novel':<28} {'quotes':>6} {'det.R':>6} {'det.P':>6} {'spk':>6} {'expl':>6} {'anaph':>6} {'impl':>6}" + (f" {'chR5':>6} {'pur':>6} {'purM':>6}" if setting == "discovered" else "") + f" {'tok/s':>8}")
        for row in [*data["novels"], data["overall"]]:
            t = row["by_type"]
            rate = row["tokens"] / row["seconds"] if row["seconds"] else 0
            line = f"{row['novel'][:28]:<28} {row['gold_quotes']:>6} {_pct(row['detection_recall']):>6} {_pct(row['detection_precision']):>6} {_pct(row['speaker_accuracy']):>6} {_pct(t['explicit']):>6} {_pct(t['anaphoric']):>6} {_pct(t['implicit']):>6}"
            if setting == "discovered":
                line += f" {_pct(row.get('character_recall_5')):>6} {_pct(row.get('character_purity')):>6} {_pct(row.get('character_purity_matched')):>6}"
            click.echo(line + f" {rate:>8,.0f}")
        overall = data["overall"]
        if overall.get("calibration"):
            click.echo(f"calibration (ECE {overall['ece']}): " + "  ".join(f"{r['bin']}: n={r['n']} conf={r['confidence']:.2f} acc={r['accuracy']:.2f}" for r in overall["calibration"]))
        click.echo("by rule: " + "  ".join(f"{k}={v['accuracy']:.2f}/{v['n']}" for k, v in overall["by_rule"].items() if v["accuracy"] is not None))
        if overall.get("addressee_recall") is not None:
            click.echo(f"addressees: precision {_pct(overall['addressee_precision'])}, recall {_pct(overall['addressee_recall'])}")
        if overall.get("type_agreement") is not None:
            click.echo(f"quote type (explicit/anaphoric/implicit) as the gold has it: {_pct(overall['type_agreement'])}")


@click.group("eval")
def eval_group() -> None:
    """Evaluate ficlens against annotated corpora (PDNC, LitBank, the team's fan fiction)."""


def _common(f):
    f = click.option("--characters/--no-characters", default=None, help="Only the roster setting, or only the discovered one (default: both).")(f)
    f = click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")(f)
    f = click.option("--novel", "only", multiple=True, help='Only this novel (repeatable); a fan-fiction chapter also by its number ("16") or a range ("18-20").')(f)
    f = click.option("--workers", type=click.IntRange(min=1), default=None, help="Processes to use (default: all cores).")(f)
    return f


def _corpus_command(name: str, reader, help_text: str) -> click.Command:
    @eval_group.command(name, help=help_text)
    @click.argument("directory", type=click.Path(exists=True, file_okay=False))
    @_common
    def command(directory, characters, as_json, only, workers) -> None:
        report = run.evaluate(list(reader(directory, list(only) or None)), _settings(characters), workers)
        click.echo(json.dumps(report, indent=1)) if as_json else _print(report)

    return command


pdnc = _corpus_command("pdnc", read_pdnc, "Score against the Project Dialogism Novel Corpus in DIRECTORY.")
litbank = _corpus_command("litbank", read_litbank, "Score against LitBank's quotation annotations in DIRECTORY.")
fanfic = _corpus_command(
    "fanfic", read_fanfic, "Score against annotated fan-fiction chapters in DIRECTORY (format: benchmarks/fanfic-gold/README.md)."
)
