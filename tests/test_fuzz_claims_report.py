"""Fuzzing accepted claims: a ledger of random accepted claims never stops a report.

Every accepted claim, however absurd, is weighed (and may be judged wrong) or
listed under ``unusable_claims`` with why; the report itself always comes out, with
finite totals. Claims about an input the case holds fixed are always listed. The
issue's own cases (a $20 billion total, pay of $1, a $10,000 death payment the case
fixes at 0) run against the bundled case; an undated count of the dead is read at its
article's month.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz_inputs import cli, examples
from troopledger.claims import QUANTITIES, Claim, Ledger
from troopledger.evidence import Horizon

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")

#: A small rotation case: fast to run, with inputs drawn, fixed and left at their defaults.
SMALL_CASE = """
[case]
name = "small"
start = "2024-10"
months = 6

[deployment]
mode = "rotation"

[parameters.pay_per_soldier_month]
to = [1500, 2500]

[parameters.troops_deployed]
to = [8000, 14000]

[parameters.rotation_interval_months]
fixed = 4

[parameters.state_share_of_pay]
to = [0.6, 0.95]

[parameters.killed_hazard]
to = [0.005, 0.03]
"""

#: Inputs SMALL_CASE holds fixed (written, or left at the default): a claim about one cannot move it.
FIXED = ("rotation_interval_months", "signing_bonus", "death_compensation", "nk_gdp", "luxury_imports")

#: Largest figure by kind of quantity (what claim validation lets in).
_LIMITS = {"amount": 1e13, "count": 1e8, "duration": 1200.0, "share": 1.0}
_QUANTITIES = sorted(q for q in QUANTITIES if q != "other")


@st.composite
def accepted_claims(draw: st.DrawFn, index: int) -> Claim:
    """One accepted claim with a random quantity, figure, hedge, period, window and date."""
    quantity = draw(st.sampled_from(_QUANTITIES))
    info = QUANTITIES[quantity]
    top = _LIMITS[info.kind]
    small = 0.0 if info.kind in ("share", "count") else top * 1e-12
    figure = st.one_of(st.sampled_from([small, top, 1.0, top / 2]), st.floats(min_value=small, max_value=top))
    shape = draw(st.sampled_from(["value", "range", "low", "high"]))
    fields: dict[str, Any] = {}
    if shape == "value":
        fields["value"] = draw(figure.filter(lambda x: x > 0 or info.kind in ("share", "count")))
    elif shape == "range":
        a, b = sorted((draw(figure), draw(figure)))
        fields.update(low=a, high=b)
    else:
        fields[shape] = draw(figure.filter(lambda x: x > 0))
    year, month = draw(st.sampled_from([2023, 2024, 2025, 2026])), draw(st.integers(1, 12))
    return Claim.model_validate(
        {
            "id": f"f{index}",
            "quantity": quantity,
            "unit": info.unit,
            "period": draw(st.sampled_from([None, "month", "year", "tour", "total", "once", "ambiguous"])),
            "hedge": draw(st.sampled_from(["none", "about", "up to", "at least", "could", "nearly", "likely"])),
            "speaker": draw(st.sampled_from(["an official", "a defector", "a think tank"])),
            "speaker_kind": draw(st.sampled_from(["intelligence", "outlet", "defector", "anonymous"])),
            "window_end": draw(st.sampled_from([None, "2024-11", "2025-02", "2030-01"])),
            "status": "accepted",
            "source": {"id": f"s{index}", "outlet": "An outlet", "date": f"{year}-{month:02d}-15"},
            **fields,
        }
    )


def _ledger(path: Path, claims: list[Claim]) -> Path:
    with Ledger(str(path)) as led:
        led.add(claims)
    return path


def _report(case: str, ledger: Path) -> dict[str, Any]:
    code, out, err = cli(["report", case, "--ledger", str(ledger), "--draws", "128", "-f", "json"])
    assert code == 0, err
    payload: dict[str, Any] = json.loads(out)
    for account in ("paid_by_russia", "to_state", "to_soldiers"):
        p50 = payload["totals"][account]["p50"]
        assert p50 is not None, payload["totals"][account]
        assert math.isfinite(p50), payload["totals"][account]
    return payload


def _rendered(case: str, ledger: Path, fmt: str) -> str:
    code, out, err = cli(["report", case, "--ledger", str(ledger), "--draws", "128", "-f", fmt])
    assert code == 0, err
    return out


@settings(**examples(8))
@given(data=st.data())
def test_random_accepted_claims_never_stop_a_report(data: st.DataObject, tmp_path: Path) -> None:
    n = data.draw(st.integers(1, 6), label="claims")
    claims = [data.draw(accepted_claims(i), label=f"claim {i}") for i in range(n)]
    case = tmp_path / "small.toml"
    case.write_text(SMALL_CASE, encoding="utf-8")
    ledger = tmp_path / "ledger.db"
    ledger.unlink(missing_ok=True)
    payload = _report(str(case), _ledger(ledger, claims))
    unusable = {u["claim"]: u["reason"] for u in payload["unusable_claims"]}
    for c in claims:
        assert c.id in payload["claims"]
        if c.quantity in FIXED:
            assert c.id in unusable, f"{c.id} about fixed {c.quantity} is not reported as unusable"
            assert unusable[c.id]


def _claim(cid: str, quantity: str, **fields: Any) -> Claim:
    return Claim.model_validate(
        {
            "id": cid,
            "quantity": quantity,
            "speaker": "a test source",
            "status": "accepted",
            "source": {"id": f"src-{cid}", "outlet": "Test", "date": "2024-11-20"},
            **fields,
        }
    )


def test_the_issues_absurd_claims_leave_the_bundled_case_running(tmp_path: Path) -> None:
    claims = [
        _claim("twenty-billion", "total_revenue_to_nk", value=2e10, unit="USD", period="total"),
        _claim("one-dollar", "pay_per_soldier_month", value=1.0, unit="USD/month", period="month"),
        _claim("death-10k", "death_compensation", value=10_000.0, unit="USD", period="once"),
        _claim("hostile-words", "in_kind_share", words="\x1b[31mred\u202eevil", low=0.05, high=0.5, unit="fraction"),
    ]
    payload = _report("nk-russia-2024", _ledger(tmp_path / "ledger.db", claims))
    unusable = {u["claim"]: u["reason"] for u in payload["unusable_claims"]}
    assert "death-10k" in unusable
    assert "default" in unusable["death-10k"]
    assert "0 USD" in unusable["death-10k"]
    assert "no reading for the words" in unusable["hostile-words"]
    for c in payload["contradictions"]:  # odds beyond a float's range are null, never an error
        assert c["times_less_probable"] is None or c["times_less_probable"] >= 1
    ledger = tmp_path / "ledger.db"
    shown = _rendered("nk-russia-2024", ledger, "text")
    assert "death-10k" in shown  # the warning is in the terminal report
    assert "\x1b" not in shown
    assert "\u202e" not in shown
    warning = _rendered("nk-russia-2024", ledger, "html").split("Accepted claims this case cannot use")[1]
    warning = warning.split("</ul>")[0]
    assert "death-10k" in warning
    assert "\x1b" not in warning
    md = _rendered("nk-russia-2024", ledger, "md")
    assert "### Accepted claims this case cannot use" in md
    assert "\x1b" not in md


def test_claim_outside_the_plausible_range_is_left_out_of_fusion(tmp_path: Path) -> None:
    """A claim of 50 million troops (claims allow up to 1e8) cannot feed a contingent capped at 10 million."""
    huge = _claim("fifty-million", "troops_deployed", value=5e7, unit="persons")
    payload = _report("nk-russia-2024", _ledger(tmp_path / "ledger.db", [huge]))
    unusable = {u["claim"]: u["reason"] for u in payload["unusable_claims"]}
    assert "plausible range" in unusable["fifty-million"]
    assert "fifty-million" not in payload["parameters"]["troops_deployed"]["claims"]


def test_undated_casualty_count_is_read_at_its_articles_month() -> None:
    from troopledger.calibration._targets import window_end

    horizon = Horizon("2024-10", 15)
    dead = _claim("dead", "casualties_killed", value=300.0, unit="persons")
    assert window_end(dead, horizon) == (1, None)  # article of 2024-11-20: month 1, not the horizon's end
    windowed = dead.model_copy(update={"window_end": "2025-03"})
    assert window_end(windowed, horizon) == (5, None)
    troops = _claim("sent", "cumulative_troops", value=100_000.0, unit="persons")
    assert window_end(troops, horizon) == (14, None)  # a total sent may be a plan: end of horizon
    early = _claim("early", "casualties_killed", value=3.0, unit="persons")
    early = early.model_copy(update={"source": early.source.model_copy(update={"date": "2024-01-05"})})
    month, why = window_end(early, horizon)
    assert month is None
    assert why is not None
    assert "before the case starts" in why
