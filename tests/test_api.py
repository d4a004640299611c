import ficlens
from ficlens import Analysis

EXPECTED_ALL = {
    "SCHEMA", "Analysis", "Block", "Chapter", "Character", "Document", "FiclensError", "FormatError",
    "InputError", "Mention", "Paragraph", "Quote", "Relationship", "RosterError", "Sentence", "Span",
    "UsageError", "WorkMeta", "__version__", "analyze", "analyze_document", "analyze_file",
}  # fmt: skip


def test_api_exports_exactly_the_public_names():
    assert set(ficlens.__all__) == EXPECTED_ALL
    for name in ficlens.__all__:
        assert hasattr(ficlens, name)


def test_api_analyze_returns_analysis_with_schema(chapter_text):
    a = ficlens.analyze(chapter_text)
    assert isinstance(a, Analysis)
    d = a.to_dict()
    assert d["schema"] == "ficlens.analysis/1"
    assert set(d) >= {"schema", "source", "work", "structure", "characters", "quotes", "relationships", "mentions"}
    assert set(d["source"]) >= {"path", "sha256", "length"}
    assert set(d["work"]) >= {"title", "authors", "fandoms", "rating", "warnings", "category", "relationships",
                              "characters", "additional_tags", "summary", "language"}  # fmt: skip
    for q in d["quotes"]:
        assert set(q) >= {"id", "start", "end", "text", "speaker", "addressees", "confidence", "type"}
        assert 0.0 <= q["confidence"] <= 1.0
        assert q["type"] in ("explicit", "anaphoric", "implicit", None)
    for c in d["characters"]:
        assert set(c) >= {"id", "name", "aliases", "gender", "mentions", "quotes", "on_page"}
        assert c["gender"] in ("F", "M", "N", None)


def test_api_analyze_file(tmp_path, chapter_text):
    p = tmp_path / "story.txt"
    p.write_text(chapter_text, encoding="utf-8")
    d = ficlens.analyze_file(p).to_dict()
    assert d["source"]["path"] == str(p)
    assert d["source"]["length"] == len(chapter_text)


def test_api_analyze_rejects_bytes():
    import pytest

    with pytest.raises(ficlens.InputError):
        ficlens.analyze(b"bytes")  # type: ignore[arg-type]


def test_api_empty_text_gives_empty_analysis():
    a = ficlens.analyze("")
    assert a.empty
    d = a.to_dict()
    assert d["source"]["empty"] is True
    assert d["quotes"] == [] and d["characters"] == [] and d["structure"]["chapters"] == []
