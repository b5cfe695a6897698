"""The ledger's soldier stream is calibrated on its soldier case's claims as a cut: resampled from that posterior."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from troopledger.analysis import calibrate_streams, load_ledger, run, run_ledger
from troopledger.analysis._ledger_calibration import CALIBRATION_DRAWS
from troopledger.analysis._ledger_case import LedgerCheck
from troopledger.analysis._ledger_checks import weighing_checks
from troopledger.errors import ModelError
from troopledger.evidence import reported_on
from troopledger.model.streams.soldiers import posterior_sampler
from troopledger.report import build_ledger_payload, render_ledger_html, render_ledger_markdown, render_ledger_text

DRAWS = 20_000  # the ledger report's default


@pytest.fixture(scope="module")
def case():  # type: ignore[no-untyped-def]
    return load_ledger("nk-russia-ledger")


@pytest.fixture(scope="module")
def ledger(case):  # type: ignore[no-untyped-def]
    return run_ledger(case, DRAWS, 0)


@pytest.fixture(scope="module")
def record():  # type: ignore[no-untyped-def]
    """``troopledger report nk-russia-record`` as it runs by default (100,000 draws, seed 0): its posterior totals."""
    r = run("nk-russia-record", CALIBRATION_DRAWS, 0, contradictions=False, sensitivity=False)
    assert r.posterior is not None
    return r.posterior.totals


def _close(ledger: float, record: float, rel: float) -> None:
    assert abs(ledger / record - 1) < rel, f"ledger {ledger:,.0f} against the record's {record:,.0f}"


@pytest.mark.slow
def test_the_soldier_totals_agree_with_the_record_report(ledger, record) -> None:  # type: ignore[no-untyped-def]
    # the same calibration (claims, sampler, draws, seed) as the record's default report; the ledger resamples it
    # onto its 20,000 draws, so only resampling noise is left
    soldiers = ledger.streams["soldiers"].totals
    paid = record["paid_by_russia"]
    _close(soldiers["value_to_north_korea"].p50, paid["p50"], 0.02)
    _close(soldiers["value_to_north_korea"].p5, paid["p5"], 0.04)
    _close(soldiers["value_to_north_korea"].p95, paid["p95"], 0.04)
    _close(soldiers["value_to_north_korea"].mean, paid["mean"], 0.02)
    # the in-kind share is observed by nothing: resampling noise on the record's ~1,200 effective draws
    _close(soldiers["in_kind"].p50, record["paid_in_kind"]["p50"], 0.05)
    # and not the prior's. Since inputs built from claims carry the spread between sources (issue 18), the
    # record's claims move its paid median little (the prior's is within 1 %), but they pin the dead: the
    # calibrated stream's band of soldiers killed is less than half as wide (p95/p5) as the prior's
    prior = run_ledger(load_ledger("nk-russia-ledger"), 4_000, 0, weigh=False).streams["soldiers"].outputs["killed"][2]
    killed = ledger.streams["soldiers"].outputs["killed"][2]
    assert killed.p95 / killed.p5 < 0.5 * (prior.p95 / prior.p5)


def test_the_report_says_which_streams_are_calibrated_and_on_what(ledger) -> None:  # type: ignore[no-untyped-def]
    (cal,) = ledger.calibrations
    assert (cal.stream, cal.case, cal.method) == ("soldiers", "nk-russia-record", "robust importance")
    assert cal.draws == CALIBRATION_DRAWS
    assert "r25" in cal.claims
    assert not any(c.startswith("s0") for c in cal.claims)
    assert 400 < cal.effective_draws < CALIBRATION_DRAWS
    assert cal.pareto_khat < 0.7
    assert not cal.degenerate
    p = build_ledger_payload(ledger)
    assert json.loads(json.dumps(p))["calibrated_streams"][0]["claims"] == list(cal.claims)
    ess = f"{cal.effective_draws:,.0f} effective draws of {CALIBRATION_DRAWS:,}"
    for text in (render_ledger_text(ledger), render_ledger_markdown(ledger), render_ledger_html(ledger)):
        assert f"{len(cal.claims)} claims of nk-russia-record" in text.replace("\\", "")
        assert ess in text
        assert "s02, s04, s05" in text


def test_checks_of_the_calibrated_stream_alone_do_not_weigh(case, ledger) -> None:  # type: ignore[no-untyped-def]
    before = {c for k in weighing_checks(case) for c in case.checks[k].claims}
    assert {"s02", "s04", "s05"} <= before
    assert set(ledger.not_weighed) == {"s02", "s04", "s05"}
    assert set(ledger.weighed) == before - {"s02", "s04", "s05"}
    assert {"w07", "m31"} <= set(ledger.weighed)  # the other streams' checks still weigh
    # a check of a shared input, or of every stream's account, weighs all the same
    extra = [
        LedgerCheck(claims=["w01"], output="input:state_share_overseas", weigh=True),
        LedgerCheck(claims=["p01"], output="all.value_to_north_korea", weigh=True),
        LedgerCheck(claims=["s02"], output=["soldiers.killed", "workers.workers_in_russia"], weigh=True),
    ]
    more = replace(ledger.case, checks=(*ledger.case.checks, *extra))
    assert weighing_checks(more)[-3:] == [len(more.checks) - 3, len(more.checks) - 2, len(more.checks) - 1]
    # the checks are still shown against the calibrated stream
    assert {c.claim for c in ledger.checks} >= {"s02", "s04", "s05"}


def test_the_soldier_stream_is_the_model_on_posterior_draws(case) -> None:  # type: ignore[no-untyped-def]
    from troopledger.analysis._ledger_run import draw_ledger
    from troopledger.calibration import calibrate

    calibrated, _ = calibrate_streams(case, 1_000, 3, workers=1, at_least=1_000)
    _, drawn, _ = draw_ledger(calibrated, 1_000, 3, (0, len(case.months) - 1))
    cal = calibrate(case.soldier_prior, 1_000, 3)
    assert cal.posterior_draws is not None
    assert cal.weights is not None
    post = cal.posterior_draws
    # every ledger draw is one of the posterior's draws, with the model's totals of that draw
    key = np.round(post.params["pay_rank_private"], 9)
    row = {v: i for i, v in enumerate(key)}
    picked = np.array([row[v] for v in np.round(drawn.inputs["soldiers.pay_rank_private"], 9)])
    for name in ("wave_first_size", "killed_hazard", "death_compensation"):
        np.testing.assert_array_equal(drawn.inputs[f"soldiers.{name}"], post.params[name][picked])
    np.testing.assert_allclose(drawn.totals["soldiers"]["soldiers_value"], post.totals["paid_by_russia"][picked])
    assert np.all(cal.weights.weights[picked] > 0)


def test_same_numbers_whatever_the_threads(case) -> None:  # type: ignore[no-untyped-def]
    from troopledger.analysis._ledger_run import draw_ledger

    runs = []
    for workers in (1, 2):
        calibrated, _ = calibrate_streams(case, 1_500, 5, workers=workers, at_least=1_500)
        runs.append(draw_ledger(calibrated, 1_500, 5, (0, len(case.months) - 1))[1])
    np.testing.assert_array_equal(runs[0].accounts["value_to_north_korea"], runs[1].accounts["value_to_north_korea"])
    np.testing.assert_array_equal(runs[0].totals["soldiers"]["killed"], runs[1].totals["soldiers"]["killed"])


def test_unweighed_runs_keep_the_prior(case) -> None:  # type: ignore[no-untyped-def]
    r = run_ledger(case, 1_000, 0, weigh=False)
    assert r.calibrations == ()
    assert r.not_weighed == []
    assert r.weighed == []
    s = run_ledger(case, 1_000, 0, scenario="capacity-12m-as-count")
    assert s.calibrations == ()


@pytest.mark.slow
def test_without_the_shared_cut_the_states_share_agrees_too(tmp_path: Path, record) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "soldiers.toml"
    path.write_text(
        '[case]\nname = "soldiers-only"\ntitle = "Soldiers"\nstart = "2024-10"\nmonths = 15\n'
        'soldiers = "nk-russia-record"\nshared_state_cut = false\n[inputs.workers]\n'
        "stock_at_start = { point = 1000 }\n",
        encoding="utf-8",
    )
    soldiers = run_ledger(load_ledger(str(path)), 10_000, 0).streams["soldiers"].totals
    _close(soldiers["kept_by_state"].p50, record["to_state"]["p50"], 0.03)
    _close(soldiers["value_to_north_korea"].p50, record["paid_by_russia"]["p50"], 0.03)


def test_history_calibrates_on_the_claims_known_by_then() -> None:
    day = dt.date(2025, 3, 31)
    view = load_ledger("nk-russia-ledger", day=day)
    assert view.soldier_prior is not None
    _, (cal,) = calibrate_streams(view, 1_000, 0, workers=1, at_least=1_000)
    known = {c.id: c for c in view.soldier_prior.claims}
    assert cal.claims
    assert all((reported_on(known[c]) or day) <= day for c in cal.claims)
    full = load_ledger("nk-russia-ledger")
    _, (now,) = calibrate_streams(full, 1_000, 0, workers=1, at_least=1_000)
    assert set(cal.claims) < set(now.claims)


def test_posterior_sampler_picks_rows_by_weight_with_its_own_generator() -> None:
    rows = {"x": np.arange(4.0), "m": np.arange(8.0).reshape(4, 2)}
    draw = posterior_sampler(rows, np.array([0.0, 1.0, 3.0, 0.0]))
    a = draw(7, 0, 40_000)
    assert set(np.unique(a["x"])) == {1.0, 2.0}
    assert abs(np.mean(a["x"] == 2.0) - 0.75) < 0.01
    np.testing.assert_array_equal(a["m"][:, 0], 2 * a["x"])  # whole rows
    np.testing.assert_array_equal(draw(7, 0, 40_000)["x"], a["x"])
    assert not np.array_equal(draw(7, 1, 40_000)["x"], a["x"])
    for bad in (np.array([0.0, 0.0, 0.0, 0.0]), np.array([1.0, -1.0, 1.0, 1.0]), np.array([1.0, np.nan, 1.0, 1.0])):
        with pytest.raises(ModelError):
            posterior_sampler(rows, bad)
    with pytest.raises(ModelError):
        posterior_sampler(rows, np.ones(3))


def test_the_posterior_step_is_calibrates_own(case) -> None:  # type: ignore[no-untyped-def]
    from troopledger.calibration import calibrate, posterior

    full = calibrate(case.soldier_prior, 800, 11)
    alone = posterior(case.soldier_prior, 800, 11)
    assert alone is not None
    assert full.weights is not None
    np.testing.assert_array_equal(alone.weights.weights, full.weights.weights)
    assert alone.observations.ids == full.observations.ids
    assert set(alone.params) >= {k for k in full.posterior_draws.params if k != "pay_per_soldier_month"}
