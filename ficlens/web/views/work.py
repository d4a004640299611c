"""The work page ``/works/{id}``: the story with its speakers, its characters and its relationships."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from ficlens.web import workpage

router = APIRouter(include_in_schema=False)


def render(request: Request, page: workpage.WorkPage, summary: dict[str, Any] | None = None, notice: str | None = None,
           status_code: int = 200):  # fmt: skip
    """The HTML of a work page (also used by /analyze for a story it has not stored)."""
    ctx = {"page": page, "summary": summary, "notice": notice, "writable": request.app.state.store.writable}
    return request.app.state.templates.TemplateResponse(request, "work.html", ctx, status_code=status_code)


@router.get("/works/{work_id:path}")
def work_page(request: Request, work_id: str):
    found = request.app.state.store.analysis(work_id)
    if found is None:
        raise HTTPException(404, "There is no work with this id in the library.")
    summary, d = found
    return render(request, workpage.build(d, d["source"].get("text") or "", work_id=work_id), summary)
