"""Normalisation: periods, windows, open periods as readings, number words and currencies."""

from __future__ import annotations

import pytest

from troopledger.claims import Claim, convert_period, months_in_window, normalise_amount, readings, unit_period


def test_units_and_windows() -> None:
    assert unit_period("USD/month") == "month"
    assert unit_period("USD/year") == "year"
    assert unit_period("persons") is None
    assert months_in_window("2024-01", "2024-08") == 8
    assert months_in_window("2024-11", "2025-02") == 4
    assert months_in_window("2025-02", "2024-11") is None
    assert months_in_window(None, "2024-11") is None


def test_convert_period() -> None:
    assert convert_period(24_000, "year", "month") == 2000
    assert convert_period(2000, "month", "year") == 24_000
    assert convert_period(52e6, "total", "year", window_months=8) == pytest.approx(78e6)
    assert convert_period(8000, "tour", "month", tour_months=4) == 2000
    assert convert_period(30_000, "total", None) == 30_000
    with pytest.raises(ValueError, match="tour length"):
        convert_period(8000, "tour", "month")
    with pytest.raises(ValueError, match="window"):
        convert_period(52e6, "total", "year")
    with pytest.raises(ValueError, match="one-off"):
        convert_period(2000, "month", None)


def claim(**kw: object) -> Claim:
    data: dict[str, object] = {"id": "c", "quantity": "pay_per_soldier_month", "value": 1.0, "speaker": "s"}
    data.update(kw)
    return Claim.model_validate(data)


def test_readings() -> None:
    assert [(r.factor, r.weight) for r in readings(claim(unit="USD/month"), "USD/month")] == [(1.0, 1.0)]
    assert [r.factor for r in readings(claim(unit="USD/year", period="year"), "USD/month")] == [1 / 12]
    assert [r.factor for r in readings(claim(unit="persons"), "persons")] == [1.0]
    total = claim(unit="USD", period="total", window_start="2024-01", window_end="2024-08")
    assert [r.factor for r in readings(total, "USD/year")] == [pytest.approx(1.5)]
    open_ = readings(claim(unit="USD", period="ambiguous"), "USD/month")
    assert [(r.label, r.factor, r.weight) for r in open_] == [
        ("read as per month", 1.0, 1.0),
        ("read as per year", 1 / 12, 1.0),
    ]
    with_window = readings(
        claim(unit="USD", period="ambiguous", window_start="2025-01", window_end="2025-04"), "USD/month"
    )
    assert [r.factor for r in with_window] == [1.0, 1 / 12, 1 / 4]


def test_normalise_amount_words_currency_period() -> None:
    assert normalise_amount("two thousand", "pay_per_soldier_month") == (2000.0, "USD/month", None)
    assert normalise_amount("24,000", "pay_per_soldier_month", period="year") == (2000.0, "USD/month", "month")
    assert normalise_amount(
        "52 million", "luxury_imports", period="total", window_start="2024-01", window_end="2024-08"
    ) == (pytest.approx(78e6), "USD/year", "year")
    assert normalise_amount("1,000", "pay_per_soldier_month", period="ambiguous") == (1000.0, "USD/month", "ambiguous")
    won, unit, _ = normalise_amount("3 million", "death_compensation", currency="won", date="2025-01-10")
    assert unit == "USD"
    assert 1500 < won < 2500
    # the source's own conversion wins over the bundled table
    assert (
        normalise_amount("3 million", "death_compensation", currency="KRW", date="2025-01", source_usd=2100)[0] == 2100
    )
    with pytest.raises(ValueError, match="date"):
        normalise_amount("3 million", "death_compensation", currency="KRW")
    with pytest.raises(ValueError, match="number word"):
        normalise_amount("lots", "pay_per_soldier_month")
