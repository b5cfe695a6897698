"""Currency: naming currencies as texts write them and converting amounts to US dollars.

Amounts convert at the monthly average rate of the month they speak about, from a
bundled table (``data/rates/usd_monthly.csv``; its header says where the figures
come from and how accurate they are). A source's own conversion always wins: when
the text gives a dollar figure beside a foreign one, callers pass it and it is used
as it stands.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CURRENCY_NAMES", "RATE_FIRST_MONTH", "RATE_LAST_MONTH", "Rate", "currency_code", "rate_to_usd", "to_usd"]

#: How texts name currencies (symbols, words, codes) → ISO 4217 code. "won" is read as
#: the South Korean won: North Korean won figures are rare and name themselves.
CURRENCY_NAMES: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "₩": "KRW",
    "w": "KRW",  # "W2.7 million" in Korea's English-language press
    "krw": "KRW",
    "won": "KRW",
    "₽": "RUB",
    "rub": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "¥": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "₴": "UAH",
    "uah": "UAH",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "hryvnya": "UAH",
}

_TABLE = "usd_monthly.csv"
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class Rate:
    """Units of ``currency`` per US dollar in ``month``; ``basis`` is ``avg`` or ``carried``."""

    currency: str
    month: str
    per_usd: float
    basis: str


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, str], Rate], tuple[str, ...]]:
    """The bundled table, read once: (currency, month) → rate, and the months in order."""
    raw = resources.files("troopledger").joinpath("data", "rates", _TABLE).read_text(encoding="utf-8")
    lines = [ln for ln in raw.splitlines() if ln and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    out: dict[tuple[str, str], Rate] = {}
    months: list[str] = []
    for row in reader:
        month = row.pop("month")
        basis = row.pop("basis")
        months.append(month)
        for cur, cell in row.items():
            out[(cur, month)] = Rate(cur, month, float(cell), basis)
    return out, tuple(months)


RATE_FIRST_MONTH = "2022-01"
RATE_LAST_MONTH = "2026-10"


def currency_code(name: str) -> str:
    """The ISO code for a currency as written ("$", "won", "roubles", "EUR"); ValueError if unknown."""
    key = name.strip().lower()
    if key in CURRENCY_NAMES:
        return CURRENCY_NAMES[key]
    if key.upper() in {c for c, _ in _table()[0]} or key.upper() == "USD":
        return key.upper()
    raise ValueError(f"unknown currency {name!r}; known: {', '.join(sorted(set(CURRENCY_NAMES.values())))}")


def _month_of(date: str | _dt.date) -> str:
    if isinstance(date, _dt.date):
        return f"{date.year:04d}-{date.month:02d}"
    m = _MONTH.match(date.strip())
    if m is None:
        raise ValueError(f"date {date!r} is not written YYYY-MM or YYYY-MM-DD")
    return f"{m.group(1)}-{m.group(2)}"


def rate_to_usd(currency: str, date: str | _dt.date) -> Rate:
    """The bundled monthly rate for ``currency`` in the month of ``date``.

    Raises ``ValueError`` for an unknown currency or a month outside the table
    (:data:`RATE_FIRST_MONTH` to :data:`RATE_LAST_MONTH`).
    """
    code = currency_code(currency)
    month = _month_of(date)
    if code == "USD":
        return Rate("USD", month, 1.0, "avg")
    table, months = _table()
    rate = table.get((code, month))
    if rate is None:
        if (code, months[0]) not in table:
            raise ValueError(f"no rates for {code} in the bundled table")
        raise ValueError(f"no {code} rate for {month}: the bundled table covers {months[0]} to {months[-1]}")
    return rate


def to_usd(amount: float, currency: str, date: str | _dt.date, *, source_usd: float | None = None) -> float:
    """``amount`` of ``currency`` in US dollars at the month of ``date``.

    ``source_usd`` is the source's own dollar figure for the same amount; when given
    it wins and is returned unchanged. Raises ``ValueError`` for an unknown currency or
    a month the bundled table does not cover.
    """
    if source_usd is not None:
        return float(source_usd)
    return float(amount) / rate_to_usd(currency, date).per_usd
