"""Hindcast scores: a prediction made on one day, held against a figure reported later.

A prediction is a set of draws (weighted or not) of something the model computes:
soldiers in theatre, sent, killed or wounded by a month, a total paid, a soldier's
take-home. A later claim about it is scored in two ways:

* **inside?** Whether the claimed figure falls inside the predicted 90 % interval
  (5th to 95th weighted percentile). A range ``a to b`` is read, as everywhere in
  troopledger, as a 90 % interval of a lognormal, so its figure is its median, the
  geometric mean ``sqrt(a * b)``. A one-sided claim ("at least a", "up to b") is
  inside when the predicted interval reaches the claimed side.
* **a proper score.** For a figure: the CRPS of the prediction at the figure, on the
  scale calibration compares on (``log`` for money, ``log(1 + x)`` for counts), so it
  reads as a relative error and can be averaged over quantities; lower is better, 0
  is a certain and exact prediction. For a one-sided claim: the log score of the
  event, ``log P(X >= a)`` (or ``<= b``), floored at half a draw's weight.

Coverage over many scores is the share inside; for honest 90 % intervals it is about
0.9 over many independent figures (:mod:`troopledger.analysis._hindcast_coverage`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.calibration import weighted_quantiles
from troopledger.claims import Claim

__all__ = ["PREDICTABLE", "HindcastScore", "predictive_band", "score_claim", "weighted_crps"]

Array = NDArray[np.float64]
Side = Literal["figure", "at_least", "up_to"]

#: Claim quantities the model predicts (rather than takes as inputs), so a later claim can score it.
PREDICTABLE = (
    "troops_deployed",
    "cumulative_troops",
    "casualties_killed",
    "casualties_wounded",
    "casualties_total",
    "total_revenue_to_nk",
    "soldier_take_home",
)


def _normalised(x: Array, weights: Array | None) -> tuple[Array, Array]:
    v = np.asarray(x, dtype=np.float64).ravel()
    if v.size == 0:
        raise ValueError("a prediction needs at least one draw")
    w = np.full(v.size, 1.0 / v.size) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    if w.shape != v.shape or not np.all(np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
        raise ValueError("weights must be finite, >= 0, not all zero, one per draw")
    return v, w / w.sum()


def weighted_crps(x: Array, y: float, weights: Array | None = None) -> float:
    """CRPS of the (weighted) sample ``x`` at the outcome ``y``: ``E|X - y| - E|X - X'| / 2``.

    Computed exactly for the sample's distribution in ``O(n log n)``: with draws sorted
    and ``C_i`` the cumulative weight up to draw ``i``,
    ``E|X - X'| = 2 * sum_i w_i x_i (C_{i-1} + C_i - 1)``.
    """
    v, w = _normalised(x, weights)
    order = np.argsort(v, kind="stable")
    xs, ws = v[order], w[order]
    c = np.cumsum(ws)
    spread = 2.0 * float(np.sum(ws * xs * (c - ws + c - 1.0)))
    return float(np.sum(ws * np.abs(xs - y))) - 0.5 * spread


@dataclass(frozen=True)
class HindcastScore:
    """One later claim scored against the prediction made on ``as_of``."""

    claim: str
    as_of: str
    reported: str  # the day the claim came, YYYY-MM-DD ("" when undated)
    what: str  # what the model computed, e.g. "soldiers killed by 2025-04"
    unit: str
    side: Side
    figure: float  # the claimed figure (the median of a range; the bound of a one-sided claim)
    low: float | None
    high: float | None
    p5: float
    p50: float
    p95: float
    inside: bool
    pit: float  # predicted probability of a value at or below the figure
    crps: float | None  # on the log scale, for a figure
    log_score: float | None  # log probability of the claimed side, for a one-sided claim
    quantity: str = ""  # the claim's quantity, for coverage by family
    # The claim's predictive band: the prediction plus the claim's own error as calibration reads it (None: no model).
    predictive_p5: float | None = None
    predictive_p95: float | None = None
    predictive_inside: bool | None = None

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> HindcastScore:
        """Read back what :meth:`as_dict` wrote (a number JSON held as null is NaN again)."""
        nan = float("nan")
        num = {k: nan if d[k] is None else float(d[k]) for k in ("figure", "p5", "p50", "p95", "pit")}
        return cls(**{**d, **num})

    def as_dict(self) -> dict[str, object]:
        """Plain data for the report."""
        return asdict(self)


def _scale(unit: str) -> tuple[str, Any]:
    if unit == "persons":
        return "log1p", lambda a: np.log1p(np.maximum(a, 0.0))
    return "log", lambda a: np.log(np.maximum(a, 1e-300))


def score_claim(
    values: Array,
    claim: Claim,
    *,
    weights: Array | None = None,
    as_of: str,
    reported: str = "",
    what: str = "",
    unit: str = "",
    noise: tuple[str, float] | None = None,
) -> HindcastScore:
    """Score one later claim against predicted ``values`` (one per draw, weighted by ``weights``).

    ``noise`` (the scale and sd of the claim's own error, as calibration reads it)
    adds the claim's predictive band: what a source would report, not the quantity.
    Raises ``ValueError`` for a claim with no figure or a figure the scale cannot take
    (a negative count or a non-positive amount).
    """
    v, w = _normalised(values, weights)
    p5, p50, p95 = (float(q) for q in weighted_quantiles(v, (0.05, 0.5, 0.95), w))
    unit = unit or claim.unit
    lo, hi = claim.low, claim.high
    side: Side
    if claim.value is not None:
        side, figure = "figure", float(claim.value)
    elif lo is not None and hi is not None:
        side, figure = "figure", float(claim.central or 0.0)  # geometric mean: the median of "a to b"
    elif lo is not None:
        side, figure = "at_least", float(lo)
    elif hi is not None:
        side, figure = "up_to", float(hi)
    else:
        raise ValueError(f"claim '{claim.id}' has no figure to score")
    if figure < 0 or (unit != "persons" and side == "figure" and figure <= 0):
        raise ValueError(f"claim '{claim.id}': cannot score the figure {figure} on a log scale")
    below = float(np.sum(w[v < figure]))
    pit = below + 0.5 * float(np.sum(w[v == figure]))
    floor = 0.5 / v.size
    crps: float | None = None
    log_score: float | None = None
    if side == "figure":
        inside = p5 <= figure <= p95
        _, g = _scale(unit)
        crps = weighted_crps(g(v), float(g(np.asarray(figure))), w)
    elif side == "at_least":
        inside = p95 >= figure
        log_score = math.log(max(1.0 - below, floor))
    else:
        inside = p5 <= figure
        log_score = math.log(max(below + float(np.sum(w[v == figure])), floor))
    pred: tuple[float, float] | None = None
    pred_inside: bool | None = None
    if noise is not None:
        pred = predictive_band(v, w, *noise)
        if side == "figure":
            pred_inside = pred[0] <= figure <= pred[1]
        else:
            pred_inside = pred[1] >= figure if side == "at_least" else pred[0] <= figure
    return HindcastScore(
        claim=claim.id,
        as_of=as_of,
        reported=reported,
        what=what or claim.quantity.replace("_", " "),
        unit=unit,
        side=side,
        figure=figure,
        low=lo,
        high=hi,
        p5=p5,
        p50=p50,
        p95=p95,
        inside=bool(inside),
        pit=pit,
        crps=crps,
        log_score=log_score,
        quantity=claim.quantity,
        predictive_p5=None if pred is None else pred[0],
        predictive_p95=None if pred is None else pred[1],
        predictive_inside=pred_inside,
    )


#: Normal quantiles the predictive band spreads each draw over (deterministic: no random numbers).
_NODES = special.ndtri((np.arange(32) + 0.5) / 32)


def predictive_band(values: Array, weights: Array | None, scale: str, sd: float) -> tuple[float, float]:
    """5th and 95th percentiles of ``values`` plus a normal error of sd ``sd`` on ``scale`` (log, log1p, linear)."""
    v, w = _normalised(values, weights)
    fwd = {"log": lambda a: np.log(np.maximum(a, 1e-300)), "log1p": lambda a: np.log1p(np.maximum(a, 0.0))}
    back = {"log": np.exp, "log1p": np.expm1}
    g = fwd.get(scale, lambda a: a)(v)
    spread = (g[:, None] + sd * _NODES[None, :]).ravel()
    q = weighted_quantiles(spread, (0.05, 0.95), np.repeat(w / _NODES.size, _NODES.size))
    lo, hi = (float(back.get(scale, lambda a: a)(np.asarray(x))) for x in q)
    return lo, hi
