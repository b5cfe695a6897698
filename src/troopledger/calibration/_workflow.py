"""Calibrating a prior: claims that may be wrong, weighed by importance sampling that scales with draws.

1. The prior is collected chunk by chunk (:func:`troopledger.model.collect`): the
   run's prior summary and sensitivity baseline.
2. The claims that built the prior keep a chance of all being wrong
   (:func:`~troopledger.calibration.with_doubt`); every other usable claim is an
   observation with a robust likelihood
   (:class:`~troopledger.calibration.RobustObservations`).
3. The parameters the observations depend on are read off the model
   (:func:`~troopledger.calibration.dependency_graph`); a tempering pilot fits a
   defensive proposal over them (:func:`~troopledger.calibration.fit_proposal`), and
   as many proposals as the run has draws are weighted by ``likelihood x prior /
   proposal``. Parameters nothing observes are drawn from their prior, unweighted.
4. The posterior then gives each claim its probability of being wrong, the Monte
   Carlo error of the headline figures (batch means) and, where the evidence
   splits, the coherent readings with their weights
   (:func:`~troopledger.calibration.readings`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger._progress import Stages, quiet
from troopledger.calibration._adaptive import ADAPT_DRAWS, ADAPT_STEPS, adapt
from troopledger.calibration._checks import (
    ClaimCheck,
    StructuralMisfit,
    check_claims,
    judge_claims,
    structural_misfits,
)
from troopledger.calibration._contradictions import THRESHOLD
from troopledger.calibration._graph import dependency_graph
from troopledger.calibration._importance import (
    Weights,
    importance_weights,
    post_stratify,
    unobserved_latents,
    weighted_quantiles,
)
from troopledger.calibration._observations import Observations, Skipped, compile_observations
from troopledger.calibration._proposal import PILOT_PARTICLES, Proposal, batch_error, fit_proposal
from troopledger.calibration._readings import readings
from troopledger.calibration._robust import ALL_WRONG, RobustObservations, with_doubt
from troopledger.calibration._tempering import _Latent
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Prior
from troopledger.model import (
    DEFAULT_CHUNK,
    HEADLINE_TOTALS,
    STATE_USES,
    Chunk,
    Draws,
    Executor,
    PoolExecutor,
    Progress,
    SerialExecutor,
    collect,
    collect_chunks,
    run_draws,
)

__all__ = [
    "HEADLINE_TOTALS",
    "TEMPERING_PARTICLES",
    "Calibration",
    "Posterior",
    "calibrate",
    "particle_chunks",
    "posterior",
]

Array = NDArray[np.float64]

#: Particles of the tempering pilot (kept under its old name for callers of the API).
TEMPERING_PARTICLES = PILOT_PARTICLES
_STATS = {"p5": 0.05, "p50": 0.5, "p95": 0.95}


@dataclass
class Calibration:
    """A calibrated run: prior draws, weighted posterior draws, and what the posterior says of each claim."""

    method: str  # "robust importance" or "none"
    observations: Observations  # the evidence used (claims that did not build the prior)
    skipped: list[Skipped]
    prior_draws: Draws
    weights: Weights | None = None  # weights of the posterior draws
    posterior_draws: Draws | None = None
    wrong: dict[str, float] = field(default_factory=dict)  # claim id -> posterior probability of being wrong
    right_prior: dict[str, float] = field(default_factory=dict)  # claim id -> prior probability of being right
    mc_error: dict[str, dict[str, float]] = field(default_factory=dict)  # total -> statistic -> standard error
    readings: list[dict[str, Any]] = field(default_factory=list)
    sampler: dict[str, Any] = field(default_factory=dict)
    log_weights: Array | None = None  # raw log weights of the posterior draws, before smoothing
    log_ratio: Array | None = None  # log(prior / proposal) of each posterior draw (raw weights less the likelihood)
    robust: RobustObservations | None = None  # every compiled claim's robust error model (posterior_draws.observed)
    checks: list[ClaimCheck] = field(default_factory=list)  # each claim against the model's predictive distribution
    misfits: list[StructuralMisfit] = field(default_factory=list)  # assumptions independent claims agree against
    proposal: Proposal | None = None  # the proposal the posterior draws came from
    doubted: Prior | None = None  # the prior it weighs against (claims-built inputs kept in doubt)

    @property
    def posterior_weights(self) -> Array | None:
        """One weight per posterior draw (None: not calibrated)."""
        return None if self.weights is None else self.weights.weights

    def diagnostics(self) -> dict[str, Any]:
        """The calibration section of the report: method, k-hat, ESS, errors, claims used and skipped."""
        w = self.weights
        out: dict[str, Any] = {
            "method": self.method,
            "observations": self.observations.ids,
            "skipped": [{"claim": s.claim_id, "reason": s.reason} for s in self.skipped],
            "pareto_khat": None if w is None else w.khat,
            "importance_ess": None if w is None else w.ess,
            "log_evidence": None if w is None else w.log_evidence,
            "contradiction_threshold": THRESHOLD,
            "all_claims_wrong_prior": ALL_WRONG,
            "claims_right_prior": self.right_prior,
            "claims_wrong_posterior": self.wrong,
            "mc_error": self.mc_error,
            "readings": self.readings,
            "claim_checks": [c.as_dict() for c in self.checks],
            "structural_misfits": [m.as_dict() for m in self.misfits],
            "claim_judgements": judge_claims(self.checks, self.misfits, self.wrong),
        }
        out.update(self.sampler)
        return out


def _conservation_gap(out: dict[str, Array]) -> float:
    landed = out["to_state"] + out["to_soldiers"] + out["to_families"]
    uses = sum((out[u] for u in STATE_USES), np.zeros_like(landed))
    gaps = (np.abs(out["paid_by_russia"] - landed), np.abs(out["to_state"] - uses))
    return float(max((g.max() for g in gaps if g.size), default=0.0))


def particle_chunks(prior: Prior, params: dict[str, Array], workers: int = 1) -> Iterator[Chunk]:
    """Model chunks for explicit parameter arrays (a sampler's draws), in order, on ``workers`` threads."""
    n = int(params["state_use_shares"].shape[0])

    def one(a: int) -> Chunk:
        d = {k: v[a : a + BLOCK] for k, v in params.items()}
        out = run_draws(prior, d)
        return Chunk(a, d, out, _conservation_gap(out))

    with PoolExecutor(workers, "thread") if workers > 1 else SerialExecutor() as ex:
        yield from ex.map(one, range(0, n, BLOCK))


def _mc_error(d: Draws, w: Array) -> dict[str, dict[str, float]]:
    """Batch-means standard error of each headline total's 5th, 50th and 95th percentile."""
    out: dict[str, dict[str, float]] = {}
    for name in HEADLINE_TOTALS:
        x = np.asarray(d.totals[name], dtype=np.float64)
        out[name] = {}
        for stat, q in _STATS.items():

            def est(s: slice, q: float = q, x: Array = x) -> float:
                return float(weighted_quantiles(x[s], (q,), w[s])[0]) if w[s].sum() > 0 else float("nan")

            out[name][stat] = batch_error(est, d.draws)[0]
    return out


def calibrate(
    prior: Prior,
    draws: int,
    seed: int,
    *,
    observations: Observations | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    particles: int = PILOT_PARTICLES,
    all_wrong: float = ALL_WRONG,
    right: Mapping[str, float] | None = None,
    executor: Executor | None = None,
    stages: Stages | None = None,
) -> Calibration:
    """Prior draws, and the posterior given the prior's observation claims, robust to wrong claims.

    ``observations`` are the prior's compiled claims (compiled here if not given);
    claims that built the prior are not used again as observations, but keep a
    chance ``all_wrong`` of all being wrong. ``right`` overrides the prior
    probability that a claim is right (claim id -> probability). ``particles`` sizes
    the tempering pilot; the posterior has ``draws`` weighted draws. ``executor``
    runs the prior's chunks elsewhere (local processes, a Dask cluster), same numbers.
    ``stages`` hears each stage after the prior draws (pilot, proposal draws, weights).
    """
    say = quiet(stages)
    every = compile_observations(prior) if observations is None else observations
    obs = every.evidence()
    skipped = every.skipped
    d = collect(prior, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress, executor=executor)
    if not obs:
        return Calibration("none", obs, skipped, d)
    post = _posterior(prior, every, draws, seed, workers, particles, all_wrong, right, say)
    doubted, claims_all, robust_all, ev_cols = post.doubted, post.claims_all, post.robust_all, post.ev_cols
    observed, proposal, log_ratio, pd = post.observed, post.proposal, post.log_ratio, post.draws
    values, ll_all, log_wrong, raw, w = post.values, post.ll_all, post.log_wrong, post.raw, post.weights
    wrong = robust_all.wrong_probability(values, w.weights, log_wrong=log_wrong)
    checks = check_claims(robust_all, values, w.weights, ev_cols, ll_all)
    sampler: dict[str, Any] = {
        "observed_parameters": observed,
        "pilot_particles": 0 if proposal.pilot is None else proposal.pilot.particles,
        "pilot_stages": 0 if proposal.pilot is None else proposal.pilot.stages,
        "proposal_defensive_share": proposal.defensive,
        "adaptive_steps": len(post.adaptive_ess),
        "adaptive_draws": post.adaptive_draws,
        "adaptive_ess": post.adaptive_ess,
    }
    return Calibration(
        "robust importance",
        obs,
        skipped,
        d,
        w,
        pd,
        wrong,
        dict(zip(claims_all.ids, robust_all.p_right, strict=True)),
        _mc_error(pd, w.weights),
        readings(log_wrong, w.weights, claims_all.ids, pd.totals, pd.params),
        sampler,
        raw,
        log_ratio,
        robust_all,
        checks,
        structural_misfits(robust_all, checks, values, w.weights, ev_cols, ll_all),
        proposal,
        doubted,
    )


@dataclass(frozen=True)
class Posterior:
    """The posterior step of :func:`calibrate` alone: proposal draws weighted by the robust likelihood.

    ``params`` are every input of each draw as the model reads them (``draws.params``
    keeps only the one-value-a-draw ones); ``weights`` are Pareto-smoothed.
    """

    observations: Observations  # the evidence used
    skipped: list[Skipped]
    doubted: Prior
    claims_all: Observations
    robust_all: RobustObservations
    ev_cols: list[int]
    observed: list[str]
    proposal: Proposal
    params: dict[str, Array]
    log_ratio: Array
    draws: Draws
    values: Array
    ll_all: Array
    log_wrong: Array
    raw: Array
    weights: Weights
    adaptive_ess: list[float] = field(default_factory=list)  # effective draws of each adaptive step
    adaptive_draws: int = 0  # draws of each adaptive step


def _posterior(
    prior: Prior,
    every: Observations,
    draws: int,
    seed: int,
    workers: int,
    particles: int,
    all_wrong: float,
    right: Mapping[str, float] | None,
    say: Stages,
) -> Posterior:
    """The weighted proposal draws of :func:`calibrate`, from the prior's compiled claims ``every``."""
    obs = every.evidence()
    if draws < 100:
        raise CalibrationError(f"a calibrated run needs at least 100 draws, got {draws}")
    doubted = with_doubt(prior, all_wrong)
    claims_all = compile_observations(doubted, claims=[o.claim for o in every.items])
    robust_all = RobustObservations.build(claims_all, overrides=right)
    ev_cols = [claims_all.ids.index(i) for i in obs.ids]
    robust = RobustObservations(claims_all.subset(obs.ids), tuple(robust_all.p_right[j] for j in ev_cols))
    say.begin("calibration: which inputs the claims observe")
    graph = dependency_graph(doubted, robust, seed)
    observed = sorted(set().union(*graph.values()))
    say.begin("calibration: tempering pilot and proposal")
    proposal = fit_proposal(doubted, robust, observed, seed, particles=max(100, min(particles, draws)), workers=workers)
    say.begin("calibration: adapting the proposal")
    adapt_draws = min(ADAPT_DRAWS, max(draws // 4, 512))  # a fraction of a small run's draws
    proposal, adapted = adapt(proposal, doubted, robust, seed, steps=ADAPT_STEPS, draws=adapt_draws, workers=workers)
    say.begin("calibration: proposal draws", draws)
    z, shares, log_ratio = proposal.latent(doubted, draws, seed)
    params = _Latent(doubted).params(z, shares)
    chunks = particle_chunks(doubted, params, workers)
    pd = collect_chunks(doubted, chunks, draws, seed, observations=claims_all)
    say.advance(draws)
    say.begin("calibration: weights and wrong claims")
    if pd.observed is None:
        raise CalibrationError("observation targets were not kept")
    values = np.asarray(pd.observed, dtype=np.float64)
    # the evidence's robust likelihoods are columns of every claim's: computed once
    ll_all, log_wrong = robust_all.both(values)
    raw = ll_all[:, ev_cols].sum(axis=1) + log_ratio
    unobserved = unobserved_latents(z, set(proposal.names))
    return Posterior(
        obs,
        every.skipped,
        doubted,
        claims_all,
        robust_all,
        ev_cols,
        observed,
        proposal,
        params,
        log_ratio,
        pd,
        values,
        ll_all,
        log_wrong,
        raw,
        # inputs no claim observes keep their prior exactly: the weights are balanced over them
        post_stratify(importance_weights(raw), unobserved),
        adapted,
        adapt_draws,
    )


def posterior(
    prior: Prior,
    draws: int,
    seed: int,
    *,
    observations: Observations | None = None,
    workers: int = 1,
    particles: int = PILOT_PARTICLES,
    all_wrong: float = ALL_WRONG,
    right: Mapping[str, float] | None = None,
) -> Posterior | None:
    """The posterior draws and weights :func:`calibrate` computes with the same arguments, and nothing else.

    No prior run, no per-claim judgements: for a caller that only resamples the posterior
    (a ledger's soldier stream). None when the prior has no claims to weigh it by.
    """
    every = compile_observations(prior) if observations is None else observations
    if not every.evidence():
        return None
    return _posterior(prior, every, draws, seed, workers, particles, all_wrong, right, quiet(None))
