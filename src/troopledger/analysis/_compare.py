"""Two runs side by side: each one's totals, and the draw-by-draw difference with its interval.

A calibrated case compares posterior draws: the first run's, and the second run's
mapped onto the same draws and reweighted by its claims; otherwise prior draws.

Two cases or scenarios run with the same seed share common random numbers: every input
they have in common gets the same draws (each input has its own random stream), so draw
``i`` of one run and draw ``i`` of the other differ only by what the scenario changed.
The difference is therefore taken draw by draw, and its interval is the interval of
those paired differences, much narrower than the gap between two separate intervals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._desk import Desk
from troopledger.analysis._reweigh import reweighed_totals
from troopledger.analysis._summary import interval_stats
from troopledger.analysis._windows import Window
from troopledger.calibration import calibrate, compile_observations, paired_posterior
from troopledger.errors import TroopledgerError
from troopledger.evidence import Prior
from troopledger.model import Draws, collect

__all__ = ["compare_draws", "compare_runs", "pair_weights"]


Weights = tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]] | None


def _cut(w: NDArray[np.float64] | None, n: int) -> NDArray[np.float64] | None:
    return None if w is None else w[:n]


def _row(a: NDArray[Any], b: NDArray[Any], w: Weights = None) -> dict[str, Any]:
    a64, b64 = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    diff = b64 - a64
    diff[np.abs(diff) <= 1e-9 * np.maximum(np.abs(a64), np.abs(b64))] = 0.0  # rounding, not a difference
    n = a64.size
    wa, wb, wd = (None, None, None) if w is None else (_cut(w[0], n), _cut(w[1], n), _cut(w[2], n))
    higher = float(np.mean(diff > 0)) if wd is None else float(wd[diff > 0].sum() / wd.sum())
    return {
        "a": interval_stats(a64, wa),
        "b": interval_stats(b64, wb),
        "difference": interval_stats(diff, wd),
        "share_b_higher": higher,
    }


def pair_weights(wa: NDArray[Any], wb: NDArray[Any]) -> NDArray[np.float64]:
    """Weights of the paired differences: the geometric mean of the two runs' weights, normalised.

    Where both runs weigh a draw alike (a change the claims do not see) it is each run's weight.
    """
    a = np.asarray(wa, dtype=np.float64) / float(np.sum(wa))
    b = np.asarray(wb, dtype=np.float64) / float(np.sum(wb))
    g = np.sqrt(a * b)
    return np.asarray(g / g.sum(), dtype=np.float64)


def _ess(w: NDArray[Any]) -> float:
    return float(np.sum(w)) ** 2 / float(np.sum(np.square(w)))


def compare_draws(
    a: Draws,
    b: Draws,
    *,
    labels: tuple[str, str] = ("a", "b"),
    windows: Sequence[Window] = (),
    weights: tuple[NDArray[Any], NDArray[Any]] | None = None,
) -> dict[str, Any]:
    """Compare two runs drawn with the same seed and number of draws, draw by draw.

    Returns plain data: ``labels``, ``seed``, ``draws``, ``totals`` and ``derived``
    (name -> ``{a, b, difference, share_b_higher}``, each side ``{mean, p5, p50, p95}``;
    difference is ``b - a``) for the names both runs have, and for each window of
    ``windows`` the same rows computed from the monthly paths both runs keep.
    ``weights`` (one array per run) weighs each run's draws (calibrated posteriors paired
    draw by draw) and the differences by :func:`pair_weights`; ``draws_used`` says
    which draws were compared and ``effective_draws`` how many they are worth.
    """
    if a.draws != b.draws or a.seed != b.seed:
        raise TroopledgerError("compare needs two runs with the same seed and number of draws (common random numbers)")
    out: dict[str, Any] = {"labels": list(labels), "seed": a.seed, "draws": a.draws}
    w: Weights = None
    if weights is None:
        out["draws_used"] = "prior"
    else:
        wa, wb = (np.asarray(x, dtype=np.float64) for x in weights)
        w = (wa, wb, pair_weights(wa, wb))
        out["draws_used"] = "posterior"
        out["effective_draws"] = {"a": _ess(wa), "b": _ess(wb), "difference": _ess(w[2])}
    out["totals"] = {k: _row(a.totals[k], b.totals[k], w) for k in a.totals if k in b.totals}
    out["derived"] = {k: _row(a.derived[k], b.derived[k], w) for k in a.derived if k in b.derived}
    if windows:
        if a.months != b.months:
            raise TroopledgerError("windows need both runs to cover the same months; compare totals instead")
        names = [k for k in a.totals if k in b.totals]
        rows = []
        for win in windows:
            factors = np.zeros(len(a.months))
            factors[win.start : win.stop] = 1.0
            ta, _ = reweighed_totals(a, names, factors)
            tb, _ = reweighed_totals(b, names, factors)
            row = {k: _row(ta[k], tb[k], w) for k in names}
            rows.append({"window": win.label, "months": win.months, "totals": row})
        out["windows"] = rows
    return out


def compare_runs(
    a: Prior,
    b: Prior,
    draws: int,
    seed: int,
    *,
    desk: Desk,
    labels: tuple[str, str] = ("a", "b"),
    posterior: bool | None = None,
    workers: int = 1,
) -> dict[str, Any]:
    """Run two resolved cases with common random numbers and compare them draw by draw.

    ``posterior`` (default: when the first run has claims to weigh it by) pairs the
    calibrated posterior draws: the first run is calibrated, the second mapped onto the
    same draws and reweighted by its own claims (:func:`troopledger.calibration.paired_posterior`);
    otherwise the prior draws are paired. The result says which in ``draws_used``.
    """
    if posterior is None:
        posterior = len(compile_observations(a).evidence()) > 0
    conv = desk.conversion(a)
    conv_b = desk.conversion(b) if b.horizon != a.horizon else conv
    wins = desk.window_list(a) if desk.windows else []
    if not posterior:
        da, db = collect(a, draws, seed, workers=workers), collect(b, draws, seed, workers=workers)
        return compare_draws(desk.view(a, da, conv), desk.view(b, db, conv_b), labels=labels, windows=wins)
    cal = calibrate(a, draws, seed, workers=workers)
    if cal.posterior_draws is None or cal.weights is None:
        raise TroopledgerError("the first run has no claims to weigh it by; compare its prior draws")
    db, wb = paired_posterior(b, cal, seed, workers=workers)
    return compare_draws(
        desk.view(a, cal.posterior_draws, conv),
        desk.view(b, db, conv_b),
        labels=labels,
        windows=wins,
        weights=(cal.weights.weights, wb.weights),
    )
