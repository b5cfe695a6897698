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

TAKE_HOME = "rbc-independent-takehome"


@pytest.fixture(scope="module")
def default_found():  # type: ignore[no-untyped-def]
    # as a report finds them: the posterior names the claim most likely wrong in each set
    return list(run(load_case("nk-russia-2024"), 20_000, 0, sensitivity=False).contradictions)


def test_default_case_take_home_against_rotation_and_nothing_reaches_soldiers(default_found) -> None:  # type: ignore[no-untyped-def]
    sets = {frozenset(c.claims) for c in default_found}
    # the take-home claim cannot hold with "nothing reaches soldiers", nor with "little or
    # nothing" at $2,000 a month swapped every two to three months
    assert frozenset({TAKE_HOME, "bi-lee-nothing"}) in sets
    assert frozenset({TAKE_HOME, "bi-bennett-little", "bi-ponomarenko-rotation", "bi-nis-pay"}) in sets
    assert frozenset({TAKE_HOME, "rbc-independent-90", "bi-ponomarenko-rotation", "bi-nis-pay"}) in sets
    for c in default_found:
        assert c.statistic < THRESHOLD
        assert TAKE_HOME in c.claims
        assert all(cid in c.explanation for cid in c.claims)
        # minimal: no smaller flagged set inside a flagged one
        assert not any(set(o.claims) < set(c.claims) for o in default_found)
    worst = default_found[0]
    assert worst.statistic < -5


def test_explanations_give_the_arithmetic_in_numbers(default_found) -> None:  # type: ignore[no-untyped-def]
    by = {frozenset(c.claims): c for c in default_found}
    rot = by[frozenset({TAKE_HOME, "bi-bennett-little", "bi-ponomarenko-rotation", "bi-nis-pay"})]
    assert rot.most_likely_wrong == TAKE_HOME
    assert "kept of $" in rot.explanation
    assert "month tour" in rot.explanation
    assert "would need" in rot.explanation
    ninety = by[frozenset({TAKE_HOME, "rbc-independent-90", "bi-ponomarenko-rotation", "bi-nis-pay"})]
    # 90 % kept of about $2,000 a month leaves about $200 a month for the soldier
    assert re.search(r"90% kept of \$(1,9\d\d|2,0\d\d) a month leaves \$(19\d|20\d) a month", ninety.explanation)


def test_claims_about_unconnected_quantities_are_never_set_against_each_other(default_found) -> None:  # type: ignore[no-untyped-def]
    for c in default_found:
        assert "bi-gdp" not in c.claims
        assert "bi-yoon-luxury" not in c.claims


def test_the_sets_do_not_depend_on_the_run_or_its_seed(default_found) -> None:  # type: ignore[no-untyped-def]
    other = run(load_case("nk-russia-2024"), 5_000, 7, sensitivity=False).contradictions
    assert [c.claims for c in other] == [c.claims for c in default_found]
    assert [c.statistic for c in other] == [c.statistic for c in default_found]


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
    c = next(c for c in found if set(c.claims) == {"total", "pay-a"})
    assert c.kind == "arithmetic"
    assert c.most_likely_wrong in c.claims
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
