"""Weighted L2-regularised logistic regression over binary features, solved to its optimum.

Pure Python, for ``bench/train_finder.py``. The solver is Newton's method with the Newton step
found by conjugate gradients (a diagonal preconditioner, Hessian-vector products, never the
Hessian itself) and a backtracking line search: every step is computed the same way from the
same numbers, so the same data gives the same weights, and the stopping test is on the
gradient, so the weights are the regularised optimum (to ``TOLERANCE``) whatever they start
from.

A row is the sorted feature indices of one example; column 0 is the bias, present in every
row and not regularised. Gathering ``v[k]`` for the indices of a row (or of a column) is done
by a precomputed ``operator.itemgetter``: the one operation the passes over the data repeat,
and the fastest way to do it without compiled code.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter

TOLERANCE = 1e-5
"""Stop when the gradient's norm is this fraction of its norm at zero weights."""
MAX_NEWTON = 60
MAX_CG = 200
ARMIJO = 1e-4
"""Sufficient decrease a step must give, as a fraction of the decrease the gradient predicts."""

Gather = Callable[[Sequence[float]], tuple[float, ...]]


def _gatherer(indices: Sequence[int]) -> Gather:
    """``v -> (v[i] for i in indices)`` as a tuple (``itemgetter`` of one index returns a bare
    value, hence the special case)."""
    if len(indices) == 1:
        (only,) = indices
        return lambda v: (v[only],)
    if not indices:
        return lambda v: ()
    return itemgetter(*indices)  # type: ignore[return-value]


class Matrix:
    """A 0/1 matrix of ``width`` columns, one row per list of column indices, ready to be
    multiplied by a vector from either side."""

    def __init__(self, rows: Sequence[tuple[int, ...]], width: int) -> None:
        self.indices = rows
        self.width = width
        by_column: list[list[int]] = [[] for _ in range(width)]
        for i, row in enumerate(rows):
            for k in row:
                by_column[k].append(i)
        self._rows = [_gatherer(row) for row in rows]
        self._columns = [_gatherer(column) for column in by_column]

    def times(self, v: Sequence[float]) -> list[float]:
        """X v: per row, the sum of ``v`` over its columns."""
        return [sum(row(v)) for row in self._rows]

    def transposed_times(self, per_row: Sequence[float]) -> list[float]:
        """X' r: per column, the sum of ``per_row`` over its rows."""
        return [sum(column(per_row)) for column in self._columns]


@dataclass
class Problem:
    """Rows of feature indices (bias at 0), a 0/1 target and a weight per row."""

    matrix: Matrix
    targets: list[bool]
    weights: list[float]

    @property
    def width(self) -> int:
        return self.matrix.width

    @classmethod
    def build(cls, rows: Sequence[Sequence[int]], targets: Sequence[bool], width: int) -> Problem:
        """Rows over features 1..width-1 (column 0, the bias, is added here), class-balanced:
        each class weighs half of the total, however few its rows. Identical rows of the same
        target are merged into one of their summed weight: the same objective, fewer rows."""
        positives = sum(targets)
        negatives = len(targets) - positives
        merged: dict[tuple[bool, tuple[int, ...]], float] = {}
        for row, y in zip(rows, targets, strict=True):
            key = (y, (0, *row))
            merged[key] = merged.get(key, 0.0) + (0.5 / positives if y else 0.5 / negatives)
        return cls(
            Matrix([row for _, row in merged], width),
            [y for y, _ in merged],
            list(merged.values()),
        )

    def margins(self, w: Sequence[float]) -> list[float]:
        return self.matrix.times(w)

    def transposed(self, per_row: Sequence[float]) -> list[float]:
        return self.matrix.transposed_times(per_row)


def _log1pexp(x: float) -> float:
    """log(1 + e^x) without overflow."""
    return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _penalty(w: Sequence[float], l2: float) -> float:
    return 0.5 * l2 * sum(v * v for v in w[1:])


def objective(problem: Problem, z: Sequence[float], w: Sequence[float], l2: float) -> float:
    """Weighted log-loss at margins ``z`` plus the L2 penalty of ``w`` (bias excluded)."""
    loss = sum(
        c * _log1pexp(-m if y else m)
        for c, m, y in zip(problem.weights, z, problem.targets, strict=True)
    )
    return loss + _penalty(w, l2)


def _gradient(problem: Problem, p: Sequence[float], w: Sequence[float], l2: float) -> list[float]:
    residual = [
        c * (q - 1.0 if y else q)
        for c, q, y in zip(problem.weights, p, problem.targets, strict=True)
    ]
    g = problem.transposed(residual)
    return [g[0]] + [gk + l2 * wk for gk, wk in zip(g[1:], w[1:], strict=True)]


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _newton_step(
    problem: Problem, curvature: Sequence[float], g: Sequence[float], l2: float, tol: float
) -> list[float]:
    """Approximately solve H d = -g by preconditioned conjugate gradients, where
    H = X' diag(curvature) X + l2 (bias excluded), until the residual is ``tol`` of |g|. The
    diagonal of H, the preconditioner, makes a feature seen in thousands of sentences and one
    seen in two take steps of the same scale."""
    matrix = problem.matrix
    ridge = [0.0] + [l2] * (problem.width - 1)
    diagonal = [h + r for h, r in zip(matrix.transposed_times(curvature), ridge, strict=True)]

    def hessian_times(v: Sequence[float]) -> list[float]:
        xv = matrix.times(v)
        product = matrix.transposed_times([c * x for c, x in zip(curvature, xv, strict=True)])
        return [h + r * vk for h, r, vk in zip(product, ridge, v, strict=True)]

    d = [0.0] * problem.width
    residual = [-gk for gk in g]
    preconditioned = [r / m for r, m in zip(residual, diagonal, strict=True)]
    direction = list(preconditioned)
    rz = _dot(residual, preconditioned)
    limit = tol * math.sqrt(_dot(g, g))
    for _ in range(MAX_CG):
        if math.sqrt(_dot(residual, residual)) <= limit:
            break
        hd = hessian_times(direction)
        alpha = rz / _dot(direction, hd)
        d = [a + alpha * b for a, b in zip(d, direction, strict=True)]
        residual = [a - alpha * b for a, b in zip(residual, hd, strict=True)]
        preconditioned = [r / m for r, m in zip(residual, diagonal, strict=True)]
        rz_next = _dot(residual, preconditioned)
        beta = rz_next / rz
        rz = rz_next
        direction = [a + beta * b for a, b in zip(preconditioned, direction, strict=True)]
    return d


def solve(problem: Problem, l2: float, start: Sequence[float] | None = None) -> list[float]:
    """The weights (bias first) minimising the weighted log-loss plus ``l2``/2 |w|^2."""
    w = list(start) if start is not None else [0.0] * problem.width
    z = problem.margins(w)
    zero = [0.0] * problem.width
    g0 = _gradient(problem, [0.5] * len(z), zero, l2)
    initial = math.sqrt(_dot(g0, g0))
    stop = TOLERANCE * initial
    value = objective(problem, z, w, l2)
    for _ in range(MAX_NEWTON):
        p = [_sigmoid(m) for m in z]
        g = _gradient(problem, p, w, l2)
        norm = math.sqrt(_dot(g, g))
        if norm <= stop:
            break
        curvature = [c * q * (1.0 - q) for c, q in zip(problem.weights, p, strict=True)]
        # a loose step far from the optimum, a tighter one near it (inexact Newton)
        d = _newton_step(problem, curvature, g, l2, min(0.5, math.sqrt(norm / initial)))
        w, z, value = _line_search(problem, w, z, value, g, d, l2)
    return w


def _line_search(
    problem: Problem,
    w: list[float],
    z: list[float],
    value: float,
    g: Sequence[float],
    d: Sequence[float],
    l2: float,
) -> tuple[list[float], list[float], float]:
    """The first of steps 1, 1/2, 1/4 ... along ``d`` that lowers the objective enough."""
    xd = problem.margins(d)
    slope = _dot(g, d)
    step = 1.0
    for _ in range(30):
        w_new = [a + step * b for a, b in zip(w, d, strict=True)]
        z_new = [a + step * b for a, b in zip(z, xd, strict=True)]
        new = objective(problem, z_new, w_new, l2)
        if new <= value + ARMIJO * step * slope:
            return w_new, z_new, new
        step /= 2
    return w, z, value
