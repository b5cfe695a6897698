"""Misfit is not wrongness: can the model represent a claim, and do independent sources agree against it?

Before a claim is called wrong, three posterior predictive checks place what it says
in the model's predictive distribution of its quantity (the modelled value plus the
claim's own error, as a right claim has it):

* **included**: the posterior as calibrated;
* **left out**: the posterior without the claim's own likelihood (importance weights
  divided by it), so the claim does not vouch for itself;
* **as right**: left out, then the claim taken as right (its plain, not robust,
  likelihood): where the model goes when it tries to follow the claim.

A claim that sits in the tail when left out (:data:`TAIL`) but not when taken as
right is **disputed**: the model can follow it, the other claims pull against it, and
its probability of being wrong judges between them. One still in the tail when taken
as right is a **misfit**: the model cannot represent it, whatever its source. Where
claims of two or more lineages sit in the same tail of quantities one structural
assumption governs (:mod:`~troopledger.calibration._assumptions`), the report names
the assumption (a :class:`StructuralMisfit`), not the sources.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.calibration._assumptions import ASSUMPTIONS, Assumption, assumptions_for
from troopledger.calibration._errors import ErrorModel
from troopledger.calibration._observations import Observation
from troopledger.calibration._robust import RobustObservations, _log_densities
from troopledger.evidence import Z90

__all__ = [
    "MIN_REACH",
    "MISFIT_EVIDENCE",
    "MISFIT_GRID",
    "TAIL",
    "WRONG_AT",
    "ClaimCheck",
    "StructuralMisfit",
    "check_claims",
    "judge_claims",
    "structural_misfits",
]

Array = NDArray[np.float64]
_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)

#: A claim whose two-sided predictive tail probability is below this sits outside the model's 95 % range.
TAIL = 0.05
#: A claim is called likely wrong at this posterior probability of being wrong, when the model can represent it.
WRONG_AT = 0.5
#: Model errors (sd on a claim's log scale) a structural misfit may have, equally likely a priori.
MISFIT_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0)
#: Natural log of the Bayes factor for "the model errs on these figures" a structural misfit needs (10 to 1).
MISFIT_EVIDENCE = math.log(10.0)
#: Fewer effective draws than this near a claim taken as right: the model cannot reach it.
MIN_REACH = 20.0


@dataclass(frozen=True)
class ClaimCheck:
    """Where one claim falls in the model's predictive distribution, and the verdict that follows."""

    claim: str
    direction: str  # "above" or "below": the claim against the model's predictive median (left out)
    tail_included: float  # two-sided predictive tail probability, claim in the evidence
    tail_left_out: float  # the same with the claim's own likelihood taken out
    tail_as_right: float  # the same with the claim taken as right (NaN when it fits left out)
    reach_draws: float  # effective draws when the claim is taken as right (NaN when it fits left out)
    verdict: str  # "fits", "disputed" (the others pull against it) or "misfit" (the model cannot reach it)
    assumptions: tuple[str, ...]  # structural assumptions governing its quantity
    in_evidence: bool  # False: it built the prior, so "left out" is the posterior itself

    def as_dict(self) -> dict[str, object]:
        """The JSON form of the calibration section's ``claim_checks``."""
        return {
            "claim": self.claim,
            "direction": self.direction,
            "tail_included": self.tail_included,
            "tail_left_out": self.tail_left_out,
            "tail_as_right": None if math.isnan(self.tail_as_right) else self.tail_as_right,
            "reach_draws": None if math.isnan(self.reach_draws) else self.reach_draws,
            "verdict": self.verdict,
            "assumptions": list(self.assumptions),
            "in_evidence": self.in_evidence,
        }


@dataclass(frozen=True)
class StructuralMisfit:
    """Claims of independent lineages the model cannot follow under one of its assumptions, and how far it errs."""

    assumption: str
    text: str
    claims: tuple[str, ...]  # the claims outside the model's range, left out
    lineages: tuple[str, ...]
    factor: float  # the model's error on these figures: within this factor 90 % of the time (most probable)
    log_bayes_factor: float  # evidence for some misfit against none
    wrong_given: dict[str, float]  # each governed claim's probability of being wrong, the misfit allowed
    explanation: str

    def as_dict(self) -> dict[str, object]:
        """The JSON form of the calibration section's ``structural_misfits``."""
        return {
            "assumption": self.assumption,
            "text": self.text,
            "claims": list(self.claims),
            "lineages": list(self.lineages),
            "factor": self.factor,
            "log_bayes_factor": self.log_bayes_factor,
            "wrong_probability_given_misfit": self.wrong_given,
            "explanation": self.explanation,
        }


def _normalised(log_w: Array) -> tuple[Array, float]:
    a = np.where(np.isfinite(log_w), log_w, -np.inf)
    p = np.exp(a - a.max())
    p /= p.sum()
    return p, float(1.0 / np.square(p).sum())


def _tail(error: ErrorModel, g: Array, p: Array) -> tuple[float, float]:
    """Two-sided tail probability of the claim in the predictive distribution, and P(prediction below the claim)."""
    if error.side == "two":
        below = float((p * special.ndtr((error.center - g) / error.sd)).sum())
        return 2.0 * min(below, 1.0 - below), below
    # a bound holds where the prediction is on its side: the tail is the mass that is not
    z = (g - error.center) / error.sd
    holds = float((p * special.ndtr(z if error.side == "lower" else -z)).sum())
    below = 1.0 - holds if error.side == "lower" else holds
    return min(1.0, 2.0 * holds), below


def check_claims(
    robust: RobustObservations,
    values: Array,
    weights: Array,
    evidence: Sequence[int],
    loglik: Array | None = None,
) -> list[ClaimCheck]:
    """Posterior predictive checks of every claim in ``robust`` over weighted draws.

    ``values`` are the modelled targets ``(draws, claims)``, ``weights`` the posterior
    weights, ``evidence`` the columns whose likelihood the weights include; ``loglik``,
    if given, is ``robust``'s log-likelihood of ``values``, already computed.
    """
    v = np.asarray(values, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    with np.errstate(divide="ignore"):
        log_w = np.log(w)
    p_in, _ = _normalised(log_w)
    ll = robust.both(v)[0] if loglik is None else loglik
    used = set(evidence)
    out = []
    for j, o in enumerate(robust.observations.items):
        g = o.error.transform(v[:, j])
        t_in, below = _tail(o.error, g, p_in)
        t_out, t_right, reach = t_in, math.nan, math.nan
        left = log_w
        if j in used:
            left = log_w - ll[:, j]
            t_out, below = _tail(o.error, g, _normalised(left)[0])
        if t_out >= TAIL:
            verdict = "fits"  # taken as right it can only fit better: not computed
        else:
            p_right, reach = _normalised(left + o.error.loglik_scaled(g))
            t_right, _ = _tail(o.error, g, p_right)
            verdict = "disputed" if t_right >= TAIL and reach >= MIN_REACH else "misfit"
        out.append(
            ClaimCheck(
                o.id,
                "above" if below > 0.5 else "below",
                t_in,
                t_out,
                t_right,
                reach,
                verdict,
                tuple(a.id for a in assumptions_for(o.claim.quantity)),
                j in used,
            )
        )
    return out


def _right(error: ErrorModel, g: Array, tau: float) -> Array:
    """Log-density of a right claim at model values ``g`` (on its scale), its error widened by a misfit ``tau``."""
    sd = math.hypot(error.sd, tau)
    z = (g - error.center) / sd
    if error.side == "two":
        return np.asarray(-0.5 * z * z - math.log(sd) - _LOG_SQRT_2PI, dtype=np.float64)
    return np.asarray(special.log_ndtr(-z if error.side == "upper" else z), dtype=np.float64)


def structural_misfits(
    robust: RobustObservations,
    checks: Sequence[ClaimCheck],
    values: Array,
    weights: Array,
    evidence: Sequence[int],
    loglik: Array | None = None,
) -> list[StructuralMisfit]:
    """Assumptions that claims of two or more lineages agree against, and that a misfit explains.

    For each assumption, the claims it governs get a model error (a misfit ``tau`` on their
    scale, on a grid of :data:`MISFIT_GRID`, equally likely a priori) beside their own; the
    Bayes factor of "some misfit" against "none", ``E_posterior[prod L(tau) / L(0)]`` averaged
    over the grid, must reach :data:`MISFIT_EVIDENCE`. The misfit's P(wrong) of each claim is
    then computed at the most probable ``tau``. ``loglik`` as for :func:`check_claims`.
    """
    v = np.asarray(values, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    with np.errstate(divide="ignore"):
        log_w = np.log(w / w.sum())
    ll0 = robust.both(v)[0] if loglik is None else loglik
    items = robust.observations.items
    used = set(evidence)
    out = []
    for a in ASSUMPTIONS:
        cols = [j for j in sorted(used) if a.id in checks[j].assumptions and items[j].error.scale != "linear"]
        off = [j for j in cols if checks[j].verdict != "fits"]
        lineages = tuple(dict.fromkeys(items[j].lineage for j in off))
        if len(lineages) < 2:
            continue
        parts = []
        for j in cols:
            o, p = items[j], robust.p_right[j]
            g = o.error.transform(v[:, j])
            _, wrong = _log_densities(o.error, v[:, j])
            parts.append((j, g, math.log(p) + 0.0, math.log1p(-p) + wrong))
        log_bf, shifts = [], []
        for tau in MISFIT_GRID:
            shift = np.zeros(v.shape[0])
            for j, g, lp, lw in parts:
                shift += np.logaddexp(lp + _right(items[j].error, g, tau), lw) - ll0[:, j]
            shifts.append(shift)
            log_bf.append(float(_log_sum_exp(log_w + shift)))
        evidence_for = float(_log_sum_exp(np.asarray(log_bf)) - math.log(len(MISFIT_GRID)))
        if evidence_for < MISFIT_EVIDENCE:
            continue
        k = int(np.argmax(log_bf))
        tau = MISFIT_GRID[k]
        post, _ = _normalised(log_w + shifts[k])
        wrong_given = {}
        for j, g, lp, lw in parts:
            right = lp + _right(items[j].error, g, tau)
            wrong_given[items[j].id] = float((post * np.exp(lw - np.logaddexp(right, lw))).sum())
        named = tuple(items[j].id for j in off)
        out.append(_misfit(a, named, [checks[j] for j in off], items, lineages, tau, evidence_for, wrong_given))
    return out


def _log_sum_exp(x: Array) -> float:
    m = float(np.max(x))
    return m + math.log(float(np.exp(x - m).sum()))


def _misfit(
    a: Assumption,
    claims: tuple[str, ...],
    checks: Sequence[ClaimCheck],
    items: Sequence[Observation],
    lineages: tuple[str, ...],
    tau: float,
    log_bf: float,
    wrong_given: dict[str, float],
) -> StructuralMisfit:
    by_id = {o.id: o for o in items}
    said = "; ".join(
        f"{c.claim} ({by_id[c.claim].claim.speaker}: {by_id[c.claim].what}, {c.direction} the model, "
        f"tail {c.tail_left_out:.1%})"
        for c in checks
    )
    factor = math.exp(Z90 * tau)
    text = (
        f"{a.cannot[0].upper()}{a.cannot[1:]} cannot follow {len(claims)} claims of {len(lineages)} lineages: {said}. "
        f"The model assumes {a.text}; allowing it an error within a factor of {factor:.2f} (90 %) on these figures "
        f"is {math.exp(min(log_bf, 700)):,.0f} times likelier than none."
    )
    return StructuralMisfit(a.id, a.text, claims, lineages, factor, log_bf, wrong_given, text)


def judge_claims(
    checks: Sequence[ClaimCheck], misfits: Sequence[StructuralMisfit], wrong: Mapping[str, float]
) -> dict[str, str]:
    """Each claim's verdict in words.

    A claim a structural misfit covers is judged by its probability of being wrong once
    the model may err there ("structural misfit: ASSUMPTION" below :data:`WRONG_AT`);
    any other by its posterior probability of being wrong. "likely wrong" at
    :data:`WRONG_AT` or more, "the model cannot represent it" when even taken as right
    it stays outside the model's range, else "consistent".
    """
    covered: dict[str, list[StructuralMisfit]] = {}
    for m in misfits:
        for cid in m.wrong_given:
            covered.setdefault(cid, []).append(m)
    out = {}
    for c in checks:
        ms = covered.get(c.claim, [])
        p = min((m.wrong_given[c.claim] for m in ms), default=wrong.get(c.claim, 0.0))
        named = [m.assumption for m in ms if c.claim in m.claims]
        if p >= WRONG_AT:
            out[c.claim] = "likely wrong" if c.verdict != "misfit" else "likely wrong (beyond the model's reach)"
        elif named:
            out[c.claim] = "structural misfit: " + ", ".join(named)
        elif c.verdict == "misfit":
            out[c.claim] = "the model cannot represent it"
        else:
            out[c.claim] = "consistent"
    return out
