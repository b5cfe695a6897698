"""Money in the reader's currency: monthly rates, fixed rates, user rate files, flags."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from troopledger.analysis._money import bundled_rates, conversion, read_rates
from troopledger.errors import InputError


def test_fixed_rate_gives_the_authors_won_figures() -> None:
    # 10,000 soldiers x $2,000 a month at 1,385 won to the dollar.
    conv = conversion(["2024-11"], "KRW", rate=1385)
    assert conv.apply([10_000 * 2_000.0])[0] == pytest.approx(27.7e9)
    assert conv.scalar(2_000 * 0.10) == pytest.approx(277_000)
    assert conv.scalar(2_000 * 0.20) == pytest.approx(554_000)
    assert conv.basis == ("fixed",)
    assert not conv.flags


def test_monthly_rates_follow_the_table_month_by_month() -> None:
    conv = conversion(["2024-10", "2025-12"], "krw")
    assert conv.basis == ("avg", "avg")
    got = conv.apply(np.array([[1.0, 2.0], [3.0, 4.0]]))
    np.testing.assert_allclose(got, [[1361.0, 2 * 1467.0], [3 * 1361.0, 4 * 1467.0]])


def test_the_bundled_table_reaches_december_2025() -> None:
    for code in ("KRW", "EUR", "RUB", "GBP", "JPY", "CNY", "UAH"):
        assert bundled_rates().known(code)[-1] == "2025-12", code


def test_months_past_the_table_are_flagged_not_silently_repeated() -> None:
    conv = conversion(["2025-12", "2026-01", "2026-02"], "KRW")
    assert conv.basis == ("avg", "nearest", "nearest")
    assert len(conv.flags) == 1
    assert "2026-01 at 2025-12's rate" in conv.flags[0]
    assert "--rate" in conv.flags[0]


def test_a_user_rates_file_extends_and_overrides_the_table(tmp_path: Path) -> None:
    f = tmp_path / "rates.csv"
    f.write_text("# my rates\nmonth,KRW\n2025-12,1470\n2026-01,1455\n", encoding="utf-8")
    table = bundled_rates().merged(read_rates(f))
    conv = conversion(["2025-11", "2025-12", "2026-01"], "KRW", table=table)
    assert conv.per_usd.tolist() == [1458.0, 1470.0, 1455.0]
    assert conv.basis == ("avg", "user", "user")
    assert not conv.flags


def test_usd_is_the_identity_and_unknown_currencies_are_refused() -> None:
    assert conversion(["2024-10"], "USD").apply([5.0])[0] == 5.0
    with pytest.raises(InputError, match=r"--currency.*no rates for 'XYZ'"):
        conversion(["2024-10"], "XYZ")
    with pytest.raises(InputError, match="--rate"):
        conversion(["2024-10"], "KRW", rate=0)


@pytest.mark.parametrize(
    ("text", "field"),
    [("month,KRW\n2025-13,1400\n", "row 2"), ("month,KRW\n2025-01,-3\n", "KRW 2025-01"), ("KRW\n1\n", "month")],
)
def test_bad_rates_files_name_the_file_and_the_cell(tmp_path: Path, text: str, field: str) -> None:
    f = tmp_path / "r.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_rates(f)
    assert str(f) in str(e.value)
    assert field in str(e.value)
    assert "fix:" in str(e.value)
