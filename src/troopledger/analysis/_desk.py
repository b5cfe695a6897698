"""The analyst's desk: the options that change how a run is shown, not what is drawn.

Currency (``--currency`` at each month's rate, or a fixed ``--rate``, with a user's
rates file over the bundled table), windows of time (``--window``) and given-data
sensitivity are applied after the model and after calibration: the draws and their
weights are the run's own, only the view changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict

from numpy.typing import NDArray

from troopledger.analysis._given_data import given_data_sensitivity, sensitivity_over_time
from troopledger.analysis._money import Conversion, bundled_rates, conversion, read_rates
from troopledger.analysis._reweigh import convert_draws
from troopledger.analysis._sensitivity import SENSITIVITY_TARGETS
from troopledger.analysis._windows import Window, window_stats, windows_for
from troopledger.evidence import Prior
from troopledger.model import HEADLINE_TOTALS, PAYMENTS, Draws

__all__ = ["WINDOW_ACCOUNTS", "Desk", "DeskTables", "money_inputs"]


class DeskTables(TypedDict, total=False):
    """The desk's groups of a Result, each present when asked for: JSON-ready as they stand."""

    currency: dict[str, object]
    windows: list[dict[str, Any]]
    given_data_sensitivity: dict[str, Any]
    sensitivity_over_time: dict[str, Any]


#: Accounts whose totals each window reports.
WINDOW_ACCOUNTS = (*HEADLINE_TOTALS, *PAYMENTS)


def money_inputs(prior: Prior) -> list[str]:
    """Inputs counted in dollars (pay, payments, GDP): a report in another currency converts them."""
    names = [k for k, s in prior.slots.items() if s.unit.startswith("USD")]
    return [*names, "pay_per_soldier_month"]


@dataclass(frozen=True)
class Desk:
    """How to show a run: currency and rate, a rates file, windows of time, given-data sensitivity."""

    currency: str = "USD"
    rate: float | None = None
    rates_file: str | None = None
    windows: tuple[str, ...] = ()
    given_data: bool = True

    def conversion(self, prior: Prior) -> Conversion | None:
        """The month-by-month conversion for ``prior``'s horizon, or None for plain dollars."""
        if self.currency.upper() == "USD" and self.rate is None:
            return None
        table = bundled_rates()
        if self.rates_file:
            table = table.merged(read_rates(self.rates_file))
        return conversion(prior.horizon.labels, self.currency, rate=self.rate, table=table)

    def view(self, prior: Prior, d: Draws, conv: Conversion | None) -> Draws:
        """The draws with every amount in the report's currency."""
        return d if conv is None else convert_draws(d, conv.per_usd, money_inputs(prior))

    def window_list(self, prior: Prior) -> list[Window]:
        """The windows asked for; with none, the whole horizon when it is not a year (for its per-year rate)."""
        months = prior.horizon.labels
        out = [w for spec in self.windows for w in windows_for(spec, months)]
        if not out and len(months) != 12:
            out = windows_for(f"{months[0]}..{months[-1]}", months)
        return out

    def tables(self, prior: Prior, shown: Draws, weights: NDArray[Any] | None) -> DeskTables:
        """The desk's groups of a Result: currency, windows, given-data sensitivity and its months.

        ``shown`` are the draws the report headlines (the posterior's when calibrated,
        with their ``weights``): windows and sensitivity describe the same figure.
        """
        out = DeskTables()
        names = [k for k in WINDOW_ACCOUNTS if k in shown.totals]
        wins = self.window_list(prior)
        if wins:
            out["windows"] = window_stats(wins, shown, names, weights=weights)
        if self.given_data and shown.params and shown.draws > 40:
            out["given_data_sensitivity"] = given_data_sensitivity(shown, SENSITIVITY_TARGETS, weights=weights)
            out["sensitivity_over_time"] = sensitivity_over_time(shown, weights=weights)
        return out
