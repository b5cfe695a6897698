"""The ledger's quantities beyond the troops: workers, munitions, Russia's goods, trade, the economy.

Each entry is ``name: (kind, canonical unit, stream, meaning)``; the stream is the
one a claim about it observes or feeds (``context`` for figures no stream models
but a check or a ratio reads). :mod:`troopledger.claims._vocabulary` adds them to
:data:`~troopledger.claims.QUANTITIES`, so these claims are first-class, not
``other:``. Total claims say which streams they cover: :data:`TOTAL_SCOPES`.
"""

from __future__ import annotations

__all__ = ["QUANTITY_STREAM", "STREAM_QUANTITIES", "TOTAL_SCOPES"]

_W, _M, _G, _C, _S = "workers", "munitions", "goods", "context", "soldiers"

STREAM_QUANTITIES: dict[str, tuple[str, str, str, str]] = {
    # workers
    "nk_entries_to_russia": (
        "count",
        "persons (entries)",
        _W,
        "entries of North Koreans to Russia in a period, all purposes",
    ),
    "nk_entries_study": ("count", "persons (entries)", _W, "entries to Russia declared as study"),
    "student_visas_issued": ("count", "visas", _W, "student visas Russia issued to North Koreans"),
    "overseas_workers_dispatched": ("count", "persons", _W, "workers sent to Russia in a period"),
    "overseas_workers_in_russia": ("count", "persons", _W, "North Korean workers present in Russia at a time"),
    "overseas_workers_planned": ("count", "persons", _W, "workers a project plans to hire"),
    "overseas_workers_total": ("count", "persons", _C, "North Korean workers abroad in all host countries"),
    "it_workers_contracted": ("count", "persons", _W, "IT workers under contract with Russian firms"),
    "overseas_worker_wage_month": ("amount", "USD/month", _W, "monthly wage of a North Korean worker in Russia"),
    "overseas_worker_wage_month_china": ("amount", "USD/month", _C, "monthly wage of a North Korean worker in China"),
    "overseas_worker_wage_hour": ("amount", "USD/hour", _W, "hourly wage promised to North Korean workers"),
    "overseas_worker_take_home": ("amount", "USD/month", _W, "what a worker keeps a month after the state's cut"),
    "overseas_worker_state_share": ("share", "fraction", _W, "share of a worker's earnings the state keeps"),
    # munitions
    "ammunition_containers": ("count", "containers", _M, "containers of munitions shipped to Russia, cumulative"),
    "artillery_rounds_shipped": ("count", "rounds", _M, "artillery rounds shipped (or a 152 mm-equivalent capacity)"),
    "rounds_per_container": ("count", "rounds/container", _M, "152 mm rounds a container holds, from a conversion"),
    "mortar_rounds_shipped": ("count", "rounds", _M, "mortar rounds shipped"),
    "mrl_rockets_shipped": ("count", "rockets", _M, "multiple-launcher rockets shipped"),
    "explosives_shipped_tonnes": ("count", "tonnes", _M, "explosives moved from the Far East ports"),
    "ballistic_missiles_transferred": ("count", "missiles", _M, "ballistic missiles supplied to Russia"),
    "ballistic_missiles_used": ("count", "missiles", _M, "North Korean ballistic missiles Russia launched"),
    "heavy_artillery_transferred": ("count", "pieces", _M, "heavy guns and launchers supplied"),
    "guns_launchers_transferred": ("count", "pieces", _M, "guns and launchers supplied, all kinds"),
    "nk_share_of_russian_ammunition": ("share", "fraction", _M, "North Korea's share of the ammunition Russia uses"),
    "nk_munitions_factory_utilisation": ("share", "fraction", _C, "how busy North Korea's munitions factories are"),
    "nk_shell_capacity_multiple": ("other", "ratio", _C, "growth of shell production capacity"),
    "shell_price_152mm": ("amount", "USD/round", _M, "value of one 152 mm artillery round"),
    "mortar_round_price": ("amount", "USD/round", _M, "value of one mortar round"),
    "mrl_rocket_price": ("amount", "USD/rocket", _M, "value of one multiple-launcher rocket"),
    "srbm_cost_per_missile": ("amount", "USD/missile", _M, "cost of one short-range ballistic missile"),
    "missile_export_price": ("amount", "USD/missile", _M, "export price of one ballistic missile"),
    "russia_shell_use_year": ("count", "rounds/year", _M, "artillery rounds Russia fires in a year"),
    "russia_shell_use_day": ("count", "rounds/day", _M, "artillery rounds Russia fires a day"),
    "russia_shell_output_year": ("count", "rounds/year", _M, "artillery rounds Russia makes or refurbishes a year"),
    # Russia -> North Korea
    "refined_oil_to_nk": ("count", "barrels", _G, "refined oil delivered to North Korea in a period"),
    "refined_oil_to_nk_month": ("count", "barrels/month", _G, "refined oil delivered a month"),
    "refined_oil_notified_un": ("count", "barrels", _G, "refined oil notified to the UN sanctions committee"),
    "refined_oil_price": ("amount", "USD/barrel", _G, "value of a barrel of refined products"),
    "oil_tanker_port_calls": ("count", "voyages", _G, "North Korean tanker calls at Russian ports"),
    "oil_cap_tonnes": ("count", "tonnes", _G, "the UN's 500,000-barrel cap in tonnes"),
    "nk_oil_need_year": ("count", "barrels/year", _G, "North Korea's yearly need of refined oil"),
    "rice_to_nk": ("count", "tonnes", _G, "rice Russia sends or offers"),
    "flour_exported_to_nk": ("count", "tonnes", _G, "flour exported to North Korea"),
    "containers_ru_to_nk": ("count", "containers", _G, "containers Russia sent to North Korea"),
    "containers_ru_to_nk_ratio": ("other", "ratio", _G, "containers sent north per container received"),
    "air_defence_systems_to_nk": ("count", "units", _G, "air-defence systems delivered to North Korea"),
    "pantsir_unit_price": ("amount", "USD/unit", _G, "value of one Pantsir air-defence system"),
    "nuclear_sub_modules_to_nk": ("count", "modules", _G, "submarine modules delivered to North Korea"),
    "russian_tourists_to_nk": ("count", "persons", _G, "Russian tourists to North Korea in a year"),
    "russian_visits_to_nk": ("count", "trips", _G, "Russian trips to North Korea in a year, all purposes"),
    "tour_price": ("amount", "USD/person", _G, "price of one tour"),
    "bridge_cost": ("amount", "USD", _G, "cost of the Tumen road bridge"),
    "debt_written_off": ("amount", "USD", _C, "North Korean debt Russia wrote off"),
    # other North Korea -> Russia, soldiers' additions
    "wounded_russians_treated_in_nk": ("count", "persons", _C, "wounded Russian soldiers treated in North Korea"),
    "storm_corps_strength": ("count", "persons", _S, "soldiers in the corps the deployment draws from"),
    "killed_acknowledged_by_nk": ("count", "persons", _S, "dead North Korea itself acknowledged"),
    # trade and the economy
    "ru_nk_trade": ("amount", "USD", _G, "recorded Russia-North Korea trade in a period"),
    "nk_total_trade": ("amount", "USD", _C, "North Korea's recorded trade with the world in a year"),
    "nk_exports_to_china": ("amount", "USD", _C, "North Korea's exports to China in a year"),
    "nk_gdp_growth": ("share", "fraction", _C, "North Korea's real growth in a year"),
    "nk_heavy_industry_growth": ("share", "fraction", _C, "growth of North Korea's heavy industry in a year"),
    "nk_nominal_gni": ("amount", "USD", _C, "North Korea's nominal national income in a year"),
    "nk_market_fx": ("other", "KPW/USD", _C, "market won per US dollar in Pyongyang"),
    # totals with a scope
    "nk_gain_troops_and_munitions": (
        "amount",
        "USD",
        "soldiers+munitions",
        "North Korea's gain from troops and munitions",
    ),
    "nk_gain_all_streams": (
        "amount",
        "USD",
        "soldiers+workers+munitions+goods",
        "North Korea's gain from every stream",
    ),
}

#: Which streams a total claim covers: troops only, troops and munitions, or everything.
TOTAL_SCOPES: dict[str, tuple[str, ...]] = {
    "total_revenue_to_nk": ("soldiers",),
    "revenue_received": ("soldiers",),
    "nk_gain_troops_and_munitions": ("soldiers", "munitions"),
    "nk_gain_all_streams": ("soldiers", "workers", "munitions", "goods"),
}

#: The stream each ledger quantity belongs to (``context`` for none).
QUANTITY_STREAM: dict[str, str] = {name: q[2] for name, q in STREAM_QUANTITIES.items() if "+" not in q[2]}
