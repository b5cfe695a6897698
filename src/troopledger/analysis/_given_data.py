"""Variance-based sensitivity from the draws a run already has (SALib's RBD-FAST, given data).

Rank correlations (:mod:`troopledger.analysis._sensitivity`) say which way and how
monotonically an input moves a total. RBD-FAST's first-order index says what share of
the total's variance the input explains on its own, whatever the shape of the relation;
it is estimated from the existing random draws (no designed sample, no re-runs), which
is what the field calls a given-data method. Indices are estimated on the leading
draws (draws come in independent random blocks, so these are a fair sample), with
SALib's bootstrap interval. Run month by month, the same index says which inputs drive
each month: early months turn on the first wave's size, later ones on pay and tours.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import TroopledgerError
from troopledger.model import Draws

__all__ = ["GIVEN_DATA_CAP", "MONTHLY_SENSITIVITY_CAP", "given_data_sensitivity", "sensitivity_over_time"]

#: Draws used for the first-order indices of the totals.
GIVEN_DATA_CAP = 10_000
#: Draws used for each month's indices (one estimate per month).
MONTHLY_SENSITIVITY_CAP = 5_000
#: RBD-FAST harmonics, as SALib's default.
_HARMONICS = 10


def _inputs(d: Draws, n: int) -> tuple[list[str], NDArray[np.float64]]:
    names = [k for k in sorted(d.params) if np.ptp(np.asarray(d.params[k][:n], dtype=float)) > 0]
    x = np.column_stack([np.asarray(d.params[k][:n], dtype=np.float64) for k in names]) if names else np.empty((n, 0))
    return names, x


def _rbd_fast(names: list[str], x: NDArray[np.float64], y: NDArray[np.float64], seed: int, resamples: int) -> Any:
    from SALib.analyze import rbd_fast  # a heavy import: only when a report asks for it

    if np.ptp(y) == 0 or not names:  # a target that does not vary has nothing to explain
        return {"S1": np.zeros(len(names)), "S1_conf": np.zeros(len(names))}
    problem = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return rbd_fast.analyze(problem, x, y, M=_HARMONICS, num_resamples=resamples, seed=seed)


def _clip(v: Any) -> float:
    x = float(v)
    return min(max(x, 0.0), 1.0) if np.isfinite(x) else 0.0


def given_data_sensitivity(
    d: Draws, targets: Sequence[str], *, cap: int = GIVEN_DATA_CAP, resamples: int = 10
) -> dict[str, Any]:
    """RBD-FAST first-order index (and its 95 % bootstrap half-width) of each input on each total.

    Returns plain data: ``method``, ``draws``, ``targets``, ``first_order`` (input ->
    target -> S1 in [0, 1]), ``conf`` (same shape) and ``order`` (largest index first).
    """
    n = min(d.draws, cap)
    if n < 4 * _HARMONICS + 1:
        raise TroopledgerError(f"RBD-FAST needs more than {4 * _HARMONICS} draws, the run has {n}")
    names, x = _inputs(d, n)
    first: dict[str, dict[str, float]] = {k: {} for k in names}
    conf: dict[str, dict[str, float]] = {k: {} for k in names}
    for t in targets:
        res = _rbd_fast(names, x, np.asarray(d.totals[t][:n], dtype=np.float64), d.seed, resamples)
        for i, k in enumerate(names):
            first[k][t] = _clip(res["S1"][i])
            conf[k][t] = abs(float(np.nan_to_num(res["S1_conf"][i])))
    order = sorted(names, key=lambda k: -max(first[k].values(), default=0.0))
    return {
        "method": "rbd_fast",
        "draws": n,
        "targets": list(targets),
        "first_order": first,
        "conf": conf,
        "order": order,
    }


def sensitivity_over_time(
    d: Draws, target: str = "paid_by_russia", *, cap: int = MONTHLY_SENSITIVITY_CAP, top: int = 6
) -> dict[str, Any]:
    """RBD-FAST first-order index of each input on one monthly flow, month by month.

    Returns ``target``, ``months``, ``draws``, ``first_order`` (input -> one index per
    month) for the ``top`` inputs with the largest index in any month, and ``order``.
    """
    paths = np.asarray(d.monthly[target], dtype=np.float64)
    n = min(paths.shape[0], cap)
    if n < 4 * _HARMONICS + 1:
        raise TroopledgerError(f"RBD-FAST needs more than {4 * _HARMONICS} draws, the run keeps {n}")
    names, x = _inputs(d, n)
    table = np.zeros((len(names), paths.shape[1]))
    for m in range(paths.shape[1]):
        res = _rbd_fast(names, x, paths[:n, m], d.seed, 1)
        table[:, m] = [_clip(v) for v in res["S1"]]
    peak = table.max(axis=1) if names else np.zeros(0)
    keep = [names[i] for i in np.argsort(-peak, kind="stable")[:top] if peak[i] > 0]
    return {
        "method": "rbd_fast",
        "target": target,
        "months": list(d.months),
        "draws": n,
        "first_order": {k: table[names.index(k)].tolist() for k in keep},
        "order": keep,
    }
