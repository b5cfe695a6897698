"""Fuzzing case files: every mutation of a bundled case gives a report or one line naming file, field and fix.

Mutations replace, delete or add a value anywhere in the file (wrong types, huge
and tiny numbers, impossible dates, deep nesting). The outcome must be a report
whose totals are numbers, or exit status 2 with one line naming the file, the field
and the fix: never a traceback, a hang or an empty result. The families the issue
found (10^12 troops, tours of -4 or 0 months, ``months = true``, years 0000 and
9999, shares adding up to 2, overflowing amounts, deep nesting) are pinned below.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz_inputs import BUNDLED, DELETE, assert_one_line_error, cli, examples, mutate, odd_values, paths, toml_dumps
from helpers import MINIMAL_CASE

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")

_SETTINGS = settings(**examples(16))


def _report(path: Path) -> tuple[int, str, str]:
    return cli(["report", str(path), "--draws", "64", "--no-calibrate", "-f", "json"])


def _assert_result_or_error(path: Path) -> None:
    code, out, err = _report(path)
    if code == 0:
        payload = json.loads(out)
        p50 = payload["totals"]["paid_by_russia"]["p50"]
        assert isinstance(p50, float), payload["totals"]
        assert math.isfinite(p50), payload["totals"]
        assert p50 >= 0, payload["totals"]
        return
    assert code == 2, (code, err)
    assert out == ""
    assert_one_line_error(err, str(path))


@_SETTINGS
@given(data=st.data())
def test_mutated_bundled_case_gives_a_report_or_one_line_error(data: st.DataObject, tmp_path: Path) -> None:
    name = data.draw(st.sampled_from(sorted(BUNDLED)), label="case")
    raw = BUNDLED[name]
    where = data.draw(st.sampled_from(paths(raw)), label="path")
    how = data.draw(st.sampled_from(["replace", "delete", "extra"]), label="mutation")
    if how == "replace":
        mutated = mutate(raw, where, data.draw(odd_values, label="value"))
    elif how == "delete":
        mutated = mutate(raw, where, DELETE)
    else:
        parent = where[:-1]
        node: Any = raw
        for k in parent:
            node = node[k]
        extra = (*parent, "unexpected_key") if isinstance(node, dict) else where
        mutated = mutate(raw, extra, data.draw(odd_values, label="value"))
    path = tmp_path / "mutated.toml"
    path.write_text(toml_dumps(mutated), encoding="utf-8")
    _assert_result_or_error(path)


NONSENSE: list[tuple[str, str, str]] = [
    ("ten to the twelfth troops", MINIMAL_CASE.replace("fixed = 10000", "fixed = 1e12"), "troops_deployed.fixed"),
    (
        "a tour of -4 months",
        MINIMAL_CASE.replace("rotation_interval_months]\nfixed = 12", "rotation_interval_months]\nfixed = -4"),
        "rotation_interval_months.fixed",
    ),
    (
        "a tour of 0 months",
        MINIMAL_CASE.replace("rotation_interval_months]\nfixed = 12", "rotation_interval_months]\nfixed = 0"),
        "rotation_interval_months.fixed",
    ),
    ("months = true", MINIMAL_CASE.replace("months = 12", "months = true"), "case.months"),
    ("months = 1.5", MINIMAL_CASE.replace("months = 12", "months = 1.5"), "case.months"),
    ("year 0000", MINIMAL_CASE.replace('start = "2024-10"', 'start = "0000-10"'), "case.start"),
    ("year 9999", MINIMAL_CASE.replace('start = "2024-10"', 'start = "9999-10"'), "case.start"),
    (
        "state shares adding up to 2",
        MINIMAL_CASE
        + "\n[state_uses]\nshares = { party_and_kim_family = 0.5, military = 0.5,"
        + " food_and_consumer_goods = 0.5, luxury_goods = 0.5 }\n",
        "state_uses.shares",
    ),
    ("a share above 1", MINIMAL_CASE.replace("fixed = 0.9", "uniform = [0.5, 2]"), "state_share_of_pay.uniform.1"),
    ("a lognormal share", MINIMAL_CASE.replace("fixed = 0.9", "lognormal = [0, 1]"), "state_share_of_pay.lognormal"),
    ("pay of 1e300", MINIMAL_CASE.replace("fixed = 2000", "to = [1e300, 1e308]"), "pay_per_soldier_month.to.0"),
    ("pay from 1e-320", MINIMAL_CASE.replace("fixed = 2000", "to = [1e-320, 1]"), "pay_per_soldier_month.to.0"),
    ("infinite pay", MINIMAL_CASE.replace("fixed = 2000", "fixed = inf"), "pay_per_soldier_month.fixed"),
    ("a spread of 1e300", MINIMAL_CASE.replace("fixed = 2000", "point = 2000\nspread = 1e300"), "spread"),
    ("a flag written 1", MINIMAL_CASE.replace("fixed = 2000", "from_claims = 1"), "from_claims"),
    ("GDP of 0", MINIMAL_CASE + "\n[parameters.nk_gdp]\nfixed = 0\n", "nk_gdp.fixed"),
    (
        "a mixture weight of 1e308",
        MINIMAL_CASE.replace("fixed = 2000", "mixture = [{weight = 1e308, fixed = 1}, {weight = 1, fixed = 2}]"),
        "mixture.0.weight",
    ),
    ("a concentration of 1e-320", MINIMAL_CASE + "\n[state_uses]\nconcentration = 1e-320\n", "concentration"),
    (
        "arrays nested 5,000 deep",
        MINIMAL_CASE + "\n[extra]\nx = " + "[" * 5000 + "]" * 5000 + "\n",
        "extra.x",
    ),
    (
        "mixtures nested 40 deep",
        MINIMAL_CASE.replace("fixed = 2000", "mixture = " + "[{mixture = " * 40 + "[{fixed = 1}]" + "}]" * 40),
        "parameters.pay_per_soldier_month",
    ),
]


@pytest.mark.parametrize(("label", "text", "field"), NONSENSE, ids=[n[0] for n in NONSENSE])
def test_nonsense_is_refused_naming_the_field(label: str, text: str, field: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    code, _, err = _report(path)
    assert code == 2, f"{label} was accepted"
    line = assert_one_line_error(err, str(path))
    assert field in line.split("field '")[1].split("'")[0], line


def test_every_schema_check_names_a_field(tmp_path: Path) -> None:
    """Checks across fields (ids, references, modes) name the entry at fault, not the whole file."""
    cases = {
        "claims.1.id": MINIMAL_CASE
        + '\n[[claims]]\nid = "a"\nquantity = "nk_gdp"\nvalue = 1e9\nspeaker = "s"\n'
        + '\n[[claims]]\nid = "a"\nquantity = "nk_gdp"\nvalue = 2e9\nspeaker = "s"\n',
        "claims.0.source": MINIMAL_CASE + '\n[[claims]]\nid = "a"\nquantity = "nk_gdp"\nvalue = 1e9\n'
        'speaker = "s"\nsource = "nowhere"\n',
        "parameters.pay_per_soldier_month.claims": MINIMAL_CASE.replace(
            "fixed = 2000", 'fixed = 2000\nclaims = ["ghost"]'
        ),
        "deployment.waves": MINIMAL_CASE.replace('mode = "rotation"', 'mode = "waves"'),
        "parameters.troops_deployed": MINIMAL_CASE.replace("[parameters.troops_deployed]\nfixed = 10000", ""),
    }
    for field, text in cases.items():
        path = tmp_path / "bad.toml"
        path.write_text(text, encoding="utf-8")
        code, _, err = _report(path)
        assert code == 2, field
        line = assert_one_line_error(err, str(path))
        assert f"field '{field}'" in line, line
