"""The output folder of a batch run, written so that a crash never leaves it corrupt.

Layout (docs/batch.md has the details)::

    DIR/batch.json                    the analysis options and the last run's summary
    DIR/json/ab/<key>.json            one ficlens.analysis/1 document per work
    DIR/<table>/part-<part>.parquet   one part per chunk of works, for each table
    DIR/_commits/<part>.json          a part's commit record: the work keys it holds
    DIR/.tmp/                         files being written (emptied when a run starts)
    DIR/.lock                         held while a run writes

Every file is written under ``.tmp/`` and moved into place with `os.replace`, so
a reader never sees half a file. A part counts once its commit record exists; a
run that starts removes the part files of uncommitted parts (a crash between the
tables of one part) and redoes their works. Readers that skip names starting
with ``.`` or ``_`` (pyarrow, DuckDB globs of ``*.parquet``) never see temporaries.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ficlens._version import __version__
from ficlens.corpus.encode import analysis_json
from ficlens.corpus.tables import SCHEMAS, TABLES, TableBuffer, json_relpath
from ficlens.errors import UsageError

MANIFEST = "batch.json"
MANIFEST_SCHEMA = "ficlens.batch/1"
EMPTY_PART = "part-empty.parquet"


def _tmp(out: Path) -> Path:
    return out / ".tmp" / f"{os.getpid()}-{uuid.uuid4().hex[:12]}"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(out: Path, rel: str, data: bytes, fsync: bool = False) -> Path:
    """Write ``out/rel`` whole or not at all."""
    final = out / rel
    tmp = _tmp(out)
    with open(tmp, "wb") as fh:
        fh.write(data)
        if fsync:
            fh.flush()
            os.fsync(fh.fileno())
    try:
        os.replace(tmp, final)
    except FileNotFoundError:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)
    if fsync:
        _fsync_dir(final.parent)
    return final


def write_json(out: Path, key: str, document: dict[str, Any], fsync: bool = False) -> None:
    atomic_write(out, json_relpath(key), analysis_json(document), fsync)


def commit_part(out: Path, part: str, buffer: TableBuffer, ok: list[str], failed: list[str], fsync: bool = False) -> None:
    """Write one part of every table that has rows, then its commit record."""
    written = []
    for table in TABLES:
        if not buffer.rows(table):
            continue
        tmp = _tmp(out)
        pq.write_table(buffer.to_arrow(table), tmp, compression="zstd")
        if fsync:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, out / table / f"part-{part}.parquet")
        written.append(table)
    record = {"part": part, "tables": written, "ok": ok, "failed": failed}
    atomic_write(out, f"_commits/{part}.json", json.dumps(record).encode(), fsync)


@dataclass
class Ledger:
    """The works an output folder already holds: analysed (``ok``) or failed."""

    ok: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)


class OutputDir:
    """An output folder opened for one run: locked, cleaned of a crash's leftovers, its ledger read."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock_fh = None

    def open(self, fingerprint: dict[str, Any]) -> Ledger:
        out = self.path
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out}: the output must be a folder")
        manifest = out / MANIFEST
        if out.is_dir() and any(out.iterdir()) and not manifest.exists():
            raise UsageError(f"{out}: this folder is not empty and holds no ficlens batch output; choose another --out")
        for sub in (".tmp", "_commits", "json", *TABLES):
            (out / sub).mkdir(parents=True, exist_ok=True)
        self._lock()
        if manifest.exists():
            try:
                previous = json.loads(manifest.read_text(encoding="utf-8")).get("options")
            except (OSError, ValueError):
                previous = None
            if previous is not None and previous != fingerprint:
                raise UsageError(f"{out}: this output was made with other analysis options (--characters, --fandom, --encoding); use another --out")
        else:
            self.write_manifest(fingerprint, None)
        shutil.rmtree(out / ".tmp", ignore_errors=True)
        (out / ".tmp").mkdir(exist_ok=True)
        return self._recover()

    def _lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no lock
            return
        self._lock_fh = open(self.path / ".lock", "a+")
        try:
            fcntl.flock(self._lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock_fh.close()
            self._lock_fh = None
            raise UsageError(f"{self.path}: another ficlens batch run is writing to this folder") from None

    def _recover(self) -> Ledger:
        ledger = Ledger()
        committed: set[str] = set()
        for rec_path in (self.path / "_commits").glob("*.json"):
            try:
                rec = json.loads(rec_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                rec_path.unlink(missing_ok=True)
                continue
            committed.add(rec["part"])
            ledger.ok.update(rec.get("ok", ()))
            ledger.failed.update(rec.get("failed", ()))
        ledger.failed -= ledger.ok
        for table in TABLES:
            for part_file in (self.path / table).glob("part-*.parquet"):
                name = part_file.name[len("part-") : -len(".parquet")]
                if part_file.name != EMPTY_PART and name not in committed:
                    part_file.unlink(missing_ok=True)
        return ledger

    def ensure_tables(self) -> None:
        """Give every table at least one (empty) file, so that readers find each table."""
        for table in TABLES:
            folder = self.path / table
            if not any(folder.glob("part-*.parquet")):
                tmp = _tmp(self.path)
                pq.write_table(SCHEMAS[table].empty_table(), tmp, compression="zstd")
                os.replace(tmp, folder / EMPTY_PART)

    def write_manifest(self, fingerprint: dict[str, Any], summary: dict[str, Any] | None) -> None:
        doc = {"schema": MANIFEST_SCHEMA, "ficlens_version": __version__, "options": fingerprint, "last_run": summary}
        atomic_write(self.path, MANIFEST, json.dumps(doc, indent=1, ensure_ascii=False).encode())

    def close(self) -> None:
        if self._lock_fh is not None:
            self._lock_fh.close()
            self._lock_fh = None


def is_batch_output(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is the output folder of a `ficlens batch` run."""
    manifest = Path(path) / MANIFEST
    if not manifest.is_file():
        return False
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("schema") == MANIFEST_SCHEMA
    except (OSError, ValueError):
        return False


def committed_works(out: str | os.PathLike[str]) -> dict[str, str]:
    """``{work_id: work_key}`` of the works a batch output holds (the latest analysis of each id)."""
    out = Path(out)
    parts = set()
    for rec_path in (out / "_commits").glob("*.json"):
        try:
            parts.add(json.loads(rec_path.read_text(encoding="utf-8"))["part"])
        except (OSError, ValueError, KeyError):
            continue
    latest: dict[str, tuple[Any, str]] = {}
    for part in sorted(parts):
        path = out / "works" / f"part-{part}.parquet"
        if not path.exists():
            continue
        t = pq.read_table(path, columns=["work_id", "work_key", "analysed_at"]).to_pydict()
        for wid, key, at in zip(t["work_id"], t["work_key"], t["analysed_at"]):
            if wid not in latest or at >= latest[wid][0]:
                latest[wid] = (at, key)
    return {wid: key for wid, (_, key) in latest.items()}
