"""Casualty counts as inputs: the monthly hazard that gives "N killed by month M".

People state counts ("600 killed by April"), the model runs on hazards. For each draw
this finds the killed (or wounded) hazard whose cumulative count through the stated
month equals the stated count, over all draws at once, by a bracketing root finder
(Illinois regula falsi): the cumulative count rises with the hazard, so the bracket
always holds the root. A count the deployment
cannot reach (more deaths than soldiers sent) takes the largest hazard allowed, and the
draw is reported as capped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError
from troopledger.model._deployment import Casualties, Rotation, Waves, deploy

__all__ = ["CountTarget", "hazard_for_count"]

Array = NDArray[np.float64]
#: At most this many model runs per solve; it stops once every count is met to :data:`_RTOL`.
_STEPS = 60
#: Relative tolerance on the count.
_RTOL = 1e-10


@dataclass(frozen=True)
class CountTarget:
    """A stated count: ``count`` (``(draws,)``) killed or wounded from the start through month ``by`` (an index)."""

    kind: Literal["killed", "wounded"]
    count: Array
    by: int


def hazard_for_count(
    schedule: Rotation | Waves, casualties: Casualties, target: CountTarget, months: int
) -> tuple[Casualties, NDArray[np.bool_]]:
    """``casualties`` with the target's hazard solved so the count through month ``by`` matches.

    Returns the new casualties and a ``(draws,)`` mask of draws whose count could not be
    reached (those keep the largest hazard the other hazard leaves room for).
    """
    if not 0 <= target.by < months:
        raise ModelError(f"a count by month index {target.by} lies outside the {months}-month horizon")
    count = np.asarray(target.count, dtype=float)
    if count.shape != np.shape(casualties.killed_hazard) or not np.all(np.isfinite(count)) or np.any(count < 0):
        raise ModelError("casualty counts must be finite, >= 0 and shaped (draws,)")
    field = "killed_hazard" if target.kind == "killed" else "wounded_hazard"
    other = np.asarray(casualties.wounded_hazard if target.kind == "killed" else casualties.killed_hazard, float)
    lo = np.zeros_like(count)
    hi = np.maximum(1.0 - other, 0.0)

    def reached(h: Array) -> Array:
        dep = deploy(schedule, replace(casualties, **{field: h}), months)  # waves may arrive after the count's month
        flow = dep.killed if target.kind == "killed" else dep.wounded
        return np.asarray(flow[:, : target.by + 1].sum(axis=1), dtype=float)

    f_lo = -count
    f_hi = reached(hi) - count
    # A count within the solver's tolerance of the most reachable is reachable: without the
    # tolerance, rounding (tiny or subnormal waves) could call a reachable count capped.
    tol = _RTOL * np.maximum(count, 1.0)
    capped = f_hi < -tol
    # Illinois (regula falsi that halves a stale end): the count is smooth in the hazard,
    # so this converges in about ten model runs where bisection takes fifty.
    h = np.where(capped, hi, 0.0)
    side = np.zeros(count.shape, dtype=np.int8)
    for _ in range(_STEPS):
        span = f_hi - f_lo
        guess = np.where(span > 0, hi - f_hi * (hi - lo) / np.where(span > 0, span, 1.0), 0.5 * (lo + hi))
        guess = np.clip(guess, lo, hi)
        f = reached(guess) - count
        h = np.where(capped, hi, guess)
        if np.all(capped | (np.abs(f) <= tol)):
            break
        up = f < 0  # the root is above the guess
        f_hi = np.where(~up, f, np.where(side == 1, 0.5 * f_hi, f_hi))
        f_lo = np.where(up, f, np.where(side == -1, 0.5 * f_lo, f_lo))
        hi, lo = np.where(~up, guess, hi), np.where(up, guess, lo)
        side = np.where(up, 1, -1).astype(np.int8)
    return replace(casualties, **{field: h}), capped
