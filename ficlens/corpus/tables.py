"""The Parquet tables of a batch run: their schemas, and rows built from analyses.

Every table has ``work_key`` (the work's content hash) and ``work_id`` first, so
any two tables join on ``work_key``. docs/batch.md documents every column. The
schemas are fixed here, so that every part file of a table has the same types
(DuckDB, pandas and Polars read a table folder as one table).
"""

from __future__ import annotations

import bisect
import json
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from ficlens._version import __version__
from ficlens.corpus.work import LIST_FIELDS, TEXT_FIELDS, Outcome

_S, _I32, _I64, _F64, _B = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
_LS = pa.list_(pa.string())
_TS = pa.timestamp("ms", tz="UTC")
_KEYS = [("work_key", _S), ("work_id", _S)]

SCHEMAS: dict[str, pa.Schema] = {
    "works": pa.schema(_KEYS + [
        ("source", _S), ("member", _S), ("sha256", _S), ("format", _S), ("encoding", _S),
        ("title", _S), ("authors", _LS), ("fandoms", _LS), ("rating", _S), ("warnings", _LS), ("category", _LS),
        ("relationships", _LS), ("characters", _LS), ("additional_tags", _LS), ("summary", _S), ("language", _S),
        ("extra", _S), ("chars", _I64), ("tokens", _I64), ("chapters", _I32), ("scene_breaks", _I32),
        ("paragraphs", _I32), ("n_characters", _I32), ("n_quotes", _I32), ("n_mentions", _I32),
        ("n_relationships", _I32), ("seconds", _F64), ("cpu_seconds", _F64), ("json_path", _S), ("analysed_at", _TS), ("ficlens_version", _S),
    ]),
    "chapters": pa.schema(_KEYS + [
        ("chapter", _I32), ("number", _I32), ("title", _S), ("start", _I64), ("end", _I64), ("chars", _I64),
    ]),
    "characters": pa.schema(_KEYS + [
        ("character_id", _S), ("name", _S), ("aliases", _LS), ("gender", _S), ("mentions", _I32),
        ("quotes", _I32), ("on_page", _B),
    ]),
    "quotes": pa.schema(_KEYS + [
        ("quote_id", _S), ("chapter", _I32), ("start", _I64), ("end", _I64), ("text", _S), ("speaker", _S),
        ("speaker_name", _S), ("addressees", _LS), ("confidence", _F64), ("type", _S), ("continues", _S),
    ]),
    "mentions": pa.schema(_KEYS + [
        ("start", _I64), ("end", _I64), ("text", _S), ("character_id", _S), ("kind", _S),
    ]),
    "relationships": pa.schema(_KEYS + [
        ("character_a", _S), ("character_b", _S), ("name_a", _S), ("name_b", _S), ("kind", _S), ("tag", _S),
        ("score", _F64), ("evidence", _I32),
    ]),
    "tags": pa.schema(_KEYS + [("type", _S), ("tag", _S), ("origin", _S)]),
    "errors": pa.schema(_KEYS + [
        ("source", _S), ("member", _S), ("stage", _S), ("error_type", _S), ("reason", _S), ("seconds", _F64),
        ("at", _TS),
    ]),
}  # fmt: skip
TABLES = tuple(SCHEMAS)

# AO3's tag types, from the WorkMeta field that holds them.
TAG_TYPES = {"fandoms": "fandom", "rating": "rating", "warnings": "warning", "category": "category",
             "relationships": "relationship", "characters": "character", "additional_tags": "freeform"}  # fmt: skip


def json_relpath(key: str) -> str:
    """Where a work's JSON analysis lives under the output folder."""
    return f"json/{key[:2]}/{key}.json"


class TableBuffer:
    """Rows of every table for a set of works, kept column by column until written."""

    def __init__(self) -> None:
        self.columns: dict[str, dict[str, list]] = {t: {f.name: [] for f in s} for t, s in SCHEMAS.items()}

    def _add(self, table: str, key: str, wid: str, **values: Any) -> None:
        cols = self.columns[table]
        cols["work_key"].append(key)
        cols["work_id"].append(wid)
        for name, value in values.items():
            cols[name].append(value)

    def _extend(self, table: str, key: str, wid: str, **columns: list) -> None:
        """Several rows of one work at once, given column by column (lists of equal length)."""
        cols = self.columns[table]
        n = len(next(iter(columns.values())))
        cols["work_key"].extend([key] * n)
        cols["work_id"].extend([wid] * n)
        for name, values in columns.items():
            cols[name].extend(values)

    def rows(self, table: str) -> int:
        return len(self.columns[table]["work_key"])

    def add_outcome(self, outcome: Outcome, at: datetime | None = None) -> None:
        """The rows of one analysed work, or its error record."""
        at = at or datetime.now(UTC)
        if outcome.ok and outcome.analysis is not None:
            self.add_analysis(outcome.analysis, outcome.item.key, outcome.item.id, outcome.item.source,
                              outcome.item.member, outcome.given, outcome.tokens, outcome.seconds, at, outcome.cpu)  # fmt: skip
        else:
            item = outcome.item
            self.add_error(item.key, item.id, item.source, item.member, outcome.stage or "analyse",
                           outcome.error_type or "", outcome.error or "", outcome.seconds, at)  # fmt: skip

    def add_error(self, key, wid, source, member, stage, error_type, reason, seconds=0.0, at=None) -> None:
        self._add("errors", key, wid, source=source, member=member, stage=stage, error_type=error_type,
                  reason=reason, seconds=seconds, at=at or datetime.now(UTC))  # fmt: skip

    def add_analysis(self, d: dict, key: str, wid: str, source: str | None = None, member: str | None = None,
                     given: set[str] | None = None, tokens: int = 0, seconds: float = 0.0, at: datetime | None = None,
                     cpu: float = 0.0) -> None:  # fmt: skip
        """The rows of one work from its ``ficlens.analysis/1`` document."""
        src, work, struct = d["source"], d["work"], d["structure"]
        names = {c["id"]: c["name"] for c in d["characters"]}
        self._add("works", key, wid, source=source, member=member, sha256=src.get("sha256"), format=src.get("format"),
                  encoding=src.get("encoding"), **{f: work.get(f) for f in (*LIST_FIELDS, *TEXT_FIELDS)},
                  extra=json.dumps(work.get("extra") or {}, ensure_ascii=False, default=str), chars=src.get("length"),
                  tokens=tokens, chapters=len(struct["chapters"]), scene_breaks=len(struct["scene_breaks"]),
                  paragraphs=struct.get("paragraphs"), n_characters=len(d["characters"]), n_quotes=len(d["quotes"]),
                  n_mentions=len(d["mentions"]), n_relationships=len(d["relationships"]), seconds=seconds, cpu_seconds=cpu,
                  json_path=json_relpath(key), analysed_at=at or datetime.now(UTC), ficlens_version=__version__)  # fmt: skip
        starts = [c["start"] for c in struct["chapters"]]
        for i, c in enumerate(struct["chapters"], 1):
            self._add("chapters", key, wid, chapter=i, number=c["number"], title=c["title"], start=c["start"],
                      end=c["end"], chars=c["end"] - c["start"])  # fmt: skip
        if chars := d["characters"]:
            self._extend("characters", key, wid, character_id=[c["id"] for c in chars], name=[c["name"] for c in chars],
                         aliases=[c["aliases"] for c in chars], gender=[c["gender"] for c in chars],
                         mentions=[c["mentions"] for c in chars], quotes=[c["quotes"] for c in chars],
                         on_page=[c["on_page"] for c in chars])  # fmt: skip
        if quotes := d["quotes"]:
            speakers = [q["speaker"] for q in quotes]
            self._extend("quotes", key, wid, quote_id=[q["id"] for q in quotes],
                         chapter=[(bisect.bisect_right(starts, q["start"]) if starts else 0) or None for q in quotes],
                         start=[q["start"] for q in quotes], end=[q["end"] for q in quotes],
                         text=[q["text"] for q in quotes], speaker=speakers, speaker_name=[names.get(s) for s in speakers],
                         addressees=[q["addressees"] for q in quotes], confidence=[q["confidence"] for q in quotes],
                         type=[q["type"] for q in quotes], continues=[q["continues"] for q in quotes])  # fmt: skip
        text = src.get("text")
        if mentions := d["mentions"]:
            m_starts, m_ends = [m["start"] for m in mentions], [m["end"] for m in mentions]
            self._extend("mentions", key, wid, start=m_starts, end=m_ends,
                         text=[text[s:e] for s, e in zip(m_starts, m_ends)] if text is not None else [None] * len(mentions),
                         character_id=[m["character"] for m in mentions], kind=[m["kind"] for m in mentions])  # fmt: skip
        for r in d["relationships"]:
            a, b = r["characters"]
            self._add("relationships", key, wid, character_a=a, character_b=b, name_a=names.get(a), name_b=names.get(b),
                      kind=r["kind"], tag=r["tag"], score=r["score"], evidence=len(r["evidence"]))  # fmt: skip
        for fld, tag_type in TAG_TYPES.items():
            value = work.get(fld)
            origin = None if given is None else ("input" if fld in given else "ficlens")
            for tag in [value] if isinstance(value, str) else value or []:
                self._add("tags", key, wid, type=tag_type, tag=tag, origin=origin)

    def to_arrow(self, table: str) -> pa.Table:
        return pa.Table.from_pydict(self.columns[table], schema=SCHEMAS[table])
