"""Command-line options shared by ``report`` and ``compare``: currency, windows, scenarios."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from troopledger.analysis import Desk

__all__ = ["Currency", "Rate", "Rates", "Scenario", "Sets", "Windows", "desk_from"]

Currency = Annotated[
    str,
    typer.Option(
        "--currency",
        help="Report money in this currency (KRW, EUR, RUB, GBP, JPY, CNY, UAH or one in --rates), "
        "at each month's average rate unless --rate is given.",
    ),
]
Rate = Annotated[
    float | None,
    typer.Option(
        "--rate",
        min=1e-6,
        max=1e9,  # no currency trades beyond a billion units per dollar; 1e308 would make every figure n/a
        help="One fixed rate (units of --currency per US dollar), e.g. an author's own.",
    ),
]
Rates = Annotated[
    str | None,
    typer.Option("--rates", help="A CSV of monthly rates (month,KRW,...) that extends or overrides the bundled table."),
]
Windows = Annotated[
    list[str] | None,
    typer.Option(
        "--window",
        help="Totals over FIRST..LAST (e.g. 2025-01..2025-12), 'year' (each calendar year) or '12m' "
        "(12-month blocks); repeat for several.",
    ),
]
Scenario = Annotated[str | None, typer.Option("--scenario", help="Apply one of the case's [scenarios.NAME].")]
Sets = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        help="Override an input: NAME=VALUE, where VALUE is a number, an interval a..b (90 %) or a distribution "
        "such as uniform(0,0.3); repeat for several.",
    ),
]


def desk_from(currency: str, rate: float | None, rates: str | None, windows: list[str] | None) -> Desk:
    """The :class:`~troopledger.analysis.Desk` the options describe (imported when a run starts)."""
    from troopledger.analysis import Desk

    return Desk(currency=currency, rate=rate, rates_file=rates, windows=tuple(windows or ()))
