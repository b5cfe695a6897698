"""Likelihood tempering with resample-move: the posterior where importance weights degenerate.

Particles start as prior draws and the likelihood is switched on gradually,
``prior * L^beta`` for ``beta`` from 0 to 1. Each step picks the next ``beta`` so that
the incremental weights keep half the particles effective, resamples
(systematically), and moves every particle with a few preconditioned Crank-Nicolson
steps in the prior's standard-normal coordinates (``theta = F^-1(Phi(z))`` per
parameter), which leave the prior invariant, so the acceptance ratio is the
likelihood ratio alone. Everything is vectorised over particles; the model runs on
all particles at once, in blocks.

Parameters no observation depends on (the state's Dirichlet uses) ride along with
their particle unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.calibration._importance import effective_sample_size, log_mean_exp
from troopledger.calibration._observations import Observations
from troopledger.calibration._robust import RobustObservations
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Constant, Distribution, Mixture, Prior, block_rng
from troopledger.model import run_draws

__all__ = ["Tempered", "model_values", "temper"]

Array = NDArray[np.float64]

_MAX_STAGES = 200
#: The prior map is tabulated on this grid of standard-normal values and interpolated.
_Z_GRID = np.linspace(-9.0, 9.0, 6001)
_STEP = float(_Z_GRID[1] - _Z_GRID[0])


@dataclass
class Tempered:
    """Equally weighted posterior particles and how the sampler got there."""

    params: dict[str, Array]  # every parameter, (particles,); state_use_shares (particles, 4)
    values: Array  # modelled observation targets, (particles, observations)
    log_evidence: float
    stages: int
    acceptance: list[float] = field(default_factory=list)
    betas: list[float] = field(default_factory=list)
    latent: dict[str, Array] = field(default_factory=dict)  # standard normals behind each free parameter

    @property
    def particles(self) -> int:
        """Number of particles."""
        return int(self.values.shape[0])


def model_values(
    prior: Prior, obs: Observations | RobustObservations, params: dict[str, Array], workers: int = 1
) -> Array:
    """Run the model on explicit parameter arrays, in blocks, and read off the observation targets.

    The model is a function of each draw alone, so the draws are cut into ``workers``
    parts run on as many threads, with the same values whatever the cut.
    """
    n = int(params["state_use_shares"].shape[0])
    out = np.empty((n, len(obs)), dtype=np.float64)
    step = min(BLOCK, max(1, -(-n // max(workers, 1))))

    def one(a: int) -> None:
        b = min(a + step, n)
        d = {k: v[a:b] for k, v in params.items()}
        out[a:b] = obs.values(run_draws(prior, d), d)

    starts = range(0, n, step)
    if workers > 1 and len(starts) > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(one, starts))
    else:
        for a in starts:
            one(a)
    return out


class _Latent:
    """The prior written as a map from independent standard normals to parameters."""

    def __init__(self, prior: Prior) -> None:
        self.prior = prior
        dists = prior.distributions
        self.free: dict[str, Distribution] = {k: d for k, d in dists.items() if not isinstance(d, Constant)}
        # theta(z) = F^-1(Phi(z)) once per parameter on a fine grid: exact ppfs (betas,
        # mixtures) are far slower than interpolation, and the sampler only needs a
        # fixed monotone map whose image of N(0, 1) is the prior.
        maps = {k: _grid_map(d) for k, d in self.free.items()}
        self.tables = {k: t for k, (t, _) in maps.items()}
        self.slopes = {k: s for k, (_, s) in maps.items()}
        self.fixed = {k: float(d.value) for k, d in dists.items() if isinstance(d, Constant)}
        self.shares = prior.state_uses

    def initial(self, seed: int, n: int) -> tuple[dict[str, Array], Array]:
        """Standard normals for every free parameter and Dirichlet shares, block by block."""
        z = {k: np.empty(n) for k in self.free}
        shares = np.empty((n, len(self.shares.alphas)))
        for blk, a in enumerate(range(0, n, BLOCK)):
            b = min(a + BLOCK, n)
            for k in self.free:
                z[k][a:b] = block_rng(seed, blk, f"tempering:{k}").standard_normal(b - a)
            shares[a:b] = self.shares.sample(block_rng(seed, blk, "tempering:state_use_shares"), b - a)
        return z, shares

    def params(self, z: dict[str, Array], shares: Array) -> dict[str, Array]:
        """Parameter arrays for latent normals ``z`` (constants filled in)."""
        n = shares.shape[0]
        out: dict[str, Array] = {}
        for k, table in self.tables.items():
            out[k] = _on_grid(np.asarray(z[k], dtype=np.float64), table, self.slopes[k])
        for k, v in self.fixed.items():
            out[k] = np.full(n, v)
        out["state_use_shares"] = shares
        return out


def _on_grid(z: Array, table: Array, slopes: Array) -> Array:
    """``np.interp(z, _Z_GRID, table)``, bit for bit, finding each interval by arithmetic on the even grid.

    ``np.interp`` searches the 6,001 grid points for every value; on an even grid the
    interval is one division away (checked against the grid points, so rounding cannot
    pick a neighbour), and the line through it is ``interp``'s own arithmetic.
    """
    if not np.all(np.isfinite(table)):
        return np.asarray(np.interp(z, _Z_GRID, table), dtype=np.float64)
    last = _Z_GRID.size - 2
    with np.errstate(invalid="ignore"):  # a NaN's index is a placeholder: interp's NaN comes out all the same
        j = np.floor((z - _Z_GRID[0]) * (1.0 / _STEP)).astype(np.intp)
    np.clip(j, 0, last, out=j)
    j -= z < _Z_GRID[j]
    np.clip(j, 0, last, out=j)
    j += z >= _Z_GRID[j + 1]
    np.clip(j, 0, last, out=j)
    out = slopes[j] * (z - _Z_GRID[j]) + table[j]
    out = np.where(z < _Z_GRID[0], table[0], out)
    return np.asarray(np.where(z >= _Z_GRID[-1], table[-1], out), dtype=np.float64)


def _grid_map(d: Distribution) -> tuple[Array, Array]:
    """:func:`_table` of ``d`` and the slopes between its grid points, read-only, computed once per distribution.

    A calibration maps latent normals through the same prior a dozen times (graph,
    pilot, proposal, adaptive steps, the run's draws): the tables, each thousands of
    exact ppfs, are the same every time. Distributions that cannot be hashed are tabulated anew.
    """
    try:
        return _cached_grid_map(cast(Hashable, d))
    except TypeError:  # an unhashable distribution (a caller's own): no cache
        return _new_grid_map(d)


@lru_cache(maxsize=1024)
def _cached_grid_map(d: Hashable) -> tuple[Array, Array]:
    return _new_grid_map(cast(Distribution, d))


def _new_grid_map(d: Distribution) -> tuple[Array, Array]:
    table = np.array(_table(d), dtype=np.float64)  # its own copy, whatever the ppf returned
    slopes = np.diff(table) / np.diff(_Z_GRID)
    table.flags.writeable = slopes.flags.writeable = False  # shared by every _Latent of the distribution
    return table, slopes


def _table(d: Distribution) -> Array:
    """``F^-1(Phi(z))`` on :data:`_Z_GRID`, resolving the tails of mixtures too.

    A mixture's own ``ppf`` pools its components on an even grid of probabilities,
    which stops at about the 1/8,000 quantile; a posterior pulled into a tail would
    pile up there. Here the components are pooled on the normal grid instead.
    """
    u = special.ndtr(_Z_GRID)
    if not isinstance(d, Mixture):
        return _finite(np.asarray(d.ppf(u), dtype=np.float64))
    du = np.gradient(u)
    vals = np.concatenate([np.asarray(c.ppf(u), dtype=np.float64) for c in d.components])
    mass = np.concatenate([p * du for p in d.probabilities])
    order = np.argsort(vals, kind="stable")
    v, m = vals[order], mass[order]
    cm = np.cumsum(m) - m / 2
    cm /= cm[-1] + m[-1] / 2
    return _finite(np.asarray(np.interp(u, cm, v), dtype=np.float64))


def _finite(table: Array) -> Array:
    """The table with infinite ends (a probability rounded to 0 or 1) held at the last finite value."""
    ok = np.isfinite(table)
    if ok.all() or not ok.any():
        return table
    return np.asarray(np.interp(_Z_GRID, _Z_GRID[ok], table[ok]), dtype=np.float64)


def _next_beta(ll: Array, beta: float, target: float) -> float:
    """The largest step in ``beta`` (up to 1) keeping the incremental ESS at ``target`` particles."""

    def ess(b: float) -> float:
        lw = (b - beta) * ll
        return effective_sample_size(np.exp(lw - lw.max()))

    if ess(1.0) >= target:
        return 1.0
    lo, hi = beta, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if ess(mid) >= target:
            lo = mid
        else:
            hi = mid
    return max(lo, beta + 1e-9)


def _systematic(rng: np.random.Generator, w: Array, n: int) -> NDArray[np.int64]:
    """Systematic resampling: ``n`` indices drawn in proportion to ``w``."""
    c = np.cumsum(w / w.sum())
    c[-1] = 1.0
    u = (rng.random() + np.arange(n)) / n
    return np.asarray(np.searchsorted(c, u, side="right"), dtype=np.int64)


def temper(
    prior: Prior,
    obs: Observations | RobustObservations,
    particles: int,
    seed: int,
    *,
    ess_fraction: float = 0.5,
    moves: int = 5,
    workers: int = 1,
) -> Tempered:
    """Sample the posterior of ``prior`` given ``obs`` by likelihood tempering with resample-move.

    The model runs on ``workers`` threads (same particles whatever the number).
    """
    if len(obs) == 0:
        raise CalibrationError("tempering needs at least one observation")
    if particles < 100:
        raise CalibrationError(f"tempering needs at least 100 particles, got {particles}")
    if not 0.05 <= ess_fraction < 1.0:
        raise CalibrationError(f"ess_fraction must be in [0.05, 1), got {ess_fraction}")
    latent = _Latent(prior)
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(int(seed), spawn_key=(0x7E4D,))))
    z, shares = latent.initial(seed, particles)
    values = model_values(prior, obs, latent.params(z, shares), workers)
    ll = obs.loglik(values).sum(axis=1)
    if not np.isfinite(ll).any():
        raise CalibrationError("every particle has zero likelihood: the observations rule out the whole prior")
    beta, log_z, rho = 0.0, 0.0, 0.5
    betas: list[float] = []
    acceptance: list[float] = []
    while beta < 1.0:
        if len(betas) >= _MAX_STAGES:
            raise CalibrationError(f"tempering did not reach the posterior in {_MAX_STAGES} stages")
        nb = _next_beta(np.where(np.isfinite(ll), ll, -1e300), beta, ess_fraction * particles)
        lw = (nb - beta) * ll
        log_z += float(log_mean_exp(lw))
        idx = _systematic(rng, np.exp(lw - np.max(lw)), particles)
        z = {k: v[idx] for k, v in z.items()}
        shares, values, ll = shares[idx], values[idx], ll[idx]
        beta = nb
        betas.append(beta)
        for _ in range(moves):
            s = math.sqrt(1.0 - rho * rho)
            prop = {k: s * v + rho * rng.standard_normal(particles) for k, v in z.items()}
            pv = model_values(prior, obs, latent.params(prop, shares), workers)
            pll = obs.loglik(pv).sum(axis=1)
            with np.errstate(invalid="ignore"):
                accept = np.log(rng.random(particles)) < beta * (pll - ll)
            rate = float(accept.mean())
            acceptance.append(rate)
            for k in z:
                z[k] = np.where(accept, prop[k], z[k])
            values = np.where(accept[:, None], pv, values)
            ll = np.where(accept, pll, ll)
            rho = min(0.95, rho * 1.3) if rate > 0.4 else max(0.02, rho * 0.6) if rate < 0.15 else rho
    return Tempered(latent.params(z, shares), values, log_z, len(betas), acceptance, betas, z)
