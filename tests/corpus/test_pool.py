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
