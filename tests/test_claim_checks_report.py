"""Claim checks, judgements and structural misfits in the text, Markdown and HTML reports, escaped."""

from __future__ import annotations

import io
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from test_report_browser import Visit, browser  # noqa: F401 (a fixture)
from troopledger.analysis import ClaimCheck, SampleStats, StructuralMisfit, run
from troopledger.evidence import load_case
from troopledger.report import ReportPayload, build_payload, render_html, render_markdown, render_text
from troopledger.report._checks import check_rows, check_summary, misfit_rows
from troopledger.report._payload import ClaimEntry

HOSTILE = "<script>window.__pwned=3</script>NIS"


@pytest.fixture(scope="module")
def base() -> ReportPayload:
    return build_payload(run(load_case(None), 1000, 1, calibrate=False))


def with_checks(base: ReportPayload) -> ReportPayload:
    """``base`` with a calibration section holding one claim of each verdict and a named misfit."""
    claims = dict(base.claims)
    ids = list(claims)[:4]
    hostile = {"speaker": HOSTILE, "stated": "<img src=x onerror=window.__pwned=4> about 2,000"}
    claims[ids[1]] = ClaimEntry(claims[ids[1]].claim.model_copy(update=hostile))
    verdicts = ["fits", "disputed", "misfit", "fits"]
    calibration = SampleStats.from_json(
        {
            "method": "test",
            "contradiction_threshold": -3.0,
            "all_claims_wrong_prior": 0.05,
            "claim_judgements": {
                ids[0]: "consistent",
                ids[1]: "likely wrong",
                ids[2]: "structural misfit: casualty_phases",
                ids[3]: "consistent",
            },
            "claims_wrong_posterior": {ids[0]: 0.02, ids[1]: 0.9, ids[2]: 0.2, ids[3]: 0.01},
        }
    )
    checks = tuple(
        ClaimCheck(c, "above", 0.01, 0.01, math.nan, math.nan, v, ("casualty_phases",), True)
        for c, v in zip(ids, verdicts, strict=True)
    )
    misfit = StructuralMisfit(
        assumption="casualty_phases",
        text="one hazard per phase <b onmouseover=x>",
        claims=(ids[2],),
        lineages=(),
        factor=1.6,
        log_bayes_factor=3.0,
        wrong_given={},
        explanation="two lineages agree against the model",
    )
    calibration = replace(calibration, claim_checks=checks, structural_misfits=(misfit,))
    return replace(base, claims=claims, calibration=calibration)


def test_only_claims_that_do_not_fit_are_listed_with_counts_of_the_rest(base: ReportPayload) -> None:
    p = with_checks(base)
    rows = check_rows(p)
    ids = list(p.claims)[:4]
    assert [r[0] for r in rows] == [ids[1], ids[2]]  # most doubted first; the two that fit are only counted
    assert rows[0][3:6] == ("disputed", "likely wrong", "90%")
    line = check_summary(p) or ""
    assert "4 checked, 2 fit, 1 disputed" in line
    assert "1 misfit" in line
    assert "1 likely wrong" in line
    assert "1 a structural misfit" in line
    assert "1 structural misfit named" in line
    assert misfit_rows(p)[0][1] == ids[2]
    assert check_summary(base) is None  # uncalibrated: nothing to say


def test_every_format_renders_the_checks_escaped(base: ReportPayload) -> None:
    p = with_checks(base)
    md = render_markdown(p)
    assert "### Claim checks" in md
    assert "### Structural misfits" in md
    assert not re.search("<(script|img|b )", md)
    page = render_html(p)
    i = page.index("Claim checks")
    part = page[i : page.index("</section>", i)]
    assert "&lt;script&gt;window.__pwned=3&lt;/script&gt;NIS" in part
    assert "<img" not in part
    assert "<b onmouseover" not in part
    assert "<script" not in part
    buf = io.StringIO()
    render_text(p, Console(file=buf, width=200, force_terminal=False))
    text = buf.getvalue()
    assert "Claim checks" in text
    assert "likely wrong" in text
    assert "Structural misfit" in text


def test_hostile_check_rows_stay_inert_in_a_browser(browser: Any, base: ReportPayload, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "checks.html"
    out.write_text(render_html(with_checks(base)), encoding="utf-8")
    v = Visit(browser, out, 1280, 900)
    try:
        assert v.page.evaluate("window.__pwned") is None
        assert not v.dialogs
        assert "likely wrong" in v.page.locator("#calibration").inner_text()
    finally:
        v.close()
