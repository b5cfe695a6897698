"""The HTML and Markdown reports as strings: content, size, escaping, CSP; and the sensitivity numbers."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from troopledger._cli import main
from troopledger.analysis import Contradiction, Influence, SampleStats, rank_sensitivity, run
from troopledger.errors import TroopledgerError
from troopledger.evidence import load_case
from troopledger.model import Draws
from troopledger.report import ReportPayload, build_payload, headline, render_html, render_markdown
from troopledger.report._charts import plain
from troopledger.report._html import embed_json
from troopledger.report._payload import ClaimEntry, Reward
from troopledger.report._sections import safe_url

MAX_BYTES = 5_000_000  # "under 5 MB", counted in decimal megabytes to be strict

HOSTILE_ID = '"><script>window.__pwned=7</script>'
HOSTILE_PARAM = "<img src=x onerror=window.__pwned=9>"


def default_payload(draws: int = 2000, seed: int = 1) -> ReportPayload:
    """The bundled case, uncalibrated, with its sensitivity, as the CLI builds it."""
    return build_payload(run(load_case(None), draws, seed, calibrate=False))


def hostile_payload(base: ReportPayload) -> ReportPayload:
    """``base`` with markup, script and ``javascript:`` in every kind of untrusted text."""
    claims = dict(base.claims)
    first_id = next(iter(claims))
    plain_first = claims[first_id].claim
    assert plain_first.source is not None
    source = plain_first.source.model_copy(
        update={"outlet": "<svg onload=window.__pwned=4>", "url": "javascript:window.__pwned=5"}
    )
    first = plain_first.model_copy(
        update={
            "text": "<script>window.__pwned=1</script>quoted",
            "stated": "<b onmouseover=window.__pwned=12>bold</b>",
            "speaker": '<img src=x onerror="window.__pwned=2">',
            "organisation": "</td></tr></table><script>window.__pwned=3</script>",
            "via": ["<svg onload=window.__pwned=13>"],
            "note": '<iframe src="javascript:window.__pwned=6"></iframe>',
            "source": source,
        }
    )
    claims[first_id] = ClaimEntry(first)
    urls = [" javascript:window.__pwned=14", "JaVaScRiPt:window.__pwned=15", "data:text/html,<script>alert(1)</script>"]
    for i, url in enumerate(urls):
        cid = f"hostile-url-{i}"
        claims[cid] = ClaimEntry(first.model_copy(update={"id": cid, "source": source.model_copy(update={"url": url})}))
    evil = first.model_copy(update={"id": HOSTILE_ID, "status": '"><script>window.__pwned=16</script>'})
    claims[HOSTILE_ID] = ClaimEntry(evil)
    params = dict(base.parameters)
    pay = replace(
        params["pay_per_soldier_month"], claims=(HOSTILE_ID, first_id), note="<script>window.__pwned=17</script>"
    )
    params["pay_per_soldier_month"] = pay
    params[HOSTILE_PARAM] = replace(
        pay,
        meaning='<a href="javascript:window.__pwned=18">click</a>',
        distribution="<script>window.__pwned=19</script>",
    )
    assert base.sensitivity is not None
    sens = copy.deepcopy(base.sensitivity)
    sens["order"] = [HOSTILE_PARAM, *sens["order"]]
    sens["parameters"][HOSTILE_PARAM] = dict.fromkeys(sens["targets"], 0.5)
    sens["swing"][HOSTILE_PARAM] = {t: {"low": 1.0, "high": 2.0} for t in sens["targets"]}
    contradiction = Contradiction(
        (HOSTILE_ID, first_id),
        -math.log(12.0),
        0.1,
        -1.0,
        "<script>window.__pwned=8</script> cannot both hold",
        "<b>arithmetic</b>",
    )
    influence = Influence(
        "<script>window.__pwned=21</script>",
        (HOSTILE_ID,),
        "<img src=x onerror=window.__pwned=22>",
        {},
        {"paid_by_russia": 0.1},
        None,
    )
    return replace(
        base,
        title="<script>window.__pwned=10</script>Title",
        description='<img src=x onerror="window.__pwned=11">',
        claims=claims,
        parameters=params,
        sensitivity=sens,
        rewards=(Reward("<script>window.__pwned=20</script>housing", (HOSTILE_ID,)),),
        contradictions=(contradiction,),
        calibration=SampleStats.from_json(
            {
                "method": "<i>x</i>",
                "observations": [HOSTILE_ID],
                "skipped": [],
                "contradiction_threshold": -3.0,
                "all_claims_wrong_prior": 0.05,
            }
        ),
        influence=(influence,),
    )


@pytest.fixture(scope="module")
def payload() -> ReportPayload:
    return default_payload()


@pytest.fixture(scope="module")
def page(payload: ReportPayload) -> str:
    return render_html(payload)


def _scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)


def test_page_is_one_self_contained_file_under_5_mb(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert len(page.encode("utf-8")) < MAX_BYTES
    # nothing is loaded from elsewhere: no src or href on script, link, img, iframe, and no stylesheet links
    assert not re.search(r"<(script|link|img|iframe|embed|object)\b[^>]*\b(src|href)\s*=", page, flags=re.I)
    assert "plotly.js v" in page  # the bundle itself is inline


def test_csp_allows_exactly_the_pages_own_scripts(page: str) -> None:
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert m is not None
    csp = m.group(1)
    assert "default-src 'none'" in csp
    assert "unsafe-eval" not in csp
    script_src = re.search(r"script-src ([^;]+)", csp)
    assert script_src is not None
    assert "'unsafe-inline'" not in script_src.group(1)
    runnable = [body for attrs, body in _scripts(page) if "application/json" not in attrs]
    assert len(runnable) == 2
    for body in runnable:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in script_src.group(1)


def test_page_shows_every_section_and_the_headline(payload: ReportPayload, page: str) -> None:
    for sid in ("flows", "months", "troops", "soldier", "sensitivity", "contradictions", "calibration"):
        assert f'<section id="{sid}">' in page
    for sid in ("parameters", "claims", "method", "run"):
        assert f'<section id="{sid}">' in page
    assert headline(payload).replace("'", "&#x27;") in page
    assert payload.metadata.case_and_claims_sha256 in page
    for cid in payload.claims:
        assert f'id="claim-{cid}"' in page
    assert "calibration was not run" in page.lower()  # uncalibrated: says why no contradictions are listed


def test_figures_are_embedded_and_the_sankey_conserves_means(payload: ReportPayload, page: str) -> None:
    body = next(b for attrs, b in _scripts(page) if 'id="tl-figures"' in attrs)
    figs = json.loads(body)
    assert set(figs) == {"sankey", "monthly", "cumulative", "troops", "casualties", "sensitivity", "sensitivity_time"}
    link = figs["sankey"]["data"][0]["link"]
    from_russia = sum(v for s, v in zip(link["source"], link["value"], strict=True) if s == 0)
    assert from_russia == pytest.approx(payload.totals["paid_by_russia"].mean, rel=1e-6)
    from_state = sum(v for s, v in zip(link["source"], link["value"], strict=True) if s == 1)
    assert from_state == pytest.approx(payload.totals["to_state"].mean, rel=1e-6)
    cum = figs["cumulative"]["data"]
    assert cum[2]["y"] == payload.monthly["cumulative_paid_by_russia"]["p50"]


def test_cumulative_bands_run_up_to_the_totals(payload: ReportPayload) -> None:
    band = payload.monthly["cumulative_paid_by_russia"]
    assert all(a <= b for a, b in zip(band["p50"], band["p50"][1:], strict=False))
    assert all(lo <= mid <= hi for lo, mid, hi in zip(band["p5"], band["p50"], band["p95"], strict=True))
    assert band["p50"][-1] == pytest.approx(payload.totals["paid_by_russia"].p50, rel=1e-3)


def test_hostile_text_is_escaped_in_html(payload: ReportPayload) -> None:
    page = render_html(hostile_payload(payload))
    without_plotly = re.sub(r"<script>/\*\*\n\* plotly\.js.*?</script>", "", page, flags=re.S)
    for bad in ("<script>window", "<img src=x", "<svg onload", "<iframe", "<b onmouseover", "</td></tr></table><s"):
        assert bad not in without_plotly
    assert not re.search(r"href\s*=\s*[\"']?\s*(javascript|data):", without_plotly, flags=re.I)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;quoted" in page
    assert "(javascript:window.__pwned=5)" in page  # shown as inert text
    figs_json = next(b for attrs, b in _scripts(page) if 'id="tl-figures"' in attrs)
    assert not re.search("[<>]", figs_json)
    labels = json.loads(figs_json)["sensitivity"]["data"][0]["y"]
    assert all("<" not in s and ">" not in s for s in labels)
    assert len(_scripts(page)) == 3


def test_hostile_text_is_escaped_in_markdown(payload: ReportPayload) -> None:
    md = render_markdown(hostile_payload(payload))
    assert not re.search("<(script|img|svg|iframe|b )", md)
    assert not re.search(r"\]\(<?\s*(javascript|data):", md, flags=re.I)
    assert "&lt;script&gt;" in md


def test_markdown_has_the_tables(payload: ReportPayload) -> None:
    md = render_markdown(payload)
    assert md.startswith("# ")
    assert "| Paid by Russia |" in md
    for heading in ("## The soldier's view", "## Claims that cannot all be true", "## Claims", "## Run"):
        assert heading in md
    assert "(<https://" in md  # sources are links


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("https:/no-host", False),
        ("//example.org/x", False),
        ("", False),
        (None, False),
    ],
)
def test_only_http_urls_become_links(url: object, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_embedded_json_cannot_close_its_script() -> None:
    obj = {"a": "</script><script>alert(1)</script>", "b": "x\u2028y\u2029z & <!--"}
    text = embed_json(obj)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == obj


def test_chart_labels_keep_no_markup() -> None:
    assert plain('<a href="javascript:x">click</a> & more') == "a href javascript:x click /a more"
    assert len(plain("x" * 200, 20)) == 20


def test_sensitivity_finds_the_input_that_drives_a_total() -> None:
    rng = np.random.default_rng(0)
    n = 5000
    x, noise, other = rng.lognormal(size=n), rng.normal(size=n), rng.uniform(size=n)
    total = 10 * x + 0.1 * noise
    d = Draws(
        months=["2024-10"],
        totals={"paid_by_russia": total, "to_state": -total},
        monthly={},
        derived={},
        params={"driver": x, "unrelated": other, "fixed_here": np.full(n, 3.0)},
        conservation_error=0.0,
        seed=0,
        draws=n,
    )
    s = rank_sensitivity(d, targets=("paid_by_russia", "to_state"))
    assert s["order"][0] == "driver"
    assert "fixed_here" not in s["parameters"]  # constant: moves nothing
    assert s["parameters"]["driver"]["paid_by_russia"] > 0.95
    assert s["parameters"]["driver"]["to_state"] < -0.95
    assert abs(s["parameters"]["unrelated"]["paid_by_russia"]) < 0.1
    swing = s["swing"]["driver"]["paid_by_russia"]
    assert swing["low"] < swing["high"]
    with pytest.raises(TroopledgerError, match="no per-draw totals"):
        rank_sensitivity(d, targets=("to_families",))


def test_default_case_sensitivity_names_the_known_drivers(payload: ReportPayload) -> None:
    assert payload.sensitivity is not None
    rho = payload.sensitivity["parameters"]
    assert rho["state_share_of_pay"]["to_soldiers"] < -0.8  # the more the state keeps, the less soldiers get
    assert rho["troops_deployed"]["paid_by_russia"] > 0.5


@pytest.mark.parametrize(("fmt", "marker"), [("html", "<!DOCTYPE html>"), ("md", "# ")])
def test_cli_writes_html_and_markdown(tmp_path: Path, fmt: str, marker: str) -> None:
    out = tmp_path / f"report.{fmt}"
    with pytest.raises(SystemExit) as exc:
        main(["report", "--format", fmt, "--draws", "1500", "--no-calibrate", "--out", str(out)])
    assert int(exc.value.code or 0) == 0
    assert out.read_text(encoding="utf-8").startswith(marker)


def test_a_case_with_no_sources_or_uncertainty_still_renders(case_file: Any, tmp_path: Path) -> None:
    path = case_file()
    for fmt in ("html", "md"):
        out = tmp_path / f"tiny.{fmt}"
        with pytest.raises(SystemExit) as exc:
            main(["report", str(path), "--format", fmt, "--draws", "500", "--out", str(out)])
        assert int(exc.value.code or 0) == 0
        text = out.read_text(encoding="utf-8")
        assert "No sensitivity analysis" in text  # every input is fixed: nothing to rank
        assert "assumption (no source)" in text
    page = (tmp_path / "tiny.html").read_text(encoding="utf-8")
    assert 'id="fig-sensitivity"' not in page
    assert '"sensitivity"' not in next(b for attrs, b in _scripts(page) if 'id="tl-figures"' in attrs)


def test_claim_influence_is_shown_when_the_run_has_it(payload: ReportPayload) -> None:
    first = next(iter(payload.claims))
    change = {"paid_by_russia": -0.25, "to_state": 0.1, "to_soldiers": float("nan")}
    p = replace(payload, influence=(Influence("one-statement", (first,), "prior", {}, change, None),))
    page, md = render_html(p), render_markdown(p)
    assert "Claim influence" in page
    assert f'<a href="#claim-{first}">{first}</a>' in page
    assert "-25%" in page
    assert "+10%" in md
    assert "Claim influence" not in render_html(payload)
