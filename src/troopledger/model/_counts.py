"""Casualty counts as inputs: the monthly hazard that gives "N killed by month M".

People state counts ("600 killed by April"), the model runs on hazards. For each draw
this finds the killed (or wounded) hazard whose cumulative count through the stated
month equals the stated count, by bisection over all draws at once: the cumulative
count rises with the hazard, so the bisection cannot miss. A count the deployment
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
#: Bisection steps: the hazard is pinned to about 2**-50 of its range.
_STEPS = 50


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
        dep = deploy(schedule, replace(casualties, **{field: h}), target.by + 1)
        flow = dep.killed if target.kind == "killed" else dep.wounded
        return np.asarray(flow.sum(axis=1), dtype=float)

    capped = reached(hi) < count
    for _ in range(_STEPS):
        mid = 0.5 * (lo + hi)
        low_side = reached(mid) < count
        lo = np.where(low_side, mid, lo)
        hi = np.where(low_side, hi, mid)
    h = np.where(capped, hi, 0.5 * (lo + hi))
    return replace(casualties, **{field: h}), capped
