"""Sensitivity: which uncertain inputs move the headline totals most.

Spearman rank correlations between each uncertain parameter and each headline total,
over the per-draw values a run keeps (:class:`~troopledger.analysis.Draws`), plus a
tornado swing: the median total among draws in a parameter's lowest tenth against
its highest tenth. Rank correlations need no model re-runs and do not assume the
relation is linear, which suits lognormal and mixture inputs; known (fixed) inputs
cannot move anything and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypedDict

import numpy as np
from numpy.typing import NDArray
from scipy.stats import rankdata

from troopledger.errors import TroopledgerError
from troopledger.model import HEADLINE_TOTALS, Draws

__all__ = ["RANKED_BY", "SENSITIVITY_CAP", "SENSITIVITY_TARGETS", "Sensitivity", "Swing", "rank_sensitivity"]


class Swing(TypedDict):
    """Median total among draws in a parameter's bottom (``low``) and top (``high``) tenth."""

    low: float
    high: float


class Sensitivity(TypedDict):
    """The sensitivity group of a Result: rank correlations and tornado swings, JSON-ready as it stands."""

    method: str
    draws: int
    tail: float
    targets: list[str]
    parameters: dict[str, dict[str, float]]
    swing: dict[str, dict[str, Swing]]
    order: list[str]


#: Totals whose sensitivity is reported, in the order reports show them.
SENSITIVITY_TARGETS = HEADLINE_TOTALS
#: At most this many leading draws are ranked (draws come in random blocks, so they are a fair sample).
SENSITIVITY_CAP = 100_000
#: Inputs are ranked by their strongest correlation with these totals, the figures a report headlines.
RANKED_BY = ("paid_by_russia", "to_state")
#: Share of draws in each tail of the tornado swing.
_TAIL = 0.1


def _ranks(x: NDArray[Any]) -> NDArray[np.float64]:
    r = rankdata(np.asarray(x, dtype=np.float64))
    return np.asarray(r - r.mean(), dtype=np.float64)


def _weighted_ranks(x: NDArray[Any], w: NDArray[np.float64]) -> NDArray[np.float64]:
    """Weighted mid-ranks of ``x``: its weighted ECDF, in [0, 1] (weights sum to one)."""
    return _ecdf(np.argsort(x, kind="stable"), w)


def _ecdf(order: NDArray[np.intp], w: NDArray[np.float64]) -> NDArray[np.float64]:
    """Weighted mid-ranks of the values whose (stable) ascending order is ``order``."""
    cw = np.cumsum(w[order])
    r = np.empty_like(cw)
    r[order] = cw - 0.5 * w[order]
    return np.asarray(r, dtype=np.float64)


def _mean(w: NDArray[np.float64], v: NDArray[np.float64]) -> NDArray[np.float64]:
    """Weighted sums of ``v``'s last axis (weights ``w``), pairwise-summed in NumPy.

    Not ``np.dot``: a BLAS dot of a vector this long wakes BLAS's threads, whose
    waiting costs more CPU than the sum (and whose partial sums depend on how many
    threads the machine has); the pairwise sum is as accurate and the same everywhere.
    """
    return np.asarray(np.sum(v * w, axis=-1), dtype=np.float64)


def _median_of_subset(ys: NDArray[np.float64], ws: NDArray[np.float64], sel: NDArray[np.bool_], total: float) -> float:
    """Weighted median of the draws ``sel`` picks out of values already sorted (``ys``, weights ``ws``).

    The same arithmetic as ``weighted_quantiles`` of the subset (its order is the
    sorted order restricted to it, ties in row order), without sorting the subset again.
    """
    xs, wsel = ys[sel], ws[sel]
    cw = np.cumsum(wsel) - 0.5 * wsel
    cw /= total
    return float(np.interp((0.5,), cw, xs)[0])


def _weighted(
    d: Draws, targets: Sequence[str], w: NDArray[np.float64], n: int
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, Swing]]]:
    """Weighted Spearman correlations and swings over the first ``n`` draws (weights normalised)."""
    w = w[:n] / w[:n].sum()
    # the lightest draws holding together at most 1e-6 of the weight change no rank visibly
    order = np.argsort(w, kind="stable")
    keep = np.ones(n, dtype=bool)
    keep[order[np.cumsum(w[order]) <= 1e-6]] = False
    w = w[keep] / w[keep].sum()
    ys = {t: np.asarray(d.totals[t][:n][keep], dtype=np.float64) for t in targets}
    # each total sorted once: its ranks, and (read off the same order) its medians in every input's tails
    orders = {t: np.argsort(v, kind="stable") for t, v in ys.items()}
    by_size = {t: (ys[t][o], w[o]) for t, o in orders.items()}
    ry = np.stack([(r := _ecdf(orders[t], w)) - _mean(w, r) for t in targets]) if targets else np.empty((0, w.size))
    sy = np.sqrt(_mean(w, ry * ry))
    rho: dict[str, dict[str, float]] = {}
    swing: dict[str, dict[str, Swing]] = {}
    for name in sorted(d.params):
        x = np.asarray(d.params[name][:n][keep], dtype=np.float64)
        if np.ptp(x) == 0.0:
            continue
        ecdf = _weighted_ranks(x, w)
        low, high = ecdf < _TAIL, ecdf > 1 - _TAIL
        w_low, w_high = float(np.sum(w[low])), float(np.sum(w[high]))
        rx = ecdf - _mean(w, ecdf)
        sx = float(np.sqrt(_mean(w, rx * rx)))
        cov = _mean(w, rx * ry)  # one weighted sum per total
        rho[name], swing[name] = {}, {}
        for i, t in enumerate(targets):
            rho[name][t] = float(cov[i] / (sx * sy[i])) if sy[i] > 0 and sx > 0 else 0.0
            y_sorted, w_sorted = by_size[t]
            o = orders[t]
            lo = _median_of_subset(y_sorted, w_sorted, low[o], w_low) if low.any() else float("nan")
            hi = _median_of_subset(y_sorted, w_sorted, high[o], w_high) if high.any() else float("nan")
            swing[name][t] = {"low": lo, "high": hi}
    return rho, swing


def rank_sensitivity(
    d: Draws,
    targets: Sequence[str] = SENSITIVITY_TARGETS,
    *,
    cap: int = SENSITIVITY_CAP,
    weights: NDArray[Any] | None = None,
) -> Sensitivity:
    """Spearman correlation and tornado swing of every uncertain parameter with each total.

    With ``weights`` (a weighted posterior) ranks and tails are weighted (a weighted
    ECDF), so the figures describe the posterior the report headlines. Returns plain
    data for the report: ``method``, ``draws`` (how many were ranked), ``targets``,
    ``parameters`` (name -> target -> rho), ``swing`` (name -> target -> ``{low,
    high}`` medians of the total in the parameter's bottom and top tenth) and
    ``order`` (parameter names, the largest absolute rho with a headline total first).
    """
    if cap < 10:
        raise TroopledgerError(f"sensitivity needs at least 10 draws to rank, cap is {cap}")
    missing = [t for t in targets if t not in d.totals]
    if missing:
        raise TroopledgerError(f"no per-draw totals for {', '.join(missing)}")
    n = min(d.draws, cap)
    if n < 10:
        raise TroopledgerError(f"sensitivity needs at least 10 draws, the run has {n}")
    if weights is not None:
        w = np.asarray(weights, dtype=np.float64)
        if w.shape != (d.draws,) or not w[:n].sum() > 0:
            raise TroopledgerError("sensitivity weights must be one per draw with a positive sum")
        return _result("spearman, weighted by the posterior", n, targets, *_weighted(d, targets, w, n))
    k = max(1, int(n * _TAIL))
    rows = slice(0, n)
    target_values = {t: np.asarray(d.totals[t][rows], dtype=np.float64) for t in targets}
    target_ranks = {t: _ranks(v) for t, v in target_values.items()}
    target_spread = {t: float(np.sqrt(np.dot(ry, ry))) for t, ry in target_ranks.items()}
    rho: dict[str, dict[str, float]] = {}
    swing: dict[str, dict[str, Swing]] = {}
    for name in sorted(d.params):
        x = np.asarray(d.params[name][rows], dtype=np.float64)
        rx = _ranks(x)
        sx = float(np.sqrt(np.dot(rx, rx)))
        if sx == 0.0:
            continue  # constant over the draws: it moves nothing
        order = np.argsort(x, kind="stable")
        low, high = order[:k], order[-k:]
        rho[name], swing[name] = {}, {}
        for t in targets:
            ry, sy = target_ranks[t], target_spread[t]
            rho[name][t] = float(np.dot(rx, ry) / (sx * sy)) if sy > 0 else 0.0
            y = target_values[t]
            swing[name][t] = {"low": float(np.median(y[low])), "high": float(np.median(y[high]))}
    return _result("spearman", n, targets, rho, swing)


def _result(
    method: str, n: int, targets: Sequence[str], rho: dict[str, dict[str, float]], swing: dict[str, dict[str, Swing]]
) -> Sensitivity:
    lead = [t for t in RANKED_BY if t in targets] or list(targets)
    ranked = sorted(rho, key=lambda p: (-max(abs(rho[p][t]) for t in lead), p))
    return {
        "method": method,
        "draws": n,
        "tail": _TAIL,
        "targets": list(targets),
        "parameters": rho,
        "swing": swing,
        "order": ranked,
    }
