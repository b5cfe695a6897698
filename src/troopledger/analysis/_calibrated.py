"""Calibrating a case: stream the prior, weight it by the claims, find contradictions.

This is the orchestration around :mod:`troopledger.calibration`'s array functions:
the prior is collected chunk by chunk with the observation targets kept, weighted
by Pareto-smoothed importance sampling, and handed to likelihood tempering when the
weights degenerate. Contradictions are scanned pair by pair, each pair on the prior
without the claims under test.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._summary import Draws, Summary, collect, collect_chunks, summarize_draws
from troopledger.calibration import (
    THRESHOLD,
    Contradiction,
    Observations,
    Skipped,
    Weights,
    compile_observations,
    explain,
    importance_weights,
    joint_statistic,
    temper,
    with_reference,
)
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Case
from troopledger.model import STATE_USES, Chunk, flows, inputs_from_draws
from troopledger.model._simulate import DEFAULT_CHUNK, Progress

__all__ = [
    "CONTRADICTION_DRAWS",
    "TEMPERING_PARTICLES",
    "Calibration",
    "calibrate",
    "contradiction_statistic",
    "find_contradictions",
    "has_observations",
]

Array = NDArray[np.float64]

#: Particles for likelihood tempering (at most the number of draws asked for).
TEMPERING_PARTICLES = BLOCK
#: Prior draws behind each background of the contradiction scan.
CONTRADICTION_DRAWS = BLOCK


@dataclass
class Calibration:
    """A calibrated run: prior and posterior summaries, diagnostics and contradictions."""

    prior: Summary
    posterior: Summary | None
    method: str  # "importance", "tempering" or "none"
    observations: list[str]
    skipped: list[Skipped]
    weights: Weights | None = None
    tempering: dict[str, Any] = field(default_factory=dict)
    contradictions: list[Contradiction] = field(default_factory=list)
    prior_draws: Draws | None = None
    #: tempering's equally weighted particles (None for importance weights or no posterior)
    posterior_draws: Draws | None = None

    def posterior_sample(self) -> tuple[Draws, Array | None]:
        """Draws of the posterior and their weights (None: equal weights); the prior when uncalibrated."""
        if self.posterior_draws is not None:
            return self.posterior_draws, None
        if self.prior_draws is None:
            raise CalibrationError("the calibration kept no draws")
        weights = self.weights.weights if self.method == "importance" and self.weights is not None else None
        return self.prior_draws, weights

    def diagnostics(self) -> dict[str, Any]:
        """The calibration section of the report: method, k-hat, ESS, claims used and skipped."""
        w = self.weights
        out: dict[str, Any] = {
            "method": self.method,
            "observations": self.observations,
            "skipped": [{"claim": s.claim_id, "reason": s.reason} for s in self.skipped],
            "pareto_khat": None if w is None else w.khat,
            "importance_ess": None if w is None else w.ess,
            "log_evidence": None if w is None else w.log_evidence,
            "contradiction_threshold": THRESHOLD,
        }
        out.update(self.tempering)
        return out


def has_observations(case: Case) -> bool:
    """True when some claim of the case can weight its prior (a derived quantity, not a prior input)."""
    return len(compile_observations(case, include_parameter_claims=False)) > 0


def _conservation_gap(out: dict[str, Array]) -> float:
    landed = out["to_state"] + out["to_soldiers"] + out["to_families"]
    uses = sum((out[u] for u in STATE_USES), np.zeros_like(landed))
    gaps = (np.abs(out["paid_by_russia"] - landed), np.abs(out["to_state"] - uses))
    return float(max((g.max() for g in gaps if g.size), default=0.0))


def _particle_chunks(case: Case, params: dict[str, Array]) -> Iterator[Chunk]:
    """Model chunks for explicit parameter arrays (tempering's particles)."""
    n = int(params["state_use_shares"].shape[0])
    for a in range(0, n, BLOCK):
        d = {k: v[a : a + BLOCK] for k, v in params.items()}
        x = inputs_from_draws(case, d)
        if case.pay_by_rank:
            d["pay_per_soldier_month"] = x.pay_per_soldier_month
        out = flows(x, case.months)
        yield Chunk(a, d, out, _conservation_gap(out))


def calibrate(
    case: Case,
    draws: int,
    seed: int,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    particles: int = TEMPERING_PARTICLES,
    contradictions: bool = True,
) -> Calibration:
    """Prior summary, posterior given the case's observation claims, and contradictions.

    Claims that built the prior are not used again as observations. The posterior is
    importance-weighted prior draws when PSIS trusts the weights, else likelihood
    tempering with ``min(particles, draws)`` particles (at least 100).
    """
    obs = compile_observations(case, include_parameter_claims=False)
    d = collect(case, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress, observations=obs or None)
    prior = summarize_draws(d)
    found = find_contradictions(case, seed=seed) if contradictions else []
    skipped = compile_observations(case).skipped + obs.skipped
    skipped = list({s.claim_id: s for s in skipped}.values())
    if not obs:
        return Calibration(prior, None, "none", [], skipped, contradictions=found, prior_draws=d)
    if d.observed is None:
        raise CalibrationError("observation targets were not kept")
    w = importance_weights(obs.loglik(np.asarray(d.observed, dtype=np.float64)))
    if not w.degenerate:
        post = summarize_draws(d, w.weights)
        return Calibration(prior, post, "importance", obs.ids, skipped, w, contradictions=found, prior_draws=d)
    t = temper(case, obs, max(100, min(particles, draws)), seed)
    pd = collect_chunks(case, _particle_chunks(case, t.params), t.particles, seed, observations=obs)
    post = summarize_draws(pd)
    post.draws = draws  # the run's size; the particles are its effective draws
    info = {
        "tempering_particles": t.particles,
        "tempering_stages": t.stages,
        "tempering_log_evidence": t.log_evidence,
        "tempering_mean_acceptance": float(np.mean(t.acceptance)) if t.acceptance else None,
        "tempering_distinct_share": float(np.unique(t.values[:, 0]).size / t.particles),
    }
    return Calibration(prior, post, "tempering", obs.ids, skipped, w, info, found, d, pd)


def _background(
    case: Case, drop: Sequence[str], obs: Observations, draws: int, seed: int
) -> tuple[Draws, Observations]:
    """Prior draws with the parameters in ``drop`` at their reference priors, every target kept."""
    bg = with_reference(case, drop) if drop else case
    bobs = compile_observations(bg, claims=[o.claim for o in obs.items])
    return collect(bg, draws, seed, monthly_cap=1, observations=bobs), bobs


def _all_params(d: Draws) -> dict[str, Array]:
    return {**d.params, **{k: np.full(d.draws, v) for k, v in d.constants.items()}}


def contradiction_statistic(
    case: Case, claim_ids: Sequence[str], *, draws: int = CONTRADICTION_DRAWS, seed: int = 0
) -> tuple[float, float]:
    """``C`` and its standard error for any set of claims (see :mod:`troopledger.calibration._contradictions`)."""
    obs = compile_observations(case)
    missing = [c for c in claim_ids if c not in obs.ids]
    if missing or len(claim_ids) < 2:
        raise CalibrationError(f"need two or more usable claims; not usable: {', '.join(missing) or 'none given'}")
    about = {o.parameter for o in obs.items if o.id in claim_ids and o.parameter}
    d, bobs = _background(case, sorted(about), obs, draws, seed)
    if d.observed is None:
        raise CalibrationError("observation targets were not kept")
    ll = bobs.loglik(np.asarray(d.observed, dtype=np.float64))
    cols = [bobs.ids.index(c) for c in claim_ids]
    return joint_statistic(ll[:, cols])


def find_contradictions(
    case: Case, *, draws: int = CONTRADICTION_DRAWS, seed: int = 0, threshold: float = THRESHOLD
) -> list[Contradiction]:
    """Every pair of claims the model makes jointly far less probable than each alone, worst first.

    Pairs of claims about two different parameters are not tested: the prior keeps
    parameters independent, so such a pair cannot contradict without a third claim.
    """
    obs = compile_observations(case)
    groups: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for i, j in combinations(range(len(obs)), 2):
        a, b = obs.items[i], obs.items[j]
        if a.parameter and b.parameter and a.parameter != b.parameter:
            continue
        drop = tuple(sorted({o.parameter for o in (a, b) if o.parameter}))
        groups.setdefault(drop, []).append((i, j))
    found: list[Contradiction] = []
    for drop, pairs in groups.items():
        d, bobs = _background(case, drop, obs, draws, seed)
        if d.observed is None:
            continue
        values = np.asarray(d.observed, dtype=np.float64)
        ll = bobs.loglik(values)
        params = _all_params(d)
        col = {oid: k for k, oid in enumerate(bobs.ids)}
        for i, j in pairs:
            a, b = obs.items[i], obs.items[j]
            if a.id not in col or b.id not in col:
                continue
            if a.parameter and not b.parameter:
                a, b = b, a  # describe the derived quantity where the parameter claim holds
            cols = [col[a.id], col[b.id]]
            try:
                stat, se = joint_statistic(ll[:, cols])
            except CalibrationError:
                continue
            if stat >= threshold:
                continue
            kind = "disagreement" if a.parameter and a.parameter == b.parameter else "arithmetic"
            text = explain(bobs.items[cols[0]], bobs.items[cols[1]], values[:, cols], ll[:, cols], params, stat)
            found.append(Contradiction((a.id, b.id), stat, se, threshold, text, kind))
    return sorted(found, key=lambda c: c.statistic)
