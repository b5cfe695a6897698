"""Windows of time: totals over any run of months, per calendar year, per 12 months.

A window is a run of whole months inside the horizon, written ``2025-01..2025-12``.
Totals over a window are sums of the monthly flows of each draw, so their quantiles
are quantiles of the window's total (not sums of monthly quantiles). A window that is
not 12 months long also gets a per-year rate: its total times 12 over its length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._reweigh import reweighed_totals
from troopledger.analysis._summary import interval_stats
from troopledger.claims import MONTH_PATTERN
from troopledger.errors import InputError
from troopledger.model import Draws

__all__ = ["Window", "calendar_years", "parse_window", "rolling_years", "window_stats", "windows_for"]


@dataclass(frozen=True)
class Window:
    """Months ``start`` (inclusive) to ``stop`` (exclusive) of the horizon, with a label."""

    label: str
    start: int
    stop: int
    first: str
    last: str

    @property
    def months(self) -> int:
        """Number of months in the window."""
        return self.stop - self.start

    def total(self, monthly: NDArray[np.floating[Any]]) -> NDArray[np.float64]:
        """Each draw's sum over the window of a ``(draws, months)`` array."""
        part = np.asarray(monthly[..., self.start : self.stop], dtype=np.float64)
        return np.asarray(part.sum(axis=-1), dtype=np.float64)


def _check_month(text: str, option: str) -> str:
    if not MONTH_PATTERN.match(text):
        raise InputError(None, option, f"{text!r} is not a month written YYYY-MM", "write e.g. 2025-01..2025-12")
    return text


def parse_window(text: str, months: Sequence[str], *, option: str = "--window") -> Window:
    """Read ``A..B`` (both months included; ``A`` alone is one month) against the horizon ``months``.

    Raises :class:`InputError` when the text is not two months, they run backwards, or
    the window reaches outside the horizon (the message gives the horizon).
    """
    parts = [p.strip() for p in text.split("..")]
    if len(parts) == 1:
        parts = parts * 2
    if len(parts) != 2:
        raise InputError(None, option, f"{text!r} is not a window", "write FIRST..LAST, e.g. 2025-01..2025-12")
    first, last = (_check_month(p, option) for p in parts)
    if last < first:
        raise InputError(None, option, f"{text!r} ends before it starts", "write the earlier month first")
    labels = list(months)
    if first not in labels or last not in labels:
        raise InputError(
            None,
            option,
            f"{text} reaches outside the case's months ({labels[0]} to {labels[-1]})",
            "choose months inside the horizon, or lengthen the case with months = ...",
        )
    return Window(f"{first}..{last}", labels.index(first), labels.index(last) + 1, first, last)


def calendar_years(months: Sequence[str]) -> list[Window]:
    """One window per calendar year the horizon touches; partial years say how many months they hold."""
    labels = list(months)
    out: list[Window] = []
    for year in dict.fromkeys(m[:4] for m in labels):
        idx = [i for i, m in enumerate(labels) if m[:4] == year]
        n = len(idx)
        label = year if n == 12 else f"{year} ({labels[idx[0]]}..{labels[idx[-1]]}, {n} months)"
        out.append(Window(label, idx[0], idx[-1] + 1, labels[idx[0]], labels[idx[-1]]))
    return out


def rolling_years(months: Sequence[str]) -> list[Window]:
    """Consecutive 12-month windows from the first month; the last may be shorter."""
    labels = list(months)
    out = []
    for a in range(0, len(labels), 12):
        b = min(a + 12, len(labels))
        label = f"{labels[a]}..{labels[b - 1]}" + ("" if b - a == 12 else f" ({b - a} months)")
        out.append(Window(label, a, b, labels[a], labels[b - 1]))
    return out


def windows_for(spec: str, months: Sequence[str]) -> list[Window]:
    """Windows named on the command line: ``year`` (calendar years), ``12m`` (12-month blocks) or ``A..B``."""
    if spec == "year":
        return calendar_years(months)
    if spec == "12m":
        return rolling_years(months)
    return [parse_window(spec, months)]


def window_stats(
    windows: Sequence[Window],
    d: Draws,
    names: Sequence[str],
    *,
    weights: NDArray[np.float64] | None = None,
    rates: NDArray[np.float64] | None = None,
) -> list[dict[str, Any]]:
    """For each window: its months and, per money account, stats of its total and per-year rate.

    Totals are per draw (:func:`~troopledger.analysis._reweigh.reweighed_totals`), so
    quantiles are of the window's total; ``weights`` (one per draw) are calibration
    weights and ``rates`` (one per month) convert each month's dollars. The per-year
    rate, the total times 12 over the window's length, is given for windows that are
    not 12 months long.
    """
    out = []
    for win in windows:
        factors = np.zeros(len(d.months))
        factors[win.start : win.stop] = 1.0
        if rates is not None:
            factors *= rates
        totals_by_draw, _ = reweighed_totals(d, names, factors)
        totals = {k: interval_stats(v, weights) for k, v in totals_by_draw.items()}
        entry: dict[str, Any] = {"window": win.label, "first": win.first, "last": win.last, "months": win.months}
        entry["totals"] = totals
        if win.months != 12:
            entry["per_year"] = {k: {q: x * 12.0 / win.months for q, x in v.items()} for k, v in totals.items()}
        out.append(entry)
    return out
