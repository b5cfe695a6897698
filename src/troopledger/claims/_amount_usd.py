"""An amount read from an article in US dollars: converted at the month of the article, or left as stated.

The article's month picks the rate from ``data/rates/usd_monthly.csv``; an undated article or a currency
the table lacks (North Korean won) keeps its own currency, with a note saying why.
"""

from __future__ import annotations

from troopledger.claims._currency import RATE_FIRST_MONTH, RATE_LAST_MONTH, rate_to_usd
from troopledger.claims._mentions import Mention

__all__ = ["amount_magnitude", "amount_to_usd"]

#: Rough units per US dollar used only to choose a label when an amount cannot be
#: converted (no date, or a currency the table lacks); never stored as a conversion.
_MAGNITUDE_PER_USD = {"KPW": 8000.0}


def _month(date: str | None) -> str | None:
    return date[:7] if date else None


def amount_to_usd(m: Mention, date: str | None) -> tuple[float, float, str, bool]:
    """(low, high, note, converted): an amount in US dollars, or left as stated with a note saying why."""
    restated = f"; the source restates it as {m.restated}" if m.restated else ""
    if m.source_usd is not None:
        return m.source_usd[0], m.source_usd[1], f"the source's own conversion of {m.currency}{restated}", True
    if m.currency in ("USD", ""):
        return m.low, m.high, restated.removeprefix("; "), True
    month = _month(date)
    if month is None:
        return (
            m.low,
            m.high,
            f"not converted: the article has no date (give --date); value in {m.currency}{restated}",
            False,
        )
    flag = ""
    if month > RATE_LAST_MONTH or month < RATE_FIRST_MONTH:
        edge = RATE_LAST_MONTH if month > RATE_LAST_MONTH else RATE_FIRST_MONTH
        flag = (
            f"; CHECK: the article's month {month} is outside the rate table ({RATE_FIRST_MONTH} to {RATE_LAST_MONTH})"
        )
        month = edge
    try:
        rate = rate_to_usd(m.currency, month)
    except ValueError as e:
        return m.low, m.high, f"not converted ({e}); value in {m.currency}{restated}", False
    note = f"converted from {m.currency} at {rate.per_usd:,.4g} per USD ({rate.month} {rate.basis}){flag}{restated}"
    return m.low / rate.per_usd, m.high / rate.per_usd, note, True


def amount_magnitude(m: Mention, date: str | None) -> float:
    """Roughly how many US dollars an amount is, to choose its label."""
    if m.currency in ("USD", ""):
        return m.high
    if m.source_usd is not None:
        return m.source_usd[1]
    try:
        return m.high / rate_to_usd(m.currency, _month(date) or RATE_LAST_MONTH).per_usd
    except ValueError:
        try:
            return m.high / rate_to_usd(m.currency, RATE_LAST_MONTH).per_usd
        except ValueError:
            return m.high / _MAGNITUDE_PER_USD.get(m.currency, 1.0)
