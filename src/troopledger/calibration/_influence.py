"""Claim influence: how far the headline totals move when one lineage of claims is dropped.

Claims repeating one original statement form a lineage and are dropped together (a
claim with no lineage is its own). Dropping works the way each claim entered the
run: an observation claim leaves the importance weights (recomputed without its
column); a claim behind the prior takes its mixture components with it (the case is
re-run on the same seed, so the other parameters keep their draws; a parameter
left with no claim falls back to the broad reference prior of the contradiction
scan). Weights are PSIS importance weights where k-hat allows, else a small
tempering run; each row carries the k-hat of its importance weights.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._contradictions import without_claims
from troopledger.calibration._importance import importance_weights, weighted_quantiles
from troopledger.calibration._observations import Observations, compile_observations
from troopledger.calibration._tempering import temper
from troopledger.calibration._workflow import particle_chunks
from troopledger.evidence import BLOCK, Prior
from troopledger.model import collect, collect_chunks

__all__ = ["HEADLINE", "Influence", "influence"]

Array = NDArray[np.float64]

#: Totals whose medians the influence table follows.
HEADLINE = ("paid_by_russia", "to_state", "to_soldiers")


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


def _medians(
    prior: Prior,
    draws: int,
    seed: int,
    drop_prior: list[str],
    drop_obs: set[str],
    particles: int,
    observations: Observations | None = None,
) -> tuple[dict[str, float], float | None]:
    """Headline medians of the (weighted) run without the given claims."""
    run = without_claims(prior, drop_prior) if drop_prior else prior
    every = observations if observations is not None and run is prior else compile_observations(run)
    obs = every.evidence()
    obs = obs.subset([i for i in obs.ids if i not in drop_obs])
    d = collect(run, draws, seed, monthly_cap=1, observations=obs or None)
    w, khat = None, None
    if obs and d.observed is not None:
        iw = importance_weights(obs.loglik(np.asarray(d.observed, dtype=np.float64)))
        w, khat = iw.weights, iw.khat
        if iw.degenerate:
            t = temper(run, obs, min(particles, draws), seed)
            d = collect_chunks(run, particle_chunks(run, t.params), t.particles, seed, monthly_cap=1)
            w = None
    med = {k: float(weighted_quantiles(d.totals[k], (0.5,), w)[0]) for k in HEADLINE}
    return med, khat


def influence(
    prior: Prior,
    *,
    draws: int = BLOCK,
    seed: int = 0,
    particles: int = 2048,
    observations: Observations | None = None,
) -> list[Influence]:
    """One row per lineage of usable claims, largest move of a headline median first.

    ``observations`` are the prior's compiled claims (compiled here if not given).
    Where the importance weights degenerate, the posterior comes from tempering with
    ``particles`` particles (with or without the lineage alike).
    """
    every = compile_observations(prior) if observations is None else observations
    cited = {cid for ids in prior.cited.values() for cid in ids}
    observed = set(every.evidence().ids)
    usable = set(every.ids) | cited
    lineages: dict[str, list[str]] = {}
    for c in prior.claims:
        if c.id in usable:
            lineages.setdefault(c.lineage or c.id, []).append(c.id)
    base, base_khat = _medians(prior, draws, seed, [], set(), particles, every)
    rows = []
    for name, ids in lineages.items():
        prior_ids = [i for i in ids if i in cited]
        obs_ids = {i for i in ids if i in observed}
        role = "both" if prior_ids and obs_ids else "prior" if prior_ids else "observation"
        stripped = without_claims(prior, prior_ids)
        unchanged = not obs_ids and all(stripped.slots[k].spec == s.spec for k, s in prior.slots.items())
        if unchanged:  # another claim still carries everything this lineage built
            rows.append(Influence(name, tuple(ids), role, dict(base), dict.fromkeys(HEADLINE, 0.0), base_khat))
            continue
        med, khat = _medians(prior, draws, seed, prior_ids, obs_ids, particles, None if prior_ids else every)
        change = {k: (med[k] - base[k]) / base[k] if base[k] else float("nan") for k in HEADLINE}
        rows.append(Influence(name, tuple(ids), role, med, change, khat))
    return sorted(rows, key=lambda r: -max((abs(v) for v in r.change.values() if np.isfinite(v)), default=0.0))
