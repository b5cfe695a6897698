"""Claims that can be wrong: robust likelihoods, doubted priors, contradiction sets, readings, the sampler."""

from __future__ import annotations

import math

import numpy as np
import pytest

from troopledger.calibration import (
    ALL_WRONG,
    RIGHT_BY_KIND,
    WRONG_FACTOR,
    ErrorModel,
    Observations,
    RobustObservations,
    batch_error,
    calibrate,
    compile_observations,
    find_contradictions,
    readings,
    right_probability,
    robust_loglik,
    scan_sets,
    weighted_quantiles,
    with_doubt,
)
from troopledger.claims import Claim
from troopledger.errors import CalibrationError
from troopledger.evidence import Z90, Mixture, load_case, parse_case, resolve


def _claim(**kw: object) -> Claim:
    base: dict[str, object] = {"id": "c", "quantity": "troops_deployed", "value": 1000.0, "speaker": "s"}
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def test_right_probability_by_kind_and_hedge_and_overrides() -> None:
    assert right_probability(_claim(speaker_kind="intelligence", hedge="about")) == RIGHT_BY_KIND["intelligence"]
    assert right_probability(_claim(speaker_kind="anonymous", hedge="could")) == pytest.approx(0.7 * 0.8)
    assert right_probability(_claim(speaker_kind="defector"), by_kind={"defector": 0.5}) == 0.5
    with pytest.raises(CalibrationError, match="must be in"):
        right_probability(_claim(), by_kind={"other": 1.0})


def test_robust_likelihood_by_hand() -> None:
    # A count said to be about e^5: normal on the log scale with sd 0.1. At the stated
    # figure the right density is 1 / (0.1 sqrt(2 pi)); a wrong claim's density is the
    # broad normal's, sd log(10) / 1.645, at the same point.
    err = ErrorModel("log", "two", 5.0, 0.1)
    x = np.array([math.exp(5.0), math.exp(5.5)])
    total, log_wrong = robust_loglik(err, x, 0.9)
    sd_w = math.log(WRONG_FACTOR) / Z90
    right = np.array([1.0, math.exp(-0.5 * 25.0)]) / (0.1 * math.sqrt(2 * math.pi))
    wrong = np.exp(-0.5 * (np.array([0.0, 0.5]) / sd_w) ** 2) / (sd_w * math.sqrt(2 * math.pi))
    np.testing.assert_allclose(np.exp(total), 0.9 * right + 0.1 * wrong, rtol=1e-12)
    np.testing.assert_allclose(np.exp(log_wrong), 0.1 * wrong / (0.9 * right + 0.1 * wrong), rtol=1e-12)
    assert np.exp(log_wrong[0]) < 0.01 < 0.99 < np.exp(log_wrong[1])  # five sds away: almost surely wrong
    # a share: a wrong figure is uniform on [0, 1]; a bound: a wrong one holds half the time
    share = robust_loglik(ErrorModel("linear", "two", 0.9, 0.03), np.array([0.9]), 0.8)[0]
    assert math.exp(share[0]) == pytest.approx(0.8 / (0.03 * math.sqrt(2 * math.pi)) + 0.2)
    bound = robust_loglik(ErrorModel("log", "upper", 5.0, 0.1), np.array([1e9]), 0.8)[0]
    assert math.exp(bound[0]) == pytest.approx(0.2 * 0.5, rel=1e-6)


def test_doubted_prior_keeps_a_chance_that_all_claims_are_wrong() -> None:
    prior = resolve(load_case("nk-russia-2024"))
    doubted = with_doubt(prior)
    share = doubted.slots["state_share_of_pay"].distribution
    assert isinstance(share, Mixture)
    assert share.labels[-1] == "all its claims wrong"
    assert share.probabilities[-1] == pytest.approx(ALL_WRONG)
    # an assumption (no claims) is left alone
    assert doubted.slots["killed_hazard"].distribution == prior.slots["killed_hazard"].distribution
    with pytest.raises(CalibrationError):
        with_doubt(prior, 1.0)


def _graph(*deps: str) -> dict[str, frozenset[str]]:
    return {f"c{i}": frozenset(d.split()) for i, d in enumerate(deps)}


def test_a_set_of_three_is_flagged_when_no_pair_is() -> None:
    # x, y ~ N(0, 1); claim 0 says x ~ 1, claim 1 says y ~ 1, claim 2 says x + y ~ 0 (sd 0.1 each).
    # Any two can hold; all three cannot (x + y would be 2).
    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((2, 200_000))
    ll = np.stack([-0.5 * ((x - 1) / 0.1) ** 2, -0.5 * ((y - 1) / 0.1) ** 2, -0.5 * ((x + y) / 0.1) ** 2], axis=1)
    found = scan_sets(ll, ["c0", "c1", "c2"], _graph("x", "y", "x y"))
    assert [f.claims for f in found] == [("c0", "c1", "c2")]
    assert found[0].statistic < -10
    # claims that share no parameter are never set against each other, whatever their columns say
    opposed = np.stack([-0.5 * ((x - 2) / 0.1) ** 2, -0.5 * ((x + 2) / 0.1) ** 2], axis=1)
    assert scan_sets(opposed, ["c0", "c1"], _graph("x", "z")) == []
    flagged = scan_sets(opposed, ["c0", "c1"], _graph("x", "x"))
    assert [f.claims for f in flagged] == [("c0", "c1")]
    # a flagged pair is not repeated inside a larger set
    three = np.concatenate([opposed, ll[:, :1]], axis=1)
    assert all(len(f.claims) == 2 for f in scan_sets(three, ["c0", "c1", "c2"], _graph("x", "x", "x")))


PLANTED = """
[case]
name = "planted-year"
start = "2025-01"
months = 12

[deployment]
mode = "rotation"

[parameters.pay_per_soldier_month]
from_claims = true

[parameters.troops_deployed]
from_claims = true

[parameters.rotation_interval_months]
fixed = 12

[parameters.state_share_of_pay]
to = [0.5, 0.95]

[parameters.killed_hazard]
to = [0.0002, 0.002]

[parameters.wounded_hazard]
to = [0.0005, 0.005]

[[claims]]
id = "total"
quantity = "total_revenue_to_nk"
value = 280e6
period = "year"
stated = "400 billion won for one year"
speaker = "Think tank"
speaker_kind = "think_tank"
hedge = "none"
status = "accepted"

[[claims]]
id = "troops"
quantity = "troops_deployed"
value = 14000
speaker = "Think tank"
speaker_kind = "think_tank"
hedge = "none"
status = "accepted"

[[claims]]
id = "floor"
quantity = "pay_per_soldier_month"
low = 2000
speaker = "Think tank"
speaker_kind = "think_tank"
hedge = "none"
status = "accepted"

[[claims]]
id = "dead"
quantity = "casualties_killed"
value = 100
speaker = "Agency"
speaker_kind = "intelligence"
hedge = "none"
status = "accepted"
"""


def test_a_yearly_total_below_troops_times_the_pay_floor_is_flagged_as_a_set() -> None:
    # 14,000 troops x $2,000 x 12 = $336 million, a fifth above the $280 million said for the year.
    # Any two of the claims can hold; the three together cannot.
    prior = resolve(parse_case(PLANTED.encode(), "planted.toml"))
    found = find_contradictions(prior)
    sets = {frozenset(c.claims) for c in found}
    assert frozenset({"total", "troops", "floor"}) in sets
    assert not any(len(s) == 2 and s <= {"total", "troops", "floor"} for s in sets)
    c = next(c for c in found if set(c.claims) == {"total", "troops", "floor"})
    assert c.statistic < -3
    assert c.most_likely_wrong in c.claims
    assert "Russia's payment per year" in c.explanation


PLANTED_FOUR = """
[case]
name = "planted-four"
start = "2025-01"
months = 12

[deployment]
mode = "waves"

[[deployment.waves]]
name = "first"
arrival = "2025-01"
size = { from_claims = true, claims = ["wave1"] }

[[deployment.waves]]
name = "second"
arrival = "2025-01"
size = { from_claims = true, claims = ["wave2"] }

[parameters.pay_per_soldier_month]
from_claims = true

[parameters.state_share_of_pay]
to = [0.5, 0.95]

[parameters.killed_hazard]
to = [0.0002, 0.002]

[parameters.wounded_hazard]
to = [0.0005, 0.005]

[[claims]]
id = "total"
quantity = "total_revenue_to_nk"
value = 280e6
period = "year"
speaker = "Think tank"
speaker_kind = "think_tank"
hedge = "HEDGE"
status = "accepted"

[[claims]]
id = "wave1"
quantity = "troops_deployed"
value = 11000
speaker = "Think tank"
speaker_kind = "think_tank"
hedge = "HEDGE"
status = "accepted"

[[claims]]
id = "wave2"
quantity = "troops_deployed"
value = 3000
speaker = "Think tank"
speaker_kind = "think_tank"
hedge = "HEDGE"
status = "accepted"

[[claims]]
id = "floor"
quantity = "pay_per_soldier_month"
low = 2000
speaker = "Think tank"
speaker_kind = "think_tank"
hedge = "FLOOR"
status = "accepted"
"""


def test_a_yearly_total_below_two_waves_times_the_pay_floor_is_flagged_as_a_set_of_four() -> None:
    # Two waves of 11,000 and 3,000 troops for the whole year at no less than $2,000 a month need
    # 14,000 x $2,000 x 12 = $336 million, a fifth above the $280 million said for the year. Without
    # either wave, the floor or the total the rest can hold (11,000 x $2,000 x 12 = $264 million),
    # so the set is flagged as four claims and no three of them are.
    plain = PLANTED_FOUR.replace("HEDGE", "none").replace("FLOOR", "none")
    prior = resolve(parse_case(plain.encode(), "planted.toml"))
    found = find_contradictions(prior)
    assert [set(c.claims) for c in found] == [{"total", "wave1", "wave2", "floor"}]
    assert found[0].statistic < -3
    assert found[0].most_likely_wrong in found[0].claims


def test_hedged_figures_allow_a_fifth_and_are_not_flagged() -> None:
    # "about 280 million", "~11,000", "about 3,000" and "no less than $2,000": each hedge lets its figure
    # sit 25 % from the truth (90 %), so an 18 % gap on the log scale is within their combined spread
    # (docs/calibration.md, "What a hedge allows")
    hedged = PLANTED_FOUR.replace("HEDGE", "about").replace("FLOOR", "no less than")
    hedged = hedged.replace(
        'value = 11000\nspeaker = "Think tank"\nspeaker_kind = "think_tank"\nhedge = "about"',
        'value = 11000\nspeaker = "Think tank"\nspeaker_kind = "think_tank"\nhedge = "~"',
    )
    assert 'hedge = "~"' in hedged
    assert find_contradictions(resolve(parse_case(hedged.encode(), "planted.toml"))) == []


def test_readings_split_the_posterior_into_coherent_stories() -> None:
    # 1,000 draws: in the first 300 claim "a" is wrong (state keeps 0.6), in the rest it is right (0.95).
    n = 1000
    log_wrong = np.full((n, 2), np.log(1e-6))
    log_wrong[:300, 0] = np.log(0.999)
    share = np.where(np.arange(n) < 300, 0.6, 0.95)
    totals = {"paid_by_russia": np.full(n, 100.0), "to_state": 100.0 * share, "to_soldiers": 100.0 * (1 - share)}
    out = readings(log_wrong, np.ones(n), ["a", "b"], totals, {"state_share_of_pay": share})
    assert [r["wrong"] for r in out] == [[], ["a"]]
    assert [round(r["weight"], 3) for r in out] == [0.7, 0.3]
    assert out[1]["parameters"]["state_share_of_pay"] == pytest.approx(0.6)
    assert readings(np.full((n, 2), np.log(1e-6)), np.ones(n), ["a", "b"], totals, {}) == []


def test_batch_means_error_of_a_mean() -> None:
    x = np.random.default_rng(1).standard_normal(100_000)
    se, _ = batch_error(lambda s: float(x[s].mean()), x.size)
    assert se == pytest.approx(1 / math.sqrt(x.size), rel=0.5)


@pytest.fixture(scope="module")
def record_calibration():  # type: ignore[no-untyped-def]
    prior = resolve(load_case("nk-russia-record"))
    return prior, calibrate(prior, 20_000, 5)


@pytest.mark.slow
def test_parameters_no_observation_depends_on_keep_their_prior(record_calibration) -> None:  # type: ignore[no-untyped-def]
    _, cal = record_calibration
    assert "in_kind_share" not in cal.sampler["observed_parameters"]
    pd, w = cal.posterior_draws, cal.posterior_weights
    # in_kind_share is uniform on [0, 0.3] in the record case and no claim reads it
    q = weighted_quantiles(pd.params["in_kind_share"], (0.05, 0.5, 0.95), w)
    np.testing.assert_allclose(q, [0.015, 0.15, 0.285], atol=0.012)


@pytest.mark.slow
def test_the_record_case_follows_the_first_ships_and_the_dead(record_calibration) -> None:  # type: ignore[no-untyped-def]
    _, cal = record_calibration
    # about 1,500 shipped by mid-October and 10,900-11,000 by mid-November are both true of a
    # vanguard and a main body read at mid-month; NIS's 2,000 dead by August is not called wrong
    assert cal.wrong["r01"] < 0.5
    assert cal.wrong["r06"] < 0.5
    assert cal.wrong["r25"] < 0.5
    assert cal.weights.khat < 0.7
    err = cal.mc_error["paid_by_russia"]["p50"]
    med = weighted_quantiles(cal.posterior_draws.totals["paid_by_russia"], (0.5,), cal.posterior_weights)[0]
    assert 0 < err < 0.03 * med


def test_robust_observations_check_their_inputs() -> None:
    prior = resolve(load_case("nk-russia-2024"))
    obs = compile_observations(prior).evidence()
    with pytest.raises(CalibrationError, match="must be in"):
        RobustObservations.build(obs, overrides={obs.ids[0]: 1.0})
    with pytest.raises(CalibrationError, match="shaped"):
        RobustObservations.build(obs).loglik(np.zeros((3, len(obs) + 1)))
    assert len(RobustObservations.build(Observations([]))) == 0


def test_posterior_sensitivity_weighs_the_draws() -> None:
    # The total rises with x in the draws the posterior keeps and falls with it in those it
    # drops: weighted, the correlation is the kept draws' (+1); unweighted it is near 0.
    from troopledger.analysis import rank_sensitivity
    from troopledger.model import Draws

    rng = np.random.default_rng(3)
    x = rng.uniform(size=20_000)
    kept = np.arange(x.size) % 2 == 0
    y = np.where(kept, x, 1 - x)
    d = Draws([], {"paid_by_russia": y, "to_state": y}, {}, {}, {"x": x, "z": rng.uniform(size=x.size)}, 0.0, 0, x.size)
    targets = ("paid_by_russia", "to_state")
    weighted = rank_sensitivity(d, targets, weights=kept.astype(float))
    plain = rank_sensitivity(d, targets)
    assert weighted["parameters"]["x"]["paid_by_russia"] == pytest.approx(1.0, abs=1e-3)
    assert abs(plain["parameters"]["x"]["paid_by_russia"]) < 0.05
    assert weighted["order"] == ["x", "z"]
    assert weighted["swing"]["x"]["paid_by_russia"]["high"] > 0.9
