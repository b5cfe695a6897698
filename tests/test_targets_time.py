"""Targets read at mid-month for claims published by the 20th, and by role for claims that name one."""

from __future__ import annotations

import numpy as np

from troopledger.calibration._targets import derived_target, mid_month
from troopledger.claims import Claim, SourceRef
from troopledger.evidence import Horizon

H = Horizon("2024-10", 4)


def _claim(quantity: str, month: str, published: str, role: str | None = None) -> Claim:
    return Claim(
        id="c",
        quantity=quantity,
        value=100.0,
        unit="persons",
        window_end=month,
        speaker="A test ministry",
        role=role,
        source=SourceRef(id="s", outlet="Test Wire", date=published),
    )


def _outputs() -> dict[str, np.ndarray]:
    flows = np.array([[10.0, 20.0, 30.0, 40.0]])
    return {
        "paid_by_russia": flows,
        "killed": flows,
        "wounded": 2 * flows,
        "troops_in_theatre": np.array([[1000.0, 1500.0, 1400.0, 1300.0]]),
        "arrivals_late": np.array([[600.0, 0.0, 0.0, 0.0]]),
        "cumulative_deployed": np.array([[1000.0, 1500.0, 1500.0, 1500.0]]),
        "killed.builders": np.array([[0.0, 1.0, 2.0, 3.0]]),
    }


def test_a_claim_published_by_the_20th_of_its_month_is_read_at_mid_month() -> None:
    assert mid_month(_claim("troops_deployed", "2024-10", "2024-10-18"), 0, H)
    assert not mid_month(_claim("troops_deployed", "2024-10", "2024-10-28"), 0, H)
    assert not mid_month(_claim("troops_deployed", "2024-10", "2024-11-05"), 0, H)  # later article: month's end
    got = derived_target(_claim("troops_deployed", "2024-10", "2024-10-18"), H, {})
    assert not isinstance(got, str)
    assert got[0](_outputs(), {})[0] == 400.0
    assert "mid-2024-10" in got[1]
    late = derived_target(_claim("troops_deployed", "2024-10", "2024-10-28"), H, {})
    assert not isinstance(late, str)
    assert late[0](_outputs(), {})[0] == 1000.0
    killed = derived_target(_claim("casualties_killed", "2024-12", "2024-12-19"), H, {})
    assert not isinstance(killed, str)
    assert killed[0](_outputs(), {})[0] == 10 + 20 + 15
    both = derived_target(_claim("casualties_total", "2024-12", "2024-12-19"), H, {})
    assert not isinstance(both, str)
    assert both[0](_outputs(), {})[0] == 3 * (10 + 20 + 15)


def test_a_count_that_names_a_role_reads_that_roles_outputs() -> None:
    got = derived_target(
        _claim("casualties_killed", "2025-01", "2025-01-30", "builders"), H, {}, ("combat", "builders")
    )
    assert not isinstance(got, str)
    assert got[0](_outputs(), {})[0] == 6.0
    assert "builders" in got[1]
    why = derived_target(_claim("casualties_killed", "2025-01", "2025-01-30", "medics"), H, {}, ("combat",))
    assert isinstance(why, str)
    assert "medics" in why
