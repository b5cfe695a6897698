"""The money-flow model: known answers, conservation of money and of people."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from troopledger.errors import ModelError
from troopledger.model import STATE_USES, Casualties, Inputs, Rotation, Waves, deploy, flows


def make_inputs(n: int = 1, *, schedule: Rotation | Waves | None = None, **over: object) -> Inputs:
    """Inputs with plain defaults: 10,000 troops for 12 months at $2,000, state keeps 90 %."""
    full = np.full
    base: dict[str, object] = {
        "schedule": schedule or Rotation(full(n, 10_000.0), full(n, 12.0)),
        "casualties": Casualties(full(n, 0.0), full(n, 0.0), full(n, 0.0)),
        "pay_per_soldier_month": full(n, 2000.0),
        "state_share_of_pay": full(n, 0.9),
        "signing_bonus": full(n, 0.0),
        "death_compensation": full(n, 0.0),
        "in_kind_share": full(n, 0.0),
        "family_share_of_death_pay": full(n, 0.0),
        "family_share_of_unpaid_pay": full(n, 0.0),
        "state_use_shares": full((n, 4), 0.25),
        "nk_gdp": full(n, 40e9),
        "luxury_imports": full(n, 78e6),
        "domestic_monthly_wage": full(n, 1.0),
    }
    base.update(over)
    return Inputs(**base)  # type: ignore[arg-type]


def test_11000_troops_at_2000_is_22_million_a_month() -> None:
    x = make_inputs(schedule=Rotation(np.array([11_000.0]), np.array([12.0])))
    out = flows(x, 12)
    np.testing.assert_allclose(out["paid_by_russia"], 22e6)


def test_10000_troops_at_2000_for_12_months_is_240_million() -> None:
    out = flows(make_inputs(), 12)
    assert out["paid_by_russia"].sum() == pytest.approx(240e6, rel=1e-12)
    assert out["to_state"].sum() == pytest.approx(216e6, rel=1e-12)
    assert out["to_soldiers"].sum() == pytest.approx(24e6, rel=1e-12)
    assert out["revenue_per_year"][0] == pytest.approx(240e6)
    assert out["revenue_share_of_gdp"][0] == pytest.approx(240e6 / 40e9)


def test_take_home_for_a_full_tour() -> None:
    out = flows(make_inputs(schedule=Rotation(np.array([100.0]), np.array([6.0]))), 12)
    assert out["take_home_per_soldier_tour"][0] == pytest.approx(0.1 * 2000 * 6)
    assert out["take_home_years_of_wages"][0] == pytest.approx(1200 / 12)


def test_rotation_every_three_months_sends_four_contingents_a_year() -> None:
    out = flows(make_inputs(schedule=Rotation(np.array([15_000.0]), np.array([3.0]))), 12)
    np.testing.assert_allclose(out["troops_in_theatre"], 15_000)
    assert out["cumulative_deployed"][0, -1] == pytest.approx(60_000)
    np.testing.assert_allclose(out["arrivals"][0], [15_000, 0, 0] * 4)
    np.testing.assert_allclose(out["departures"][0], [0, 0, 0] + [15_000, 0, 0] * 3)


def test_waves_arrive_and_leave_on_their_dates() -> None:
    sched = Waves(np.array([0, 3]), np.array([[1000.0, 500.0]]), np.array([[4.0, 20.0]]))
    out = flows(make_inputs(schedule=sched), 8)
    np.testing.assert_allclose(out["troops_in_theatre"][0], [1000, 1000, 1000, 1500, 500, 500, 500, 500])
    np.testing.assert_allclose(out["departures"][0, 4], 1000)
    assert out["cumulative_deployed"][0, -1] == pytest.approx(1500)


def test_a_wave_can_arrive_over_several_months() -> None:
    # 11,000 soldiers, 15 % arriving in the first month and the rest in the next:
    # "about 1,650 in October" and "about 11,000 by November" are both true of one wave.
    sched = Waves(np.array([1]), np.array([[11_000.0]]), np.array([[3.0]]), profile=np.array([[0.15, 0.85]]))
    out = flows(make_inputs(schedule=sched), 6)
    np.testing.assert_allclose(out["troops_in_theatre"][0], [0, 1650, 11_000, 11_000, 9350, 0])
    np.testing.assert_allclose(out["arrivals"][0], [0, 1650, 9350, 0, 0, 0])
    np.testing.assert_allclose(out["departures"][0], [0, 0, 0, 0, 1650, 9350])
    # the part arriving after the horizon is not in it
    cut = flows(make_inputs(schedule=sched), 2)
    np.testing.assert_allclose(cut["cumulative_deployed"][0], [0, 1650])


def test_an_arrival_profile_must_be_shares_of_one() -> None:
    sched = Waves(np.array([0]), np.array([[100.0]]), np.array([[3.0]]), profile=np.array([[0.5, 0.6]]))
    with pytest.raises(ModelError, match="profile"):
        flows(make_inputs(schedule=sched), 6)


def test_killed_soldiers_pay_goes_to_state_or_families() -> None:
    x = make_inputs(
        casualties=Casualties(np.array([0.05]), np.array([0.0]), np.array([0.0])),
        family_share_of_unpaid_pay=np.array([1.0]),
        death_compensation=np.array([10_000.0]),
        family_share_of_death_pay=np.array([0.5]),
    )
    out = flows(x, 12)
    assert out["to_families"].sum() > 0.5 * 10_000 * out["killed"].sum()
    assert out["to_soldiers"].sum() < 0.1 * out["pay"].sum()


def test_one_draw_and_many_draws_agree() -> None:
    one = flows(make_inputs(1), 6)
    many = flows(make_inputs(5), 6)
    for k, v in one.items():
        np.testing.assert_allclose(many[k], np.repeat(v, 5, axis=0))


def test_bad_arrays_raise_model_errors() -> None:
    with pytest.raises(ModelError, match="state_share_of_pay"):
        flows(make_inputs(state_share_of_pay=np.array([1.5])), 12)
    with pytest.raises(ModelError, match="shaped"):
        flows(make_inputs(pay_per_soldier_month=np.array([1.0, 2.0])), 12)
    with pytest.raises(ModelError, match="months"):
        flows(make_inputs(), 0)
    with pytest.raises(ModelError, match="state_use_shares"):
        flows(make_inputs(state_use_shares=np.full((1, 4), 0.3)), 12)


# --- conservation, over random parameters -------------------------------------------

N = 7
unit = st.floats(0.0, 1.0, allow_nan=False)
money = st.floats(0.0, 1e5, allow_nan=False)


def vec(elements: st.SearchStrategy[float]) -> st.SearchStrategy[np.ndarray]:
    return arrays(np.float64, N, elements=elements)


@st.composite
def random_inputs(draw: st.DrawFn) -> tuple[Inputs, int]:
    months = draw(st.integers(1, 30))
    if draw(st.booleans()):
        sched: Rotation | Waves = Rotation(
            draw(vec(st.one_of(st.just(0.0), st.floats(0.0, 1e6)))), draw(vec(st.floats(0.1, 40.0)))
        )
    else:
        k = draw(st.integers(1, 4))
        profile = None
        if draw(st.booleans()):  # arrivals spread over up to four months
            profile = draw(arrays(np.float64, (k, draw(st.integers(1, 4))), elements=st.floats(0.0, 1.0)))
            profile[:, 0] += 1e-9
            profile /= profile.sum(axis=1, keepdims=True)
        sched = Waves(
            np.array(draw(st.lists(st.integers(0, months - 1), min_size=k, max_size=k))),
            draw(arrays(np.float64, (N, k), elements=st.floats(0.0, 1e5))),
            draw(arrays(np.float64, (N, k), elements=st.floats(0.0, 50.0))),
            profile,
        )
    shares = draw(arrays(np.float64, (N, 4), elements=st.floats(0.0, 1.0)))
    shares[:, 0] += 1e-9
    shares /= shares.sum(axis=1, keepdims=True)
    hazard = st.one_of(st.just(0.0), st.just(1.0), st.floats(0.0, 1.0))
    x = Inputs(
        schedule=sched,
        casualties=Casualties(draw(vec(hazard)), draw(vec(hazard)), draw(vec(unit))),
        pay_per_soldier_month=draw(vec(money)),
        state_share_of_pay=draw(vec(st.one_of(st.just(1.0), st.just(0.0), unit))),
        signing_bonus=draw(vec(money)),
        death_compensation=draw(vec(money)),
        in_kind_share=draw(vec(unit)),
        family_share_of_death_pay=draw(vec(unit)),
        family_share_of_unpaid_pay=draw(vec(unit)),
        state_use_shares=shares,
        nk_gdp=np.full(N, 40e9),
        luxury_imports=np.full(N, 78e6),
        domestic_monthly_wage=np.full(N, 1.0),
    )
    return x, months


@given(random_inputs())
def test_every_dollar_lands_in_exactly_one_account(case: tuple[Inputs, int]) -> None:
    x, months = case
    out = flows(x, months)
    paid = out["paid_by_russia"]
    assert paid.shape == (N, months)
    landed = out["to_state"] + out["to_soldiers"] + out["to_families"]
    tol = 1e-9 * np.maximum(np.abs(paid), 1.0)
    assert np.all(np.abs(paid - landed) <= tol)
    uses = sum(out[u] for u in STATE_USES)
    assert np.all(np.abs(out["to_state"] - uses) <= tol)
    for k in ("to_state", "to_soldiers", "to_families", *STATE_USES):
        assert np.all(out[k] >= -tol), k


@given(random_inputs())
def test_people_are_conserved(case: tuple[Inputs, int]) -> None:
    x, months = case
    dep = deploy(x.schedule, x.casualties, months)
    arrived = (dep.arrivals + dep.replacements).sum(axis=1)
    gone = (dep.killed + dep.wounded + dep.departures).sum(axis=1)
    # what is still in theatre at the end of the last month
    hk, hw = x.casualties.killed_hazard, x.casualties.wounded_hazard
    scale = np.where(hk + hw > 1, 1 / np.maximum(hk + hw, 1e-300), 1.0)
    lam = (hk + hw) * scale * (1 - x.casualties.replacement_share)
    remaining = dep.strength[:, -1] * np.maximum(1 - lam, 0.0)
    np.testing.assert_allclose(arrived, gone + remaining, rtol=1e-9, atol=1e-6)


def test_zero_troops_pay_nothing() -> None:
    out = flows(make_inputs(schedule=Rotation(np.array([0.0]), np.array([3.0]))), 12)
    assert np.all(out["paid_by_russia"] == 0)
    assert np.all(np.isfinite(out["take_home_per_soldier_tour"]))


def test_fractional_rotation_intervals() -> None:
    # every 2.5 months: waves arrive in months 0, 2, 5, 7, 10 (floor of k * 2.5)
    out = flows(make_inputs(schedule=Rotation(np.array([100.0]), np.array([2.5]))), 12)
    np.testing.assert_allclose(np.nonzero(out["arrivals"][0])[0], [0, 2, 5, 7, 10])
    assert out["cumulative_deployed"][0, -1] == pytest.approx(500)
    np.testing.assert_allclose(np.nonzero(out["departures"][0])[0], [2, 5, 7, 10])


def test_death_before_tour_end_uses_months_left_in_the_tour() -> None:
    cas = Casualties(np.array([0.1]), np.array([0.0]), np.array([1.0]))  # losses replaced: strength stays 100
    dep = deploy(Rotation(np.array([100.0]), np.array([2.5])), cas, 6)
    # month 2 starts wave 1, which leaves when wave 2 arrives in month 5: three months left
    months_left = np.array([2, 1, 3, 2, 1, 2])
    np.testing.assert_allclose(dep.exposure_dead[0], 100 * (1 - 0.9**months_left))
