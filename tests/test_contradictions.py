"""Contradictions: the joint-evidence statistic flags what cannot all be true, and only that."""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from rich.console import Console

from troopledger.analysis import run
from troopledger.calibration import THRESHOLD, contradiction_statistic, find_contradictions, joint_statistic
from troopledger.evidence import Prior, load_case, parse_case, resolve
from troopledger.report import build_payload, render_text

REQUIRED = {
    ("rbc-independent-takehome", "bi-ponomarenko-rotation"),
    ("rbc-independent-takehome", "bi-bennett-little"),
    ("rbc-independent-takehome", "bi-lee-nothing"),
}


@pytest.fixture(scope="module")
def default_found():  # type: ignore[no-untyped-def]
    return find_contradictions(resolve(load_case("nk-russia-2024")), seed=0)


def test_default_case_take_home_against_rotation_and_nothing_reaches_soldiers(default_found) -> None:  # type: ignore[no-untyped-def]
    pairs = {c.claims for c in default_found}
    assert pairs >= REQUIRED
    for c in default_found:
        assert c.statistic < THRESHOLD
        assert c.statistic + 3 * c.standard_error < THRESHOLD + 1.0  # not a Monte Carlo accident
        assert all(cid in c.explanation for cid in c.claims)
    worst = default_found[0]
    assert worst.claims == ("rbc-independent-takehome", "bi-lee-nothing")
    assert worst.statistic < -20


def test_explanations_give_the_arithmetic_in_numbers(default_found) -> None:  # type: ignore[no-untyped-def]
    by = {c.claims: c for c in default_found}
    rot = by[("rbc-independent-takehome", "bi-ponomarenko-rotation")].explanation
    assert "kept of $" in rot
    assert "month tour" in rot
    assert "would need" in rot
    ninety = by.get(("rbc-independent-takehome", "rbc-independent-90"))
    assert ninety is not None
    # 90 % kept of about $2,000 a month leaves about $200 a month for the soldier
    assert re.search(r"90% kept of \$(1,9\d\d|2,0\d\d) a month leaves \$(19\d|20\d) a month", ninety.explanation)


def test_the_four_claims_together_are_flagged() -> None:
    ids = ["rbc-independent-90", "bi-lee-nothing", "rbc-independent-takehome", "bi-ponomarenko-rotation"]
    stat, se = contradiction_statistic(resolve(load_case("nk-russia-2024")), ids)
    assert stat < THRESHOLD - 10
    assert se < 2


def test_joint_statistic_on_arrays() -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((20000, 2))
    independent = -0.5 * x**2
    stat, se = joint_statistic(independent)
    assert abs(stat) < 4 * se + 0.02
    z = rng.standard_normal(20000)
    opposed = np.stack([-0.5 * ((z - 2) / 0.5) ** 2, -0.5 * ((z + 2) / 0.5) ** 2], axis=1)
    assert joint_statistic(opposed)[0] < -10
    agreeing = np.stack([-0.5 * ((z - 1) / 0.5) ** 2, -0.5 * ((z - 1) / 0.5) ** 2], axis=1)
    assert joint_statistic(agreeing)[0] > 0


CASE = """
[case]
name = "planted"
start = "2024-10"
months = 12

[deployment]
mode = "rotation"

[parameters.pay_per_soldier_month]
point = 2000
spread = 0.15
claims = ["pay-a", "pay-b"]

[parameters.troops_deployed]
to = [9000, 13000]

[parameters.rotation_interval_months]
fixed = 12

[parameters.state_share_of_pay]
to = [0.5, 0.9]

[[claims]]
id = "pay-a"
quantity = "pay_per_soldier_month"
value = 2000
speaker = "Agency A"
hedge = "about"
status = "accepted"

[[claims]]
id = "pay-b"
quantity = "pay_per_soldier_month"
value = {pay_b}
speaker = "{speaker}"
hedge = "about"
status = "accepted"

[[claims]]
id = "total"
quantity = "total_revenue_to_nk"
value = {total}
period = "month"
stated = "about ${total_words} million a month for 11,000 troops"
speaker = "Agency C"
hedge = "about"
status = "accepted"
"""


def _planted(pay_b: float = 2100, total: float = 22e6, speaker: str = "Agency B") -> Prior:
    text = CASE.format(pay_b=pay_b, total=total, total_words=f"{total / 1e6:g}", speaker=speaker)
    return resolve(parse_case(text.encode(), "planted.toml"))


def test_quiet_on_consistent_claims() -> None:
    assert find_contradictions(_planted()) == []


def test_flags_a_planted_total_that_needs_three_times_the_pay() -> None:
    found = find_contradictions(_planted(total=66e6))
    pairs = {c.claims for c in found}
    assert ("total", "pay-a") in pairs
    c = next(c for c in found if c.claims == ("total", "pay-a"))
    assert c.kind == "arithmetic"
    assert "monthly pay for 11,000 troops" in c.explanation


def test_flags_a_planted_disagreement_about_one_parameter() -> None:
    found = find_contradictions(_planted(pay_b=6000))
    c = next(c for c in found if set(c.claims) == {"pay-a", "pay-b"})
    assert c.kind == "disagreement"


def test_speaker_markup_is_shown_not_interpreted() -> None:
    case = _planted(total=66e6, speaker="[bold red]Mallory[/bold red]")
    result = run(case, 4000, 0, calibrate=True)
    assert result.contradictions
    payload = build_payload(result)
    buf = io.StringIO()
    render_text(payload, Console(file=buf, width=200, force_terminal=False))
    out = buf.getvalue()
    assert "Claims that cannot all be true" in out
    assert "Before and after weighing" in out
    flat = " ".join(out.replace("│", " ").split())
    assert "[bold red]Mallory[/bold red]" in flat
