"""A story sent to /analyze or /api/analyze: read within the size limit, then analysed off the event loop.

The form has ``text`` (a pasted story) or ``file`` (txt, html or epub), and
optionally ``fandom`` (a bundled fandom's roster), ``title`` and ``add`` (store it
in the library). The body is refused past the limit by its Content-Length and
again by counting the bytes read; a file's name is only a label, never a path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import anyio
from starlette.datastructures import UploadFile
from starlette.requests import Request

from ficlens import analyze_document
from ficlens.analysis import Analysis
from ficlens.errors import InputError
from ficlens.ingest import document_from_text, load_bytes
from ficlens.web.security import BodyTooLarge, read_capped, replay

FORM_OVERHEAD = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass
class Submission:
    """What the form sent: the story as ``text`` or as file ``data``, and the options."""

    text: str = ""
    data: bytes | None = None
    filename: str | None = None
    fandom: str | None = None
    title: str | None = None
    add: bool = False


def too_large_message(limit: int) -> str:
    return f"That story is larger than the {size_label(limit)} limit of this server (start it with a larger --max-upload-mb)."


def size_label(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 100_000 else f"{n / 1000:g} KB"


def _label(filename: str | None) -> str | None:
    """The bare name of an uploaded file, as a label: no folders, no control characters."""
    if not filename:
        return None
    name = PurePosixPath(filename.replace("\\", "/")).name
    name = _CONTROL.sub("", name).strip()[:120]
    return name or None


async def read(request: Request, limit: int) -> Submission:
    """The submitted form; raises `BodyTooLarge` past ``limit`` bytes of story, `InputError` if there is no story."""
    body = await read_capped(request, limit + FORM_OVERHEAD)
    form = await replay(request, body).form(max_files=1, max_fields=16, max_part_size=limit + FORM_OVERHEAD)
    sub = Submission(
        text=str(form.get("text") or ""),
        fandom=str(form.get("fandom") or "").strip() or None,
        title=" ".join(str(form.get("title") or "").split())[:300] or None,
        add=str(form.get("add") or "").lower() in ("1", "on", "true", "yes"),
    )
    upload = form.get("file")
    if isinstance(upload, UploadFile) and (upload.filename or upload.size):
        sub.data = await upload.read(limit + 1)
        sub.filename = _label(upload.filename)
    await form.close()
    size = len(sub.data) if sub.data else len(sub.text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise BodyTooLarge(limit)
    if not sub.data and not sub.text.strip():
        raise InputError("Paste a story into the box or choose a file (txt, html or epub) to analyse.")
    return sub


def _analyse(sub: Submission) -> Analysis:
    if sub.data:
        doc = load_bytes(sub.data, path=sub.filename)
    else:
        doc = document_from_text(sub.text.replace("\r\n", "\n"))
    if sub.title:
        doc.meta.title = sub.title
    elif not doc.meta.title and sub.filename:
        doc.meta.title = PurePosixPath(sub.filename).stem or None
    return analyze_document(doc, fandom=sub.fandom)


async def analyse(request: Request, sub: Submission) -> Analysis:
    """Analyse in a worker thread, one story at a time, so that the server keeps answering."""
    state = request.app.state
    if getattr(state, "analysis_limiter", None) is None:
        state.analysis_limiter = anyio.CapacityLimiter(1)
    return await anyio.to_thread.run_sync(_analyse, sub, limiter=state.analysis_limiter)


def work_id(analysis: Analysis) -> str:
    """The library id of an analysed story: ``web-`` and the start of its SHA-256 (re-adding replaces it)."""
    return "web-" + analysis.document.source.sha256[:16]


__all__ = ["BodyTooLarge", "Submission", "analyse", "read", "size_label", "too_large_message", "work_id"]
