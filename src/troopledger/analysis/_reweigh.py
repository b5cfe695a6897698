"""Per-draw totals with each month counted by a factor: a window (0 or 1) or an exchange rate.

A run keeps every draw's horizon total of each money account, and the monthly paths of
a few accounts for the leading draws. Every money account has the monthly *profile* of
one kept path: a state use is ``to_state`` times a share fixed within the draw, money
paid in kind or delivered is ``paid_by_russia`` times a share, a received account is its
owed account times the realised share. So each draw's total with month ``m`` counted
``f[m]`` times is its total times ``sum(path * f) / sum(path)`` of its profile: exact for
the draws whose paths are kept, and for the rest (runs beyond the monthly cap) the ratio
pooled over the kept draws, which is flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from troopledger.model import STATE_USES, Draws

__all__ = ["MONEY_DERIVED", "convert_draws", "profile_of", "reweighed_totals"]

Array = NDArray[np.float64]


def profile_of(name: str, kept: Sequence[str]) -> str:
    """The kept monthly path whose shape ``name``'s monthly flow follows in every draw."""
    if name in kept:
        return name
    if name.startswith("received_"):
        base = name.removeprefix("received_")
        return "paid_by_russia" if base == "by_nk" else profile_of(base, kept)
    if name in STATE_USES:
        return "to_state"
    return "paid_by_russia"


def reweighed_totals(d: Draws, names: Sequence[str], factors: Array) -> tuple[dict[str, Array], bool]:
    """Each draw's total of every ``names`` account with month ``m`` counted ``factors[m]`` times.

    Returns the totals (one array of ``d.draws`` values per name) and whether any draw
    beyond the kept monthly paths needed the pooled ratio.
    """
    f = np.asarray(factors, dtype=np.float64)
    if f.shape != (len(d.months),):
        raise ValueError(f"factors must have one value per month ({len(d.months)}), got {f.shape}")
    kept_names = list(d.monthly)
    ratios: dict[str, tuple[Array, float]] = {}
    out: dict[str, Array] = {}
    pooled_used = False
    for name in names:
        p = profile_of(name, kept_names)
        if p not in ratios:
            path = np.asarray(d.monthly[p], dtype=np.float64)
            whole, weighted = path.sum(axis=1), path @ f
            r = np.divide(weighted, whole, out=np.zeros_like(whole), where=whole != 0)
            pooled = float(weighted.sum() / whole.sum()) if whole.sum() != 0 else float(f.mean())
            ratios[p] = (r, pooled)
        r, pooled = ratios[p]
        total = np.asarray(d.totals[name], dtype=np.float64)
        ratio = np.full(total.shape[0], pooled)
        ratio[: r.shape[0]] = r
        pooled_used = pooled_used or r.shape[0] < total.shape[0]
        out[name] = total * ratio
    return out, pooled_used


#: Per-draw outputs in dollars: converted at the horizon's average rate (exact for a fixed rate).
MONEY_DERIVED = ("take_home_per_soldier_tour", "take_home_per_soldier_month")


def convert_draws(d: Draws, rates: Array, money_params: Sequence[str]) -> Draws:
    """The run's draws with every money figure in another currency, ``rates[m]`` units per dollar in month ``m``.

    Totals are reweighed month by month (:func:`reweighed_totals`), monthly money paths
    are scaled month by month, revenue per year follows the converted total, and
    per-draw amounts that are not tied to a month (a soldier's take-home, the inputs
    named in ``money_params``) take the horizon's average rate. Counts, shares and
    ratios are left alone.
    """
    r = np.asarray(rates, dtype=np.float64)
    mean = float(r.mean())
    totals, _ = reweighed_totals(d, list(d.totals), r)
    monthly = {k: (v * r.astype(v.dtype) if k in d.totals else v) for k, v in d.monthly.items()}
    derived = dict(d.derived)
    for k in MONEY_DERIVED:
        if k in derived:
            derived[k] = derived[k] * mean
    if "revenue_per_year" in derived:
        derived["revenue_per_year"] = totals["paid_by_russia"] * (12.0 / len(d.months))
    params = {k: (v * mean if k in money_params else v) for k, v in d.params.items()}
    constants = {k: (v * mean if k in money_params else v) for k, v in d.constants.items()}
    return replace(
        d,
        totals={k: v.astype(d.totals[k].dtype) for k, v in totals.items()},
        monthly=monthly,
        derived=derived,
        params=params,
        constants=constants,
    )
