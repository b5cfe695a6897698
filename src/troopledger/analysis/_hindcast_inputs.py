"""Which later claims a history can hold against an earlier prediction, and the prediction of an input.

Most claims of a case build its inputs (a rank's pay, a wave's size, the state's
share, the death payment). Before such a claim is reported, the case as known then
still draws that input (from earlier claims, or from its ``not_yet_known``
assumption): those draws are the prediction the later claim is held against, in the
input's own unit (a yearly figure read per month where the input is monthly). An
input the case *fixes* until a claim comes (``not_yet_known = { fixed = 0 }``: "none
counted") predicts nothing, so the claim is not scored on that day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from troopledger.claims import QUANTITIES, Claim, readings
from troopledger.evidence import PARAMETERS, Prior, reported_on

__all__ = ["family_of", "input_slots", "later_claims", "predicted_input"]

Array = NDArray[np.float64]

_USABLE = ("accepted", "edited")
_NOT_COMPUTED = ("other", "non_combat_pay")

#: Families a history's coverage is told by: what a claim is about, in words.
_FAMILIES = {
    "troops_deployed": "soldiers",
    "cumulative_troops": "soldiers",
    "troops_per_rotation": "soldiers",
    "rotation_interval_months": "soldiers",
    "casualties_killed": "casualties",
    "casualties_wounded": "casualties",
    "casualties_total": "casualties",
    "pay_per_soldier_month": "pay",
    "signing_bonus": "pay",
    "soldier_take_home": "pay",
    "death_compensation": "death payments",
    "total_revenue_to_nk": "totals paid",
    "state_share_of_pay": "shares",
    "family_share_of_death_pay": "shares",
    "family_share_of_unpaid_pay": "shares",
    "in_kind_share": "shares",
    "killed_acknowledged_by_nk": "casualties",
    "revenue_received": "totals paid",
    "realised_share": "shares",
    "domestic_monthly_wage": "economy",
    "nk_gdp": "economy",
    "luxury_imports": "economy",
}


def family_of(quantity: str) -> str:
    """The family a quantity's scores are counted in (soldiers, casualties, pay, death payments, ...)."""
    return _FAMILIES.get(quantity, "other")


def input_slots(prior: Prior) -> dict[str, str]:
    """Claim id -> the input slot the whole case builds from it (the slot named after its quantity first)."""
    by_claim: dict[str, list[str]] = {}
    for name, ids in prior.cited.items():
        if name != "state_uses" and not name.startswith("reward_"):
            for cid in dict.fromkeys(ids):
                by_claim.setdefault(cid, []).append(name)
    quantity = {c.id: c.quantity for c in prior.claims}
    return {cid: sorted(names, key=lambda n: n != quantity.get(cid))[0] for cid, names in by_claim.items()}


def later_claims(claims: Sequence[Claim], cited: set[str]) -> tuple[list[Claim], dict[str, str]]:
    """The claims a history may score (usable, dated, about something modelled), and why each other is not.

    A statement split into parts the case uses one by one (``r20`` into ``r20-private``,
    ``r20-nco``, ...) is scored through its parts: the whole is a range over ranks or
    roles, not a figure of one input.
    """
    out: list[Claim] = []
    why: dict[str, str] = {}
    for c in claims:
        parts = [p.id for p in claims if p.id.startswith(c.id + "-") and p.quantity == c.quantity and p.id in cited]
        if c.status not in _USABLE:
            why[c.id] = f"its review status is '{c.status}'"
        elif c.quantity in _NOT_COMPUTED or c.quantity.startswith("other"):
            why[c.id] = f"'{c.quantity}' is not something the model computes"
        elif parts and c.id not in cited:
            why[c.id] = f"a statement split into parts ({', '.join(parts)}), which are scored instead"
        elif reported_on(c) is None:
            why[c.id] = "undated: it counts as always known, so nothing came before it"
        else:
            out.append(c)
    return out, why


def _base(unit: str) -> str:
    return unit.split("/")[0]


def predicted_input(
    claim: Claim, slot: str, params: Mapping[str, Array], constants: Mapping[str, float], draws: int
) -> tuple[Array, str, str] | str:
    """The draws of ``slot`` as a prediction of ``claim``, read in the claim's unit, with what and unit; or why not.

    The claim's figure is not changed: the draws are converted into the claim's
    period (an input per month held against a claim per year is multiplied by 12).
    """
    info = PARAMETERS.get(slot)
    unit = info.unit if info is not None else (QUANTITIES[claim.quantity].unit if claim.quantity in QUANTITIES else "")
    what = info.meaning if info is not None else slot.replace("_", " ")
    if slot in params:
        values = np.asarray(params[slot], dtype=np.float64)[:draws]
    elif slot in constants:
        v = float(constants[slot])
        return f"the case fixes {what} at {v:g} until a claim about it is reported: an assumption, not a prediction"
    else:
        return f"the case draws no '{slot}'"
    if values.size and float(np.ptp(values)) == 0.0:
        return f"the case fixes {what} at {values[0]:g} on this day: an assumption, not a prediction"
    if unit and claim.unit and _base(unit) != _base(claim.unit):
        return f"its unit {claim.unit} is not the model's {unit}"
    try:
        ways = readings(claim, unit) if unit else []
    except ValueError as e:
        return str(e)
    if len(ways) > 1:
        return f"its period is open ({', '.join(r.label for r in ways)}): no single reading to score"
    factor = ways[0].factor if ways else 1.0
    shown = claim.unit or unit
    return values / factor, what, shown
