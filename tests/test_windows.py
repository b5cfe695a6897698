"""Windows of time: totals over chosen months, calendar years and 12-month blocks."""

from __future__ import annotations

import numpy as np
import pytest

from troopledger.analysis._windows import calendar_years, parse_window, rolling_years, window_stats
from troopledger.errors import InputError
from troopledger.model import Draws

MONTHS = [f"{2024 + (9 + i) // 12}-{(9 + i) % 12 + 1:02d}" for i in range(15)]  # 2024-10 .. 2025-12


def test_a_window_sums_its_months_for_every_draw() -> None:
    win = parse_window("2025-01..2025-12", MONTHS)
    assert (win.start, win.stop, win.months) == (3, 15, 12)
    monthly = np.tile(np.arange(15.0), (2, 1))
    monthly[1] *= 2
    np.testing.assert_allclose(win.total(monthly), [sum(range(3, 15)), 2 * sum(range(3, 15))])


def test_calendar_years_and_twelve_month_blocks_cover_the_horizon() -> None:
    years = calendar_years(MONTHS)
    assert [w.label for w in years] == ["2024 (2024-10..2024-12, 3 months)", "2025"]
    blocks = rolling_years(MONTHS)
    assert [(w.start, w.stop) for w in blocks] == [(0, 12), (12, 15)]
    assert blocks[1].label == "2025-10..2025-12 (3 months)"


def _flat(n: int = 4) -> Draws:
    """$22 million a month in every draw, for the 15 months."""
    paths = np.full((n, 15), 22e6)
    return Draws(MONTHS, {"paid_by_russia": paths.sum(axis=1)}, {"paid_by_russia": paths}, {}, {}, 0.0, 0, n)


def test_per_year_rate_for_a_window_that_is_not_a_year() -> None:
    # 22 million dollars a month for 15 months: 330 million in all, 264 million a year.
    whole = parse_window("2024-10..2025-12", MONTHS)
    [stats] = window_stats([whole], _flat(), ["paid_by_russia"])
    assert stats["totals"]["paid_by_russia"]["p50"] == pytest.approx(330e6)
    assert stats["per_year"]["paid_by_russia"]["p50"] == pytest.approx(264e6)
    [year] = window_stats([parse_window("2025-01..2025-12", MONTHS)], _flat(), ["paid_by_russia"])
    assert "per_year" not in year
    assert year["totals"]["paid_by_russia"]["mean"] == pytest.approx(264e6)


def test_windows_in_won_at_a_fixed_rate() -> None:
    # 10,000 x $2,000 = $20M a month; at 1,385 won that is 27.7 billion won a month.
    d = _flat()
    d.monthly["paid_by_russia"][:] = 20e6
    d.totals["paid_by_russia"][:] = 300e6
    [jan] = window_stats([parse_window("2025-01", MONTHS)], d, ["paid_by_russia"], rates=np.full(15, 1385.0))
    assert jan["totals"]["paid_by_russia"]["p50"] == pytest.approx(27.7e9)


def test_weighted_window_quantiles_follow_the_weights() -> None:
    d = _flat(2)
    d.monthly["paid_by_russia"][1] *= 2
    d.totals["paid_by_russia"][1] *= 2
    [s] = window_stats([parse_window("2024-10", MONTHS)], d, ["paid_by_russia"], weights=np.array([0.0, 1.0]))
    assert s["totals"]["paid_by_russia"]["mean"] == pytest.approx(44e6)


@pytest.mark.parametrize("text", ["2025-01..2026-03", "2025-05..2025-01", "2025-1..2025-02", "a..b..c"])
def test_bad_windows_are_one_line_errors(text: str) -> None:
    with pytest.raises(InputError, match=r"--window.*fix:"):
        parse_window(text, MONTHS)
