"""The model's structural assumptions, declared once with the quantities each governs.

When independent sources agree against the model, the report names the assumption
that keeps the model from following them instead of calling the sources wrong. Each
:class:`Assumption` says what the model takes for granted and which claim quantities
(the claims vocabulary) and model outputs or parameters it governs; a claim about a
quantity may fall under several. The model's own files declare its parameters and
outputs; this table is read by calibration's checks only.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ASSUMPTIONS", "Assumption", "assumptions_for"]


@dataclass(frozen=True)
class Assumption:
    """One structural assumption: its id, what it says, and what it governs."""

    id: str
    text: str  # what the model assumes, as a reader would say it
    cannot: str  # how a misfit reads: "<text> cannot follow ..."
    quantities: tuple[str, ...]  # claim quantities it governs
    governs: tuple[str, ...]  # model outputs and parameters it governs


#: Every structural assumption, in the order a report lists them.
ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption(
        "casualty_phases",
        "the monthly chances of being killed and of being wounded change only at the case's declared phases, "
        "by the same factor for every role (each role scaled by its own exposure)",
        "casualty hazards fixed within each declared phase",
        ("casualties_killed", "casualties_wounded", "casualties_total"),
        ("killed", "wounded", "killed_hazard", "wounded_hazard"),
    ),
    Assumption(
        "even_arrivals",
        "a wave arrives in equal parts over its arrival months (read at mid-month where a claim is dated then)",
        "arrivals spread evenly over a wave's months",
        ("troops_deployed", "cumulative_troops", "troops_per_rotation"),
        ("troops_in_theatre", "cumulative_deployed", "arrivals"),
    ),
    Assumption(
        "tours_to_the_end",
        "soldiers stay until their wave's (or role's) declared tour ends (to the end of the horizon when none "
        "is declared), leaving early only when killed or evacuated wounded",
        "soldiers staying to the end of their declared tours",
        ("troops_deployed",),
        ("troops_in_theatre", "departures"),
    ),
    Assumption(
        "flat_pay",
        "pay per soldier is the same in every month (by rank or role where those are declared)",
        "one pay per soldier for every month",
        ("pay_per_soldier_month", "total_revenue_to_nk", "revenue_received", "soldier_take_home"),
        ("pay", "paid_by_russia", "pay_per_soldier_month"),
    ),
    Assumption(
        "one_state_share",
        "the state keeps one share of every soldier's pay in every month (per role where a role declares one)",
        "one state share of pay for all months",
        ("state_share_of_pay", "soldier_take_home"),
        ("to_state", "to_soldiers", "state_share_of_pay"),
    ),
)


def assumptions_for(quantity: str) -> tuple[Assumption, ...]:
    """The assumptions that govern claims about ``quantity`` (none for a quantity the model reads directly)."""
    return tuple(a for a in ASSUMPTIONS if quantity in a.quantities)
