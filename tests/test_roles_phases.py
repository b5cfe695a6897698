"""Case files with roles, casualty phases and a forecast; waves added by dated claims of arrivals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from helpers import MINIMAL_CASE
from helpers import run_cli as run
from troopledger.calibration import compile_observations
from troopledger.claims import Claim, SourceRef
from troopledger.errors import CaseError, InputError
from troopledger.evidence import forecast, load_case, resolve
from troopledger.model import collect

WAVES_CASE = """
[case]
name = "roles"
start = "2024-10"
months = 12

[deployment]
mode = "waves"

[[deployment.waves]]
name = "assault"
arrival = "2024-10"
size = { fixed = 10000 }

[[deployment.waves]]
name = "builders"
arrival = "2025-03"
role = "builders"
size = { fixed = 5000 }

[roles.builders]
exposure = { fixed = 0.1 }
pay = { fixed = 800 }

[[casualty_phases]]
name = "assault"
start = "2024-12"
end = "2025-01"
killed = { fixed = 3.0 }

[parameters.pay_per_soldier_month]
fixed = 2000

[parameters.state_share_of_pay]
fixed = 0.9

[parameters.killed_hazard]
fixed = 0.01

[parameters.wounded_hazard]
fixed = 0.03

[parameters.evacuated_share]
fixed = 0.5
"""


def _case(tmp_path: Path, text: str, name: str = "c.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_roles_phases_and_role_pay_reach_the_model(tmp_path: Path) -> None:
    prior = resolve(load_case(_case(tmp_path, WAVES_CASE)))
    assert prior.role_names == ("combat", "builders")
    assert [w.pay for w in prior.waves] == [None, "role_builders_pay"]  # builders take their role's pay
    assert prior.phases[0].killed == "phase_assault_killed"
    assert (prior.phases[0].start, prior.phases[0].end) == (2, 3)
    d = collect(prior, 16, 0)
    killed = d.monthly["killed.combat"][0]
    strength = d.monthly["troops_in_theatre.combat"][0]
    want = [0.01, 0.01, 0.03, 0.03, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]
    np.testing.assert_allclose(killed / strength, want, rtol=1e-5)  # monthly paths are kept as float32
    b = d.monthly["killed.builders"][0, 6] / d.monthly["troops_in_theatre.builders"][0, 6]
    assert b == pytest.approx(0.001, rel=1e-5)
    paid_b = d.monthly["paid_by_russia.builders"][0, 5]
    assert paid_b == pytest.approx(800 * d.monthly["troops_in_theatre.builders"][0, 5], rel=1e-5)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (('role = "builders"', 'role = "cooks"'), "deployment.waves.1.role"),
        (('end = "2025-01"', 'end = "2024-11"'), "casualty_phases.0.end"),
        (("exposure = { fixed = 0.1 }", "exposure = { fixed = 500 }"), "roles.builders.exposure"),
        (('role = "builders"', 'role = "Builders!"'), "deployment.waves.1.role"),
    ],
)
def test_bad_roles_and_phases_get_one_line_errors(tmp_path: Path, change: tuple[str, str], field: str) -> None:
    with pytest.raises(CaseError) as err:
        load_case(_case(tmp_path, WAVES_CASE.replace(*change)))
    assert field in str(err.value)
    assert "\n" not in str(err.value)


def test_a_declared_role_extends_the_vocabulary(tmp_path: Path) -> None:
    text = WAVES_CASE.replace('role = "builders"', 'role = "medics"').replace("[roles.builders]", "[roles.medics]")
    assert resolve(load_case(_case(tmp_path, text))).role_names == ("combat", "medics")


def _arrival(cid: str, month: str, value: float, role: str | None = None) -> Claim:
    return Claim(
        id=cid,
        quantity="troops_per_rotation",
        value=value,
        unit="persons",
        window_end=month,
        speaker="A test ministry",
        hedge="about",
        status="accepted",
        role=role,
        source=SourceRef(id=f"s-{cid}", outlet="Test Wire", date=f"{month}-20"),
    )


def test_a_dated_claim_of_arrivals_becomes_a_wave_in_a_rotation_case(tmp_path: Path) -> None:
    case = load_case(_case(tmp_path, MINIMAL_CASE))
    more = case.with_claims([_arrival("more-march", "2025-03", 2000.0)])
    waves = more.all_waves()
    assert [(w.name, w.arrival, w.role) for w in waves] == [("claim-more-march", "2025-03", "combat")]
    assert "claim-more-march" not in json.dumps(more.written())  # added by the claim, never written
    base, moved = collect(resolve(case), 8, 0), collect(resolve(more), 8, 0)
    gap = moved.monthly["troops_in_theatre"] - base.monthly["troops_in_theatre"]
    np.testing.assert_allclose(gap[:, :5], 0.0)
    # from March 2025 every draw has exactly its drawn size of the new wave more (no losses in the case)
    size = np.asarray(moved.params["wave_claim-more-march_size"], dtype=np.float64)
    np.testing.assert_allclose(gap[:, 5], size, rtol=1e-5)
    # "about 2,000", read with the spread between sources of a count (one source): median 2,000
    (dist,) = [d for k, d in resolve(more).distributions.items() if k == "wave_claim-more-march_size"]
    assert np.exp(dist.mu) == pytest.approx(2000.0)
    obs = compile_observations(resolve(more))
    assert "more-march" in [o.id for o in obs.items if o.cited]  # it built the wave: not weighed twice


def test_a_claim_inside_a_written_waves_months_adds_no_wave(tmp_path: Path) -> None:
    case = load_case(_case(tmp_path, WAVES_CASE))
    same = case.with_claims([_arrival("b", "2025-03", 5000.0, "builders"), _arrival("late", "2025-08", 900.0)])
    assert [w.name for w in same.all_waves()] == ["assault", "builders", "claim-late"]
    outside = case.with_claims([_arrival("past", "2026-05", 900.0)])
    assert [w.name for w in outside.all_waves()] == ["assault", "builders"]  # after the horizon


def test_an_arrival_claim_with_a_role_serves_in_it(tmp_path: Path) -> None:
    case = load_case(_case(tmp_path, WAVES_CASE)).with_claims(
        [_arrival("eng", "2025-06", 1000.0, "engineers_deminers")]
    )
    assert resolve(case).role_names == ("combat", "builders", "engineers_deminers")


def test_a_ledger_arrival_reaches_the_default_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from troopledger.claims import Ledger

    db = tmp_path / "l.db"
    with Ledger(db) as led:
        led.add([_arrival("ledger-more", "2025-03", 2000.0)])
    args = ["report", "--draws", "2000", "--format", "json", "--no-calibrate"]
    code, out, err = run([*args, "--ledger", str(db)], capsys)
    assert code == 0, err
    payload = json.loads(out)
    assert "wave_claim-ledger-more_size" in payload["parameters"]


def test_forecast_extends_the_horizon_and_marks_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = load_case(_case(tmp_path, WAVES_CASE))
    ahead = forecast(case, "2026-03")
    assert (ahead.months, ahead.forecast_from) == (18, 12)
    prior = resolve(ahead)
    assert prior.forecast_trend == "forecast_hazard_trend"
    assert "forecast_hazard_trend" in prior.slots
    d = collect(prior, 400, 0)
    trend = d.params["forecast_hazard_trend"]
    rate = d.monthly["killed.combat"] / np.maximum(d.monthly["troops_in_theatre.combat"], 1e-9)
    np.testing.assert_allclose(rate[:, 11], 0.01, rtol=1e-5)
    np.testing.assert_allclose(rate[:, 17], 0.01 * np.exp(6 * trend[:400]), rtol=1e-4)
    spread = np.percentile(d.monthly["troops_in_theatre"], 95, axis=0) / np.percentile(
        d.monthly["troops_in_theatre"], 5, axis=0
    )
    assert spread[17] > spread[13] > spread[11]  # bands widen past the record
    for bad in ("2025-09", "2026-13", "soon"):
        with pytest.raises(InputError, match="--until") as err:
            forecast(case, bad)
        assert "\n" not in str(err.value)
    code, out, err = run(
        ["report", str(_case(tmp_path, WAVES_CASE)), "--draws", "500", "--until", "2026-02", "--format", "json"], capsys
    )
    assert code == 0, err
    payload = json.loads(out)
    assert payload["forecast_months"] == ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]
    assert len(payload["monthly"]["cumulative_killed.builders"]["p50"]) == 17
    for fmt in ("md", "html"):
        code, out, err = run(
            ["report", str(_case(tmp_path, WAVES_CASE)), "--draws", "500", "--until", "2026-02", "--format", fmt],
            capsys,
        )
        assert code == 0, err
        assert "2025-10 to 2026-02 are a forecast" in out


def test_running_totals_by_role_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["report", str(_case(tmp_path, WAVES_CASE)), "--draws", "300", "--format", "json"], capsys)
    assert code == 0, err
    monthly = json.loads(out)["monthly"]
    for name in (
        "troops_in_theatre",
        "cumulative_deployed",
        "cumulative_killed",
        "cumulative_wounded",
        "cumulative_casualties",
        "cumulative_returned",
        "cumulative_paid_by_russia",
    ):
        for role in ("", ".combat", ".builders"):
            assert set(monthly[name + role]) == {"p5", "p50", "p95"}, name + role
    total = monthly["cumulative_casualties"]["p50"][-1]
    assert total == pytest.approx(monthly["cumulative_killed"]["p50"][-1] + monthly["cumulative_wounded"]["p50"][-1])


def test_an_as_of_view_keeps_a_claimed_wave_only_once_its_claim_is_known(tmp_path: Path) -> None:
    from troopledger.evidence import as_of

    case = load_case(_case(tmp_path, MINIMAL_CASE)).with_claims([_arrival("more-march", "2025-03", 2000.0)])
    assert [w.name for w in as_of(case, "2025-02").all_waves()] == []
    assert [w.name for w in as_of(case, "2025-03-31").all_waves()] == ["claim-more-march"]
