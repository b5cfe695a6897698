"""``troopledger reconcile`` on a ledger case: a published figure against one stream or the whole ledger."""

from __future__ import annotations

import json

import pytest

from troopledger._cli import main
from troopledger.analysis import ledger_target, load_ledger, reconcile_ledger, run_ledger
from troopledger.errors import InputError

DRAWS = 4_000


@pytest.fixture(scope="module")
def case():  # type: ignore[no-untyped-def]
    return load_ledger("nk-russia-ledger")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("munitions.value_to_north_korea=7e9", "is not OUTPUT@YYYY-MM=VALUE"),
        ("munitions.price@2025-12=7e9", "no stream output or account 'munitions.price'"),
        ("munitions.value_to_north_korea@2030-01=7e9", "outside the case's months"),
        ("munitions.value_to_north_korea@2025-12=0", "must be a positive number"),
    ],
)
def test_bad_targets_are_one_line_errors(case, text: str, problem: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as e:
        ledger_target(text, case)
    assert problem in str(e.value)
    assert "\n" not in str(e.value)


def test_a_stream_account_and_a_bare_account_name_their_outputs(case) -> None:  # type: ignore[no-untyped-def]
    assert ledger_target("soldiers.value_to_north_korea@2025-12=6.2e8", case).output == "soldiers.soldiers_value"
    assert ledger_target("value_to_north_korea@2025-12=2e10", case).output == "all.value_to_north_korea"
    assert ledger_target("munitions.rounds_cumulative@2025-07=1.2e7", case).output == "munitions.rounds_cumulative"


def test_the_band_is_the_reports_band_on_the_same_draws(case) -> None:  # type: ignore[no-untyped-def]
    r = reconcile_ledger(case, ledger_target("munitions.value_to_north_korea@2025-12=7.3e9", case), draws=DRAWS)
    report = run_ledger(case, DRAWS, 0, window="2023-08..2025-12")
    band = report.streams["munitions"].totals["value_to_north_korea"]
    assert r.posterior == pytest.approx((band.p5, band.p50, band.p95), rel=1e-6)
    assert r.draws_used == "posterior"
    assert r.unit == "USD"


def test_a_figure_far_above_raises_the_price_of_a_round_and_is_unlikely(case) -> None:  # type: ignore[no-untyped-def]
    r = reconcile_ledger(case, ledger_target("munitions.value_to_north_korea@2025-12=6e10", case), draws=DRAWS)
    assert r.direction == "above"
    assert r.tail_probability < r.prior_tail_probability + 0.1
    assert r.tail_probability < 0.5
    price = next(s for s in r.inputs if s.name == "munitions.shell_price")
    assert price.tilted[1] > 2 * price.posterior[1]
    assert price.quantile > 0.8
    assert r.inputs[0].name in ("munitions.shell_price", "munitions.capacity_per_container", "munitions.fill_share")


def test_a_soldier_figure_moves_the_soldier_cases_own_inputs(case) -> None:  # type: ignore[no-untyped-def]
    r = reconcile_ledger(case, ledger_target("soldiers.value_to_north_korea@2025-12=1.2e9", case), draws=DRAWS)
    assert r.inputs[0].name.startswith("soldiers.")
    assert r.inputs[0].quantile > 0.7
    assert "state_share_of_pay" not in {s.name.removeprefix("soldiers.") for s in r.inputs}  # the shared cut is


def test_the_command_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(
            [
                "reconcile",
                "nk-russia-ledger",
                "--target",
                "soldiers.value_to_north_korea@2025-12=620e6",
                "--draws",
                str(DRAWS),
                "--format",
                "json",
            ]
        )
    assert e.value.code in (0, None)
    p = json.loads(capsys.readouterr().out)
    assert p["case"] == "nk-russia-ledger"
    assert p["target"]["output"] == "soldiers.soldiers_value"
    assert p["posterior"]["p5"] < p["posterior"]["p50"] < p["posterior"]["p95"]
    assert p["claims"]
    assert all(0.0 <= c["wrong_before"] <= 1.0 for c in p["claims"])
