import sqlite3

import pytest

import ficlens
from ficlens.corpus import Library
from ficlens.errors import InputError, UsageError
from tests.corpus.conftest import ROWS, STORIES


def _doc(text, **work):
    d = ficlens.analyze(text).to_dict(include_text=True)
    d["work"].update(work)
    return d


@pytest.fixture
def lib(tmp_path):
    with Library(tmp_path / "lib.db", readonly=False) as lib:
        lib.add(_doc(ROWS[0]["body"], title="Storm Warning", fandoms=["Sherlock (TV)"], category=["M/M"],
                     relationships=["Sherlock Holmes/John Watson"], characters=["Sherlock Holmes", "John Watson"]), "101")  # fmt: skip
        lib.add(_doc(ROWS[1]["body"], title="Kitchen Sink", fandoms=["Grey's Anatomy"], category=["F/F"],
                     relationships=["Meredith Grey & Cristina Yang"], characters=["Meredith Grey", "Cristina Yang"]), "102")  # fmt: skip
        lib.add(_doc(STORIES["sub/deeper/letter.txt"], title="The Letter", fandoms=["Grey's Anatomy"], category=["M/M"],
                     relationships=["Derek Shepherd/Mark Sloan"], characters=["Derek Shepherd", "Mark Sloan"]), "103")  # fmt: skip
        yield lib


def _ids(results):
    return [r["work_id"] for r in results]


def test_library_search_ranks_with_snippets(lib):
    [hit] = lib.search("violin")
    assert hit["work_id"] == "101" and hit["title"] == "Storm Warning"
    assert "[violin]" in hit["snippet"] and hit["score"] is not None
    assert _ids(lib.search("kept letter")) == ["103"]
    assert lib.search("nothing-like-this") == []


def test_library_search_takes_plain_text_that_is_not_fts_syntax(lib):
    assert _ids(lib.search("Derek Shepherd/Mark Sloan")) == ["103"]  # matched in the tags column
    assert _ids(lib.search('"my person"')) == ["102"]


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"fandom": "Grey's Anatomy"}, ["103", "102"]),
        ({"fandom": "sherlock"}, ["101"]),
        ({"category": "m/m"}, ["101", "103"]),
        ({"relationship": "Mark/Derek"}, ["103"]),
        ({"relationship": "Mark Sloan/Derek Shepherd"}, ["103"]),
        ({"relationship": "Meredith/Cristina"}, []),  # "/" is romantic; theirs is "&"
        ({"relationship": "Meredith & Cristina"}, ["102"]),
        ({"character": "John Watson"}, ["101"]),
        ({"character": "Cristina"}, ["102"]),
        ({"fandom": "Grey's Anatomy", "category": "M/M"}, ["103"]),
    ],
)
def test_library_filters(lib, filters, expected):
    assert _ids(lib.works(**filters)) == sorted(expected, key=lambda i: lib.work(i)["title"])
    assert lib.count(**filters) == len(expected)
    assert sorted(_ids(lib.search("", **filters))) == sorted(expected)


def test_library_facets_count_works(lib):
    facets = lib.facets()
    assert ("Grey's Anatomy", 2) in facets["fandom"] and ("M/M", 2) in facets["category"]
    assert lib.facets(fandom="Sherlock")["category"] == [("M/M", 1)]


def test_library_lines_by_speaker(lib):
    lines = lib.lines("Sherlock")
    assert [(l["work_id"], l["text"]) for l in lines] == [("101", "It helps me think,")]
    assert [l["text"] for l in lib.lines("john", "violin")] == ["The violin again,"]
    assert lib.lines("john", "think") == []
    assert lib.lines("Cristina", fandom="Sherlock") == []


def test_library_reindex_replaces_the_work(lib):
    assert lib.add(_doc(ROWS[0]["body"], title="Storm Warning"), "101", key=lib.key_of("101")) is False
    changed = _doc('"The cello now," said John.\n', title="Storm Warning, revised")
    assert lib.add(changed, "101") is True
    assert len(lib) == 3
    assert lib.search("violin") == [] and _ids(lib.search("cello")) == ["101"]
    assert [l["text"] for l in lib.lines("John")] == ["The cello now,"]
    n_quotes = lib.db.execute("SELECT count(*) FROM quotes WHERE work = (SELECT id FROM works WHERE work_id='101')").fetchone()[0]
    assert n_quotes == 1
    assert lib.remove("101") and not lib.remove("101") and len(lib) == 2


def test_library_get_analysis_and_text(lib):
    text = lib.text("101")
    assert text == ROWS[0]["body"]
    d = lib.analysis("101")
    assert d["schema"] == "ficlens.analysis/1" and "text" not in d["source"]
    assert all(text[q["start"] : q["end"]] == q["text"] for q in d["quotes"])
    assert lib.analysis("101", include_text=True)["source"]["text"] == text
    assert lib.work("101")["fandoms"] == ["Sherlock (TV)"]
    assert lib.work("nope") is None and lib.analysis("nope") is None and lib.text("nope") is None


def test_library_failed_write_leaves_it_unchanged(lib):
    bad = _doc('"Hi," said Ann.\n', title="Bad")
    bad["characters"][0]["name"] = None  # fails after the works row is in: the transaction rolls back
    with pytest.raises(sqlite3.Error):
        lib.add(bad, "104")
    assert len(lib) == 3 and lib.work("104") is None
    assert lib.db.execute("SELECT count(*) FROM tags WHERE tag = 'Bad'").fetchone()[0] == 0


def test_library_read_only(lib, tmp_path):
    ro = Library(tmp_path / "lib.db")
    assert len(ro) == 3 and _ids(ro.search("violin")) == ["101"]
    with pytest.raises(UsageError):
        ro.add(_doc("Hello."), "x")
    ro.close()
    with pytest.raises(InputError):
        Library(tmp_path / "missing.db")
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(InputError):
        Library(tmp_path / "junk.db")


def test_library_needs_the_text(tmp_path):
    d = ficlens.analyze("Hello.").to_dict()
    with Library(tmp_path / "x.db", readonly=False) as lib, pytest.raises(InputError, match="no story text"):
        lib.add(d, "x")
