"""Command-line options shared by ``report`` and ``compare``: currency, windows, scenarios."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from troopledger.errors import InputError

if TYPE_CHECKING:
    from troopledger.analysis import Desk
    from troopledger.evidence import Case

#: The most draws ``--draws`` accepts: 10^7 runs in about 12 GB (TROOPLEDGER_MEMORY_GB=13) and 6 to 7 minutes.
MAX_DRAWS = 10_000_000

__all__ = [
    "MAX_DRAWS",
    "MAX_RATE",
    "MIN_RATE",
    "Currency",
    "Rate",
    "Rates",
    "Scenario",
    "Sets",
    "Windows",
    "check_memory",
    "desk_from",
]

#: The fixed rates --rate accepts (units per US dollar): from a pound or a dinar (below 1) to the rial (about 10^5),
#: with room on both sides; beyond them every converted figure overflows or rounds to 0.
MIN_RATE = 1e-4
MAX_RATE = 1e7

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

    if rate is not None and not MIN_RATE <= rate <= MAX_RATE:  # also refuses inf and nan
        raise InputError(
            None,
            "--rate",
            f"{rate:g} units of {currency} per US dollar is not a possible exchange rate",
            f"give a rate between {MIN_RATE:g} and {MAX_RATE:g}, e.g. --rate 1380 for won",
        )
    return Desk(currency=currency, rate=rate, rates_file=rates, windows=tuple(windows or ()))


def check_memory(case: Case, draws: int, workers: int, *, processes: bool = False) -> int:
    """The threads a run may use within the memory budget (fewer chunks in flight on a long horizon),
    or with ``processes`` the runs that may go at once, each in its own process (a history's as-of
    runs); a run that does not fit even alone is refused in one line before it starts."""
    from troopledger.analysis import BATCH_DRAWS, SKETCH_LEVELS, batch_grid
    from troopledger.model import DEFAULT_CHUNK, MEMORY_ENV, estimate_bytes, memory_budget

    months = case.months
    waves = case.deployment.waves
    by_wave = len(waves) if any(w.pay or w.rank_shares or w.state_share_of_pay for w in waves) else 0
    budget = memory_budget()

    def need(n: int, threads: int) -> int:
        # a run of more than BATCH_DRAWS draws holds one batch at a time, and each batch's quantiles of
        # (at most) 200 variables, prior and posterior
        extra = 2 * 200 * SKETCH_LEVELS * 8 * len(batch_grid(n)) if n > BATCH_DRAWS else 0
        # the tempering pilot (4,096 particles) and the contradiction background (blocks of 16,384 draws) run
        # whatever --draws says: a smaller run still holds one block's arrays
        n = max(min(n, BATCH_DRAWS), DEFAULT_CHUNK)
        # the contradiction background: 32,768 draws x months, about ten float64 arrays alive (fitted to 48 waves
        # over 240 months: 2.08 GB measured at 2,000 draws, 2.94 GB at 20,000, docs/bad-input.md#work)
        extra += 32_768 * months * 8 * 10
        if processes:
            return threads * (estimate_bytes(months, n, waves_by_wave=by_wave, workers=1) + extra)
        return estimate_bytes(months, n, waves_by_wave=by_wave, workers=threads) + extra

    for threads in range(workers, 0, -1):
        if need(draws, threads) <= budget:
            return threads
    lo, hi = 0, draws
    while lo < hi:  # the most draws within the budget (the estimate grows with draws)
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if need(mid, 1) <= budget else (lo, mid - 1)
    what = f"{draws:,} draws of {months} months" + (f" and {by_wave} waves with their own pay" if by_wave else "")
    fix = (
        f"give --draws {lo:,} or fewer, or raise the budget with {MEMORY_ENV}=GB"
        if lo >= 1_000
        else f"shorten the horizon or merge waves (docs/bad-input.md), or raise the budget with {MEMORY_ENV}=GB"
    )
    raise InputError(
        None,
        "--draws",
        f"{what} would need about {need(draws, 1) / 1e9:.1f} GB, over the memory budget of {budget / 1e9:g} GB",
        fix,
    )
