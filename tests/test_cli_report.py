"""``troopledger report`` and ``troopledger cases``: the output contracts of DESIGN §7."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli
from troopledger._cli import main

ACCOUNTS = ("paid_by_russia", "to_state", "to_soldiers", "to_families")


@pytest.fixture(scope="module")
def report_json() -> dict:  # type: ignore[type-arg]
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf), pytest.raises(SystemExit):
        main(["report", "--format", "json", "--draws", "4000", "--seed", "3"])
    return json.loads(buf.getvalue())  # type: ignore[no-any-return]


def test_json_contract(report_json: dict) -> None:  # type: ignore[type-arg]
    p = report_json
    assert p["case"] == "nk-russia-2024"
    assert p["seed"] == 3
    assert p["draws"] == 4000
    assert p["months"][0] == "2024-10"
    assert len(p["months"]) == 12
    for acc in ACCOUNTS:
        t = p["totals"][acc]
        assert set(t) >= {"mean", "p5", "p50", "p95"}
        assert t["p5"] <= t["p50"] <= t["p95"]
        m = p["monthly"][acc]
        assert all(len(m[q]) == 12 for q in ("p5", "p50", "p95"))
    assert p["conservation_max_abs_error_usd"] <= 1e-6 * p["totals"]["paid_by_russia"]["p50"]
    assert isinstance(p["contradictions"], list)
    for name, prm in p["parameters"].items():
        if name == "state_uses":
            continue
        assert {"p5", "p50", "p95", "claims"} <= set(prm), name
        for cid in prm["claims"]:
            assert cid in p["claims"]


def test_every_sourced_parameter_names_speaker_and_url(report_json: dict) -> None:  # type: ignore[type-arg]
    p = report_json
    pay = p["parameters"]["pay_per_soldier_month"]
    assert pay["claims"]
    for cid in pay["claims"]:
        c = p["claims"][cid]
        assert c["speaker"]
        assert c["source"]["url"].startswith("https://")
    assert 1500 < pay["p50"] < 2500


def test_totals_are_plausible(report_json: dict) -> None:  # type: ignore[type-arg]
    t = report_json["totals"]
    # 9,000-15,000 troops at about $2,000 for 12 months: $200M-$400M
    assert 1.5e8 < t["paid_by_russia"]["p50"] < 4e8
    # Before weighing the take-home claim (which pulls the posterior down), the state keeps most of it.
    prior = report_json.get("prior", report_json)["totals"]
    assert prior["to_state"]["p50"] > 0.85 * prior["paid_by_russia"]["p50"]
    assert t["to_state"]["p50"] > 0.5 * t["paid_by_russia"]["p50"]


def test_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["report", "--draws", "2000"], capsys)
    assert code == 0
    assert "Kept by the North Korean state" in out
    assert "90 % interval" in out
    assert "South Korean" in out


def test_out_writes_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "sub" / "r.json"
    code, out, err = run_cli(["report", "--format", "json", "--draws", "500", "--out", str(target)], capsys)
    assert code == 0
    assert out == ""
    assert "wrote" in err
    assert json.loads(target.read_text())["draws"] == 500
    assert [p.name for p in target.parent.iterdir()] == ["r.json"]


def test_cases_lists_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["cases"], capsys)
    assert code == 0
    assert "nk-russia-2024" in out


def test_usage_error_is_short(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["report", "--draws", "zero"], capsys)
    assert code == 2
    assert "Traceback" not in err
