"""Build ficlens, its analysis compiled to C with mypyc when a wheel is built (docs/compiled.md).

FICLENS_COMPILE=auto (the default) compiles where it can and falls back to the same code as
plain Python, with a warning, where it cannot (no C compiler); =1 fails instead; =0 never
compiles. An editable install (`pip install -e .`) is never compiled: a compiled module would
shadow the source a developer edits.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The steps and the document model: where an analysis spends its time (docs/benchmarks.md).
COMPILED = ["ficlens/steps", "ficlens/model.py", "ficlens/tokens.py", "ficlens/analysis.py"]
MODES = ("auto", "1", "0")


def _mode() -> str:
    mode = os.environ.get("FICLENS_COMPILE", "auto").strip().lower() or "auto"
    if mode not in MODES:
        sys.exit(f"FICLENS_COMPILE must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def _building_binaries() -> bool:
    """Whether this run builds a wheel or extensions (not metadata, not an editable install)."""
    if "editable_wheel" in sys.argv or "develop" in sys.argv:
        return False
    return any(cmd in sys.argv for cmd in ("bdist_wheel", "build_ext", "build", "install"))


def _warn(message: str) -> None:
    print(f"ficlens: {message}; installing the analysis as plain Python (slower, same results)", file=sys.stderr)


def _extensions(mode: str) -> list:
    if mode == "0" or not _building_binaries():
        return []
    try:
        from mypyc.build import mypycify

        return mypycify(COMPILED, opt_level="3", group_name="ficlens")
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error
        if mode == "1":
            raise
        _warn(f"mypyc could not compile the analysis ({exc!r})")
        return []


class OptionalBuildExt(build_ext):
    """In auto mode, a failed compilation leaves no half-built modules behind, only the Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            if _mode() == "1":
                raise
            for path in self.get_outputs():
                if os.path.exists(path):
                    os.remove(path)
            _warn(f"the C compiler failed ({exc})")


setup(ext_modules=_extensions(_mode()), cmdclass={"build_ext": OptionalBuildExt})
