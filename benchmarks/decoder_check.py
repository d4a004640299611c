"""Check the conversation decoder against scoring every sequence of speakers whole (random
conversations, with ties and narration), and time it for a few sizes.

    python benchmarks/decoder_check.py

The test suite runs a smaller version of the same check (tests/steps/test_conversation.py).
"""

import itertools
import math
import random
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ficlens.steps import conversation as cv


def score(em, narrated, path):
    s = sum(em[t][c] for t, c in enumerate(path))
    for t in range(1, len(path)):
        if path[t] == path[t - 1]:
            s += cv._repeat(narrated[t])
        elif t >= 2 and path[t] == path[t - 2]:
            s += cv.RETURN
    return s


def enumerated(em, narrated):
    n, k = len(em), len(em[0])
    paths = list(itertools.product(range(k), repeat=n))
    scores = [score(em, narrated, p) for p in paths]
    top = max(scores)
    post = [[0.0] * k for _ in range(n)]
    for p, s in zip(paths, scores):
        for t, c in enumerate(p):
            post[t][c] += math.exp(s - top)
    return top, [[x / sum(row) for x in row] for row in post]


def main() -> None:
    rng = random.Random(5)
    kinds = [cv.PLAIN, cv.NARRATED, cv.BARE]
    bad = total = 0
    for k in range(2, 7):
        for n in range(2, 8):
            for _ in range(40):
                em = [[rng.gauss(0, 1) * rng.choice([0.5, 2, 6]) for _ in range(k)] for _ in range(n)]
                if rng.random() < 0.3:
                    em = [[float(round(x)) for x in row] for row in em]  # ties
                narrated = rng.choices(kinds, k=n)
                path, post = cv.decode(em, narrated)
                best, want = enumerated(em, narrated)
                total += 1
                close = all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(post, want) for x, y in zip(a, b))
                if not close or not math.isclose(score(em, narrated, path), best, rel_tol=1e-12, abs_tol=1e-12):
                    bad += 1
    print(f"{bad} of {total} decodings disagree with scoring every sequence")
    for n, k in [(2, 4), (3, 3), (4, 4), (5, 4), (8, 5), (10, 4), (30, 5), (30, 9)]:
        em = [[rng.gauss(0, 1) for _ in range(k)] for _ in range(n)]
        narrated = ([cv.PLAIN, cv.PLAIN, cv.NARRATED] * n)[:n]
        t = min(timeit.repeat(lambda em=em, narrated=narrated: cv.decode(em, narrated), number=300, repeat=3)) / 300 * 1e6
        print(f"{n:3} turns x {k} candidates: {t:7.1f} us")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
