"""A second run's posterior on the first run's posterior draws: paired, then reweighted.

A calibrated run draws its posterior from a proposal in latent standard normals
(:meth:`~troopledger.calibration.Proposal.latent`), where every case's prior is the
same standard normal. Mapping the *same* latent draws through a second prior (a
scenario, ``--set`` overrides, another case) gives that run's parameters draw by
draw: inputs both runs share get identical values, a changed input gets the value at
the same quantile of its new prior (common random numbers). Since the prior ratio in
latent space does not depend on the case, the second run's weights are the first
run's ``log(prior / proposal)`` plus the second run's own robust log-likelihood of its
claims: an exact importance-sampling estimate of the second run's posterior, whose
effective sample size says how far the second posterior is from the first. As in
:func:`~troopledger.calibration.calibrate`, the weights are then post-stratified over
the inputs none of the second run's claims observe (their posterior is their prior).
"""

from __future__ import annotations

import numpy as np

from troopledger.calibration._graph import dependency_graph
from troopledger.calibration._importance import Weights, importance_weights, post_stratify, unobserved_latents
from troopledger.calibration._observations import compile_observations
from troopledger.calibration._robust import ALL_WRONG, RobustObservations, with_doubt
from troopledger.calibration._tempering import _Latent
from troopledger.calibration._workflow import Calibration, particle_chunks
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Prior, block_rng
from troopledger.model import Draws, collect_chunks

__all__ = ["paired_posterior"]


def paired_posterior(
    prior: Prior, calibration: Calibration, seed: int, *, workers: int = 1, all_wrong: float = ALL_WRONG
) -> tuple[Draws, Weights]:
    """``prior``'s posterior on the draws of ``calibration`` (a calibrated run with ``seed``), paired draw by draw."""
    cal = calibration
    if cal.proposal is None or cal.doubted is None or cal.posterior_draws is None:
        raise CalibrationError("a paired posterior needs a calibrated run to pair with")
    draws = cal.posterior_draws.draws
    z, shares, log_ratio = cal.proposal.latent(cal.doubted, draws, seed)
    doubted = with_doubt(prior, all_wrong)
    latent = _Latent(doubted)
    missing = [k for k in sorted(latent.free) if k not in z]
    redraw_shares = tuple(latent.shares.alphas) != tuple(cal.doubted.state_uses.alphas)
    for blk, a in enumerate(range(0, draws, BLOCK)):
        b = min(a + BLOCK, draws)
        for k in missing:  # an input only this run has: drawn from its prior, as the proposal draws one
            z.setdefault(k, np.empty(draws))[a:b] = block_rng(seed, blk, f"proposal:{k}").standard_normal(b - a)
        if redraw_shares:
            shares[a:b] = latent.shares.sample(block_rng(seed, blk, "proposal:state_use_shares"), b - a)
    params = latent.params(z, shares)
    every = compile_observations(prior)
    evidence = every.evidence()
    claims_all = compile_observations(doubted, claims=[o.claim for o in every.items])
    robust_all = RobustObservations.build(claims_all)
    cols = [claims_all.ids.index(i) for i in evidence.ids]
    pd = collect_chunks(doubted, particle_chunks(doubted, params, workers), draws, seed, observations=claims_all)
    if pd.observed is None:
        raise CalibrationError("observation targets were not kept")
    ll, _ = robust_all.both(np.asarray(pd.observed, dtype=np.float64))
    robust = RobustObservations(claims_all.subset(evidence.ids), tuple(robust_all.p_right[j] for j in cols))
    observed = {k for k in set().union(*dependency_graph(doubted, robust, seed).values()) if k in latent.free}
    return pd, post_stratify(importance_weights(ll[:, cols].sum(axis=1) + log_ratio), unobserved_latents(z, observed))
