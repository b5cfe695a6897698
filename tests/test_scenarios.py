"""Scenarios and --set: overrides of a case's inputs, checked like the case file itself."""

from __future__ import annotations

import tomllib

import pytest

from helpers import MINIMAL_CASE
from troopledger.errors import CaseError
from troopledger.evidence import Case, parse_case, resolve
from troopledger.evidence._scenarios import apply_scenario, parse_value, scenario_names

SCENARIOS = """
[scenarios.lump-sum]
description = "A $2,000 lump sum per arrival"
set = { signing_bonus = 2000 }

[scenarios.long]
set = { "case.months" = 24, state_share_of_pay = { to = [0.8, 0.95] } }
"""


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2000", {"fixed": 2000.0}),
        ("1_500", {"fixed": 1500.0}),
        ("6000..10000", {"to": [6000.0, 10000.0]}),
        ("uniform(0, 0.3)", {"uniform": [0.0, 0.3]}),
        ("point(2000, 0.15)", {"point": 2000.0, "spread": 0.15}),
        ("pert(1, 2, 4)", {"pert": [1.0, 2.0, 4.0]}),
        ("2025-01", "2025-01"),
    ],
)
def test_values_read_as_case_file_tables(text: str, value: object) -> None:
    assert parse_value(text) == value


def test_a_named_scenario_and_a_set_override_the_case() -> None:
    raw = tomllib.loads(MINIMAL_CASE + SCENARIOS)
    assert scenario_names(raw) == ["lump-sum", "long"]
    table, applied = apply_scenario(raw, "lump-sum", ["troops_deployed=8000..12000"], origin="t.toml")
    case = Case.model_validate(table)
    assert resolve(case).slots["signing_bonus"].distribution.describe() == "fixed 2,000"
    assert case.parameters["troops_deployed"].to == (8000.0, 12000.0)
    assert applied == {
        "name": "lump-sum",
        "description": "A $2,000 lump sum per arrival",
        "set": {"signing_bonus": 2000, "troops_deployed": "8000..12000"},
    }
    assert "scenarios" not in table
    long = Case.model_validate(apply_scenario(raw, "long", (), origin="t.toml")[0])
    assert long.months == 24


def test_the_base_case_ignores_its_scenarios() -> None:
    table, applied = apply_scenario(tomllib.loads(MINIMAL_CASE + SCENARIOS), None, (), origin="t.toml")
    assert Case.model_validate(table).parameters["troops_deployed"].fixed == 10000
    assert applied["set"] == {}


@pytest.mark.parametrize(
    ("scenario", "sets", "message"),
    [
        ("nope", [], "no scenario 'nope'"),
        (None, ["signing_bonus"], "not NAME=VALUE"),
        (None, ["waves.first.size=3"], "no name 'first'"),
        (None, ["deployment.mode=waves"], "not an input a scenario can set"),
        (None, ["signing_bonus=gamma(1,2)"], "unknown distribution 'gamma'"),
        (None, ["signing_bonus=to(1)"], "takes 2 number"),
        (None, ["case.months=1..2"], "single value"),
    ],
)
def test_bad_overrides_are_one_line_errors(scenario: str | None, sets: list[str], message: str) -> None:
    with pytest.raises(CaseError, match=message) as e:
        apply_scenario(tomllib.loads(MINIMAL_CASE + SCENARIOS), scenario, sets, origin="t.toml")
    assert "fix:" in str(e.value)
    assert "\n" not in str(e.value)


def test_loading_applies_a_scenario_and_records_it() -> None:
    data = (MINIMAL_CASE + SCENARIOS).encode()
    case = parse_case(data, "t.toml", scenario="lump-sum", sets=["case.months=6"])
    assert case.months == 6
    assert case.parameters["signing_bonus"].fixed == 2000
    assert case.scenario["name"] == "lump-sum"
    assert parse_case(data, "t.toml").scenario["set"] == {}
