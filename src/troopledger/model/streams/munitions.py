"""Munitions and arms from North Korea: containers and the rounds they hold, rockets, missiles and guns.

Containers are what is counted: their cumulative number rises evenly from none in
August 2023 to ``containers_to_2024_10`` in October 2024, then to
``containers_to_2025_07`` in July 2025, and on at ``late_rate_factor`` times that pace.
A capacity conversion ("if every container held 152 mm rounds", about 430-470 a
container) is read as what it is: ``capacity_per_container`` times ``fill_share``,
the part of that capacity that really was artillery rounds, gives the rounds. Mortar
rounds and rocket-launcher rockets (counted once, to September 2025), ballistic
missiles (from December 2023) and guns and launchers (from November 2024) are spread
evenly over their spans. Every item is valued at its price; the state's arms
industry keeps it all. ``paid_share`` of the value is paid (much is said to be on
credit), ``in_kind_share`` of that in goods and technology.
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
    month_offset,
    spread_over,
)

__all__ = ["MUNITIONS"]


def _containers(d: Mapping[str, Array], months: Sequence[str]) -> Array:
    """Cumulative containers shipped by the end of each month."""
    t = np.arange(len(months), dtype=float)
    k1 = float(month_offset(months, "2024-10"))
    k2 = float(month_offset(months, "2025-07"))
    a0 = float(month_offset(months, "2023-07"))  # none before August 2023
    c1, c2 = d["containers_to_2024_10"][:, None], d["containers_to_2025_07"][:, None]
    c2 = np.maximum(c2, c1)
    rise1 = np.clip((t - a0) / (k1 - a0), 0.0, 1.0) * c1
    rate2 = (c2 - c1) / (k2 - k1)
    late = rate2 * d["late_rate_factor"][:, None]
    after1 = np.clip(t - k1, 0.0, k2 - k1) * rate2
    after2 = np.clip(t - k2, 0.0, None) * late
    return np.asarray(rise1 + after1 + after2, dtype=float)


def _flows(d: Mapping[str, Array], months: Sequence[str]) -> dict[str, Array]:
    cum = _containers(d, months)
    containers = np.diff(cum, axis=1, prepend=0.0)
    rounds = containers * (d["capacity_per_container"] * d["fill_share"])[:, None]
    since = spread_over(months, "2023-08", "2025-09")[None, :]
    mortars = d["mortar_rounds"][:, None] * since
    rockets = d["mrl_rockets"][:, None] * since
    missiles = d["missiles_transferred"][:, None] * spread_over(months, "2023-12", "2025-09")[None, :]
    guns = d["guns_launchers"][:, None] * spread_over(months, "2024-11", "2025-09")[None, :]
    value_rounds = rounds * d["shell_price"][:, None]
    value_missiles = missiles * d["missile_price"][:, None]
    value = (
        value_rounds
        + mortars * d["mortar_price"][:, None]
        + rockets * d["rocket_price"][:, None]
        + value_missiles
        + guns * d["gun_price"][:, None]
    )
    paid = value * d["paid_share"][:, None]
    out = account_outputs(
        "munitions",
        value,
        value,
        paid,
        paid * d["in_kind_share"][:, None],
        paid * d["confirmed_share"][:, None],
    )
    out.update(
        containers_shipped=containers,
        containers_cumulative=cum,
        rounds_shipped=rounds,
        rounds_cumulative=np.cumsum(rounds, axis=1),
        missiles_shipped=missiles,
        missiles_cumulative=np.cumsum(missiles, axis=1),
        guns_cumulative=np.cumsum(guns, axis=1),
        munitions_rounds_value=value_rounds,
        munitions_missiles_value=value_missiles,
    )
    return out


def _count(name: str, unit: str, meaning: str, low: float, high: float) -> Param:
    return Param(name, unit, meaning, to(low, high), kind="count")


def _share(name: str, meaning: str, low: float, high: float) -> Param:
    return Param(name, "fraction", meaning, to(low, high, "share"), kind="share")


MUNITIONS = Stream(
    name="munitions",
    label="Munitions and arms from North Korea",
    params=(
        _count("containers_to_2024_10", "containers", "containers shipped August 2023 to October 2024", 13000, 22000),
        _count("containers_to_2025_07", "containers", "containers shipped August 2023 to July 2025", 20000, 32000),
        _share("late_rate_factor", "pace of shipments after July 2025 relative to the pace before", 0.2, 0.95),
        _count(
            "capacity_per_container",
            "rounds/container",
            "152 mm-equivalent rounds a container holds if it holds nothing else",
            400,
            500,
        ),
        _share("fill_share", "part of the containers' capacity that was artillery rounds", 0.35, 0.95),
        Param("shell_price", "USD/round", "value of one artillery round", to(900, 6500)),
        _count("mortar_rounds", "rounds", "mortar rounds shipped to September 2025", 1_000_000, 1_300_000),
        Param("mortar_price", "USD/round", "value of one mortar round", to(70, 500)),
        _count("mrl_rockets", "rockets", "multiple-launcher rockets shipped to September 2025", 600_000, 900_000),
        Param("rocket_price", "USD/rocket", "value of one multiple-launcher rocket", to(900, 6500)),
        _count("missiles_transferred", "missiles", "ballistic missiles transferred to September 2025", 100, 250),
        Param("missile_price", "USD/missile", "value of one short-range ballistic missile", to(1_000_000, 10_000_000)),
        _count("guns_launchers", "pieces", "guns and launchers transferred to September 2025", 200, 800),
        Param(
            "gun_price", "USD/piece", "value of one gun or launcher (no published price: an assumption)", to(2e5, 2e6)
        ),
        _share("paid_share", "share of the munitions' value Russia has paid", 0.2, 0.8),
        _share("in_kind_share", "share of the payment made in goods, oil and technology", 0.3, 0.9),
        _share("confirmed_share", "share of the payment a public source confirms as received", 0.01, 0.2),
    ),
    observed_by=(
        "ammunition_containers",
        "artillery_rounds_shipped",
        "mortar_rounds_shipped",
        "mrl_rockets_shipped",
        "explosives_shipped_tonnes",
        "ballistic_missiles_transferred",
        "ballistic_missiles_used",
        "heavy_artillery_transferred",
        "guns_launchers_transferred",
        "nk_share_of_russian_ammunition",
        "shell_price_152mm",
        "srbm_cost_per_missile",
        "missile_export_price",
    ),
    outputs=(
        *account_declarations("munitions", "Munitions"),
        StreamOutput("containers_shipped", "containers/month", "Containers shipped", None, money=False),
        StreamOutput("containers_cumulative", "containers", "Containers shipped so far", None, money=False),
        StreamOutput("rounds_shipped", "rounds/month", "Artillery rounds shipped", None, money=False),
        StreamOutput("rounds_cumulative", "rounds", "Artillery rounds shipped so far", None, money=False),
        StreamOutput("missiles_shipped", "missiles/month", "Ballistic missiles shipped", None, money=False),
        StreamOutput("missiles_cumulative", "missiles", "Ballistic missiles shipped so far", None, money=False),
        StreamOutput("guns_cumulative", "pieces", "Guns and launchers supplied so far", None, money=False),
        StreamOutput("munitions_rounds_value", "USD/month", "Value of the artillery rounds", None),
        StreamOutput("munitions_missiles_value", "USD/month", "Value of the missiles", None),
    ),
    flows=_flows,
    notes="Capacity conversions are read as capacity times the share that was rounds, not as counts.",
)
