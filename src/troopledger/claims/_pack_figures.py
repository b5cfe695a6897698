"""Figures into values for the pack-driven reader: ranges joined by a pack's range words, amounts in US dollars.

``join_ranges`` pairs figures a range word joins ("1,7 do 5,5 mld", "4万至8万", "zwischen ... und");
``to_usd`` converts an amount at the article's month from the rate table (or says why it could not);
``magnitude`` is its rough size in dollars, only to choose a label.
"""

from __future__ import annotations

from troopledger.claims._cues import skip_units
from troopledger.claims._currency import RATE_FIRST_MONTH, RATE_LAST_MONTH, rate_to_usd
from troopledger.claims._numerals import Figure
from troopledger.claims._packs import LanguagePack

__all__ = ["join_ranges", "magnitude", "to_usd"]

#: Rough units per US dollar, only to choose a label when the rate table lacks a currency.
_ROUGH_PER_USD = {"KPW": 8000.0, "KRW": 1400.0, "JPY": 150.0, "RUB": 90.0, "UAH": 40.0, "CNY": 7.2, "PLN": 4.0}


def join_ranges(figs: list[Figure], low: str, pack: LanguagePack) -> list[tuple[Figure, Figure]]:
    """Figures paired into (low, high); a lone figure is paired with itself."""
    out: list[tuple[Figure, Figure]] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs):
            b = figs[i + 1]
            between = skip_units(low[a.end : b.start], pack).strip(" \u00a0")
            opener = any(low[: a.start].rstrip().endswith(w) for w in pack.range_open)
            joined = between in pack.range_words or (opener and between in pack.range_pair)
            if joined and b.scale > 1 and a.scale == 1 and a.value < 1000:
                a = Figure(a.start, a.end, a.text, a.value * b.scale, a.percent, b.scale)  # "1,7 do 5,5 mld"
            if joined and a.value < b.value and (a.percent == b.percent or b.percent):
                out.append((Figure(a.start, a.end, a.text, a.value, b.percent), b))
                i += 2
                continue
        out.append((a, a))
        i += 1
    return out


def to_usd(amount: float, currency: str, date: str | None) -> tuple[float, str, bool]:
    """(factor to USD, note, converted) at the article's month, or the amount as stated with the reason."""
    if currency == "USD":
        return 1.0, "", True
    month = min(max((date or RATE_LAST_MONTH)[:7], RATE_FIRST_MONTH), RATE_LAST_MONTH)
    undated = "" if date else "CHECK: the article has no date (give --date), converted at the table's last month; "
    try:
        rate = rate_to_usd(currency, month)
    except ValueError as e:
        return 1.0, f"not converted ({e}); value in {currency}", False
    return 1 / rate.per_usd, f"{undated}converted from {currency} at {rate.per_usd:,.4g} per USD ({rate.month})", True


def magnitude(amount: float, currency: str, date: str | None) -> float:
    if currency == "USD":
        return amount
    try:
        return amount / rate_to_usd(currency, (date or RATE_LAST_MONTH)[:7]).per_usd
    except ValueError:
        return amount / _ROUGH_PER_USD.get(currency, 1.0)
