"""The conversation decoder for a few candidates, on Python floats.

NumPy's overhead per call dominated on a conversation's tiny arrays. Here the steps of
each recursion are written out as straight-line Python for the given number of candidates
and transition potentials (`kernels`), doing NumPy's operations in NumPy's order, so both
paths give the same bits (benchmarks/decode_small_check.py, tests/steps/test_conversation.py).
The generated code is built from numbers only, never from the text being read.
"""

from __future__ import annotations

import numpy as np


def _np_sum(terms: list[str]) -> str:
    """An expression adding ``terms`` as ``np.sum`` does a contiguous float64 array of fewer
    than 128 values: in turn under 8, else pairwise over eight running sums, then the rest."""
    n = len(terms)
    if n < 8:
        return "(" + " + ".join(terms) + ")"
    end = n - n % 8
    r = ["(" + " + ".join(terms[j:end:8]) + ")" for j in range(8)]
    head = f"((({r[0]} + {r[1]}) + ({r[2]} + {r[3]})) + (({r[4]} + {r[5]}) + ({r[6]} + {r[7]})))"
    return "(" + " + ".join([head] + terms[end:]) + ")"


def _pairwise_sum(xs: list[float]) -> float:
    """The value of `_np_sum`'s expression, for a list."""
    n = len(xs)
    end = n - n % 8 if n >= 8 else 0
    r = [xs[j:end:8] for j in range(8)] if end else []
    s = -0.0
    if r:
        acc = []
        for part in r:
            a = part[0]
            for x in part[1:]:
                a += x
            acc.append(a)
        s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
    for x in xs[end:]:
        s += x
    return s


def _times(x: str, w: float) -> str:
    return x if w == 1.0 else f"{x} * {w!r}"


def kernels(trans: list, first_step: list):
    """One step of the forward, backward and Viterbi recursions over flat k*k lists, for the
    transition potentials ``trans[a][b][c]``, as Python functions; the posteriors; the first
    step's potentials."""
    k = len(first_step)
    ks = range(k)
    xs = ", ".join(f"x{i}" for i in range(k * k)) + ","
    es = ", ".join(f"e{i}" for i in ks) + ","
    ys = [f"y{b}{c}" for b in ks for c in ks]
    head = f"(x, e):\n    {xs} = x\n    {es} = e"
    rescaled = f"    s = {_np_sum(ys)}\n    return [{', '.join(f'{y} / s' for y in ys)}]"
    # forward: einsum("ab,abc->bc", alpha, trans) * e, summed over a in turn; then rescaled
    fwd = ["def fwd" + head]
    for b in ks:
        for c in ks:
            fwd.append(f"    y{b}{c} = ({' + '.join(_times(f'x{a * k + b}', trans[a][b][c]) for a in ks)}) * e{c}")
    fwd.append(rescaled)
    # backward: einsum("bcd,cd->bc", trans, e * beta), even and odd d apart; then rescaled
    bwd = ["def bwd" + head]
    for c in ks:
        for d in ks:
            bwd.append(f"    v{c}{d} = e{d} * x{c * k + d}")
    for b in ks:
        for c in ks:
            even = " + ".join(_times(f"v{c}{d}", trans[b][c][d]) for d in range(0, k, 2))
            odd = " + ".join(_times(f"v{c}{d}", trans[b][c][d]) for d in range(1, k, 2))
            bwd.append(f"    y{b}{c} = ({even}) + ({odd})")
    bwd.append(rescaled)
    # Viterbi: best over a of score[a, b] * trans[a, b, c] (first of equals), times e; rescaled
    vit = ["def vit" + head]
    for b in ks:
        for c in ks:
            vit.append(f"    m = {_times(f'x{b}', trans[0][b][c])}\n    w{b}{c} = 0")
            for a in range(1, k):
                vit.append(f"    v = {_times(f'x{a * k + b}', trans[a][b][c])}")
                vit.append(f"    if v > m:\n        m = v\n        w{b}{c} = {a}")
            vit.append(f"    y{b}{c} = m * e{c}")
    vit.append(f"    s = max({', '.join(ys)})")
    vit.append(f"    return [{', '.join(f'{y} / s' for y in ys)}], [{', '.join(f'w{b}{c}' for b in ks for c in ks)}]")
    # posterior of the current speaker: (alpha * beta).sum(axis=0), in turn over b; normalised
    ys = [f"y{c}" for c in ks]
    post = [f"def post(x, z):\n    {xs} = x\n    {xs.replace('x', 'z')} = z"]
    for c in ks:
        post.append(f"    y{c} = {' + '.join(f'x{b * k + c} * z{b * k + c}' for b in ks)}")
    post.append(f"    s = {' + '.join(ys)}\n    return [{', '.join(f'{y} / s' for y in ys)}]")
    # ... and of the previous one, for the first turn: .sum(axis=1), in turn over c
    post.append(f"def first(x, z):\n    {xs} = x\n    {xs.replace('x', 'z')} = z")
    for b in ks:
        post.append(f"    y{b} = {' + '.join(f'x{b * k + c} * z{b * k + c}' for c in ks)}")
    post.append(f"    s = {' + '.join(ys)}\n    return [{', '.join(f'{y} / s' for y in ys)}]")
    scope: dict = {}
    exec("\n".join(fwd + bwd + vit + post), scope)  # noqa: S102 (code built from numbers alone)
    return scope["fwd"], scope["bwd"], scope["vit"], scope["post"], scope["first"], first_step


def decode_small(e: list[list[float]], kernels: list, first_step: list[list[float]]) -> tuple[list[int], np.ndarray]:
    """`decode` and `_viterbi` for a few candidates; ``kernels[t]`` are the steps into turn t."""
    n, k = len(e), len(e[0])
    ks = range(k)
    e0, e1 = e[0], e[1]
    start = [e0[b] * first_step[b][c] * e1[c] for b in ks for c in ks]
    s = _pairwise_sum(start)
    alpha: list[list[float] | None] = [None] * n
    alpha[1] = [x / s for x in start]
    for t in range(2, n):
        alpha[t] = kernels[t][0](alpha[t - 1], e[t])
    beta: list[list[float] | None] = [None] * n
    beta[n - 1] = [1.0] * (k * k)
    for t in range(n - 2, 0, -1):
        beta[t] = kernels[t + 1][1](beta[t + 1], e[t + 1])
    post = [kernels[1][4](alpha[1], beta[1])]
    step = kernels[1][3]
    post += [step(alpha[t], beta[t]) for t in range(1, n)]
    return _viterbi(e, kernels, start), np.array(post)


def viterbi_small(e: list[list[float]], kernels: list, first_step: list[list[float]]) -> list[int]:
    """The path of `decode_small`, without the posteriors."""
    k = len(e[0])
    e0, e1 = e[0], e[1]
    return _viterbi(e, kernels, [e0[b] * first_step[b][c] * e1[c] for b in range(k) for c in range(k)])


def _viterbi(e: list[list[float]], kernels: list, start: list[float]) -> list[int]:
    n, k = len(e), len(e[0])
    mx = max(start)
    score = [x / mx for x in start]
    back = []
    for t in range(2, n):
        score, w = kernels[t][2](score, e[t])
        back.append(w)
    i = score.index(max(score))
    path = [i % k, i // k]
    for t in range(n - 3, -1, -1):
        path.append(back[t][path[-1] * k + path[-2]])
    return path[::-1]
