"""Reading stories from files and bytes into a `Document`.

`load_path` and `load_bytes` turn input into a `Document` whose text every later
offset points into. Plain text is decoded as it is; structured formats are
recognised by content and their story text extracted (see docs/inputs.md).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ficlens.errors import FormatError, InputError
from ficlens.ingest.decode import decode_bytes
from ficlens.model import Document, Source

DEFAULT_MAX_BYTES = 64 * 1024 * 1024

__all__ = ["DEFAULT_MAX_BYTES", "document_from_text", "load_bytes", "load_path"]


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, refusing what is not a readable regular file of sane size."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a story file (use `ficlens batch` for folders)")
    if st.st_size > max_bytes:
        raise InputError(
            f"{p}: {st.st_size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.0f} MB limit "
            "for one story (raise it with --max-bytes)"
        )
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{p}: larger than the {max_bytes / 1e6:.0f} MB limit for one story")
    return data


def document_from_text(text: str, path: str | None = None) -> Document:
    """A `Document` over text that is already decoded (a leading BOM is dropped)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(text=text, source=Source(path=path, sha256=digest, length=len(text)))


def load_bytes(data: bytes, path: str | None = None, encoding: str | None = None) -> Document:
    """Decode input bytes (whatever their format) into a `Document`.

    EPUB and HTML are recognised by their content and their story text extracted
    (``doc.source.format`` says which format; the structure the format states is
    pre-filled); anything else is decoded as plain text, recognising FanFicFare's
    TXT layout. Raises `InputError` or `FormatError` with a one-line reason.
    """
    from ficlens.ingest import fanficfare
    from ficlens.ingest.formats import load_structured

    digest = hashlib.sha256(data).hexdigest()
    structured = load_structured(data, path, encoding)
    if structured is not None:
        structured.source.sha256 = digest
        return structured
    decoded = decode_bytes(data, encoding)
    text = decoded.text
    if fanficfare.looks_like_txt(text):
        return fanficfare.read_txt(text, path, decoded.encoding, digest)
    doc = Document(
        text=decoded.text,
        source=Source(path=path, sha256=digest, length=len(decoded.text), encoding=decoded.encoding),
    )
    return doc


def load_path(
    path: str | os.PathLike[str], encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read a story file into a `Document`; raise `InputError` with a one-line reason."""
    data = read_bytes(path, max_bytes)
    try:
        return load_bytes(data, str(path), encoding)
    except (InputError, FormatError) as exc:
        if str(path) in exc.message:
            raise
        raise type(exc)(f"{path}: {exc.message}") from None
