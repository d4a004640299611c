"""Every URL the app links to, built in one place.

Work ids are library keys (a file's path as indexed, ``archive.zip!member``, a
corpus id); they are never opened as files. In a URL they are one
percent-encoded segment (``/`` included), so that no id can climb out of /works/.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from urllib.parse import quote, urlencode

FACETS = ("fandom", "relationship", "character", "category")


def work(work_id: str) -> str:
    return "/works/" + quote(work_id, safe="")


def api_work(work_id: str) -> str:
    return "/api/works/" + quote(work_id, safe="")


def static(name: str) -> str:
    return "/static/" + name


@dataclass(frozen=True)
class LibraryQuery:
    """The state of the library page: search text, facet filters and page number."""

    q: str = ""
    fandom: str = ""
    relationship: str = ""
    character: str = ""
    category: str = ""
    page: int = 1

    @property
    def filters(self) -> dict[str, str | None]:
        return {f: getattr(self, f) or None for f in FACETS}

    @property
    def active(self) -> list[tuple[str, str]]:
        """The (facet, value) filters in force."""
        return [(f, getattr(self, f)) for f in FACETS if getattr(self, f)]

    def url(self, **changes: object) -> str:
        """The library URL of this state with ``changes`` (a change of filter or search goes back to page 1)."""
        if set(changes) - {"page"}:
            changes.setdefault("page", 1)
        state = replace(self, **changes)
        params = [(f.name, getattr(state, f.name)) for f in fields(state)]
        params = [(k, v) for k, v in params if v and not (k == "page" and v == 1)]
        return "/" + ("?" + urlencode(params) if params else "")

    def toggle(self, facet: str, value: str) -> str:
        """The URL that filters by ``facet`` = ``value``, or drops that filter when it is in force."""
        return self.url(**{facet: "" if getattr(self, facet) == value else value})

    def api(self) -> str:
        """The JSON API URL that returns what this page shows."""
        params = [(k, v) for k, v in self.filters.items() if v]
        if self.q:
            return "/api/search?" + urlencode([("q", self.q), *params])
        return "/api/works" + ("?" + urlencode(params) if params else "")
