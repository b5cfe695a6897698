"""Pay and the state's share wave by wave: military builders need not earn combat pay.

Waves do not interact in the model (each wave's losses are replaced within the wave), so
:func:`~troopledger.model.flows` runs the money one wave at a time, each with its own pay
and state share, and sums it. Every monthly flow is a sum over waves, so the accounts
still add up in every draw and month; the per-draw outputs are recomputed from the sums
(revenue) or averaged over waves weighted by their size (a soldier's take-home).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError
from troopledger.model._deployment import Waves
from troopledger.model._flows import Inputs, flows

__all__ = ["flows_by_wave"]

Array = NDArray[np.float64]


def flows_by_wave(
    x: Inputs, months: int, *, pay: Array | None = None, state_share: Array | None = None
) -> dict[str, Array]:
    """:func:`flows` with pay and/or the state's share given per wave, each ``(draws, waves)``.

    Waves whose column is not given use ``x``'s own value. Only dated waves can differ
    by wave (a rotation's own contingent keeps ``x``'s); a rotation alone raises :class:`ModelError`.
    """
    if pay is None and state_share is None:
        return flows(x, months)
    waves = x.schedule if isinstance(x.schedule, Waves) else x.schedule.extra
    if waves is None:
        raise ModelError("pay or state share by wave needs a dated list of waves, not a rotation alone")
    k = waves.arrival.shape[0]
    for name, a in (("pay", pay), ("state_share", state_share)):
        if a is not None and np.shape(a) != (x.draws, k):
            raise ModelError(f"{name} by wave must be shaped ({x.draws}, {k}), got {np.shape(a)}")
    return flows(x, months, pay=pay, state_share=state_share)
