"""Variance-based sensitivity from the draws a run already has (RBD-FAST, given data).

Rank correlations (:mod:`troopledger.analysis._sensitivity`) say which way and how
monotonically an input moves a total. RBD-FAST's first-order index says what share of
the total's variance the input explains on its own, whatever the shape of the relation;
it is estimated from existing random draws (no designed sample, no re-runs), which is
what the field calls a given-data method (Tarantola et al. 2006; Plischke 2010; the
bias correction of Tissot and Prieur 2012). The estimator is SALib's ``rbd_fast``
(tests check the indices agree with it to 1e-9), computed here for every input and
target at once with one FFT, which makes it fast enough for every report. With
weights (a calibrated posterior) the indices are estimated on a seeded weighted
resample of the posterior draws, so they explain the figure the report headlines.
Run month by month, the same index says which inputs drive each month.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import TroopledgerError
from troopledger.model import Draws

__all__ = [
    "GIVEN_DATA_CAP",
    "MONTHLY_SENSITIVITY_CAP",
    "first_order_indices",
    "given_data_sensitivity",
    "posterior_resample",
    "sensitivity_over_time",
]

#: Draws used for the first-order indices of the totals.
GIVEN_DATA_CAP = 10_000
#: Draws used for each month's indices (one estimate per month).
MONTHLY_SENSITIVITY_CAP = 5_000
#: RBD-FAST harmonics, as SALib's default.
_HARMONICS = 10
#: Two-sided 95 % normal quantile, for the bootstrap half-width (as SALib's ``conf_level=0.95``).
_Z95 = 1.959963984540054
#: Stream of the run's seed that the posterior resample draws from (apart from the model's).
_RESAMPLE_STREAM = 0x5E5


def first_order_indices(x: NDArray[np.float64], y: NDArray[np.float64], harmonics: int = _HARMONICS) -> NDArray[Any]:
    """RBD-FAST first-order index of each column of ``x`` (n, inputs) on each column of ``y`` (n, targets).

    Each input sorts the outputs into Plischke's zig-zag order; the share of the
    output's spectrum in the first ``harmonics`` frequencies, bias-corrected, is the
    index. Returns (inputs, targets); a target that does not vary gets zeros.
    """
    n = x.shape[0]
    order = np.argsort(x, axis=0)
    perm = np.concatenate([order[::2], order[1::2][::-1]], axis=0)  # (n, inputs)
    yp = y[perm]  # (n, inputs, targets)
    yp = yp - yp.mean(axis=0)
    f = np.fft.rfft(yp, axis=0)
    power = f.real**2 + f.imag**2
    # the one-sided periodogram counts every bin twice except the zero one and, for even n, the last
    total = 2.0 * power[1:].sum(axis=0) - (power[-1] if n % 2 == 0 else 0.0)
    low = 2.0 * power[1 : harmonics + 1].sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        s1 = np.where(total > 0, low / np.where(total > 0, total, 1.0), 0.0)
    lamb = 2 * harmonics / n
    out = s1 - lamb / (1 - lamb) * (1 - s1)
    return np.where(total > 0, out, 0.0)


def posterior_resample(d: Draws, weights: NDArray[Any], n: int, *, rows: int | None = None) -> NDArray[np.intp]:
    """``n`` indices of draws (among the first ``rows``) chosen by systematic resampling on their weights.

    A weighted posterior's draws become an equally weighted sample of it; the offset
    comes from a stream of the run's seed, so the same seed gives the same resample.
    """
    m = d.draws if rows is None else rows
    w = np.asarray(weights, dtype=np.float64)[:m]
    if w.size == 0 or not w.sum() > 0:
        raise TroopledgerError("a posterior resample needs weights with a positive sum")
    cw = np.cumsum(w / w.sum())
    u = (np.random.default_rng([d.seed, _RESAMPLE_STREAM]).random() + np.arange(n)) / n
    return np.minimum(np.searchsorted(cw, u, side="right"), m - 1).astype(np.intp)


def _rows(d: Draws, cap: int, weights: NDArray[Any] | None, kept: int) -> tuple[int, NDArray[np.intp] | slice]:
    """How many draws an analysis reads, and which: the leading ones, or a resample of the weighted posterior."""
    n = min(kept, cap)
    return n, slice(0, n) if weights is None else posterior_resample(d, weights, n, rows=kept)


def _inputs(d: Draws, rows: NDArray[np.intp] | slice) -> tuple[list[str], NDArray[np.float64]]:
    cols = {k: np.asarray(d.params[k], dtype=np.float64)[rows] for k in sorted(d.params)}
    names = [k for k, v in cols.items() if np.ptp(v) > 0]
    n = len(next(iter(cols.values()))) if cols else 0
    x = np.column_stack([cols[k] for k in names]) if names else np.empty((n, 0))
    return names, x


def _clip(v: Any) -> float:
    x = float(v)
    return min(max(x, 0.0), 1.0) if np.isfinite(x) else 0.0


def given_data_sensitivity(
    d: Draws,
    targets: Sequence[str],
    *,
    cap: int = GIVEN_DATA_CAP,
    resamples: int = 10,
    weights: NDArray[Any] | None = None,
) -> dict[str, Any]:
    """RBD-FAST first-order index (and its 95 % bootstrap half-width) of each input on each total.

    With ``weights`` the indices are those of the weighted posterior (estimated on a
    seeded resample of ``cap`` draws). Returns plain data: ``method``, ``draws``,
    ``targets``, ``first_order`` (input -> target -> S1 in [0, 1]), ``conf`` (same
    shape), ``order`` (largest index first) and ``weighted``.
    """
    n, rows = _rows(d, cap, weights, d.draws)
    if n < 4 * _HARMONICS + 1:
        raise TroopledgerError(f"RBD-FAST needs more than {4 * _HARMONICS} draws, the run has {n}")
    names, x = _inputs(d, rows)
    y = np.column_stack([np.asarray(d.totals[t], dtype=np.float64)[rows] for t in targets])
    s1 = first_order_indices(x, y)
    # bootstrap as SALib's: half-size resamples with replacement, a normal half-width of their spread
    rng = np.random.default_rng([d.seed, _RESAMPLE_STREAM, 1])
    boot = np.stack([first_order_indices(x[i], y[i]) for i in (rng.integers(0, n, n // 2) for _ in range(resamples))])
    conf = _Z95 * boot.std(axis=0, ddof=1) if resamples > 1 else np.zeros_like(s1)
    first = {k: {t: _clip(s1[i, j]) for j, t in enumerate(targets)} for i, k in enumerate(names)}
    half = {k: {t: abs(float(np.nan_to_num(conf[i, j]))) for j, t in enumerate(targets)} for i, k in enumerate(names)}
    order = sorted(names, key=lambda k: -max(first[k].values(), default=0.0))
    return {
        "method": "rbd_fast",
        "draws": n,
        "weighted": weights is not None,
        "targets": list(targets),
        "first_order": first,
        "conf": half,
        "order": order,
    }


def sensitivity_over_time(
    d: Draws,
    target: str = "paid_by_russia",
    *,
    cap: int = MONTHLY_SENSITIVITY_CAP,
    top: int = 6,
    weights: NDArray[Any] | None = None,
) -> dict[str, Any]:
    """RBD-FAST first-order index of each input on one monthly flow, month by month.

    With ``weights``, on a seeded resample of the weighted posterior. Returns
    ``target``, ``months``, ``draws``, ``first_order`` (input -> one index per month)
    for the ``top`` inputs with the largest index in any month, and ``order``.
    """
    paths = np.asarray(d.monthly[target])
    n, rows = _rows(d, cap, weights, paths.shape[0])
    if n < 4 * _HARMONICS + 1:
        raise TroopledgerError(f"RBD-FAST needs more than {4 * _HARMONICS} draws, the run keeps {n}")
    names, x = _inputs(d, rows)
    table = first_order_indices(x, np.asarray(paths[rows], dtype=np.float64))
    table = np.clip(np.nan_to_num(table), 0.0, 1.0)
    peak = table.max(axis=1) if names else np.zeros(0)
    keep = [names[i] for i in np.argsort(-peak, kind="stable")[:top] if peak[i] > 0]
    return {
        "method": "rbd_fast",
        "target": target,
        "months": list(d.months),
        "draws": n,
        "weighted": weights is not None,
        "first_order": {k: table[names.index(k)].tolist() for k in keep},
        "order": keep,
    }
