"""The hindcast scores later claims about inputs too (money among them), in their own unit, and says what it cannot."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from troopledger._cli._app import _register as register_commands
from troopledger._cli._app import app
from troopledger.analysis import history
from troopledger.analysis._hindcast_inputs import family_of, later_claims, predicted_input
from troopledger.claims import Claim
from troopledger.evidence import load_case


@pytest.fixture(scope="module")
def spring_2025() -> dict:
    return history(load_case("nk-russia-record"), start="2025-03", end="2025-05", draws=256, seed=2).as_dict()


def test_pay_claims_are_held_against_the_rank_pay_known_before(spring_2025: dict) -> None:
    scores = {(s["as_of"], s["claim"]): s for s in spring_2025["hindcast"]["scores"]}
    private = scores[("2025-04-30", "r20-private")]  # reported 2025-05-30
    assert private["what"] == "pay rank private"
    assert private["unit"] == "USD/month"
    assert private["quantity"] == "pay_per_soldier_month"
    assert 1000 < private["p50"] < 4000
    assert ("2025-03-31", "r16") in scores  # "at least $2,000", reported 2025-04-08
    assert ("2025-05-31", "r20-private") not in scores  # known by then
    cov = spring_2025["hindcast"]["coverage"]
    pay = cov["by_family"]["pay"]
    assert pay["all"]["n"] == sum(family_of(s["quantity"]) == "pay" for s in scores.values())
    ratios = [s["p95"] / s["p5"] for s in scores.values() if s["p5"] > 0]
    assert cov["sharpness"]["median_p95_over_p5"] == pytest.approx(float(np.median(ratios)))


def test_what_no_day_can_predict_is_listed_with_why(spring_2025: dict) -> None:
    why = {u["id"]: u["reason"] for u in spring_2025["hindcast"]["unscored"]}
    assert "split into parts" in why["r20"]  # a range over ranks: its parts are scored
    assert "fixes" in why["r21"]  # the death payment is assumed 0 until reported: no prediction
    assert "rejected" in why["r36"]
    assert "not something the model computes" in why["r07"]
    scored = {s["claim"] for s in spring_2025["hindcast"]["scores"]}
    assert not scored & set(why)


def test_an_input_read_in_the_claims_period() -> None:
    c = Claim(
        id="y",
        quantity="pay_per_soldier_month",
        value=24000.0,
        unit="USD/year",
        period="year",
        speaker="test",
        status="accepted",
    )
    got = predicted_input(c, "pay_per_soldier_month", {"pay_per_soldier_month": np.array([1000.0, 3000.0])}, {}, 2)
    assert isinstance(got, tuple)
    assert got[0].tolist() == [12000.0, 36000.0]  # monthly draws read per year
    fixed = predicted_input(c, "death_compensation", {}, {"death_compensation": 0.0}, 2)
    assert isinstance(fixed, str)
    assert "assumption, not a prediction" in fixed
    same = predicted_input(c, "pay_per_soldier_month", {"pay_per_soldier_month": np.array([5.0, 5.0])}, {}, 2)
    assert isinstance(same, str)


def test_a_statement_with_parts_the_case_uses_is_scored_through_them() -> None:
    base = {"quantity": "troops_per_rotation", "unit": "persons", "speaker": "t", "status": "accepted"}
    whole = Claim(id="w", value=6000.0, **base)
    part = Claim(id="w-a", value=1000.0, **base)
    out, why = later_claims([whole, part], {"w-a"})
    assert "w" not in {c.id for c in out}
    assert "w-a" in why["w"]


def test_reconcile_until_reaches_a_forecast_month(tmp_path: Path) -> None:
    register_commands()
    runner = CliRunner()
    out = tmp_path / "r.json"
    args = ["reconcile", "nk-russia-record", "--target", "cumulative_paid_by_russia@2026-06=800e6", "--draws", "2000"]
    res = runner.invoke(app, args)
    assert res.exit_code != 0
    assert "--until 2026-06" in str(res.exception)
    res = runner.invoke(app, [*args, "--until", "2026-12", "--format", "json", "--out", str(out)])
    assert res.exit_code == 0, res.output
    p = json.loads(out.read_text())
    assert p["forecast_months"][0] == "2026-01"
    assert p["forecast_months"][-1] == "2026-12"
    assert p["posterior"]["p50"] > 0
    for fmt, needle in (("text", "a forecast month"), ("md", "a forecast month")):
        res = runner.invoke(app, [*args, "--until", "2026-12", "--format", fmt])
        assert res.exit_code == 0
        assert needle in res.output.replace("\n", " ")


def test_the_predictive_band_adds_the_claims_own_error() -> None:
    from troopledger.analysis._hindcast import predictive_band

    x = np.exp(np.linspace(-1.0, 1.0, 401))
    lo0, hi0 = predictive_band(x, None, "log", 0.0)
    assert lo0 == pytest.approx(float(np.quantile(x, 0.05)), rel=0.02)
    lo, hi = predictive_band(x, None, "log", 0.5)
    assert lo < lo0
    assert hi > hi0
    assert predictive_band(x, None, "log", 0.5) == (lo, hi)  # no random numbers: the same every time
