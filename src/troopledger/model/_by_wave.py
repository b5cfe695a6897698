"""Pay and the state's share wave by wave: military builders need not earn combat pay.

Waves do not interact in the model (each wave's losses are replaced within the wave), so
a dated list of waves can be run one wave at a time, each with its own pay and state
share, and the money summed. Every monthly flow is a sum over waves, so the accounts
still add up in every draw and month; the per-draw outputs are recomputed from the sums
(revenue) or averaged over waves weighted by their size (a soldier's take-home).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError
from troopledger.model._deployment import Waves
from troopledger.model._flows import MONTHLY_OUTPUTS, Inputs, flows

__all__ = ["flows_by_wave"]

Array = NDArray[np.float64]


def flows_by_wave(
    x: Inputs, months: int, *, pay: Array | None = None, state_share: Array | None = None
) -> dict[str, Array]:
    """:func:`flows` with pay and/or the state's share given per wave, each ``(draws, waves)``.

    Waves whose column is not given use ``x``'s own value. Only a dated list of waves
    can differ by wave; a rotation raises :class:`ModelError`.
    """
    if pay is None and state_share is None:
        return flows(x, months)
    if not isinstance(x.schedule, Waves):
        raise ModelError("pay or state share by wave needs a dated list of waves, not a rotation")
    s = x.schedule
    k = s.arrival.shape[0]
    for name, a in (("pay", pay), ("state_share", state_share)):
        if a is not None and np.shape(a) != (x.draws, k):
            raise ModelError(f"{name} by wave must be shaped ({x.draws}, {k}), got {np.shape(a)}")
    total: dict[str, Array] = {}
    parts = []
    for w in range(k):
        prof = None if s.profile is None else np.asarray(s.profile)[w : w + 1]
        one = Waves(s.arrival[w : w + 1], s.size[:, w : w + 1], s.tour[:, w : w + 1], prof)
        xw = replace(
            x,
            schedule=one,
            pay_per_soldier_month=x.pay_per_soldier_month if pay is None else pay[:, w],
            state_share_of_pay=x.state_share_of_pay if state_share is None else state_share[:, w],
        )
        out = flows(xw, months)
        for name in MONTHLY_OUTPUTS:
            total[name] = total[name] + out[name] if name in total else out[name].copy()
        parts.append(out)
    whole = flows(x, months)  # the per-draw outputs of the whole deployment (tour, chance of death, GDP)
    size = np.asarray(s.size, dtype=float)
    sent = size.sum(axis=1, keepdims=True)
    weight = np.divide(size, sent, out=np.full_like(size, 1.0 / k), where=sent > 0)
    take_home = sum((weight[:, w] * parts[w]["take_home_per_soldier_tour"] for w in range(k)), np.zeros(x.draws))
    per_month = sum((weight[:, w] * parts[w]["take_home_per_soldier_month"] for w in range(k)), np.zeros(x.draws))
    revenue = total["paid_by_russia"].sum(axis=1) * (12.0 / months)
    total.update(
        take_home_per_soldier_tour=take_home,
        take_home_per_soldier_month=per_month,
        tour_months=whole["tour_months"],
        p_killed_tour=whole["p_killed_tour"],
        take_home_years_of_wages=take_home / (12.0 * x.domestic_monthly_wage),
        revenue_per_year=revenue,
        revenue_share_of_gdp=revenue / x.nk_gdp,
        revenue_multiple_of_luxury_imports=revenue / x.luxury_imports,
    )
    return total
