"""The analyst's desk end to end: each published figure rebuilt in one command, against hand arithmetic."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from troopledger._cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


def cli_json(args: list[str]) -> dict[str, Any]:
    buf = io.StringIO()
    with redirect_stdout(buf), pytest.raises(SystemExit) as exc:
        main([*args, "--format", "json"])
    assert exc.value.code in (0, None)
    return json.loads(buf.getvalue())  # type: ignore[no-any-return]


def test_10000_soldiers_at_2000_in_won_at_1385() -> None:
    # $2,000 x 1,385 = 2,770,000 won a month; the soldier keeps 10 % (277,000) or 20 % (554,000);
    # 10,000 soldiers: 27.7 billion won a month.
    case = str(EXAMPLES / "won-10000.toml")
    p = cli_json(["report", case, "--currency", "KRW", "--rate", "1385", "--draws", "200"])
    assert p["currency"]["currency"] == "KRW"
    assert p["monthly"]["paid_by_russia"]["p50"][0] == pytest.approx(27.7e9, rel=1e-6)
    assert p["derived"]["take_home_per_soldier_month"]["p50"] == pytest.approx(277_000)
    c = cli_json(["compare", case, f"{case}@keeps-20", "--currency", "KRW", "--rate", "1385", "--draws", "200"])
    take_home = c["derived"]["take_home_per_soldier_month"]
    assert take_home["a"]["p50"] == pytest.approx(277_000)
    assert take_home["b"]["p50"] == pytest.approx(554_000)


def test_30000_soldiers_at_2800_for_a_year_at_1390_is_about_1_4_trillion_won() -> None:
    p = cli_json(
        ["report", str(EXAMPLES / "thirty-thousand.toml"), "--currency", "KRW", "--rate", "1390", "--draws", "200"]
    )
    assert p["totals"]["paid_by_russia"]["p50"] == pytest.approx(30_000 * 2_800 * 12 * 1_390)  # 1.401 trillion


def test_600_killed_by_april_at_6000_to_10000_is_3_6_to_6_million_of_death_payments() -> None:
    p = cli_json(["report", str(EXAMPLES / "killed-by-april.toml"), "--draws", "20000"])
    assert p["derived"]["killed_total"]["p50"] == pytest.approx(600, rel=1e-6)
    death = p["totals"]["death_payments"]
    assert death["p5"] == pytest.approx(3.6e6, rel=0.015)
    assert death["p95"] == pytest.approx(6.0e6, rel=0.015)
    assert p["parameters"]["killed_hazard"]["p50"] > 0  # the hazard the count implies is reported


def test_a_calendar_2025_total_for_the_record_case() -> None:
    p = cli_json(["report", "nk-russia-record", "--window", "2025-01..2025-12", "--draws", "2000", "--no-calibrate"])
    [w] = p["windows"]
    assert (w["first"], w["last"], w["months"]) == ("2025-01", "2025-12", 12)
    year = w["totals"]["paid_by_russia"]["p50"]
    months = p["monthly"]["paid_by_russia"]["p50"]
    assert 0 < year < p["totals"]["paid_by_russia"]["p50"]
    assert year == pytest.approx(sum(months[3:]), rel=0.1)  # medians of a sum are near the sum of medians


def test_compare_the_record_case_with_and_without_a_2000_lump_sum() -> None:
    c = cli_json(["compare", "nk-russia-record", "--set", "signing_bonus=2000", "--draws", "2000"])
    diff = c["totals"]["signing_payments"]["difference"]
    paid = c["totals"]["paid_by_russia"]["difference"]
    assert paid["p50"] == pytest.approx(diff["p50"])  # the lump sum is all that changes what Russia pays
    assert c["totals"]["paid_by_russia"]["share_b_higher"] == 1.0
    # $2,000 for each of the 13,000-20,000 or so soldiers arriving over the record
    assert 2_000 * 10_000 < paid["p50"] < 2_000 * 40_000


def test_a_realised_share_of_4_to_19_6_percent_turns_owed_into_received(tmp_path: Path) -> None:
    # 10,000 x $2,000 x 12 = $240M owed: 4 % is $9.6M received, 19.6 % is $47.04M.
    case = str(EXAMPLES / "won-10000.toml")
    for share, received in ((0.04, 9.6e6), (0.196, 47.04e6)):
        p = cli_json(["report", case, "--set", f"realised_share={share}", "--draws", "200"])
        assert p["totals"]["paid_by_russia"]["p50"] == pytest.approx(240e6)
        assert p["totals"]["received_by_nk"]["p50"] == pytest.approx(received)
        assert p["totals"]["received_to_state"]["p50"] == pytest.approx(0.9 * received)
    p = cli_json(["report", case, "--set", "realised_share=0.04..0.196", "--draws", "40000"])
    got = p["totals"]["received_by_nk"]
    assert got["p5"] == pytest.approx(9.6e6, rel=0.02)
    assert got["p95"] == pytest.approx(47.04e6, rel=0.02)


RECEIVED = """
[case]
name = "received"
start = "2024-11"
months = 12

[deployment]
mode = "rotation"

[parameters.pay_per_soldier_month]
fixed = 2000

[parameters.troops_deployed]
fixed = 10000

[parameters.rotation_interval_months]
fixed = 12

[parameters.state_share_of_pay]
fixed = 0.9

[parameters.realised_share]
uniform = [0.0, 1.0]

[[claims]]
id = "received-total"
quantity = "revenue_received"
value = 24000000
window_end = "2025-10"
speaker = "Institute"
hedge = "about"
status = "accepted"
"""


def test_a_claim_about_what_is_received_weighs_the_realised_share() -> None:
    # $240M owed; a claim that about $24M arrived pulls the realised share towards 10 %.
    from troopledger.analysis import run
    from troopledger.evidence import parse_case

    result = run(parse_case(RECEIVED.encode(), "received.toml"), 16_384, 0, contradictions=False, sensitivity=False)
    assert result.observed_data is not None
    assert result.observed_data.ids == ["received-total"]
    assert result.posterior is not None
    share = result.posterior.parameters["realised_share"]
    assert 0.06 < share["p50"] < 0.14
    assert result.posterior.totals["received_by_nk"]["p50"] == pytest.approx(24e6, rel=0.3)


def test_months_past_the_rate_table_are_flagged_in_the_report() -> None:
    case = str(EXAMPLES / "won-10000.toml")
    p = cli_json(["report", case, "--currency", "KRW", "--set", "case.months=16", "--draws", "200"])
    cur = p["currency"]
    assert cur["basis"]["2025-12"] == "avg"
    assert cur["basis"]["2026-01"] == "nearest"
    assert cur["rates"]["2026-02"] == cur["rates"]["2025-12"]
    assert any("2026-01 at 2025-12's rate" in f for f in cur["flags"])
    # each month's dollars at that month's rate: November 2024 at 1,394 won
    assert p["monthly"]["paid_by_russia"]["p50"][0] == pytest.approx(20e6 * 1_394, rel=1e-6)


def test_what_if_the_builders_are_paid_800() -> None:
    c = cli_json(["compare", "nk-russia-record", "--set", "waves.builders.pay=800", "--draws", "2000"])
    paid = c["totals"]["paid_by_russia"]["difference"]
    # about 5,000 builders for the last four months at $800 instead of roughly $2,500: some $20-40M less
    assert -45e6 < paid["p50"] < -15e6
    assert c["totals"]["death_payments"]["difference"]["p95"] == 0.0  # deaths do not depend on pay


def test_a_user_rates_file_fills_months_past_the_table(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text("month,KRW\n2025-11,1400\n2026-01,1450\n2026-02,1440\n", encoding="utf-8")
    case = str(EXAMPLES / "won-10000.toml")
    p = cli_json(
        ["report", case, "--currency", "KRW", "--rates", str(rates), "--set", "case.months=16", "--draws", "200"]
    )
    cur = p["currency"]
    assert cur["flags"] == []
    assert (cur["basis"]["2025-11"], cur["rates"]["2025-11"]) == ("user", 1400.0)  # the user's row wins
    assert (cur["basis"]["2026-02"], cur["rates"]["2026-02"]) == ("user", 1440.0)
    assert p["monthly"]["paid_by_russia"]["p50"][-1] == pytest.approx(20e6 * 1_440, rel=1e-6)


def cli_text(args: list[str], fmt: str) -> str:
    buf = io.StringIO()
    with redirect_stdout(buf), pytest.raises(SystemExit) as exc:
        main([*args, "--format", fmt])
    assert exc.value.code in (0, None)
    return buf.getvalue()


def test_every_format_shows_owed_and_received_windows_and_months() -> None:
    case = str(EXAMPLES / "won-10000.toml")
    sets = ["--set", "realised_share=0.1", "--set", "troops_deployed=8000..12000"]
    args = ["report", case, *sets, "--window", "year", "--currency", "EUR", "--draws", "2000"]
    md = cli_text(args, "md")
    for heading in ("## Owed and received", "## Totals by window", "## Month by month", "## Payments by kind"):
        assert heading in md
    assert "State: military (received)" in md
    assert "€" in md
    assert "Amounts are in EUR" in md
    page = cli_text(args, "html")
    assert "Owed and received" in page
    assert 'id="fig-sensitivity_time"' in page
