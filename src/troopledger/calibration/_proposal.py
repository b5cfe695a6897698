"""Posterior draws by defensive importance sampling from a proposal fitted by a tempering pilot.

A short likelihood-tempering run (:func:`~troopledger.calibration.temper`,
:data:`PILOT_PARTICLES` particles) finds where the posterior lies. In the latent
standard normals of the parameters that observations depend on, a Gaussian is fitted
to each reading of the pilot's particles and widened (:data:`WIDEN`); the proposal
is that mixture mixed with the prior itself (:data:`DEFENSIVE` of the draws), so
every weight is at most ``likelihood / DEFENSIVE`` and no region of the prior goes
unexplored. Every
other parameter is drawn from its prior and never weighted, so it keeps its prior.

The run then draws as many proposals as the user asked for draws: accuracy grows
with ``--draws``. Weights are ``likelihood x prior / proposal`` (Pareto-smoothed);
the Monte Carlo error of any figure is estimated from :data:`BATCHES` batches of the
draws (batch means).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.calibration._observations import Observations
from troopledger.calibration._robust import RobustObservations
from troopledger.calibration._tempering import Tempered, _Latent, temper
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Prior, block_rng

__all__ = [
    "BATCHES",
    "DEFENSIVE",
    "DEFENSIVE_SCALE",
    "MIN_GROUP",
    "PILOT_MOVES",
    "PILOT_PARTICLES",
    "SPLIT_CLAIMS",
    "WIDEN",
    "Proposal",
    "batch_error",
    "fit_proposal",
]

Array = NDArray[np.float64]

#: Particles of the tempering pilot that locates the posterior.
PILOT_PARTICLES = 2048
#: Crank-Nicolson moves per tempering stage of the pilot.
PILOT_MOVES = 5
#: Share of proposal draws taken from the prior itself (a floor under every region).
DEFENSIVE = 0.3
#: The defensive share is drawn from the prior's latent normals widened by this factor (more draws in its tails).
DEFENSIVE_SCALE = 2.0
#: The fitted Gaussian's standard deviations are the pilot's times this.
WIDEN = 1.5
#: Batches of draws behind the Monte Carlo error estimates.
BATCHES = 10
#: A reading of the pilot's particles gets its own Gaussian when it holds at least this share of them.
MIN_GROUP = 0.03
#: Readings of the pilot are told apart by at most this many claims, the most contested first.
SPLIT_CLAIMS = 3


@dataclass(frozen=True)
class Proposal:
    """A defensive proposal over the case's parameters, and the pilot that fitted it.

    In the latent normals of ``names`` it is ``defensive`` times the prior plus a
    mixture of Gaussians (one per reading of the pilot's particles, weighted by its
    share of them); every other latent coordinate is drawn from the prior.
    """

    names: tuple[str, ...]  # latent coordinates the Gaussians cover (the observed parameters)
    means: Array  # (components, d)
    chols: Array  # (components, d, d), lower Cholesky factors of the covariances
    mix: Array  # (components,), sums to one
    defensive: float
    pilot: Tempered | None

    def draw(self, prior: Prior, draws: int, seed: int, stream: int = 0) -> tuple[dict[str, Array], Array]:
        """Parameter arrays for ``draws`` proposals and ``log(prior / proposal)`` of each.

        Unweighted coordinates come block by block from generators keyed on ``seed``
        and the block; the weighted ones from a Sobol sequence scrambled by ``seed``.
        Either way the same seed gives the same draws however they are later chunked.
        ``stream`` picks an independent set of draws for the same seed (0: the run's own;
        the adaptive steps of :mod:`troopledger.calibration._adaptive` use 1, 2, ...).
        """
        z, shares, log_ratio = self.latent(prior, draws, seed, stream)
        return _Latent(prior).params(z, shares), log_ratio

    def latent(self, prior: Prior, draws: int, seed: int, stream: int = 0) -> tuple[dict[str, Array], Array, Array]:
        """The latent normals, state-use shares and ``log(prior / proposal)`` behind :meth:`draw`.

        The prior is standard normal in these coordinates whatever the case, so the
        same latent draws mapped through another prior (a scenario) keep their ratio.
        """
        latent = _Latent(prior)
        free = sorted(latent.free)
        d = len(self.names)
        # the inputs nothing observes come from the Sobol points too when there are weighted ones
        rest = [k for k in free if k not in self.names] if d else []
        z = {k: np.empty(draws) for k in free}
        shares = np.empty((draws, len(latent.shares.alphas)))
        tag = "proposal" if stream == 0 else f"proposal{stream}"
        for blk, a in enumerate(range(0, draws, BLOCK)):
            b = min(a + BLOCK, draws)
            if not d:
                for k in free:
                    z[k][a:b] = block_rng(seed, blk, f"{tag}:{k}").standard_normal(b - a)
            shares[a:b] = latent.shares.sample(block_rng(seed, blk, f"{tag}:state_use_shares"), b - a)
        if d == 0:
            return z, shares, np.zeros(draws)
        # Every latent normal comes from one scrambled Sobol sequence (randomised
        # quasi-Monte Carlo): one point per draw picks the component and its normals,
        # and gives the inputs no claim observes their prior normals, evenly spread.
        from scipy.stats import qmc  # heavy import, only needed here

        key = (0x50B0,) if stream == 0 else (0x50B0, int(stream))
        rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(int(seed), spawn_key=key)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a length that is not a power of two is fine here
            pts = qmc.Sobol(d + 1 + len(rest), scramble=True, seed=rng).random(draws)
        normals = special.ndtri(np.clip(pts[:, 1:], 1e-12, 1 - 1e-12))
        for i, k in enumerate(rest):
            z[k] = np.ascontiguousarray(normals[:, d + i])
        u = pts[:, 0]
        e = np.ascontiguousarray(normals[:, :d])
        comp = np.searchsorted(np.cumsum(self.mix), (u - self.defensive) / (1 - self.defensive), side="right")
        comp = np.minimum(comp, len(self.mix) - 1)
        # component by component: the same sums as gathering a factor per draw, without a (draws, d, d) copy
        g = np.empty_like(e)
        for c in range(len(self.mix)):
            rows = comp == c
            g[rows] = self.means[c] + np.einsum("ij,nj->ni", self.chols[c], e[rows])
        x = np.where((u >= self.defensive)[:, None], g, DEFENSIVE_SCALE * e)
        for i, k in enumerate(self.names):
            z[k] = np.ascontiguousarray(x[:, i])
        return z, shares, self._log_ratio(x)

    def _log_ratio(self, x: Array) -> Array:
        """``log(phi(x) / q(x))``: ``q`` is ``defensive`` of ``N(0, scale^2)`` and the rest the fitted mixture."""
        d = len(self.names)
        half_log_2pi = 0.5 * d * math.log(2 * math.pi)
        log_phi = -0.5 * np.sum(x * x, axis=1) - half_log_2pi
        s2 = DEFENSIVE_SCALE * DEFENSIVE_SCALE
        log_wide = -0.5 * np.sum(x * x, axis=1) / s2 - half_log_2pi - d * math.log(DEFENSIVE_SCALE)
        parts = [math.log(self.defensive) + log_wide]
        for m, c, w in zip(self.means, self.chols, self.mix, strict=True):
            y = np.linalg.solve(c, (x - m).T).T
            log_det = float(np.sum(np.log(np.diag(c))))
            parts.append(
                math.log1p(-self.defensive) + math.log(w) - 0.5 * np.sum(y * y, axis=1) - log_det - half_log_2pi
            )
        log_q = np.logaddexp.reduce(np.stack(parts), axis=0)
        return np.asarray(log_phi - log_q, dtype=np.float64)


def _gaussian(x: Array, widen: float) -> tuple[Array, Array]:
    """Mean and widened Cholesky factor of the particles ``x`` (n, d)."""
    cov = np.atleast_2d(np.cov(x, rowvar=False)) * widen**2
    cov += np.eye(x.shape[1]) * 1e-6  # a parameter the pilot pinned still gets some room
    return np.asarray(x.mean(axis=0), dtype=np.float64), np.asarray(np.linalg.cholesky(cov), dtype=np.float64)


def fit_proposal(
    prior: Prior,
    obs: Observations | RobustObservations,
    observed: Sequence[str],
    seed: int,
    *,
    particles: int = PILOT_PARTICLES,
    defensive: float = DEFENSIVE,
    widen: float = WIDEN,
    workers: int = 1,
) -> Proposal:
    """Run the tempering pilot and fit the proposal over the latent normals of ``observed`` parameters.

    With robust observations the pilot's particles are grouped by reading (which of
    the :data:`SPLIT_CLAIMS` most contested claims each makes more likely wrong than
    right); every reading holding at least :data:`MIN_GROUP` of the particles gets its
    own Gaussian, so a posterior split between stories is covered in each of them.
    The pilot's model runs use ``workers`` threads (same numbers).
    """
    if not 0.0 < defensive < 1.0:
        raise CalibrationError(f"the defensive share must be in (0, 1), got {defensive}")
    free = set(_Latent(prior).free)
    names = tuple(sorted(k for k in observed if k in free))
    if not names or len(obs) == 0:
        return Proposal((), np.zeros((0, 0)), np.zeros((0, 0, 0)), np.zeros(0), defensive, None)
    pilot = temper(prior, obs, particles, seed, moves=PILOT_MOVES, workers=workers)
    x = np.stack([pilot.latent[k] for k in names], axis=1)
    groups = [np.ones(x.shape[0], dtype=bool)]
    if isinstance(obs, RobustObservations):
        p_wrong = np.exp(obs.log_wrong(pilot.values))
        mean = p_wrong.mean(axis=0)
        doubt = np.minimum(mean, 1.0 - mean)
        split = [j for j in np.argsort(-doubt, kind="stable")[:SPLIT_CLAIMS] if doubt[j] >= MIN_GROUP]
        wrong = p_wrong[:, split] > 0.5
        keys = wrong.astype(np.int64) @ (1 << np.arange(len(split), dtype=np.int64))
        found = [keys == k for k in np.unique(keys)]
        big = [g for g in found if g.sum() >= max(MIN_GROUP * x.shape[0], 2 * len(names) + 10)]
        if len(big) > 1:
            groups = big
    fits = [_gaussian(x[g], widen) for g in groups]
    mix = np.array([g.sum() for g in groups], dtype=np.float64)
    return Proposal(
        names,
        np.stack([m for m, _ in fits]),
        np.stack([c for _, c in fits]),
        mix / mix.sum(),
        defensive,
        pilot,
    )


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
