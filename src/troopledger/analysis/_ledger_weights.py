"""Weighing a ledger's draws by the claims its checks mark ``weigh = true``.

Each weighed claim scores every draw: 1 where the streams' reading lies in the
claim's interval (a point figure is read as +-25 %; ``at_least`` and ``at_most`` are
open on one side), falling off as a normal in log distance outside it (a width of
the same 25 %). A claim may simply be wrong: with probability :data:`WRONG` it says
nothing, so the score is ``WRONG + (1 - WRONG) * fit`` and claims that cannot all be
true pull against each other instead of wiping out the draws. The weights are the
product over claims, normalised; :func:`effective_draws` says how many draws they are
worth.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["WRONG", "Band", "claim_fit", "effective_draws", "weighted_band"]

Array = NDArray[np.float64]
#: Probability that a weighed claim is simply wrong (it then says nothing about the draws).
WRONG = 0.2
#: Width, in log units, of the fall-off outside a claim's interval (about 25 %).
_WIDTH = math.log(1.25)


def claim_fit(a: Array, reading: str, lo: float, hi: float) -> Array:
    """Each draw's fit to one claim, in (0, 1]: 1 inside its interval, a log-normal fall-off outside."""
    x = np.log(np.maximum(a, 1e-12))
    below = np.zeros_like(x) if reading == "at_most" or lo <= 0 else np.maximum(math.log(lo) - x, 0.0)
    above = np.zeros_like(x) if reading == "at_least" or not math.isfinite(hi) else np.maximum(x - math.log(hi), 0.0)
    d = (below + above) / _WIDTH
    fit = np.exp(-0.5 * d * d)
    return np.asarray(WRONG + (1.0 - WRONG) * fit, dtype=float)


def effective_draws(w: Array) -> float:
    """Kish's effective number of draws of normalised weights ``w``."""
    return float(1.0 / np.sum(w * w)) if w.size else 0.0


def weighted_band(a: Array, w: Array | None, qs: Sequence[float] = (0.05, 0.5, 0.95)) -> tuple[float, list[float]]:
    """Weighted mean and quantiles of ``a`` (plain ones when ``w`` is None)."""
    if w is None:
        return float(np.mean(a)), [float(v) for v in np.quantile(a, qs)]
    order = np.argsort(a, kind="stable")
    cum = np.cumsum(w[order])
    cum = cum / cum[-1]
    idx = np.searchsorted(cum, qs, side="left").clip(0, a.size - 1)
    return float(np.sum(a * w) / np.sum(w)), [float(a[order][i]) for i in idx]


@dataclass(frozen=True)
class Band:
    """Mean, median and 90 % band of one quantity over the draws."""

    mean: float
    p5: float
    p50: float
    p95: float

    @classmethod
    def of(cls, a: Array, scale: float = 1.0, w: Array | None = None) -> Band:
        """The band of ``a`` times ``scale``, weighted by ``w`` when given."""
        mean, q = weighted_band(a, w)
        return cls(mean * scale, q[0] * scale, q[1] * scale, q[2] * scale)

    @classmethod
    def from_stats(cls, stats: Mapping[str, float]) -> Band:
        """The band of a ``{mean, p5, p50, p95}`` mapping (what :func:`interval_stats` returns)."""
        return cls(float(stats["mean"]), float(stats["p5"]), float(stats["p50"]), float(stats["p95"]))

    def to_json(self) -> dict[str, float]:
        """``{mean, p5, p50, p95}``, in that order."""
        return {"mean": self.mean, "p5": self.p5, "p50": self.p50, "p95": self.p95}
