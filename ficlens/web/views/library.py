"""The library page ``/``: works with their tags, full-text search (``?q=``) and facets with counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Query, Request

from ficlens.errors import FiclensError
from ficlens.web.templating import SNIPPET_CLOSE, SNIPPET_OPEN
from ficlens.web.urls import FACETS, LibraryQuery

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
FACET_LIMIT = 12
FACET_TITLES = {"fandom": "Fandoms", "relationship": "Relationships", "character": "Characters", "category": "Categories"}


@dataclass
class LibraryPage:
    """The context of ``library.html``.

    ``works`` are library summaries (with ``snippet`` when searching); ``total``
    is the number of works matching the filters (None for a search, which is
    ranked and paged without a count); ``facets`` maps each facet to its
    (tag, works) pairs; ``size`` is the number of works in the library.
    """

    query: LibraryQuery
    works: list[dict[str, Any]]
    total: int | None
    size: int
    facets: dict[str, list[tuple[str, int]]]
    more: bool
    writable: bool
    error: str | None = None
    facet_titles: dict[str, str] = field(default_factory=lambda: dict(FACET_TITLES))


def load(store, query: LibraryQuery, page_size: int = PAGE_SIZE) -> LibraryPage:
    """Run the page's queries against the library."""
    offset = (query.page - 1) * page_size
    error = None
    total = None
    facets: dict[str, list[tuple[str, int]]] = {}
    with store.use() as lib:
        size = len(lib)
        try:
            facets = lib.facets(limit=FACET_LIMIT, **query.filters)
            if query.q.strip():
                works = lib.search(query.q, limit=page_size + 1, offset=offset, mark=(SNIPPET_OPEN, SNIPPET_CLOSE), **query.filters)
            else:
                total = lib.count(**query.filters)
                works = lib.works(limit=page_size + 1, offset=offset, **query.filters)
        except FiclensError as exc:
            works, error = [], exc.message
    return LibraryPage(query, works[:page_size], total, size, facets, len(works) > page_size, store.writable, error)


@router.get("/")
def library_page(request: Request, q: str = "", fandom: str = "", relationship: str = "", character: str = "",
                 category: str = "", page: int = Query(1, ge=1, le=100_000)):  # fmt: skip
    query = LibraryQuery(q=q.strip()[:500], fandom=fandom, relationship=relationship, character=character,
                         category=category, page=page)  # fmt: skip
    ctx = load(request.app.state.store, query)
    return request.app.state.templates.TemplateResponse(request, "library.html", {"page": ctx, "facet_names": FACETS})
