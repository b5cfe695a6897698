"""Rank correlation between inputs, declared in the case: a Gaussian copula on the quantile functions.

Sources that report more troops tend to report more casualties; better-paid ranks are
rarer. A case may say so::

    [[correlations]]
    between = ["troops_deployed", "killed_hazard"]
    rank = 0.5

The inputs of one correlated group are drawn together: standard normals with the
Pearson correlation ``2 sin(pi rank / 6)`` (which gives the declared Spearman rank
correlation), turned into probabilities by the normal CDF and into values by each
input's own quantile function. Each input keeps its own distribution exactly; only the
pairing of draws changes. The normals come from one generator per (group, block), so
same seed, same numbers whatever the chunking, as for every other input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict, Field, field_validator

from troopledger.evidence._uncertain import Distribution

__all__ = ["Correlation", "CorrelationGroup", "correlation_groups"]

Array = NDArray[np.float64]


class Correlation(BaseModel):
    """One declared rank (Spearman) correlation between two inputs, with the claims behind it."""

    model_config = ConfigDict(extra="forbid")

    between: tuple[str, str]
    rank: float = Field(ge=-0.99, le=0.99)
    claims: list[str] = Field(default_factory=list)
    note: str = Field(default="", max_length=4000)

    @field_validator("between")
    @classmethod
    def _distinct(cls, v: tuple[str, str]) -> tuple[str, str]:
        if v[0] == v[1]:
            raise ValueError("an input cannot be correlated with itself; name two different inputs")
        return v


class CorrelationGroup:
    """Inputs joined by declared correlations, drawn together through one Gaussian copula."""

    def __init__(self, names: Sequence[str], rank: Array) -> None:
        self.names = tuple(names)
        pearson = 2.0 * np.sin(np.pi * np.asarray(rank, dtype=float) / 6.0)
        np.fill_diagonal(pearson, 1.0)
        try:
            self.cholesky = np.linalg.cholesky(pearson)
        except np.linalg.LinAlgError:
            raise ValueError(
                f"the correlations among {', '.join(self.names)} cannot all hold at once; weaken some of them"
            ) from None
        self.key = "correlation:" + "+".join(self.names)

    def sample(self, dists: Mapping[str, Distribution], rng: np.random.Generator, n: int) -> dict[str, Array]:
        """Draw ``n`` values of every input of the group, correlated in rank."""
        z = rng.standard_normal((n, len(self.names))) @ self.cholesky.T
        from scipy import special  # scipy loads where a copula is applied, not at start-up

        u = special.ndtr(z)
        return {name: np.asarray(dists[name].ppf(u[:, i]), dtype=np.float64) for i, name in enumerate(self.names)}


def correlation_groups(correlations: Sequence[Correlation], known: Sequence[str]) -> list[CorrelationGroup]:
    """Join declared correlations into connected groups of inputs (unnamed pairs stay at zero).

    Raises ``ValueError`` naming an unknown input, a pair declared twice, or a set of
    correlations that no joint distribution can have.
    """
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    seen: dict[frozenset[str], float] = {}
    for c in correlations:
        for name in c.between:
            if name not in known:
                raise ValueError(f"correlation names {name!r}, which is not an uncertain input of this case")
        pair = frozenset(c.between)
        if pair in seen:
            raise ValueError(f"the correlation of {' and '.join(sorted(pair))} is declared twice; keep one")
        seen[pair] = c.rank
        parent[root(c.between[0])] = root(c.between[1])
    members: dict[str, list[str]] = {}
    for name in sorted(parent, key=list(known).index):
        members.setdefault(root(name), []).append(name)
    groups = []
    for names in members.values():
        k = len(names)
        rank = np.eye(k)
        for i in range(k):
            for j in range(i + 1, k):
                rank[i, j] = rank[j, i] = seen.get(frozenset((names[i], names[j])), 0.0)
        groups.append(CorrelationGroup(names, rank))
    return groups
