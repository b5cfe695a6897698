"""Russia's goods and services to North Korea, valued in kind: oil, food, air defence, technology, tourism.

Refined oil runs at ``oil_barrels_month_before`` a month until February 2024 and at
``oil_barrels_month`` from March 2024 (tankers seen at Vostochny), valued at
``oil_price``; the output ``oil_over_cap`` is what exceeds the UN's 500,000 barrels a
year (pro rata a month). ``refined_oil_tonnes`` is the same oil in tonnes, at
``barrels_per_tonne`` (declared once, with its uncertainty), so a claim in tonnes and one
in barrels observe the same deliveries (a check reads the output in its claim's unit).
Rice is the offered tonnage times the share delivered, from
November 2024; flour runs through the window; one or more Pantsir-class systems
arrive November 2024 to July 2025, submarine modules in the first half of 2025, and
the Tumen road bridge accrues evenly from April 2025 to December 2026. Russian
tourists pay North Korea ``tour_nk_share`` of the tour price (cash, not kind).
Confirmed: the oil seen at the port, the tourist trips counted at the border and the
first air-defence unit reported in service.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from troopledger.evidence import point, to
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

__all__ = ["GOODS", "UN_OIL_CAP_BARRELS"]

#: The UN Security Council's yearly cap on refined petroleum to North Korea (resolution 2397).
UN_OIL_CAP_BARRELS = 500_000.0
#: Barrels a month the port imagery confirms from March 2024 (1 million over about 8 months).
_OBSERVED_BARRELS_MONTH = 125_000.0


def _flows(d: Mapping[str, Array], months: Sequence[str]) -> dict[str, Array]:
    m = len(months)
    late = (np.arange(m) >= month_offset(months, "2024-03")).astype(float)[None, :]
    barrels = d["oil_barrels_month_before"][:, None] * (1.0 - late) + d["oil_barrels_month"][:, None] * late
    price = d["oil_price"][:, None]
    oil = barrels * price
    confirmed_oil = np.minimum(barrels, _OBSERVED_BARRELS_MONTH * late) * price
    rice = (d["rice_offered_tonnes"] * d["rice_delivered_share"] * d["rice_price"])[:, None]
    rice = rice * spread_over(months, "2024-11", "2025-12")[None, :]
    flour = (d["flour_tonnes_month"] * d["flour_price"])[:, None] * np.ones((1, m))
    food = rice + flour
    units = d["air_defence_units"][:, None] * spread_over(months, "2024-11", "2025-07")[None, :]
    air_defence = units * d["air_defence_price"][:, None]
    first_unit = np.zeros((1, m))
    if 0 <= (k := month_offset(months, "2025-07")) < m:
        first_unit[0, k] = 1.0
    confirmed_air = np.minimum(np.cumsum(units, axis=1), 1.0) * first_unit * d["air_defence_price"][:, None]
    tech = (d["sub_modules"] * d["sub_module_value"])[:, None] * spread_over(months, "2025-01", "2025-06")[None, :]
    bridge = d["bridge_cost"][:, None] * spread_over(months, "2025-04", "2026-12")[None, :]
    trips = d["tourists_2024"][:, None] * spread_over(months, "2024-02", "2024-12")[None, :]
    trips = trips + d["tourists_2025"][:, None] * spread_over(months, "2025-01", "2025-12")[None, :]
    tourism = trips * (d["tour_price"] * d["tour_nk_share"])[:, None]
    in_kind = oil + food + air_defence + tech + bridge
    value = in_kind + tourism
    to_people = food * d["food_to_people_share"][:, None]
    confirmed = confirmed_oil + confirmed_air + tourism
    out = account_outputs("goods", value, value - to_people, value, in_kind, np.minimum(confirmed, value))
    year_cap = UN_OIL_CAP_BARRELS / 12.0
    out.update(
        refined_oil_barrels=barrels,
        refined_oil_tonnes=barrels / d["barrels_per_tonne"][:, None],
        oil_over_cap=np.maximum(barrels - year_cap, 0.0),
        goods_oil_value=oil,
        goods_food_value=food,
        goods_military_value=air_defence + tech,
        goods_tourism_value=tourism,
        goods_bridge_value=bridge,
    )
    return out


def _p(name: str, unit: str, meaning: str, low: float, high: float, kind: str = "amount") -> Param:
    if kind == "share":
        return Param(name, unit, meaning, to(low, high, "share"), kind="share")
    return Param(name, unit, meaning, to(low, high), kind="count" if kind == "count" else "amount")


GOODS = Stream(
    name="goods",
    label="Russia's goods and services to North Korea",
    params=(
        _p(
            "oil_barrels_month_before",
            "barrels/month",
            "refined oil a month, August 2023 to February 2024",
            8000,
            40000,
        ),
        _p("oil_barrels_month", "barrels/month", "refined oil a month from March 2024", 125000, 250000),
        Param("oil_price", "USD/barrel", "value of a barrel of refined products delivered", point(98, 0.25)),
        _p(
            "barrels_per_tonne",
            "barrels/tonne",
            "barrels in a tonne of the refined products delivered (the one conversion of oil in tonnes)",
            7.0,
            8.5,
        ),
        _p("rice_offered_tonnes", "tonnes", "rice Russia offered", 600000, 700000),
        _p(
            "rice_delivered_share",
            "fraction",
            "share of the offered rice delivered by December 2025",
            0.02,
            0.5,
            "share",
        ),
        _p("rice_price", "USD/tonne", "value of a tonne of rice (an assumption)", 350, 650),
        _p("flour_tonnes_month", "tonnes/month", "flour and grain a month", 150, 1500),
        _p("flour_price", "USD/tonne", "value of a tonne of flour (an assumption)", 250, 450),
        _p(
            "food_to_people_share",
            "fraction",
            "share of the food that reaches people, not the state",
            0.3,
            0.9,
            "share",
        ),
        _p("air_defence_units", "units", "Pantsir-class air-defence systems delivered", 1, 6, "count"),
        Param("air_defence_price", "USD/unit", "value of one Pantsir-class system", point(15e6, 0.5)),
        _p("sub_modules", "modules", "submarine modules (reactor, turbine, cooling) delivered", 2, 3, "count"),
        _p("sub_module_value", "USD/module", "value of one module (no published price: an assumption)", 2e7, 3e8),
        _p("tourists_2024", "persons", "Russian tourists to North Korea in 2024", 1200, 2500, "count"),
        _p("tourists_2025", "persons", "Russian tourist trips to North Korea in 2025", 4000, 6000, "count"),
        _p("tour_price", "USD/person", "price of a tour", 800, 1600),
        _p("tour_nk_share", "fraction", "share of a tour's price that North Korea earns", 0.3, 0.7, "share"),
        Param("bridge_cost", "USD", "cost of the Tumen road bridge, built at Russia's expense", point(1e8, 0.3)),
    ),
    observed_by=(
        "refined_oil_to_nk",
        "refined_oil_notified_un",
        "oil_tanker_port_calls",
        "oil_cap_tonnes",
        "nk_oil_need_year",
        "rice_to_nk",
        "flour_exported_to_nk",
        "containers_ru_to_nk",
        "containers_ru_to_nk_ratio",
        "air_defence_systems_to_nk",
        "pantsir_unit_price",
        "nuclear_sub_modules_to_nk",
        "russian_tourists_to_nk",
        "russian_visits_to_nk",
        "tour_price",
        "bridge_cost",
        "ru_nk_trade",
    ),
    outputs=(
        *account_declarations("goods", "Goods and services"),
        StreamOutput("refined_oil_barrels", "barrels/month", "Refined oil delivered", None, money=False),
        StreamOutput("refined_oil_tonnes", "tonnes/month", "Refined oil delivered, in tonnes", None, money=False),
        StreamOutput("oil_over_cap", "barrels/month", "Refined oil above the UN cap", None, money=False),
        StreamOutput("goods_oil_value", "USD/month", "Value of the refined oil", None),
        StreamOutput("goods_food_value", "USD/month", "Value of the food", None),
        StreamOutput("goods_military_value", "USD/month", "Value of air defence and military technology", None),
        StreamOutput("goods_tourism_value", "USD/month", "North Korea's earnings from Russian tourists", None),
        StreamOutput("goods_bridge_value", "USD/month", "Value of the road bridge built", None),
    ),
    flows=_flows,
    notes="Value in kind except tourism, which Russians pay in cash.",
)
