"""The analyst's desk in the report object: totals by window and given-data sensitivity, typed.

Built from the JSON-ready groups :class:`~troopledger.analysis.DeskTables` holds; each
writes back exactly that JSON with ``to_json()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from troopledger.analysis import Band

__all__ = ["GivenData", "GivenDataOverTime", "WindowTotals"]


def _bands(rows: dict[str, Band]) -> dict[str, object]:
    return {k: b.to_json() for k, b in rows.items()}


@dataclass(frozen=True)
class GivenData:
    """RBD-FAST first-order index of each input for each total (given data), with its 95 % bootstrap half-width."""

    method: str
    draws: int
    #: the draws were resampled from the posterior's weights
    weighted: bool
    targets: list[str]
    first_order: dict[str, dict[str, float]]
    conf: dict[str, dict[str, float]]
    order: list[str]

    @classmethod
    def from_json(cls, g: dict[str, Any]) -> GivenData:
        """The table as :func:`troopledger.analysis.given_data_sensitivity` gives it."""
        return cls(
            g["method"], g["draws"], g["weighted"], list(g["targets"]), g["first_order"], g["conf"], list(g["order"])
        )

    def to_json(self) -> dict[str, object]:
        """``{method, draws, weighted, targets, first_order, conf, order}``."""
        out: dict[str, object] = {"method": self.method, "draws": self.draws, "weighted": self.weighted}
        out |= {"targets": self.targets, "first_order": self.first_order, "conf": self.conf, "order": self.order}
        return out


@dataclass(frozen=True)
class GivenDataOverTime:
    """The RBD-FAST first-order index of the strongest inputs on one monthly total, month by month."""

    method: str
    target: str
    months: list[str]
    draws: int
    weighted: bool
    first_order: dict[str, list[float]]
    order: list[str]

    @classmethod
    def from_json(cls, g: dict[str, Any]) -> GivenDataOverTime:
        """The table as :func:`troopledger.analysis.sensitivity_over_time` gives it."""
        return cls(
            g["method"], g["target"], list(g["months"]), g["draws"], g["weighted"], g["first_order"], list(g["order"])
        )

    def to_json(self) -> dict[str, object]:
        """``{method, target, months, draws, weighted, first_order, order}``."""
        out: dict[str, object] = {"method": self.method, "target": self.target, "months": self.months}
        out |= {"draws": self.draws, "weighted": self.weighted, "first_order": self.first_order, "order": self.order}
        return out


@dataclass(frozen=True)
class WindowTotals:
    """The totals over one window of months (``--window``), and their per-year rate when it is not a year long."""

    window: str
    first: str
    last: str
    months: int
    totals: dict[str, Band]
    per_year: dict[str, Band] | None = None

    @classmethod
    def from_json(cls, w: dict[str, Any]) -> WindowTotals:
        """A window as :func:`troopledger.analysis.window_stats` gives it."""
        per_year = w.get("per_year")
        return cls(
            str(w["window"]),
            str(w["first"]),
            str(w["last"]),
            int(w["months"]),
            {k: Band.from_stats(v) for k, v in w["totals"].items()},
            None if per_year is None else {k: Band.from_stats(v) for k, v in per_year.items()},
        )

    def to_json(self) -> dict[str, object]:
        """``{window, first, last, months, totals[, per_year]}``."""
        out: dict[str, object] = {"window": self.window, "first": self.first, "last": self.last}
        out |= {"months": self.months, "totals": _bands(self.totals)}
        if self.per_year is not None:
            out["per_year"] = _bands(self.per_year)
        return out
