"""Pareto-smoothed importance sampling, written out: equal to ArviZ's ``psislw``."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from troopledger.calibration._psis import psis


@pytest.mark.parametrize(("n", "scale"), [(20, 1.0), (400, 0.01), (5_000, 1.0), (50_000, 4.0)])
def test_smoothed_weights_and_shape_equal_arviz(n: int, scale: float) -> None:
    arviz = pytest.importorskip("arviz")
    lw = np.random.default_rng(n).standard_t(3, size=n) * scale
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want, want_k = arviz.psislw(lw.copy(), reff=1.0)
    got, k = psis(lw)
    # Same algorithm, different summation order and library versions: ArviZ 0.23 gives a
    # shape differing from ours by 7.5e-15, so compare to 1e-9 relative (the shape is read
    # against thresholds 0.5 and 0.7; nothing downstream resolves differences below 1e-6).
    np.testing.assert_allclose(got, np.asarray(want), rtol=1e-9, atol=1e-12)
    if math.isinf(float(want_k)):
        assert math.isinf(k)
    else:
        np.testing.assert_allclose(k, float(want_k), rtol=1e-9)


def test_the_shape_tells_light_tails_from_heavy_ones() -> None:
    rng = np.random.default_rng(3)
    # ratios exp(N(0, 0.1^2)): nearly equal weights, a light tail
    light, k_light = psis(rng.normal(0.0, 0.1, 4_000))
    # ratios |Cauchy|: a tail with infinite mean, shape near one
    heavy, k_heavy = psis(np.log(np.abs(rng.standard_cauchy(4_000))))
    assert k_light < 0.5
    assert k_heavy > 0.7
    assert np.exp(light).sum() == pytest.approx(1.0)
    assert np.exp(heavy).sum() == pytest.approx(1.0)
