"""The model's uncertain inputs: name, kind, unit, meaning and default.

A case file declares a distribution for each parameter (or leaves it at its
default). The kind decides what ``to(a, b)`` means: lognormal for amounts, counts
and durations, beta for shares and hazards. Each parameter also has a plausible
range (``low``, ``high``): every number a case file writes for it, and every claim
figure that is to feed it, must lie inside (docs/case-files.md lists them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["MAX_MONTHS", "MAX_PAY", "MAX_PAYMENT", "MAX_TROOPS", "PARAMETERS", "STATE_USE_NAMES", "Parameter"]

ParamKind = Literal["amount", "share"]


@dataclass(frozen=True)
class Parameter:
    """One model input: its kind, unit, meaning, default (``None`` = required) and plausible range."""

    kind: ParamKind
    unit: str
    meaning: str
    default: float | None
    low: float = 0.0
    high: float = 1.0

    @property
    def bounds(self) -> tuple[float, float]:
        """The plausible range ``(low, high)`` of the parameter, in its unit."""
        return (self.low, self.high)


#: Most soldiers a case may deploy at once, or in one wave (ten million: larger than any army abroad).
MAX_TROOPS = 1e7
#: Most pay per soldier per month, in USD.
MAX_PAY = 1e6
#: Most a one-off payment per soldier (signing bonus, death compensation) may be, in USD.
MAX_PAYMENT = 1e7
#: Longest tour or rotation interval, in months (the longest horizon).
MAX_MONTHS = 240.0

PARAMETERS: dict[str, Parameter] = {
    "pay_per_soldier_month": Parameter("amount", "USD/month", "Russia's pay per soldier per month", None, 0.0, MAX_PAY),
    "troops_deployed": Parameter(
        "amount", "persons", "soldiers in theatre at once (the rotating contingent)", None, 0.0, MAX_TROOPS
    ),
    "rotation_interval_months": Parameter(
        "amount", "months", "months between rotations, which is the tour", None, 1.0, MAX_MONTHS
    ),
    "state_share_of_pay": Parameter("share", "fraction", "share of pay and signing payments the state keeps", None),
    "killed_hazard": Parameter("share", "per month", "chance a soldier in theatre is killed in a month", 0.0),
    "wounded_hazard": Parameter("share", "per month", "chance a soldier is wounded and evacuated in a month", 0.0),
    "replacement_share": Parameter("share", "fraction", "share of losses replaced by new soldiers", 0.0),
    "evacuated_share": Parameter(
        "share", "fraction", "share of the wounded evacuated from theatre (the rest return to the line)", 1.0
    ),
    "signing_bonus": Parameter("amount", "USD", "Russia's one-off payment per soldier arriving", 0.0, 0.0, MAX_PAYMENT),
    "death_compensation": Parameter("amount", "USD", "Russia's payment per soldier killed", 0.0, 0.0, MAX_PAYMENT),
    "in_kind_share": Parameter("share", "fraction", "share of Russia's payment made in goods, not cash", 0.0),
    "family_share_of_death_pay": Parameter("share", "fraction", "share of a death payment the state passes on", 0.0),
    "family_share_of_unpaid_pay": Parameter(
        "share", "fraction", "share of a dead soldier's unpaid earnings passed to the family", 0.0
    ),
    "nk_gdp": Parameter("amount", "USD/year", "North Korea's GDP", 40e9, 1e6, 1e13),
    "luxury_imports": Parameter("amount", "USD/year", "North Korea's luxury imports", 78e6, 1.0, 1e12),
    "domestic_monthly_wage": Parameter(
        "amount", "USD/month", "monthly wage of a worker or soldier at home", 1.0, 0.01, 1e5
    ),
    "realised_share": Parameter(
        "share", "fraction", "share of what Russia owes that is delivered (in cash or in kind)", 1.0
    ),
    "deferred_share_of_shortfall": Parameter(
        "share", "fraction", "share of what is not delivered that is deferred to later", 0.0
    ),
    "offset_share_of_shortfall": Parameter(
        "share", "fraction", "share of what is not delivered that is offset against other debts or deliveries", 0.0
    ),
}

#: Names of the state's four uses, as Dirichlet components in a case file.
STATE_USE_NAMES = ("party_and_kim_family", "military", "food_and_consumer_goods", "luxury_goods")
