"""Adaptive importance sampling, post-stratified weights and weighted quantiles by selection."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from troopledger.calibration._adaptive import adapt
from troopledger.calibration._graph import dependency_graph
from troopledger.calibration._importance import (
    STRATA,
    Weights,
    effective_sample_size,
    post_stratify,
    weighted_quantiles,
)
from troopledger.calibration._observations import compile_observations
from troopledger.calibration._proposal import fit_proposal
from troopledger.calibration._robust import RobustObservations, with_doubt
from troopledger.calibration._selection import order_keys, select_quantiles
from troopledger.evidence import load_case, resolve


def _full_sort(x: np.ndarray, w: np.ndarray, q: tuple[float, ...]) -> np.ndarray:
    """The reference: every draw sorted (ties in row order), the usual interpolation."""
    order = np.argsort(x, kind="stable")
    xs, ws = x[order].astype(np.float64), w[order]
    cw = (np.cumsum(ws) - 0.5 * ws) / np.sum(w)
    return np.asarray(np.interp(q, cw, xs))


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**31),
    n=st.integers(20_000, 40_000),
    kind=st.sampled_from(["lognormal", "atom", "counts", "signed", "constant"]),
    single=st.booleans(),
)
def test_selection_gives_the_full_sorts_quantiles(seed: int, n: int, kind: str, single: bool) -> None:
    rng = np.random.default_rng(seed)
    x = {
        "lognormal": rng.lognormal(10, 1.5, n),
        "atom": np.where(rng.random(n) < 0.45, 0.0, rng.uniform(0, 1e6, n)),
        "counts": np.round(rng.gamma(2.0, 40.0, n)),
        "signed": rng.normal(0, 1e3, n),
        "constant": np.full(n, 3.5),
    }[kind]
    x = x.astype(np.float32 if single else np.float64)
    w = rng.lognormal(0, 2, n)
    w[rng.random(n) < 0.1] = 0.0
    q = (0.05, 0.5, 0.95)
    want = _full_sort(x, w, q)
    got = select_quantiles(order_keys(x), x, w, float(np.sum(w)), q)
    if got is not None:  # None: the row is sorted whole
        assert got == pytest.approx(want, rel=1e-11, abs=1e-9)
    # through the public function, one column or several (monthly paths are float32 columns)
    assert weighted_quantiles(x, q, w) == pytest.approx(want, rel=1e-11, abs=1e-9)
    if not single:
        return  # several float64 columns are sorted whole, as before
    both = weighted_quantiles(np.stack([x, x[::-1]], axis=1), q, w)
    assert both[:, 0] == pytest.approx(want, rel=1e-11, abs=1e-9)
    assert both[:, 1] == pytest.approx(_full_sort(x[::-1], w, q), rel=1e-11, abs=1e-9)


def test_order_keys_keep_the_order_of_floats() -> None:
    for dtype in (np.float32, np.float64):
        x = np.array([-np.inf, -3.0, -1e-30, -0.0, 0.0, 1e-30, 2.0, 2.5, np.inf], dtype=dtype)
        k = order_keys(x)
        assert np.all(np.diff(k.astype(np.float64)) >= 0)
        assert k[3] == k[4]  # -0.0 and 0.0 are one value


def test_post_stratification_balances_each_unobserved_input_bin_by_bin() -> None:
    rng = np.random.default_rng(3)
    n = 20_000
    z = [rng.standard_normal(n), rng.standard_normal(n)]
    w = rng.lognormal(0, 1.5, n)
    w /= w.sum()
    raked = post_stratify(Weights(w, 0.2, effective_sample_size(w), n, -1.0), z)
    from scipy import special

    edges = special.ndtri(np.arange(1, STRATA) / STRATA)
    for zz in z:
        mass = np.bincount(np.searchsorted(edges, zz, side="right"), weights=raked.weights, minlength=STRATA)
        assert mass == pytest.approx(np.full(STRATA, 1 / STRATA), abs=2e-3)
    assert raked.weights.sum() == pytest.approx(1.0)
    assert raked.khat == 0.2
    # nothing to balance: the weights are returned as they were
    same = Weights(w, 0.2, effective_sample_size(w), n, -1.0)
    assert post_stratify(same, []) is same


@pytest.mark.slow
def test_adaptation_raises_the_record_cases_effective_draws_and_ignores_the_workers() -> None:
    prior = resolve(load_case("nk-russia-record"))
    every = compile_observations(prior)
    obs = every.evidence()
    doubted = with_doubt(prior)
    claims = compile_observations(doubted, claims=[o.claim for o in every.items])
    robust = RobustObservations.build(claims)
    cols = [claims.ids.index(i) for i in obs.ids]
    evidence = RobustObservations(claims.subset(obs.ids), tuple(robust.p_right[j] for j in cols))
    observed = sorted(set().union(*dependency_graph(doubted, evidence, 0).values()))
    fitted = fit_proposal(doubted, evidence, observed, 0)
    one, seen = adapt(fitted, doubted, evidence, 0, steps=2, draws=4096, workers=1)
    two, seen2 = adapt(fitted, doubted, evidence, 0, steps=2, draws=4096, workers=2)
    assert seen == seen2
    assert np.array_equal(one.means, two.means)
    assert np.array_equal(one.chols, two.chols)
    assert seen[1] > seen[0]  # the second step's draws, from the first refit, weigh more evenly
    # the run's own draws (stream 0) are not the adaptive steps' (streams 1, 2)
    z0, _, _ = one.latent(doubted, 256, 0)
    z1, _, _ = one.latent(doubted, 256, 0, stream=1)
    assert not np.array_equal(z0[one.names[0]], z1[one.names[0]])
