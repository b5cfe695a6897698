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
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.stats import rankdata

from troopledger.errors import TroopledgerError
from troopledger.model import Draws

__all__ = ["SENSITIVITY_CAP", "SENSITIVITY_TARGETS", "rank_sensitivity"]

#: Totals whose sensitivity is reported, in the order reports show them.
SENSITIVITY_TARGETS = ("paid_by_russia", "to_state", "to_soldiers", "to_families")
#: At most this many leading draws are ranked (draws come in random blocks, so they are a fair sample).
SENSITIVITY_CAP = 100_000
#: Share of draws in each tail of the tornado swing.
_TAIL = 0.1


def _ranks(x: NDArray[Any]) -> NDArray[np.float64]:
    r = rankdata(np.asarray(x, dtype=np.float64))
    return np.asarray(r - r.mean(), dtype=np.float64)


def rank_sensitivity(
    d: Draws, targets: Sequence[str] = SENSITIVITY_TARGETS, *, cap: int = SENSITIVITY_CAP
) -> dict[str, Any]:
    """Spearman correlation and tornado swing of every uncertain parameter with each total.

    Returns plain data for the report: ``method``, ``draws`` (how many were ranked),
    ``targets``, ``parameters`` (name -> target -> rho), ``swing`` (name -> target ->
    ``{low, high}`` medians of the total in the parameter's bottom and top tenth) and
    ``order`` (parameter names, strongest largest absolute rho first).
    """
    if cap < 10:
        raise TroopledgerError(f"sensitivity needs at least 10 draws to rank, cap is {cap}")
    missing = [t for t in targets if t not in d.totals]
    if missing:
        raise TroopledgerError(f"no per-draw totals for {', '.join(missing)}")
    n = min(d.draws, cap)
    if n < 10:
        raise TroopledgerError(f"sensitivity needs at least 10 draws, the run has {n}")
    k = max(1, int(n * _TAIL))
    target_values = {t: np.asarray(d.totals[t][:n], dtype=np.float64) for t in targets}
    target_ranks = {t: _ranks(v) for t, v in target_values.items()}
    rho: dict[str, dict[str, float]] = {}
    swing: dict[str, dict[str, dict[str, float]]] = {}
    for name in sorted(d.params):
        x = np.asarray(d.params[name][:n], dtype=np.float64)
        rx = _ranks(x)
        sx = float(np.sqrt(np.dot(rx, rx)))
        if sx == 0.0:
            continue  # constant over the draws: it moves nothing
        order = np.argsort(x, kind="stable")
        low, high = order[:k], order[-k:]
        rho[name], swing[name] = {}, {}
        for t in targets:
            ry = target_ranks[t]
            sy = float(np.sqrt(np.dot(ry, ry)))
            rho[name][t] = float(np.dot(rx, ry) / (sx * sy)) if sy > 0 else 0.0
            y = target_values[t]
            swing[name][t] = {"low": float(np.median(y[low])), "high": float(np.median(y[high]))}
    ranked = sorted(rho, key=lambda p: -max(abs(v) for v in rho[p].values()))
    return {
        "method": "spearman",
        "draws": n,
        "tail": _TAIL,
        "targets": list(targets),
        "parameters": rho,
        "swing": swing,
        "order": ranked,
    }
