"""Simulation-based calibration of the robust claim model: 90 % intervals cover the truth ~90 % of the time.

Truths are drawn from a test prior, synthetic claims are generated around the
model's output with their hedge's own spread, and the posterior (robust likelihood,
importance-weighted prior draws) is checked for the truth. Then 10 % of the claims
are replaced by wrong figures (off by a factor of 3 to 10): a robust model keeps its
coverage, where the plain Gaussian error model loses it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers import SBC_CASE
from helpers import SYNTHETIC as BASE_CLAIMS
from troopledger.calibration import RobustObservations, compile_observations, importance_weights, weighted_quantiles
from troopledger.claims import Claim
from troopledger.evidence import parse_case, resolve
from troopledger.model import collect

SYNTHETIC = (*BASE_CLAIMS, ("paid-half", "total_revenue_to_nk", "total", "2025-03"))
CHECKED = ("pay_per_soldier_month", "state_share_of_pay", "rotation_interval_months", "troops_deployed")


def _claims(values: list[float]) -> list[Claim]:
    return [
        Claim(
            id=cid,
            quantity=q,
            value=v,
            period=per,
            window_end=end,
            speaker="synthetic",
            speaker_kind="intelligence",
            hedge="about",
            status="accepted",
        )
        for (cid, q, per, end), v in zip(SYNTHETIC, values, strict=True)
    ]


def _coverage(reps: int, wrong_share: float, robust: bool) -> float:
    prior = resolve(parse_case(SBC_CASE.encode(), "sbc.toml"))
    template = compile_observations(prior, claims=_claims([1.0] * len(SYNTHETIC)))
    draws = collect(prior, 20_000, 11, monthly_cap=1, observations=template)
    truth = collect(prior, reps, 12, monthly_cap=1, observations=template)
    rng = np.random.default_rng(13)
    hits = []
    for r in range(reps):
        said = []
        for o, y in zip(template.items, np.asarray(truth.observed)[r], strict=True):
            g = o.error.transform(np.array([y]))[0] + o.error.sd * rng.standard_normal()
            if rng.random() < wrong_share:  # a wrong claim: off by a factor of 3 to 10, either way
                g += rng.choice([-1.0, 1.0]) * math.log(rng.uniform(3.0, 10.0))
            said.append(math.exp(g) if o.error.scale == "log" else math.expm1(g))
        obs = compile_observations(prior, claims=_claims(said))
        values = np.asarray(draws.observed)
        ll = RobustObservations.build(obs).loglik(values) if robust else obs.loglik(values)
        w = importance_weights(ll).weights
        for name in CHECKED:
            lo, hi = weighted_quantiles(draws.params[name], (0.05, 0.95), w)
            hits.append(lo <= truth.params[name][r] <= hi)
    return float(np.mean(hits))


@pytest.mark.slow
def test_robust_intervals_cover_the_truth_about_90_percent_of_the_time() -> None:
    # 300 replications x 4 parameters (1,200 intervals: one standard error of the coverage is about 0.01);
    # the claims are right, with their hedge's spread.
    cov = _coverage(300, 0.0, robust=True)
    assert 0.85 <= cov <= 0.95, cov


@pytest.mark.slow
def test_robust_intervals_keep_their_coverage_when_a_tenth_of_the_claims_are_wrong() -> None:
    robust = _coverage(300, 0.1, robust=True)
    plain = _coverage(300, 0.1, robust=False)
    assert 0.85 <= robust <= 0.95, robust
    assert plain < robust - 0.05, (plain, robust)  # the check has power: a Gaussian error model undercovers
