import json
import math

import pytest

import ficlens
from ficlens.corpus.encode import analysis_json

STORY = '"The violin again," said John.\n\n"It helps me think," Sherlock said. John smiled at Sherlock.\n\n' * 3


def _stdlib(document) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _analysis(extra=None) -> dict:
    doc = ficlens.analyze(STORY).to_dict(include_text=True)
    doc["work"]["extra"] = extra or {}
    return doc


def _float_paths(value, path=""):
    if isinstance(value, dict):
        return {p for k, v in value.items() for p in _float_paths(v, f"{path}.{k}")}
    if isinstance(value, list):
        return {p for v in value for p in _float_paths(v, f"{path}[]")}
    return {path} if isinstance(value, float) else set()


def test_an_analysis_is_written_as_json_writes_it():
    doc = _analysis({"words": 1000, "kudos": [1, 2], "nested": {"ok": True, "score": 0.5}})
    assert doc["quotes"] and doc["relationships"]
    assert analysis_json(doc) == _stdlib(doc)


def test_floats_only_where_the_encoder_looks_for_them():
    """A new float field must be added to `encode._floats_agree`, or orjson may write it otherwise."""
    doc = _analysis({"x": 0.5})
    assert _float_paths(doc) == {".quotes[].confidence", ".relationships[].score", ".work.extra.x"}


@pytest.mark.parametrize("value", [1e-05, 7.5e-09, -2e-06, math.nan, math.inf, -math.inf, 2**70, "\udc80", {1: "a"}])
def test_values_orjson_writes_otherwise_are_written_by_json(value):
    doc = _analysis({"odd": [{"deep": value}]})
    assert analysis_json(doc) == _stdlib(doc)


@pytest.mark.parametrize("where", ["quotes", "relationships"])
def test_a_small_or_nan_score_is_written_by_json(where):
    doc = _analysis()
    field = "confidence" if where == "quotes" else "score"
    doc[where][0][field] = 3e-05
    assert analysis_json(doc) == _stdlib(doc)
    doc[where][0][field] = math.nan
    assert analysis_json(doc) == _stdlib(doc)


def test_a_surrogate_in_the_text_is_kept():
    doc = _analysis()
    doc["source"]["text"] = "bad byte \udcff here"
    assert analysis_json(doc) == _stdlib(doc)
