"""Calibration: claims compiled to observations, importance weights, tempering, coverage."""

from __future__ import annotations

import io
import json
import math
from contextlib import redirect_stdout

import numpy as np
import pytest

from helpers import SBC_CASE, SYNTHETIC
from troopledger._cli import main
from troopledger.analysis import run
from troopledger.calibration import (
    compile_observations,
    hedge_class,
    importance_weights,
    temper,
    weighted_quantiles,
    with_doubt,
)
from troopledger.claims import Claim
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, load_case, parse_case, resolve
from troopledger.model import collect


def _claims(values: list[float], hedge: str = "could") -> list[Claim]:
    return [
        Claim(
            id=cid, quantity=q, value=v, period=per, window_end=end, speaker="synthetic", hedge=hedge, status="accepted"
        )
        for (cid, q, per, end), v in zip(SYNTHETIC, values, strict=True)
    ]


def _noisy(obs, truth: np.ndarray, rng: np.random.Generator, inflate: float = 1.0) -> list[float]:  # type: ignore[no-untyped-def]
    """Claimed figures drawn around the truth with the error model's own spread."""
    out = []
    for o, y in zip(obs.items, truth, strict=True):
        e = inflate * o.error.sd * rng.standard_normal()
        out.append(math.exp(math.log(y) + e) if o.error.scale == "log" else math.expm1(math.log1p(y) + e))
    return out


def _coverage(reps: int, inflate: float) -> float:
    case = resolve(parse_case(SBC_CASE.encode(), "sbc.toml"))
    template = compile_observations(case, claims=_claims([1.0] * len(SYNTHETIC)))
    assert len(template) == len(SYNTHETIC)
    prior = collect(case, 4000, 11, observations=template)
    truth = collect(case, reps, 12, observations=template)
    rng = np.random.default_rng(13)
    hits = []
    for r in range(reps):
        obs = compile_observations(case, claims=_claims(_noisy(template, truth.observed[r], rng, inflate)))
        iw = importance_weights(obs.loglik(prior.observed))
        params, w = prior.params, iw.weights
        if iw.degenerate:  # as the tool does: tempering where the weights cannot be trusted
            params, w = temper(case, obs, 2000, 100 + r).params, None
        for name in ("pay_per_soldier_month", "state_share_of_pay", "rotation_interval_months"):
            lo, hi = weighted_quantiles(params[name], (0.05, 0.95), w)
            hits.append(lo <= truth.params[name][r] <= hi)
    return float(np.mean(hits))


def test_posterior_intervals_cover_the_truth_about_90_percent_of_the_time() -> None:
    # 40 replications x 3 parameters = 120 intervals; 90 % should cover ~108. The three
    # intervals of one replication are correlated, so the band is wider than a binomial
    # one (with 40 independent replications, sd ~ 0.05): 0.75 to 0.98.
    cov = _coverage(40, 1.0)
    assert 0.75 <= cov <= 0.98, cov


def test_coverage_check_has_power_against_overconfident_claims() -> None:
    # Claims four times noisier than their hedge admits: the intervals must visibly undercover.
    assert _coverage(20, 4.0) < 0.6


def test_default_case_observations_and_skips() -> None:
    case = resolve(load_case("nk-russia-2024"))
    evidence = compile_observations(case, include_parameter_claims=False)
    assert set(evidence.ids) == {"bi-nis-total", "bi-ponomarenko-100k", "bi-g20-100k", "rbc-independent-takehome"}
    everything = compile_observations(case)
    assert {"bi-ponomarenko-rotation", "bi-lee-nothing", "rbc-independent-90"} <= set(everything.ids)
    rotation = next(o for o in everything.items if o.id == "bi-ponomarenko-rotation")
    assert rotation.parameter == "rotation_interval_months"
    skipped = {s.claim_id: s.reason for s in everything.skipped}
    assert "other" in skipped["bi-chung-defence"]


def test_claims_outside_the_horizon_are_skipped_with_a_reason() -> None:
    case = resolve(parse_case(SBC_CASE.encode(), "sbc.toml"))
    late = Claim(
        id="late",
        quantity="casualties_killed",
        value=2000,
        window_end="2025-12",
        speaker="x",
        status="accepted",
    )
    early = late.model_copy(update={"id": "early", "window_end": "2023-01"})
    pending = late.model_copy(update={"id": "pending", "window_end": "2025-01", "status": "pending"})
    obs = compile_observations(case, claims=[late, early, pending])
    assert len(obs) == 0
    reasons = {s.claim_id: s.reason for s in obs.skipped}
    assert "after the case's horizon" in reasons["late"]
    assert "before the case starts" in reasons["early"]
    assert "pending" in reasons["pending"]


def test_hedges_set_the_width_and_one_sided_bounds_are_soft() -> None:
    assert hedge_class("about") == "about"
    assert hedge_class("could") == "speculative"
    assert hedge_class("none") == "exact"
    case = resolve(parse_case(SBC_CASE.encode(), "sbc.toml"))
    base = {"quantity": "cumulative_troops", "window_end": "2025-09", "speaker": "x", "status": "accepted"}
    about = Claim(id="a", value=1e5, hedge="about", **base)
    could = Claim(id="c", value=1e5, hedge="could", **base)
    up_to = Claim(id="u", high=1e5, hedge="up to", **base)
    at_least = Claim(id="l", low=1e5, hedge="at least", **base)
    obs = compile_observations(case, claims=[about, could, up_to, at_least])
    sd = {o.id: o.error.sd for o in obs.items}
    assert sd["c"] > sd["a"]
    x = np.array([[v] * 4 for v in (5e4, 1e5, 2e5)])
    ll = obs.loglik(x)
    assert ll[0, 2] > ll[1, 2] > ll[2, 2]  # "up to": lower is better
    assert ll[0, 3] < ll[1, 3] < ll[2, 3]  # "at least": higher is better
    assert ll[0, 2] > -0.01
    assert ll[2, 3] > -0.01


def test_importance_weights_and_their_diagnostics() -> None:
    rng = np.random.default_rng(0)
    flat = importance_weights(np.zeros(5000))
    assert flat.weights == pytest.approx(np.full(5000, 1 / 5000))
    assert flat.ess == pytest.approx(5000)
    assert not flat.degenerate
    mild = importance_weights(-0.5 * rng.standard_normal(5000) ** 2)
    assert mild.khat < 0.7
    assert mild.ess > 2000
    narrow = importance_weights(-0.5 * (rng.standard_normal(5000) * 30) ** 2)
    assert not narrow.degenerate
    assert 100 < narrow.ess < 400
    heavy = importance_weights(3.0 * rng.standard_normal(5000))  # lognormal weights: a heavy tail
    assert heavy.khat > 0.7
    assert heavy.degenerate
    needle = importance_weights(-0.5 * (rng.standard_normal(5000) * 3000) ** 2)
    assert needle.ess < 50
    assert needle.degenerate
    with pytest.raises(CalibrationError):
        importance_weights(np.full(100, -np.inf))


def test_tempering_agrees_with_importance_sampling_where_both_work() -> None:
    case = resolve(parse_case(SBC_CASE.encode(), "sbc.toml"))
    obs = compile_observations(case, claims=_claims([1500.0, 60000.0, 1500.0, 3.0e8]))
    prior = collect(case, 6 * BLOCK, 5, observations=obs)
    w = importance_weights(obs.loglik(prior.observed))
    assert not w.degenerate
    t = temper(case, obs, 8192, 5)
    assert t.stages >= 1
    for name in ("pay_per_soldier_month", "state_share_of_pay", "rotation_interval_months"):
        q_is = weighted_quantiles(prior.params[name], (0.25, 0.5, 0.75), w.weights)
        q_t = np.quantile(t.params[name], (0.25, 0.5, 0.75))
        spread = q_is[2] - q_is[0]
        assert abs(q_t[1] - q_is[1]) < 0.25 * spread, name
        assert 0.7 < (q_t[2] - q_t[0]) / spread < 1.4, name


def test_same_seed_same_posterior_whatever_the_chunking() -> None:
    case = resolve(load_case("nk-russia-2024"))
    kw = {"contradictions": False, "sensitivity": False}
    a = run(case, 2 * BLOCK + 100, 4, chunk_size=BLOCK, **kw)
    b = run(case, 2 * BLOCK + 100, 4, chunk_size=4 * BLOCK, workers=2, **kw)
    assert a.sample_stats is not None
    assert b.sample_stats is not None
    assert a.sample_stats["method"] == b.sample_stats["method"]
    assert a.posterior is not None
    assert b.posterior is not None
    assert a.posterior.totals == b.posterior.totals
    assert a.posterior.parameters == b.posterior.parameters


def test_report_json_has_posterior_diagnostics_and_contradictions() -> None:
    buf = io.StringIO()
    with redirect_stdout(buf), pytest.raises(SystemExit):
        main(["report", "--format", "json", "--draws", "3000", "--seed", "2"])
    p = json.loads(buf.getvalue())
    assert p["calibrated"] is True
    cal = p["calibration"]
    assert cal["method"] == "robust importance"
    assert 0.0 <= cal["claims_wrong_posterior"]["rbc-independent-takehome"] <= 1.0
    assert cal["mc_error"]["paid_by_russia"]["p50"] > 0
    assert isinstance(cal["pareto_khat"], float)
    assert cal["importance_ess"] > 0
    assert "rbc-independent-takehome" in cal["observations"]
    assert p["parameters"]["state_share_of_pay"]["prior"]["p50"] > 0.85
    found = {frozenset(c["claims"]) for c in p["contradictions"]}
    assert frozenset({"rbc-independent-takehome", "bi-lee-nothing"}) in found
    for c in p["contradictions"]:
        assert c["statistic"] < c["threshold"]
        assert c["explanation"]
    buf = io.StringIO()
    with redirect_stdout(buf), pytest.raises(SystemExit):
        main(["report", "--format", "json", "--draws", "3000", "--no-calibrate"])
    plain = json.loads(buf.getvalue())
    assert plain["calibrated"] is False
    assert plain["contradictions"] == []


WAVES_CASE = """
[case]
name = "waves"
start = "2024-10"
months = 12

[deployment]
mode = "waves"

[[deployment.waves]]
name = "first"
arrival = "2024-10"
size = { to = [10000, 12000] }

[[deployment.waves]]
name = "second"
arrival = "2025-01"
size = { to = [1000, 3000] }

[parameters.pay_per_soldier_month]
point = 2000

[parameters.state_share_of_pay]
to = [0.8, 0.99]

[parameters.killed_hazard]
to = [0.002, 0.05]

[parameters.wounded_hazard]
to = [0.01, 0.1]

[[claims]]
id = "killed-apr"
quantity = "casualties_killed"
value = 600
window_end = "2025-04"
speaker = "Agency"
hedge = "about"
status = "accepted"

[[claims]]
id = "wounded-apr"
quantity = "casualties_wounded"
value = 4100
window_end = "2025-04"
speaker = "Agency"
hedge = "about"
status = "accepted"
"""


def test_dated_casualty_counts_calibrate_the_hazards() -> None:
    case = parse_case(WAVES_CASE.encode(), "waves.toml")
    cal = run(case, 3 * BLOCK, 0, contradictions=False, sensitivity=False)
    assert cal.observed_data is not None
    assert cal.observed_data.ids == ["killed-apr", "wounded-apr"]
    assert cal.posterior is not None
    prior, post = cal.prior.parameters["killed_hazard"], cal.posterior.parameters["killed_hazard"]
    assert post["p95"] - post["p5"] < 0.5 * (prior["p95"] - prior["p5"])
    # about 11,000-13,000 soldiers for 7 months: 600 killed is a hazard near 0.8 % a month
    assert 0.005 < post["p50"] < 0.011
    wounded = cal.posterior.parameters["wounded_hazard"]
    assert 0.04 < wounded["p50"] < 0.08


def test_the_pilot_model_runs_give_the_same_values_on_any_number_of_threads() -> None:
    # the model is a function of each draw alone: cutting the particles into parts changes nothing
    from troopledger.calibration._tempering import _Latent, model_values

    prior = with_doubt(resolve(load_case("nk-russia-record")))
    obs = compile_observations(prior)
    latent = _Latent(prior)
    params = latent.params(*latent.initial(3, 3_000))
    one = model_values(prior, obs, params)
    assert np.array_equal(one, model_values(prior, obs, params, workers=2), equal_nan=True)
    assert np.array_equal(one, model_values(prior, obs, params, workers=3), equal_nan=True)


def test_the_latent_grid_map_is_np_interp_bit_for_bit() -> None:
    """The even-grid lookup gives exactly what ``np.interp`` gives, at and between grid points and beyond."""
    from troopledger.calibration._tempering import _Z_GRID, _Latent, _on_grid

    latent = _Latent(resolve(load_case("nk-russia-record")))
    rng = np.random.default_rng(7)
    z = np.concatenate(
        [
            rng.standard_normal(20_000) * 4.0,
            _Z_GRID,
            np.nextafter(_Z_GRID, np.inf),
            np.nextafter(_Z_GRID, -np.inf),
            [-np.inf, -30.0, -9.0, 9.0, 30.0, np.inf, np.nan],
        ]
    )
    for k, table in latent.tables.items():
        np.testing.assert_array_equal(_on_grid(z, table, latent.slopes[k]), np.interp(z, _Z_GRID, table), err_msg=k)
