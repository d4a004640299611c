"""Recognise structured inputs by their content and extract their story text."""

from __future__ import annotations

from ficlens.errors import InputError
from ficlens.model import Document


def load_structured(data: bytes, path: str | None) -> Document | None:
    """A `Document` for a structured format, or None when the input is plain text."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        raise InputError("this is a zip archive (EPUB); EPUB input is not supported yet")
    return None
