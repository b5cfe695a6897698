"""Periods and units: turning an amount as stated into the unit a parameter is measured in.

Claims keep their figure in a normalised unit (``USD/month``, ``USD/year``, ``USD``,
``persons``, ``months``, ``fraction``) with the period said separately. A parameter
asks for one unit; :func:`readings` says how a claim's figure converts into it, as
one reading or, when the text leaves the period open, several weighted readings
(a mixture, never a guess). The rules are in ``docs/claims.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from troopledger.claims._currency import currency_code, to_usd
from troopledger.claims._months import month_index
from troopledger.claims._numbers import parse_number
from troopledger.claims._record import Claim
from troopledger.claims._vocabulary import QUANTITIES

__all__ = [
    "AMBIGUOUS_READINGS",
    "PERIOD_MONTHS",
    "Reading",
    "convert_period",
    "months_in_window",
    "normalise_amount",
    "readings",
    "unit_period",
]

#: Length in months of the periods an amount can be stated per.
PERIOD_MONTHS: dict[str, float] = {"month": 1.0, "year": 12.0}

#: How an amount whose period is left open is read: each reading and its weight.
#: ``total`` (over the claim's window) is used only when the claim gives a window.
AMBIGUOUS_READINGS: dict[str, float] = {"month": 1.0, "year": 1.0, "total": 1.0}

_PER = re.compile(r"^[A-Za-z]+/(month|year)$")


@dataclass(frozen=True)
class Reading:
    """One way to read a claim's figure: multiply it by ``factor``; ``weight`` is its share."""

    label: str
    factor: float
    weight: float


def unit_period(unit: str) -> str | None:
    """The period in a unit such as ``USD/month`` (``month``), or ``None`` for a plain unit."""
    m = _PER.match(unit.strip())
    return m.group(1) if m else None


def months_in_window(start: str | None, end: str | None) -> int | None:
    """Whole months from ``start`` to ``end`` inclusive (``YYYY-MM``), or ``None`` if either is missing."""
    if start is None or end is None:
        return None
    try:
        n = month_index(end) - month_index(start) + 1
    except ValueError:
        return None
    return n if n >= 1 else None


def convert_period(
    amount: float,
    from_period: str,
    to_period: str | None,
    *,
    window_months: int | None = None,
    tour_months: float | None = None,
) -> float:
    """Convert ``amount`` stated per ``from_period`` into per ``to_period`` (``None`` = a total).

    ``from_period`` is ``month``, ``year``, ``tour`` (needs ``tour_months``) or ``total``
    (needs ``window_months``: the total is spread evenly over its window). Raises
    ``ValueError`` naming what is missing.
    """
    if from_period in PERIOD_MONTHS:
        per_month = amount / PERIOD_MONTHS[from_period]
    elif from_period == "tour":
        if not tour_months or tour_months <= 0:
            raise ValueError("a per-tour amount needs the tour length in months to convert")
        per_month = amount / tour_months
    elif from_period in ("total", "once"):
        if to_period is None:
            return amount
        if not window_months:
            raise ValueError("a total needs the window it covers (window_start and window_end) to convert")
        per_month = amount / window_months
    else:
        raise ValueError(f"unknown period '{from_period}'; use month, year, tour or total")
    if to_period is None:
        raise ValueError(f"an amount per {from_period} cannot be read as a one-off amount")
    if to_period not in PERIOD_MONTHS:
        raise ValueError(f"unknown target period '{to_period}'; use month or year")
    return per_month * PERIOD_MONTHS[to_period]


def _claim_period(claim: Claim) -> str | None:
    """The period the claim's stored figure is per: its ``period`` field, else its unit's."""
    if claim.period in ("month", "year", "tour", "total", "once", "ambiguous"):
        return claim.period
    return unit_period(claim.unit)


def readings(claim: Claim, target_unit: str, *, tour_months: float | None = None) -> list[Reading]:
    """How to read ``claim``'s figure in ``target_unit``: one reading, or several if its period is open.

    Non-money units (persons, months, fraction) are read as they are. For money, a
    figure per month, per year, per tour or in total over its window converts to the
    target's period. An ``ambiguous`` period gives the weighted readings in
    :data:`AMBIGUOUS_READINGS` (``total`` only where the claim has a window).
    Raises ``ValueError`` when the figure cannot be converted.
    """
    target = unit_period(target_unit)
    period = _claim_period(claim)
    if period is None or (target is None and period in ("total", "once")):
        return [Reading("as stated", 1.0, 1.0)]
    window = months_in_window(claim.window_start, claim.window_end)
    if period == "ambiguous":
        out = []
        for reading, weight in AMBIGUOUS_READINGS.items():
            if reading == "total" and window is None:
                continue
            try:
                factor = convert_period(1.0, reading, target, window_months=window, tour_months=tour_months)
            except ValueError:
                continue
            out.append(Reading(f"read as per {reading}" if reading != "total" else "read as a total", factor, weight))
        if not out:
            raise ValueError(f"claim '{claim.id}': no reading of its open period converts to {target_unit}")
        return out
    if period == target:
        return [Reading("as stated", 1.0, 1.0)]
    factor = convert_period(1.0, period, target, window_months=window, tour_months=tour_months)
    return [Reading(f"per {period} converted to {target_unit}", factor, 1.0)]


def normalise_amount(
    stated: str | float,
    quantity: str,
    *,
    currency: str = "USD",
    period: str | None = None,
    date: str | None = None,
    window_start: str | None = None,
    window_end: str | None = None,
    source_usd: float | None = None,
) -> tuple[float, str, str | None]:
    """A figure as stated (digits or words, any bundled currency, any period) in its quantity's unit.

    Returns ``(value, unit, period)``. Money converts to USD at the month of ``date``
    from the bundled rate table, unless the source gave its own dollar figure
    (``source_usd``, which wins). A per-month, per-year or total-over-window amount
    converts to the quantity's period; an ``ambiguous`` period is left as stated, so
    fusion can keep every reading. Raises ``ValueError`` naming what is wrong.
    """
    value = parse_number(stated) if isinstance(stated, str) else float(stated)
    unit = QUANTITIES[quantity].unit if quantity in QUANTITIES else ""
    code = currency_code(currency) if currency else "USD"
    if code != "USD" or source_usd is not None:
        if date is None and source_usd is None:
            raise ValueError(f"a {code} amount needs the claim's date to convert to USD")
        value = to_usd(value, code, date or "", source_usd=source_usd)
    target = unit_period(unit)
    if period in (None, "ambiguous") or target is None or period == target:
        return value, unit, period
    if period == "tour":
        return value, unit.split("/")[0], "tour"  # kept per tour; the case's tour length converts it
    window = months_in_window(window_start, window_end)
    return convert_period(value, period, target, window_months=window), unit, target
