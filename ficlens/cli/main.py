"""The ``ficlens`` command group, shared options, and the error boundary.

Exit codes: 0 success; 1 the command ran but some work failed (batch, eval);
2 usage or input error. A `FiclensError` prints one line,
``ficlens: error: <message>``; so does any unexpected failure (with the
exception type), unless FICLENS_DEBUG=1 asks for the traceback.
"""

from __future__ import annotations

import os
import sys

import click

from ficlens import __version__
from ficlens.errors import EXIT_INPUT, FiclensError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FiclensError as exc:
            click.echo(f"ficlens: error: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("ficlens: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except MemoryError:
            click.echo("ficlens: error: out of memory (the input is too large for this machine)", err=True)
            ctx.exit(EXIT_INPUT)
        except Exception as exc:  # the last line of defence: one line, never a traceback
            if os.environ.get("FICLENS_DEBUG"):
                raise
            detail = " ".join(str(exc).split())[:200]
            click.echo(f"ficlens: error: internal error ({type(exc).__name__}: {detail}); rerun with FICLENS_DEBUG=1 for details", err=True)
            ctx.exit(70)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ficlens")
def main() -> None:
    """Read fan fiction by machine: structure, characters, dialogue, relationships and tags."""


def _register() -> None:
    from ficlens.cli import analyze, batch, demo, eval, fandoms_cmd, index, search, serve

    for command in (
        analyze.analyze,
        demo.demo,
        batch.batch,
        index.index,
        search.search,
        serve.serve,
        eval.eval_group,
        fandoms_cmd.fandoms,
    ):
        main.add_command(command)


_register()
