"""Running the chunks of a batch on a Dask distributed cluster.

The client streams chunks to the cluster with a bounded number in flight (two
per worker thread), so neither the client nor the scheduler ever holds the
corpus. Each task runs `ficlens.corpus.job.run_chunk` on a worker, which writes
its JSON and its Parquet part straight to the output folder: that folder must be
on a file system every worker sees (NFS, Lustre, a shared disk), under the same
path. A task returns only counts. A task that fails outright (a worker killed
twice, a lost connection) has its works recorded as failed, and the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

from ficlens.corpus.job import Chunk
from ficlens.errors import UsageError


def open_client(address: Any, workers: int | None):
    """A Dask client: ``"local"`` starts a LocalCluster; an address connects; a Client is used as it is.

    Returns ``(client, owned)``; the caller closes what it owns.
    """
    from distributed import Client, LocalCluster

    if isinstance(address, Client):
        return address, []
    if address == "local":
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        return client, [client, cluster]
    try:
        client = Client(address)  # waits distributed.comm.timeouts.connect (30 s by default)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot connect to the Dask scheduler at {address} ({exc})") from None
    return client, [client]


def run_dask(
    chunks: Iterator[Chunk],
    task: Callable[..., Any],
    context: Any,
    address: Any,
    workers: int | None,
    on_chunk: Callable[[Chunk, Any], None],
    on_lost: Callable[[Chunk, str, str], None],
) -> None:
    """Run ``task(chunk, context, None)`` for every chunk on the cluster at ``address``."""
    from distributed import as_completed

    client, owned = open_client(address, workers)
    try:
        slots = max(1, sum(client.nthreads().values()))
        source = iter(chunks)
        pending: dict[Any, Chunk] = {}
        done = as_completed()

        def submit() -> bool:
            chunk = next(source, None)
            if chunk is None:
                return False
            future = client.submit(task, chunk, context, None, pure=False, key=f"ficlens-{chunk.part}")
            pending[future] = chunk
            done.add(future)
            return True

        for _ in range(2 * slots):
            if not submit():
                break
        for future in done:
            chunk = pending.pop(future)
            try:
                result = future.result()
            except Exception as exc:
                on_lost(chunk, f"the cluster could not run this chunk ({type(exc).__name__}: {exc})", "worker")
            else:
                on_chunk(chunk, result)
            future.release()
            submit()
    finally:
        for obj in owned:
            obj.close()
