"""One hedge table: fusion and calibration read the same record for every hedge word."""

from __future__ import annotations

import pytest

from troopledger import calibration, evidence
from troopledger.claims import CERTAINTY_WIDTH, HEDGES, hedge_rule


def test_one_table_is_shared() -> None:
    assert evidence.HEDGES is HEDGES
    assert calibration.HEDGE_WIDTH is CERTAINTY_WIDTH
    for word, rule in HEDGES.items():
        assert evidence.hedge_rule(word) is rule
        assert calibration.hedge_class(word) == rule.certainty
        assert rule.calibration_width == CERTAINTY_WIDTH[rule.certainty]


@pytest.mark.parametrize(
    ("word", "reading", "width", "strength", "certainty"),
    [
        ("about", "point", 0.15, 1.0, "about"),
        ("likely", "point", 0.15, 0.8, "speculative"),  # a prior's "likely" is tight; an observation's loose
        ("probably", "point", 0.15, 0.8, "about"),
        ("could", "point", 0.5, 0.5, "speculative"),
        ("up to", "upper", 0.7, 1.0, "about"),
        ("official", "point", 0.15, 1.0, "exact"),
        ("  Could  ", "point", 0.5, 0.5, "speculative"),
        ("a word nobody uses", "point", 0.15, 1.0, "about"),
    ],
)
def test_each_word_has_one_record(word: str, reading: str, width: float, strength: float, certainty: str) -> None:
    rule = hedge_rule(word)
    assert (rule.reading, rule.width, rule.strength, rule.certainty) == (reading, width, strength, certainty)


@pytest.mark.parametrize(
    ("word", "reading"),
    [("no less than", "lower"), ("not fewer than", "lower"), ("not more than", "upper"), ("~", "point")],
)
def test_negated_comparisons_are_bounds_on_the_right_side(word: str, reading: str) -> None:
    # "no less than X" is a floor at X: it reads as "at least", never as "less than"
    assert hedge_rule(word).reading == reading
    assert hedge_rule(word) == hedge_rule({"lower": "at least", "upper": "at most", "point": "about"}[reading])
