"""Claims as observations: compile claim records into functions of the model's draws.

A claim about something the model computes (a monthly total for N troops, a
soldier's take-home per tour, soldiers sent or killed by a date, revenue per year) or
about a parameter directly becomes an :class:`Observation`: a *target* (how to read
the claimed quantity off one chunk of model outputs and parameter draws) and an
:class:`ErrorModel` (how far the truth may be from what was said, from the hedge).

Targets and error models are kept apart on purpose: a run stores the modelled
targets once, shaped ``(draws, observations)``, and every likelihood, weight,
contradiction and influence computation afterwards works on that small array.
See ``docs/calibration.md`` for the conventions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.claims import Claim
from troopledger.errors import CalibrationError
from troopledger.evidence import PARAMETERS, Z90, Case, Constant

__all__ = [
    "HEDGE_WIDTH",
    "ErrorModel",
    "Observation",
    "Observations",
    "Skipped",
    "compile_observations",
    "hedge_class",
]

Array = NDArray[np.float64]
Scale = Literal["log", "log1p", "linear"]
Side = Literal["two", "upper", "lower"]
#: reads one quantity off a chunk: (model outputs, parameter draws) -> (draws,)
Target = Callable[[Mapping[str, Array], Mapping[str, Array]], Array]

#: Relative half-width of the 90 % interval a hedge puts around a stated figure.
HEDGE_WIDTH = {"exact": 0.05, "about": 0.25, "speculative": 0.5}
_HEDGES = {
    "exact": ("", "none", "exactly", "precisely", "official", "confirmed"),
    "speculative": (
        "could",
        "might",
        "may",
        "maybe",
        "possibly",
        "perhaps",
        "likely",
        "suspect",
        "suspects",
        "expected",
        "plans",
        "planned",
        "projected",
    ),
}
_USABLE_STATUS = ("accepted", "edited")
_TROOPS_IN_TEXT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)\s*(?:north korean\s+)?(?:troops|soldiers)\b", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def hedge_class(hedge: str) -> str:
    """Sort a hedge word into ``exact``, ``about`` or ``speculative`` (the default is ``about``)."""
    h = hedge.strip().lower()
    for cls, words in _HEDGES.items():
        if h in words:
            return cls
    return "about"


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
        z = (self.transform(x) - self.center) / self.sd
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


@dataclass(frozen=True)
class Observation:
    """One claim compiled into a target of the model and an error model."""

    claim: Claim
    target: Target
    error: ErrorModel
    what: str  # the modelled quantity in words, e.g. "take-home per soldier per tour"
    unit: str
    parameter: str | None = None  # set when the claim speaks about a parameter directly

    @property
    def id(self) -> str:
        """The claim's id."""
        return self.claim.id

    @property
    def lineage(self) -> str:
        """The claim's lineage, or its id when it has none (a lineage of one)."""
        return self.claim.lineage or self.claim.id


@dataclass(frozen=True)
class Skipped:
    """A claim that could not become an observation, and why."""

    claim_id: str
    reason: str


@dataclass
class Observations:
    """A case's compiled observations, in a fixed order, with the claims that were skipped."""

    items: list[Observation]
    skipped: list[Skipped] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def ids(self) -> list[str]:
        """Claim ids in column order."""
        return [o.id for o in self.items]

    def subset(self, ids: Sequence[str]) -> Observations:
        """The observations whose claim ids are in ``ids`` (in this object's order)."""
        keep = set(ids)
        return Observations([o for o in self.items if o.id in keep], list(self.skipped))

    def values(self, outputs: Mapping[str, Array], params: Mapping[str, Array]) -> Array:
        """Modelled value of every observation for one chunk, shaped ``(draws, observations)``."""
        n = int(np.shape(outputs["paid_by_russia"])[0])
        out = np.empty((n, len(self.items)), dtype=np.float64)
        for j, o in enumerate(self.items):
            out[:, j] = o.target(outputs, params)
        return out

    def loglik(self, values: Array) -> Array:
        """Log-likelihood of each draw under each observation, from stored ``values``."""
        v = np.asarray(values, dtype=np.float64)
        if v.ndim != 2 or v.shape[1] != len(self.items):
            raise CalibrationError(f"values must be shaped (draws, {len(self.items)}), got {v.shape}")
        out = np.empty_like(v)
        for j, o in enumerate(self.items):
            out[:, j] = o.error.loglik(v[:, j])
        return out


# ---------------------------------------------------------------------------
# Error models from hedges
# ---------------------------------------------------------------------------


def _positive_error(claim: Claim, scale: Scale) -> ErrorModel:
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


def _share_error(claim: Claim) -> ErrorModel:
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


# ---------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------


def _month_index(text: str) -> int:
    m = _MONTH.match(text)
    if not m:
        raise CalibrationError(f"not a month written YYYY-MM: {text!r}")
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


def _param(name: str, constants: Mapping[str, float]) -> Target:
    if name in constants:
        value = constants[name]
        return lambda out, p: np.full(int(np.shape(out["paid_by_russia"])[0]), value)
    return lambda out, p: np.asarray(p[name], dtype=np.float64)


def _running(name: str, month: int) -> Target:
    """Running total of a monthly output up to and including ``month``."""
    return lambda out, p: np.asarray(out[name][:, : month + 1].sum(axis=1), dtype=np.float64)


def _at(name: str, month: int) -> Target:
    return lambda out, p: np.asarray(out[name][:, month], dtype=np.float64)


def _troops_in_text(claim: Claim) -> float | None:
    """The number of troops a monthly total is stated for ("$22 million for 11,000 troops")."""
    for text in (claim.stated, claim.note, claim.text):
        m = _TROOPS_IN_TEXT.search(text or "")
        if m:
            n = float(m.group(1).replace(",", ""))
            if n > 0:
                return n
    return None


@dataclass(frozen=True)
class _Horizon:
    start: int
    months: int
    labels: list[str]

    def window(self, claim: Claim) -> tuple[int | None, str | None]:
        """Month index of the claim's window end (``None`` = end of horizon), or a skip reason."""
        if claim.window_end is None:
            return self.months - 1, None
        i = _month_index(claim.window_end) - self.start
        if i < 0:
            return None, f"its window ends {claim.window_end}, before the case starts ({self.labels[0]})"
        if i >= self.months:
            return None, f"its window ends {claim.window_end}, after the case's horizon ends ({self.labels[-1]})"
        return i, None


def _parameter_of(claim: Claim, case: Case, cited: Mapping[str, list[str]]) -> str | None:
    """The parameter a claim speaks about directly, if any."""
    citing = [
        name
        for name, ids in cited.items()
        if claim.id in ids and name != "state_uses" and not name.startswith("reward_")
    ]
    # The parameter named after the quantity first; else the one that cites the claim
    # (a rank's pay, a wave's size): a per-rank pay claim is not a claim about average pay.
    for name in sorted(citing, key=lambda n: n != claim.quantity):
        return name
    if claim.quantity in PARAMETERS:
        return claim.quantity
    if claim.quantity == "troops_per_rotation" and case.deployment.mode == "rotation":
        return "troops_deployed"
    return None


def _derived(
    claim: Claim, case: Case, hz: _Horizon, constants: Mapping[str, float]
) -> tuple[Target, str, str, Scale] | str:
    """Target, description, unit and scale for a claim about a derived quantity, or a skip reason."""
    q = claim.quantity
    month, why = hz.window(claim)
    if why is not None or month is None:
        return why or "no window"
    label = hz.labels[month]
    if q == "soldier_take_home":
        if claim.period == "month":
            share, pay = _param("state_share_of_pay", constants), _param("pay_per_soldier_month", constants)
            return (lambda o, p: (1.0 - share(o, p)) * pay(o, p)), "pay reaching a soldier per month", "USD", "log"
        if claim.period not in (None, "tour", "once", "total"):
            return f"a take-home per {claim.period} is not modelled (per tour or per month are)"
        return _at_draw("take_home_per_soldier_tour"), "take-home per soldier per tour", "USD", "log"
    if q == "total_revenue_to_nk":
        if claim.period == "month":
            troops = _troops_in_text(claim)
            if troops is not None:
                pay = _param("pay_per_soldier_month", constants)
                return (lambda o, p: pay(o, p) * troops), f"monthly pay for {troops:,.0f} troops", "USD", "log"
            if claim.window_end is None:
                return (
                    (lambda o, p: np.asarray(o["paid_by_russia"].mean(axis=1), dtype=np.float64)),
                    "Russia's average monthly payment",
                    "USD",
                    "log",
                )
            return _at("paid_by_russia", month), f"Russia's payment in {label}", "USD", "log"
        if claim.period == "year":
            if claim.window_end is None:
                return _at_draw("revenue_per_year"), "Russia's payment per year", "USD", "log"
            if month < 11:
                return f"a year ending {claim.window_end} starts before the case does"
            return (
                (lambda o, p: np.asarray(o["paid_by_russia"][:, month - 11 : month + 1].sum(axis=1), dtype=np.float64)),
                f"Russia's payment in the year to {label}",
                "USD",
                "log",
            )
        if claim.period in (None, "total"):
            return _running("paid_by_russia", month), f"Russia's payments up to {label}", "USD", "log"
        return f"a revenue per {claim.period} cannot be read off the model"
    counts = {
        "cumulative_troops": ("cumulative_deployed", "soldiers sent"),
        "casualties_killed": ("killed", "soldiers killed"),
        "casualties_wounded": ("wounded", "soldiers wounded"),
    }
    if q in counts:
        name, words = counts[q]
        if name == "cumulative_deployed":
            return _at(name, month), f"{words} by {label}", "persons", "log1p"
        return _running(name, month), f"{words} by {label}", "persons", "log1p"
    if q == "casualties_total":
        return (
            (lambda o, p: np.asarray((o["killed"][:, : month + 1] + o["wounded"][:, : month + 1]).sum(axis=1))),
            f"soldiers killed or wounded by {label}",
            "persons",
            "log1p",
        )
    if q == "troops_deployed":
        return _at("troops_in_theatre", month), f"soldiers in theatre in {label}", "persons", "log1p"
    return f"'{q}' is not something the model computes"


def _at_draw(name: str) -> Target:
    return lambda out, p: np.asarray(out[name], dtype=np.float64)


def compile_observations(
    case: Case,
    *,
    claims: Sequence[Claim] | None = None,
    include_parameter_claims: bool = True,
) -> Observations:
    """Compile a case's claims (or ``claims``) into observations, skipping what cannot be used.

    Claims about a parameter become observations of that parameter's draw; claims
    about derived quantities become functions of the model outputs. With
    ``include_parameter_claims=False`` only claims that did not build the prior (no
    parameter spec cites them, and they are not about a parameter) are kept: those
    are the evidence a posterior may use without counting a claim twice.
    """
    cited = case.cited_claims()
    cited_ids = {cid for name, ids in cited.items() for cid in ids}
    dists = case.distributions()
    constants = {k: float(d.value) for k, d in dists.items() if isinstance(d, Constant)}
    start = _month_index(case.case.start)
    hz = _Horizon(start, case.months, case.month_labels)
    items: list[Observation] = []
    skipped: list[Skipped] = []
    for claim in case.resolved_claims() if claims is None else claims:
        if claim.status not in _USABLE_STATUS:
            skipped.append(Skipped(claim.id, f"its review status is '{claim.status}'"))
            continue
        if claim.quantity.startswith("other") or claim.quantity == "non_combat_pay":
            skipped.append(Skipped(claim.id, f"'{claim.quantity}' is not something the model computes"))
            continue
        if not include_parameter_claims and claim.id in cited_ids:
            continue  # it built the prior; using it again would count it twice
        pname = _parameter_of(claim, case, cited)
        try:
            if pname is not None and (
                pname in dists or pname == "pay_per_soldier_month" or pname.startswith(("wave_", "pay_rank_"))
            ):
                kind = PARAMETERS[pname].kind if pname in PARAMETERS else "amount"
                if claim.quantity in ("troops_deployed", "troops_per_rotation", "cumulative_troops"):
                    scale: Scale = "log1p"
                else:
                    scale = "log"
                err = _share_error(claim) if kind == "share" else _positive_error(claim, scale)
                unit = PARAMETERS[pname].unit if pname in PARAMETERS else claim.unit
                what = PARAMETERS[pname].meaning if pname in PARAMETERS else pname.replace("_", " ")
                items.append(Observation(claim, _param(pname, constants), err, what, unit, pname))
                continue
            got = _derived(claim, case, hz, constants)
            if isinstance(got, str):
                skipped.append(Skipped(claim.id, got))
                continue
            target, what, unit, scale = got
            items.append(Observation(claim, target, _positive_error(claim, scale), what, unit))
        except CalibrationError as e:
            skipped.append(Skipped(claim.id, str(e)))
    return Observations(items, skipped)
