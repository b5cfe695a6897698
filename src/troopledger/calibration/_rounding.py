"""What a figure as stated allows: its rounding, and which claims make up one statement.

A source that writes "14,000" means something between 13,500 and 14,500: the last
significant digit sets how far its own arithmetic may drift. "No less than $2,000"
is a floor at $2,000, whatever the rounding. Claims by one speaker in one source
document (:func:`statement_key`) are figures of one statement, whose arithmetic the
statement check (:mod:`troopledger.calibration._statements`) holds to this rounding.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

import numpy as np

from troopledger.calibration._errors import ErrorModel
from troopledger.calibration._observations import Observation
from troopledger.claims import Claim
from troopledger.evidence import Z90

__all__ = ["HARD_SD", "relative_rounding", "rounded_error", "statement_key", "window"]

#: The sd (on the claim's scale) of a stated bound read as a bound: all but hard.
HARD_SD = 1e-3
#: A share is stated to within this many percentage points at worst (half of a 10-point step).
_SHARE_HALF = 0.05
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"\W+")


def statement_key(claim: Claim) -> tuple[str, str] | None:
    """One statement's key: the speaker (case and punctuation folded) and the source document.

    Claims without a source record have no statement in common with any other.
    """
    s = claim.source
    if s is None:
        return None
    doc = s.id or s.url or f"{s.outlet}|{s.date}"
    return (" ".join(_WORD.sub(" ", claim.speaker.casefold()).split()), doc)


def _half_unit(text: str) -> float | None:
    """Half of the last significant unit of a number written as ``text`` ("14,000" -> 500), relative."""
    try:
        d = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    if d == 0:
        return None
    exp = d.normalize().as_tuple().exponent
    if not isinstance(exp, int):
        return None
    return 0.5 * 10.0**exp / abs(float(d))


def relative_rounding(claim: Claim, x: float) -> float:
    """How far the true figure behind the stated ``x`` may sit by rounding alone, relative to ``x``.

    The coarsest of the numbers as the source wrote them (``stated``: "400 billion
    won" has one digit, 12.5 %) and of ``x`` itself ("280e6": two digits, 1.8 %), so
    that a figure converted from another currency, or a year written beside it, never
    makes a statement look more precise than it was said.
    """
    found = [_half_unit(m.group(0)) for m in _NUMBER.finditer(claim.stated)]
    return max([r for r in (*found, _half_unit(repr(float(x)))) if r is not None], default=0.0)


def window(o: Observation) -> tuple[float, float]:
    """The natural-scale range the claim's figures allow: points and ranges widened by rounding, bounds kept."""
    c = o.claim
    share = o.unit == "fraction"

    def half(x: float) -> float:
        h = relative_rounding(c, x) * abs(x)
        return min(h, _SHARE_HALF) if share else h

    if c.value is not None:
        lo, hi = c.value - half(c.value), c.value + half(c.value)
    else:
        lo = -math.inf if c.low is None else c.low - (half(c.low) if c.high is not None else 0.0)
        hi = math.inf if c.high is None else c.high + (half(c.high) if c.low is not None else 0.0)
    if share:
        lo, hi = max(lo, 0.0) if math.isfinite(lo) else lo, min(hi, 1.0) if math.isfinite(hi) else hi
    return lo, hi


def rounded_error(o: Observation) -> ErrorModel:
    """The claim's error model held to rounding: a normal whose 90 % range is :func:`window`, bounds all but hard."""
    lo, hi = window(o)
    e = o.error

    def g(x: float) -> float:
        return float(e.transform(np.array([max(x, 1e-300) if e.scale == "log" else x]))[0])

    lo_g = g(lo) if math.isfinite(lo) else None
    hi_g = g(hi) if math.isfinite(hi) else None
    if lo_g is not None and hi_g is not None:
        return ErrorModel(e.scale, "two", (lo_g + hi_g) / 2, max((hi_g - lo_g) / (2 * Z90), HARD_SD))
    if lo_g is not None:
        return ErrorModel(e.scale, "lower", lo_g, HARD_SD)
    if hi_g is not None:
        return ErrorModel(e.scale, "upper", hi_g, HARD_SD)
    return e
