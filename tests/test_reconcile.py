"""reconcile: what it would take to reach a published figure, and the conflicts and paired posteriors beside it."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from troopledger._cli._app import _register as register_commands
from troopledger._cli._app import app
from troopledger.analysis import Desk, compare_runs, parse_target, reconcile, target_values
from troopledger.calibration import Contradiction, calibrate, group_conflicts, paired_posterior
from troopledger.errors import InputError
from troopledger.evidence import load_case, resolve
from troopledger.report import reconcile_payload, render_reconcile_markdown

RECORD = "nk-russia-record"


@pytest.fixture(scope="module")
def record_calibration():  # type: ignore[no-untyped-def]
    prior = resolve(load_case(RECORD))
    return prior, calibrate(prior, 8_000, 3)


def test_targets_parse_and_bad_ones_name_the_fix() -> None:
    t = parse_target("cumulative_paid_by_russia@2025-12=620e6")
    assert (t.output, t.month, t.value) == ("cumulative_paid_by_russia", "2025-12", 620e6)
    for bad, word in (("paid@2025-12=1", "not an output"), ("x", "OUTPUT@YYYY-MM=VALUE"), ("to_state@2025-12=-5", "")):
        with pytest.raises(InputError) as e:
            parse_target(bad)
        assert word in str(e.value)
        assert "fix:" in str(e.value)


def test_the_running_total_is_the_sum_of_the_monthly_output(record_calibration) -> None:  # type: ignore[no-untyped-def]
    _, cal = record_calibration
    d = cal.posterior_draws
    got = target_values(d, "cumulative_paid_by_russia", len(d.months) - 1)
    np.testing.assert_allclose(got, d.totals["paid_by_russia"][: got.size], rtol=1e-5)  # float32 monthly paths


def test_reaching_620m_by_december_2025(record_calibration) -> None:  # type: ignore[no-untyped-def]
    prior, cal = record_calibration
    r = reconcile(prior, parse_target("cumulative_paid_by_russia@2025-12=620e6"), draws=8_000, seed=3, calibration=cal)
    assert r.draws_used == "posterior"
    assert r.direction == "above"
    # with casualties by phase and role the figure sits above the median but inside the 90 % band
    assert 0.05 < r.tail_probability < 0.5
    assert r.posterior[1] < 620e6 < r.posterior[2]
    ranked = [s for s in r.inputs if not s.derived]
    assert ranked[0].quantile > 0.5
    assert all(s.name in prior.slots for s in ranked)
    # raising what Russia pays makes the claims of lower pay likelier wrong
    worse = {s.name for s in r.claims if s.wrong_after > s.wrong_before + 0.03}
    assert worse, [(s.name, s.wrong_before, s.wrong_after) for s in r.claims[:5]]
    p = reconcile_payload(r)
    json.dumps(p, allow_nan=False)
    md = render_reconcile_markdown(r)
    assert "# What it would take" in md
    assert "| Input |" in md


def test_a_target_outside_the_horizon_is_an_input_error(record_calibration) -> None:  # type: ignore[no-untyped-def]
    prior, cal = record_calibration
    with pytest.raises(InputError, match="outside the case's months"):
        reconcile(prior, parse_target("paid_by_russia@2030-01=1e6"), calibration=cal)


def test_the_command_writes_json_and_refuses_html(tmp_path) -> None:  # type: ignore[no-untyped-def]
    register_commands()
    runner = CliRunner()
    out = tmp_path / "r.json"
    args = ["reconcile", RECORD, "--target", "cumulative_paid_by_russia@2025-12=620e6", "--draws", "2000"]
    res = runner.invoke(app, [*args, "--format", "json", "--out", str(out)])
    assert res.exit_code == 0, res.output
    p = json.loads(out.read_text())
    assert p["target"]["value"] == 620e6
    assert p["inputs"]
    assert p["draws_used"] == "posterior"
    res = runner.invoke(app, [*args, "--format", "html"])
    assert res.exit_code != 0


def test_a_run_paired_with_itself_gets_its_own_weights(record_calibration) -> None:  # type: ignore[no-untyped-def]
    prior, cal = record_calibration
    d, w = paired_posterior(prior, cal, 3)
    np.testing.assert_array_equal(w.weights, cal.weights.weights)
    np.testing.assert_array_equal(d.totals["paid_by_russia"], cal.posterior_draws.totals["paid_by_russia"])


def test_compare_on_a_calibrated_case_pairs_posterior_draws_and_says_so() -> None:
    a = resolve(load_case(RECORD))
    b = resolve(load_case(RECORD, sets=["signing_bonus=2000"]))
    post = compare_runs(a, b, 4_000, 3, desk=Desk(given_data=False))
    assert post.draws_used == "posterior"
    assert post.effective_draws is not None
    assert post.effective_draws.a > 25  # about 1 % of draws carry the record case's posterior
    diff = post.totals["signing_payments"].difference
    assert diff.p5 > 0  # every arrival now gets $2,000 more
    prior = compare_runs(a, b, 4_000, 3, desk=Desk(given_data=False), posterior=False)
    assert prior.draws_used == "prior"
    assert prior.effective_draws is None
    assert "effective_draws" not in prior.to_json()


def _set(claims: tuple[str, ...], stat: float, suspect: str) -> Contradiction:
    return Contradiction(claims, stat, 0.1, -3.0, f"{suspect} against the rest", "arithmetic", suspect, 0.9)


def test_overlapping_sets_become_one_conflict_per_suspect_and_none_is_lost() -> None:
    sets = [
        _set(("r01", "r06"), -40.0, "r01"),
        _set(("r01", "r05", "r14"), -12.0, "r01"),
        _set(("r25", "r18"), -6.0, "r25"),
        _set(("r01", "r14"), -8.0, "r01"),
    ]
    got = group_conflicts(sets, {"r25": ["casualty_phases"]})
    assert [c.suspect for c in got] == ["r01", "r25"]
    assert sum(len(c.sets) for c in got) == len(sets)
    first = got[0]
    assert first.sets[0] == ("r01", "r06")
    assert first.statistic == -40.0
    assert first.against[0] == "r14"  # in two of its sets
    assert first.explanation == "r01 against the rest"
    assert first.assumptions == ()
    assert got[1].assumptions == ("casualty_phases",)


def test_a_cut_list_of_sets_says_how_many_the_scan_found() -> None:
    from troopledger.report._conflicts import cut_note

    assert cut_note(2, 2) == ""
    note = cut_note(2, 75)
    assert note == " The scan found 75 sets; the 2 most improbable are shown."
