"""Which claims cannot all be true: the joint-evidence ratio and its plain-words arithmetic.

For a set ``S`` of claims with likelihoods ``L_i`` (each claim compiled as an
observation), the statistic is

    C(S) = log E[prod_i L_i] - sum_i log E[L_i]

with expectations over the model's prior draws in which every parameter a claim in
``S`` speaks about is set aside for a broad reference prior
(:func:`reference_spec`, :func:`with_reference`) and every other parameter keeps the
case's prior. Parameter claims thus take part as observations of their parameter. ``C`` is the log
of how many times more (or, below zero, less) probable the model makes the claims
jointly than independently. A set is flagged when ``C < THRESHOLD``: jointly at
least ``e^3`` (about 20) times less probable than each alone, "strong" evidence on
the Kass-Raftery scale. See ``docs/calibration.md``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._importance import log_mean_exp
from troopledger.calibration._observations import Observation
from troopledger.errors import CalibrationError
from troopledger.evidence import PARAMETERS, Z90, DistSpec, Prior

__all__ = [
    "REFERENCE_FACTOR",
    "THRESHOLD",
    "Contradiction",
    "explain",
    "joint_statistic",
    "reference_spec",
    "with_reference",
    "without_claims",
]

Array = NDArray[np.float64]

#: Flag a set of claims when the log joint-evidence ratio is below this (e^-3 ~ 1/20).
THRESHOLD = -3.0
#: A reference prior for an amount spans its median divided and multiplied by this (90 %).
REFERENCE_FACTOR = 5.0


@dataclass(frozen=True)
class Contradiction:
    """Claims the model makes jointly far less probable than each alone."""

    claims: tuple[str, ...]
    statistic: float  # C(S), natural log
    standard_error: float
    threshold: float
    explanation: str
    kind: str  # "arithmetic" (through the model), "disagreement" (same parameter) or "statement" (one source's own)
    most_likely_wrong: str | None = None  # the claim in the set most likely to be wrong
    wrong_probability: float | None = None  # its probability of being wrong

    def as_dict(self) -> dict[str, object]:
        """The JSON form used in the report (DESIGN §7)."""
        return {
            "claims": list(self.claims),
            "statistic": self.statistic,
            "standard_error": self.standard_error,
            "threshold": self.threshold,
            "times_less_probable": _times(self.statistic),
            "kind": self.kind,
            "explanation": self.explanation,
            "most_likely_wrong": self.most_likely_wrong,
            "wrong_probability": self.wrong_probability,
        }


def _times(statistic: float) -> float:
    """How many times less probable jointly: ``e^-C``, infinite (null in JSON) past what a float holds."""
    if statistic >= 0:
        return 1.0
    return math.exp(-statistic) if statistic > -700 else math.inf


def joint_statistic(loglik: Array) -> tuple[float, float]:
    """``C = log E[prod L_i] - sum log E[L_i]`` and its Monte Carlo standard error.

    ``loglik`` is ``(draws, k)``: each claim's log-likelihood in each draw, the draws
    from the background prior. The error is the delta-method sd of each log-mean,
    combined as if independent (a conservative rough guide).
    """
    ll = np.asarray(loglik, dtype=np.float64)
    if ll.ndim != 2 or ll.shape[0] < 2 or ll.shape[1] < 2:
        raise CalibrationError(f"need (draws, k >= 2) log-likelihoods, got shape {ll.shape}")
    cols = np.concatenate([ll, ll.sum(axis=1, keepdims=True)], axis=1)
    logs = log_mean_exp(cols, axis=0)
    if not np.isfinite(logs[:-1]).all():
        raise CalibrationError("a claim has zero likelihood under every background draw")
    stat = float(logs[-1] - logs[:-1].sum())
    m = cols.max(axis=0, keepdims=True)
    x = np.exp(cols - np.where(np.isfinite(m), m, 0.0))
    mean = x.mean(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel_var = np.where(mean > 0, x.var(axis=0) / (x.shape[0] * mean * mean), np.inf)
    se = float(math.sqrt(float(rel_var.sum())))
    return max(stat, -1e6), se


def reference_spec(prior: Prior, name: str, claims: Sequence[str] = ()) -> DistSpec:
    """A broad prior for ``name`` once the claims behind it are set aside.

    Shares: uniform on [0, 1]. Amounts, counts and durations: a lognormal with the
    case prior's median whose 90 % interval is that median divided and multiplied by
    :data:`REFERENCE_FACTOR`. The spec keeps citing ``claims`` so the claims still
    read the same parameter.
    """
    slot = prior.slots.get(name)
    dist = None if slot is None else slot.distribution
    kind = PARAMETERS[name].kind if name in PARAMETERS else "amount"
    if kind == "share":
        return DistSpec(uniform=(0.0, 1.0), claims=list(claims), note="reference prior")
    median = float(np.asarray(dist.ppf(np.array([0.5])))[0]) if dist is not None else 1.0
    if not median > 0:
        raise CalibrationError(f"cannot build a reference prior for '{name}': its median is {median}")
    sigma = math.log(REFERENCE_FACTOR) / Z90
    return DistSpec(lognormal=(math.log(median), sigma), claims=list(claims), note="reference prior")


def _strip(prior: Prior, name: str, spec: DistSpec, drop: set[str]) -> DistSpec:
    """``spec`` without the components built only on claims in ``drop``."""
    cited = spec.all_claims()
    if not drop.intersection(cited):
        return spec
    if spec.mixture:
        keep = [c for c in spec.mixture if not (c.all_claims() and set(c.all_claims()) <= drop)]
        if keep and any(c.all_claims() for c in keep):
            return spec.model_copy(update={"mixture": keep, "claims": cited})
        return reference_spec(prior, name, cited)
    own = set(cited)
    if own <= drop:
        return reference_spec(prior, name, cited)
    return spec


def with_reference(prior: Prior, names: Iterable[str]) -> Prior:
    """A copy of ``prior`` in which each slot in ``names`` has its :func:`reference_spec`."""
    todo = [n for n in prior.slots if n in set(names) and prior.slots[n].spec is not None]
    return prior.with_specs({n: reference_spec(prior, n, prior.cited.get(n, ())) for n in todo})


def without_claims(prior: Prior, claim_ids: Iterable[str]) -> Prior:
    """A copy of ``prior`` that no longer rests on the claims in ``claim_ids``.

    Mixture components built only on those claims are removed; a slot left with no
    claim at all gets :func:`reference_spec`. Claims stay in the prior.
    """
    drop = set(claim_ids)
    specs = {}
    for name, slot in prior.slots.items():
        if slot.spec is None:
            continue
        new = _strip(prior, name, slot.spec, drop)
        if new is not slot.spec:
            specs[name] = new
    return prior.with_specs(specs)


# ---------------------------------------------------------------------------
# Plain words
# ---------------------------------------------------------------------------


def _wquantile(x: Array, w: Array, q: float) -> float:
    order = np.argsort(x)
    cw = np.cumsum(w[order])
    cw /= cw[-1]
    return float(x[order][min(int(np.searchsorted(cw, q)), x.size - 1)])


def _money(x: float) -> str:
    a = abs(x)
    for div, suffix in ((1e9, " billion"), (1e6, " million")):
        if a >= div:
            return f"${x / div:,.3g}{suffix}"
    return f"${x:,.0f}"


def _fmt(x: float, unit: str) -> str:
    if unit.startswith("USD"):
        return _money(x) + (" a month" if unit == "USD/month" else "")
    if unit == "fraction":
        return f"{x:.0%}" if x >= 0.01 else f"{x:.2%}"
    if unit == "months":
        return f"{x:.1f} months"
    if unit == "persons":
        return f"{x:,.0f}"
    return f"{x:,.3g} {unit}".strip()


def _said(o: Observation) -> str:
    c = o.claim
    lo, hi = o.error.bounds()
    if o.unit == "fraction":
        lo, hi = max(lo, 0.0), min(hi, 1.0)
    fig = c.stated or c.describe_value()
    return f"{c.id} ({c.speaker}: {fig}, read as {o.what} {_range(lo, hi, o.unit)})"


def _range(lo: float, hi: float, unit: str) -> str:
    if math.isinf(lo):
        return f"up to about {_fmt(hi, unit)}"
    if math.isinf(hi):
        return f"at least about {_fmt(lo, unit)}"
    return f"{_fmt(lo, unit)} to {_fmt(hi, unit)}"


def _arithmetic(o: Observation, params: Mapping[str, Array], w: Array) -> str:
    """The model's arithmetic behind ``o``'s quantity, at medians where the other claim holds."""

    def med(name: str) -> float | None:
        a = params.get(name)
        return None if a is None else _wquantile(np.asarray(a, dtype=np.float64), w, 0.5)

    q = o.claim.quantity
    share, pay, tour = med("state_share_of_pay"), med("pay_per_soldier_month"), med("rotation_interval_months")
    if q == "soldier_take_home" and share is not None and pay is not None:
        per_month = (1.0 - share) * pay
        tour_text = ""
        if tour is not None:
            tour_text = f" x {tour:.1f}-month tour = {_money(per_month * tour)} per tour"
        lo, hi = o.error.bounds()
        need = ""
        if per_month > 0 and math.isfinite(lo) and math.isfinite(hi):
            need = f"; {_money(lo)} to {_money(hi)} would need {lo / per_month:,.0f} to {hi / per_month:,.0f} months"
        return f" ({share:.0%} kept of {_money(pay)} a month leaves {_money(per_month)} a month{tour_text}{need})"
    if q == "total_revenue_to_nk" and pay is not None and "troops" in o.what:
        return f" ({_money(pay)} a month x the stated troops)"
    if q == "cumulative_troops" and tour is not None:
        troops = med("troops_deployed")
        if troops is not None:
            return f" ({troops:,.0f} in theatre swapped every {tour:.1f} months)"
    return ""


def explain(
    a: Observation,
    b: Observation,
    values: Array,
    loglik: Array,
    params: Mapping[str, Array],
    statistic: float,
) -> str:
    """Plain words for why ``a`` and ``b`` cannot both hold, with the model's numbers.

    ``values`` and ``loglik`` are ``(draws, 2)`` for ``(a, b)`` over the background
    draws, ``params`` the background parameter draws. ``a`` is described where ``b``
    holds (draws weighted by ``b``'s likelihood).
    """
    w = np.exp(loglik[:, 1] - loglik[:, 1].max())
    va = values[:, 0]
    p5, p50, p95 = (_wquantile(va, w, q) for q in (0.05, 0.5, 0.95))
    times = math.exp(-statistic) if statistic > -700 else math.inf
    factor = f"{times:,.0f}" if times < 1e6 else f"more than a million ({statistic:.0f} on the log scale)"
    return (
        f"{_said(a)} and {_said(b)} cannot both hold. Where {b.id} holds, the model puts "
        f"{a.what} at {_fmt(p5, a.unit)} to {_fmt(p95, a.unit)} (median {_fmt(p50, a.unit)})"
        f"{_arithmetic(a, params, w)}. Together they are {factor} times less probable "
        f"than each alone (log ratio {statistic:.1f}, threshold {THRESHOLD:.0f})."
    )
