"""Uncertain quantities: the 90 % interval convention, spreads, mixtures and seeds."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from troopledger.evidence import (
    Beta,
    Constant,
    Dirichlet,
    LogNormal,
    Mixture,
    Pert,
    Uniform,
    beta_to,
    point,
    to,
)


def test_to_is_a_lognormal_90_percent_interval() -> None:
    d = to(1200, 2400)
    assert isinstance(d, LogNormal)
    q = d.ppf(np.array([0.05, 0.5, 0.95]))
    np.testing.assert_allclose(q, [1200, np.sqrt(1200 * 2400), 2400], rtol=1e-9)


def test_to_for_shares_is_a_beta_with_those_percentiles() -> None:
    d = to(0.8, 0.95, kind="share")
    assert isinstance(d, Beta)
    np.testing.assert_allclose(d.ppf(np.array([0.05, 0.95])), [0.8, 0.95], rtol=1e-6)


@pytest.mark.parametrize(("lo", "hi"), [(0.01, 0.3), (0.9, 0.999), (0.98, 0.9999), (0.4, 0.6)])
def test_beta_to_fits_many_intervals(lo: float, hi: float) -> None:
    q = beta_to(lo, hi).ppf(np.array([0.05, 0.95]))
    np.testing.assert_allclose(q, [lo, hi], rtol=1e-5)


def test_point_spread_gives_symmetric_log_interval() -> None:
    q = point(2000, 0.25).ppf(np.array([0.05, 0.95]))
    np.testing.assert_allclose(q, [1600, 2500], rtol=1e-9)
    assert isinstance(point(5, 0), Constant)


def test_samples_match_quantiles() -> None:
    rng = np.random.default_rng(1)
    x = to(10, 1000).sample(rng, 200_000)
    np.testing.assert_allclose(np.quantile(x, [0.05, 0.95]), [10, 1000], rtol=0.03)


def test_same_generator_seed_same_numbers() -> None:
    for d in (to(1, 2), Uniform(0, 1), Pert(0, 1, 4), beta_to(0.1, 0.2), Mixture((to(1, 2), Constant(5)), (1, 1))):
        a = d.sample(np.random.default_rng(7), 1000)
        b = d.sample(np.random.default_rng(7), 1000)
        np.testing.assert_array_equal(a, b)


def test_mixture_keeps_component_weights() -> None:
    m = Mixture((Constant(0.0), Constant(1.0)), (1.0, 3.0))
    x = m.sample(np.random.default_rng(3), 100_000)
    assert abs(x.mean() - 0.75) < 0.01
    # its quantile function inverts the mixed CDF
    assert m.ppf(np.array([0.1]))[0] == pytest.approx(0.0, abs=1e-6)
    assert m.ppf(np.array([0.9]))[0] == pytest.approx(1.0, abs=1e-6)


def test_mixture_ppf_matches_sampling() -> None:
    m = Mixture((to(1, 2), to(10, 20)), (1, 2))
    x = m.sample(np.random.default_rng(5), 200_000)
    u = np.array([0.1, 0.5, 0.9])
    np.testing.assert_allclose(m.ppf(u), np.quantile(x, u), rtol=0.02)


def test_pert_mean_is_the_classic_formula() -> None:
    x = Pert(2, 3, 10).sample(np.random.default_rng(0), 200_000)
    assert x.mean() == pytest.approx((2 + 4 * 3 + 10) / 6, rel=0.01)
    assert x.min() >= 2
    assert x.max() <= 10


def test_dirichlet_rows_sum_to_one() -> None:
    d = Dirichlet.from_shares({"a": 1, "b": 1, "c": 2}, concentration=8)
    s = d.sample(np.random.default_rng(0), 10_000)
    assert s.shape == (10_000, 3)
    np.testing.assert_allclose(s.sum(axis=1), 1.0)
    np.testing.assert_allclose(s.mean(axis=0), [0.25, 0.25, 0.5], atol=0.01)


def test_uniform_matches_scipy() -> None:
    u = np.linspace(0.01, 0.99, 9)
    np.testing.assert_allclose(Uniform(2, 5).ppf(u), stats.uniform(2, 3).ppf(u))


@pytest.mark.parametrize(
    "make",
    [
        lambda: to(5, 1),
        lambda: to(0, 10),
        lambda: to(float("nan"), 1),
        lambda: beta_to(0.5, 1.5),
        lambda: point(-1, 0.1),
        lambda: point(1, -0.1),
        lambda: Uniform(3, 1),
        lambda: Pert(1, 5, 3),
        lambda: Beta(0, 1),
        lambda: LogNormal(0, -1),
        lambda: Mixture((), ()),
        lambda: Mixture((Constant(1),), (-1,)),
        lambda: Dirichlet(("a",), (1.0,)),
    ],
)
def test_bad_parameters_raise_value_errors(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):  # noqa: PT011 - each message differs
        make()


def test_beta_to_near_one_converges() -> None:
    # "little or nothing reaches soldiers": a state share between 0.9 and 0.9999
    q = beta_to(0.9, 0.9999).ppf(np.array([0.05, 0.95]))
    np.testing.assert_allclose(q, [0.9, 0.9999], rtol=1e-4)


def test_z90_is_scipys_quantile() -> None:
    from scipy import special

    from troopledger.evidence import Z90

    # Our constant is fixed; SciPy's ndtri may move by an ulp between releases, so allow a
    # few ulps (rtol 1e-15 is about 4.5 ulps at 1.64) rather than exact equality.
    np.testing.assert_allclose(float(special.ndtri(0.95)), Z90, rtol=1e-15)
