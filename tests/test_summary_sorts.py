"""The summaries' and the sensitivity's shortcuts give the numbers of the plain computations.

Monthly bands skip sorting months of one value, sort once a month that a role's path
or a running total repeats bit for bit, and add running totals month by month; the
weighted sensitivity reads its tail medians off each total's order and sums without
BLAS. Each is checked here against the computation it replaced.
"""

from __future__ import annotations

import struct
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from troopledger.analysis._sensitivity import _weighted
from troopledger.analysis._summary import QUANTILES, _bands, _running
from troopledger.calibration import weighted_quantiles
from troopledger.model import Draws

SEEDS = st.integers(0, 2**32 - 1)


def _bits(x: Any) -> list[bytes]:
    return [struct.pack("d", v) for v in np.ravel(np.asarray(x, dtype=np.float64))]


def _one_column(x: np.ndarray, q: tuple[float, ...], w: np.ndarray) -> np.ndarray:
    # the definition: sort (ties by row), midpoint cumulative weights, linear interpolation
    order = np.argsort(x, kind="stable")
    cw = np.cumsum(w[order]) - 0.5 * w[order]
    return np.asarray(np.interp(q, cw / w.sum(), x[order]))


def _path(rng: np.random.Generator, n: int, months: int, constant: int) -> np.ndarray:
    x = (rng.lognormal(size=(n, months)) * rng.choice([-1.0, 1.0], size=(n, months))).astype(np.float32)
    x[:, :constant] = rng.choice([0.0, -0.0, 2.5])  # months before a role arrives: one value
    x[: n // 3, -1] = 0.0  # ties at zero
    return x


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, n=st.integers(1, 300), months=st.integers(1, 8), constant=st.integers(0, 8))
def test_columns_at_once_equal_each_column_with_constant_months(seed: int, n: int, months: int, constant: int) -> None:
    rng = np.random.default_rng(seed)
    x = _path(rng, n, months, min(constant, months))
    w = rng.random(n) ** 4 + 1e-9
    got = weighted_quantiles(x, QUANTILES, w)
    want = np.column_stack([_one_column(x[:, j].astype(np.float64), QUANTILES, w) for j in range(months)])
    assert _bits(got) == _bits(want)


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, n=st.integers(1, 200), months=st.integers(1, 8), same=st.integers(0, 8), weighted=st.booleans())
def test_bands_shared_between_paths_equal_each_path_alone(
    seed: int, n: int, months: int, same: int, weighted: bool
) -> None:
    rng = np.random.default_rng(seed)
    flow = _path(rng, n, months, 0)
    whole = _running(flow)
    role = _path(rng, n, months, 0)
    role[:, : min(same, months)] = whole[:, : min(same, months)]  # the role alone until the others arrive
    role_total = _running(role)
    paths = [("killed", flow), ("cumulative_killed", whole), ("cumulative_killed.combat", role_total)]
    paths.append(("troops_in_theatre.combat", role))
    w = rng.random(n) + 1e-9 if weighted else None
    got = _bands(paths, w)
    assert list(got) == [k for k, _ in paths]
    for name, arr in paths:
        q = weighted_quantiles(arr, QUANTILES, w)
        for i, label in enumerate(("p5", "p50", "p95")):
            assert _bits(got[name][label]) == _bits(q[i]), (name, label)


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, n=st.integers(0, 50), months=st.integers(0, 20))
def test_running_totals_month_by_month_equal_cumsum(seed: int, n: int, months: int) -> None:
    x = np.random.default_rng(seed).lognormal(size=(n, months)).astype(np.float32) * 1e6
    assert np.array_equal(_running(x).view(np.uint32), np.cumsum(x, axis=1).view(np.uint32))


def _tail_median(y: np.ndarray, w: np.ndarray, tail: np.ndarray, target: str) -> float:
    if not tail.any():
        return float("nan")
    if target == "paid_by_russia":  # no ties: exactly the old code, weighted_quantiles of the tail
        return float(weighted_quantiles(y[tail], (0.5,), w[tail])[0])
    # ties: the old code's order within a tie was its sort's (unstable); now rows in order, as the definition
    order = np.argsort(y[tail], kind="stable")
    ws = w[tail][order]
    cw = np.cumsum(ws) - 0.5 * ws
    cw /= np.sum(w[tail])
    return float(np.interp((0.5,), cw, y[tail][order])[0])


def _old_weighted(d: Draws, targets: tuple[str, ...], w: np.ndarray, n: int) -> tuple[Any, Any]:
    # the computation before the shortcuts: BLAS dots, every tail median sorted on its own
    w = w[:n] / w[:n].sum()
    order = np.argsort(w, kind="stable")
    keep = np.ones(n, dtype=bool)
    keep[order[np.cumsum(w[order]) <= 1e-6]] = False
    w = w[keep] / w[keep].sum()

    def ranks(x: np.ndarray) -> np.ndarray:
        o = np.argsort(x, kind="stable")
        r = np.empty(x.size)
        r[o] = np.cumsum(w[o]) - 0.5 * w[o]
        return r

    ys = {t: d.totals[t][:n][keep] for t in targets}
    ry = {t: (r := ranks(v)) - np.dot(w, r) for t, v in ys.items()}
    rho: dict[str, dict[str, float]] = {}
    swing: dict[str, dict[str, tuple[float, float]]] = {}
    for name in sorted(d.params):
        x = d.params[name][:n][keep]
        if np.ptp(x) == 0.0:
            continue
        ecdf = ranks(x)
        low, high = ecdf < 0.1, ecdf > 0.9
        rx = ecdf - np.dot(w, ecdf)
        sx = float(np.sqrt(np.dot(w, rx * rx)))
        rho[name], swing[name] = {}, {}
        for t in targets:
            sy = float(np.sqrt(np.dot(w, ry[t] * ry[t])))
            rho[name][t] = float(np.dot(w, rx * ry[t]) / (sx * sy)) if sy > 0 and sx > 0 else 0.0
            lo = _tail_median(ys[t], w, low, t)
            hi = _tail_median(ys[t], w, high, t)
            swing[name][t] = (lo, hi)
    return rho, swing


@settings(max_examples=30, deadline=None)
@given(seed=SEEDS, n=st.integers(10, 400))
def test_weighted_sensitivity_equals_the_plain_computation(seed: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    params = {"a": rng.lognormal(size=n), "b": rng.normal(size=n), "c": np.full(n, 2.0), "d": rng.random(n)}
    a, b = params["a"], params["b"]
    totals = {
        "paid_by_russia": 3.0 * a + rng.normal(size=n),  # distinct values
        "to_state": np.round(a - b, 1),  # ties
        "to_families": np.where(b > 0, b, 0.0),  # many zeros
    }
    d = Draws(["2024-10"], totals, {}, {}, params, 0.0, seed, n)
    w = rng.random(n) ** 3
    targets = tuple(totals)
    rho, swing = _weighted(d, targets, w, n)
    old_rho, old_swing = _old_weighted(d, targets, w, n)
    assert set(rho) == set(old_rho) == {"a", "b", "d"}
    for p in rho:
        for t in targets:
            assert rho[p][t] == pytest.approx(old_rho[p][t], rel=1e-12, abs=1e-15)
            assert _bits((swing[p][t]["low"], swing[p][t]["high"])) == _bits(old_swing[p][t]), (p, t)
