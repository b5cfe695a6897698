"""Contradictions as sets: the smallest sets of claims that cannot all be true.

Every claim is read against one **background**: the case's assumptions at their
priors and every parameter that claims speak about at its broad reference prior,
so that claims are weighed only against each other and the model's arithmetic. For
a set ``S`` the statistic is the joint-evidence ratio of
:mod:`troopledger.calibration._contradictions`,

    C(S) = log E[prod_{i in S} L_i] - sum_{i in S} log E[L_i],

and ``S`` is a **contradiction** when ``C(S) < THRESHOLD`` while no smaller subset of
it (of two or more claims) is one. Only sets whose claims are connected through the
model (:func:`~troopledger.calibration.connected_sets`: each claim shares a parameter
with another) are candidates, so a troop count is never set against a GDP figure.

All sets are scored at once: with ``E = exp(loglik - max)`` (one column per claim),
the means of every product of three or four columns are matrix products of the
pair or triple products with ``E``. The background's draws come from a fixed seed
(:data:`SCAN_SEED`) whatever the run's seed, so a scan is a deterministic function
of the case and its claims.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._contradictions import (
    THRESHOLD,
    _arithmetic,
    _fmt,
    _said,
    joint_statistic,
)
from troopledger.calibration._importance import weighted_quantiles
from troopledger.calibration._observations import Observation
from troopledger.errors import CalibrationError

__all__ = [
    "MAX_REPORTED",
    "MAX_SET",
    "SCAN_SEED",
    "SET_SCAN_CLAIMS",
    "FoundSet",
    "count_sets",
    "explain_set",
    "scan_sets",
]

Array = NDArray[np.float64]

#: The largest sets of claims tested together.
MAX_SET = 4
#: The seed of the background draws: a scan does not depend on the run's seed.
SCAN_SEED = 20241018
#: With more usable claims than this, only pairs are searched: sets of three or more grow as
#: claims cubed (a ledger of hundreds of random claims would take hours).
SET_SCAN_CLAIMS = 80
#: Most sets a scan returns (the most improbable); each is scored and explained.
MAX_REPORTED = 50
_BATCH = 256  # base sets per matrix product (bounds memory at _BATCH x draws floats)
_SCREEN_MARGIN = 1.5
_SCREEN_DRAWS = 8192


@dataclass(frozen=True)
class FoundSet:
    """A minimal set of claims the model makes jointly improbable, with ``C`` and its error."""

    claims: tuple[str, ...]
    statistic: float
    standard_error: float


def _adjacent(graph: Mapping[str, frozenset[str]], ids: Sequence[str]) -> NDArray[np.bool_]:
    k = len(ids)
    adj = np.zeros((k, k), dtype=bool)
    for i in range(k):
        for j in range(i + 1, k):
            adj[i, j] = adj[j, i] = bool(graph.get(ids[i], frozenset()) & graph.get(ids[j], frozenset()))
    return adj


def _components(adj: NDArray[np.bool_]) -> list[int]:
    """Connected component of each claim in the graph of shared parameters."""
    label = [-1] * adj.shape[0]
    for s in range(adj.shape[0]):
        if label[s] >= 0:
            continue
        label[s], todo = s, [s]
        while todo:
            a = todo.pop()
            for b in np.nonzero(adj[a])[0]:
                if label[b] < 0:
                    label[b] = s
                    todo.append(int(b))
    return label


def _connected(adj: NDArray[np.bool_], combo: tuple[int, ...]) -> bool:
    seen, todo = {combo[0]}, [combo[0]]
    while todo:
        a = todo.pop()
        for b in combo:
            if b not in seen and adj[a, b]:
                seen.add(b)
                todo.append(b)
    return len(seen) == len(combo)


def scan_sets(
    loglik: Array,
    ids: Sequence[str],
    graph: Mapping[str, frozenset[str]],
    *,
    max_size: int = MAX_SET,
    threshold: float = THRESHOLD,
    limit: int = MAX_REPORTED,
) -> list[FoundSet]:
    """The ``limit`` most improbable minimal contradictions of 2 to ``max_size`` connected claims.

    :func:`count_sets` says how many there were in all.
    """
    return count_sets(loglik, ids, graph, max_size=max_size, threshold=threshold, limit=limit)[0]


def count_sets(
    loglik: Array,
    ids: Sequence[str],
    graph: Mapping[str, frozenset[str]],
    *,
    max_size: int = MAX_SET,
    threshold: float = THRESHOLD,
    limit: int = MAX_REPORTED,
) -> tuple[list[FoundSet], int]:
    """:func:`scan_sets`, and the number of minimal sets found (more than returned when cut at ``limit``).

    ``loglik`` is ``(draws, claims)``: each claim's log-likelihood (as stated, not
    robust) over the background draws, columns in ``ids`` order; ``graph`` maps each
    claim id to the parameters its value depends on. With more than
    :data:`SET_SCAN_CLAIMS` usable claims only pairs are searched.
    """
    ll = np.asarray(loglik, dtype=np.float64)
    if ll.ndim != 2 or ll.shape[1] != len(ids) or ll.shape[0] < 2:
        raise CalibrationError(f"need (draws, {len(ids)}) log-likelihoods, got {ll.shape}")
    if not 2 <= max_size <= MAX_SET:
        raise CalibrationError(f"sets of 2 to {MAX_SET} claims can be scanned, got {max_size}")
    top = ll.max(axis=0)
    usable = np.isfinite(top)
    e = np.exp(ll - np.where(usable, top, 0.0))
    e[:, ~usable] = 0.0
    # Screening uses float32 and at most _SCREEN_DRAWS draws; sets within _SCREEN_MARGIN of the
    # threshold are scored again on every draw in float64.
    n_screen = min(ll.shape[0], _SCREEN_DRAWS)
    e32 = e[:n_screen].astype(np.float32)
    t32 = np.ascontiguousarray(e32.T)  # claims x draws: a set's columns are contiguous rows
    t64 = np.ascontiguousarray(e.T)
    with np.errstate(divide="ignore"):
        screen_means = np.log(np.maximum(e32.mean(axis=0, dtype=np.float64), 1e-300)) + top
    log_means = np.full(len(ids), -np.inf)
    with np.errstate(divide="ignore"):
        log_means[usable] = np.log(e[:, usable].mean(axis=0)) + top[usable]
    if int(usable.sum()) > SET_SCAN_CLAIMS:
        max_size = 2
    adj = _adjacent(graph, ids)
    adj[~usable, :] = adj[:, ~usable] = False
    flagged: dict[tuple[int, ...], float] = {}

    def stat(combo: tuple[int, ...], joint_mean: float) -> float:
        if joint_mean <= 0.0:
            return -1e6
        return float(math.log(joint_mean) + sum(top[i] for i in combo) - sum(log_means[i] for i in combo))

    def minimal(combo: tuple[int, ...]) -> bool:
        return not any(sub in flagged for r in range(2, len(combo)) for sub in combinations(combo, r))

    n = ll.shape[0]
    pair_means = (e.T @ e) / n
    k = len(ids)
    for i, j in combinations(range(k), 2):
        if adj[i, j]:
            c = stat((i, j), float(pair_means[i, j]))
            if c < threshold:
                flagged[(i, j)] = c
    component = _components(adj)
    for size in range(3, max_size + 1):
        # every set of `size` claims is a (size - 1)-set (its base) plus one later claim
        bases = [
            b
            for b in combinations(range(k), size - 1)
            if usable[list(b)].all() and len({component[i] for i in b}) == 1 and minimal(b) and b not in flagged
        ]
        for start in range(0, len(bases), _BATCH):
            batch = np.asarray(bases[start : start + _BATCH], dtype=np.int64)
            products = t32[batch[:, 0]]
            for c in range(1, size - 1):
                products = products * t32[batch[:, c]]
            means = np.asarray(products @ e32, dtype=np.float64) / n_screen  # (bases, claims)
            with np.errstate(divide="ignore"):
                c_all = np.log(means) + (top[batch].sum(axis=1) - screen_means[batch].sum(axis=1))[:, None]
            c_all += (top - screen_means)[None, :]
            later = np.arange(k)[None, :] > batch[:, -1:]
            c_all = np.where(later & usable[None, :], c_all, np.inf)
            rows, cols = np.nonzero(c_all < threshold + _SCREEN_MARGIN)
            for bi in np.unique(rows):
                base = tuple(int(x) for x in batch[bi])
                # sets that hold a smaller contradiction or are not connected are never flagged: they are
                # left out before scoring on every draw (flagging adds sets of this size only, which
                # no set of this size contains, so the check gives what it would after scoring)
                combos = [s for m in cols[rows == bi] if _connected(adj, s := (*base, int(m))) and minimal(s)]
                if not combos:
                    continue
                ms = [s[-1] for s in combos]
                exact = (t64[ms] * np.prod(t64[list(base)], axis=0)).mean(axis=1)
                for combo, mean in zip(combos, exact, strict=True):
                    c = stat(combo, float(mean))
                    if c < threshold:
                        flagged[combo] = c
    out = []
    for combo, c in sorted(flagged.items(), key=lambda kv: (kv[1], kv[0]))[:limit]:
        try:
            _, se = joint_statistic(ll[:, list(combo)])
        except CalibrationError:
            se = math.inf
        out.append(FoundSet(tuple(ids[i] for i in combo), c, se))
    return sorted(out, key=lambda f: (f.statistic, f.claims)), len(flagged)


def explain_set(
    items: Sequence[Observation],
    culprit: int,
    values: Array,
    loglik: Array,
    params: Mapping[str, Array],
    statistic: float,
) -> str:
    """Plain words for a contradiction: what the suspect claim's quantity is where the others hold.

    ``items`` are the set's observations, ``values`` and ``loglik`` their ``(draws,
    len(items))`` columns over the background, ``culprit`` the index of the claim most
    likely wrong; the others' joint likelihood weights the background draws.
    """
    rest = [j for j in range(len(items)) if j != culprit]
    lw = loglik[:, rest].sum(axis=1)
    w = np.exp(lw - lw.max())
    a = items[culprit]
    p5, p50, p95 = (float(v) for v in weighted_quantiles(values[:, culprit], (0.05, 0.5, 0.95), w))
    times = math.exp(-statistic) if statistic > -700 else math.inf
    factor = f"{times:,.0f}" if times < 1e6 else f"more than a million ({statistic:.0f} on the log scale)"
    others = ", ".join(_said(items[j]) for j in rest)
    return (
        f"{_said(a)} cannot hold together with {others}. Where the others hold, the model puts "
        f"{a.what} at {_fmt(p5, a.unit)} to {_fmt(p95, a.unit)} (median {_fmt(p50, a.unit)})"
        f"{_arithmetic(a, params, w)}. Together they are {factor} times less probable "
        f"than each alone (log ratio {statistic:.1f}, threshold {THRESHOLD:.0f})."
    )
