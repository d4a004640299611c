"""Check that the conversation decoder's plain-Python path for a few candidates gives the same
bits as its NumPy path (random emissions, with ties and narration), and time the two.

    python benchmarks/decode_small_check.py
"""
import sys
import timeit
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ficlens.steps import conversation as cv  # noqa: E402


def both(em, narrated):
    small = cv._SMALL_K
    try:
        cv._SMALL_K = 0
        slow = cv.decode(em, narrated)
    finally:
        cv._SMALL_K = small
    return slow, cv.decode(em, narrated)


def main() -> None:
    rng = np.random.default_rng(5)
    bad = total = 0
    for k in range(2, cv._SMALL_K + 1):
        for n in range(2, 14):
            for _ in range(150):
                em = rng.normal(size=(n, k)) * rng.choice([0.5, 2, 6])
                if rng.random() < 0.3:
                    em = np.round(em)  # ties
                narrated = [bool(x) for x in rng.random(n) < 0.3]
                (p1, q1), (p2, q2) = both(em, narrated)
                total += 1
                if p1 != p2 or q1.shape != q2.shape or not np.array_equal(q1, q2):
                    bad += 1
    print(f"{bad} of {total} decodings differ")
    for n, k in [(2, 4), (3, 3), (4, 4), (5, 4), (8, 5), (10, 4), (30, 5)]:
        em = rng.normal(size=(n, k))
        narrated = ([False, False, True] * n)[:n]
        times = []
        for small in (0, cv._SMALL_K):
            cv._SMALL_K, keep = small, cv._SMALL_K
            times.append(min(timeit.repeat(lambda: cv.decode(em, narrated), number=300, repeat=3)) / 300 * 1e6)
            cv._SMALL_K = keep
        print(f"{n:3} turns x {k} candidates: NumPy {times[0]:6.1f} us, Python {times[1]:6.1f} us")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
