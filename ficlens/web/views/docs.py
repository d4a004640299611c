"""The API reference ``/docs``, rendered on the server from the app's OpenAPI schema (no CDN, no script)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

router = APIRouter(include_in_schema=False)


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation of the schema: method, path, summary, description, parameters and responses."""
    out = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _type(p.get("schema", {})), "default": p.get("schema", {}).get("default"),
                       "description": p.get("description", "")} for p in op.get("parameters", [])]  # fmt: skip
            responses = [(code, r.get("description", "")) for code, r in op.get("responses", {}).items()]
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "parameters": params, "responses": responses})  # fmt: skip
    return out


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    return schema.get("type", "")


@router.get("/docs")
def api_docs(request: Request):
    schema = request.app.openapi()
    ctx = {"info": schema.get("info", {}), "endpoints": endpoints(schema)}
    return request.app.state.templates.TemplateResponse(request, "api_docs.html", ctx)
