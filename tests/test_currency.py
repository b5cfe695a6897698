"""Currency names and the bundled monthly rate table."""

from __future__ import annotations

import datetime as dt

import pytest

from troopledger.claims import CURRENCY_NAMES, currency_code, rate_to_usd, to_usd


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("$", "USD"),
        ("won", "KRW"),
        ("Roubles", "RUB"),
        ("€", "EUR"),
        ("hryvnia", "UAH"),
        ("yen", "JPY"),
        ("cny", "CNY"),
    ],
)
def test_currency_code(name: str, code: str) -> None:
    assert currency_code(name) == code


def test_unknown_currency_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown currency"):
        currency_code("doubloons")


@pytest.mark.parametrize("code", sorted(set(CURRENCY_NAMES.values()) - {"USD"}))
def test_table_covers_every_month(code: str) -> None:
    for year in range(2022, 2027):
        for month in range(1, 13):
            if (year, month) > (2026, 10):
                break
            rate = rate_to_usd(code, f"{year}-{month:02d}")
            assert rate.per_usd > 0
            assert rate.basis in ("avg", "carried")


def test_rates_are_plausible_in_october_2024() -> None:
    # Broad bands around well-known levels: a typo in the table would fall outside them.
    bands = {"KRW": (1300, 1450), "RUB": (85, 105), "EUR": (0.88, 0.95), "GBP": (0.74, 0.80), "JPY": (140, 160)}
    for code, (lo, hi) in bands.items():
        assert lo <= rate_to_usd(code, "2024-10-15").per_usd <= hi, code


def test_to_usd_converts_at_the_month_of_the_date() -> None:
    rate = rate_to_usd("KRW", "2024-10").per_usd
    assert to_usd(2_760_000, "won", "2024-10-31") == pytest.approx(2_760_000 / rate)
    assert to_usd(100, "USD", dt.date(2030, 1, 1)) == 100


def test_the_source_own_conversion_wins() -> None:
    assert to_usd(2_760_000, "KRW", "2024-10-31", source_usd=2_000) == 2_000


@pytest.mark.parametrize("date", ["2021-12", "2026-11", "yesterday"])
def test_dates_outside_the_table_are_refused(date: str) -> None:
    with pytest.raises(ValueError, match=r"no KRW rate|not written"):
        to_usd(1, "KRW", date)
