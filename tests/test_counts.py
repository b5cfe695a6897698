"""Casualty counts as inputs: "600 killed by April" becomes a monthly hazard."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_model import make_inputs, random_inputs
from troopledger.model import Casualties, Inputs, Rotation, Waves, flows
from troopledger.model._counts import CountTarget, hazard_for_count


def test_600_killed_of_15000_by_april_gives_3_6_to_6_million_of_death_payments() -> None:
    # 15,000 in theatre from December; April is month index 4. $6,000 or $10,000 per death.
    n = 2
    sched = Rotation(np.full(n, 15_000.0), np.full(n, 12.0))
    cas = Casualties(np.zeros(n), np.full(n, 0.01), np.zeros(n))
    solved, capped = hazard_for_count(sched, cas, CountTarget("killed", np.full(n, 600.0), by=4), 5)
    assert not capped.any()
    out = flows(make_inputs(n, schedule=sched, casualties=solved, death_compensation=np.array([6e3, 10e3])), 5)
    np.testing.assert_allclose(out["killed"].sum(axis=1), 600.0, rtol=1e-9)
    np.testing.assert_allclose(out["death_payments"].sum(axis=1), [3.6e6, 6.0e6], rtol=1e-9)


def test_counts_by_an_earlier_month_and_of_wounded() -> None:
    n = 3
    sched = Waves(np.array([0, 2]), np.full((n, 2), 5_000.0), np.full((n, 2), 10.0))
    cas = Casualties(np.full(n, 0.002), np.zeros(n), np.array([0.0, 0.5, 1.0]))
    target = CountTarget("wounded", np.array([100.0, 250.0, 400.0]), by=3)
    solved, capped = hazard_for_count(sched, cas, target, 12)
    assert not capped.any()
    out = flows(make_inputs(n, schedule=sched, casualties=solved), 12)
    np.testing.assert_allclose(out["wounded"][:, :4].sum(axis=1), [100.0, 250.0, 400.0], rtol=1e-9)
    np.testing.assert_allclose(solved.killed_hazard, 0.002)  # the other hazard is left alone


def test_a_count_beyond_reach_is_capped_not_invented() -> None:
    sched = Rotation(np.full(1, 100.0), np.full(1, 12.0))
    cas = Casualties(np.zeros(1), np.zeros(1), np.zeros(1))
    solved, capped = hazard_for_count(sched, cas, CountTarget("killed", np.full(1, 1_000.0), by=2), 12)
    assert capped.tolist() == [True]
    assert solved.killed_hazard[0] == pytest.approx(1.0)


@given(random_inputs(), st.floats(0.0, 0.9), st.data())
@settings(max_examples=40, deadline=None)
def test_any_reachable_count_is_met(case: tuple[Inputs, int], frac: float, data: st.DataObject) -> None:
    x, months = case
    by = data.draw(st.integers(0, months - 1))
    hw = np.minimum(x.casualties.wounded_hazard, 0.5)
    cas = Casualties(np.zeros(x.draws), hw, x.casualties.replacement_share)
    most, _ = hazard_for_count(x.schedule, cas, CountTarget("killed", np.full(x.draws, 1e12), by), months)
    reach = flows(replace(x, casualties=most), months)["killed"][:, : by + 1].sum(axis=1)
    target = frac * reach  # a share of the most that can be killed by then
    solved, capped = hazard_for_count(x.schedule, cas, CountTarget("killed", target, by), months)
    assert not capped.any()
    got = flows(replace(x, casualties=solved), months)["killed"][:, : by + 1].sum(axis=1)
    np.testing.assert_allclose(got, target, rtol=1e-8, atol=1e-6)


def test_a_count_of_subnormal_waves_at_their_reach_is_not_capped() -> None:
    """Rounding at the edge of reach (here subnormal wave sizes) must not flag a reachable count."""
    n, months, by = 7, 3, 1
    sched = Waves(np.array([0, 0, 0]), np.full((n, 3), 5e-324), np.full((n, 3), 1.0))
    cas = Casualties(np.zeros(n), np.full(n, 0.5), np.zeros(n))
    most, _ = hazard_for_count(sched, cas, CountTarget("killed", np.full(n, 1e12), by), months)
    x = make_inputs(n, schedule=sched, casualties=most)
    reach = flows(x, months)["killed"][:, : by + 1].sum(axis=1)
    for frac in (0.0, 0.5, 0.9, 1.0):
        solved, capped = hazard_for_count(sched, cas, CountTarget("killed", frac * reach, by), months)
        assert not capped.any()
        got = flows(replace(x, casualties=solved), months)["killed"][:, : by + 1].sum(axis=1)
        np.testing.assert_allclose(got, frac * reach, rtol=1e-8, atol=1e-6)
