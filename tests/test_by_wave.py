"""Pay and state share by wave: builders at $800, combat troops at $2,000, money still conserved."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from test_model import N, make_inputs, random_inputs
from troopledger.errors import ModelError
from troopledger.model import STATE_USES, Inputs, Rotation, Waves, flows
from troopledger.model._by_wave import flows_by_wave


def test_builders_paid_800_beside_combat_troops_paid_2000() -> None:
    # 11,000 from month 0 at $2,000 (state keeps 90 %); 5,000 builders from month 3 at $800 (state keeps 50 %).
    sched = Waves(np.array([0, 3]), np.array([[11_000.0, 5_000.0]]), np.array([[6.0, 6.0]]))
    x = make_inputs(1, schedule=sched)
    out = flows_by_wave(x, 6, pay=np.array([[2_000.0, 800.0]]), state_share=np.array([[0.9, 0.5]]))
    assert out["paid_by_russia"].sum() == pytest.approx(11_000 * 2_000 * 6 + 5_000 * 800 * 3)  # $144M
    assert out["to_state"].sum() == pytest.approx(0.9 * 132e6 + 0.5 * 12e6)  # $124.8M
    assert out["take_home_per_soldier_tour"][0] == pytest.approx((11 * 0.1 * 2_000 * 6 + 5 * 0.5 * 800 * 6) / 16)


def test_the_same_pay_for_every_wave_is_the_plain_model() -> None:
    sched = Waves(np.array([0, 2]), np.full((3, 2), 4_000.0), np.full((3, 2), 5.0))
    x = make_inputs(3, schedule=sched)
    plain = flows(x, 8)
    split = flows_by_wave(x, 8, pay=np.full((3, 2), 2_000.0))
    for k in ("paid_by_russia", "to_state", "cumulative_deployed", "revenue_per_year", "take_home_per_soldier_tour"):
        np.testing.assert_allclose(split[k], plain[k], rtol=1e-12)


def test_a_rotation_cannot_differ_by_wave() -> None:
    with pytest.raises(ModelError, match="dated list of waves"):
        flows_by_wave(make_inputs(1, schedule=Rotation(np.ones(1), np.ones(1))), 3, pay=np.ones((1, 1)))


@given(random_inputs(), st.data())
def test_every_dollar_lands_in_one_account_wave_by_wave(case: tuple[Inputs, int], data: st.DataObject) -> None:
    x, months = case
    if not isinstance(x.schedule, Waves):
        return
    k = x.schedule.arrival.shape[0]
    pay = data.draw(arrays(np.float64, (N, k), elements=st.floats(0.0, 1e5)))
    share = data.draw(arrays(np.float64, (N, k), elements=st.floats(0.0, 1.0)))
    out = flows_by_wave(x, months, pay=pay, state_share=share)
    paid = out["paid_by_russia"]
    tol = 1e-9 * np.maximum(np.abs(paid), 1.0)
    assert np.all(np.abs(paid - out["to_state"] - out["to_soldiers"] - out["to_families"]) <= tol)
    assert np.all(np.abs(out["to_state"] - sum(out[u] for u in STATE_USES)) <= tol)


def test_every_per_draw_output_of_the_plain_model_is_there() -> None:
    sched = Waves(np.array([0, 1]), np.full((2, 2), 100.0), np.full((2, 2), 3.0))
    x = make_inputs(2, schedule=sched)
    assert set(flows_by_wave(x, 4, pay=np.full((2, 2), 900.0))) == set(flows(x, 4))
