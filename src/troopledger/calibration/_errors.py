"""Error models: how far the truth may sit from what a claim says, read from its hedge.

An :class:`ErrorModel` is a normal (or a soft one-sided bound) on a transformed scale:
log for amounts, log1p for counts, the share itself for shares. Its width comes
from the claim's hedge (the one hedge table, :data:`troopledger.claims.HEDGES`), its centre from the stated figure or
range. See ``docs/calibration.md``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.claims import CERTAINTY_WIDTH, Certainty, Claim, hedge_rule
from troopledger.errors import CalibrationError
from troopledger.evidence import Z90

__all__ = ["HEDGE_WIDTH", "ErrorModel", "Scale", "hedge_class", "positive_error", "share_error"]

Array = NDArray[np.float64]
Scale = Literal["log", "log1p", "linear"]
Side = Literal["two", "upper", "lower"]

#: Relative half-width of the 90 % interval a hedge puts around a stated figure, by its certainty.
HEDGE_WIDTH = CERTAINTY_WIDTH


def hedge_class(hedge: str) -> Certainty:
    """The certainty of a hedge word as an observation: ``exact``, ``about`` or ``speculative``."""
    return hedge_rule(hedge).certainty


@dataclass(frozen=True)
class ErrorModel:
    """How far the truth may sit from what a claim says, on a transformed scale.

    ``side='two'``: a normal on the scale centred at ``center`` with sd ``sd`` (a
    lognormal for ``log``). ``upper``/``lower``: a soft bound at ``center``, the
    log-likelihood ``log Phi(+-(center - g(x)) / sd)``. Likelihoods are scaled so
    their largest value is 1; every statistic built on them is free of that constant.
    """

    scale: Scale
    side: Side
    center: float
    sd: float

    def widened(self, tau: float) -> ErrorModel:
        """This model with ``tau`` (an sd on the log or logit scale) added in quadrature; a share's at its centre."""
        if tau <= 0:
            return self
        c = min(max(self.center, 0.01), 0.99)
        extra = tau * c * (1.0 - c) if self.scale == "linear" else tau
        return replace(self, sd=math.hypot(self.sd, extra))

    def transform(self, x: Array) -> Array:
        """Put model values on this error model's scale."""
        x = np.asarray(x, dtype=np.float64)
        if self.scale == "log":
            return np.log(np.maximum(x, 1e-300))
        if self.scale == "log1p":
            return np.log1p(np.maximum(x, 0.0))
        return x

    def loglik(self, x: Array) -> Array:
        """Log-likelihood of each modelled value ``x`` (any shape)."""
        return self.loglik_scaled(self.transform(x))

    def loglik_scaled(self, g: Array) -> Array:
        """Log-likelihood of values already on this model's scale (``transform(x)``), any shape."""
        z = (g - self.center) / self.sd
        if self.side == "two":
            return np.asarray(-0.5 * z * z, dtype=np.float64)
        if self.side == "upper":
            return np.asarray(special.log_ndtr(-z), dtype=np.float64)
        return np.asarray(special.log_ndtr(z), dtype=np.float64)

    def bounds(self) -> tuple[float, float]:
        """The 90 % range of agreement on the original scale (one-sided: the bound and infinity)."""
        inv: Callable[[float], float] = {
            "log": math.exp,
            "log1p": lambda v: math.expm1(v),
            "linear": lambda v: v,
        }[self.scale]
        if self.side == "upper":
            return (-math.inf, inv(self.center))
        if self.side == "lower":
            return (inv(self.center), math.inf)
        return (inv(self.center - Z90 * self.sd), inv(self.center + Z90 * self.sd))


def positive_error(claim: Claim, scale: Scale) -> ErrorModel:
    """Error model for an amount, count or duration (log scale)."""
    r = HEDGE_WIDTH[hedge_class(claim.hedge)]
    sd_h = math.log1p(r) / Z90
    g: Callable[[float], float] = math.log if scale == "log" else math.log1p
    lo, hi, v = claim.low, claim.high, claim.value
    for x in (lo, hi, v):
        if x is not None and (x < 0 or (scale == "log" and x <= 0)):
            raise CalibrationError(f"claim '{claim.id}': a {scale}-scale figure must be positive, got {x}")
    if v is not None:
        return ErrorModel(scale, "two", g(v), sd_h)
    if lo is not None and hi is not None:
        sd_r = (g(hi) - g(lo)) / (2 * Z90)
        # A hedged range ("could be a to b") gets an "about"-sized blur on top of its width.
        extra = math.log1p(HEDGE_WIDTH["about"]) / Z90 if hedge_class(claim.hedge) == "speculative" else 0.0
        return ErrorModel(scale, "two", (g(lo) + g(hi)) / 2, max(math.hypot(sd_r, extra), math.log1p(0.05) / Z90))
    if hi is not None:
        return ErrorModel(scale, "upper", g(hi), sd_h)
    if lo is not None:
        return ErrorModel(scale, "lower", g(lo), sd_h)
    raise CalibrationError(f"claim '{claim.id}' has no value, low or high")


def share_error(claim: Claim) -> ErrorModel:
    """Error model for a share, on the share's own scale (so 0 and 1 are allowed).

    A point ``v`` with hedge width ``r`` has the 90 % half-width ``r * min(v, 1 - v)``
    (at least 0.01): "90 %" is read as "10 % to the soldier, give or take".
    """
    r = HEDGE_WIDTH[hedge_class(claim.hedge)]
    lo, hi, v = claim.low, claim.high, claim.value
    for x in (lo, hi, v):
        if x is not None and not 0.0 <= x <= 1.0:
            raise CalibrationError(f"claim '{claim.id}': a share must lie in [0, 1], got {x}")

    def half(c: float) -> float:
        return max(r * min(c, 1.0 - c), 0.01)

    if v is not None:
        return ErrorModel("linear", "two", v, half(v) / Z90)
    if lo is not None and hi is not None:
        c = (lo + hi) / 2
        sd_r = (hi - lo) / (2 * Z90)
        blur = HEDGE_WIDTH["about"] * min(c, 1.0 - c)
        extra = blur / Z90 if hedge_class(claim.hedge) == "speculative" else 0.0
        return ErrorModel("linear", "two", c, max(math.hypot(sd_r, extra), 0.01 / Z90))
    if hi is not None:
        return ErrorModel("linear", "upper", hi, half(hi) / Z90)
    if lo is not None:
        if lo <= 0.0:
            raise CalibrationError(f"claim '{claim.id}': 'at least 0' says nothing about a share")
        return ErrorModel("linear", "lower", lo, half(lo) / Z90)
    raise CalibrationError(f"claim '{claim.id}' has no value, low or high")
