"""compare: two scenarios with common random numbers, and the paired difference."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import numpy as np
import pytest

from helpers import MINIMAL_CASE
from troopledger.analysis._compare import CompareRun, compare_draws
from troopledger.analysis._windows import calendar_years
from troopledger.evidence import Case, Prior, resolve
from troopledger.evidence._scenarios import apply_scenario
from troopledger.model import collect

UNCERTAIN = MINIMAL_CASE.replace(
    "[parameters.troops_deployed]\nfixed = 10000", "[parameters.troops_deployed]\nto = [8000, 12000]"
)


def _case(sets: list[str]) -> Prior:
    return resolve(Case.model_validate(apply_scenario(tomllib.loads(UNCERTAIN), None, sets, origin="t")[0]))


def test_a_2000_lump_sum_per_arrival_adds_2000_per_soldier_draw_by_draw() -> None:
    base = collect(_case([]), 4_000, seed=3)
    lump = collect(_case(["signing_bonus=2000"]), 4_000, seed=3)
    np.testing.assert_array_equal(base.params["troops_deployed"], lump.params["troops_deployed"])  # same draws
    got = compare_draws(base, lump, labels=("record", "lump sum"), windows=calendar_years(base.months))
    diff = got.totals["paid_by_russia"].difference
    # one contingent arrives in 12 months: $2,000 x troops, troops a 90 % interval of 8,000 to 12,000
    assert diff.p5 == pytest.approx(16e6, rel=0.02)
    assert diff.p95 == pytest.approx(24e6, rel=0.02)
    assert got.totals["paid_by_russia"].share_b_higher == 1.0
    # the state keeps 90 % of signing payments too
    assert got.totals["to_state"].difference.p50 == pytest.approx(0.9 * diff.p50, rel=1e-9)
    # the arrival is in October 2024, so the calendar-2024 window holds the whole difference
    w2024 = got.windows[0].totals["paid_by_russia"].difference
    assert w2024.p50 == pytest.approx(diff.p50, rel=1e-5)


def test_runs_with_different_seeds_cannot_be_paired() -> None:
    with pytest.raises(Exception, match="same seed"):
        compare_draws(collect(_case([]), 100, seed=1), collect(_case([]), 100, seed=2))


def test_compare_pages_escape_what_comes_from_files_and_the_command_line() -> None:
    from troopledger.report import render_compare_html, render_compare_markdown

    base = collect(_case([]), 200, seed=1)
    c = compare_draws(base, base, labels=("<b>a</b>", "[x](javascript:alert(1))"))
    c = replace(
        c,
        runs=(
            CompareRun("<b>a</b>", "tiny", description="<script>alert(1)</script>", set={}),
            CompareRun("[x](javascript:alert(1))", "tiny", set={"signing_bonus": "<img src=x>"}),
        ),
    )
    page = render_compare_html(c)
    assert "<script>alert" not in page
    assert "<img src=x>" not in page
    assert "&lt;script&gt;" in page
    assert "<b>a</b>" not in page
    md = render_compare_markdown(c)
    assert "[x](javascript:" not in md  # brackets are escaped: no link
    assert "<script>" not in md
