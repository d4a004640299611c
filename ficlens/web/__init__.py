"""The local web explorer behind ``ficlens serve`` (docs/web.md).

    >>> from ficlens.web import create_app
    >>> app = create_app()                    # an empty library in memory   # doctest: +SKIP
    >>> app = create_app("fics.db")           # a library made by `ficlens index`   # doctest: +SKIP

One view module per page (`ficlens.web.views`), server-rendered Jinja templates
and one small script, all shipped in the package. Story text is untrusted: the
templates autoescape, and the highlighted story is built by escaping each piece
(`ficlens.web.story`).
"""

from __future__ import annotations

from ficlens.web.app import DEFAULT_MAX_UPLOAD, create_app

__all__ = ["DEFAULT_MAX_UPLOAD", "create_app"]
