"""Published estimates reproduced from their stated assumptions (point values, no noise)."""

from __future__ import annotations

import numpy as np
import pytest

from troopledger.calibration import compile_observations
from troopledger.claims import Claim
from troopledger.evidence import Prior, parse_case, resolve
from troopledger.model import collect, iter_chunks

HEAD = """
[case]
name = "published"
start = "2024-10"
months = 12

[deployment]
mode = "rotation"

[parameters.state_share_of_pay]
fixed = 0.9

[parameters.rotation_interval_months]
fixed = 12
"""


def _case(extra: str) -> Prior:
    return resolve(parse_case((HEAD + extra).encode(), "published.toml"))


def test_ten_thousand_troops_at_2000_for_a_year_is_240_million() -> None:
    case = _case("[parameters.troops_deployed]\nfixed = 10000\n[parameters.pay_per_soldier_month]\nfixed = 2000\n")
    d = collect(case, 50, 0)
    assert d.totals["paid_by_russia"] == pytest.approx(np.full(50, 240e6), rel=1e-12)
    assert d.derived["revenue_per_year"] == pytest.approx(np.full(50, 240e6), rel=1e-12)


def test_pay_plus_a_lump_sum_per_arrival_is_320_million_a_year() -> None:
    # 10,000 x ($2,500 x 12 + $2,000 signing payment): one 12-month tour, everyone arriving once
    case = _case(
        "[parameters.troops_deployed]\nfixed = 10000\n[parameters.pay_per_soldier_month]\nfixed = 2500\n"
        "[parameters.signing_bonus]\nfixed = 2000\n"
    )
    d = collect(case, 50, 0)
    assert d.totals["paid_by_russia"] == pytest.approx(np.full(50, 320e6), rel=1e-12)
    assert d.totals["paid_by_russia"][0] == pytest.approx(10_000 * (2_500 * 12 + 2_000))


def test_rank_mix_for_15000_troops_is_43_8_million_a_month() -> None:
    ranks = "".join(
        f'[[pay_by_rank]]\nrank = "{r}"\nshare = {s}\npay = {{ fixed = {p} }}\n'
        for r, s, p in (
            ("commander", 0.02, 5000),
            ("technical", 0.08, 3500),
            ("nco", 0.10, 3000),
            ("private", 0.80, 2800),
        )
    )
    case = _case("[parameters.troops_deployed]\nfixed = 15000\n" + ranks)
    chunk = next(iter_chunks(case, 20, 0))
    monthly = chunk.outputs["paid_by_russia"]
    assert monthly == pytest.approx(np.full((20, 12), 43.8e6), rel=1e-12)
    assert chunk.params["pay_per_soldier_month"] == pytest.approx(np.full(20, 2920.0))


def test_a_monthly_total_for_stated_troops_is_pay_times_troops() -> None:
    # "about $22 million a month for 11,000 troops" observes pay x 11,000
    case = _case("[parameters.troops_deployed]\nfixed = 10000\n[parameters.pay_per_soldier_month]\nfixed = 2000\n")
    claim = Claim(
        id="total",
        quantity="total_revenue_to_nk",
        value=22e6,
        unit="USD/month",
        period="month",
        stated="about $22 million for 11,000 troops",
        speaker="test",
        hedge="about",
        status="accepted",
    )
    obs = compile_observations(case, claims=[claim])
    assert obs.ids == ["total"]
    chunk = next(iter_chunks(case, 10, 0))
    assert obs.values(chunk.outputs, chunk.params)[:, 0] == pytest.approx(np.full(10, 22e6))
    # at exactly the stated figure the claim's likelihood is at its peak
    assert obs.loglik(obs.values(chunk.outputs, chunk.params)) == pytest.approx(np.zeros((10, 1)))
