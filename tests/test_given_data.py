"""Variance-based sensitivity from given draws (RBD-FAST), in total and month by month."""

from __future__ import annotations

import numpy as np
import pytest

from troopledger.analysis._given_data import (
    first_order_indices,
    given_data_sensitivity,
    posterior_resample,
    sensitivity_over_time,
)
from troopledger.model import Draws


def _draws(n: int = 8_000) -> Draws:
    rng = np.random.default_rng(5)
    a, b, c = rng.random(n), rng.random(n), rng.random(n)
    monthly = np.column_stack([a, b, np.zeros(n)])
    return Draws(
        months=["2025-01", "2025-02", "2025-03"],
        totals={"paid_by_russia": 4 * a + b},
        monthly={"paid_by_russia": monthly},
        derived={},
        params={"a": a, "b": b, "c": c, "fixed": np.ones(n)},
        conservation_error=0.0,
        seed=0,
        draws=n,
    )


def test_first_order_indices_match_the_variance_shares() -> None:
    # Var(4a) = 16/12 and Var(b) = 1/12: a explains 16/17 of the variance, b 1/17, c none.
    got = given_data_sensitivity(_draws(), ["paid_by_russia"])
    s1 = {k: v["paid_by_russia"] for k, v in got["first_order"].items()}
    assert s1["a"] == pytest.approx(16 / 17, abs=0.03)
    assert s1["b"] == pytest.approx(1 / 17, abs=0.03)
    assert s1["c"] == pytest.approx(0.0, abs=0.02)
    assert got["order"][0] == "a"
    assert "fixed" not in got["first_order"]  # a constant input explains nothing and is left out


def test_each_month_has_its_own_driver() -> None:
    got = sensitivity_over_time(_draws(), top=2)
    assert sorted(got["order"]) == ["a", "b"]
    a, b = got["first_order"]["a"], got["first_order"]["b"]
    assert a[0] > 0.9
    assert b[0] < 0.05
    assert b[1] > 0.9
    assert a[1] < 0.05
    assert a[2] == b[2] == 0.0  # nothing flows in month 3


@pytest.mark.parametrize("n", [4_000, 4_001])
def test_indices_are_salibs_rbd_fast(n: int) -> None:
    # the vectorised estimator is SALib's: same zig-zag order, periodogram and bias correction
    from SALib.analyze import rbd_fast

    rng = np.random.default_rng(2)
    x = rng.random((n, 3))
    y = np.column_stack([4 * x[:, 0] + x[:, 1] ** 2, np.sin(6 * x[:, 2]) + 0.1 * rng.random(n)])
    got = first_order_indices(x, y)
    problem = {"num_vars": 3, "names": ["a", "b", "c"], "bounds": [[0.0, 1.0]] * 3}
    for j in range(2):
        want = rbd_fast.analyze(problem, x, y[:, j], num_resamples=2, seed=0)["S1"]
        # one FFT over all columns vs SALib's loop of periodograms: same sums in another order,
        # so agreement to rounding (indices lie in [0, 1]; 1e-9 is far below any reported digit)
        np.testing.assert_allclose(got[:, j], np.asarray(want), rtol=1e-9, atol=1e-9)


def test_weighted_indices_describe_the_posterior() -> None:
    # weights that keep only draws with a < 0.1 leave a almost no variance to explain: b leads
    d = _draws(20_000)
    w = np.where(d.params["a"] < 0.1, 1.0, 0.0)
    got = given_data_sensitivity(d, ["paid_by_russia"], weights=w)
    assert got["weighted"]
    assert got["order"][0] == "b"
    s1 = {k: v["paid_by_russia"] for k, v in got["first_order"].items()}
    # Var(4a | a < 0.1) = 16 * 0.01 / 12 against Var(b) = 1 / 12: a explains 0.16 / 1.16 of it
    assert s1["a"] == pytest.approx(0.16 / 1.16, abs=0.04)
    assert s1["b"] == pytest.approx(1 / 1.16, abs=0.04)
    rows = posterior_resample(d, w, 1_000)
    assert (d.params["a"][rows] < 0.1).all()
    assert (posterior_resample(d, w, 1_000) == rows).all()  # the run's seed fixes the resample
