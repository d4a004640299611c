import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ficlens.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def _run(runner, *args):
    return runner.invoke(main, [str(a) for a in args])


def test_cli_batch_exit_codes(runner, tree, bad_files, tmp_path):
    ok = _run(runner, "batch", tree, "--out", tmp_path / "a", "--workers", "1", "--progress", "log")
    assert ok.exit_code == 0, ok.output
    assert "3 works: 3 analysed, 0 failed" in ok.stdout and "ficlens batch: 3/3 works" in ok.stderr
    bad = _run(runner, "batch", bad_files, "--out", tmp_path / "b", "--workers", "1", "--progress", "none", "--json")
    assert bad.exit_code == 1
    summary = json.loads(bad.stdout)
    assert (summary["analysed"], summary["failed"]) == (1, 2)
    assert "failed: " in bad.stderr and "PNG image" in bad.stderr
    missing = _run(runner, "batch", tmp_path / "nope", "--out", tmp_path / "c")
    assert missing.exit_code == 2 and missing.stderr.startswith("ficlens: error: ")
    roster = _run(runner, "batch", tree, "--out", tmp_path / "d", "--fandom", "No Such Fandom")
    assert roster.exit_code == 2 and "unknown fandom" in roster.stderr


def test_cli_index_and_search(runner, tree, jsonl, tmp_path):
    db = tmp_path / "lib.db"
    r = _run(runner, "index", tree, jsonl, "--db", db, "--workers", "1", "--progress", "none")
    assert r.exit_code == 0, r.output
    assert "5 works: 5 indexed" in r.stdout
    found = _run(runner, "search", "violin", "--db", db)
    assert found.exit_code == 0 and "Storm Warning [101]" in found.stdout and "[violin]" in found.stdout
    data = json.loads(_run(runner, "search", "", "--db", db, "--relationship", "Watson/Holmes", "--json").stdout)
    assert [w["work_id"] for w in data["works"]] == ["101"]
    lines = _run(runner, "search", "", "--db", db, "--speaker", "Cristina", "--category", "F/F")
    [line] = lines.stdout.splitlines()
    assert line.startswith("Kitchen Sink [102] Cristina") and line.endswith(": \u201cYou are my person,\u201d")
    none = _run(runner, "search", "zebra", "--db", db)
    assert none.exit_code == 0 and none.stdout == "" and "no match" in none.stderr


def test_cli_search_without_a_library(runner, tmp_path):
    r = _run(runner, "search", "x", "--db", tmp_path / "missing.db")
    assert r.exit_code == 2 and "no such library" in r.stderr


def test_cli_corpus_commands_have_help(runner):
    for cmd in ("batch", "index", "search"):
        r = _run(runner, cmd, "--help")
        assert r.exit_code == 0 and "Usage:" in r.stdout


def test_cli_batch_dask_local(runner, tree, tmp_path):
    r = _run(runner, "batch", tree, "--out", tmp_path / "out", "--dask", "local", "--workers", "1", "--progress", "none")
    assert r.exit_code == 0, r.output
    assert pq.read_table(tmp_path / "out" / "works").num_rows == 3


def test_cli_batch_survives_kill_9(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(120):
        (src / f"{i:03d}.txt").write_text("".join(f'"Line {i} {j}," said Ann.\n\nBob nodded.\n\n' for j in range(150)))
    out = tmp_path / "out"
    code = f"from ficlens.corpus import batch; batch([{str(src)!r}], {str(out)!r}, workers=2, chunk_works=3)"
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True, cwd=Path(__file__).parents[2])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((out / "_commits").glob("*.json"))) < 3:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # a part counts once its commit record is written (a part written just before the kill is redone)
    committed = sum(len(json.loads(p.read_text())["ok"]) for p in (out / "_commits").glob("*.json"))
    assert 0 < committed < 120, "the run was killed mid-way"
    from ficlens.corpus import batch

    s = batch([str(src)], out, workers=2)
    assert s.skipped == committed and s.analysed == 120 - committed
    works = pq.read_table(out / "works").to_pylist()
    assert len(works) == 120 and len({w["work_key"] for w in works}) == 120
    for w in works:
        json.loads((out / w["json_path"]).read_text(encoding="utf-8"))
    assert pq.read_table(out / "quotes").num_rows > 0
