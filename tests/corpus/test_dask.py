import pyarrow.parquet as pq
import pytest

from ficlens.corpus import batch

distributed = pytest.importorskip("distributed")


def test_dask_local_cluster_runs_the_batch(tree, bad_files, tmp_path):
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        s = batch([str(tree), str(bad_files)], out, dask=cluster.scheduler_address, chunk_works=2)
        assert (s.total, s.analysed, s.failed, s.duplicates) == (6, 3, 2, 1)
        again = batch([str(tree)], out, dask=cluster.scheduler_address)
        assert (again.analysed, again.skipped) == (0, 3)
    assert pq.read_table(out / "works").num_rows == 3
    assert pq.read_table(out / "errors").num_rows == 2


def test_dask_unreachable_scheduler_is_a_usage_error(tree, tmp_path):
    import dask

    from ficlens.errors import UsageError

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(UsageError, match="Dask scheduler"):
        batch([str(tree)], tmp_path / "out", dask="tcp://127.0.0.1:9")
