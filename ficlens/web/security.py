"""The web app's defences: security headers, same-origin writes and capped request bodies.

Stories are untrusted, and so is any web page the user visits while the app runs.
The headers forbid scripts, styles and frames from anywhere but the app itself;
the allowed ``Host`` names stop DNS-rebinding pages from reading the library; a
POST from another site is refused; and a request body is refused once it passes
the size limit, whatever its ``Content-Length`` said.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


def allowed_hosts(host: str | None) -> list[str]:
    """The ``Host`` names to accept: loopback names, plus ``host`` (any, when it is a wildcard address)."""
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    extra = [host, f"[{host}]"] if host and ":" in host else [host] if host else []
    return list(dict.fromkeys([*LOOPBACK_HOSTS, *extra]))


async def add_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """HTTP middleware: the security headers on every response; no caching of pages."""
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.url.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def cross_site(request: Request) -> bool:
    """True when a state-changing request comes from another origin (a page the user happens to visit).

    Browsers say where a request comes from in ``Sec-Fetch-Site``; only ``same-origin``
    (this app's own pages) and ``none`` (typed by the user) pass. Without that header
    (older browsers, scripts) the ``Origin`` header, when given, must be this host.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return False
    return urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()


class BodyTooLarge(Exception):
    """The request body passed the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


async def read_capped(request: Request, limit: int) -> bytes:
    """The request body, refused (`BodyTooLarge`) past ``limit`` bytes: by Content-Length, then by count."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise BodyTooLarge(limit)
        except ValueError:
            pass
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge(limit)
    return bytes(body)


def replay(request: Request, body: bytes) -> Request:
    """A request over ``body`` already read, so that its form can be parsed from memory."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)
