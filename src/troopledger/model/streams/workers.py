"""Workers in Russia: entries and stock over time, the wage, the state's cut and the take-home.

The stock starts at ``stock_at_start`` in the ledger's first month and grows by the
year's arrivals, spread evenly over each year (2023 from August, as the ledger starts
then). Nobody leaves within the window (contracts run about three years). Employers
pay the wage each month; the state keeps ``state_share_overseas`` of it (shared with
the soldiers, whose cut the same precedent sets), and the rest is the worker's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from troopledger.evidence import to
from troopledger.model.streams._contract import (
    Array,
    Param,
    Stream,
    StreamOutput,
    account_declarations,
    account_outputs,
    spread_over,
)

__all__ = ["WORKERS"]

_YEARS = (
    ("arrivals_2023", "2023-08", "2023-12"),
    ("arrivals_2024", "2024-01", "2024-12"),
    ("arrivals_2025", "2025-01", "2025-12"),
)


def _flows(d: Mapping[str, Array], months: Sequence[str]) -> dict[str, Array]:
    arrivals = sum((d[name][:, None] * spread_over(months, a, b)[None, :] for name, a, b in _YEARS), np.zeros(1))
    arrivals = np.broadcast_to(arrivals, (d["stock_at_start"].shape[0], len(months))).astype(float)
    stock = d["stock_at_start"][:, None] + np.cumsum(arrivals, axis=1)
    wage = d["wage_month"][:, None]
    share = d["state_share_overseas"][:, None]
    value = stock * wage
    kept = value * share
    paid = value * d["paid_share"][:, None]
    out = account_outputs("workers", value, kept, paid, np.zeros_like(value), paid * d["confirmed_share"][:, None])
    out.update(
        workers_in_russia=stock,
        worker_arrivals=arrivals,
        workers_take_home_month=np.broadcast_to((1.0 - share) * wage, value.shape).copy(),
    )
    return out


WORKERS = Stream(
    name="workers",
    label="Workers in Russia",
    params=(
        Param(
            "stock_at_start", "persons", "North Korean workers in Russia in August 2023", to(500, 3000), kind="count"
        ),
        Param("arrivals_2023", "persons", "workers arriving August-December 2023", to(200, 1500), kind="count"),
        Param("arrivals_2024", "persons", "workers arriving in 2024", to(5000, 14000), kind="count"),
        Param("arrivals_2025", "persons", "workers arriving in 2025", to(5000, 50000), kind="count"),
        Param("wage_month", "USD/month", "average monthly wage a worker earns in Russia", to(600, 1200)),
        Param(
            "state_share_overseas",
            "fraction",
            "share of overseas earnings (workers' wages, soldiers' pay) the state keeps",
            to(0.5, 0.9, "share"),
            shared=True,
            kind="share",
        ),
        Param(
            "paid_share",
            "fraction",
            "share of the wages accrued that employers have paid",
            to(0.8, 0.99, "share"),
            kind="share",
        ),
        Param(
            "confirmed_share",
            "fraction",
            "share of the wages paid that a public source confirms reached North Korea",
            to(0.02, 0.3, "share"),
            kind="share",
        ),
    ),
    observed_by=(
        "nk_entries_to_russia",
        "nk_entries_study",
        "student_visas_issued",
        "overseas_workers_dispatched",
        "overseas_workers_in_russia",
        "overseas_workers_planned",
        "it_workers_contracted",
        "overseas_worker_wage_month",
        "overseas_worker_wage_hour",
        "overseas_worker_take_home",
        "overseas_worker_state_share",
        "non_combat_pay",
    ),
    outputs=(
        *account_declarations("workers", "Workers"),
        StreamOutput("workers_in_russia", "persons", "Workers in Russia", None, money=False),
        StreamOutput("worker_arrivals", "persons/month", "Workers arriving", None, money=False),
        StreamOutput("workers_take_home_month", "USD/month", "Take-home per worker per month", None, money=False),
    ),
    flows=_flows,
    notes="Wages paid in Russia; the state's cut is shared with the soldier stream.",
)
