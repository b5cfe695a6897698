"""Claims can be wrong: robust likelihoods, doubted priors, and which claim is likely wrong.

Every observation claim is right with a probability set by the kind of source and
its hedge (:data:`RIGHT_BY_KIND`, :data:`HEDGE_FACTOR`; both overridable) and
otherwise wrong: its figure then comes from a broad distribution around the truth
(within a factor of :data:`WRONG_FACTOR` 90 % of the time on log scales; anywhere
in [0, 1] for shares; a one-sided bound holds half the time). The likelihood of a
claim is the mixture ``p L_right + (1 - p) L_wrong``, so one claim far from the rest
is discounted instead of dragging the posterior into the prior's tails.

Parameters built from claims get the same treatment: their prior keeps a chance
:data:`ALL_WRONG` that every claim behind them is wrong (:func:`with_doubt` adds the
broad reference prior as a mixture component), so observations can overrule a
speculative claim instead of being bent to it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._contradictions import reference_spec
from troopledger.calibration._errors import ErrorModel, hedge_class
from troopledger.calibration._observations import Observations
from troopledger.claims import Claim
from troopledger.errors import CalibrationError
from troopledger.evidence import Z90, DistSpec, Prior

__all__ = [
    "ALL_WRONG",
    "HEDGE_FACTOR",
    "RIGHT_BY_KIND",
    "WRONG_FACTOR",
    "RobustObservations",
    "right_probability",
    "robust_loglik",
    "with_doubt",
]

Array = NDArray[np.float64]

#: Prior probability that a claim is right, by the kind of source (``speaker_kind``).
RIGHT_BY_KIND: dict[str, float] = {
    "intelligence": 0.9,
    "think_tank": 0.9,
    "government": 0.85,
    "outlet": 0.8,
    "belligerent_government": 0.75,
    "defector": 0.75,
    "anonymous": 0.7,
    "state_media": 0.6,
    "other": 0.7,
}
#: The right-probability is multiplied by this for the claim's hedge class.
HEDGE_FACTOR: dict[str, float] = {"exact": 1.0, "about": 1.0, "speculative": 0.8}
#: Prior chance that every claim behind a parameter is wrong (the broad reference prior's weight).
ALL_WRONG = 0.05
#: A wrong figure lies within this factor of the truth 90 % of the time (log scales).
WRONG_FACTOR = 10.0
_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)
_HALF = math.log(0.5)


def right_probability(
    claim: Claim,
    by_kind: Mapping[str, float] | None = None,
    hedges: Mapping[str, float] | None = None,
) -> float:
    """Prior probability that ``claim`` is right, from its source kind and hedge (tables overridable)."""
    kinds = {**RIGHT_BY_KIND, **(by_kind or {})}
    factors = {**HEDGE_FACTOR, **(hedges or {})}
    p = kinds.get(claim.speaker_kind, kinds["other"]) * factors[hedge_class(claim.hedge)]
    if not 0.0 < p < 1.0:
        raise CalibrationError(f"claim '{claim.id}': the chance of being right must be in (0, 1), got {p}")
    return p


def _log_densities(error: ErrorModel, x: Array) -> tuple[Array, Array]:
    """Normalised log-likelihoods of a right and of a wrong claim at modelled values ``x``."""
    g = error.transform(x)  # once, for the right and the wrong density
    ll = error.loglik_scaled(g)
    if error.side != "two":  # a bound: right holds as the error model says, a wrong one half the time
        return ll, np.full_like(ll, _HALF)
    right = ll - math.log(error.sd) - _LOG_SQRT_2PI
    if error.scale == "linear":  # a share: a wrong figure is anywhere in [0, 1]
        return right, np.zeros_like(ll)
    sd_w = max(math.log(WRONG_FACTOR) / Z90, 2.0 * error.sd)
    z = (g - error.center) / sd_w
    return right, -0.5 * z * z - math.log(sd_w) - _LOG_SQRT_2PI


def robust_loglik(error: ErrorModel, x: Array, p_right: float) -> tuple[Array, Array]:
    """Mixture log-likelihood ``log(p L_right + (1 - p) L_wrong)`` and ``log P(wrong | x)``."""
    right, wrong = _log_densities(error, np.asarray(x, dtype=np.float64))
    a = math.log(p_right) + right
    b = math.log1p(-p_right) + wrong
    total = np.logaddexp(a, b)
    return total, b - total


@dataclass(frozen=True)
class RobustObservations:
    """Observations whose claims may be wrong, each with its prior probability of being right."""

    observations: Observations
    p_right: tuple[float, ...]

    @classmethod
    def build(
        cls,
        obs: Observations,
        by_kind: Mapping[str, float] | None = None,
        hedges: Mapping[str, float] | None = None,
        overrides: Mapping[str, float] | None = None,
    ) -> RobustObservations:
        """Right-probabilities from the tables, with per-claim ``overrides`` (claim id -> probability)."""
        over = dict(overrides or {})
        p = tuple(over.get(o.id, right_probability(o.claim, by_kind, hedges)) for o in obs.items)
        for o, v in zip(obs.items, p, strict=True):
            if not 0.0 < v < 1.0:
                raise CalibrationError(f"claim '{o.id}': the chance of being right must be in (0, 1), got {v}")
        return cls(obs, p)

    def __len__(self) -> int:
        return len(self.observations)

    @property
    def ids(self) -> list[str]:
        """Claim ids in column order."""
        return self.observations.ids

    def values(self, outputs: Mapping[str, Array], params: Mapping[str, Array]) -> Array:
        """Modelled value of every observation for one chunk, ``(draws, observations)``."""
        return self.observations.values(outputs, params)

    def loglik(self, values: Array) -> Array:
        """Robust log-likelihood of each draw under each observation, ``(draws, observations)``."""
        return self.both(values)[0]

    def log_wrong(self, values: Array) -> Array:
        """``log P(claim wrong | draw)`` for each draw and observation, ``(draws, observations)``."""
        return self.both(values)[1]

    def both(self, values: Array) -> tuple[Array, Array]:
        """:meth:`loglik` and :meth:`log_wrong` at once (they share every step), each ``(draws, observations)``."""
        v = np.asarray(values, dtype=np.float64)
        if v.ndim != 2 or v.shape[1] != len(self):
            raise CalibrationError(f"values must be shaped (draws, {len(self)}), got {v.shape}")
        ll, lw = np.empty_like(v), np.empty_like(v)
        for j, (o, p) in enumerate(zip(self.observations.items, self.p_right, strict=True)):
            ll[:, j], lw[:, j] = robust_loglik(o.error, v[:, j], p)
        return ll, lw

    def wrong_probability(
        self, values: Array, weights: Array | None = None, *, log_wrong: Array | None = None
    ) -> dict[str, float]:
        """Posterior probability that each claim is wrong: ``P(wrong | draw)`` averaged over weighted draws.

        ``log_wrong``, if given, is :meth:`log_wrong` of ``values``, already computed.
        """
        p = np.exp(self.log_wrong(values) if log_wrong is None else log_wrong)
        w = None if weights is None else np.asarray(weights, dtype=np.float64)
        mean = p.mean(axis=0) if w is None else (w[:, None] * p).sum(axis=0) / w.sum()
        return {i: float(m) for i, m in zip(self.ids, mean, strict=True)}


def _doubted(prior: Prior, name: str, spec: DistSpec, eps: float) -> DistSpec:
    """``spec`` as a mixture: weight ``1 - eps`` as built, ``eps`` the broad reference prior."""
    cited = spec.all_claims()
    plain = {"exclude_none": True, "exclude": {"from_claims", "quantity", "exclude", "note"}}
    if spec.mixture:
        total = sum(c.weight for c in spec.mixture)
        comps = [{**c.model_dump(**plain), "weight": (1 - eps) * c.weight / total} for c in spec.mixture]  # type: ignore[arg-type]
    else:
        comps = [{**spec.model_dump(**plain), "weight": 1 - eps, "label": "as its claims say"}]  # type: ignore[arg-type]
    ref = reference_spec(prior, name).model_dump(**plain)  # type: ignore[arg-type]
    comps.append({**ref, "weight": eps, "label": "all its claims wrong"})
    return DistSpec.model_validate({"mixture": comps, "claims": list(cited), "note": spec.note})


def with_doubt(prior: Prior, eps: float = ALL_WRONG, names: Sequence[str] | None = None) -> Prior:
    """A copy of ``prior`` in which each slot built on claims keeps a chance ``eps`` that all are wrong.

    The extra mixture component is the broad reference prior of the contradiction
    scan (:func:`~troopledger.calibration.reference_spec`). ``names`` limits the
    change to those slots. Known values and slots no claim built are left alone.
    """
    if not 0.0 <= eps < 1.0:
        raise CalibrationError(f"the chance that all claims are wrong must be in [0, 1), got {eps}")
    if eps == 0.0:
        return prior
    specs = {}
    for name, slot in prior.slots.items():
        spec = slot.spec
        if spec is None or not slot.claims or spec.fixed is not None or spec.note == "reference prior":
            continue
        if names is None or name in names:
            specs[name] = _doubted(prior, name, spec, eps)
    return prior.with_specs(specs, keep_between=True)  # the fused readings are still there
