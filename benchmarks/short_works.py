"""Cost of each analysis step on short works, in CPU milliseconds per work.

    python benchmarks/make_corpus.py --works 10000 --format jsonl --out /tmp/fics.jsonl
    python benchmarks/short_works.py /tmp/fics.jsonl --works 400

Works go through the batch's own per-work path (`ficlens.corpus.work.analyse`), so the figures
add up to what `ficlens batch` spends on analysis; the first 20 works warm the caches and are
not counted. Steps are timed in CPU time too, so another job on the machine does not inflate them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout, not an installed copy

from ficlens import pipeline
from ficlens.corpus.batch import load_options
from ficlens.corpus.sources import iter_works
from ficlens.corpus.work import analyse

_WARM_UP = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a JSONL corpus, e.g. from benchmarks/make_corpus.py")
    parser.add_argument("--works", type=int, default=400)
    args = parser.parse_args()

    items = []
    for item in iter_works([args.corpus]):
        items.append(item)
        if len(items) >= args.works + _WARM_UP:
            break
    options = load_options()
    for item in items[:_WARM_UP]:
        analyse(item, options)

    per_step: Counter = Counter()
    original = list(pipeline.STEPS)

    def timed(name, step):
        def run(doc):
            c0 = time.process_time()
            step(doc)
            per_step[name] += time.process_time() - c0

        return run

    pipeline.STEPS[:] = [(name, timed(name, step)) for name, step in original]
    counted = items[_WARM_UP:]
    start = time.process_time()
    for item in counted:
        analyse(item, options)
    total = time.process_time() - start
    pipeline.STEPS[:] = original

    n = len(counted)
    print(f"{n} works: {1000 * total / n:.2f} ms of CPU per work")
    for step, seconds in per_step.most_common():
        print(f"  {step:<14} {1000 * seconds / n:.2f} ms")
    print(f"  {'(outside steps)':<14} {1000 * (total - sum(per_step.values())) / n:.2f} ms")


if __name__ == "__main__":
    main()
