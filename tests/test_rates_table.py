"""The bundled monthly rate table: a few pinned rows, its end, and the carried months it flags."""

from __future__ import annotations

import pytest

from troopledger.analysis import bundled_rates

# Rows checked against the Federal Reserve's H.10 monthly averages (docs/rates.md): every
# compiled month of EUR, GBP, CNY, JPY and KRW is within 0.6 % of H.10.
PINNED = {
    ("KRW", "2024-10"): 1361.0,
    ("KRW", "2024-12"): 1435.0,
    ("KRW", "2025-12"): 1467.0,
    ("EUR", "2022-10"): 1.0173,
    ("JPY", "2024-06"): 157.9,
    ("CNY", "2025-06"): 7.18,
    ("RUB", "2022-03"): 103.0,
    ("UAH", "2022-08"): 36.57,
}


@pytest.mark.parametrize(("key", "rate"), PINNED.items())
def test_pinned_rows(key: tuple[str, str], rate: float) -> None:
    assert bundled_rates().rates[key] == rate
    assert bundled_rates().basis[key] == "avg"


def test_the_compiled_table_ends_at_2025_12_and_later_rows_are_carried() -> None:
    table = bundled_rates()
    for code in ("EUR", "GBP", "CNY", "JPY", "KRW", "RUB", "UAH"):
        assert table.known(code)[0] == "2022-01"
        assert table.known(code)[-1] == "2025-12"
    assert table.basis[("KRW", "2026-01")] == "carried"
