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
    start = _first_step(e, repeat[1], k)
    alpha = [_scaled(start, sum(start))]  # alpha[t - 1]: turn t's pairs given the turns up to t
    for t in range(2, n):
        alpha.append(_forward(alpha[-1], e[t], repeat[t], back, k))
    # beta[t - 1]: the evidence after turn t given its pair, rescaled; 1 at the last turn
    beta = [[1.0] * (k * k) for _ in range(n - 1)]
    for t in range(n - 2, 0, -1):
        beta[t - 1] = _backward(beta[t], e[t + 1], repeat[t + 1], back, k)
    both = [x * y for x, y in zip(alpha[0], beta[0])]
    first = [sum(both[b * k : b * k + k]) for b in range(k)]  # turn 0's b, summed over turn 1's c
    post = [_scaled(first, sum(first))]
    for t in range(1, n):
        both = [x * y for x, y in zip(alpha[t - 1], beta[t - 1])]
        now = [sum(both[c::k]) for c in range(k)]  # turn t's c, summed over turn t - 1's b
        post.append(_scaled(now, sum(now)))
    return post


def best_path(e: list[list[float]], repeat: list[float], back: float) -> list[int]:
    """The likeliest whole sequence of speakers (Viterbi; of equal scores, the lowest
    previous speaker). Needs two turns or more and two candidates or more."""
    n, k = len(e), len(e[0])
    score = _first_step(e, repeat[1], k)
    score = _scaled(score, max(score))
    pointers: list[list[int]] = []
    for t in range(2, n):
        score, came_from = _best_step(score, e[t], repeat[t], back, k)
        pointers.append(came_from)
    i = score.index(max(score))
    path = [i % k, i // k]  # backwards: this turn's speaker, then the one before
    for t in range(n - 3, -1, -1):
        path.append(pointers[t][path[-1] * k + path[-2]])
    return path[::-1]


def _first_step(e: list[list[float]], repeat: float, k: int) -> list[float]:
    """The pairs of the first two turns' speakers (no turn before them to go back to)."""
    out: list[float] = []
    for b, eb in enumerate(e[0]):
        row = [eb * ec for ec in e[1]]
        row[b] = eb * repeat * e[1][b]
        out += row
    return out


def _forward(alpha: list[float], e: list[float], repeat: float, back: float, k: int) -> list[float]:
    """alpha'[b, c] = sum over a of alpha[a, b] * transition(a, b, c), times e[c]; rescaled."""
    out: list[float] = []
    more = back - 1.0
    for b in range(k):
        came = alpha[b::k]  # alpha[a, b] for each a
        total = sum(came)
        row = [(total + more * x) * ec for x, ec in zip(came, e)]
        row[b] = repeat * total * e[b]
        out += row
    return _scaled(out, sum(out))


def _backward(beta: list[float], e: list[float], repeat: float, back: float, k: int) -> list[float]:
    """beta'[b, c] = sum over d of transition(b, c, d) * e[d] * beta[c, d]; rescaled."""
    more, same = back - 1.0, repeat - 1.0
    vs = []  # vs[c][d] = e[d] * beta[c, d]
    bases = []  # bases[c]: beta'[c, c], and beta'[b, c] but for going back to b
    for c in range(k):
        v = [ed * x for ed, x in zip(e, beta[c * k : c * k + k])]
        vs.append(v)
        bases.append(sum(v) + same * v[c])
    out: list[float] = []
    for b in range(k):
        row = [base + more * v[b] for base, v in zip(bases, vs)]
        row[b] = bases[b]
        out += row
    return _scaled(out, sum(out))


def _best_step(score: list[float], e: list[float], repeat: float, back: float, k: int) -> tuple[list[float], list[int]]:
    """score'[b, c] = the best over a of score[a, b] * transition(a, b, c), times e[c]; rescaled;
    and the a that gave it."""
    out: list[float] = []
    came_from: list[int] = []
    for b in range(k):
        came = score[b::k]  # score[a, b] for each a
        # the best and second best a, each the first of equals
        top, top_at, second, second_at = -1.0, 0, -1.0, 0
        for a, x in enumerate(came):
            if x > top:
                second, second_at = top, top_at
                top, top_at = x, a
            elif x > second:
                second, second_at = x, a
        for c, ec in enumerate(e):
            if c == b:
                best, at = repeat * top, top_at
            else:
                best, at = (top, top_at) if top_at != c else (second, second_at)
                returning = back * came[c]
                if returning > best or (returning == best and c < at):
                    best, at = returning, c
            out.append(best * ec)
            came_from.append(at)
    return _scaled(out, max(out)), came_from


def _scaled(xs: list[float], s: float) -> list[float]:
    return [x / s for x in xs]
