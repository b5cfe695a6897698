"""Money in the reader's currency: dollars converted month by month, or at one fixed rate.

The model counts in US dollars. A report can show any currency of the rate table: each
month at that month's average rate from the bundled table (``data/rates/usd_monthly.csv``),
which a user's rates file (same layout) extends or overrides, or at one fixed rate for
the whole horizon (``--rate``; an author's own rate). The bundled table ends where its
header says; a month past the end (or before the start) is converted at the nearest
compiled month and *flagged*, never repeated silently.

A case that draws exchange rates (a ledger case draws ``fx_<code>``, the true rate as
a multiple of the table's, once per draw and currency) converts each draw at its own
drawn rate (:class:`DrawnRate`), so the bands include the rate's own uncertainty; a case
that draws none converts every draw at the table's rate and says so in a note.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from troopledger._paths import exists, is_file, read_input
from troopledger.claims import MONTH_PATTERN
from troopledger.errors import InputError
from troopledger.model.streams import fx_key

__all__ = [
    "FIXED_RATE_NOTE",
    "MAX_RATES_BYTES",
    "TABLE_RATE_NOTE",
    "Conversion",
    "DrawnRate",
    "RateTable",
    "bundled_rates",
    "conversion",
    "drawn_rate",
    "read_rates",
]

#: What a report in another currency says when the case draws no exchange rate: the table's rates, fixed.
TABLE_RATE_NOTE = (
    "This case draws no exchange rates: every draw is converted at the same rate, the table's, so the bands "
    "leave out the rate's own uncertainty."
)
#: What it says when the user gave one rate (--rate).
FIXED_RATE_NOTE = "Every draw is converted at the one rate given, so the bands leave out exchange-rate uncertainty."

#: A user's rates file larger than this is refused (a monthly table is a few kilobytes).
MAX_RATES_BYTES = 2_000_000

Array = NDArray[np.float64]


@dataclass(frozen=True)
class RateTable:
    """Units of each currency per US dollar by ``(currency, month)``, with each row's basis.

    ``basis`` is ``avg`` (a compiled monthly average), ``user`` (from a user's rates
    file) or ``carried`` (a repeated month, which conversions treat as missing).
    """

    rates: Mapping[tuple[str, str], float]
    basis: Mapping[tuple[str, str], str]
    origin: str = "bundled table"

    def currencies(self) -> list[str]:
        """Every currency code the table has a rate for, plus USD."""
        return sorted({c for c, _ in self.rates} | {"USD"})

    def known(self, currency: str) -> list[str]:
        """The months with a usable (not carried) rate for ``currency``, in order."""
        return sorted(m for (c, m), b in self.basis.items() if c == currency and b != "carried")

    def merged(self, other: RateTable) -> RateTable:
        """This table with ``other``'s rows added; where both have a month, ``other`` wins."""
        rates, basis = dict(self.rates), dict(self.basis)
        rates.update(other.rates)
        basis.update(other.basis)
        return RateTable(rates, basis, f"{self.origin} + {other.origin}")


def _parse(text: str, origin: str, default_basis: str) -> RateTable:
    """Read a rate table in the bundled layout: ``month,CODE,...[,basis]``, ``#`` comments."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise InputError(origin, None, "no rate rows", "write a header 'month,KRW,...' and one row per month")
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = [h.strip() for h in next(reader)]
    if not header or header[0] != "month":
        raise InputError(origin, "month", "the first column must be 'month'", "start the header with month,")
    codes = [h.upper() for h in header[1:]]
    rates: dict[tuple[str, str], float] = {}
    basis: dict[tuple[str, str], str] = {}
    for lineno, row in enumerate(reader, start=2):
        cells = [c.strip() for c in row]
        if len(cells) != len(header):
            problem = f"has {len(cells)} cells, the header {len(header)}"
            raise InputError(origin, f"row {lineno}", problem, "give one cell per header column")
        month = cells[0]
        if not MONTH_PATTERN.match(month):
            raise InputError(origin, f"row {lineno}", f"month {month!r} is not YYYY-MM", "write months as 2025-01")
        row_basis = default_basis
        for code, cell in zip(codes, cells[1:], strict=True):
            if code == "BASIS":
                row_basis = cell or default_basis
        for code, cell in zip(codes, cells[1:], strict=True):
            if code == "BASIS" or cell == "":
                continue
            try:
                value = float(cell)
            except ValueError:
                value = math.nan
            if not math.isfinite(value) or value <= 0:
                raise InputError(
                    origin, f"{code} {month}", f"rate {cell!r} is not a positive number", "give units per US dollar"
                )
            rates[(code, month)] = value
            basis[(code, month)] = row_basis
    return RateTable(rates, basis, origin)


@lru_cache(maxsize=1)
def bundled_rates() -> RateTable:
    """The bundled monthly table (read once)."""
    raw = resources.files("troopledger").joinpath("data", "rates", "usd_monthly.csv").read_text(encoding="utf-8")
    return _parse(raw, "bundled table", "avg")


def read_rates(path: str | Path) -> RateTable:
    """A user's rates file in the bundled layout; every row counts as ``user`` basis.

    Errors name the file, the row or cell, and the fix (:class:`InputError`).
    """
    p = Path(path)
    if not is_file(p) and not exists(p):  # a FIFO or a device: read_input names it
        raise InputError(str(p), None, "no such rates file", "give the path of a CSV: month,KRW,... (docs/analyst.md)")
    if p.stat().st_size > MAX_RATES_BYTES:
        raise InputError(str(p), None, "the file is too large for a rate table", "give a monthly CSV of rates")
    data = read_input(p, "rates", MAX_RATES_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(p), None, "not UTF-8 text", "save the rates file as UTF-8 CSV") from None
    return _parse(text, str(p), "user")


@dataclass(frozen=True)
class Conversion:
    """How each month's dollars become ``currency``: a rate per month and where it came from.

    ``basis`` per month is ``avg``/``user`` (the month's own rate), ``fixed`` (one rate
    for all months), ``usd`` or ``nearest`` (no rate for the month: the nearest compiled
    month's rate, flagged in ``flags``).
    """

    currency: str
    months: tuple[str, ...]
    per_usd: Array
    basis: tuple[str, ...]
    source: str
    flags: list[str] = field(default_factory=list)
    #: how the rate treats the draws (the same rate for every draw; see :data:`TABLE_RATE_NOTE`)
    note: str = ""

    def apply(self, usd: NDArray[np.floating] | Sequence[float]) -> Array:
        """Convert an array whose last axis is the months (``(months,)`` or ``(draws, months)``)."""
        a = np.asarray(usd, dtype=np.float64)
        if a.shape[-1] != len(self.months):
            raise ValueError(f"the last axis must be the {len(self.months)} months, got shape {a.shape}")
        return a * self.per_usd

    def scalar(self, usd: float, month: str | None = None) -> float:
        """Convert one amount: at ``month``'s rate, or at the horizon's mean rate if ``month`` is None."""
        if month is None:
            return float(usd) * float(np.mean(self.per_usd))
        return float(usd) * float(self.per_usd[self.months.index(month)])

    def describe(self) -> dict[str, object]:
        """Plain data for reports: currency, source, per-month rate and basis, and flags."""
        return {
            "currency": self.currency,
            "source": self.source,
            "rates": {m: float(r) for m, r in zip(self.months, self.per_usd, strict=True)},
            "basis": dict(zip(self.months, self.basis, strict=True)),
            "flags": list(self.flags),
            **({"note": self.note} if self.note else {}),
        }


def conversion(
    months: Sequence[str], currency: str, *, rate: float | None = None, table: RateTable | None = None
) -> Conversion:
    """The month-by-month conversion of dollars to ``currency`` over ``months``.

    ``rate`` (units per dollar) fixes one rate for every month, as an author's stated
    conversion does. Otherwise each month takes its rate from ``table`` (default: the
    bundled one); months the table lacks take the nearest compiled month's rate and are
    flagged. Raises :class:`InputError` for an unknown currency or a non-positive rate.
    """
    code = currency.strip().upper()
    months = tuple(months)
    if rate is not None:
        if not (math.isfinite(rate) and rate > 0):
            raise InputError(None, "--rate", f"rate {rate!r} must be a positive number", "give units per US dollar")
        fixed = np.full(len(months), float(rate))
        return Conversion(code, months, fixed, ("fixed",) * len(months), "one fixed rate", note=FIXED_RATE_NOTE)
    if code == "USD":
        return Conversion(code, months, np.ones(len(months)), ("usd",) * len(months), "US dollars")
    t = table or bundled_rates()
    known = t.known(code)
    if not known:
        raise InputError(
            None,
            "--currency",
            f"no rates for {code!r} in the {t.origin}",
            f"use one of {', '.join(t.currencies())}, give --rate, or add a rates file",
        )
    per_usd = np.empty(len(months))
    basis: list[str] = []
    outside: list[str] = []
    for i, m in enumerate(months):
        b = t.basis.get((code, m))
        if b is not None and b != "carried":
            per_usd[i] = t.rates[(code, m)]
            basis.append(b)
            continue
        nearest = known[-1] if m > known[-1] else known[0] if m < known[0] else max(k for k in known if k < m)
        per_usd[i] = t.rates[(code, nearest)]
        basis.append("nearest")
        outside.append(f"{m} at {nearest}'s rate")
    flags = []
    if outside:
        flags.append(
            f"{len(outside)} month(s) have no {code} rate in the {t.origin} (compiled {known[0]} to {known[-1]}): "
            + ", ".join(outside)
            + "; give --rate or a rates file for these months"
        )
    source = f"each month's average rate, {t.origin}"
    return Conversion(code, months, per_usd, tuple(basis), source, flags, TABLE_RATE_NOTE)


@dataclass(frozen=True)
class DrawnRate:
    """The rate a ledger report converts each draw's dollars at.

    ``per_usd`` is the table's average rate over the window; ``error`` the case's own
    draw of the rate as a multiple of the table's (``fx_<code>``, one per draw), or None
    where the case draws none: then every draw takes ``per_usd`` and ``note`` says so.
    """

    currency: str
    per_usd: float
    error: Array | None = None
    note: str = ""

    def convert(self, usd: NDArray[np.floating] | float) -> Array:
        """Per-draw dollars ``(draws,)`` in the currency, each draw at its own drawn rate."""
        a = np.asarray(usd, dtype=np.float64)
        return a * self.per_usd if self.error is None else a * (self.per_usd * self.error)


def drawn_rate(currency: str, per_usd: float, drawn: Mapping[str, Array]) -> DrawnRate:
    """``currency`` at the table's ``per_usd``, times the case's draw of its rate error where ``drawn`` holds one."""
    code = currency.strip().upper()
    if code == "USD":
        return DrawnRate(code, 1.0)
    error = drawn.get(fx_key(code))
    if error is None:
        why = "the market rate of the case's claims" if code == "KPW" else "the bundled table's average"
        note = (
            f"The case draws no {code} exchange rate: every draw is converted at one rate, {why}, so the bands "
            "leave out the rate's own uncertainty."
        )
        return DrawnRate(code, float(per_usd), None, note)
    note = (
        f"Each draw is converted at its own {code} rate: the table's average times the case's draw of the rate's "
        "error (the input fx_" + code.lower() + ", shared with every input read from " + code + "), so the bands "
        "include exchange-rate uncertainty."
    )
    return DrawnRate(code, float(per_usd), np.asarray(error, dtype=np.float64), note)
