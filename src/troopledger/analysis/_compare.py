"""Two runs side by side: each one's totals, and the draw-by-draw difference with its interval.

A calibrated case compares posterior draws: the first run's, and the second run's
mapped onto the same draws and reweighted by its claims; otherwise prior draws.

Two cases or scenarios run with the same seed share common random numbers: every input
they have in common gets the same draws (each input has its own random stream), so draw
``i`` of one run and draw ``i`` of the other differ only by what the scenario changed.
The difference is therefore taken draw by draw, and its interval is the interval of
those paired differences, much narrower than the gap between two separate intervals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._desk import Desk
from troopledger.analysis._ledger_weights import Band
from troopledger.analysis._money import Conversion
from troopledger.analysis._reweigh import reweighed_totals
from troopledger.analysis._summary import interval_stats
from troopledger.analysis._windows import Window
from troopledger.calibration import calibrate, compile_observations, paired_posterior
from troopledger.errors import TroopledgerError
from troopledger.evidence import Prior
from troopledger.model import Draws, collect

__all__ = [
    "CompareRun",
    "Comparison",
    "PairedDraws",
    "PairedRow",
    "PairedWindow",
    "compare_draws",
    "compare_runs",
    "pair_weights",
]


Weights = tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]] | None


def _cut(w: NDArray[np.float64] | None, n: int) -> NDArray[np.float64] | None:
    return None if w is None else w[:n]


@dataclass(frozen=True)
class PairedRow:
    """One quantity in both runs and its draw-by-draw difference ``b - a``, each a 90 % band."""

    a: Band
    b: Band
    difference: Band
    #: share of the (weighted) draws in which the second run is higher
    share_b_higher: float

    def to_json(self) -> dict[str, object]:
        """``{a, b, difference, share_b_higher}``, each side ``{mean, p5, p50, p95}``."""
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "difference": self.difference.to_json(),
            "share_b_higher": self.share_b_higher,
        }


@dataclass(frozen=True)
class PairedWindow:
    """The paired rows of the totals over one window of months."""

    window: str
    months: int
    totals: dict[str, PairedRow]

    def to_json(self) -> dict[str, object]:
        """``{window, months, totals}``."""
        return {"window": self.window, "months": self.months, "totals": _rows_json(self.totals)}


@dataclass(frozen=True)
class PairedDraws:
    """How many draws each run's weights, and the paired differences' weights, are worth."""

    a: float
    b: float
    difference: float

    def to_json(self) -> dict[str, float]:
        """``{a, b, difference}``."""
        return {"a": self.a, "b": self.b, "difference": self.difference}


@dataclass(frozen=True)
class CompareRun:
    """What one side of a comparison ran: its label, case, scenario and the inputs set."""

    label: str
    case: str
    scenario: str | None = None
    description: str = ""
    set: Mapping[str, object] | None = None

    def to_json(self) -> dict[str, object]:
        """``{label, case, name, description, set}`` (``name`` is the scenario's)."""
        return {
            "label": self.label,
            "case": self.case,
            "name": self.scenario,
            "description": self.description,
            "set": dict(self.set or {}),
        }


@dataclass(frozen=True)
class Comparison:
    """Two runs side by side: each one's totals and derived outputs, and their paired differences.

    ``draws_used`` is ``prior`` or ``posterior`` (then ``effective_draws`` says what the
    weights are worth); ``windows`` holds the totals over each window asked for; ``runs``
    and ``currency`` are what the command ran and the currency the amounts are in (None: US dollars).
    """

    labels: tuple[str, str]
    seed: int
    draws: int
    draws_used: str
    totals: dict[str, PairedRow]
    derived: dict[str, PairedRow]
    effective_draws: PairedDraws | None = None
    windows: tuple[PairedWindow, ...] = ()
    runs: tuple[CompareRun, ...] = ()
    currency: Conversion | None = None

    @property
    def currency_code(self) -> str:
        """The currency the amounts are in."""
        return "USD" if self.currency is None else self.currency.currency

    def to_json(self) -> dict[str, object]:
        """The JSON object ``troopledger compare --format json`` prints."""
        out: dict[str, object] = {"labels": list(self.labels), "seed": self.seed, "draws": self.draws}
        out["draws_used"] = self.draws_used
        if self.effective_draws is not None:
            out["effective_draws"] = self.effective_draws.to_json()
        out["totals"] = _rows_json(self.totals)
        out["derived"] = _rows_json(self.derived)
        if self.windows:
            out["windows"] = [w.to_json() for w in self.windows]
        if self.runs:
            out["runs"] = [r.to_json() for r in self.runs]
        if self.currency is not None:
            out["currency"] = self.currency.describe()
        return out


def _rows_json(rows: Mapping[str, PairedRow]) -> dict[str, object]:
    return {k: r.to_json() for k, r in rows.items()}


def _row(a: NDArray[Any], b: NDArray[Any], w: Weights = None) -> PairedRow:
    a64, b64 = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    diff = b64 - a64
    diff[np.abs(diff) <= 1e-9 * np.maximum(np.abs(a64), np.abs(b64))] = 0.0  # rounding, not a difference
    n = a64.size
    wa, wb, wd = (None, None, None) if w is None else (_cut(w[0], n), _cut(w[1], n), _cut(w[2], n))
    higher = float(np.mean(diff > 0)) if wd is None else float(wd[diff > 0].sum() / wd.sum())
    return PairedRow(
        Band.from_stats(interval_stats(a64, wa)),
        Band.from_stats(interval_stats(b64, wb)),
        Band.from_stats(interval_stats(diff, wd)),
        higher,
    )


def pair_weights(wa: NDArray[Any], wb: NDArray[Any]) -> NDArray[np.float64]:
    """Weights of the paired differences: the geometric mean of the two runs' weights, normalised.

    Where both runs weigh a draw alike (a change the claims do not see) it is each run's weight.
    """
    a = np.asarray(wa, dtype=np.float64) / float(np.sum(wa))
    b = np.asarray(wb, dtype=np.float64) / float(np.sum(wb))
    g = np.sqrt(a * b)
    return np.asarray(g / g.sum(), dtype=np.float64)


def _ess(w: NDArray[Any]) -> float:
    return float(np.sum(w)) ** 2 / float(np.sum(np.square(w)))


def compare_draws(
    a: Draws,
    b: Draws,
    *,
    labels: tuple[str, str] = ("a", "b"),
    windows: Sequence[Window] = (),
    weights: tuple[NDArray[Any], NDArray[Any]] | None = None,
) -> Comparison:
    """Compare two runs drawn with the same seed and number of draws, draw by draw.

    Returns a :class:`Comparison`: ``totals`` and ``derived`` (name -> :class:`PairedRow`,
    difference ``b - a``) for the names both runs have, and for each window of
    ``windows`` the same rows computed from the monthly paths both runs keep.
    ``weights`` (one array per run) weighs each run's draws (calibrated posteriors paired
    draw by draw) and the differences by :func:`pair_weights`; ``draws_used`` says
    which draws were compared and ``effective_draws`` how many they are worth.
    """
    if a.draws != b.draws or a.seed != b.seed:
        raise TroopledgerError("compare needs two runs with the same seed and number of draws (common random numbers)")
    w: Weights = None
    ess = None
    if weights is not None:
        wa, wb = (np.asarray(x, dtype=np.float64) for x in weights)
        w = (wa, wb, pair_weights(wa, wb))
        ess = PairedDraws(_ess(wa), _ess(wb), _ess(w[2]))
    rows: list[PairedWindow] = []
    if windows:
        if a.months != b.months:
            raise TroopledgerError("windows need both runs to cover the same months; compare totals instead")
        names = [k for k in a.totals if k in b.totals]
        for win in windows:
            factors = np.zeros(len(a.months))
            factors[win.start : win.stop] = 1.0
            ta, _ = reweighed_totals(a, names, factors)
            tb, _ = reweighed_totals(b, names, factors)
            rows.append(PairedWindow(win.label, win.months, {k: _row(ta[k], tb[k], w) for k in names}))
    return Comparison(
        labels=labels,
        seed=a.seed,
        draws=a.draws,
        draws_used="prior" if weights is None else "posterior",
        totals={k: _row(a.totals[k], b.totals[k], w) for k in a.totals if k in b.totals},
        derived={k: _row(a.derived[k], b.derived[k], w) for k in a.derived if k in b.derived},
        effective_draws=ess,
        windows=tuple(rows),
    )


def compare_runs(
    a: Prior,
    b: Prior,
    draws: int,
    seed: int,
    *,
    desk: Desk,
    labels: tuple[str, str] = ("a", "b"),
    posterior: bool | None = None,
    workers: int = 1,
) -> Comparison:
    """Run two resolved cases with common random numbers and compare them draw by draw.

    ``posterior`` (default: when the first run has claims to weigh it by) pairs the
    calibrated posterior draws: the first run is calibrated, the second mapped onto the
    same draws and reweighted by its own claims (:func:`troopledger.calibration.paired_posterior`);
    otherwise the prior draws are paired. The result says which in ``draws_used``.
    """
    if posterior is None:
        posterior = len(compile_observations(a).evidence()) > 0
    conv = desk.conversion(a)
    conv_b = desk.conversion(b) if b.horizon != a.horizon else conv
    wins = desk.window_list(a) if desk.windows else []
    if not posterior:
        da, db = collect(a, draws, seed, workers=workers), collect(b, draws, seed, workers=workers)
        got = compare_draws(desk.view(a, da, conv), desk.view(b, db, conv_b), labels=labels, windows=wins)
        return replace(got, currency=conv)
    cal = calibrate(a, draws, seed, workers=workers)
    if cal.posterior_draws is None or cal.weights is None:
        raise TroopledgerError("the first run has no claims to weigh it by; compare its prior draws")
    db, wb = paired_posterior(b, cal, seed, workers=workers)
    got = compare_draws(
        desk.view(a, cal.posterior_draws, conv),
        desk.view(b, db, conv_b),
        labels=labels,
        windows=wins,
        weights=(cal.weights.weights, wb.weights),
    )
    return replace(got, currency=conv)
