"""Posterior weights for prior draws: Pareto-smoothed importance sampling, with diagnostics.

The prior draws are the proposal and the observations' likelihood is the weight.
PSIS (:mod:`troopledger.calibration._psis`) smooths the largest weights with a generalised Pareto fit; its shape
``k-hat`` says whether the weights can be trusted (below 0.7: yes). When they
cannot, :mod:`troopledger.calibration._tempering` takes over.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.calibration._psis import psis
from troopledger.calibration._selection import SELECT_FROM, order_keys, select_quantiles
from troopledger.errors import CalibrationError

__all__ = [
    "KHAT_MAX",
    "MIN_ESS",
    "Weights",
    "effective_sample_size",
    "importance_weights",
    "log_mean_exp",
    "post_stratify",
    "unobserved_latents",
    "weighted_quantiles",
]

Array = NDArray[np.float64]

#: Pareto k-hat above which importance weights are not trusted (Vehtari et al. 2024).
KHAT_MAX = 0.7
#: Fewer effective draws than this (or than 1 % of the draws) also counts as degenerate.
MIN_ESS = 400


@dataclass(frozen=True)
class Weights:
    """Normalised posterior weights over draws and how far they can be trusted."""

    weights: Array  # (draws,), sums to 1
    khat: float
    ess: float
    draws: int
    log_evidence: float  # log of the mean likelihood over the prior draws

    @property
    def degenerate(self) -> bool:
        """True when k-hat or the effective sample size says the weights cannot be used."""
        return not (self.khat <= KHAT_MAX) or self.ess < min(MIN_ESS, 0.01 * self.draws) or self.ess < 2


def log_mean_exp(a: Array, axis: int = 0) -> Array:
    """``log(mean(exp(a)))`` along ``axis`` without underflow (``-inf`` where every term is 0)."""
    a = np.asarray(a, dtype=np.float64)
    m = np.max(a, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        out = np.log(np.mean(np.exp(a - m), axis=axis, keepdims=True)) + m
    return np.asarray(np.squeeze(out, axis=axis), dtype=np.float64)


def effective_sample_size(weights: Array) -> float:
    """Kish's effective sample size ``(sum w)^2 / sum w^2``."""
    w = np.asarray(weights, dtype=np.float64)
    s = float(w.sum())
    return s * s / float(np.sum(w * w)) if s > 0 else 0.0


def importance_weights(loglik: Array) -> Weights:
    """Pareto-smoothed importance weights from per-draw log-likelihoods.

    ``loglik`` is ``(draws,)`` (already summed over observations) or ``(draws, k)``
    (summed here). The draws must come from the prior, independently.
    """
    ll = np.asarray(loglik, dtype=np.float64)
    if ll.ndim == 2:
        ll = ll.sum(axis=1)
    if ll.ndim != 1 or ll.size < 2:
        raise CalibrationError(f"need log-likelihoods for at least two draws, got shape {np.shape(loglik)}")
    if np.isnan(ll).any() or np.isposinf(ll).any():
        raise CalibrationError("log-likelihoods must be finite or -inf")
    if not np.isfinite(ll).any():
        raise CalibrationError("every draw has zero likelihood: the observations rule out the whole prior")
    log_z = float(log_mean_exp(ll))
    finite = np.isfinite(ll)
    if ll.size < 10 or finite.sum() < 10:
        w = np.exp(ll - ll[finite].max())
        w /= w.sum()
        return Weights(w, math.inf, effective_sample_size(w), ll.size, log_z)
    if float(np.ptp(ll[finite])) < 1e-12 and finite.all():  # equal weights: no tail to fit
        w = np.full(ll.size, 1.0 / ll.size)
        return Weights(w, 0.0, float(ll.size), ll.size, log_z)
    lw = np.where(finite, ll, ll[finite].min() - 800.0)  # PSIS needs finite input; these stay ~0
    slw, khat = psis(lw)
    w = np.exp(slw - slw.max())
    w[~finite] = 0.0
    w /= w.sum()
    return Weights(w, khat, effective_sample_size(w), ll.size, log_z)


#: Equal-probability bins of each unobserved input's latent normal that post-stratification balances.
STRATA = 8
_RAKING_ROUNDS = 4


def unobserved_latents(z: Mapping[str, Array], observed: Collection[str]) -> list[Array]:
    """The latent normals of the inputs outside ``observed``, in name order (none if nothing is observed)."""
    return [z[k] for k in sorted(z) if k not in observed] if observed else []


def post_stratify(w: Weights, latent: list[Array]) -> Weights:
    """The weights raked so each input no claim observes keeps its prior exactly, bin by bin.

    ``latent`` holds the standard normals behind the inputs that no observation
    depends on: their posterior is their prior, independent of the rest, so in each of
    :data:`STRATA` equal-probability bins of each such normal the posterior's mass is
    exactly ``1 / STRATA``. The weighted draws miss that by sampling noise; scaling
    the weights bin by bin (iterative proportional fitting, a few rounds) removes it,
    which steadies any figure such an input moves (a share with a point mass at zero,
    say) without touching what the claims decide. k-hat stays the smoothing's.
    """
    if not latent or w.weights.size < 10 * STRATA:
        return w
    edges = special.ndtri(np.arange(1, STRATA) / STRATA)
    bins = [np.searchsorted(edges, np.asarray(z, dtype=np.float64), side="right") for z in latent]
    v = w.weights.copy()
    for _ in range(_RAKING_ROUNDS):
        for b in bins:
            mass = np.bincount(b, weights=v, minlength=STRATA)
            if np.any(mass <= 0):
                return w  # an empty bin: nothing to balance it with
            v *= (1.0 / STRATA) / mass[b]
    v /= v.sum()
    return Weights(v, w.khat, effective_sample_size(v), w.draws, w.log_evidence)


def weighted_quantiles(
    x: NDArray[np.floating[Any]], q: tuple[float, ...], weights: NDArray[np.floating[Any]] | None = None
) -> Array:
    """Quantiles of ``x`` along axis 0, weighted if ``weights`` is given (linear interpolation)."""
    if weights is None:
        return np.asarray(np.quantile(np.asarray(x, dtype=float), q, axis=0), dtype=np.float64)
    w = np.asarray(weights, dtype=float)
    if np.ndim(x) == 2:
        picked = _by_selection(np.asarray(x), w, q)
        if picked is not None:
            return picked
        # columns become contiguous rows: each is sorted, summed and interpolated at once
        order, xs = _sorted_rows(np.asarray(x))
        ws = w[order]
        cw = np.cumsum(ws, axis=1) - 0.5 * ws
        cw /= np.sum(w)
        return np.stack([_interp_rows(qq, cw, xs) for qq in q])
    v = np.asarray(x, dtype=np.float64)
    if v.ndim == 1 and SELECT_FROM <= v.size < 2**62 and not np.isnan(v).any():
        picked = select_quantiles(order_keys(v), v, w, float(np.sum(w)), tuple(q))
        if picked is not None:
            return picked
    if v.ndim == 1:
        order = np.argsort(v, kind="stable")  # ties in row order, as the selection above
        xs, ws = v[order], w[order]
        cw = np.cumsum(ws) - 0.5 * ws
        cw /= np.sum(w)
        return np.asarray(np.interp(q, cw, xs), dtype=np.float64)
    raise CalibrationError(f"weighted quantiles need one or two dimensions, got {v.ndim}")


def _by_selection(x: NDArray[Any], w: Array, q: tuple[float, ...]) -> Array | None:
    """Weighted quantiles of each single-precision column, sorting only the draws near each quantile.

    None when the columns are not single precision, hold NaNs or are short: then
    every column is sorted whole. A column whose selection fails is sorted whole too.
    """
    if x.dtype != np.float32 or x.shape[0] < SELECT_FROM or x.shape[0] >= 2**32 or np.isnan(x).any():
        return None
    xt = np.ascontiguousarray(x.T)
    keys = order_keys(xt)
    total = float(np.sum(w))
    out = np.empty((len(q), xt.shape[0]))
    whole: list[int] = []
    one = keys.min(axis=1) == keys.max(axis=1)  # a month of one value (a role not yet arrived)
    for r in range(xt.shape[0]):
        got = np.full(len(q), float(xt[r, 0]) + 0.0) if one[r] else select_quantiles(keys[r], xt[r], w, total, q)
        if got is None:
            whole.append(r)
        else:
            out[:, r] = got
    if whole:
        order, xs = _sorted_rows(x[:, whole])
        ws = w[order]
        cw = np.cumsum(ws, axis=1) - 0.5 * ws
        cw /= np.sum(w)
        out[:, whole] = np.stack([_interp_rows(qq, cw, xs) for qq in q])
    return out


def _sorted_rows(x: NDArray[Any]) -> tuple[NDArray[np.intp], Array]:
    """Each column of ``x`` sorted, as rows: the draw order and the sorted values (float64).

    Single-precision columns (the monthly paths) are sorted as one 64-bit integer key
    per value, its order-preserving bits above its row number: a plain integer sort,
    about twice as fast as an argsort, and ties keep their row order.
    """
    xt = np.ascontiguousarray(x.T)
    n = xt.shape[1]
    if xt.dtype == np.float32 and n < 2**32 and not np.isnan(xt).any():
        bits = (xt + np.float32(0.0)).view(np.uint32)  # adding zero turns -0.0 into 0.0
        # positive floats order as their bits with the sign bit set; negative ones with every bit flipped
        bits = bits ^ np.where(bits >> 31 == 1, np.uint32(0xFFFFFFFF), np.uint32(0x80000000))
        # a row of one value (a month before a role arrives) keeps its row order: no sort needed
        moving = np.flatnonzero(bits.min(axis=1) != bits.max(axis=1)) if n else np.arange(0)
        order = np.broadcast_to(np.arange(n, dtype=np.intp), xt.shape).copy()
        if moving.size:
            key = (bits[moving].astype(np.uint64) << np.uint64(32)) | np.arange(n, dtype=np.uint64)
            key.sort(axis=1)
            order[moving] = (key & np.uint64(0xFFFFFFFF)).astype(np.intp)
    else:
        order = np.argsort(xt, axis=1)
    return order, np.take_along_axis(xt, order, axis=1).astype(np.float64)


def _interp_rows(qq: float, cw: NDArray[np.floating[Any]], xs: NDArray[np.floating[Any]]) -> Array:
    """``np.interp(qq, cw[j], xs[j])`` for every row ``j`` at once, with the same arithmetic."""
    n = cw.shape[1]
    rows = np.arange(cw.shape[0])
    j = np.count_nonzero(cw <= qq, axis=1) - 1  # the last point at or below qq, as interp's search
    inner = np.clip(j, 0, max(n - 2, 0))
    x0, x1 = cw[rows, inner], cw[rows, np.minimum(inner + 1, n - 1)]
    f0, f1 = xs[rows, inner], xs[rows, np.minimum(inner + 1, n - 1)]
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (f1 - f0) / (x1 - x0) * (qq - x0) + f0
    out = np.where(j < 0, xs[:, 0], out)
    out = np.where(j >= n - 1, xs[:, -1], out)
    return np.asarray(out, dtype=np.float64)
