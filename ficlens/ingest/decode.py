"""Bytes to text: byte-order marks, UTF-8, UTF-16/32, legacy single-byte encodings.

The decoded text is what every offset points into, so nothing is changed beyond
removing a leading byte-order mark: line endings, quotation marks and whitespace
are kept as they are.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ficlens.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"RIFF", "audio or video data"),
    (b"OggS", "audio data"),
    (b"ID3", "MP3 audio"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"SQLite format 3", "a SQLite database"),
)

# Legacy encodings a story plausibly comes in when it is not UTF-8.
_LEGACY = ["cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "mac_roman"]

_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > max(2, len(sample) // 200):
        return "binary data"
    return None


def _looks_utf16(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 of mostly-ASCII text by where its zero bytes fall."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.4 and even_zero < 0.05:
        guess = "utf-16-le"
    elif even_zero > 0.4 and odd_zero < 0.05:
        guess = "utf-16-be"
    else:
        return None
    # What the zero bytes promise: mostly Latin-1 once decoded (not "0\x00\xc2\x80", UTF-8 with a NUL).
    text = sample[: len(sample) // 2 * 2].decode(guess, "replace")
    return guess if sum(1 for c in text if c < "\u0100") >= 0.9 * len(text) else None


def _strict(data: bytes, encoding: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode the text as {encoding} ({why}): invalid bytes at offset {exc.start}"
        ) from None


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode story bytes; raise `InputError` for binary or undecodable input.

    Args:
        data: the raw bytes.
        encoding: force an encoding instead of detecting one.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        text = _strict(data, encoding, "as asked")
        return Decoded(text[1:] if text.startswith("\ufeff") else text, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], name, "it starts with a byte-order mark"), name)
    utf16 = _looks_utf16(data)
    if utf16:
        return Decoded(_strict(data, utf16, "its zero bytes say so"), utf16)
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"this is {kind}, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return Decoded(*_decode_legacy(data))


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=_LEGACY))
    if not matches:
        raise InputError("cannot decode the text: it is not UTF-8 and no legacy encoding fits")
    # On a tie (short texts often fit several code pages) the commoner encoding wins.
    rank = {name: i for i, name in enumerate(_LEGACY)}
    best = min(
        matches,
        key=lambda m: (round(m.chaos, 2), -round(m.coherence, 2), rank.get(m.encoding, 99)),
    )
    name = best.encoding
    # Bytes 0x80-0x9f are C1 controls in latin-1 but curly quotes and dashes in cp1252.
    if name == "latin_1" and _cp1252_agrees(data):
        name = "cp1252"
    return data.decode(name), name


def _cp1252_agrees(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
