"""Weighted quantiles of many columns at once: the same numbers as one column at a time."""

from __future__ import annotations

import numpy as np
import pytest

from troopledger.calibration import weighted_quantiles


def _one_column(x: np.ndarray, q: tuple[float, ...], w: np.ndarray) -> np.ndarray:
    # the definition: sort (ties by row), midpoint cumulative weights, linear interpolation
    order = np.argsort(x, kind="stable")
    cw = np.cumsum(w[order]) - 0.5 * w[order]
    return np.interp(q, cw / w.sum(), x[order])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n", [1, 2, 7, 5_000])
def test_columns_at_once_equal_each_column(dtype: type, n: int) -> None:
    rng = np.random.default_rng(n)
    x = (rng.lognormal(size=(n, 6)) * rng.choice([-1.0, 1.0], size=(n, 6))).astype(dtype)
    x[: n // 3, 0] = 0.0  # ties at zero, as months before a wave arrives
    x[: n // 2, 1] = -0.0  # negative zero sorts with zero
    x[:, 2] = 3.0  # a constant column
    w = rng.random(n) ** 6
    q = (0.0, 0.05, 0.5, 0.95, 1.0)
    got = weighted_quantiles(x, q, w)
    want = np.column_stack([_one_column(x[:, j].astype(np.float64), q, w) for j in range(6)])
    if dtype is np.float32:  # single precision sorts ties by row, exactly as the definition
        assert np.array_equal(got, want)
    else:  # a double-precision argsort may order ties differently: only where ties meet
        assert got[:, 3:] == pytest.approx(want[:, 3:], rel=1e-12)
    assert got[:, 2] == pytest.approx(np.full(len(q), 3.0))


def test_hand_computed_midpoints() -> None:
    # weights 0, 1, 0 on values sorted 1, 3, 7: cumulative midpoints 0, 0, 0.5 (the draw of 7 sits at 0.5),
    # so the median is 7 and the 5th percentile lies a tenth of the way from 3 to 7
    x = np.array([[1.0, 10.0], [7.0, 40.0], [3.0, 20.0]], dtype=np.float32)
    got = weighted_quantiles(x, (0.05, 0.5, 0.95), np.array([0.0, 1.0, 0.0]))
    assert got == pytest.approx(np.array([[3.4, 22.0], [7.0, 40.0], [7.0, 40.0]]))
