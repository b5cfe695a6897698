"""The model's outputs, declared once: name, unit, label and role.

Every stage that names an output (the labelled Dataset of :func:`simulate`, the
summaries, the report's tables and charts) reads it from :data:`OUTPUTS`, and its place
in tables from the groups declared here (:data:`HEADLINE_TOTALS`, :data:`LEAD_TOTALS`,
:data:`PAYMENTS`, :data:`MONEY_TOTALS`, :data:`MONTH_TABLE`, :data:`RECEIVED_TOTALS`,
:data:`STATE_USES`, :data:`DELIVERY_OUTPUTS`). The four state uses are the case file's Dirichlet components
(:data:`~troopledger.evidence.STATE_USE_NAMES`) with a ``state_`` prefix, spelled
nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from troopledger.evidence import STATE_USE_NAMES

__all__ = [
    "ACCOUNTS",
    "BY_ROLE",
    "DELIVERY_OUTPUTS",
    "HEADLINE_TOTALS",
    "LEAD_TOTALS",
    "MONEY_TOTALS",
    "MONTH_TABLE",
    "OUTPUTS",
    "PAYMENTS",
    "RECEIVED_ACCOUNTS",
    "RECEIVED_TOTALS",
    "RUNNING_TOTALS",
    "STATE_USES",
    "Output",
    "received_output",
    "role_output",
    "state_use_output",
]

Role = Literal["account", "monthly", "derived"]


def state_use_output(use: str) -> str:
    """The monthly output of one of the state's uses: ``state_<use>``."""
    return f"state_{use}"


def received_output(account: str) -> str:
    """What an owed account receives once the realised share is applied: ``received_<account>``."""
    return f"received_{account}"


def role_output(name: str, role: str) -> str:
    """A monthly flow (or its running total) for the soldiers of one role: ``<name>.<role>``."""
    return f"{name}.{role}"


#: Monthly flows the model also gives role by role (:func:`role_output`), each adding up to the whole.
BY_ROLE = ("troops_in_theatre", "arrivals", "killed", "wounded", "returned", "paid_by_russia")
#: Running totals reported month by month (overall and by role): name -> the monthly flows it adds up.
#: Soldiers who joined = still in theatre + killed + evacuated wounded + rotated home, in every draw.
RUNNING_TOTALS: dict[str, tuple[str, ...]] = {
    "cumulative_deployed": ("arrivals",),
    "cumulative_killed": ("killed",),
    "cumulative_wounded": ("wounded",),
    "cumulative_casualties": ("killed", "wounded"),
    "cumulative_returned": ("returned",),
    "cumulative_paid_by_russia": ("paid_by_russia",),
}

#: Where Russia's money lands: every dollar in exactly one of these.
ACCOUNTS = ("to_state", "to_soldiers", "to_families")
#: The state's take split by its four uses, in the case file's order.
STATE_USES = tuple(state_use_output(u) for u in STATE_USE_NAMES)
#: How what Russia owes is settled each month; the five add up to ``paid_by_russia``.
DELIVERY_OUTPUTS = (
    "delivered_cash",
    "delivered_in_kind",
    "not_delivered_deferred",
    "not_delivered_offset",
    "not_delivered_unpaid",
)
#: What each owed account (and each of the state's uses) receives.
RECEIVED_ACCOUNTS = tuple(received_output(a) for a in (*ACCOUNTS, *STATE_USES))
#: The headline totals, in the order every table shows them: what Russia pays and the accounts it lands in.
HEADLINE_TOTALS = ("paid_by_russia", *ACCOUNTS)
#: The headline totals whose changes, medians and errors reports follow (the families' part is small and late).
LEAD_TOTALS = HEADLINE_TOTALS[:3]
#: Payments besides pay, shown as their own rows.
PAYMENTS = ("signing_payments", "death_payments")
#: The columns of the month-by-month table: the lead totals, soldiers in theatre and killed.
MONTH_TABLE = (*LEAD_TOTALS, "troops_in_theatre", "killed")
#: What North Korea receives, in the order a report lists it: in all, the state and its uses, soldiers, families.
RECEIVED_TOTALS = (
    "received_by_nk",
    received_output("to_state"),
    *(received_output(u) for u in STATE_USES),
    received_output("to_soldiers"),
    received_output("to_families"),
)
#: The money totals a report's table lists, in its order: the headline, the state's uses, what was paid in kind.
MONEY_TOTALS = (*HEADLINE_TOTALS, *STATE_USES, "paid_in_kind")


@dataclass(frozen=True)
class Output:
    """One model output: its unit, a label for readers, its role (account, monthly series, per-draw), a short label.

    ``short`` is the label where room is scarce (chart nodes, table columns); empty means ``label``.
    """

    name: str
    unit: str
    label: str
    role: Role
    short: str = ""

    @property
    def brief(self) -> str:
        """The short label, or the label when none is declared."""
        return self.short or self.label


_USE_LABELS = {
    "party_and_kim_family": "State: party and Kim family",
    "military": "State: military",
    "food_and_consumer_goods": "State: food and consumer goods",
    "luxury_goods": "State: luxury goods for the elite",
}
_USE_SHORT = {
    "party_and_kim_family": "Party and Kim family",
    "military": "Military",
    "food_and_consumer_goods": "Food and consumer goods",
    "luxury_goods": "Luxury goods for the elite",
}

#: Every output of :func:`~troopledger.model.flows`, monthly ones first, by name.
OUTPUTS: dict[str, Output] = {
    o.name: o
    for o in (
        Output("paid_by_russia", "USD/month", "Paid by Russia", "account", "Russia pays"),
        Output("to_state", "USD/month", "Kept by the North Korean state", "account", "North Korean state keeps"),
        Output("to_soldiers", "USD/month", "Reaches living soldiers", "account", "Living soldiers"),
        Output("to_families", "USD/month", "Reaches families of the dead", "account", "Families of the dead"),
        *(Output(state_use_output(u), "USD/month", _USE_LABELS[u], "account", _USE_SHORT[u]) for u in STATE_USE_NAMES),
        Output("pay", "USD/month", "Monthly pay", "monthly"),
        Output("signing_payments", "USD/month", "Signing payments (per soldier arriving)", "monthly"),
        Output("death_payments", "USD/month", "Death payments (per soldier killed)", "monthly"),
        Output("paid_in_kind", "USD/month", "Paid in kind (food, fuel, goods)", "monthly"),
        Output("troops_in_theatre", "persons", "Soldiers in theatre", "monthly"),
        Output("arrivals", "persons/month", "Soldiers arriving", "monthly"),
        Output("arrivals_late", "persons/month", "Soldiers arriving after the 15th of the month", "monthly"),
        Output("departures", "persons/month", "Soldiers rotated home at the end of their tour", "monthly"),
        Output("evacuated", "persons/month", "Wounded soldiers evacuated from theatre", "monthly"),
        Output("returned", "persons/month", "Soldiers going home alive (rotated home or evacuated wounded)", "monthly"),
        Output("killed", "persons/month", "Soldiers killed", "monthly"),
        Output("wounded", "persons/month", "Soldiers wounded", "monthly"),
        Output("cumulative_deployed", "persons", "Soldiers sent so far", "monthly"),
        Output("delivered_cash", "USD/month", "Delivered in cash", "monthly"),
        Output("delivered_in_kind", "USD/month", "Delivered in kind", "monthly"),
        Output("not_delivered_deferred", "USD/month", "Not delivered: deferred", "monthly"),
        Output("not_delivered_offset", "USD/month", "Not delivered: offset", "monthly"),
        Output("not_delivered_unpaid", "USD/month", "Not delivered: unpaid", "monthly"),
        Output("received_by_nk", "USD/month", "Received by North Korea", "monthly"),
        Output(received_output("to_state"), "USD/month", "Received by the state", "monthly"),
        Output(received_output("to_soldiers"), "USD/month", "Received by living soldiers", "monthly"),
        Output(received_output("to_families"), "USD/month", "Received by families of the dead", "monthly"),
        *(
            Output(received_output(state_use_output(u)), "USD/month", f"{_USE_LABELS[u]} (received)", "monthly")
            for u in STATE_USE_NAMES
        ),
        Output("take_home_per_soldier_tour", "USD", "Take-home per soldier per tour", "derived"),
        Output("take_home_per_soldier_month", "USD/month", "Take-home per soldier per month", "derived"),
        Output("tour_months", "months", "Tour length", "derived"),
        Output("p_killed_tour", "fraction", "Chance of being killed in a tour", "derived"),
        Output("take_home_years_of_wages", "years", "Take-home in years of wages at home", "derived"),
        Output("revenue_per_year", "USD/year", "Paid by Russia per year", "derived"),
        Output("revenue_share_of_gdp", "fraction", "Revenue as a share of GDP", "derived"),
        Output("revenue_multiple_of_luxury_imports", "ratio", "Revenue over luxury imports", "derived"),
    )
}
