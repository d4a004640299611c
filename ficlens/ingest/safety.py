"""Limits that keep hostile input from hanging or exhausting ficlens.

An EPUB is a zip archive, so it is read through `SafeZip`, which caps the number
of members and the bytes each member and the whole archive may inflate to, and
reads every member with a size limit instead of trusting the sizes the archive
claims (a zip bomb lies about them). Nothing is ever extracted to disk.

HTML and XML are parsed by `ficlens.ingest.html_tree`, which resolves no entities
beyond HTML's own character references and fetches nothing, and which caps the
number of elements and the depth it nests.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from ficlens.errors import FormatError

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_ELEMENTS = 500_000
MAX_DEPTH = 1_000

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# What reading a broken or hostile archive can raise; each becomes one FormatError.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    KeyError,
)


class SafeZip:
    """A zip archive in memory, read member by member within the limits above."""

    def __init__(
        self,
        data: bytes,
        what: str = "EPUB",
        max_members: int | None = None,
        max_member_bytes: int | None = None,
        max_total_bytes: int | None = None,
    ) -> None:
        self.what = what
        max_members = MAX_MEMBERS if max_members is None else max_members
        self.max_member_bytes = MAX_MEMBER_BYTES if max_member_bytes is None else max_member_bytes
        self.max_total_bytes = MAX_TOTAL_BYTES if max_total_bytes is None else max_total_bytes
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except _ZIP_ERRORS as exc:
            raise FormatError(f"this is not a readable zip archive ({what}): {_reason(exc)}") from None
        if len(infos) > max_members:
            raise FormatError(f"the {what} has {len(infos):,} files, more than the limit of {max_members:,}")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if not info.is_dir():
                self._infos.setdefault(info.filename, info)
        self._lower = {name.lower(): name for name in self._infos}

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def find(self, name: str) -> str | None:
        """The member stored under ``name`` (matched exactly, then ignoring case), or None."""
        name = name.lstrip("/")
        if name in self._infos:
            return name
        return self._lower.get(name.lower())

    def read(self, name: str) -> bytes:
        """A member's bytes, refusing it when it inflates past the limits."""
        real = self.find(name)
        if real is None:
            raise FormatError(f"the {self.what} names a file it does not contain: {name}")
        info = self._infos[real]
        if info.flag_bits & 0x1:
            raise FormatError(f"the {self.what} is encrypted ({real})")
        limit = min(self.max_member_bytes, self.max_total_bytes - self._read_total)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(limit + 1)
        except _ZIP_ERRORS as exc:
            raise FormatError(f"the {self.what} is damaged or truncated ({real}: {_reason(exc)})") from None
        if len(data) > limit:
            raise FormatError(
                f"the {self.what} inflates past the size limit ({real} alone, or all its files together, "
                f"more than {limit / 1e6:.0f} MB): refusing a possible zip bomb"
            )
        self._read_total += len(data)
        return data


def resolve_href(base_dir: str, href: str) -> str:
    """A path inside an archive for ``href`` relative to ``base_dir`` (no escaping above the root)."""
    from urllib.parse import unquote

    href = unquote(href.split("#", 1)[0].split("?", 1)[0])
    joined = posixpath.normpath(posixpath.join(base_dir, href)) if base_dir else posixpath.normpath(href)
    parts = [p for p in joined.split("/") if p not in ("", ".", "..")]
    return "/".join(parts)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:120] if text else type(exc).__name__
