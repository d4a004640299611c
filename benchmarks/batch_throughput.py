"""End-to-end throughput of `ficlens batch` (JSON and Parquet included) with 1, 2, ... workers.

Usage:
    python benchmarks/batch_throughput.py ../shared/data/litbank/original --workers 1 2
    python benchmarks/make_corpus.py --works 10000 --format jsonl --out /tmp/fics.jsonl
    python benchmarks/batch_throughput.py /tmp/fics.jsonl --workers 2

Each run writes into a fresh temporary folder (deleted afterwards unless --keep)
and counts everything the command does: reading, hashing, analysing, writing
one JSON per work and the Parquet parts. First it measures how N processes of
plain Python arithmetic scale on the machine at that moment (other processes,
shared or SMT cores lower it): the ceiling for the batch's scaling. Scaling is the rate with N workers
over the rate with the fewest workers measured. "per worker-CPU s" divides by the
CPU time the workers' threads used (analysis, JSON and Parquet; not the parent's
reading), which other processes on the machine do not change; "worker CPU share"
is that CPU time over N x the wall time: below 1.0, the workers waited. It is the
product of "busy share" (the share of the run each worker had a chunk: below 1.0,
it waited for the parent or idled in the run's tail) and "CPU while busy" (the CPU
a busy worker got: below 1.0, other processes held the cores).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

_CHECKOUT = str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, _CHECKOUT)

from ficlens.corpus import batch


def _spin(seconds: float) -> int:
    """Pure-Python work for ``seconds``: the machine's own parallel capacity, without ficlens."""
    end, n = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        n += sum(i * i for i in range(200)) > 0
    return n


def machine_scaling(workers: list[int], seconds: float = 3.0) -> dict[int, float]:
    """Aggregate rate of N processes spinning at once, over one process's rate."""
    import multiprocessing

    rates = {}
    for n in workers:
        with multiprocessing.get_context("spawn").Pool(n) as pool:
            rates[n] = sum(pool.map(_spin, [seconds] * n)) / seconds
    base = rates[workers[0]]
    return {n: round(r / base, 2) for n, r in rates.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", help="run on this Dask scheduler (or `local`) instead of local processes")
    parser.add_argument("--keep", action="store_true", help="keep the output folders")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-machine-check", action="store_true", help="skip measuring how N plain processes scale")
    args = parser.parse_args(argv)
    # The workers are new interpreters (forkserver) whose sys.path starts with the working folder, not the
    # parent's sys.path: run them in this checkout, or they import the ficlens of wherever the command ran.
    args.inputs = [os.path.abspath(p) for p in args.inputs]
    os.chdir(_CHECKOUT)
    machine = None if args.no_machine_check else machine_scaling(args.workers)

    rows = []
    for n in args.workers:
        out = Path(tempfile.mkdtemp(prefix=f"ficlens-batch-{n}w-"))
        shutil.rmtree(out)
        t0 = time.perf_counter()
        s = batch(args.inputs, out, workers=n, dask=args.dask)
        seconds = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
        rows.append({
            "workers": n, "works": s.analysed, "failed": s.failed, "tokens": s.tokens, "seconds": round(seconds, 2),
            "works_per_second": round(s.analysed / seconds, 1), "tokens_per_second": round(s.tokens / seconds),
            "output_mb": round(size / 1e6, 1), "worker_cpu_seconds": round(s.cpu_seconds, 2),
            "tokens_per_cpu_second": round(s.tokens / s.cpu_seconds) if s.cpu_seconds else None,
            "works_per_cpu_second": round(s.analysed / s.cpu_seconds, 1) if s.cpu_seconds else None,
            "worker_utilization": round(s.cpu_seconds / (n * seconds), 2),  # share of N cores the workers got
            "busy_share": round(s.busy_seconds / (n * seconds), 2),  # share of the run the workers had a chunk
            "cpu_while_busy": round(s.cpu_seconds / s.busy_seconds, 2) if s.busy_seconds else None,  # < 1: cores taken by others
            "load_after": [round(x, 2) for x in os.getloadavg()],
        })  # fmt: skip
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    base = rows[0]
    for r in rows:
        r["scaling"] = round(r["tokens_per_second"] / base["tokens_per_second"], 2) if base["tokens_per_second"] else None
    if args.json:
        print(json.dumps({"cores": os.cpu_count(), "load": os.getloadavg(), "machine_scaling": machine, "runs": rows}, indent=1))
    else:
        print(f"| workers | works | tokens | seconds | works/s | tokens/s | scaling | per worker-CPU s: works, tokens | busy share | CPU while busy | output MB | load |   ({os.cpu_count()} cores)")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['workers']} | {r['works']:,} | {r['tokens']:,} | {r['seconds']} | {r['works_per_second']:,} | "
                  f"{r['tokens_per_second']:,} | {r['scaling']}x | {r['works_per_cpu_second']}, {r['tokens_per_cpu_second']:,} | "
                  f"{r['busy_share']} | {r['cpu_while_busy']} | {r['output_mb']} | {r['load_after'][0]} |")  # fmt: skip
        if machine:
            print(f"\nN plain Python processes at once scale {machine} on this machine now (the ceiling for the above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
