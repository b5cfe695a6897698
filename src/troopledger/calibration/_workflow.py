"""Calibrating a prior: stream it with the observation targets kept, then weight it by the claims.

The prior is collected chunk by chunk (:func:`troopledger.model.collect`) with the
targets of the observations kept, weighted by Pareto-smoothed importance sampling,
and handed to likelihood tempering when the weights degenerate. The result holds
draws and weights; summaries are the job of :mod:`troopledger.analysis`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._contradictions import THRESHOLD
from troopledger.calibration._importance import Weights, importance_weights
from troopledger.calibration._observations import Observations, Skipped, compile_observations
from troopledger.calibration._tempering import temper
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Prior
from troopledger.model import (
    DEFAULT_CHUNK,
    STATE_USES,
    Chunk,
    Draws,
    Progress,
    collect,
    collect_chunks,
    run_draws,
)

__all__ = ["TEMPERING_PARTICLES", "Calibration", "calibrate", "particle_chunks"]

Array = NDArray[np.float64]

#: Particles for likelihood tempering (at most the number of draws asked for).
TEMPERING_PARTICLES = BLOCK


@dataclass
class Calibration:
    """A calibrated run: the prior draws, the posterior as weights or particles, and diagnostics."""

    method: str  # "importance", "tempering" or "none"
    observations: Observations  # the evidence used (claims that did not build the prior)
    skipped: list[Skipped]
    prior_draws: Draws
    weights: Weights | None = None  # PSIS weights of the prior draws (None: no observations)
    particles: Draws | None = None  # the tempering posterior's draws (equally weighted)
    tempering: dict[str, Any] = field(default_factory=dict)

    @property
    def posterior_weights(self) -> Array | None:
        """One weight per prior draw when the posterior is importance-weighted, else None."""
        return self.weights.weights if self.method == "importance" and self.weights is not None else None

    def diagnostics(self) -> dict[str, Any]:
        """The calibration section of the report: method, k-hat, ESS, claims used and skipped."""
        w = self.weights
        out: dict[str, Any] = {
            "method": self.method,
            "observations": self.observations.ids,
            "skipped": [{"claim": s.claim_id, "reason": s.reason} for s in self.skipped],
            "pareto_khat": None if w is None else w.khat,
            "importance_ess": None if w is None else w.ess,
            "log_evidence": None if w is None else w.log_evidence,
            "contradiction_threshold": THRESHOLD,
        }
        out.update(self.tempering)
        return out


def _conservation_gap(out: dict[str, Array]) -> float:
    landed = out["to_state"] + out["to_soldiers"] + out["to_families"]
    uses = sum((out[u] for u in STATE_USES), np.zeros_like(landed))
    gaps = (np.abs(out["paid_by_russia"] - landed), np.abs(out["to_state"] - uses))
    return float(max((g.max() for g in gaps if g.size), default=0.0))


def particle_chunks(prior: Prior, params: dict[str, Array]) -> Iterator[Chunk]:
    """Model chunks for explicit parameter arrays (tempering's particles)."""
    n = int(params["state_use_shares"].shape[0])
    for a in range(0, n, BLOCK):
        d = {k: v[a : a + BLOCK] for k, v in params.items()}
        out = run_draws(prior, d)
        yield Chunk(a, d, out, _conservation_gap(out))


def calibrate(
    prior: Prior,
    draws: int,
    seed: int,
    *,
    observations: Observations | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    particles: int = TEMPERING_PARTICLES,
) -> Calibration:
    """Prior draws, and the posterior given the prior's observation claims.

    ``observations`` are the prior's compiled claims (compiled here if not given);
    claims that built the prior are not used again. The posterior is
    importance-weighted prior draws when PSIS trusts the weights, else likelihood
    tempering with ``min(particles, draws)`` particles (at least 100).
    """
    every = compile_observations(prior) if observations is None else observations
    obs = every.evidence()
    skipped = every.skipped
    d = collect(prior, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress, observations=obs or None)
    if not obs:
        return Calibration("none", obs, skipped, d)
    if d.observed is None:
        raise CalibrationError("observation targets were not kept")
    w = importance_weights(obs.loglik(np.asarray(d.observed, dtype=np.float64)))
    if not w.degenerate:
        return Calibration("importance", obs, skipped, d, w)
    t = temper(prior, obs, max(100, min(particles, draws)), seed)
    pd = collect_chunks(prior, particle_chunks(prior, t.params), t.particles, seed, observations=obs)
    info = {
        "tempering_particles": t.particles,
        "tempering_stages": t.stages,
        "tempering_log_evidence": t.log_evidence,
        "tempering_mean_acceptance": float(np.mean(t.acceptance)) if t.acceptance else None,
        "tempering_distinct_share": float(np.unique(t.values[:, 0]).size / t.particles),
    }
    return Calibration("tempering", obs, skipped, d, w, pd, info)
