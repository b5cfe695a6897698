"""Cohorts with roles, hazards that change over time, departures and returns: the model's people accounting."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from troopledger.errors import ModelError
from troopledger.model import BY_ROLE, STATE_USES, Casualties, Inputs, Rotation, Waves, deploy, flows, role_output
from troopledger.model._deployment import deploy_parts

N = 5
ROLES = ("combat", "engineers_deminers", "builders")
unit = st.floats(0.0, 1.0, allow_nan=False)


def vec(elements: st.SearchStrategy[float], shape: int | tuple[int, ...] = N) -> st.SearchStrategy[np.ndarray]:
    return arrays(np.float64, shape, elements=elements)


@st.composite
def waves(draw: st.DrawFn, months: int) -> Waves:
    k = draw(st.integers(1, 4))
    profile = None
    if draw(st.booleans()):
        profile = draw(arrays(np.float64, (k, draw(st.integers(1, 3))), elements=st.floats(0.0, 1.0)))
        profile[:, 0] += 1e-9
        profile /= profile.sum(axis=1, keepdims=True)
    return Waves(
        np.array(draw(st.lists(st.integers(0, months - 1), min_size=k, max_size=k))),
        draw(vec(st.floats(0.0, 1e5), (N, k))),
        draw(vec(st.floats(0.0, 40.0), (N, k))),
        profile,
        role=np.array(draw(st.lists(st.integers(0, len(ROLES) - 1), min_size=k, max_size=k))),
        by_mid_month=draw(vec(unit, k)),
    )


@st.composite
def inputs(draw: st.DrawFn) -> tuple[Inputs, int]:
    months = draw(st.integers(1, 24))
    if draw(st.booleans()):
        extra = draw(waves(months)) if draw(st.booleans()) else None
        sched: Rotation | Waves = Rotation(draw(vec(st.floats(0.0, 1e5))), draw(vec(st.floats(0.1, 30.0))), extra)
    else:
        sched = draw(waves(months))
    hazard = st.one_of(st.just(0.0), st.just(1.0), st.floats(0.0, 0.6))
    shape = st.one_of(st.none(), vec(st.floats(0.0, 5.0), (N, months)))
    cas = Casualties(
        draw(vec(hazard)),
        draw(vec(hazard)),
        draw(vec(unit)),
        killed_shape=draw(shape),
        wounded_shape=draw(shape),
        exposure=draw(st.one_of(st.none(), vec(st.floats(0.0, 3.0), (N, len(ROLES))))),
        evacuated_share=draw(st.one_of(st.none(), vec(unit))),
    )
    shares = draw(vec(st.floats(0.0, 1.0), (N, 4)))
    shares[:, 0] += 1e-9
    shares /= shares.sum(axis=1, keepdims=True)
    money = st.floats(0.0, 1e5)
    x = Inputs(
        schedule=sched,
        casualties=cas,
        pay_per_soldier_month=draw(vec(money)),
        state_share_of_pay=draw(vec(unit)),
        signing_bonus=draw(vec(money)),
        death_compensation=draw(vec(money)),
        in_kind_share=draw(vec(unit)),
        family_share_of_death_pay=draw(vec(unit)),
        family_share_of_unpaid_pay=draw(vec(unit)),
        state_use_shares=shares,
        nk_gdp=np.full(N, 40e9),
        luxury_imports=np.full(N, 78e6),
        domestic_monthly_wage=np.full(N, 1.0),
        roles=ROLES,
    )
    return x, months


@settings(max_examples=150, deadline=None)
@given(inputs())
def test_every_soldier_who_joins_is_in_theatre_killed_evacuated_or_home(case: tuple[Inputs, int]) -> None:
    """Per role and month: joined = still in theatre + killed + evacuated + rotated home."""
    x, months = case
    for part in deploy_parts(x.schedule, x.casualties, months):
        d = part.deployment
        joined = np.cumsum(d.joiners, axis=1)
        alive = d.strength - d.killed - d.evacuated + d.replacements  # at the end of each month
        gone = np.cumsum(d.killed + d.evacuated + d.departures, axis=1)
        np.testing.assert_allclose(alive + gone, joined, rtol=1e-9, atol=1e-6 * max(1.0, float(joined.max())))
        assert np.all(d.evacuated <= d.wounded + 1e-9)
        assert np.all(d.strength >= -1e-9)
        assert np.all(d.departures >= -1e-9)
        if d.late is not None:
            assert np.all(d.late >= -1e-9)
            assert np.all(d.late <= d.joiners + 1e-6)


@settings(max_examples=150, deadline=None)
@given(inputs())
def test_money_is_conserved_and_roles_add_up(case: tuple[Inputs, int]) -> None:
    x, months = case
    out = flows(x, months)
    paid = out["paid_by_russia"]
    tol = 1e-9 * np.maximum(np.abs(paid), 1.0)
    assert np.all(np.abs(paid - (out["to_state"] + out["to_soldiers"] + out["to_families"])) <= tol)
    assert np.all(np.abs(out["to_state"] - sum(out[u] for u in STATE_USES)) <= tol)
    for k in BY_ROLE:
        whole = out[k]
        parts = sum(out[role_output(k, r)] for r in ROLES)
        np.testing.assert_allclose(parts, whole, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(out["returned"], out["departures"] + out["evacuated"], rtol=1e-12)


def _simple(**cas: np.ndarray | None) -> tuple[Waves, Casualties]:
    sched = Waves(np.array([0, 2]), np.array([[1000.0, 500.0]]), np.array([[6.0, 4.0]]), role=np.array([0, 1]))
    base = {"killed_hazard": np.array([0.02]), "wounded_hazard": np.array([0.05]), "replacement_share": np.array([0.5])}
    return sched, Casualties(**{**base, **cas})  # type: ignore[arg-type]


def test_a_flat_shape_and_unit_exposure_change_nothing() -> None:
    sched, plain = _simple()
    _, flat = _simple(killed_shape=np.ones((1, 8)), wounded_shape=np.ones((1, 8)), exposure=np.ones((1, 2)))
    a, b = deploy(sched, plain, 8), deploy(sched, flat, 8)
    for name in ("strength", "killed", "wounded", "departures", "exposure_dead", "arrivals_dead"):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), rtol=1e-12, err_msg=name)


def test_a_phase_raises_the_dead_in_its_months_only() -> None:
    shape = np.ones((1, 8))
    shape[0, 3:5] = 4.0
    sched, plain = _simple()
    _, phased = _simple(killed_shape=shape)
    a, b = deploy(sched, plain, 8), deploy(sched, phased, 8)
    np.testing.assert_allclose(a.killed[:, :3], b.killed[:, :3])
    assert np.all(b.killed[:, 3:5] > 3.0 * a.killed[:, 3:5])
    # fewer soldiers are left after the phase, so fewer are killed at the base hazard later
    assert np.all(b.strength[:, 5:6] < a.strength[:, 5:6])


def test_exposure_scales_a_roles_casualties() -> None:
    sched, _ = _simple()
    _, low = _simple(exposure=np.array([[1.0, 0.1]]))
    parts = deploy_parts(sched, low, 8)
    combat, builders = parts[0].deployment, parts[1].deployment
    rate_c = combat.killed[0, 1] / combat.strength[0, 1]
    rate_b = builders.killed[0, 3] / builders.strength[0, 3]
    assert rate_c == pytest.approx(0.02)
    assert rate_b == pytest.approx(0.002)


def test_wounded_who_return_to_the_line_stay_in_theatre() -> None:
    sched, all_out = _simple(replacement_share=np.array([0.0]))
    _, half = _simple(replacement_share=np.array([0.0]), evacuated_share=np.array([0.5]))
    a, b = deploy(sched, all_out, 8), deploy(sched, half, 8)
    assert np.all(b.strength[:, 1:5] > a.strength[:, 1:5])  # both waves in theatre
    np.testing.assert_allclose(b.evacuated, 0.5 * b.wounded)


def test_hazards_past_the_horizon_go_on_for_a_tour_that_ends_after_it() -> None:
    """A soldier's chance of death before his tour ends counts the months past the horizon."""
    sched = Waves(np.array([0]), np.array([[100.0]]), np.array([[24.0]]))
    cas = Casualties(np.array([0.01]), np.array([0.0]), np.array([0.0]))
    short, long = deploy(sched, cas, 6), deploy(sched, cas, 24)
    np.testing.assert_allclose(short.exposure_dead, long.exposure_dead[:, :6], rtol=1e-9)


def test_mid_month_arrivals_follow_the_waves_share() -> None:
    sched = Waves(
        np.array([0, 0]), np.array([[1000.0, 2000.0]]), np.array([[6.0, 6.0]]), by_mid_month=np.array([1.0, 0.0])
    )
    cas = Casualties(np.zeros(1), np.zeros(1), np.zeros(1))
    dep = deploy(sched, cas, 3)
    assert dep.late is not None
    assert dep.late[0, 0] == pytest.approx(2000.0)
    assert dep.strength[0, 0] - dep.late[0, 0] == pytest.approx(1000.0)


@pytest.mark.parametrize(
    "bad",
    [
        {"killed_shape": np.ones((1, 3))},
        {"exposure": -np.ones((1, 2))},
        {"evacuated_share": np.array([1.5])},
    ],
)
def test_bad_hazard_paths_are_refused(bad: dict[str, np.ndarray]) -> None:
    sched, cas = _simple(**bad)
    with pytest.raises(ModelError):
        deploy(sched, cas, 8)


@settings(max_examples=60, deadline=None)
@given(inputs())
def test_parts_by_role_add_up_to_parts_by_wave(case: tuple[Inputs, int]) -> None:
    """Summing a role's cohorts in one pass gives what one cohort at a time gives."""
    from troopledger.model._deployment import combine

    x, months = case
    wave = combine(deploy_parts(x.schedule, x.casualties, months))
    role = combine(deploy_parts(x.schedule, x.casualties, months, per_wave=False))
    for name in ("strength", "joiners", "departures", "killed", "evacuated", "exposure_dead", "arrivals_dead", "late"):
        a, b = getattr(wave, name), getattr(role, name)
        np.testing.assert_allclose(a, b, rtol=1e-7, atol=1e-6 * max(1.0, float(np.abs(a).max())), err_msg=name)


def test_cohorts_summed_together_match_one_at_a_time() -> None:
    from troopledger.model._cohorts import one_cohort as _cohort
    from troopledger.model._cohorts import together as _together
    from troopledger.model._hazards import Hazards

    months = 10
    shape = np.linspace(0.5, 3.0, months)[None, :].repeat(2, axis=0)
    cas = Casualties(np.array([0.02, 0.05]), np.array([0.04, 0.1]), np.array([0.3, 0.9]), shape, shape)
    p = Hazards(cas, months).role(0)
    cohorts = [
        (0, np.array([[1000.0], [50.0]]), np.array([[4.0], [20.0]]), 0.5),
        (3, np.array([[300.0], [7.0]]), np.array([[12.0], [2.0]]), 1.0),
    ]
    one: dict[str, np.ndarray] = {}
    for a, size, t, late in cohorts:
        _cohort(one, p, a, size, t, np.arange(months)[None, :], months, late)
    both: dict[str, np.ndarray] = {}
    _together(both, p, cohorts, months)
    for k, v in one.items():
        np.testing.assert_allclose(both[k], v, rtol=1e-9, atol=1e-9, err_msg=k)


@settings(max_examples=150, deadline=None)
@given(inputs())
def test_paths_from_a_roles_first_arrival_match_paths_from_month_zero(case: tuple[Inputs, int]) -> None:
    """A role's hazard paths start at its first arrival: the flows are those of paths from month 0.

    A wave of no soldiers at month 0 in every role forces each role's paths to start at
    month 0; it adds nothing, so the flows must be the same as without it.
    """
    from troopledger.model._deployment import combine

    x, months = case
    s = x.schedule.extra if isinstance(x.schedule, Rotation) else x.schedule
    if s is None or s.profile is not None:
        return
    k, r = len(ROLES), np.arange(len(ROLES))
    padded = Waves(
        np.concatenate([s.arrival, np.zeros(k, dtype=np.int64)]),
        np.concatenate([s.size, np.zeros((N, k))], axis=1),
        np.concatenate([s.tour, np.ones((N, k))], axis=1),
        role=np.concatenate([s.roles(), r]),
        by_mid_month=np.concatenate([s.early(), np.full(k, 0.5)]),
    )
    late = combine(deploy_parts(s, x.casualties, months, per_wave=False))
    zero = combine(deploy_parts(padded, x.casualties, months, per_wave=False))
    for name in ("strength", "joiners", "departures", "killed", "wounded", "evacuated", "exposure_dead", "late"):
        a, b = getattr(late, name), getattr(zero, name)
        np.testing.assert_allclose(a, b, rtol=1e-7, atol=1e-6 * max(1.0, float(np.abs(b).max())), err_msg=name)


def test_a_hazard_path_must_start_inside_the_horizon() -> None:
    from troopledger.model._hazards import Hazards

    cas = Casualties(np.array([0.02]), np.array([0.04]), np.array([0.3]))
    with pytest.raises(ModelError, match="inside the horizon"):
        Hazards(cas, 6).role(0, 6)


def test_a_rotation_wave_arriving_on_a_rounded_month_is_counted_in_theatre() -> None:
    """5 x 1.2 rounds to 6.000000000000001 but 6 x 1.2 - 1.2 to 5.999999999999999: the wave of month 6."""
    sched = Rotation(np.array([1.0]), np.array([1.2]))
    d = deploy_parts(sched, Casualties(np.zeros(1), np.ones(1), np.zeros(1)), 7)[0].deployment
    np.testing.assert_array_equal(d.arrivals[0], [1, 1, 1, 1, 1, 0, 1])
    np.testing.assert_array_equal(d.strength[0], d.arrivals[0])  # all wounded and evacuated within the month
