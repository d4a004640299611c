"""Word lists the analysis uses, one plain-text file per list (one entry per line).

Lists are written by the ficlens team (see each file's header); `# ...` lines are
comments. `words(name)` returns a list as a lower-cased frozenset, loaded once.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of ``<name>.txt`` in file order, comments and blanks dropped."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``<name>.txt`` as a lower-cased set."""
    return frozenset(w.lower() for w in lines(name))


@cache
def pairs(name: str) -> dict[str, str]:
    """``key<TAB or =>value`` lines as a dict (keys lower-cased)."""
    out: dict[str, str] = {}
    for line in lines(name):
        key, _, value = line.replace("\t", "=").partition("=")
        out[key.strip().lower()] = value.strip()
    return out
