"""Plausible ranges: what a case file may write for an input, and what a claim may say to feed it.

Every uncertain input has a plausible range (``low``, ``high``) in its unit, declared
once with the parameter (:data:`~troopledger.evidence.PARAMETERS`; waves and ranks
borrow the range of troops, tours and pay). A number written in a case file outside
it is an error naming the field; a claim whose reading falls outside it is not used
for that input, and the report says why. The limits are documented in
``docs/case-files.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Literal

from troopledger.claims import Claim, FieldError, month_index
from troopledger.evidence._dispersion import MAX_SOURCE_SPREAD, SOURCE_SPREAD
from troopledger.evidence._fusion import claim_spec
from troopledger.evidence._slots import SlotPlace
from troopledger.evidence._spec import DistSpec

__all__ = [
    "CASE_YEARS",
    "LOG_FLOOR",
    "MAX_BETA",
    "MAX_CONCENTRATION",
    "MAX_RELIABILITY",
    "MAX_SIGMA",
    "MAX_SPREAD",
    "MAX_WEIGHT",
    "MIN_CONCENTRATION",
    "SHARES_TOLERANCE",
    "case_month",
    "check_shares",
    "check_spec",
    "check_spread",
    "check_weights",
    "claim_problem",
    "spec_problem",
]

Kind = Literal["amount", "share"]

#: Smallest end of a lognormal reading of an amount (``to``, ``point``, a lognormal's median).
LOG_FLOOR = 1e-3
#: Largest log-sd of a ``lognormal`` (a 90 % interval of about e^33 either way).
MAX_SIGMA = 10.0
#: Largest ``spread`` of a ``point`` (the 90 % interval x/101 to 101x).
MAX_SPREAD = 100.0
#: Largest shape parameter of a ``beta``.
MAX_BETA = 1e6
#: Largest mixture weight (weights are relative).
MAX_WEIGHT = 1e6


def _g(x: float) -> str:
    """A number as people write it: 10,000,000 rather than 1e+07; 0.001; 1e+300 where it is absurd."""
    if math.isfinite(x) and 1e3 <= abs(x) < 1e16 and x == round(x):
        return f"{x:,.0f}"
    return f"{x:.6g}"


def _outside(field: str, x: float, bounds: tuple[float, float], unit: str, what: str = "") -> FieldError:
    lo, hi = bounds
    return FieldError(
        field,
        f"{what or _g(x)} is outside the plausible range {_g(lo)} to {_g(hi)} {unit}".strip(),
        f"write a value from {_g(lo)} to {_g(hi)} {unit} (plausible ranges: docs/case-files.md)".replace("  ", " "),
    )


def _mixture_problem(spec: DistSpec, kind: Kind, bounds: tuple[float, float], unit: str) -> FieldError | None:
    for i, comp in enumerate(spec.mixture or []):
        if not 0.0 <= comp.weight <= MAX_WEIGHT:
            return FieldError(
                f"mixture.{i}.weight",
                f"weight {_g(comp.weight)} is not in [0, {_g(MAX_WEIGHT)}]",
                "use weights such as 1 or 0.5",
            )
        inner = spec_problem(comp, kind, bounds, unit)
        if inner is not None:
            return FieldError(f"mixture.{i}.{inner.field}", inner.problem, inner.fix)
    return None


def spec_problem(spec: DistSpec, kind: Kind, bounds: tuple[float, float], unit: str) -> FieldError | None:
    """The first number in ``spec`` outside ``bounds`` or the limits of its form, or None if all are sane.

    The problem's field is relative to the spec (``to.1``, ``mixture.0.point`` ...).
    ``from_claims`` specs are not checked here: their claims are, one by one.
    """
    if spec.from_claims:
        return None
    if spec.mixture is not None:
        return _mixture_problem(spec, kind, bounds, unit)
    values: list[tuple[str, float]] = []
    logscale: list[tuple[str, float]] = []  # ends read on a log scale (amounts only)
    if spec.fixed is not None:
        values.append(("fixed", spec.fixed))
    elif spec.to is not None:
        values += [("to.0", spec.to[0]), ("to.1", spec.to[1])]
        if spec.to[0] < spec.to[1]:
            logscale.append(("to.0", spec.to[0]))
    elif spec.point is not None:
        values.append(("point", spec.point))
        spread = spec.spread if spec.spread is not None else 0.1
        if not spread <= MAX_SPREAD:
            return FieldError("spread", f"spread {_g(spread)} is above {_g(MAX_SPREAD)}", "use a spread such as 0.2")
        if spread > 0:
            logscale.append(("point", spec.point))
    elif spec.uniform is not None:
        values += [("uniform.0", spec.uniform[0]), ("uniform.1", spec.uniform[1])]
    elif spec.pert is not None:
        values += [(f"pert.{i}", x) for i, x in enumerate(spec.pert)]
    elif spec.beta is not None:
        if not all(0.0 < x <= MAX_BETA for x in spec.beta):
            return FieldError(
                "beta", f"beta needs 0 < a, b <= {_g(MAX_BETA)}", "write beta = [a, b] with a, b such as 2, 5"
            )
        for end in (0.0, 1.0):
            if not bounds[0] <= end <= bounds[1]:
                return _outside("beta", end, bounds, unit, "a beta draws from 0 to 1, which")
    elif spec.lognormal is not None:
        mu, sigma = spec.lognormal
        if kind == "share":
            return FieldError("lognormal", "a share cannot be lognormal (it would exceed 1)", "use to, beta or uniform")
        if not 0.0 <= sigma <= MAX_SIGMA:
            return FieldError(
                "lognormal.1", f"sigma {_g(sigma)} is not in [0, {_g(MAX_SIGMA)}]", "use a sigma such as 0.5"
            )
        if not -700.0 <= mu <= 700.0:
            return _outside("lognormal.0", mu, bounds, unit, f"the median e^{_g(mu)}")
        values.append(("lognormal.0", math.exp(mu)))
        logscale.append(("lognormal.0", math.exp(mu)))
    for field, x in values:
        if not bounds[0] <= x <= bounds[1]:
            return _outside(field, x, bounds, unit)
    if kind == "amount":
        for field, x in logscale:
            if x < LOG_FLOOR:
                return FieldError(
                    field,
                    f"{_g(x)} is too small to start a lognormal interval (at least {_g(LOG_FLOOR)})",
                    "write fixed = 0 for nothing, or a uniform range from 0",
                )
    return None


def claim_problem(claim: Claim, place: SlotPlace) -> str | None:
    """Why ``claim`` cannot feed the input at ``place`` (its reading is outside the plausible range), or None.

    The claim is read as fusion reads it (hedge, period, words), in the input's
    unit, and that reading is held to the same limits as a number written in a
    case file.
    """
    try:
        spec = claim_spec(claim, place.kind, place.unit)
    except (ValueError, ArithmeticError) as e:
        return f"cannot be read as {place.where}: {e}"
    problem = spec_problem(spec, place.kind, place.bounds, place.unit)
    if problem is None:
        return None
    return f"read as {place.where} ({claim.describe_value()}): {problem.problem}"


#: Years a case's months may fall in (start, wave arrivals, counts): outside them a year is a typing mistake.
CASE_YEARS = (1900, 2100)
#: Smallest concentration of the state's Dirichlet (below it every draw gives nearly all to one use).
MIN_CONCENTRATION = 0.01
#: Largest concentration of the state's Dirichlet (larger is surer; 1e6 is as good as fixed shares).
MAX_CONCENTRATION = 1e6
#: How far shares that must add up to 1 may miss (rounding, such as 0.33 x 3 + 0.01).
SHARES_TOLERANCE = 0.01
#: Largest reliability weight a case may give a kind of source.
MAX_RELIABILITY = 1e3


def case_month(v: str) -> str:
    """A ``YYYY-MM`` month in :data:`CASE_YEARS`, or a ValueError saying what is wrong."""
    index = month_index(v)
    if not CASE_YEARS[0] <= index // 12 <= CASE_YEARS[1]:
        raise FieldError(
            "", f"{v} is not in the years {CASE_YEARS[0]}-{CASE_YEARS[1]}", "write the month as YYYY-MM, e.g. 2024-10"
        )
    return v


def check_spec(spec: DistSpec | None, place: SlotPlace) -> None:
    """Raise a FieldError (field relative to the spec) if ``spec`` is out of range or cannot be built."""
    if spec is not None and spec.not_yet_known is not None:
        try:
            check_spec(spec.not_yet_known, place)
        except FieldError as e:
            raise FieldError(".".join(p for p in ("not_yet_known", e.field) if p), e.problem, e.fix) from None
    if spec is None or spec.from_claims:
        return
    problem = spec_problem(spec, place.kind, place.bounds, place.unit)
    if problem is not None:
        raise problem
    try:
        spec.to_distribution(place.kind)
    except (ValueError, ArithmeticError) as e:
        raise FieldError("", str(e)) from None


def check_shares(shares: dict[str, float], names: Sequence[str]) -> dict[str, float]:
    """``shares`` in the order of ``names`` if they are exactly those, each in (0, 1], adding up to 1."""
    if set(shares) != set(names):
        raise FieldError("", f"needs exactly the shares {', '.join(names)}", "give those, each above 0")
    for k, x in shares.items():
        if not 0 < x <= 1:
            raise FieldError(k, f"share {x:g} is not in (0, 1]", "give each share as a fraction above 0")
    if abs(sum(shares.values()) - 1) > SHARES_TOLERANCE:
        raise FieldError("", f"the shares add up to {sum(shares.values()):g}, not 1", "make them add up to 1")
    return {k: shares[k] for k in names}


def check_spread(spread: dict[str, float]) -> dict[str, float]:
    """``spread`` by kind of quantity if every kind is one of SOURCE_SPREAD's and every sd in [0, MAX_SOURCE_SPREAD]."""
    for kind, sd in spread.items():
        if kind not in SOURCE_SPREAD:
            raise FieldError(kind, f"unknown kind of quantity '{kind}'", f"use one of: {', '.join(SOURCE_SPREAD)}")
        if not 0 <= sd <= MAX_SOURCE_SPREAD:
            raise FieldError(
                kind, f"spread {sd:g} is not in [0, {MAX_SOURCE_SPREAD:g}]", "give an sd on the log scale, such as 0.46"
            )
    return spread


def check_weights(weights: dict[str, float], known: Mapping[str, float]) -> dict[str, float]:
    """``weights`` by kind of source if every kind is ``known`` and every weight in [0, MAX_RELIABILITY]."""
    for kind, w in weights.items():
        if kind not in known:
            raise FieldError(kind, f"unknown kind of source '{kind}'", f"use one of: {', '.join(known)}")
        if not 0 <= w <= MAX_RELIABILITY:
            raise FieldError(kind, f"weight {w:g} is not in [0, {MAX_RELIABILITY:g}]", "use weights such as 0.5")
    return weights
