"""The analyse page ``/analyze``: paste a story or upload a file, see it as a work page, optionally store it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from ficlens import fandoms
from ficlens.errors import FiclensError
from ficlens.web import upload, urls, workpage
from ficlens.web.security import cross_site
from ficlens.web.views import work

router = APIRouter(include_in_schema=False)


def form_page(request: Request, error: str | None = None, sub: upload.Submission | None = None, status_code: int = 200):
    """The form, with an error message and what was sent (a pasted text is kept so that nothing is lost)."""
    state = request.app.state
    ctx = {"error": error, "sub": sub or upload.Submission(), "fandoms": [f.name for f in fandoms.library()],
           "writable": state.store.writable, "max_upload": state.max_upload, "limit": upload.size_label(state.max_upload)}  # fmt: skip
    return state.templates.TemplateResponse(request, "analyze.html", ctx, status_code=status_code)


@router.get("/analyze")
def analyze_form(request: Request):
    return form_page(request)


@router.post("/analyze")
async def analyze_story(request: Request):
    if cross_site(request):
        return form_page(request, "Stories can only be sent from this page.", status_code=403)
    limit = request.app.state.max_upload
    sub = None
    try:
        sub = await upload.read(request, limit)
        analysis = await upload.analyse(request, sub)
    except upload.BodyTooLarge as exc:
        return form_page(request, upload.too_large_message(exc.limit), status_code=413)
    except FiclensError as exc:
        return form_page(request, exc.message, sub, status_code=400)
    store = request.app.state.store
    if sub.add and store.writable:
        work_id = upload.work_id(analysis)
        store.add(analysis, work_id)
        return RedirectResponse(urls.work(work_id), status_code=303)
    notice = "This story is not in the library: this page is all there is of it."
    if sub.add:
        notice = "The library is read-only (start the server with --writable to add stories), so this story was not added."
    d = analysis.to_dict(include_text=True)
    return work.render(request, workpage.build(d, analysis.text), notice=notice)
