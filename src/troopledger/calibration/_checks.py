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

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.calibration._assumptions import ASSUMPTIONS, assumptions_for
from troopledger.calibration._errors import ErrorModel
from troopledger.calibration._robust import RobustObservations

__all__ = [
    "MIN_REACH",
    "TAIL",
    "WRONG_AT",
    "ClaimCheck",
    "StructuralMisfit",
    "check_claims",
    "judge_claims",
    "structural_misfits",
]

Array = NDArray[np.float64]

#: A claim whose two-sided predictive tail probability is below this sits outside the model's 95 % range.
TAIL = 0.05
#: A claim is called likely wrong at this posterior probability of being wrong, when the model can represent it.
WRONG_AT = 0.5
#: Fewer effective draws than this near a claim taken as right: the model cannot reach it.
MIN_REACH = 20.0


@dataclass(frozen=True)
class ClaimCheck:
    """Where one claim falls in the model's predictive distribution, and the verdict that follows."""

    claim: str
    direction: str  # "above" or "below": the claim against the model's predictive median (left out)
    tail_included: float  # two-sided predictive tail probability, claim in the evidence
    tail_left_out: float  # the same with the claim's own likelihood taken out
    tail_as_right: float  # the same with the claim taken as right
    reach_draws: float  # effective draws when the claim is taken as right
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
            "tail_as_right": self.tail_as_right,
            "reach_draws": self.reach_draws,
            "verdict": self.verdict,
            "assumptions": list(self.assumptions),
            "in_evidence": self.in_evidence,
        }


@dataclass(frozen=True)
class StructuralMisfit:
    """Claims of independent lineages on the same side of the model, under one assumption it makes."""

    assumption: str
    text: str
    direction: str
    claims: tuple[str, ...]
    lineages: tuple[str, ...]
    explanation: str

    def as_dict(self) -> dict[str, object]:
        """The JSON form of the calibration section's ``structural_misfits``."""
        return {
            "assumption": self.assumption,
            "text": self.text,
            "direction": self.direction,
            "claims": list(self.claims),
            "lineages": list(self.lineages),
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
    robust: RobustObservations, values: Array, weights: Array, evidence: Sequence[int]
) -> list[ClaimCheck]:
    """Posterior predictive checks of every claim in ``robust`` over weighted draws.

    ``values`` are the modelled targets ``(draws, claims)``, ``weights`` the posterior
    weights, ``evidence`` the columns whose likelihood the weights include.
    """
    v = np.asarray(values, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    with np.errstate(divide="ignore"):
        log_w = np.log(w)
    p_in, _ = _normalised(log_w)
    ll, _ = robust.both(v)
    used = set(evidence)
    out = []
    for j, o in enumerate(robust.observations.items):
        g = o.error.transform(v[:, j])
        left = log_w - ll[:, j] if j in used else log_w
        p_out, _ = _normalised(left)
        p_right, reach = _normalised(left + o.error.loglik_scaled(g))
        t_in, _ = _tail(o.error, g, p_in)
        t_out, below = _tail(o.error, g, p_out)
        t_right, _ = _tail(o.error, g, p_right)
        if t_out >= TAIL:
            verdict = "fits"
        elif t_right >= TAIL and reach >= MIN_REACH:
            verdict = "disputed"
        else:
            verdict = "misfit"
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


def structural_misfits(robust: RobustObservations, checks: Sequence[ClaimCheck]) -> list[StructuralMisfit]:
    """Assumptions that two or more lineages agree against: their claims in the same tail, left out."""
    items = {o.id: o for o in robust.observations.items}
    groups: dict[tuple[str, str], list[ClaimCheck]] = {}
    for c in checks:
        if c.verdict == "fits":
            continue
        for aid in c.assumptions:
            groups.setdefault((aid, c.direction), []).append(c)
    by_id = {a.id: a for a in ASSUMPTIONS}
    out = []
    for (aid, direction), members in groups.items():
        lineages = tuple(dict.fromkeys(items[c.claim].lineage for c in members))
        if len(lineages) < 2:
            continue
        a = by_id[aid]
        said = "; ".join(
            f"{c.claim} ({items[c.claim].claim.speaker}: {items[c.claim].what}, tail {c.tail_left_out:.1%})"
            for c in members
        )
        side = "more" if direction == "above" else "less"
        text = (
            f"{a.cannot[0].upper()}{a.cannot[1:]} cannot follow {len(members)} claims of {len(lineages)} lineages "
            f"that each say {side} than the model predicts without them: {said}. The model assumes {a.text}."
        )
        out.append(StructuralMisfit(aid, a.text, direction, tuple(c.claim for c in members), lineages, text))
    order = {a.id: i for i, a in enumerate(ASSUMPTIONS)}
    return sorted(out, key=lambda m: (order[m.assumption], m.direction))


def judge_claims(
    checks: Sequence[ClaimCheck], misfits: Sequence[StructuralMisfit], wrong: dict[str, float]
) -> dict[str, str]:
    """Each claim's verdict in words: a structural misfit (naming the assumption), a claim the model cannot
    represent, likely wrong (probability at least :data:`WRONG_AT`, where the model can follow it), or consistent."""
    named: dict[str, list[str]] = {}
    for m in misfits:
        for cid in m.claims:
            named.setdefault(cid, []).append(m.assumption)
    out = {}
    for c in checks:
        if c.claim in named:
            out[c.claim] = "structural misfit: " + ", ".join(named[c.claim])
        elif c.verdict == "misfit":
            out[c.claim] = "the model cannot represent it"
        elif wrong.get(c.claim, 0.0) >= WRONG_AT:
            out[c.claim] = "likely wrong"
        else:
            out[c.claim] = "consistent"
    return out
