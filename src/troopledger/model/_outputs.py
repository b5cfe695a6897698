"""The model's outputs, declared once: name, unit, label and role.

Every stage that names an output (the labelled Dataset of :func:`simulate`, the
summaries, the report's tables and charts) reads it from :data:`OUTPUTS`. The four
state uses are the case file's Dirichlet components
(:data:`~troopledger.evidence.STATE_USE_NAMES`) with a ``state_`` prefix, spelled
nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from troopledger.evidence import STATE_USE_NAMES

__all__ = ["ACCOUNTS", "OUTPUTS", "STATE_USES", "Output", "state_use_output"]

Role = Literal["account", "monthly", "derived"]


def state_use_output(use: str) -> str:
    """The monthly output of one of the state's uses: ``state_<use>``."""
    return f"state_{use}"


#: Where Russia's money lands: every dollar in exactly one of these.
ACCOUNTS = ("to_state", "to_soldiers", "to_families")
#: The state's take split by its four uses, in the case file's order.
STATE_USES = tuple(state_use_output(u) for u in STATE_USE_NAMES)


@dataclass(frozen=True)
class Output:
    """One model output: its unit, a label for readers, and its role (account, monthly series, per-draw)."""

    name: str
    unit: str
    label: str
    role: Role


_USE_LABELS = {
    "party_and_kim_family": "State: party and Kim family",
    "military": "State: military",
    "food_and_consumer_goods": "State: food and consumer goods",
    "luxury_goods": "State: luxury goods for the elite",
}

#: Every output of :func:`~troopledger.model.flows`, monthly ones first, by name.
OUTPUTS: dict[str, Output] = {
    o.name: o
    for o in (
        Output("paid_by_russia", "USD/month", "Paid by Russia", "account"),
        Output("to_state", "USD/month", "Kept by the North Korean state", "account"),
        Output("to_soldiers", "USD/month", "Reaches living soldiers", "account"),
        Output("to_families", "USD/month", "Reaches families of the dead", "account"),
        *(Output(state_use_output(u), "USD/month", _USE_LABELS[u], "account") for u in STATE_USE_NAMES),
        Output("pay", "USD/month", "Monthly pay", "monthly"),
        Output("signing_payments", "USD/month", "Signing payments", "monthly"),
        Output("death_payments", "USD/month", "Death payments", "monthly"),
        Output("paid_in_kind", "USD/month", "Paid in kind (food, fuel, goods)", "monthly"),
        Output("troops_in_theatre", "persons", "Soldiers in theatre", "monthly"),
        Output("arrivals", "persons/month", "Soldiers arriving", "monthly"),
        Output("departures", "persons/month", "Soldiers leaving", "monthly"),
        Output("killed", "persons/month", "Soldiers killed", "monthly"),
        Output("wounded", "persons/month", "Soldiers wounded", "monthly"),
        Output("cumulative_deployed", "persons", "Soldiers sent so far", "monthly"),
        Output("take_home_per_soldier_tour", "USD", "Take-home per soldier per tour", "derived"),
        Output("tour_months", "months", "Tour length", "derived"),
        Output("p_killed_tour", "fraction", "Chance of being killed in a tour", "derived"),
        Output("take_home_years_of_wages", "years", "Take-home in years of wages at home", "derived"),
        Output("revenue_per_year", "USD/year", "Paid by Russia per year", "derived"),
        Output("revenue_share_of_gdp", "fraction", "Revenue as a share of GDP", "derived"),
        Output("revenue_multiple_of_luxury_imports", "ratio", "Revenue over luxury imports", "derived"),
    )
}
