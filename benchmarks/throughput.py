"""Throughput of `ficlens.analyze` on one core: tokens per second, per-step cost, peak memory.

Usage:
    python benchmarks/throughput.py ../shared/data/litbank/original/*.txt
    python benchmarks/throughput.py --repeat 3 --json FILES...

Runs in this one process (one core). Peak memory is the process's maximum
resident set size (ru_maxrss) after the run, which includes the interpreter and
the libraries (about 40 MB); it is reported with the size of the largest file.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ficlens import analyze_file
from ficlens.tokens import count_tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="analyse every file this many times; the best time counts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--per-file", action="store_true", help="print a line per file")
    args = parser.parse_args(argv)

    total_tokens = 0
    total_seconds = 0.0
    steps: dict[str, float] = defaultdict(float)
    largest = max(args.files, key=lambda p: p.stat().st_size)
    for path in args.files:
        best = None
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            analysis = analyze_file(path)
            elapsed = time.perf_counter() - t0
            if best is None or elapsed < best[0]:
                best = (elapsed, dict(analysis.document.timings))
        tokens = count_tokens(analysis.text)
        total_tokens += tokens
        total_seconds += best[0]
        for k, v in best[1].items():
            steps[k] += v
        if args.per_file:
            print(f"{path.name:<60} {tokens:>9,} tokens {best[0]:7.3f} s {tokens / best[0]:>10,.0f} tok/s", file=sys.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {
        "files": len(args.files),
        "tokens": total_tokens,
        "seconds": round(total_seconds, 3),
        "tokens_per_second": round(total_tokens / total_seconds) if total_seconds else None,
        "peak_rss_mb": round(peak_mb, 1),
        "largest_file_mb": round(largest.stat().st_size / 1e6, 2),
        "step_seconds": {k: round(v, 3) for k, v in steps.items()},
        "step_share": {k: round(v / total_seconds, 3) for k, v in steps.items()} if total_seconds else {},
    }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(f"{report['files']} files, {total_tokens:,} tokens in {total_seconds:.2f} s: "
              f"{report['tokens_per_second']:,} tokens/s on one core; peak RSS {peak_mb:.0f} MB "
              f"(largest file {report['largest_file_mb']} MB)")
        for k, v in sorted(steps.items(), key=lambda kv: -kv[1]):
            print(f"  {k:<14} {v:8.3f} s  {100 * v / total_seconds:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
