"""Claim influence: how far the headline totals move when one lineage of claims is dropped.

Claims repeating one original statement form a lineage and are dropped together (a
claim with no lineage is its own). Dropping works the way each claim entered the
run, always on the robust posterior the report headlines:

* an observation claim leaves the weights: the calibrated draws are re-weighted
  without its (robust) likelihood, exactly, with no new draws;
* a claim behind the prior takes its mixture components with it (a slot left with
  no claim gets the broad reference prior), and the robust calibration is run again
  on the same seed, against a base run of the same size.

Each row carries the Pareto k-hat of the weights it used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from troopledger._progress import Stages, counted, quiet
from troopledger.calibration._contradictions import without_claims
from troopledger.calibration._importance import importance_weights, weighted_quantiles
from troopledger.calibration._observations import Observations, compile_observations
from troopledger.calibration._robust import RobustObservations, with_doubt
from troopledger.calibration._workflow import Calibration, calibrate
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Prior
from troopledger.model import LEAD_TOTALS, Draws

__all__ = ["HEADLINE", "Influence", "influence"]

Array = NDArray[np.float64]

#: Totals whose medians the influence table follows.
HEADLINE = LEAD_TOTALS


@dataclass(frozen=True)
class Influence:
    """The headline medians with one lineage dropped, and their change from the full run."""

    lineage: str
    claims: tuple[str, ...]
    role: str  # "observation", "prior" or "both"
    medians: dict[str, float]
    change: dict[str, float]  # relative change of each median, (without - with) / with
    khat: float | None  # Pareto k-hat of the weights without the lineage (None: unweighted)

    def as_dict(self) -> dict[str, object]:
        """Plain data for the report."""
        return {
            "lineage": self.lineage,
            "claims": list(self.claims),
            "role": self.role,
            "medians": self.medians,
            "relative_change": self.change,
            "pareto_khat": self.khat,
        }


def _medians(d: Draws, w: Array | None) -> dict[str, float]:
    return {k: float(weighted_quantiles(d.totals[k], (0.5,), w)[0]) for k in HEADLINE}


def _rerun(prior: Prior, draws: int, seed: int, particles: int) -> tuple[dict[str, float], float | None]:
    """Headline medians of the robust posterior of ``prior`` (or its prior, with no evidence)."""
    cal = calibrate(prior, draws, seed, particles=particles)
    if cal.posterior_draws is None or cal.weights is None:
        return _medians(cal.prior_draws, None), None
    return _medians(cal.posterior_draws, cal.weights.weights), cal.weights.khat


def _change(med: dict[str, float], base: dict[str, float]) -> dict[str, float]:
    return {k: (med[k] - base[k]) / base[k] if base[k] else float("nan") for k in HEADLINE}


def influence(
    prior: Prior,
    *,
    draws: int = BLOCK,
    seed: int = 0,
    particles: int = 1024,
    observations: Observations | None = None,
    calibration: Calibration | None = None,
    stages: Stages | None = None,
) -> list[Influence]:
    """One row per lineage of usable claims, largest move of a headline median first.

    ``observations`` are the prior's compiled claims (compiled here if not given);
    ``calibration`` is the run's own robust calibration, re-weighted for observation
    claims (computed here with ``draws`` draws if not given). Claims behind the prior
    are dropped by re-running the calibration with ``draws`` draws and a pilot of
    ``particles`` particles. ``stages`` hears one step per lineage.
    """
    every = compile_observations(prior) if observations is None else observations
    cal = calibrate(prior, draws, seed, observations=every, particles=particles) if calibration is None else calibration
    cited = {cid for ids in prior.cited.values() for cid in ids}
    observed = set(every.evidence().ids)
    usable = set(every.ids) | cited
    lineages: dict[str, list[str]] = {}
    for c in prior.claims:
        if c.id in usable:
            lineages.setdefault(c.lineage or c.id, []).append(c.id)
    pd, w = cal.posterior_draws, cal.weights
    base = _medians(pd, w.weights) if pd is not None and w is not None else _medians(cal.prior_draws, None)
    base_khat = None if w is None else w.khat
    robust_ll: Array | None = None
    if pd is not None and pd.observed is not None and w is not None:
        claims_all = compile_observations(with_doubt(prior), claims=[o.claim for o in every.items])
        robust_all = RobustObservations.build(claims_all)
        robust_ll = robust_all.loglik(np.asarray(pd.observed, dtype=np.float64))
        col = {oid: j for j, oid in enumerate(robust_all.ids)}
    small_base: tuple[dict[str, float], float | None] | None = None
    rows = []
    quiet(stages).begin("influence: one re-run per lineage", len(lineages))
    for name, ids in counted(lineages.items(), stages, after=True):
        prior_ids = [i for i in ids if i in cited]
        obs_ids = [i for i in ids if i in observed]
        role = "both" if prior_ids and obs_ids else "prior" if prior_ids else "observation"
        stripped = without_claims(prior, prior_ids)
        unchanged = all(stripped.slots[k].spec == s.spec for k, s in prior.slots.items())
        if not prior_ids or unchanged:
            if not obs_ids or robust_ll is None or pd is None or w is None:
                rows.append(Influence(name, tuple(ids), role, dict(base), dict.fromkeys(HEADLINE, 0.0), base_khat))
                continue
            if cal.log_weights is None:
                raise CalibrationError("the calibration kept no log weights to re-weight")
            lw = cal.log_weights - robust_ll[:, [col[i] for i in obs_ids]].sum(axis=1)
            iw = importance_weights(lw)
            med = _medians(pd, iw.weights)
            rows.append(Influence(name, tuple(ids), role, med, _change(med, base), iw.khat))
            continue
        if small_base is None:
            small_base = _rerun(prior, draws, seed, particles)
        med, khat = _rerun(stripped, draws, seed, particles)
        rows.append(Influence(name, tuple(ids), role, med, _change(med, small_base[0]), khat))
    return sorted(rows, key=lambda r: (-_largest(r), r.lineage))


def _largest(r: Influence) -> float:
    return max((abs(v) for v in r.change.values() if np.isfinite(v)), default=0.0)
