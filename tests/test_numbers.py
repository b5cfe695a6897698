"""Written numbers: digits, scale words, number words and fractions, with spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from troopledger.claims import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11,000", 11_000),
        ("2.76 million", 2_760_000),
        ("15-thousand", 15_000),
        ("47-hundred", 4_700),
        ("four thousand", 4_000),
        ("a dozen", 12),
        ("two-thirds", 2 / 3),
        ("three quarters", 0.75),
        ("a third", 1 / 3),
        ("half", 0.5),
        ("$22m", 22_000_000),
        ("1.5bn", 1.5e9),
        ("twenty-five thousand", 25_000),
        ("two hundred and fifty", 250),
        ("a hundred", 100),
        ("120", 120),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "soldiers", "12 apples", "thirds"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_number(text)


def test_find_numbers_gives_spans_and_forms() -> None:
    text = "Some 4,500 left, then nine thousand more; two-thirds stayed and $3.1 billion moved."
    found = find_numbers(text)
    assert [(n.value, n.form) for n in found] == [
        (4500, "digits"),
        (9000, "words"),
        (pytest.approx(2 / 3), "fraction"),
        (3.1e9, "digits"),
    ]
    for n in found:
        assert text[n.start : n.end] == n.text


def test_find_numbers_skips_bare_article() -> None:
    assert find_numbers("a soldier and an officer") == []


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_thousands_separators_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert [m.value for m in find_numbers(f"paid {n:,} in all")] == [n]


@pytest.mark.parametrize("text", ["-5", "−2,000", "- 3 million"])
def test_a_negative_figure_is_refused_saying_so(text: str) -> None:
    with pytest.raises(ValueError, match="negative"):
        parse_number(text)
