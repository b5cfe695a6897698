"""Uncertain quantities: small, seeded, vectorised distributions.

Every distribution draws ``n`` values at once from an explicit
:class:`numpy.random.Generator` (never a global one) and, where it is univariate,
also exposes its quantile function ``ppf`` so that rank correlation between inputs
can later be imposed through a copula on the uniforms.

Conventions (also in ``docs/conventions.md``):

* ``to(a, b)`` is a **90 % interval**: ``a`` is the 5th and ``b`` the 95th
  percentile. Positive amounts get a lognormal, shares (quantities in [0, 1]) a
  beta fitted to the same two percentiles.
* ``point(x, spread)`` is "about x": lognormal (beta for shares) whose 90 %
  interval is ``x / (1 + spread)`` to ``x * (1 + spread)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "Z90",
    "Beta",
    "Constant",
    "Dirichlet",
    "Distribution",
    "LogNormal",
    "Mixture",
    "Normal",
    "Pert",
    "Uniform",
    "beta_to",
    "point",
    "to",
]

#: Half-width of a 90 % interval in sd units: ``scipy.special.ndtri(0.95)`` to the last bit (a test checks),
#: written out so that importing the estimator's language does not import scipy.
Z90 = 1.6448536269514722
Kind = Literal["amount", "share"]
Array = NDArray[np.float64]


@runtime_checkable
class Distribution(Protocol):
    """A univariate uncertain quantity that draws vectors from an explicit generator."""

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        """Draw ``n`` independent values."""
        ...

    def ppf(self, u: Array) -> Array:
        """Quantile function: the values at probabilities ``u``."""
        ...

    def describe(self) -> str:
        """A short human-readable statement of the distribution."""
        ...


def _fmt(x: float) -> str:
    """Four significant digits, with thousands separators for large values: 11,000; 0.874."""
    if abs(x) >= 1000:
        return f"{float(f'{x:.4g}'):,.0f}"
    return f"{x:.4g}"


def _check_finite(**values: float) -> None:
    for name, v in values.items():
        if not math.isfinite(v):
            raise ValueError(f"{name} must be a finite number, got {v!r}")


@dataclass(frozen=True)
class Constant:
    """A known value: every draw is the same."""

    value: float

    def __post_init__(self) -> None:
        _check_finite(value=self.value)

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        return np.full(n, float(self.value))

    def ppf(self, u: Array) -> Array:
        return np.full(np.shape(u), float(self.value))

    def describe(self) -> str:
        return f"fixed {_fmt(self.value)}"


@dataclass(frozen=True)
class LogNormal:
    """Lognormal with log-mean ``mu`` and log-sd ``sigma``; the default for positive amounts."""

    mu: float
    sigma: float

    def __post_init__(self) -> None:
        _check_finite(mu=self.mu, sigma=self.sigma)
        if self.sigma < 0:
            raise ValueError(f"sigma must be >= 0, got {self.sigma}")

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        return np.exp(self.mu + self.sigma * rng.standard_normal(n))

    def ppf(self, u: Array) -> Array:
        from scipy import special

        return np.asarray(np.exp(self.mu + self.sigma * special.ndtri(u)), dtype=np.float64)

    def describe(self) -> str:
        lo, hi = math.exp(self.mu - Z90 * self.sigma), math.exp(self.mu + Z90 * self.sigma)
        return f"lognormal, 90% interval {_fmt(lo)} to {_fmt(hi)}"


@dataclass(frozen=True)
class Normal:
    """Normal with mean and sd; for quantities that may be negative."""

    mean: float
    sd: float

    def __post_init__(self) -> None:
        _check_finite(mean=self.mean, sd=self.sd)
        if self.sd < 0:
            raise ValueError(f"sd must be >= 0, got {self.sd}")

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        return self.mean + self.sd * rng.standard_normal(n)

    def ppf(self, u: Array) -> Array:
        from scipy import special

        return np.asarray(self.mean + self.sd * special.ndtri(u), dtype=np.float64)

    def describe(self) -> str:
        return f"normal, 90% interval {_fmt(self.mean - Z90 * self.sd)} to {_fmt(self.mean + Z90 * self.sd)}"


@dataclass(frozen=True)
class Uniform:
    """Every value between ``low`` and ``high`` equally likely."""

    low: float
    high: float

    def __post_init__(self) -> None:
        _check_finite(low=self.low, high=self.high)
        if self.high < self.low:
            raise ValueError(f"uniform needs low <= high, got {self.low} > {self.high}")

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        return self.low + (self.high - self.low) * rng.random(n)

    def ppf(self, u: Array) -> Array:
        return self.low + (self.high - self.low) * np.asarray(u, dtype=float)

    def describe(self) -> str:
        return f"uniform {_fmt(self.low)} to {_fmt(self.high)}"


@dataclass(frozen=True)
class Beta:
    """Beta(a, b) rescaled to ``[low, high]``; the default for shares."""

    a: float
    b: float
    low: float = 0.0
    high: float = 1.0

    def __post_init__(self) -> None:
        _check_finite(a=self.a, b=self.b, low=self.low, high=self.high)
        if self.a <= 0 or self.b <= 0:
            raise ValueError(f"beta needs a > 0 and b > 0, got a={self.a}, b={self.b}")
        if self.high <= self.low:
            raise ValueError(f"beta needs low < high, got {self.low} >= {self.high}")

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        return self.low + (self.high - self.low) * rng.beta(self.a, self.b, n)

    def ppf(self, u: Array) -> Array:
        from scipy import special

        return np.asarray(self.low + (self.high - self.low) * special.betaincinv(self.a, self.b, u), dtype=np.float64)

    def describe(self) -> str:
        q = self.ppf(np.array([0.05, 0.95]))
        return f"beta, 90% interval {_fmt(q[0])} to {_fmt(q[1])}"


@dataclass(frozen=True)
class Pert:
    """PERT (a beta shaped by minimum, mode and maximum), as estimators state ranges."""

    low: float
    mode: float
    high: float

    def __post_init__(self) -> None:
        _check_finite(low=self.low, mode=self.mode, high=self.high)
        if not self.low <= self.mode <= self.high or self.low == self.high:
            raise ValueError(f"pert needs low <= mode <= high and low < high, got {self.low}, {self.mode}, {self.high}")

    @property
    def _beta(self) -> Beta:
        span = self.high - self.low
        a = 1 + 4 * (self.mode - self.low) / span
        b = 1 + 4 * (self.high - self.mode) / span
        return Beta(a, b, self.low, self.high)

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        return self._beta.sample(rng, n)

    def ppf(self, u: Array) -> Array:
        return self._beta.ppf(u)

    def describe(self) -> str:
        return f"PERT min {_fmt(self.low)}, mode {_fmt(self.mode)}, max {_fmt(self.high)}"


@dataclass(frozen=True)
class Mixture:
    """A weighted mixture: each draw comes from one component, chosen by weight.

    This is how disagreeing sources are kept side by side instead of averaged away.
    """

    components: tuple[Distribution, ...]
    weights: tuple[float, ...]
    labels: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.components:
            raise ValueError("a mixture needs at least one component")
        if len(self.weights) != len(self.components):
            raise ValueError("a mixture needs one weight per component")
        if any(not math.isfinite(w) or w < 0 for w in self.weights) or sum(self.weights) <= 0:
            raise ValueError(f"mixture weights must be >= 0 and not all 0, got {self.weights}")
        if self.labels and len(self.labels) != len(self.components):
            raise ValueError("a mixture needs one label per component, or none")

    @property
    def probabilities(self) -> Array:
        """Weights normalised to sum to one."""
        w = np.asarray(self.weights, dtype=float)
        return np.asarray(w / w.sum(), dtype=np.float64)

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        which = np.searchsorted(np.cumsum(self.probabilities), rng.random(n), side="right")
        which = np.minimum(which, len(self.components) - 1)
        out = np.empty(n)
        for k, comp in enumerate(self.components):  # loop over components, not draws
            mask = which == k
            count = int(mask.sum())
            if count:
                out[mask] = comp.sample(rng, count)
        return out

    def ppf(self, u: Array) -> Array:
        """Quantiles of the mixture, from a pooled, weighted grid of component quantiles.

        Each component contributes its quantiles at 4,096 evenly spaced probabilities,
        weighted by its mixture weight; point masses are handled exactly.
        """
        k = 4096
        grid = (np.arange(k) + 0.5) / k
        vals = np.concatenate([np.asarray(c.ppf(grid), dtype=float) for c in self.components])
        w = np.repeat(self.probabilities / k, k)
        order = np.argsort(vals, kind="stable")
        v, ws = vals[order], w[order]
        cw = np.cumsum(ws) - ws / 2
        return np.asarray(np.interp(np.asarray(u, dtype=float), cw, v), dtype=np.float64)

    def describe(self) -> str:
        parts = []
        for i, (p, comp) in enumerate(zip(self.probabilities, self.components, strict=True)):
            label = f"{self.labels[i]}: " if self.labels else ""
            parts.append(f"{p:.0%} {label}{comp.describe()}")
        return "mixture of " + "; ".join(parts)


@dataclass(frozen=True)
class Dirichlet:
    """Shares of a whole (the state's uses of its money), summing to one in every draw."""

    names: tuple[str, ...]
    alphas: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.names) != len(self.alphas) or len(self.names) < 2:
            raise ValueError("a Dirichlet needs at least two named shares, one alpha each")
        if any(not math.isfinite(a) or a <= 0 for a in self.alphas):
            raise ValueError(f"Dirichlet alphas must be > 0, got {self.alphas}")

    @classmethod
    def from_shares(cls, shares: dict[str, float], concentration: float) -> Dirichlet:
        """Build from expected shares and a concentration (larger means surer)."""
        total = sum(shares.values())
        if total <= 0 or concentration <= 0:
            raise ValueError("shares must sum to more than 0 and concentration must be > 0")
        return cls(tuple(shares), tuple(concentration * v / total for v in shares.values()))

    @property
    def mean(self) -> Array:
        """Expected share of each part."""
        a = np.asarray(self.alphas)
        return np.asarray(a / a.sum(), dtype=np.float64)

    def sample(self, rng: np.random.Generator, n: int) -> Array:
        """Draw an ``(n, k)`` array of shares; each row sums to one."""
        g = rng.standard_gamma(np.asarray(self.alphas), size=(n, len(self.alphas)))
        total = g.sum(axis=1, keepdims=True)
        # A row of all-zero gammas (possible only for tiny alphas) becomes the mean split.
        safe = np.where(total > 0, total, 1.0)
        return np.where(total > 0, g / safe, self.mean)

    def describe(self) -> str:
        s = ", ".join(f"{n} {m:.0%}" for n, m in zip(self.names, self.mean, strict=True))
        return f"Dirichlet (concentration {sum(self.alphas):g}): {s}"


# ---------------------------------------------------------------------------
# The estimator's language
# ---------------------------------------------------------------------------


def to(low: float, high: float, kind: Kind = "amount") -> Distribution:
    """A 90 % interval from ``low`` to ``high``: lognormal for amounts, beta for shares.

    ``to(1200, 2400)`` says "90 % sure it is between 1,200 and 2,400".
    """
    _check_finite(low=low, high=high)
    if high < low:
        raise ValueError(f"to(a, b) needs a <= b, got {low} > {high}")
    if kind == "share":
        return beta_to(low, high)
    if low <= 0:
        raise ValueError(f"to(a, b) for a positive amount needs a > 0, got {low}")
    if low == high:
        return Constant(low)
    mu = (math.log(low) + math.log(high)) / 2
    sigma = (math.log(high) - math.log(low)) / (2 * Z90)
    return LogNormal(mu, sigma)


def point(value: float, spread: float, kind: Kind = "amount") -> Distribution:
    """ "About ``value``": a 90 % interval ``value / (1 + spread)`` to ``value * (1 + spread)``.

    Shares use the same relative width, clipped to (0, 1). A spread of 0 is a constant.
    """
    _check_finite(value=value, spread=spread)
    if spread < 0:
        raise ValueError(f"spread must be >= 0, got {spread}")
    if spread == 0:
        return Constant(value)
    if kind == "share":
        if value <= 0.0 or value >= 1.0:
            return Constant(value)
        lo, hi = value / (1 + spread), value * (1 + spread)
        # Keep the interval inside (0, 1) by mirroring the width on the complement.
        if hi >= 1.0:
            hi = 1.0 - (1.0 - value) / (1 + spread)
        return beta_to(lo, hi)
    if value <= 0:
        raise ValueError(f"point(x, spread) for a positive amount needs x > 0, got {value}")
    return to(value / (1 + spread), value * (1 + spread))


def beta_to(low: float, high: float) -> Distribution:
    """A beta on [0, 1] whose 5th and 95th percentiles are ``low`` and ``high``."""
    _check_finite(low=low, high=high)
    if not 0.0 <= low <= high <= 1.0:
        raise ValueError(f"a share interval needs 0 <= a <= b <= 1, got {low}, {high}")
    if low == high:
        return Constant(low)
    # Percentiles exactly at the edges are moved a hair inside; a beta cannot reach them.
    eps = 1e-6
    lo, hi = min(max(low, eps), 1 - 2 * eps), max(min(high, 1 - eps), 2 * eps)
    if hi <= lo:
        lo, hi = (lo + hi) / 2 - eps, (lo + hi) / 2 + eps
    a, b = _fit_beta(round(lo, 12), round(hi, 12))
    return Beta(a, b)


@lru_cache(maxsize=512)
def _fit_beta(low: float, high: float) -> tuple[float, float]:
    """Solve for beta parameters matching the 5th and 95th percentiles (cached)."""
    from scipy import optimize, stats

    mean = (low + high) / 2
    sd = (high - low) / (2 * Z90)
    common = max(mean * (1 - mean) / max(sd * sd, 1e-12) - 1, 0.5)
    x0 = np.log([max(mean * common, 1e-3), max((1 - mean) * common, 1e-3)])

    def residual(logab: Array) -> Array:
        a, b = np.exp(logab)
        q = np.asarray(stats.beta.ppf([0.05, 0.95], a, b), dtype=np.float64)
        # Clipped so a trial step that pushes a percentile onto 0 or 1 stays finite.
        lo_q, hi_tail = max(q[0], 1e-300), max(1.0 - q[1], 1e-300)
        return np.array([math.log(lo_q / low), math.log(hi_tail / (1 - high))])

    sol = optimize.least_squares(residual, x0, method="lm", xtol=1e-12, ftol=1e-12)
    a, b = np.exp(sol.x)
    return float(a), float(b)
