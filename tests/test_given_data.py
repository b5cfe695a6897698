"""Variance-based sensitivity from given draws (RBD-FAST), in total and month by month."""

from __future__ import annotations

import numpy as np
import pytest

from troopledger.analysis._given_data import given_data_sensitivity, sensitivity_over_time
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
