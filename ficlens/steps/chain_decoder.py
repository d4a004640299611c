"""The conversation decoder: forward-backward and Viterbi over pairs of speakers.

A conversation's turns form a chain whose state at turn t is the pair (b, c): b spoke turn
t - 1 and c speaks turn t, stored at ``b * k + c`` in flat lists of floats. ``e[t][c]`` is
the potential of c's speaking turn t (its evidence, exponentiated). A transition from
(a, b) to (b, c) has one of three potentials (their logs are `conversation._repeat` and `RETURN`):
``repeat[t]`` when the same person speaks again (c == b), ``back`` when the turn goes back
to the speaker of two turns before (c == a != b), and 1 otherwise. So a step sums over the
previous speaker once per b, and costs k * k rather than k * k * k; the compiled build turns
these loops into C arithmetic on a conversation's few candidates.
"""

from __future__ import annotations


def posteriors(e: list[list[float]], repeat: list[float], back: float) -> list[list[float]]:
    """Each turn's probability of each candidate's speaking it, given the whole conversation
    (forward-backward, each step rescaled). Needs two turns or more and two candidates or more."""
    n, k = len(e), len(e[0])
    alpha = [_scaled(_first_step(e, repeat[1], k))]  # alpha[t - 1]: turn t's pairs given the turns up to t
    for t in range(2, n):
        alpha.append(_forward(alpha[-1], e[t], repeat[t], back, k))
    # beta[t - 1]: the evidence after turn t given its pair, rescaled; 1 at the last turn
    beta = [[1.0] * (k * k) for _ in range(n - 1)]
    for t in range(n - 2, 0, -1):
        beta[t - 1] = _backward(beta[t], e[t + 1], repeat[t + 1], back, k)
    post = [_scaled(_marginal(alpha[0], beta[0], k, True))]  # turn 0's b, summed over turn 1's c
    for t in range(1, n):
        post.append(_scaled(_marginal(alpha[t - 1], beta[t - 1], k, False)))  # turn t's c, summed over its b
    return post


def best_path(e: list[list[float]], repeat: list[float], back: float) -> list[int]:
    """The likeliest whole sequence of speakers (Viterbi; of equal scores, the lowest
    previous speaker). Needs two turns or more and two candidates or more."""
    n, k = len(e), len(e[0])
    score = _first_step(e, repeat[1], k)
    score = _divided(score, score[_first_largest(score)])
    pointers: list[list[int]] = []
    for t in range(2, n):
        score, came_from = _best_step(score, e[t], repeat[t], back, k)
        pointers.append(came_from)
    i = _first_largest(score)
    path = [i % k, i // k]  # backwards: this turn's speaker, then the one before
    for t in range(n - 3, -1, -1):
        path.append(pointers[t][path[-1] * k + path[-2]])
    return path[::-1]


# The steps below are index loops over flat lists: compiled, their arithmetic runs on C doubles.
# Sums run left to right, as `sum` does on Python 3.11, so the figures are the same to the bit.


def _first_step(e: list[list[float]], repeat: float, k: int) -> list[float]:
    """The pairs of the first two turns' speakers (no turn before them to go back to)."""
    e0, e1 = e[0], e[1]
    out = [0.0] * (k * k)
    for b in range(k):
        eb = e0[b]
        for c in range(k):
            out[b * k + c] = eb * repeat * e1[b] if c == b else eb * e1[c]
    return out


def _forward(alpha: list[float], e: list[float], repeat: float, back: float, k: int) -> list[float]:
    """alpha'[b, c] = sum over a of alpha[a, b] * transition(a, b, c), times e[c]; rescaled."""
    out = [0.0] * (k * k)
    more = back - 1.0
    for b in range(k):
        total = 0.0  # the sum over a of alpha[a, b]
        for a in range(k):
            total += alpha[a * k + b]
        for c in range(k):
            if c == b:
                out[b * k + c] = repeat * total * e[b]
            else:
                out[b * k + c] = (total + more * alpha[c * k + b]) * e[c]
    return _scaled(out)


def _backward(beta: list[float], e: list[float], repeat: float, back: float, k: int) -> list[float]:
    """beta'[b, c] = sum over d of transition(b, c, d) * e[d] * beta[c, d]; rescaled."""
    more, same = back - 1.0, repeat - 1.0
    vs = [0.0] * (k * k)  # vs[c * k + d] = e[d] * beta[c, d]
    bases = [0.0] * k  # bases[c]: beta'[c, c], and beta'[b, c] but for going back to b
    for c in range(k):
        total = 0.0
        for d in range(k):
            v = e[d] * beta[c * k + d]
            vs[c * k + d] = v
            total += v
        bases[c] = total + same * vs[c * k + c]
    out = [0.0] * (k * k)
    for b in range(k):
        for c in range(k):
            out[b * k + c] = bases[c] if c == b else bases[c] + more * vs[c * k + b]
    return _scaled(out)


def _marginal(alpha: list[float], beta: list[float], k: int, first: bool) -> list[float]:
    """The pairs' alpha * beta summed to one speaker: the first of the pair (``first``), else the second."""
    out = [0.0] * k
    for i in range(k):
        total = 0.0
        for j in range(k):
            at = i * k + j if first else j * k + i
            total += alpha[at] * beta[at]
        out[i] = total
    return out


def _best_step(score: list[float], e: list[float], repeat: float, back: float, k: int) -> tuple[list[float], list[int]]:
    """score'[b, c] = the best over a of score[a, b] * transition(a, b, c), times e[c]; rescaled;
    and the a that gave it."""
    out = [0.0] * (k * k)
    came_from = [0] * (k * k)
    for b in range(k):
        # the best and second best a of score[a, b], each the first of equals
        top, top_at, second, second_at = -1.0, 0, -1.0, 0
        for a in range(k):
            x = score[a * k + b]
            if x > top:
                second, second_at = top, top_at
                top, top_at = x, a
            elif x > second:
                second, second_at = x, a
        for c in range(k):
            if c == b:
                best, at = repeat * top, top_at
            else:
                best, at = (top, top_at) if top_at != c else (second, second_at)
                returning = back * score[c * k + b]
                if returning > best or (returning == best and c < at):
                    best, at = returning, c
            out[b * k + c] = best * e[c]
            came_from[b * k + c] = at
    return _divided(out, out[_first_largest(out)]), came_from


def _scaled(xs: list[float]) -> list[float]:
    """``xs`` over their sum."""
    total = 0.0
    for x in xs:
        total += x
    return _divided(xs, total)


def _first_largest(xs: list[float]) -> int:
    """Where the largest of ``xs`` is, the first of equals (as ``xs.index(max(xs))``)."""
    at = 0
    for i in range(1, len(xs)):
        if xs[i] > xs[at]:
            at = i
    return at


def _divided(xs: list[float], s: float) -> list[float]:
    return [x / s for x in xs]
