"""Per-draw totals over windows and at monthly exchange rates, from the kept monthly paths."""

from __future__ import annotations

import tomllib

import numpy as np
import pytest

from helpers import MINIMAL_CASE
from troopledger.analysis._reweigh import convert_draws, profile_of, reweighed_totals
from troopledger.evidence import Case, resolve
from troopledger.model import collect

UNCERTAIN = MINIMAL_CASE.replace("fixed = 0.9", "to = [0.7, 0.95]").replace("fixed = 10000", "to = [8000, 12000]")


def test_state_uses_follow_the_state_and_received_accounts_their_owed_account() -> None:
    kept = ["paid_by_russia", "to_state", "to_soldiers"]
    assert profile_of("state_military", kept) == "to_state"
    assert profile_of("received_to_soldiers", kept) == "to_soldiers"
    assert profile_of("received_state_military", kept) == "to_state"
    assert profile_of("paid_in_kind", kept) == "paid_by_russia"


@pytest.mark.parametrize("cap", [10_000, 500])
def test_window_and_rate_totals_match_the_monthly_paths(cap: int) -> None:
    case = Case.model_validate(tomllib.loads(UNCERTAIN))
    d = collect(resolve(case), 2_000, seed=1, monthly_cap=cap)
    rates = np.linspace(1300, 1400, 12)
    got, pooled = reweighed_totals(d, ["paid_by_russia", "to_state", "state_military"], rates)
    assert pooled == (cap < 2_000)
    n = min(cap, 2_000)
    exact = (d.monthly["paid_by_russia"][:n].astype(float) * rates).sum(axis=1)
    np.testing.assert_allclose(got["paid_by_russia"][:n], exact, rtol=1e-5)
    np.testing.assert_allclose(
        got["state_military"], d.totals["state_military"] * got["to_state"] / d.totals["to_state"]
    )
    # a window of the first three months holds a quarter of a constant 12-month flow
    window = np.r_[np.ones(3), np.zeros(9)]
    quarter, _ = reweighed_totals(d, ["to_state"], window)
    np.testing.assert_allclose(quarter["to_state"], d.totals["to_state"] / 4, rtol=1e-5)


def test_30000_soldiers_at_2800_for_a_year_in_won_at_1390_is_about_1_4_trillion() -> None:
    case = Case.model_validate(
        tomllib.loads(MINIMAL_CASE.replace("fixed = 2000", "fixed = 2800").replace("fixed = 10000", "fixed = 30000"))
    )
    d = collect(resolve(case), 100, seed=0)
    won = convert_draws(d, np.full(12, 1390.0), ["pay_per_soldier_month"])
    assert won.totals["paid_by_russia"][0] == pytest.approx(30_000 * 2_800 * 12 * 1_390)  # 1.40 trillion won
    assert won.derived["revenue_per_year"][0] == pytest.approx(1.40112e12)
    assert won.constants["pay_per_soldier_month"] == pytest.approx(2_800 * 1_390)
    assert won.derived["killed_total"][0] == d.derived["killed_total"][0]  # counts are not money
    np.testing.assert_allclose(won.monthly["to_state"][0], 0.9 * 30_000 * 2_800 * 1_390, rtol=1e-6)
