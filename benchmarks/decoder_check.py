"""Check the conversation decoder against scoring every sequence of speakers whole (random
conversations, with ties and narration), and time it for a few sizes.

    python benchmarks/decoder_check.py

The test suite runs a smaller version of the same check (tests/steps/test_conversation.py, whose
scoring by enumeration this uses).
"""

import math
import random
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ficlens.steps import conversation as cv
from tests.steps.test_conversation import by_enumeration, log_potential


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
                scores, want = by_enumeration(em, narrated)
                total += 1
                close = all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(post, want) for x, y in zip(a, b))
                if not close or not math.isclose(log_potential(em, narrated, path), max(scores), rel_tol=1e-12, abs_tol=1e-12):
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
