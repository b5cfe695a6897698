"""Single levers: which one input, on its own, would bring a figure's median to a published value.

The joint tilt of :func:`~troopledger.analysis.reconcile` answers "what is the smallest
joint move of the posterior that reaches the figure?". An analyst explaining a gap also
asks "which ONE assumption, on its own, would reach it, and how implausible would that
be?". For each uncertain input the posterior draws are run through the model again with
that input alone moved, every other input held at its draw, and the move that brings the
figure's median to the target is found.

**An input is moved by a comonotone shift, not set to one value.** Every draw's value
takes the same step in its prior's normal scores, ``x -> F^-1(Phi(Phi^-1(F(x)) + delta))``
(``F`` the input's prior): each draw keeps its rank, its place in the posterior's
dependence between inputs and the input's spread, and a zero step is the posterior
itself, so a figure at the posterior median needs no input to move (50 %). One fixed
value in every draw would also remove the input's spread, and where the model is skewed
or nonlinear it reports a move even when none is needed (the median of a sum is not the
sum of the medians; ``tests/test_levers.py`` shows both). The needed value is the
shifted input's median; its posterior and prior quantiles say how far that is, and the
levers are ranked by the posterior probability beyond it.

An input that, moved to the edge of its prior's range (:data:`LEVER_EDGE` normal scores,
past every draw), still leaves the median short of the target cannot reach it.

The search runs on an equally weighted resample of the posterior (:data:`LEVER_DRAWS`
draws); every input's candidate moves are stacked into one model run per step of a
bracketed regula falsi (Illinois), and each needed quantile carries its Monte Carlo error.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.calibration import weighted_quantiles
from troopledger.evidence import Z90, Distribution, Prior
from troopledger.model import Draws, PoolExecutor, SerialExecutor

__all__ = ["LEVER_DRAWS", "LEVER_EDGE", "Lever", "LeverInput", "model_inputs", "single_levers"]

Array = NDArray[np.float64]
#: The quantity a target names, per draw, from every input of the draws (running the model).
Figure = Callable[[dict[str, Array]], Array]

#: Posterior draws (an equally weighted resample) each lever is searched on.
LEVER_DRAWS = 2_000
#: How far, in the prior's normal scores, an input may be shifted: the edge of its range (past every draw).
LEVER_EDGE = 8.0
_GRID = np.linspace(-LEVER_EDGE - 0.5, LEVER_EDGE + 0.5, 2049)
#: The search stops when the figure's median is within this of the target (log units, 0.2 %); the root is
#: then read off the secant through the last two points.
_TOL = 2e-3
_STEPS = 14
#: The first step of every search, in normal scores (then secants).
_FIRST = 1.0
_BATCHES = 10
#: Edges are screened on every ``_SCREEN``-th resampled draw; a side whose median there comes within ``_NEAR``
#: of the target (log units) or past it is evaluated on every draw.
_SCREEN = 4
_NEAR = 0.1
#: Rows of one model run (several inputs' moves stacked).
_ROWS = 8_192


@dataclass(frozen=True)
class LeverInput:
    """An input a lever may move: its name, meaning and unit, the prior its draws came from, and the case's prior."""

    name: str
    what: str
    unit: str
    drawn_from: Distribution  # shifts the draws (covers every draw's value)
    prior: Distribution  # the case's own prior: the needed value's prior quantile
    bounds: tuple[float, float] = (-math.inf, math.inf)  # the input's plausible range: no lever goes past it


@dataclass(frozen=True)
class Lever:
    """One input moved alone until the figure's posterior median is the target (or as far as its range allows)."""

    name: str
    what: str
    unit: str
    posterior: tuple[float, float, float]  # the input's p5, p50, p95
    reached: bool  # moving this input alone, within its prior's range, brings the median to the target
    direction: str  # "up" or "down": which way the input moves ("" when it cannot reach)
    value: float  # the input's median once the figure's median is the target (nan: cannot reach)
    quantile: float  # the posterior quantile of that value
    prior_quantile: float  # its quantile under the case's prior
    tail: float  # posterior probability of the input lying beyond that value (0: cannot reach)
    shift_sd: float  # value less the posterior median, in robust posterior sd ((p95 - p5) / 3.29)
    best: float  # the figure's median with the input at the edge of its range toward the target
    mc_error: float  # Monte Carlo standard error of ``quantile`` (resample of LEVER_DRAWS draws)
    prior_tail: float = 0.0  # prior probability beyond the value (ties of ``tail`` break on it)
    edge: float = math.nan  # the input's median at the edge of its range toward the target
    edge_tail: float = math.nan  # with the input there: probability of a figure at least as far as the target


@dataclass(frozen=True)
class _Shifter:
    """An input's prior as a piecewise-linear map between values and normal scores (exactly invertible)."""

    z: Array
    x: Array

    @classmethod
    def of(cls, dist: Distribution, seen: Array, bounds: tuple[float, float]) -> _Shifter:
        x = np.asarray(dist.ppf(special.ndtr(_GRID)), dtype=np.float64)
        ok = np.isfinite(x)  # the top of the grid rounds to probability 1: an unbounded prior's quantile is inf
        x = np.maximum.accumulate(np.clip(x[ok], *bounds))
        x, first = np.unique(x, return_index=True)
        z = _GRID[ok][first]
        lo, hi = max(float(seen.min()), bounds[0]), min(float(seen.max()), bounds[1])
        if lo < x[0]:  # a proposal's draw past the prior's grid: the map extends to it
            x, z = np.r_[lo, x], np.r_[z[0] - 1.0, z]
        if hi > x[-1]:
            x, z = np.r_[x, hi], np.r_[z, z[-1] + 1.0]
        return cls(z, x)

    def score(self, v: Array | float) -> Array:
        return np.asarray(np.interp(v, self.x, self.z), dtype=np.float64)

    def value(self, s: Array | float) -> Array:
        return np.asarray(np.interp(s, self.z, self.x), dtype=np.float64)


def _log_median(y: Array) -> float:
    return math.log(max(float(np.median(y)), 1e-300))


def _evaluate(figure: Figure, base: dict[str, Array], moves: list[tuple[str, Array]], workers: int) -> list[Array]:
    """The figure in every resampled draw for each move (an input and its new values), stacked into few runs."""
    if not moves:
        return []
    m = moves[0][1].size
    per = max(1, _ROWS // m)
    groups = [moves[i : i + per] for i in range(0, len(moves), per)]

    def run(group: list[tuple[str, Array]]) -> list[Array]:
        d = {k: np.concatenate([v] * len(group)) for k, v in base.items()}
        for j, (name, x) in enumerate(group):
            d[name][j * m : (j + 1) * m] = x
        y = np.asarray(figure(d), dtype=np.float64)
        return [y[j * m : (j + 1) * m] for j in range(len(group))]

    with PoolExecutor(workers, "thread") if workers > 1 else SerialExecutor() as ex:
        return [y for part in ex.map(run, groups) for y in part]


@dataclass
class _Search:
    """One input searched on one side: a bracket [a, b] of shifts whose medians straddle the target."""

    name: str
    a: float
    fa: float  # log(median / target) at a (halved by the Illinois step when b stays)
    b: float
    fb: float
    last: tuple[float, float]  # the point evaluated before b, (shift, true f): the local slope
    y: Array  # the figure at b
    done: bool = False

    def propose(self) -> float:
        """The secant through the last two points where it falls inside the bracket, else Illinois regula falsi."""
        lo, hi = min(self.a, self.b), max(self.a, self.b)
        (s0, f0), s1, f1 = self.last, self.b, self.fb
        if s0 == 0.0 and f0 == self.fa and s1 == self.b and abs(s1) == LEVER_EDGE:
            return math.copysign(_FIRST, s1)  # the first step: a modest shift, not a line to the edge
        if f1 != f0:
            c = s1 - f1 * (s1 - s0) / (f1 - f0)
            if lo + 1e-9 < c < hi - 1e-9:
                return c
        c = self.b - self.fb * (self.b - self.a) / (self.fb - self.fa) if self.fb != self.fa else 0.5 * (lo + hi)
        return c if lo < c < hi else 0.5 * (lo + hi)

    def update(self, c: float, fc: float, y: Array) -> None:
        self.last = (self.b, self.fb)
        if fc * self.fb < 0:
            self.a, self.fa = self.b, self.fb
        else:
            self.fa /= 2.0
        self.b, self.fb, self.y = c, fc, y
        self.done = abs(fc) <= _TOL or abs(self.b - self.a) < 1e-6

    @property
    def slope(self) -> float:
        """d log(median) / d shift, from the last two points evaluated."""
        (s0, f0), s1 = self.last, self.b
        return abs((self.fb - f0) / (s1 - s0)) if s1 != s0 else math.nan

    @property
    def root(self) -> float:
        """The shift at which the median meets the target: the secant's, within the bracket."""
        (s0, f0), s1, f1 = self.last, self.b, self.fb
        c = s1 - f1 * (s1 - s0) / (f1 - f0) if f1 != f0 else s1
        lo, hi = min(self.a, self.b), max(self.a, self.b)
        return c if lo <= c <= hi else s1


def _solve(
    figure: Figure,
    base: dict[str, Array],
    moved: Callable[[str, float], Array],
    found: list[_Search],
    log_t: float,
    workers: int,
) -> None:
    """Bracketed regula falsi (Illinois) on every search at once: one stacked model run per step."""
    for _ in range(_STEPS):
        live = [s for s in found if not s.done]
        if not live:
            return
        cs = [s.propose() for s in live]
        ys = _evaluate(figure, base, [(s.name, moved(s.name, c)) for s, c in zip(live, cs, strict=True)], workers)
        for s, c, y in zip(live, cs, ys, strict=True):
            s.update(c, _log_median(y) - log_t, y)


def _batch_se(y: Array, y0: Array) -> float:
    """Standard error of the move of the log median from ``y0`` to ``y`` (same draws), by batches."""
    moves = [
        _log_median(a) - _log_median(b)
        for a, b in zip(np.array_split(y, _BATCHES), np.array_split(y0, _BATCHES), strict=True)
    ]
    return float(np.std(moves, ddof=1) / math.sqrt(_BATCHES))


def _ecdf(x: Array, w: Array, v: float) -> float:
    return float(w[x <= v].sum())


def single_levers(
    inputs: Sequence[LeverInput],
    params: dict[str, Array],
    weights: Array,
    rows: NDArray[np.intp],
    figure: Figure,
    target: float,
    median: float,
    *,
    workers: int = 1,
) -> tuple[Lever, ...]:
    """Each input moved alone until the figure's posterior median is ``target``, ranked by plausibility.

    ``params`` are every input of the weighted draws as ``figure`` reads them (one row per
    draw; ``weights`` theirs), ``rows`` an equally weighted resample of them (the search's
    draws). The levers that reach the target come first, the likeliest under the posterior
    (most probability beyond the needed value) first; those that cannot, after, nearest first.
    """
    w = np.asarray(weights, dtype=np.float64)
    w = w / w.sum()
    base = {k: np.ascontiguousarray(v[rows]) for k, v in params.items()}
    y0 = np.asarray(figure({k: v.copy() for k, v in base.items()}), dtype=np.float64)
    # the resample's median is aimed at the target's ratio to the posterior median (common draws cancel its noise)
    log_t = _log_median(y0) + math.log(target / median)
    f0 = math.log(median / target)
    scale = median / math.exp(_log_median(y0))  # the resample's figures as the posterior's
    shifters = {
        i.name: _Shifter.of(i.drawn_from, np.asarray(params[i.name], dtype=np.float64), i.bounds) for i in inputs
    }
    scores = {n: sh.score(base[n]) for n, sh in shifters.items()}

    def moved(name: str, step: float, some: slice = slice(None)) -> Array:
        return shifters[name].value(scores[name][some] + step)

    # every side's edge on a quarter of the draws first; the sides that reach the target, or come near, on all of them
    sides = [(i.name, side) for i in inputs for side in (1.0, -1.0)]
    edges: dict[tuple[str, float], tuple[float, Array]] = {}
    for some in (slice(None, None, _SCREEN), slice(None)):
        y00 = y0[some]
        aim = _log_median(y00) + math.log(target / median)
        todo = [k for k in sides if k not in edges or edges[k][0] * f0 <= 0 or abs(edges[k][0]) <= _NEAR]
        part = {k: v[some] for k, v in base.items()}
        ys = _evaluate(figure, part, [(n, moved(n, side * LEVER_EDGE, some)) for n, side in todo], workers)
        edges.update(
            {k: (_log_median(y) - aim, y * median / math.exp(_log_median(y00))) for k, y in zip(todo, ys, strict=True)}
        )
    edge_f = {k: f for k, (f, _) in edges.items()}
    found: list[_Search] = []
    if abs(f0) > _TOL:
        for n, side in sides:
            fe, y = edges[n, side]
            if fe * f0 <= 0:
                found.append(_Search(n, 0.0, f0, side * LEVER_EDGE, fe, (0.0, f0), y / scale, abs(fe) <= _TOL))
        _solve(figure, base, moved, found, log_t, workers)
    toward = 1.0 if f0 <= 0 else -1.0  # the figure must rise (target above the median) or fall
    out = []
    for i in inputs:
        side = max((1.0, -1.0), key=lambda s: toward * edge_f[i.name, s])
        y_edge = edges[i.name, side][1]
        edge = _Edge(side, target * math.exp(edge_f[i.name, side]), float(np.mean(toward * (y_edge - target) >= 0)))
        tried = [s for s in found if s.name == i.name]
        x = np.asarray(params[i.name], dtype=np.float64)
        out.append(_lever(i, x, w, shifters[i.name], tried, edge, y0, abs(f0) <= _TOL))
    return tuple(sorted(out, key=lambda lever: _rank(lever, target)))


@dataclass(frozen=True)
class _Edge:
    """An input at the edge of its range toward the target: which side, the figure's median, P(at least the target)."""

    side: float
    median: float
    tail: float


def _lever(
    i: LeverInput, x: Array, w: Array, sh: _Shifter, tried: list[_Search], edge: _Edge, y0: Array, at_median: bool
) -> Lever:
    """The lever of one input from its searches (one per side whose edge reaches the target; none: cannot)."""
    q5, q50, q95 = (float(v) for v in weighted_quantiles(x, (0.05, 0.5, 0.95), w))
    sd = (q95 - q5) / (2 * Z90)
    ref = _Shifter.of(i.prior, x, i.bounds)
    z50 = sh.score(q50)
    at_edge = float(sh.value(z50 + edge.side * LEVER_EDGE))
    post = (q5, q50, q95)
    if at_median:  # the figure is at the posterior median already: nothing has to move
        q, pq = _ecdf(x, w, q50), float(special.ndtr(ref.score(q50)))
        return Lever(
            i.name,
            i.what,
            i.unit,
            post,
            True,
            "",
            q50,
            q,
            pq,
            min(q, 1 - q),
            0.0,
            edge.median,
            0.0,
            min(pq, 1 - pq),
            at_edge,
            edge.tail,
        )
    if not tried:
        nan = math.nan
        return Lever(
            i.name, i.what, i.unit, post, False, "", nan, nan, nan, 0.0, nan, edge.median, nan, 0.0, at_edge, edge.tail
        )
    options = []
    for s in tried:
        value = float(sh.value(z50 + s.root))
        up = s.root > 0
        tail = float(w[x > value].sum()) if up else float(w[x < value].sum())
        pq = float(special.ndtr(ref.score(value)))
        se = _batch_se(s.y, y0) / s.slope if s.slope > 0 else math.nan
        if math.isfinite(se):
            lo, hi = (_ecdf(x, w, float(sh.value(z50 + s.root + k * se))) for k in (-1.0, 1.0))
            mc = abs(hi - lo) / 2
        else:
            mc = math.nan
        moved_sd = (value - q50) / sd if sd > 0 else 0.0
        options.append(
            Lever(
                i.name,
                i.what,
                i.unit,
                post,
                True,
                "up" if up else "down",
                value,
                _ecdf(x, w, value),
                pq,
                tail,
                moved_sd,
                edge.median,
                mc,
                1 - pq if up else pq,
                at_edge,
                edge.tail,
            )
        )
    return max(options, key=lambda lever: (lever.tail, lever.prior_tail))


def _rank(lever: Lever, target: float) -> tuple[bool, float, float, str]:
    """Levers that reach first, the most posterior probability beyond the needed value first; then the nearest."""
    if lever.reached:
        return (False, -lever.tail, -lever.prior_tail, lever.name)
    return (True, abs(math.log(max(lever.best, 1e-300) / target)), 0.0, lever.name)


def model_inputs(model: Prior, d: Draws, n: int) -> dict[str, Array]:
    """Every input of the first ``n`` draws as the model reads them, to run them again.

    A run keeps the one-value-a-draw inputs and the constants; the state's split of its
    share (a Dirichlet per draw) is not kept and is set to its mean: no target reads it
    (targets are monthly outputs, which the split does not change).
    """
    out = {k: np.full(n, v) for k, v in d.constants.items()}
    out.update({k: np.asarray(v[:n], dtype=np.float64) for k, v in d.params.items() if v.ndim == 1})
    out["state_use_shares"] = np.tile(model.state_uses.mean, (n, 1))
    return out
