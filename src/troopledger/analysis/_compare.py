"""Two runs side by side: each one's totals, and the draw-by-draw difference with its interval.

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

from troopledger.analysis._reweigh import reweighed_totals
from troopledger.analysis._summary import interval_stats
from troopledger.analysis._windows import Window
from troopledger.errors import TroopledgerError
from troopledger.model import Draws

__all__ = ["compare_draws"]


def _row(a: NDArray[Any], b: NDArray[Any]) -> dict[str, Any]:
    a64, b64 = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    diff = b64 - a64
    diff[np.abs(diff) <= 1e-9 * np.maximum(np.abs(a64), np.abs(b64))] = 0.0  # rounding, not a difference
    return {
        "a": interval_stats(a64),
        "b": interval_stats(b64),
        "difference": interval_stats(diff),
        "share_b_higher": float(np.mean(diff > 0)),
    }


def compare_draws(
    a: Draws,
    b: Draws,
    *,
    labels: tuple[str, str] = ("a", "b"),
    windows: Sequence[Window] = (),
) -> dict[str, Any]:
    """Compare two runs drawn with the same seed and number of draws, draw by draw.

    Returns plain data: ``labels``, ``seed``, ``draws``, ``totals`` and ``derived``
    (name -> ``{a, b, difference, share_b_higher}``, each side ``{mean, p5, p50, p95}``;
    difference is ``b - a``) for the names both runs have, and for each window of
    ``windows`` the same rows computed from the monthly paths both runs keep.
    """
    if a.draws != b.draws or a.seed != b.seed:
        raise TroopledgerError("compare needs two runs with the same seed and number of draws (common random numbers)")
    out: dict[str, Any] = {"labels": list(labels), "seed": a.seed, "draws": a.draws}
    out["totals"] = {k: _row(a.totals[k], b.totals[k]) for k in a.totals if k in b.totals}
    out["derived"] = {k: _row(a.derived[k], b.derived[k]) for k in a.derived if k in b.derived}
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
            rows.append({"window": win.label, "months": win.months, "totals": {k: _row(ta[k], tb[k]) for k in names}})
        out["windows"] = rows
    return out
