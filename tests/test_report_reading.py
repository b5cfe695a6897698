"""The page an editor reads: a plain summary on top, one statistic in the Sankey, no all-zero rows, no cut figures."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from test_report_html import hostile_payload
from troopledger.analysis import Conflict, Contradiction, History, coverage, run
from troopledger.report import ReportPayload, build_payload, render_html, render_markdown, render_text, summary
from troopledger.report._charts import sankey_chart
from troopledger.report._conflicts import conflicts

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def payload() -> ReportPayload:
    """The default case as ``troopledger report`` runs it (calibrated, with its contradictions)."""
    return build_payload(run(None, 2000, 1))


def _text(p: ReportPayload, width: int) -> str:
    buf = io.StringIO()
    render_text(p, Console(file=buf, width=width, force_terminal=False))
    return buf.getvalue()


def test_summary_says_how_much_the_share_how_sure_and_what_is_disputed(payload: ReportPayload) -> None:
    lines = summary(payload)
    text = " ".join(lines)
    share = payload.state_share
    assert share is not None
    assert 0 < share.p5 < share.p50 < share.p95 <= 1
    assert f"{share.p50:.0%}" in text  # the story's number
    assert text.startswith("Russia pays an estimated $")
    assert "How sure:" in text
    assert "Disputed:" in text
    assert "What would change it most:" in text
    assert conflicts(payload)[0].suspect in json.dumps(payload.to_json()["contradictions"])


def test_every_format_opens_with_the_summary(payload: ReportPayload) -> None:
    first = summary(payload)[0]
    html = render_html(payload)
    assert html.index('id="summary"') < html.index('class="headline"') < html.index("<main>")
    md = render_markdown(payload)
    assert md.index("## In short") < md.index("## Where the money goes")
    assert first[:40] in md
    text = _text(payload, 100)
    assert text.index("In short") < text.index("Where the money goes")


def test_summary_text_from_sources_is_escaped(payload: ReportPayload) -> None:
    p = hostile_payload(payload)
    first = next(iter(p.claims))
    p = replace(
        p,
        # the most doubted claim's speaker is the hostile one
        contradictions=tuple(replace(c, most_likely_wrong=first) for c in p.contradictions),
        # and the suspect of the calibration's own conflicts
        conflicts=tuple(replace(g, suspect=first) for g in p.conflicts),
    )
    html = render_html(p)
    head = html[html.index('id="summary"') : html.index('class="headline"')]
    assert "<img" not in head
    assert "&lt;img" in head
    md = render_markdown(p)
    assert "<img" not in md.split("## Where the money goes")[0]


def test_sankey_labels_and_widths_are_both_means(payload: ReportPayload) -> None:
    with_currency = sankey_chart(payload)["data"][0]
    t = payload.totals
    widths = with_currency["link"]["value"]
    assert widths[0] == pytest.approx(t["to_state"].mean)
    label = with_currency["node"]["label"][0]
    assert label.endswith(f"${t['paid_by_russia'].mean / 1e6:,.3g}M")
    assert "mean amounts" in render_html(payload)


def test_rows_zero_in_every_draw_are_left_out_with_a_note(payload: ReportPayload) -> None:
    assert payload.totals["signing_payments"].p95 == 0  # the default case pays no signing bonus
    for text in (render_html(payload), render_markdown(payload), _text(payload, 130)):
        assert "Signing payments (per soldier arriving) | $0" not in text
        assert "$0 to $0" not in text.split("Inputs")[0]
        assert "Left out, zero in every draw: Signing payments" in text.replace("\n", " ")


def test_conflicts_are_one_paragraph_per_suspect(payload: ReportPayload) -> None:
    groups = conflicts(payload)
    assert len(groups) < len(payload.contradictions)
    assert sum(g.sets for g in groups) == len(payload.contradictions)
    html = render_html(payload)
    section = html[html.index('id="contradictions"') : html.index('id="calibration"')]
    assert section.count("<li><p><strong>") == len(groups)


_FIGURE = re.compile(r"[$₩]?\d[\d,.]*[kMBT]?%?")


@pytest.mark.parametrize("width", [80, 120])
def test_terminal_tables_cut_no_figure(payload: ReportPayload, width: int) -> None:
    text = _text(payload, width)
    assert "…" not in text
    assert max(len(line) for line in text.splitlines()) <= width
    # every monthly median and interval bound appears whole
    band = payload.monthly["paid_by_russia"]
    from troopledger.report._format import fmt_usd

    for q in ("p5", "p50", "p95"):
        for v in band[q]:
            assert fmt_usd(v) in text, (q, v)


def test_extract_review_does_not_break_words_at_80_columns() -> None:
    env = {"COLUMNS": "80", "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-m", "troopledger", "extract", str(CORPUS / "01_pay_nis.txt")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "…" not in out
    sentence = json.loads(
        subprocess.run(
            [sys.executable, "-m", "troopledger", "extract", "--format", "json", str(CORPUS / "01_pay_nis.txt")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )[0]["text"]
    words = [w for w in " ".join(sentence.split()).split(" ") if len(w) < 60]
    flat = " ".join(out.split())
    for w in words:
        assert w in flat, w


def test_summary_reports_the_hindcast_when_the_report_has_a_history(payload: ReportPayload) -> None:
    none = coverage([])
    held = replace(none, all=replace(none.all, n=40, inside=32, coverage=0.8))
    p = replace(payload, history=History("case", "title", 0, 100, "month", (), (), held, {}))
    text = " ".join(summary(p))
    assert "held 80% of the 40 figures reported after them" in text
    assert "held" not in " ".join(summary(payload))


@pytest.mark.parametrize(("p", "said"), [(0.996, ", over 99% likely wrong"), (0.71, ", 71% likely wrong"), (None, "")])
def test_doubt_is_never_rounded_to_certainty(payload: ReportPayload, p: float | None, said: str) -> None:
    c = Contradiction(("a", "b"), -5.0, 0.1, -3.0, "x", "k", most_likely_wrong="a", wrong_probability=p)
    assert conflicts(replace(payload, conflicts=(), contradictions=(c,)))[0].doubt == said


def test_the_calibrations_own_conflicts_are_shown_as_they_are(payload: ReportPayload) -> None:
    own = Conflict(
        suspect="rbc-independent-takehome",
        wrong_probability=0.7,
        against=("bi-nis-total", "bi-nis-pay"),
        sets=(("rbc-independent-takehome", "bi-nis-total"), ("rbc-independent-takehome", "bi-nis-pay")),
        statistic=-4.0,
        explanation="the arithmetic of the smallest set",
        kinds=("arithmetic",),
        assumptions=("one tour length for every soldier",),
    )
    p = replace(payload, conflicts=(own,))
    (only,) = conflicts(p)
    assert (only.suspect, only.sets, only.against) == ("rbc-independent-takehome", 2, ("bi-nis-total", "bi-nis-pay"))
    assert only.times_less_probable == pytest.approx(54.598, rel=1e-4)
    flat = " ".join(_text(p, 100).replace("│", " ").split())  # the terminal wraps inside its panel
    for text in (render_html(p), render_markdown(p), flat):
        assert "one tour length for every soldier" in text
        assert "the arithmetic of the smallest set" in text
