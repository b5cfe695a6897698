"""Influence: how the headline medians move when one lineage of claims is dropped."""

from __future__ import annotations

import pytest

from troopledger.calibration import HEADLINE, influence
from troopledger.evidence import parse_case, resolve

CASE = """
[case]
name = "influence"
start = "2024-10"
months = 12

[deployment]
mode = "rotation"

[parameters.pay_per_soldier_month]
claims = ["low-a", "low-b", "high"]
mixture = [
  { weight = 1, point = 2000, spread = 0.1, claims = ["low-a", "low-b"] },
  { weight = 1, point = 4000, spread = 0.1, claims = ["high"] },
]

[parameters.troops_deployed]
fixed = 10000

[parameters.rotation_interval_months]
fixed = 12

[parameters.state_share_of_pay]
to = [0.5, 0.9]

[[claims]]
id = "low-a"
quantity = "pay_per_soldier_month"
value = 2000
speaker = "Agency A"
lineage = "briefing-1"
status = "accepted"

[[claims]]
id = "low-b"
quantity = "pay_per_soldier_month"
value = 2000
speaker = "Outlet relaying Agency A"
lineage = "briefing-1"
status = "accepted"

[[claims]]
id = "high"
quantity = "pay_per_soldier_month"
value = 4000
speaker = "Agency B"
status = "accepted"

[[claims]]
id = "take-home"
quantity = "soldier_take_home"
low = 2000
high = 4000
period = "tour"
speaker = "Outlet C"
status = "accepted"
"""


@pytest.fixture(scope="module")
def rows():  # type: ignore[no-untyped-def]
    return {r.lineage: r for r in influence(resolve(parse_case(CASE.encode(), "influence.toml")), draws=8192, seed=1)}


def test_one_row_per_lineage(rows) -> None:  # type: ignore[no-untyped-def]
    assert set(rows) == {"briefing-1", "high", "take-home"}
    assert rows["briefing-1"].claims == ("low-a", "low-b")
    assert rows["briefing-1"].role == "prior"
    assert rows["take-home"].role == "observation"
    for r in rows.values():
        assert set(r.change) == set(HEADLINE)


def test_dropping_a_reading_the_observation_already_ruled_out_changes_little(rows) -> None:  # type: ignore[no-untyped-def]
    # A take-home of $2,000-$4,000 a year-long tour rules out $4,000 a month (that leaves at
    # least $4,800), so without the $4,000 reading the total stays near 10,000 x $2,000 x 12.
    r = rows["high"]
    assert abs(r.change["paid_by_russia"]) < 0.1
    assert r.medians["paid_by_russia"] == pytest.approx(240e6, rel=0.1)


def test_dropping_the_low_lineage_raises_the_totals(rows) -> None:  # type: ignore[no-untyped-def]
    r = rows["briefing-1"]
    assert r.change["paid_by_russia"] > 0.2
    assert r.medians["paid_by_russia"] == pytest.approx(480e6, rel=0.1)


def test_dropping_the_observation_moves_what_soldiers_get(rows) -> None:  # type: ignore[no-untyped-def]
    # The take-home claim pulls the state's share up (towards 90 %); without it soldiers get far more.
    assert rows["take-home"].change["to_soldiers"] > 0.5
    assert rows["take-home"].khat < 0.7  # the run's own draws, re-weighted without the claim
    assert rows["high"].khat is not None
