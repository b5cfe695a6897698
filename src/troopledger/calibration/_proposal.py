"""Posterior draws by defensive importance sampling from a proposal fitted by a tempering pilot.

A short likelihood-tempering run (:func:`~troopledger.calibration.temper`,
:data:`PILOT_PARTICLES` particles) finds where the posterior lies. In the latent
standard normals of the parameters that observations depend on, a Gaussian is fitted
to the pilot's particles and widened (:data:`WIDEN`); the proposal is that Gaussian
mixed with the prior itself (:data:`DEFENSIVE` of the draws), so every weight is at
most ``likelihood / DEFENSIVE`` and no region of the prior goes unexplored. Every
other parameter is drawn from its prior and never weighted, so it keeps its prior.

The run then draws as many proposals as the user asked for draws: accuracy grows
with ``--draws``. Weights are ``likelihood x prior / proposal`` (Pareto-smoothed);
the Monte Carlo error of any figure is estimated from :data:`BATCHES` batches of the
draws (batch means).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._observations import Observations
from troopledger.calibration._robust import RobustObservations
from troopledger.calibration._tempering import Tempered, _Latent, temper
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Prior, block_rng

__all__ = ["BATCHES", "DEFENSIVE", "PILOT_PARTICLES", "WIDEN", "Proposal", "batch_error", "fit_proposal"]

Array = NDArray[np.float64]

#: Particles of the tempering pilot that locates the posterior.
PILOT_PARTICLES = 2048
#: Share of proposal draws taken from the prior itself (a floor under every region).
DEFENSIVE = 0.2
#: The fitted Gaussian's standard deviations are the pilot's times this.
WIDEN = 1.5
#: Batches of draws behind the Monte Carlo error estimates.
BATCHES = 10


@dataclass(frozen=True)
class Proposal:
    """A defensive proposal over the case's parameters, and the pilot that fitted it."""

    names: tuple[str, ...]  # latent coordinates the Gaussian covers (the observed parameters)
    mean: Array  # (d,)
    chol: Array  # (d, d), lower Cholesky factor of the covariance
    defensive: float
    pilot: Tempered | None

    def draw(self, prior: Prior, draws: int, seed: int) -> tuple[dict[str, Array], Array]:
        """Parameter arrays for ``draws`` proposals and ``log(prior / proposal)`` of each.

        Draws come block by block from generators keyed on ``seed`` and the block, so
        the same seed gives the same draws however they are later chunked.
        """
        latent = _Latent(prior)
        free = sorted(latent.free)
        z = {k: np.empty(draws) for k in free}
        shares = np.empty((draws, len(latent.shares.alphas)))
        log_ratio = np.zeros(draws)
        d = len(self.names)
        for blk, a in enumerate(range(0, draws, BLOCK)):
            b = min(a + BLOCK, draws)
            n = b - a
            for k in free:
                z[k][a:b] = block_rng(seed, blk, f"proposal:{k}").standard_normal(n)
            shares[a:b] = latent.shares.sample(block_rng(seed, blk, "proposal:state_use_shares"), n)
            if d == 0:
                continue
            fitted = block_rng(seed, blk, "proposal:component").random(n) >= self.defensive
            e = block_rng(seed, blk, "proposal:gaussian").standard_normal((n, d))
            g = self.mean + e @ self.chol.T
            x = np.stack([z[k][a:b] for k in self.names], axis=1)
            x = np.where(fitted[:, None], g, x)
            for i, k in enumerate(self.names):
                z[k][a:b] = x[:, i]
            log_ratio[a:b] = self._log_ratio(x)
        return latent.params(z, shares), log_ratio

    def _log_ratio(self, x: Array) -> Array:
        """``log(phi(x) / q(x))`` with ``q = defensive * phi + (1 - defensive) * N(mean, cov)``."""
        d = len(self.names)
        log_phi = -0.5 * np.sum(x * x, axis=1) - 0.5 * d * math.log(2 * math.pi)
        y = np.linalg.solve(self.chol, (x - self.mean).T).T
        log_det = float(np.sum(np.log(np.diag(self.chol))))
        log_g = -0.5 * np.sum(y * y, axis=1) - log_det - 0.5 * d * math.log(2 * math.pi)
        log_q = np.logaddexp(math.log(self.defensive) + log_phi, math.log1p(-self.defensive) + log_g)
        return np.asarray(log_phi - log_q, dtype=np.float64)


def fit_proposal(
    prior: Prior,
    obs: Observations | RobustObservations,
    observed: Sequence[str],
    seed: int,
    *,
    particles: int = PILOT_PARTICLES,
    defensive: float = DEFENSIVE,
    widen: float = WIDEN,
) -> Proposal:
    """Run the tempering pilot and fit the proposal over the latent normals of ``observed`` parameters."""
    if not 0.0 < defensive < 1.0:
        raise CalibrationError(f"the defensive share must be in (0, 1), got {defensive}")
    free = set(_Latent(prior).free)
    names = tuple(sorted(k for k in observed if k in free))
    if not names or len(obs) == 0:
        return Proposal((), np.zeros(0), np.zeros((0, 0)), defensive, None)
    pilot = temper(prior, obs, particles, seed)
    x = np.stack([pilot.latent[k] for k in names], axis=1)
    mean = x.mean(axis=0)
    cov = np.atleast_2d(np.cov(x, rowvar=False)) * widen**2
    cov += np.eye(len(names)) * 1e-6  # a parameter the pilot pinned still gets some room
    chol = np.asarray(np.linalg.cholesky(cov), dtype=np.float64)
    return Proposal(names, np.asarray(mean, dtype=np.float64), chol, defensive, pilot)


def batch_error(estimate: Callable[[slice], float], draws: int, batches: int = BATCHES) -> tuple[float, float]:
    """Monte Carlo error by batch means: the estimate on each contiguous batch, their sd / sqrt(batches).

    Returns ``(standard_error, spread)`` where ``spread`` is the batches' own sd.
    """
    if batches < 2 or draws < 2 * batches:
        raise CalibrationError(f"need at least {2 * batches} draws for {batches} batches, got {draws}")
    edges = np.linspace(0, draws, batches + 1).astype(int)
    values = np.array([estimate(slice(int(a), int(b))) for a, b in pairwise(edges)])
    sd = float(np.std(values, ddof=1))
    return sd / math.sqrt(batches), sd
