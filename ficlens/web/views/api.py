"""The JSON API, mirroring the pages: ``/api/works``, ``/api/works/{id}``, ``/api/search``, ``/api/analyze``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from ficlens.errors import FiclensError
from ficlens.web import upload, urls
from ficlens.web.security import cross_site

router = APIRouter(prefix="/api", tags=["api"])

_FILTER_DOCS = {
    "fandom": "Only works of this fandom (a tag, or whole words of one: `Sherlock` matches `Sherlock (TV)`).",
    "relationship": "Only works with this pairing: `A/B` romantic, `A & B` platonic; names may be partial.",
    "character": "Only works with this character (a tag, a name or an alias).",
    "category": "Only works of this category: Gen, F/M, M/M, F/F, Multi, Other.",
}


def _filters(fandom: str | None, relationship: str | None, character: str | None, category: str | None) -> dict[str, str | None]:
    return {"fandom": fandom or None, "relationship": relationship or None, "character": character or None,
            "category": category or None}  # fmt: skip


@router.get("/works", summary="List works, with facet counts")
def api_works(
    request: Request,
    fandom: str | None = Query(None, description=_FILTER_DOCS["fandom"]),
    relationship: str | None = Query(None, description=_FILTER_DOCS["relationship"]),
    character: str | None = Query(None, description=_FILTER_DOCS["character"]),
    category: str | None = Query(None, description=_FILTER_DOCS["category"]),
    order: str = Query("title", pattern="^(title|words|indexed)$", description="`title`, `words` (longest first) or `indexed` (newest first)."),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """The works matching the filters, as library summaries (title, tags, `words`, `chapters`, `quotes`...),
    with `total` and, for each facet, the commonest tags among them with their work counts."""
    flt = _filters(fandom, relationship, character, category)
    with request.app.state.store.use() as lib:
        total = lib.count(**flt)
        works = lib.works(order=order, limit=limit, offset=offset, **flt)
        facets = lib.facets(**flt)
    return {"total": total, "limit": limit, "offset": offset, "filters": flt,
            "works": [w | {"url": urls.work(w["work_id"]), "api": urls.api_work(w["work_id"])} for w in works],
            "facets": {k: [{"tag": t, "works": n} for t, n in v] for k, v in facets.items()}}  # fmt: skip


@router.get("/works/{work_id:path}", summary="One work's analysis (schema ficlens.analysis/1)")
def api_work(request: Request, work_id: str, text: bool = Query(True, description="Include `source.text`, the text every offset points into.")) -> dict[str, Any]:
    """The work's full `ficlens.analysis/1` document, as `ficlens analyze --json` prints it, with `source.text`."""
    found = request.app.state.store.analysis(work_id)
    if found is None:
        raise HTTPException(404, f"no work {work_id!r} in the library")
    d = found[1]
    if not text:
        d["source"].pop("text", None)
    return d


@router.get("/search", summary="Full-text search, or one character's lines")
def api_search(
    request: Request,
    q: str = Query("", description='Words, "a phrase", or FTS5 syntax; empty lists every work matching the filters.'),
    fandom: str | None = Query(None, description=_FILTER_DOCS["fandom"]),
    relationship: str | None = Query(None, description=_FILTER_DOCS["relationship"]),
    character: str | None = Query(None, description=_FILTER_DOCS["character"]),
    category: str | None = Query(None, description=_FILTER_DOCS["category"]),
    speaker: str | None = Query(None, description="Return the lines this character speaks that match `q`, instead of works."),
    limit: int = Query(20, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Works whose title, tags or text match `q`, best first, each with `score` (bm25, lower is better) and
    `snippet` (matches in [brackets]); or, with `speaker`, that character's matching lines of dialogue."""
    flt = _filters(fandom, relationship, character, category)
    with request.app.state.store.use() as lib:
        if speaker:
            lines = lib.lines(speaker, q, limit=limit, offset=offset, **flt)
            return {"query": q, "speaker": speaker, "filters": flt,
                    "lines": [r | {"url": urls.work(r["work_id"]) + f"#line-{r['quote_id']}"} for r in lines]}  # fmt: skip
        works = lib.search(q, limit=limit, offset=offset, **flt)
    return {"query": q, "speaker": None, "filters": flt, "works": [w | {"url": urls.work(w["work_id"])} for w in works]}


@router.post("/analyze", summary="Analyse a story", status_code=200,
             responses={201: {"description": "Analysed and added to the library"}, 413: {"description": "Too large"}})  # fmt: skip
async def api_analyze(request: Request) -> JSONResponse:
    """Analyse a story sent as a form (`multipart/form-data`): `text` (pasted) or `file` (txt, html, epub);
    optional `fandom`, `title`, and `add=1` to store it in the library (when the server is writable).
    Returns the `ficlens.analysis/1` document with `source.text`."""
    if cross_site(request):
        return JSONResponse({"detail": "cross-site requests are refused"}, status_code=403)
    try:
        sub = await upload.read(request, request.app.state.max_upload)
        analysis = await upload.analyse(request, sub)
    except upload.BodyTooLarge as exc:
        return JSONResponse({"detail": upload.too_large_message(exc.limit)}, status_code=413)
    except FiclensError as exc:
        return JSONResponse({"detail": exc.message}, status_code=400)
    d = analysis.to_dict(include_text=True)
    store = request.app.state.store
    if sub.add:
        if not store.writable:
            return JSONResponse({"detail": "the library is read-only (start the server with --writable)"}, status_code=409)
        work_id = upload.work_id(analysis)
        store.add(analysis, work_id)
        return JSONResponse(d, status_code=201, headers={"Location": urls.api_work(work_id)})
    return JSONResponse(d)
