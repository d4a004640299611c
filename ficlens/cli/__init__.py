"""The ``ficlens`` command line: one module per command, each a thin layer over the library."""

from ficlens.cli.main import main

__all__ = ["main"]
