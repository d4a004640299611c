import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ficlens.corpus import SCHEMAS, TABLES, batch
from ficlens.corpus.sources import WorkItem
from ficlens.corpus.work import AnalysisOptions, analyse
from ficlens.errors import UsageError


def _table(out: Path, name: str):
    return pq.read_table(out / name)


def _parts(out: Path) -> set[str]:
    return {p.name for t in TABLES for p in (out / t).glob("*.parquet")}


def test_batch_writes_json_and_every_table(tree, tmp_path):
    out = tmp_path / "out"
    s = batch([str(tree)], out, workers=1)
    assert (s.total, s.analysed, s.failed, s.exit_code) == (3, 3, 0, 0)
    works = _table(out, "works")
    assert works.num_rows == 3 and works.schema.equals(SCHEMAS["works"], check_metadata=False)
    for t in TABLES:
        assert _table(out, t).schema.equals(SCHEMAS[t], check_metadata=False), t
    for row in works.to_pylist():
        doc = json.loads((out / row["json_path"]).read_text(encoding="utf-8"))
        assert doc["schema"] == "ficlens.analysis/1" and doc["source"]["path"] == row["work_id"]
        assert doc["source"]["text"]  # the text travels with the analysis
    quotes = _table(out, "quotes").to_pylist()
    speakers = {q["speaker_name"].split()[0] for q in quotes if q["speaker_name"]}  # rosters may add surnames
    assert {"Sherlock", "John", "Meredith", "Cristina", "Derek", "Mark"} <= speakers
    assert _table(out, "errors").num_rows == 0
    manifest = json.loads((out / "batch.json").read_text())
    assert manifest["schema"] == "ficlens.batch/1" and manifest["last_run"]["analysed"] == 3


def test_batch_parquet_round_trip_matches_the_json(tree, tmp_path):
    out = tmp_path / "out"
    batch([str(tree)], out, workers=1)
    works = {r["work_key"]: r for r in _table(out, "works").to_pylist()}
    for key, row in works.items():
        doc = json.loads((out / row["json_path"]).read_text(encoding="utf-8"))
        assert row["n_quotes"] == len(doc["quotes"]) and row["chars"] == len(doc["source"]["text"])
        rows = [q for q in _table(out, "quotes").to_pylist() if q["work_key"] == key]
        assert [(q["start"], q["end"], q["text"]) for q in rows] == [(q["start"], q["end"], q["text"]) for q in doc["quotes"]]
        text = doc["source"]["text"]
        assert all(text[m["start"] : m["end"]] == m["text"] for m in _table(out, "mentions").to_pylist() if m["work_key"] == key)


def test_batch_corpus_metadata_fills_the_work(jsonl, tmp_path):
    out = tmp_path / "out"
    batch([str(jsonl)], out, workers=1)
    works = {r["work_id"]: r for r in _table(out, "works").to_pylist()}
    w = works["101"]
    assert w["title"] == "Storm Warning" and w["rating"] == "Teen And Up Audiences" and w["fandoms"] == ["Sherlock (TV)"]
    assert w["relationships"] == ["Sherlock Holmes/John Watson"] and w["additional_tags"] == ["Fluff", "Case Fic"]
    assert json.loads(w["extra"]) == {"work_id": "101", "words": "20"}
    tags = [(t["type"], t["tag"], t["origin"]) for t in _table(out, "tags").to_pylist() if t["work_id"] == "101"]
    assert ("category", "M/M", "input") in tags and ("freeform", "Fluff", "input") in tags


def test_batch_all_input_kinds_in_one_run(tree, archive, jsonl, csv_corpus, tmp_path):
    out = tmp_path / "out"
    s = batch([str(tree), str(archive), str(jsonl), str(csv_corpus)], out, workers=2)
    # the zip's two members have the same bytes as two files of the tree, and the CSV rows equal the JSONL rows
    assert (s.total, s.analysed, s.duplicates, s.failed) == (9, 5, 4, 0)


def test_batch_rerun_skips_done_works_and_writes_nothing(tree, tmp_path):
    out = tmp_path / "out"
    batch([str(tree)], out, workers=1)
    before = _parts(out)
    s = batch([str(tree)], out, workers=1)
    assert (s.analysed, s.skipped, s.exit_code) == (0, 3, 0)
    assert _parts(out) == before
    (tree / "new.txt").write_text('"One more," said Ann.\n')
    s = batch([str(tree)], out, workers=1)
    assert (s.analysed, s.skipped) == (1, 3)
    assert _table(out, "works").num_rows == 4


def test_batch_recovers_from_a_crash(tree, tmp_path):
    out = tmp_path / "out"
    batch([str(tree)], out, workers=1)
    # a crash mid-write: a temp file, and an uncommitted part (its commit record never written)
    (out / ".tmp" / "123-abc").write_bytes(b"PAR1 half a file")
    (out / "quotes" / "part-deadbeef-000000.parquet").write_bytes(b"PAR1 torn")
    commit = next((out / "_commits").glob("*.json"))
    part = json.loads(commit.read_text())["part"]
    commit.unlink()  # the crash came before this part's commit record
    s = batch([str(tree)], out, workers=1)
    assert (s.analysed, s.skipped) == (3, 0)
    assert not list((out / ".tmp").iterdir())
    assert not (out / "quotes" / "part-deadbeef-000000.parquet").exists()
    assert not (out / "works" / f"part-{part}.parquet").exists()
    assert _table(out, "works").num_rows == 3  # no duplicates, nothing torn
    assert len({r["work_key"] for r in _table(out, "quotes").to_pylist()}) == 3


def test_batch_fault_isolation(bad_files, tmp_path):
    out = tmp_path / "out"
    s = batch([str(bad_files)], out, workers=1)
    assert (s.analysed, s.failed, s.exit_code) == (1, 2, 1)
    errors = {Path(r["work_id"]).name: r for r in _table(out, "errors").to_pylist()}
    assert set(errors) == {"cover.png", "broken.txt"}
    assert errors["cover.png"]["stage"] == "decode" and "PNG image" in errors["cover.png"]["reason"]
    assert "cannot decode" in errors["broken.txt"]["reason"]
    again = batch([str(bad_files)], out, workers=1)
    assert (again.analysed, again.previously_failed, again.exit_code) == (0, 2, 1)
    retried = batch([str(bad_files)], out, workers=1, retry_errors=True)
    assert retried.failed == 2


def test_batch_time_limit_makes_an_error_record():
    item = WorkItem(id="long", source="long", text='"Go," said Ann. ' * 20000)
    outcome = analyse(item, AnalysisOptions(time_limit=0.001))
    assert outcome.stage == "timeout" and "time limit" in outcome.error


def test_batch_time_limit_in_a_thread():
    import threading

    result = {}
    item = WorkItem(id="long", source="long", text='"Go," said Ann. ' * 20000)
    t = threading.Thread(target=lambda: result.setdefault("o", analyse(item, AnalysisOptions(time_limit=0.001))))
    t.start()
    t.join()
    assert result["o"].stage == "timeout"


def test_batch_refuses_a_foreign_folder_and_other_options(tree, tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="not empty"):
        batch([str(tree)], foreign, workers=1)
    out = tmp_path / "out"
    batch([str(tree)], out, workers=1)
    with pytest.raises(UsageError, match="other analysis options"):
        batch([str(tree)], out, workers=1, fandom="Sherlock")


def test_batch_without_inputs_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        batch([], tmp_path / "out")


def test_batch_output_is_readable_as_a_dataset(tree, bad_files, tmp_path):
    import pyarrow.dataset as ds

    out = tmp_path / "out"
    batch([str(tree), str(bad_files)], out, workers=2)
    (out / ".tmp" / "leftover").write_bytes(b"junk")  # readers skip dot-folders
    assert ds.dataset(out / "works", format="parquet").to_table().num_rows == 3  # good.txt is storm.txt again
    assert ds.dataset(out / "errors", format="parquet").to_table().num_rows == 2
    assert ds.dataset(out / "relationships", format="parquet").to_table().num_rows >= 1


def test_batch_time_limit_never_leaves_an_import_lock_held():
    """A limit that fires during a lazy import must not hang the next import (it once did, in a thread)."""
    import subprocess
    import sys

    code = (
        "import faulthandler, threading\n"
        "faulthandler.dump_traceback_later(30, exit=True)\n"
        "from ficlens.corpus.work import AnalysisOptions, analyse\n"
        "from ficlens.corpus.sources import WorkItem\n"
        "item = WorkItem(id='long', source='long', text='\"Go,\" said Ann. ' * 20000)\n"
        "stages = [analyse(item, AnalysisOptions(time_limit=0.001)).stage]\n"
        "t = threading.Thread(target=lambda: stages.append(analyse(item, AnalysisOptions(time_limit=0.001)).stage))\n"
        "t.start(); t.join()\n"
        "print(stages)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['timeout', 'timeout']"


def test_batch_missing_input_leaves_no_output(tree, tmp_path):
    from ficlens.errors import InputError

    with pytest.raises(InputError):
        batch([str(tree), str(tmp_path / "missing")], tmp_path / "out", workers=1)
    assert not (tmp_path / "out").exists()


def test_batch_with_fsync_writes_the_same_output(tree, tmp_path):
    plain, synced = tmp_path / "plain", tmp_path / "synced"
    batch([str(tree)], plain, workers=1)
    s = batch([str(tree)], synced, workers=1, fsync=True)
    assert (s.analysed, s.failed) == (3, 0)
    for path in (plain / "json").rglob("*.json"):
        twin = synced / path.relative_to(plain)
        assert json.loads(twin.read_text(encoding="utf-8"))["quotes"] == json.loads(path.read_text(encoding="utf-8"))["quotes"]
    assert not list((synced / ".tmp").iterdir())


def test_an_atomic_write_makes_its_folder_replaces_the_file_and_leaves_no_temporary(tmp_path):
    from ficlens.corpus.store import atomic_write

    (tmp_path / ".tmp").mkdir()
    big = bytes(range(256)) * 4096  # 1 MB, more than one write may take
    atomic_write(tmp_path, "json/ab/work.json", b"old")
    atomic_write(tmp_path, "json/ab/work.json", big, fsync=True)
    assert (tmp_path / "json/ab/work.json").read_bytes() == big
    assert not list((tmp_path / ".tmp").iterdir())
