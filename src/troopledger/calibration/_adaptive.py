"""Adaptive importance sampling: the fitted proposal refitted to a few weighted draws of itself.

The tempering pilot's Gaussians locate the posterior but fit its shape loosely (on
the record case, with its dated hazard phases and roles, they leave about 1 % of the
draws effective). Each adaptive step (one step of population Monte Carlo, Cappé et
al. 2004) draws :data:`ADAPT_DRAWS` proposals from an independent stream of the run's
seed, weighs them like the run's own draws (robust likelihood x prior / proposal,
Pareto-smoothed) and refits every Gaussian to the weighted draws it is responsible
for: its weighted mean and covariance, widened :data:`ADAPT_WIDEN` times, with
:data:`ADAPT_DEFENSIVE` of the draws still from the widened prior. The run's draws
then come from the last proposal and are weighted as before, so the estimate stays
unbiased whatever the adaptation did; only its variance changes.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._importance import importance_weights
from troopledger.calibration._observations import Observations
from troopledger.calibration._proposal import Proposal
from troopledger.calibration._robust import RobustObservations
from troopledger.calibration._tempering import _Latent, model_values
from troopledger.evidence import Prior

__all__ = ["ADAPT_DEFENSIVE", "ADAPT_DRAWS", "ADAPT_STEPS", "ADAPT_WIDEN", "adapt"]

Array = NDArray[np.float64]

#: Adaptive steps run before the run's own draws.
ADAPT_STEPS = 2
#: Proposal draws weighed in each adaptive step (at most a quarter of the run's draws, at least 512).
ADAPT_DRAWS = 8192
#: The refitted Gaussians' standard deviations are the weighted draws' times this.
ADAPT_WIDEN = 1.2
#: Share of an adapted proposal's draws taken from the widened prior.
ADAPT_DEFENSIVE = 0.1
#: A refitted component's mean and covariance are shrunk towards its previous fit as if that fit were
#: this many effective draws per input (a component seen by few weighted draws changes little).
_PER_INPUT = 2
#: Draws per model run of an adaptive step (fixed, so the threads do not change the numbers).
_PIECE = 2048


def adapt(
    proposal: Proposal,
    prior: Prior,
    obs: Observations | RobustObservations,
    seed: int,
    *,
    steps: int = ADAPT_STEPS,
    draws: int = ADAPT_DRAWS,
    workers: int = 1,
) -> tuple[Proposal, list[float]]:
    """The proposal after ``steps`` adaptive steps of ``draws`` draws each, and each step's effective draws.

    Step ``i`` draws stream ``i`` of ``seed`` (:meth:`Proposal.draw`), so the run's own
    draws (stream 0) are untouched and the same seed gives the same proposal whatever
    the number of ``workers``. A component whose draws carry too few effective draws
    to estimate a covariance moves little from its last fit (shrinkage); a step whose
    weights are all zero ends the adaptation.
    """
    d = len(proposal.names)
    seen: list[float] = []
    if d == 0 or steps < 1 or len(obs) == 0:
        return proposal, seen
    q = proposal
    for step in range(1, steps + 1):
        z, shares, log_ratio = q.latent(prior, draws, seed, stream=step)
        values = _values(prior, obs, _Latent(prior).params(z, shares), workers)
        w = importance_weights(obs.loglik(values).sum(axis=1) + log_ratio)
        seen.append(w.ess)
        if w.ess < 2 or not math.isfinite(w.khat):
            break  # nothing to learn from: keep the proposal as it is
        q = _refit(q, w.weights, np.stack([z[k] for k in q.names], axis=1))
    return q, seen


def _values(prior: Prior, obs: Observations | RobustObservations, params: dict[str, Array], workers: int) -> Array:
    """The observation targets of every draw, the model run on pieces of fixed size (the same whatever ``workers``)."""
    n = int(params["state_use_shares"].shape[0])
    out = np.empty((n, len(obs)))

    def one(a: int) -> None:
        out[a : a + _PIECE] = model_values(prior, obs, {k: v[a : a + _PIECE] for k, v in params.items()})

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(one, range(0, n, _PIECE)))
    return out


def _refit(q: Proposal, w: Array, x: Array) -> Proposal:
    """Each Gaussian refitted to the weighted draws ``x`` it is responsible for (one step of PMC)."""
    d = x.shape[1]
    parts = []
    for m, c, p in zip(q.means, q.chols, q.mix, strict=True):
        y = np.linalg.solve(c, (x - m).T).T
        parts.append(math.log(p) - 0.5 * np.sum(y * y, axis=1) - float(np.sum(np.log(np.diag(c)))))
    lp = np.stack(parts, axis=1)
    r = np.exp(lp - lp.max(axis=1, keepdims=True))
    r /= r.sum(axis=1, keepdims=True)
    means, chols, mix = [], [], []
    n0 = _PER_INPUT * (d + 1)
    for k in range(r.shape[1]):
        wk = w * r[:, k]
        total = float(wk.sum())
        if total <= 0:
            continue  # no weight: the component is dropped
        ess = total * total / float(np.sum(wk * wk))
        share = wk / total
        mu = share @ x
        xc = x - mu
        cov = (xc * share[:, None]).T @ xc * ADAPT_WIDEN**2
        a = ess / (ess + n0)  # how far the weighted draws move the component from its last fit
        last = q.chols[k] @ q.chols[k].T
        dm = mu - q.means[k]
        mean = q.means[k] + a * dm
        # the mixture of the last fit and the weighted draws, as one Gaussian (the shift between them included)
        blend = a * cov + (1 - a) * last + a * (1 - a) * np.outer(dm, dm) + np.eye(d) * 1e-6
        means.append(mean)
        chols.append(np.linalg.cholesky(blend))
        mix.append(total)
    shares = np.asarray(mix) / np.sum(mix)
    return Proposal(q.names, np.stack(means), np.stack(chols), shares, ADAPT_DEFENSIVE, q.pilot)
