import json

import pytest

from ficlens.corpus.sources import CorpusColumns, count_works, iter_works, work_key
from ficlens.corpus.work import apply_meta, meta_field, split_list
from ficlens.errors import InputError, UsageError
from ficlens.ingest import document_from_text


def _ids(items):
    return [i.id for i in items]


def test_sources_folder_is_walked_recursively_files_first(tree):
    items = list(iter_works([str(tree)]))
    assert [i.id.split("stories/")[1] for i in items] == ["storm.txt", "sub/kitchen.txt", "sub/deeper/letter.txt"]
    assert all(i.data and i.key and i.error is None for i in items)
    assert count_works([str(tree)]) == 3


def test_sources_hidden_files_and_the_output_folder_are_skipped(tree):
    (tree / ".DS_Store").write_bytes(b"\x00\x01")
    (tree / "out").mkdir()
    (tree / "out" / "x.txt").write_text("not a story")
    items = list(iter_works([str(tree)], exclude=tree / "out"))
    assert len(items) == 3


def test_sources_files_and_globs(tree):
    items = list(iter_works([str(tree / "storm.txt"), str(tree / "sub" / "**" / "*.txt")]))
    assert len(items) == 3
    with pytest.raises(InputError, match="no file matches"):
        list(iter_works([str(tree / "*.epub")]))
    with pytest.raises(InputError, match="no such file"):
        count_works([str(tree / "missing.txt")])


def test_sources_zip_members(archive):
    items = list(iter_works([str(archive)]))
    assert [i.member for i in items] == ["fics/one.txt", "fics/two.txt"]
    assert items[0].id.endswith("fics.zip!fics/one.txt") and items[0].kind == "member"
    assert count_works([str(archive)]) == 2


@pytest.mark.parametrize("fixture", ["jsonl", "csv_corpus"])
def test_sources_corpus_rows_with_ao3_columns(fixture, request):
    path = request.getfixturevalue(fixture)
    items = list(iter_works([str(path)]))
    assert _ids(items) == ["101", "102"]
    first = items[0]
    assert first.text.startswith('"The violin again,"')
    assert first.meta["fandom"] == "Sherlock (TV)" and "body" not in first.meta
    assert count_works([str(path)]) == 2


def test_sources_corpus_columns_are_named_by_options(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"key": "a1", "story_text": "Hello.", "rating": "Mature", "junk": "x"}) + "\n")
    cols = CorpusColumns(text="story_text", id="key", meta=("rating",))
    [item] = iter_works([str(p)], cols)
    assert item.id == "a1" and item.text == "Hello." and item.meta == {"key": "a1", "rating": "Mature"}


def test_sources_csv_without_text_column_is_a_usage_error(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("work_id,title\n1,Hello\n")
    with pytest.raises(UsageError, match="no text column"):
        count_works([str(p)])


def test_sources_bad_rows_become_error_items(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"work_id": "1", "body": "Fine."}\n{not json\n[1, 2]\n{"work_id": "4", "body": "caf\xe9"}\n')
    items = list(iter_works([str(p)]))
    assert [i.error is None for i in items] == [True, False, False, False]
    assert "not valid JSON" in items[1].error and "UTF-8" in items[3].error


def test_sources_key_is_the_content_hash(tree, tmp_path):
    a = list(iter_works([str(tree)]))
    copy = tmp_path / "copy.txt"
    copy.write_bytes((tree / "storm.txt").read_bytes())
    [b] = iter_works([str(copy)])
    assert b.key == a[0].key  # same bytes, same key, whatever the path
    b.meta = {"rating": "Mature"}
    assert work_key(b) != a[0].key


def test_work_meta_columns_fill_workmeta():
    assert meta_field("additional tags") == meta_field("Additional_Tags") == "additional_tags"
    assert split_list("Fluff, Angst") == ["Fluff", "Angst"]
    assert split_list('["A/B", "C"]') == ["A/B", "C"]
    assert split_list("['A/B', 'C']") == ["A/B", "C"]
    doc = document_from_text("Hello.")
    given = apply_meta(doc, {"title": "T", "fandom": "Sherlock (TV)", "relationship": ["A/B"], "words": "20"})
    assert doc.meta.title == "T" and doc.meta.fandoms == ["Sherlock (TV)"] and doc.meta.relationships == ["A/B"]
    assert doc.meta.extra == {"words": "20"}
    assert given == {"title", "fandoms", "relationships"}


def test_sources_bytes_that_are_not_utf8_in_a_csv_row(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"work_id,title,body\n1,Fine,Hello.\n2,Fine,caf\xe9\n3,Caf\xe9,Hello.\n")
    items = list(iter_works([str(p)]))
    assert [i.error for i in items] == [None, "the text is not valid UTF-8", "the metadata is not valid UTF-8"]
    assert items[0].text == "Hello." and items[2].meta["title"] == "Caf\ufffd"


def test_sources_an_escaped_surrogate_is_text_unless_it_stands_for_a_byte(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"work_id": "1", "body": "a \\ud800 b"}\n{"work_id": "2", "body": "a \\udcff b"}\n')
    items = list(iter_works([str(p)]))
    assert items[0].error is None and items[0].text == "a \ud800 b"
    assert items[1].error == "the text is not valid UTF-8"


def test_sources_rows_of_one_corpus_may_name_their_columns_differently(tmp_path):
    p = tmp_path / "c.jsonl"
    rows = [{"id": "a", "body": "One."}, {"work_id": "b", "Text": "Two.", "Rating": "Mature"},
            {"id": "c", "body": "Three."}]  # fmt: skip
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = list(iter_works([str(p)]))
    assert [(i.id, i.text, i.meta) for i in items] == [
        ("a", "One.", {"id": "a"}), ("b", "Two.", {"work_id": "b", "Rating": "Mature"}), ("c", "Three.", {"id": "c"})
    ]
