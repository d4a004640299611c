"""Index build time and search latency (p50/p95 over 100 queries) of a ficlens library.

Usage:
    python benchmarks/make_corpus.py --works 10000 --format jsonl --out /tmp/fics.jsonl
    python benchmarks/batch_throughput.py /tmp/fics.jsonl --workers 2 --keep   # or: ficlens batch ... --out DIR
    python benchmarks/search_latency.py --build DIR --db /tmp/fics.db          # index a batch output, then query
    python benchmarks/search_latency.py --db /tmp/fics.db                      # query an existing library

The 100 queries are fixed (seeded): single words, two words, phrases, words with
a fandom, relationship, character or category filter, and speaker lines with
and without words; each is timed once on a warm, read-only `Library`, as a web
app would run it (20 results with snippets).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import FANDOMS, LINES, NOUNS, PLACES

from ficlens.corpus import Library, index


def queries(seed: int = 0) -> list[tuple[str, str, dict]]:
    rng = random.Random(seed)
    out: list[tuple[str, str, dict]] = []
    fandoms = list(FANDOMS)
    for i in range(100):
        kind = i % 10
        fandom = rng.choice(fandoms)
        cast = FANDOMS[fandom]
        a, b = rng.sample(cast, 2)
        noun = rng.choice(NOUNS)
        if kind in (0, 1):
            out.append(("search", noun, {}))
        elif kind == 2:
            out.append(("search", f"{noun} {rng.choice(NOUNS)}", {}))
        elif kind == 3:
            out.append(("search", f'"{rng.choice(LINES).format(n=noun).split(",")[0]}"', {}))
        elif kind == 4:
            out.append(("search", noun, {"fandom": fandom}))
        elif kind == 5:
            out.append(("search", rng.choice(PLACES).split()[-1], {"relationship": f"{a[0]}/{b[0]}"}))
        elif kind == 6:
            out.append(("search", noun, {"character": a[0]}))
        elif kind == 7:
            out.append(("search", noun, {"category": rng.choice(["M/M", "F/F", "F/M", "Gen"])}))
        elif kind == 8:
            out.append(("lines", noun, {"speaker": a[0].split()[0]}))
        else:
            out.append(("lines", "", {"speaker": a[0].split()[0], "fandom": fandom}))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--build", nargs="*", help="index these inputs (a batch output folder, or stories) first, into a new --db")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    report: dict = {}
    if args.build:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        t0 = time.perf_counter()
        s = index(args.build, args.db, workers=args.workers)
        report["build"] = {"works": s.indexed, "failed": s.failed, "seconds": round(time.perf_counter() - t0, 2),
                           "db_mb": round(args.db.stat().st_size / 1e6, 1)}  # fmt: skip
    lib = Library(args.db)
    report["works_in_library"] = len(lib)
    times, hits = [], []
    for kind, text, flt in queries():
        t0 = time.perf_counter()
        if kind == "search":
            res = lib.search(text, limit=20, **flt)
        else:
            speaker = flt.pop("speaker")
            res = lib.lines(speaker, text, limit=20, **flt)
        times.append((time.perf_counter() - t0) * 1000)
        hits.append(len(res))
    times.sort()
    report["queries"] = len(times)
    report["latency_ms"] = {"p50": round(statistics.median(times), 2), "p95": round(times[int(0.95 * len(times)) - 1], 2),
                            "max": round(times[-1], 2), "mean": round(statistics.fmean(times), 2)}  # fmt: skip
    report["queries_with_results"] = sum(1 for h in hits if h)
    report["load"] = os.getloadavg()
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
