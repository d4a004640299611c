from ficlens.corpus import Library, batch, index


def test_index_stories_then_search(tree, jsonl, tmp_path):
    db = tmp_path / "lib.db"
    s = index([str(tree), str(jsonl)], db, workers=1)
    assert (s.total, s.indexed, s.failed, s.exit_code) == (5, 5, 0, 0)
    with Library(db) as lib:
        assert lib.work("101")["fandoms"] == ["Sherlock (TV)"]
        assert [r["work_id"] for r in lib.search("violin")] == ["101"]
        assert [l["text"] for l in lib.lines("Derek")] == ["I kept the letter,"]


def test_index_reuses_a_batch_output(tree, bad_files, tmp_path):
    out, db = tmp_path / "out", tmp_path / "lib.db"
    batch([str(tree)], out, workers=1)
    s = index([str(out)], db)
    assert (s.total, s.indexed) == (3, 3)
    again = index([str(out), str(tree)], db, workers=1)
    assert (again.indexed, again.unchanged) == (0, 6)  # same ids and keys from either side


def test_index_replaces_a_changed_work(tree, tmp_path):
    db = tmp_path / "lib.db"
    index([str(tree)], db, workers=1)
    (tree / "storm.txt").write_text('"Rain again," said Sherlock.\n')
    s = index([str(tree)], db, workers=1)
    assert (s.indexed, s.unchanged) == (1, 2)
    with Library(db) as lib:
        assert len(lib) == 3 and lib.search("storm") == [] and len(lib.search("rain")) == 1


def test_index_counts_failures(bad_files, tmp_path):
    s = index([str(bad_files)], tmp_path / "lib.db", workers=1)
    assert (s.indexed, s.failed, s.exit_code) == (1, 2, 1)
