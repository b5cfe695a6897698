"""Rank correlation between inputs through a Gaussian copula on the quantile functions."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import spearmanr

from troopledger.evidence._correlation import Correlation, correlation_groups
from troopledger.evidence._uncertain import Uniform, beta_to, to


def test_declared_rank_correlation_holds_and_marginals_are_kept() -> None:
    dists = {"troops_deployed": to(10_000, 15_000), "killed_hazard": beta_to(0.003, 0.03), "x": Uniform(0, 1)}
    [group] = correlation_groups([Correlation(between=("troops_deployed", "killed_hazard"), rank=0.6)], list(dists))
    assert group.names == ("troops_deployed", "killed_hazard")
    got = group.sample(dists, np.random.default_rng(1), 200_000)
    rho = spearmanr(got["troops_deployed"], got["killed_hazard"]).statistic
    assert rho == pytest.approx(0.6, abs=0.01)
    # each input keeps its own distribution: its 5th and 95th percentiles are the declared 90 % interval
    np.testing.assert_allclose(np.quantile(got["troops_deployed"], [0.05, 0.95]), [10_000, 15_000], rtol=0.01)
    np.testing.assert_allclose(np.quantile(got["killed_hazard"], [0.05, 0.95]), [0.003, 0.03], rtol=0.02)


def test_pairs_sharing_an_input_form_one_group() -> None:
    dists = {n: Uniform(0, 1) for n in "abcd"}
    decl = [Correlation(between=("a", "b"), rank=0.5), Correlation(between=("c", "b"), rank=-0.4)]
    [group] = correlation_groups(decl, list(dists))
    assert group.names == ("a", "b", "c")
    got = group.sample(dists, np.random.default_rng(2), 100_000)
    assert spearmanr(got["a"], got["c"]).statistic == pytest.approx(0.0, abs=0.02)  # not declared: none
    assert spearmanr(got["b"], got["c"]).statistic == pytest.approx(-0.4, abs=0.02)


@pytest.mark.parametrize(
    ("decl", "message"),
    [
        ([("a", "z", 0.5)], "not an uncertain input"),
        ([("a", "b", 0.5), ("b", "a", 0.3)], "declared twice"),
        ([("a", "b", 0.95), ("b", "c", 0.95), ("a", "c", -0.95)], "cannot all hold"),
    ],
)
def test_impossible_declarations_are_refused(decl: list[tuple[str, str, float]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        correlation_groups([Correlation(between=(a, b), rank=r) for a, b, r in decl], ["a", "b", "c"])
