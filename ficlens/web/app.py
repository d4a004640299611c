"""`create_app`: the FastAPI application behind ``ficlens serve``.

Pages: ``/`` (library), ``/works/{id}`` (a work), ``/analyze`` (paste or upload
a story); JSON: ``/api/works``, ``/api/works/{id}``, ``/api/search``,
``/api/analyze``; the API reference at ``/docs`` (rendered here from the
OpenAPI schema, so that no asset comes from a CDN). docs/web.md describes them.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ficlens import __version__
from ficlens.errors import FiclensError
from ficlens.web import security
from ficlens.web.store import Store
from ficlens.web.templating import make_templates

DEFAULT_MAX_UPLOAD = 5_000_000


def create_app(db: str | None = None, *, writable: bool = False, max_upload: int = DEFAULT_MAX_UPLOAD,
               host: str | None = "127.0.0.1", allowed_hosts: list[str] | None = None) -> FastAPI:  # fmt: skip
    """The web app over a library.

    Args:
        db: a library made by ``ficlens index``; None for an empty library in memory.
        writable: open ``db`` read-write so that /analyze can add works (created if missing).
        max_upload: the largest story /analyze accepts, in bytes.
        host: the address the server binds, added to the ``Host`` names accepted.
        allowed_hosts: the ``Host`` names to accept instead (``["*"]`` for any).
    """
    from ficlens.web.views import analyze, api, docs, library, work

    store = Store(db, writable=writable)
    app = FastAPI(title="ficlens", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Read fan fiction by machine: the library, its works and the analyser, as JSON.")  # fmt: skip
    app.state.store = store
    app.state.templates = make_templates()
    app.state.max_upload = max_upload
    app.middleware("http")(security.add_headers)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or security.allowed_hosts(host))
    app.mount("/static", StaticFiles(packages=[("ficlens.web", "static")]), name="static")
    for module in (library, work, analyze, api, docs):
        app.include_router(module.router)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(FiclensError, _ficlens_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.router.add_event_handler("shutdown", store.close)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def error_page(request: Request, status: int, message: str):
    """The HTML error page (or JSON ``{"detail"}`` under /api/)."""
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status)  # fmt: skip


async def _http_error(request: Request, exc: HTTPException):
    messages = {404: "There is no such page.", 405: "This page does not take that kind of request."}
    detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 405 else messages.get(exc.status_code, "Error")
    if exc.status_code == 404 and detail == "Not Found":
        detail = messages[404]
    return error_page(request, exc.status_code, detail)


async def _ficlens_error(request: Request, exc: FiclensError):
    return error_page(request, 400, exc.message)


async def _validation_error(request: Request, exc: RequestValidationError):
    if _wants_json(request):
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
    problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    return error_page(request, 422, f"The request is not valid ({problems}).")
