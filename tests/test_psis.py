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
    assert got == pytest.approx(np.asarray(want), abs=1e-12)
    # the same estimate, up to the order of a floating-point sum
    assert k == pytest.approx(float(want_k), rel=1e-12) or (math.isinf(k) and math.isinf(float(want_k)))


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
