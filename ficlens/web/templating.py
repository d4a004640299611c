"""The Jinja environment: templates shipped in the package, autoescaped, strict about undefined names."""

from __future__ import annotations

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ficlens import __version__
from ficlens.web import urls

SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"


def number(n: float | None) -> str:
    """1234567 -> '1,234,567'."""
    return "\u2014" if n is None else f"{n:,}"


def percent(x: float | None) -> str:
    return "\u2014" if x is None else f"{x:.0%}"


def snippet(text: str | None) -> Markup:
    """A search snippet, escaped, with its matches (between the control marks) in ``<mark>``.

    The story may itself contain the control characters; the marks are balanced
    whatever it holds, so no snippet can leave an element open.
    """
    if not text:
        return Markup("")
    out: list[str] = []
    inside = False
    piece: list[str] = []
    for ch in text:
        if ch in (SNIPPET_OPEN, SNIPPET_CLOSE):
            out.append(escape("".join(piece)))
            piece = []
            if ch == SNIPPET_OPEN and not inside:
                out.append(Markup("<mark>"))
                inside = True
            elif ch == SNIPPET_CLOSE and inside:
                out.append(Markup("</mark>"))
                inside = False
        else:
            piece.append(ch)
    out.append(escape("".join(piece)))
    if inside:
        out.append(Markup("</mark>"))
    return Markup("").join(out)


def code(text: str | None) -> Markup:
    """Escaped text with its `backticked` words as ``<code>`` (for the API reference's descriptions)."""
    pieces = str(text or "").split("`")
    return Markup("").join(Markup("<code>{}</code>").format(p) if i % 2 else escape(p) for i, p in enumerate(pieces))


def make_templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("ficlens.web", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)  # fmt: skip
    env.filters.update(number=number, percent=percent, snippet=snippet, code=code)
    env.globals.update(urls=urls, version=__version__)
    return Jinja2Templates(env=env)
