"""The bytes of a work's JSON analysis: orjson's wherever they are the standard library's.

orjson writes a document about eight times faster than `json`, and the same bytes
as ``json.dumps(document, ensure_ascii=False, separators=(",", ":"))`` except for
floats below 1e-4 (``0.00001`` for ``1e-05``), NaN and infinities (``null``), and
what it refuses: lone surrogates, integers beyond 64 bits, keys that are not
strings, subclasses. A document with such a float, or that orjson refuses, is
written by `json`, so the output never depends on which encoder wrote it.
"""

from __future__ import annotations

import json
import math
from typing import Any

import orjson

# An analysis is a tree of dicts and lists: no need to check it for cycles.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
_STRICT = orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


def analysis_json(document: dict[str, Any]) -> bytes:
    """``document`` (a ``ficlens.analysis/1`` dict) as compact UTF-8 JSON, as `json` writes it."""
    if _floats_agree(document):
        try:
            return orjson.dumps(document, option=_STRICT)
        except TypeError:  # orjson.JSONEncodeError: see the module's docstring
            pass
    return _JSON.encode(document).encode("utf-8", "surrogatepass")


def _same_floats(values: list[Any]) -> bool:
    """Whether both encoders write these numbers alike: each is 0, or between 1e-4 and infinity in size.

    A NaN or an infinity makes the sum not finite.
    """
    nonzero = [x for x in values if x]
    return not nonzero or (min(map(abs, nonzero)) >= 1e-4 and math.isfinite(sum(nonzero)))


def _metadata_floats(value: Any, found: list[Any]) -> list[Any]:
    """Every float in a value of the input's metadata (any JSON value)."""
    if isinstance(value, dict):
        for v in value.values():
            _metadata_floats(v, found)
    elif isinstance(value, list):
        for v in value:
            _metadata_floats(v, found)
    elif isinstance(value, float):
        found.append(value)
    return found


def _floats_agree(document: dict[str, Any]) -> bool:
    """The analysis holds floats only in quotes' confidence, relationships' score and the metadata's extra."""
    values = [q["confidence"] for q in document["quotes"]]
    values += [r["score"] for r in document["relationships"]]
    return _same_floats(_metadata_floats(document["work"]["extra"], values))
