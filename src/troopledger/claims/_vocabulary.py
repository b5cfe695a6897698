"""The quantity vocabulary shared by claims and model parameters (DESIGN §3).

Each quantity has a kind (what sort of number it is) and the canonical unit that
normalised claim values are expressed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["QUANTITIES", "ROLES", "ROLE_PATTERN", "Quantity", "QuantityInfo", "quantity_info"]

#: Roles soldiers serve in, each with its own pay, tour and exposure to fire; a case may declare more.
ROLES = ("combat", "engineers_deminers", "builders")
#: How a role is spelled (the built-in ones and any a case declares).
ROLE_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"

Kind = Literal["amount", "count", "duration", "share", "other"]

Quantity = Literal[
    "pay_per_soldier_month",
    "troops_deployed",
    "troops_per_rotation",
    "rotation_interval_months",
    "cumulative_troops",
    "state_share_of_pay",
    "soldier_take_home",
    "casualties_killed",
    "casualties_wounded",
    "casualties_total",
    "signing_bonus",
    "death_compensation",
    "non_combat_pay",
    "domestic_monthly_wage",
    "nk_gdp",
    "total_revenue_to_nk",
    "luxury_imports",
    "in_kind_share",
    "family_share_of_death_pay",
    "realised_share",
    "revenue_received",
    "other",
]


@dataclass(frozen=True)
class QuantityInfo:
    """What a quantity measures: its kind, canonical unit and a one-line meaning."""

    kind: Kind
    unit: str
    meaning: str


QUANTITIES: dict[str, QuantityInfo] = {
    "pay_per_soldier_month": QuantityInfo("amount", "USD/month", "Russia's pay per soldier per month"),
    "troops_deployed": QuantityInfo("count", "persons", "soldiers in theatre at one time"),
    "troops_per_rotation": QuantityInfo("count", "persons", "soldiers in one wave or rotation"),
    "rotation_interval_months": QuantityInfo("duration", "months", "months between rotations (the tour)"),
    "cumulative_troops": QuantityInfo("count", "persons", "distinct soldiers sent in all, by a date"),
    "state_share_of_pay": QuantityInfo("share", "fraction", "share of the pay kept by the state"),
    "soldier_take_home": QuantityInfo("amount", "USD", "what one soldier brings home from one tour"),
    "casualties_killed": QuantityInfo("count", "persons", "soldiers killed, in all by a date"),
    "casualties_wounded": QuantityInfo("count", "persons", "soldiers wounded, in all by a date"),
    "casualties_total": QuantityInfo("count", "persons", "killed and wounded together, by a date"),
    "signing_bonus": QuantityInfo("amount", "USD", "one-off payment per soldier sent"),
    "death_compensation": QuantityInfo("amount", "USD", "payment per soldier killed"),
    "non_combat_pay": QuantityInfo("amount", "USD/month", "monthly wage of civilian workers, not troops"),
    "domestic_monthly_wage": QuantityInfo("amount", "USD/month", "monthly wage of workers and soldiers at home"),
    "nk_gdp": QuantityInfo("amount", "USD/year", "North Korea's gross domestic product"),
    "total_revenue_to_nk": QuantityInfo("amount", "USD", "what Russia pays in all over a period"),
    "luxury_imports": QuantityInfo("amount", "USD/year", "North Korea's imports of luxury goods"),
    "in_kind_share": QuantityInfo("share", "fraction", "share of the payment made in goods, not cash"),
    "family_share_of_death_pay": QuantityInfo("share", "fraction", "share of a death payment reaching the family"),
    "realised_share": QuantityInfo("share", "fraction", "share of what Russia owes that North Korea receives"),
    "revenue_received": QuantityInfo("amount", "USD", "what North Korea actually receives in all over a period"),
    "other": QuantityInfo("other", "", "anything outside the vocabulary"),
}


def quantity_info(name: str) -> QuantityInfo:
    """Look up a quantity, raising ``KeyError`` with the known names if it is not one."""
    try:
        return QUANTITIES[name]
    except KeyError:
        raise KeyError(f"unknown quantity {name!r}; known: {', '.join(QUANTITIES)}") from None


def _add_stream_quantities() -> None:
    """Add the ledger's quantities (workers, munitions, goods, context, scoped totals) to :data:`QUANTITIES`."""
    from troopledger.claims._stream_quantities import STREAM_QUANTITIES

    for name, (kind, unit, _stream, meaning) in STREAM_QUANTITIES.items():
        QUANTITIES.setdefault(name, QuantityInfo(kind, unit, meaning))  # type: ignore[arg-type]


_add_stream_quantities()
