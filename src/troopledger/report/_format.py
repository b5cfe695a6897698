"""Number formatting shared by every report format.

Money is counted in US dollars unless the report was converted (``--currency``): the
renderers then format every amount in the payload's currency inside
:func:`money_in`, so one formatter serves both and no amount is shown with the wrong
sign.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from troopledger.analysis import OUTPUTS, Band

if TYPE_CHECKING:
    from troopledger.report._payload import ClaimEntry, ReportPayload

__all__ = [
    "LABELS",
    "SHORT_LABELS",
    "SYMBOLS",
    "currency_of",
    "fmt_interval",
    "fmt_number",
    "fmt_usd",
    "headline",
    "money_code",
    "money_in",
    "money_symbol",
    "speakers",
]

#: Signs written before amounts; other currencies are written after, as their code.
SYMBOLS = {"USD": "$", "KRW": "₩", "EUR": "€", "GBP": "£", "JPY": "¥", "RUB": "₽", "CNY": "CN¥", "UAH": "₴"}
_MONEY: ContextVar[str] = ContextVar("troopledger_money", default="USD")


def currency_of(p: ReportPayload) -> str:
    """The currency a report's amounts are in (USD unless it was converted)."""
    return p.currency_code


@contextmanager
def money_in(code: str) -> Iterator[None]:
    """Format money as ``code`` (an ISO currency code) inside the block."""
    token = _MONEY.set(code)
    try:
        yield
    finally:
        _MONEY.reset(token)


def money_code() -> str:
    """The currency amounts are being formatted in."""
    return _MONEY.get()


def money_symbol() -> str:
    """The sign written before amounts ("$", "₩"), or "" when the code is written after them."""
    return SYMBOLS.get(_MONEY.get(), "")


#: Reader-facing label of each money output, as the model declares it.
LABELS = {name: o.label for name, o in OUTPUTS.items() if o.unit == "USD/month"}
#: Short labels (chart nodes, narrow columns), from the same declarations.
SHORT_LABELS = {name: o.brief for name, o in OUTPUTS.items()}


def fmt_usd(x: float | None) -> str:
    """Money with a readable scale in the report's currency: $950, $12.3k, $4.56M, ₩27.7B, 1.4T XYZ."""
    if x is None or not math.isfinite(x):
        return "n/a"
    a = abs(x)
    sign = "-" if x < 0 else ""
    sym = money_symbol()
    after = "" if sym else f" {money_code()}"
    for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= div:
            return f"{sign}{sym}{a / div:,.3g}{suffix}{after}"
    return f"{sign}{sym}{a:,.3g}{after}" if a >= 1 else f"{sign}{sym}{a:.2g}{after}"


def fmt_number(x: float | None, unit: str = "") -> str:
    """A plain number with thousands separators and three significant digits."""
    if x is None or not math.isfinite(x):
        return "n/a"
    if unit.startswith(("USD", money_code())):  # money: dollars, or the currency the report is in
        rest = unit[3:]
        return fmt_usd(x) + (rest.replace("/", " per ") if rest else "")
    if unit in ("fraction", "per month"):
        return f"{x:.1%}" if x >= 0.001 else f"{x:.2g}"
    a = abs(x)
    text = f"{x:,.0f}" if a >= 100 else f"{x:.3g}"
    return f"{text} {unit}".strip()


def fmt_interval(stats: Band, unit: str = "USD") -> str:
    """``p5 to p95`` of a band."""
    return f"{fmt_number(stats.p5, unit)} to {fmt_number(stats.p95, unit)}"


def speakers(claim_ids: Sequence[str], claims: Mapping[str, ClaimEntry]) -> str:
    """The distinct speakers behind a list of claim ids, comma-separated."""
    names = [claims[c].claim.speaker for c in claim_ids if c in claims]
    return ", ".join(dict.fromkeys(names)) or "assumption (no source)"


def headline(p: ReportPayload) -> str:
    """One sentence with the main numbers and their 90 % intervals."""
    t = p.totals
    months = p.months

    def part(key: str) -> str:
        s = t[key]
        return f"{fmt_usd(s.p50)} (90 % interval {fmt_usd(s.p5)} to {fmt_usd(s.p95)})"

    return (
        f"From {months[0]} to {months[-1]} Russia pays about {part('paid_by_russia')}; "
        f"the North Korean state keeps {part('to_state')}, living soldiers receive {part('to_soldiers')} "
        f"and families of the dead {part('to_families')}."
    )
