"""Very large runs in batches: ten million draws in bounded memory, the same numbers on any machine.

A run of more than :data:`BATCH_DRAWS` draws is cut into batches of that many draws
on a fixed grid (the last one shorter). Batch ``i`` draws from its own seed,
``SeedSequence(seed, spawn_key=(i,))`` (the ``i``-th child of the run's seed), so the
numbers depend only on the seed and the draws, never on the workers or the machine.
Each batch is a whole run of the case (prior draws, and with claims a calibration of
its own: pilot, proposals, importance weights), so memory is one batch's and does
not grow with the draws. What a batch leaves behind is small:

* for every total, derived output and parameter, of the prior and of the
  posterior, the batch's mean and its (weighted) quantiles at
  :data:`SKETCH_LEVELS` evenly spaced probabilities. The run's quantile is where the
  mixture of the batches' distributions (each interpolated between its quantiles,
  each batch weighing as its share of the draws) crosses the level; its error is a
  small fraction of 1/(``SKETCH_LEVELS`` - 1) in probability, far below the Monte
  Carlo error. Means are exact;
* each claim's probability of being wrong (the batches' average), the Pareto k-hat
  (the worst batch), the effective sample size (the sum) and the evidence;
* the headline totals' 5th, 50th and 95th percentiles of each batch, whose spread
  between batches is the run's Monte Carlo error (``mc_error``).

The first batch (batch 0, computed last so that only one batch is ever in memory)
is the run's **declared subsample**: monthly bands, windows, sensitivity, given-data
sensitivity, claim checks, readings and the per-draw values of the Result come from
its draws, and ``sample_stats["batches"]`` says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._summary import Summary
from troopledger.calibration import weighted_quantiles
from troopledger.model import HEADLINE_TOTALS, Draws

__all__ = ["BATCH_DRAWS", "SKETCH_LEVELS", "Sketches", "batch_grid", "batch_seed", "pool_result"]

#: Draws of one batch: runs of more draws are cut into batches this size (8 sampling blocks of 16,384).
BATCH_DRAWS = 131_072
#: Probabilities at which each batch keeps its quantiles (0, 1/2048, ..., 1).
SKETCH_LEVELS = 2049
_LEVELS = np.linspace(0.0, 1.0, SKETCH_LEVELS)
_HEADLINE = HEADLINE_TOTALS
_STATS = {"p5": 0.05, "p50": 0.5, "p95": 0.95}

Array = NDArray[np.float64]


def batch_grid(draws: int, batch: int = BATCH_DRAWS) -> list[tuple[int, int]]:
    """``(index, size)`` of every batch of a run of ``draws`` draws, on the fixed grid of ``batch``-draw batches."""
    return [(i, min(batch, draws - a)) for i, a in enumerate(range(0, draws, batch))]


def batch_seed(seed: int, index: int) -> int:
    """The seed of batch ``index``: from the ``index``-th child of ``SeedSequence(seed)``, below 2**63."""
    state = np.random.SeedSequence(seed, spawn_key=(index,)).generate_state(2, np.uint32)
    return (int(state[0]) << 31) | (int(state[1]) >> 1)


@dataclass
class _Sketch:
    """One variable's batches: their shares of the draws, means and quantiles at :data:`SKETCH_LEVELS`."""

    mass: list[float] = field(default_factory=list)
    means: list[float] = field(default_factory=list)
    knots: list[Array] = field(default_factory=list)

    def add(self, x: NDArray[Any], w: Array | None, mass: float) -> None:
        q = np.asarray(weighted_quantiles(np.asarray(x, dtype=np.float64), tuple(_LEVELS), w), dtype=np.float64)
        self.knots.append(np.maximum.accumulate(q))  # non-decreasing, as interpolation needs
        self.mass.append(mass)
        self.means.append(float(np.average(np.asarray(x, dtype=np.float64), weights=w)) if x.size else math.nan)

    def cdf(self, v: Array) -> Array:
        """The mixture's cumulative probability at each value of ``v``."""
        total = np.zeros_like(v)
        for m, k in zip(self.mass, self.knots, strict=True):
            if k[0] == k[-1]:  # one value: a step
                total += m * (v >= k[0])
            else:
                total += m * np.interp(v, k, _LEVELS, left=0.0, right=1.0)
        return total / sum(self.mass)

    def quantiles(self, levels: tuple[float, ...]) -> list[float]:
        """The mixture's quantiles at ``levels``: bisection on the value, 60 halvings."""
        lo = np.full(len(levels), min(float(k[0]) for k in self.knots))
        hi = np.full(len(levels), max(float(k[-1]) for k in self.knots))
        want = np.asarray(levels, dtype=np.float64)
        for _ in range(60):
            mid = 0.5 * (lo + hi)
            below = self.cdf(mid) < want
            lo = np.where(below, mid, lo)
            hi = np.where(below, hi, mid)
        return [float(x) for x in hi]

    def stats(self) -> dict[str, float]:
        """Mean, median and 90 % interval of the pooled batches (the shape :func:`interval_stats` gives)."""
        p5, p50, p95 = self.quantiles((0.05, 0.5, 0.95))
        mean = sum(m * x for m, x in zip(self.mass, self.means, strict=True)) / sum(self.mass)
        return {"mean": float(mean), "p5": p5, "p50": p50, "p95": p95}


@dataclass
class Sketches:
    """What the batches of one summary (the prior's, or the posterior's) leave behind."""

    totals: dict[str, _Sketch] = field(default_factory=dict)
    derived: dict[str, _Sketch] = field(default_factory=dict)
    params: dict[str, _Sketch] = field(default_factory=dict)
    ess: float = 0.0
    conservation_error: float = 0.0
    headline: dict[str, dict[str, list[float]]] = field(default_factory=dict)

    def add(self, d: Draws, w: Array | None, mass: float) -> None:
        """Fold one batch's draws (``w``: its normalised weights, or None) in, as ``mass`` of the run."""
        for group, kept in ((self.totals, d.totals), (self.derived, d.derived), (self.params, d.params)):
            for k, v in kept.items():
                group.setdefault(k, _Sketch()).add(v, w, mass)
        self.ess += float(np.sum(w) ** 2 / np.sum(w * w)) if w is not None else float(d.draws)
        self.conservation_error = max(self.conservation_error, d.conservation_error)
        for name in _HEADLINE:
            if name in d.totals:
                q = weighted_quantiles(np.asarray(d.totals[name], dtype=np.float64), tuple(_STATS.values()), w)
                for stat, value in zip(_STATS, q, strict=True):
                    self.headline.setdefault(name, {}).setdefault(stat, []).append(float(value))

    def summary(self, first: Summary, draws: int, seed: int) -> Summary:
        """The pooled summary: ``first`` (batch 0's) with every total, derived output and parameter pooled."""
        return replace(
            first,
            seed=seed,
            totals={k: s.stats() for k, s in self.totals.items()},
            derived={k: s.stats() for k, s in self.derived.items()},
            parameters={**first.parameters, **{k: s.stats() for k, s in self.params.items()}},
            conservation_max_abs_error_usd=self.conservation_error,
            draws=draws,
            effective_draws=self.ess,
        )

    def mc_error(self) -> dict[str, dict[str, float]]:
        """Standard error of each headline statistic: the spread of the batches' values over sqrt(batches)."""
        out: dict[str, dict[str, float]] = {}
        for name, by_stat in self.headline.items():
            out[name] = {}
            for stat, values in by_stat.items():
                n = len(values)
                out[name][stat] = float(np.std(values, ddof=1) / math.sqrt(n)) if n > 1 else math.nan
        return out


@dataclass
class Batch:
    """What one batch of a calibrated or prior-only run hands to the pool (draws in the report's currency)."""

    prior: Draws
    posterior: Draws | None
    weights: Array | None
    stats: dict[str, Any] | None


def pool_result(
    draws: int, batch: int, one: Callable[[int, int, bool], tuple[Batch, Any]], finish: Callable[..., Any]
) -> Any:
    """Run every batch of ``draws`` (``one(index, size, first)``), batch 0 last, and pool them.

    ``one`` returns the batch's :class:`Batch` and, for batch 0 (``first``), the Result
    it makes; ``finish(result, prior, posterior, stats)`` builds the pooled Result from
    batch 0's, the pooled :class:`Sketches` and the pooled sample statistics.
    """
    grid = batch_grid(draws, batch)
    prior, posterior = Sketches(), Sketches()
    wrong: list[tuple[float, dict[str, float]]] = []
    khat, ess, evidence = -math.inf, 0.0, []
    first: Any = None
    for index, size in [*grid[1:], grid[0]]:
        b, made = one(index, size, index == 0)
        mass = size / draws
        prior.add(b.prior, None, mass)
        if b.posterior is not None and b.weights is not None:
            posterior.add(b.posterior, np.asarray(b.weights, dtype=np.float64), mass)
        if b.stats is not None:
            wrong.append((mass, dict(b.stats.get("claims_wrong_posterior") or {})))
            if b.stats.get("pareto_khat") is not None:
                khat = max(khat, float(b.stats["pareto_khat"]))
            ess += float(b.stats.get("importance_ess") or 0.0)
            if b.stats.get("log_evidence") is not None:
                evidence.append((mass, float(b.stats["log_evidence"])))
        if index == 0:
            first = made
        del b, made
    stats: dict[str, Any] = {
        "batches": {
            "count": len(grid),
            "draws_each": min(batch, draws),
            "seeds": "SeedSequence(seed).spawn: batch i draws from the i-th child",
            "from_first_batch": [
                "monthly bands",
                "windows",
                "sensitivity",
                "given-data sensitivity",
                "claim checks",
                "readings",
                "structural misfits",
                "per-draw values",
            ],
            "quantile_levels_per_batch": SKETCH_LEVELS,
        }
    }
    if wrong:
        ids = sorted(set().union(*(w for _, w in wrong)))
        stats["claims_wrong_posterior"] = {
            i: sum(m * w.get(i, 0.0) for m, w in wrong) / sum(m for m, _ in wrong) for i in ids
        }
        stats["pareto_khat"] = None if khat == -math.inf else khat
        stats["importance_ess"] = ess
        if evidence:
            top = max(e for _, e in evidence)
            total = sum(m for m, _ in evidence)
            stats["log_evidence"] = top + math.log(sum(m * math.exp(e - top) for m, e in evidence) / total)
        stats["mc_error"] = posterior.mc_error()
    else:
        stats["mc_error"] = prior.mc_error()
    return finish(first, prior, posterior if posterior.totals else None, stats)
