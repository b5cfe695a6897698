"""``troopledger history`` on a ledger case: every stream as of each step, and the claims each stream predicted."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from troopledger._cli import main
from troopledger.analysis import ledger_history, load_ledger
from troopledger.evidence import reported_on

DRAWS = 1_000


@pytest.fixture(scope="module")
def history():  # type: ignore[no-untyped-def]
    return ledger_history("nk-russia-ledger", every="quarter", draws=DRAWS)


def test_a_case_as_of_a_day_holds_only_what_was_reported_by_then() -> None:
    day = dt.date(2024, 6, 30)
    view = load_ledger("nk-russia-ledger", day=day)
    assert all((reported_on(c) or day) <= day for c in view.claims.values())
    assert "soldiers" not in {s.name for s in view.streams}  # no soldier claim was reported before October 2024
    assert all(c in view.claims for ids in view.cited.values() for c in ids)
    assert all(c in view.claims for chk in view.checks for c in chk.claims)
    full = load_ledger("nk-russia-ledger")
    assert len(view.claims) < len(full.claims)
    assert len(view.priors) < len(full.priors)  # inputs whose claims came later keep their stream's default


def test_steps_know_more_claims_as_time_goes_on(history) -> None:  # type: ignore[no-untyped-def]
    known = [s.claims for s in history.steps]
    assert known == sorted(known)
    assert history.steps[0].day == "2023-08-31"
    assert "soldiers" not in history.steps[0].streams
    assert "soldiers" in history.steps[-1].streams
    for s in history.steps:
        assert s.value.p5 <= s.value.p50 <= s.value.p95


def test_each_claim_is_predicted_by_the_last_step_before_it_was_reported(history) -> None:  # type: ignore[no-untyped-def]
    days = [s.day for s in history.steps]
    assert history.predictions
    for p in history.predictions:
        assert p.as_of < p.reported
        later = [d for d in days if d > p.as_of]
        assert not later or later[0] >= p.reported
    ids = [p.claim for p in history.predictions]
    assert len(ids) == len(set(ids))
    assert sum(n for _, n in history.scores().values()) == len(history.predictions)
    assert {"munitions", "workers", "soldiers"} <= set(history.scores())


def test_a_point_claim_is_inside_only_when_its_figure_lies_in_the_band(history) -> None:  # type: ignore[no-untyped-def]
    case = load_ledger("nk-russia-ledger")
    for p in history.predictions:
        c = case.claims[p.claim]
        if p.reading == "about" and c.value is not None:
            assert p.inside == (p.band.p5 <= c.value <= p.band.p95)


@pytest.mark.parametrize("fmt", ["text", "json", "md", "html"])
def test_the_command_in_every_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["history", "nk-russia-ledger", "--every", "quarter", "--draws", "500", "--from", "2025-01", "--format", fmt]
    with pytest.raises(SystemExit) as e:
        main(args)
    assert e.value.code in (0, None)
    out = capsys.readouterr().out
    if fmt == "json":
        h = json.loads(out)
        assert h["kind"] == "ledger_history"
        assert [s["day"] for s in h["steps"]][:2] == ["2025-01-31", "2025-04-30"]
    else:
        assert "Predictions by stream" in out
        assert "munitions" in out
    if fmt == "html":
        assert out.startswith("<!DOCTYPE html>")
        assert "<script" not in out
