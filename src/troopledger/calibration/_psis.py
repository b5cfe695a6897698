"""Pareto-smoothed importance sampling (PSIS): tame the heaviest importance weights.

The largest importance ratios are replaced by the expected order statistics of a
generalized Pareto distribution fitted to the right tail (Vehtari, Simpson, Gelman,
Yao and Gabry 2024, "Pareto smoothed importance sampling", JMLR 25(72)); the fitted
shape ``k`` says how far the weights can be trusted (above 0.7, not at all). The
tail is fitted with the empirical-Bayes estimator of Zhang and Stephens (2009) and a
weak prior on ``k``, as the paper and ArviZ do; tests check the result equals
``arviz.psislw``. It is written out here because importing ArviZ (with matplotlib,
pandas and xarray behind it) took more than a second of a report's ten.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

__all__ = ["psis"]

Array = NDArray[np.float64]

#: The prior of the tail fit: weight of the Zhang-Stephens prior on ``b`` and prior count for ``k`` = 0.5.
_PRIOR_B, _PRIOR_K = 3, 10


def _fit_tail(tail: Array) -> tuple[float, float]:
    """Shape and scale of a generalized Pareto distribution fitted to sorted exceedances (Zhang-Stephens)."""
    n = tail.size
    m = 30 + int(n**0.5)
    b = 1 - np.sqrt(m / (np.arange(1, m + 1, dtype=float) - 0.5))
    b /= _PRIOR_B * tail[int(n / 4 + 0.5) - 1]
    b += 1 / tail[-1]
    k = np.log1p(-b[:, None] * tail).mean(axis=1)
    profile = n * (np.log(-(b / k)) - k - 1)
    weight = 1 / np.exp(profile - profile[:, None]).sum(axis=1)
    real = weight >= 10 * np.finfo(float).eps  # candidates of negligible posterior weight drop out
    weight, b = weight[real], b[real]
    weight /= weight.sum()
    b_mean = float(np.sum(b * weight))
    k_mean = float(np.log1p(-b_mean * tail).mean())
    sigma = -k_mean / b_mean
    return (n * k_mean + _PRIOR_K * 0.5) / (n + _PRIOR_K), sigma


def _tail_quantiles(p: Array, k: float, sigma: float) -> Array:
    """Quantiles ``p`` (all inside (0, 1)) of the generalized Pareto distribution with shape ``k``, scale ``sigma``."""
    if sigma <= 0:
        return np.full_like(p, np.nan)
    if abs(k) < np.finfo(float).eps:
        return np.asarray(-np.log1p(-p) * sigma, dtype=np.float64)
    return np.asarray(np.expm1(-k * np.log1p(-p)) / k * sigma, dtype=np.float64)


def psis(log_weights: Array) -> tuple[Array, float]:
    """Smoothed, normalised log weights (summing to one in probability) and the Pareto shape k-hat.

    The tail is the largest ``min(n / 5, 3 sqrt(n))`` raw weights (independent draws,
    relative efficiency one); with five or fewer in it, nothing is smoothed and k-hat
    is infinite.
    """
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):  # inf and 0 are meant, as in ArviZ
        return _psis(np.array(log_weights, dtype=np.float64))


def _psis(x: Array) -> tuple[Array, float]:
    n = x.size
    cut = -math.ceil(min(n / 5.0, 3 * n**0.5)) - 1
    x -= np.max(x)
    cutoff = max(float(x[np.argsort(x)[cut]]), float(np.log(np.finfo(float).tiny)))
    (inds,) = np.nonzero(x > cutoff)
    k = math.inf
    if inds.size > 4:
        order = np.argsort(x[inds])
        excess = np.exp(x[inds]) - math.exp(cutoff)
        k, sigma = _fit_tail(excess[order])
        if math.isfinite(k):
            smooth = _tail_quantiles(np.arange(0.5, inds.size) / inds.size, k, sigma)
            x[inds[order]] = np.log(smooth + math.exp(cutoff))
            x[x > 0] = 0  # no smoothed weight above the largest raw one
    top = np.max(x)
    return x - (np.log(np.sum(np.exp(x - top))) + top), float(k)
