"""The report as one self-contained HTML page: tables, Plotly charts, no network.

Every string from the report object is HTML-escaped; only absolute http(s) URLs
become links (with ``rel="noopener noreferrer nofollow"``), anything else is shown
as inert text. plotly.js is embedded inline, chart data travels as JSON with ``<``,
``>`` and ``&`` escaped, and a Content-Security-Policy allows only the page's own
two scripts (by hash), inline styles and ``data:`` images, so nothing is fetched
and injected markup could not run even if it slipped through.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from troopledger._untrusted import escape_html as escape
from troopledger.analysis import HEADLINE_TOTALS
from troopledger.report._charts import COLOURS, Figure, figures
from troopledger.report._checks import checks_html
from troopledger.report._conflicts import claim_words, conflicts, sets_cut
from troopledger.report._format import LABELS, currency_of, fmt_interval, fmt_number, headline, money_in
from troopledger.report._history import history_charts, history_section
from troopledger.report._html_parts import analyst_html as _analyst
from troopledger.report._html_parts import esc_rows as _esc_rows
from troopledger.report._html_parts import figure as _figure
from troopledger.report._html_parts import given_data_html as _given_data
from troopledger.report._html_parts import month_table_html as _month_table
from troopledger.report._html_parts import table as _table
from troopledger.report._html_parts import titled as _titled
from troopledger.report._html_parts import unusable_html
from troopledger.report._page import embed_json, page
from troopledger.report._page import section as _section
from troopledger.report._payload import ClaimEntry, ReportPayload
from troopledger.report._payload_build import CONVENTIONS
from troopledger.report._sections import (
    CLAIM_HEAD,
    INFLUENCE_KEYS,
    READING_HEAD,
    claim_rows,
    contradictions_status,
    forecast_line,
    hedge_rows,
    influence_rows,
    mc_error_line,
    metadata_rows,
    reading_rows,
    safe_url,
    soldier_rows,
    source_line,
    times_words,
    total_rows,
    zero_rows,
)
from troopledger.report._summary import SUMMARY_TITLE, summary

__all__ = ["embed_json", "link", "render_html"]

_REL = "noopener noreferrer nofollow"


def link(text: object, url: object) -> str:
    """An escaped link if ``url`` is http(s), else the escaped text with the URL shown inert."""
    ok = safe_url(url)
    if ok is not None:
        return f'<a href="{escape(ok)}" rel="{_REL}" target="_blank">{escape(str(text))}</a>'
    if url:
        return f'{escape(str(text))} <span class="inert" title="not a web link">({escape(str(url))})</span>'
    return escape(str(text))


def _claim_ref(cid: str, claims: Mapping[str, ClaimEntry], label: str | None = None) -> str:
    text = label if label is not None else cid
    if cid in claims:
        shown = escape(text) if label is None else f"<bdi>{escape(text)}</bdi>"  # a speaker's name is isolated
        return f'<a href="#claim-{escape(cid)}">{shown}</a>'
    return escape(text) if label is None else f"<bdi>{escape(text)}</bdi>"


def _speakers(ids: Sequence[str], claims: Mapping[str, ClaimEntry]) -> str:
    if not ids:
        return '<span class="badge">assumption (no source)</span>'
    seen: dict[str, str] = {}
    for cid in ids:
        who = str((e.claim.speaker if (e := claims.get(cid)) else "") or cid)
        seen.setdefault(who, cid)
    return ", ".join(_claim_ref(cid, claims, who) for who, cid in seen.items())


def _flows(p: ReportPayload, figs: Mapping[str, Figure]) -> str:
    cap = (
        "Band widths and labels are both mean amounts, which add up across accounts; hovering a node or a band "
        "shows its median and 90 % interval. The table below has every interval."
    )
    return (
        _figure("sankey", cap, figs)
        + _table(("Account", "Median", "90 % interval", "Mean"), _esc_rows(total_rows(p)), numeric=(1, 2, 3))
        + _omitted(p)
    )


def _omitted(p: ReportPayload) -> str:
    """The note naming the money rows left out because they are zero in every draw."""
    zero = zero_rows(p)
    if not zero:
        return ""
    return f'<p class="who">Left out, zero in every draw: {escape(", ".join(zero))}.</p>'


def _summary(p: ReportPayload) -> str:
    """The plain-language summary an editor can paste, at the top of the page."""
    body = " ".join(escape(line) for line in summary(p))
    return f'<section id="summary" class="summary"><h2>{escape(SUMMARY_TITLE)}</h2><p>{body}</p></section>'


def _soldier(p: ReportPayload) -> str:
    claims = p.claims
    out = _table(("Measure", "Median", "90 % interval"), _esc_rows(soldier_rows(p)), numeric=(1, 2))
    rewards = p.rewards
    if rewards:
        items = "".join(
            f"<li><bdi>{escape(r.text)}</bdi> <span class=who>({_speakers(r.claims, claims)})</span></li>"
            for r in rewards
        )
        out += f"<h3>Non-money rewards reported</h3><ul>{items}</ul>"
    else:
        out += "<p>No non-money rewards are recorded in this case.</p>"
    return out


def _sensitivity(p: ReportPayload, figs: Mapping[str, Figure]) -> str:
    sens = p.sensitivity
    if not sens or not sens["order"]:
        return "<p>No sensitivity analysis is in this report (no uncertain inputs, or it was not computed).</p>"
    params = p.parameters
    targets = list(sens["targets"])
    cap = (
        f"Spearman rank correlation of each uncertain input with each total over {sens['draws']:,} "
        f"{'posterior' if p.calibrated else 'prior'} draws: "
        "near ±1, the input decides the total; near 0, it hardly matters. Known (fixed) inputs move nothing and "
        "are left out."
    )
    tail = round(100 * float(sens["tail"]))
    rows = []
    for name in sens["order"]:
        rho = sens["parameters"][name]
        sw = (sens["swing"].get(name) or {}).get("paid_by_russia")
        swing = f"{fmt_number(sw['low'], 'USD')} to {fmt_number(sw['high'], 'USD')}" if sw else "n/a"
        meaning = e.meaning if (e := params.get(name)) else ""
        rows.append(
            (
                f"<code>{escape(name)}</code><br><span class=who>{escape(str(meaning))}</span>",
                *(f"{rho.get(t, 0.0):+.2f}" for t in targets),
                escape(swing),
            )
        )
    head = (
        "Input",
        *(escape(LABELS.get(t, t)) for t in targets),
        f"Paid by Russia, median: lowest {tail} % of the input to highest {tail} %",
    )
    return _figure("sensitivity", cap, figs) + _table(head, rows, numeric=tuple(range(1, len(targets) + 2)))


def _influence(p: ReportPayload) -> str:
    """How far each headline median moves when one lineage of claims is dropped, if the run computed it."""
    rows = influence_rows(p)
    if not rows:
        return ""
    claims = p.claims
    body = [
        (
            escape(lineage),
            ", ".join(_claim_ref(c, claims) for c in ids),
            escape(role),
            *(escape(x) for x in changes),
        )
        for lineage, ids, role, changes in rows
    ]
    head = ("Lineage dropped", "Claims", "Role", *(f"{escape(LABELS.get(k, k))}, median" for k in INFLUENCE_KEYS))
    return (
        "<h3>Claim influence</h3><p>How far each headline median moves when one lineage of claims (one original "
        "statement and its relays) is left out.</p>" + _table(head, body, numeric=(3, 4, 5))
    )


def _contradictions(p: ReportPayload) -> str:
    claims = p.claims
    status = contradictions_status(p)
    if status is not None:
        return f'<p class="note">{escape(status)}</p>'
    items = []
    for g in conflicts(p):
        refs = ", ".join(_claim_ref(cid, claims) for cid in g.against)
        prob = g.doubt
        times = (
            f" The strongest set is {escape(times_words(g.times_less_probable))} less probable together than "
            "each claim alone."
            if g.times_less_probable is not None
            else ""
        )
        kinds = f"; {escape(', '.join(g.kinds))}" if g.kinds else ""
        sets = f"{g.sets} set{'s' if g.sets != 1 else ''} of claims{kinds}"
        items.append(
            f"<li><p><strong>{_claim_ref(g.suspect, claims, claim_words(g.suspect, claims))}</strong>{prob}: "
            f"cannot hold with {refs} ({sets}).{times}{escape(g.assumption_note)}</p>"
            f"<details><summary>Why, in the strongest set</summary><p>{escape(g.explanation)}</p></details></li>"
        )
    every = "".join(f"<li>{', '.join(_claim_ref(str(cid), claims) for cid in c.claims)}</li>" for c in p.contradictions)
    cut = f'<p class="note">{escape(sets_cut(p).strip())}</p>' if sets_cut(p) else ""
    sets = f"<details><summary>Every set ({len(p.contradictions)})</summary><ul>{every}</ul>{cut}</details>"
    judged = _titled("Claims and how likely each is wrong, given everything else", CLAIM_HEAD, claim_rows(p), (4, 5))
    return f'<ul class="contra">{"".join(items)}</ul>' + sets + judged


def _calibration(p: ReportPayload) -> str:
    cal = p.calibration
    if cal is None:
        return "<p>Not calibrated: the figures are the prior, built from the claims about the inputs alone.</p>"
    claims = p.claims
    used = ", ".join(_claim_ref(c, claims) for c in cal.observations) or "none"
    parts = [
        f"<p>Method: <strong>{escape(cal.method)}</strong>. Claims about totals, counts and take-home "
        f"pay used to weigh the draws: {used}.</p>"
    ]
    khat, ess = cal.pareto_khat, cal.importance_ess
    if isinstance(khat, int | float) and isinstance(ess, int | float):
        parts.append(f"<p class=who>Importance weights: Pareto k-hat {khat:.2f}, effective draws {ess:,.0f}.</p>")
    prior = p.prior
    if p.calibrated and prior is not None:
        rows = []
        for key in HEADLINE_TOTALS:
            a, b = prior.totals.get(key), p.totals.get(key)
            if a is not None and b is not None:
                rows.append((escape(LABELS.get(key, key)), escape(fmt_interval(a)), escape(fmt_interval(b))))
        parts.append(_table(("Total", "Prior 90 % interval", "Posterior 90 % interval"), rows, numeric=(1, 2)))
    skipped = cal.skipped
    if skipped:
        lis = "".join(f"<li>{_claim_ref(s.claim, claims)}: {escape(s.reason)}</li>" for s in skipped)
        parts.append(
            f"<details><summary>Claims not used as observations ({len(skipped)})</summary><ul>{lis}</ul></details>"
        )
    return "".join(parts)


def _parameters(p: ReportPayload) -> str:
    claims = p.claims
    rows = []
    for name, e in p.parameters.items():
        unit = e.unit
        median = escape(fmt_number(e.band.p50, unit)) if e.band is not None else ""
        interval = escape(fmt_interval(e.band, unit)) if e.band is not None else ""
        meaning = escape(e.meaning)
        note = escape(e.note or "")
        rows.append(
            (
                f"<code>{escape(name)}</code><br><span class=who>{meaning}</span>",
                median,
                interval,
                escape(e.distribution) + (f"<br><span class=who>{note}</span>" if note else ""),
                _speakers(e.claims, claims),
            )
        )
    head = ("Input", "Median", "90 % interval", "Distribution (and the case's note)", "Sources")
    return _table(head, rows, numeric=(1, 2))


def _claims(p: ReportPayload) -> str:
    cards = [unusable_html(p)]
    for cid, entry in p.claims.items():
        c = entry.claim
        org = c.organisation
        who = f"<bdi>{escape(c.speaker)}</bdi>" + (f" (<bdi>{escape(org)}</bdi>)" if org else "")
        via = c.via
        chain = f" via {' → '.join(f'<bdi>{escape(str(v))}</bdi>' for v in via)}" if via else ""
        src_text, _ = source_line(c)
        src_url = c.source.url if c.source is not None else None
        quote = c.text or ""
        cards.append(
            f'<article class="claim" id="claim-{escape(str(cid))}">'
            f'<h3><code>{escape(str(cid))}</code> <span class="status s-{escape(c.status)}">'
            f"{escape(c.status)}</span></h3>"
            f"<p><strong>{escape(c.quantity)}</strong>: <bdi>{escape(c.stated)}</bdi>"
            f" <span class=who>(hedge: {escape(c.hedge)})</span></p>"
            + (f'<blockquote dir="auto">{escape(quote)}</blockquote>' if quote else "")
            + f"<p class=who>Said by {who}{chain}. Source: {link(src_text, src_url)}.</p>"
            + (f"<p class=who dir=auto>{escape(c.note)}</p>" if c.note else "")
            + "</article>"
        )
    return "".join(cards) or "<p>No claims are cited by this case.</p>"


def _method(p: ReportPayload) -> str:
    conv = p.conventions or CONVENTIONS
    items = "".join(f"<dt>{escape(str(k).replace('_', ' '))}</dt><dd>{escape(str(v))}</dd>" for k, v in conv.items())
    hedges = _table(
        ("Hedge class", "Error allowed around a claim", "Hedge words in this case"), _esc_rows(hedge_rows(p))
    )
    return (
        f"<dl>{items}</dl><h3>Hedges</h3><p>When a claim about a total, a count or take-home pay weighs the draws, "
        "its hedge sets how far the truth may sit from the stated figure:</p>"
        f"{hedges}<p class=who>More in the troopledger repository: <code>docs/conventions.md</code> (intervals, "
        "mixtures, weights), <code>docs/report.md</code> (this page), <code>docs/case-files.md</code>.</p>"
    )


def _metadata(p: ReportPayload) -> str:
    return (
        "<dl class=meta>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in metadata_rows(p)) + "</dl>"
    )


_NAV = (
    ("flows", "Flows"),
    ("months", "Month by month"),
    ("troops", "Troops"),
    ("soldier", "Soldier's view"),
    ("sensitivity", "Sensitivity"),
    ("contradictions", "Contradictions"),
    ("calibration", "Calibration"),
    ("parameters", "Inputs"),
    ("claims", "Claims"),
    ("method", "Method"),
    ("run", "Run"),
)


def render_html(p: ReportPayload) -> str:
    """The whole report as one HTML document that needs no network."""
    with money_in(currency_of(p)):
        return _render(p)


def _render(p: ReportPayload) -> str:
    title = p.title or p.case or "troopledger report"
    figs = figures(p)
    calibrated = " Figures are weighed by the claims about totals (posterior)." if p.calibrated else ""
    known = f" Only claims reported by {p.as_of} are used." if p.as_of else ""
    known += f" {line}" if (line := forecast_line(p)) else ""  # escaped with the rest below
    calibrated += f" {escape(line)}" if (line := mc_error_line(p)) else ""
    sections = [
        _section("flows", "Where the money goes", _flows(p, figs) + _analyst(p)),
        _section(
            "months",
            "Month by month",
            _figure("monthly", "What Russia pays each month and what the state keeps: median line, 90 % band.", figs)
            + _figure("cumulative", "Running total since the start month: median line, 90 % band.", figs)
            + _month_table(p),
        ),
        _section(
            "troops",
            "Troops in theatre and casualties",
            _figure("troops", "Soldiers in theatre at once and distinct soldiers sent so far.", figs)
            + _figure("casualties", "Soldiers killed and wounded (evacuated) each month.", figs),
        ),
        _section("soldier", "The soldier's view", _soldier(p)),
        _section(
            "sensitivity",
            "Which inputs move the totals most",
            _sensitivity(p, figs) + _given_data(p, figs) + _influence(p),
        ),
        _section("contradictions", "Claims that cannot all be true", _contradictions(p)),
        _section(
            "calibration",
            "Calibration",
            _calibration(p)
            + checks_html(p)
            + _titled("Where the evidence splits: readings and weights", READING_HEAD, reading_rows(p), (0,)),
        ),
        _section("parameters", "Inputs, their distributions and who said them", _parameters(p)),
        _section("claims", "Claims", _claims(p)),
        _section("method", "Method and conventions", _method(p)),
        _section("run", "Run", _metadata(p)),
    ]
    nav = list(_NAV)
    if p.history:
        figs.update(history_charts(p.history))
        body = history_section(p.history, {cid: c.claim.speaker for cid, c in p.claims.items()}, figs)
        sections.insert(6, _section("history", "What we knew when", body))
        nav.insert(6, ("history", "History"))
    swatches = "".join(
        f'<span class="sw" style="background:{COLOURS[k]}"></span>{escape(LABELS[k])} ' for k in HEADLINE_TOTALS
    )
    header = (
        _summary(p) + f'<p class="headline">{escape(headline(p))}</p>'
        f'<p class="who">Every interval is a 90 % interval. {p.draws:,} draws, seed '
        f"{escape(str(p.seed))}.{calibrated}{escape(known)}</p>"
        + (f'<p class="desc">{escape(p.description)}</p>' if p.description else "")
        + f'<p class="legend">{swatches}</p>'
    )
    return page(title, f"troopledger report · {p.case}", header, nav, sections, figs)
