"""Hindcast scores: inside the 90 % interval, CRPS from weighted draws, log score of a bound, coverage."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from scipy import stats

from troopledger.analysis import coverage, score_claim, weighted_crps
from troopledger.claims import Claim


def claim(**figure: float) -> Claim:
    return Claim(id="c", quantity="casualties_killed", unit="persons", speaker="test", status="accepted", **figure)


def test_crps_of_two_draws_by_hand() -> None:
    # F is 1/2 on [0, 1): the CRPS at 0 is the integral of (1/2)^2 over [0, 1]
    assert weighted_crps(np.array([0.0, 1.0]), 0.0) == pytest.approx(0.25)
    # weights 1/4 and 3/4, outcome at 1: the integral of (1/4)^2 over [0, 1]
    assert weighted_crps(np.array([0.0, 1.0]), 1.0, np.array([1.0, 3.0])) == pytest.approx(0.0625)
    # a certain and exact prediction scores 0; a certain one that misses by d scores d
    assert weighted_crps(np.array([2.0, 2.0]), 2.0) == pytest.approx(0.0)
    assert weighted_crps(np.array([2.0]), 5.0) == pytest.approx(3.0)


def test_weights_are_repeated_draws() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=50)
    counts = rng.integers(1, 4, size=50)
    assert weighted_crps(x, 0.3, counts.astype(float)) == pytest.approx(weighted_crps(np.repeat(x, counts), 0.3))


def test_crps_matches_the_normal_closed_form() -> None:
    x = stats.norm.ppf((np.arange(20_000) + 0.5) / 20_000)
    y = 0.7
    exact = y * (2 * stats.norm.cdf(y) - 1) + 2 * stats.norm.pdf(y) - 1 / math.sqrt(math.pi)
    assert weighted_crps(x, y) == pytest.approx(exact, abs=1e-4)


def test_inside_and_scores_for_figures_ranges_and_bounds() -> None:
    draws = np.arange(1.0, 101.0)  # weighted percentiles (mid-point rule): 5th 5.5, 95th 95.5
    s = score_claim(draws, claim(value=50), as_of="2025-01-31", what="soldiers killed by 2025-01")
    assert (s.p5, s.p50, s.p95) == pytest.approx((5.5, 50.5, 95.5))
    assert s.inside
    assert s.side == "figure"
    assert s.pit == pytest.approx(0.495)  # 49 draws below, one tie counted half
    assert s.crps is not None
    assert s.log_score is None
    assert not score_claim(draws, claim(value=99), as_of="x").inside
    ranged = score_claim(draws, claim(low=16, high=100), as_of="x")
    assert ranged.figure == pytest.approx(40.0)  # the median of "16 to 100" read as a lognormal 90 % interval
    assert ranged.inside
    at_least = score_claim(draws, claim(low=97), as_of="x")
    assert at_least.side == "at_least"
    assert not at_least.inside  # the interval stops at 95.5
    assert at_least.log_score == pytest.approx(math.log(0.04))  # 97, 98, 99, 100
    up_to = score_claim(draws, claim(high=3), as_of="x")
    assert not up_to.inside
    assert up_to.log_score == pytest.approx(math.log(0.03))
    never = score_claim(draws, claim(low=1000), as_of="x")
    assert never.log_score == pytest.approx(math.log(0.5 / 100))  # floored at half a draw


def test_a_sharper_right_prediction_scores_better_and_weights_move_the_interval() -> None:
    rng = np.random.default_rng(0)
    wide, sharp = rng.lognormal(np.log(600), 0.8, 4000), rng.lognormal(np.log(600), 0.2, 4000)
    truth = claim(value=600)
    crps_wide = score_claim(wide, truth, as_of="x").crps
    crps_sharp = score_claim(sharp, truth, as_of="x").crps
    assert crps_wide is not None
    assert crps_sharp is not None
    assert crps_sharp < crps_wide
    draws = np.arange(1.0, 101.0)
    heavy_top = np.where(draws > 90, 50.0, 1.0)
    assert score_claim(draws, claim(value=99), weights=heavy_top, as_of="x").inside


def test_coverage_counts_all_figures_bounds_and_the_freshest_prediction() -> None:
    draws = np.arange(1.0, 101.0)
    scores = [
        score_claim(draws, claim(value=50), as_of="2025-01-31"),
        score_claim(draws, claim(value=99), as_of="2025-02-28"),
        replace(score_claim(draws, claim(low=10), as_of="2025-02-28"), claim="b"),
    ]
    cov = coverage(scores).to_json()
    assert cov["all"] == {
        "n": 3,
        "inside": 2,
        "coverage": pytest.approx(2 / 3),
        "mean_crps": pytest.approx(np.mean([s.crps for s in scores[:2]])),
        "mean_log_score": pytest.approx(math.log(0.91)),
        "predictive_n": 0,  # no claim error given: no predictive band
        "predictive_inside": 0,
        "predictive_coverage": None,
    }
    assert cov["figures"]["n"] == 2
    assert cov["bounds"]["inside"] == 1
    assert cov["latest"]["n"] == 2  # claim "c" counted once, at its latest prediction (outside)
    assert cov["latest"]["inside"] == 1
    assert coverage([]).all.coverage is None


def test_a_claim_without_a_figure_cannot_be_scored() -> None:
    zero = Claim.model_construct(id="m", quantity="total_revenue_to_nk", value=0.0, unit="USD", speaker="t")
    with pytest.raises(ValueError, match="on a log scale"):
        score_claim(np.ones(3), zero, as_of="x")  # records now refuse a zero amount; the scorer does too
    with pytest.raises(ValueError, match="weights"):
        score_claim(np.ones(3), claim(value=1), weights=np.array([1.0, -1.0, 1.0]), as_of="x")
