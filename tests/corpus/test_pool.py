from ficlens.corpus.job import Chunk
from ficlens.corpus.pool import run_local
from ficlens.corpus.sources import WorkItem
from tests.corpus import helpers


def _chunk(part, *ids):
    return Chunk(part, [WorkItem(id=i, source=i) for i in ids])


def _run(chunks, task, stall=None, workers=1):
    seen, results, lost = [], [], []
    run_local(iter(chunks), task, None, workers, seen.append, lambda c, r: results.append(r),
              lambda c, reason, stage: lost.append(([i.id for i in c.items], stage, reason)), stall)
    return seen, results, lost


def test_pool_dead_worker_loses_only_its_work():
    _, results, lost = _run([_chunk("a", "1", "2-boom", "3"), _chunk("b", "4")], helpers.crash_on_boom, workers=2)
    assert [(ids, stage) for ids, stage, _ in lost] == [(["2-boom"], "worker")]
    assert "died" in lost[0][2]
    assert sorted(x for r in results for x in r) == ["1", "3", "4"]


def test_pool_stalled_worker_is_killed_and_replaced():
    _, results, lost = _run([_chunk("a", "x-hang", "y")], helpers.crash_on_boom, stall=1.0)
    assert lost == [(["x-hang"], "timeout", lost[0][2])]
    assert results == [["y"]]


def test_pool_task_that_raises_fails_its_chunk():
    _, _, lost = _run([_chunk("a", "1", "2")], helpers.raise_always)
    assert lost and lost[0][0] == ["1", "2"] and "disk full" in lost[0][2]


def test_pool_every_report_arrives_in_order():
    seen, results, lost = _run([_chunk("a", *map(str, range(50))), _chunk("b", "50", "51")], helpers.crash_on_boom)
    assert seen == [str(i) for i in range(52)] and not lost
    assert results == [[str(i) for i in range(50)], ["50", "51"]]


class _Conn:
    def __init__(self):
        self.sent = []

    def send(self, message):
        self.sent.append(message)


def test_pool_reports_are_counted_at_once_and_sent_in_batches(monkeypatch):
    import ctypes

    from ficlens.corpus import pool

    monkeypatch.setattr(pool, "REPORT_EVERY", 3600.0)
    conn, done = _Conn(), ctypes.c_longlong(0)
    reports = pool._Reports(conn, done)
    for i in range(100):
        reports(i)
    assert done.value == 100 and conn.sent == []  # within REPORT_EVERY: counted, not sent
    monkeypatch.setattr(pool, "REPORT_EVERY", 0.0)
    reports(100)
    assert conn.sent == [("work", list(range(101)), None)]
    reports.send("chunk", "result")
    assert conn.sent[-1] == ("chunk", [], "result") and done.value == 101


def test_pool_reads_the_next_chunk_while_the_workers_are_busy():
    pulled, pulled_when_done = [], []

    def chunks():
        for part in "abc":
            pulled.append(part)
            yield _chunk(part, part + "1")

    run_local(chunks(), helpers.crash_on_boom, None, 1, lambda r: None,
              lambda c, r: pulled_when_done.append((c.part, list(pulled))), lambda *a: None)  # fmt: skip
    assert pulled_when_done == [("a", ["a", "b"]), ("b", ["a", "b", "c"]), ("c", ["a", "b", "c"])]


def test_pool_workers_collect_young_objects_less_often():
    from ficlens.corpus.pool import YOUNG_COLLECTION

    _, results, _ = _run([_chunk("a", "1")], helpers.collector_thresholds)
    assert results[0][0] == YOUNG_COLLECTION > 700


def test_pool_workers_import_the_parents_ficlens_whatever_the_working_folder(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    import ficlens

    (tmp_path / "ficlens").mkdir()
    (tmp_path / "ficlens" / "__init__.py").write_text("# another ficlens, in the working folder\n")
    root = Path(ficlens.__file__).resolve().parent.parent
    script = tmp_path / "run.py"
    script.write_text(
        f"import sys\nsys.path.insert(0, {str(root)!r})\n"
        "from ficlens.corpus.job import Chunk\nfrom ficlens.corpus.pool import run_local\n"
        "from ficlens.corpus.sources import WorkItem\nfrom tests.corpus import helpers\n"
        "if __name__ == '__main__':\n"
        "    out = []\n"
        "    run_local(iter([Chunk('a', [WorkItem(id='1', source='1')])]), helpers.where_ficlens_is, None, 1,\n"
        "              lambda r: None, lambda c, r: out.extend(r), lambda c, reason, stage: out.append(reason), None)\n"
        "    print(out[0])\n"
    )
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ficlens.__file__
