"""The CLI reference in docs/cli.md, generated from the commands themselves.

Regenerate with ``python -m ficlens.cli.reference > docs/cli.md``; a test checks
that the file matches the code.
"""

from __future__ import annotations

import click

from ficlens.cli.main import main

_HEADER = """# The ficlens command line

Generated from the code by `python -m ficlens.cli.reference > docs/cli.md`; a test keeps it current.

Exit codes: 0 success; 1 the command ran but some work failed (a batch with failed works, an
evaluation that could not score); 2 usage or input error (bad option, missing or unreadable file,
binary or undecodable input, malformed roster); 70 an internal error (reported as one line; set
`FICLENS_DEBUG=1` for the traceback); 130 interrupted.
"""


def _command(cmd: click.Command, path: list[str], parent: click.Context) -> list[str]:
    ctx = click.Context(cmd, parent=parent, info_name=path[-1], terminal_width=100, max_content_width=100)
    out = [f"## `{' '.join(path)}`", "", (cmd.help or "").strip(), "", "```", cmd.get_usage(ctx).strip(), "```", ""]
    rows = []
    for p in cmd.get_params(ctx):
        record = p.get_help_record(ctx)
        if record and isinstance(p, click.Option):
            rows.append(f"| `{record[0]}` | {record[1].replace('|', '/')} |")
    if rows:
        out += ["| option | meaning |", "|---|---|", *rows, ""]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            out += _command(cmd.commands[name], [*path, name], ctx)
    return out


def render() -> str:
    lines = [_HEADER]
    root = click.Context(main, info_name="ficlens", terminal_width=100, max_content_width=100, **main.context_settings)
    for name in sorted(main.commands):
        lines += _command(main.commands[name], ["ficlens", name], root)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render(), end="")
