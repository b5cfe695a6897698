"""The report as Markdown: the HTML page's tables and text, without the charts.

Source text is made inert for Markdown renderers that also pass HTML through:
``<``, ``>`` and ``&`` become entities, Markdown punctuation that could start a link,
an image, emphasis or a table cell is backslash-escaped, and only absolute http(s)
URLs become links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

from troopledger._untrusted import escape_markdown_links, for_terminal
from troopledger.analysis import HEADLINE_TOTALS, History
from troopledger.report._analyst import (
    currency_lines,
    given_data_basis,
    given_data_rows,
    month_rows,
    payment_rows,
    realisation_rows,
    window_rows,
)
from troopledger.report._checks import CHECK_HEAD, CHECK_TITLE, MISFIT_HEAD, check_rows, check_summary, misfit_rows
from troopledger.report._conflicts import claim_words, conflicts, sets_cut
from troopledger.report._format import LABELS, currency_of, fmt_interval, fmt_number, headline, money_in
from troopledger.report._history import history_markdown
from troopledger.report._payload import ClaimEntry, ReportPayload
from troopledger.report._payload_build import CONVENTIONS
from troopledger.report._sections import (
    CLAIM_HEAD,
    INFLUENCE_KEYS,
    READING_HEAD,
    UNUSABLE_TITLE,
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
    total_rows,
    unusable_rows,
    zero_rows,
)
from troopledger.report._summary import SUMMARY_TITLE, summary

__all__ = ["md_code", "md_text", "render_history_markdown", "render_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|!#~])")


def md_text(text: object) -> str:
    """One line of source text, inert in Markdown (and in the HTML some renderers allow).

    Control characters and direction overrides are removed, so no text can reverse what follows it,
    and URLs and e-mail addresses in it do not become live links (GitHub-flavoured autolinks).
    """
    s = escape_markdown_links(" ".join(for_terminal(str(text)).split()))
    return _MD_SPECIAL.sub(r"\\\1", escape(s, quote=False))


def md_code(text: object) -> str:
    """An identifier as a code span; markup is escaped too, for renderers that are not strict CommonMark."""
    s = " ".join(for_terminal(str(text)).replace("`", "'").split())
    return "`" + escape(s, quote=False).replace("|", "\\|") + "`"


def _md_link(text: object, url: object) -> str:
    ok = safe_url(url)
    if ok is None:
        return md_text(text) + (f" ({md_text(url)}, not a web link)" if url else "")
    target = ok.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{md_text(text)}](<{target}>)"


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return [*lines, ""]


def _speakers(ids: Sequence[str], claims: Mapping[str, ClaimEntry]) -> str:
    if not ids:
        return "assumption (no source)"
    names = dict.fromkeys(str((e.claim.speaker if (e := claims.get(c)) else "") or c) for c in ids)
    return ", ".join(md_text(n) for n in names)


def _sensitivity(p: ReportPayload) -> list[str]:
    sens = p.sensitivity
    if not sens or not sens["order"]:
        return ["No sensitivity analysis is in this report.", ""]
    targets = list(sens["targets"])
    rows = [(md_code(n), *(f"{sens['parameters'][n].get(t, 0.0):+.2f}" for t in targets)) for n in sens["order"]]
    return [
        f"Spearman rank correlation of each uncertain input with each total, over {sens['draws']:,} "
        f"{'posterior' if p.calibrated else 'prior'} draws.",
        "",
        *_table(("Input", *(LABELS.get(t, t) for t in targets)), rows),
    ]


def _contradictions(p: ReportPayload) -> list[str]:
    status = contradictions_status(p)
    if status is not None:
        return [md_text(status), ""]
    claims = p.claims
    lines = []
    for g in conflicts(p):
        prob = g.doubt
        against = ", ".join(md_code(i) for i in g.against)
        lines.append(
            f"* **{md_text(claim_words(g.suspect, claims))}** ({md_code(g.suspect)}){prob}: cannot hold with "
            f"{against} ({g.sets} set{'s' if g.sets != 1 else ''}).{md_text(g.assumption_note)} "
            f"Strongest set: {md_text(g.explanation)}"
        )
    every = "; ".join(", ".join(md_code(i) for i in c.claims) for c in p.contradictions)
    lines += ["", f"Every set: {every}.{md_text(sets_cut(p))}"]
    return [*lines, ""]


def _judged(p: ReportPayload) -> list[str]:
    rows = [(md_code(a), md_text(b), md_text(c), md_text(d), e, f) for a, b, c, d, e, f in claim_rows(p)]
    if not rows:
        return []
    return ["## Claims and how likely each is wrong", "", *_table(CLAIM_HEAD, rows)]


def _checks(p: ReportPayload) -> list[str]:
    """The claim checks: the summary sentence, the claims that do not fit, the structural misfits."""
    line = check_summary(p)
    if line is None:
        return []
    out = [f"### {CHECK_TITLE}", "", md_text(line), ""]
    rows = [(md_code(r[0]), *(md_text(x) for x in r[1:])) for r in check_rows(p)]
    if rows:
        out += _table(CHECK_HEAD, rows)
    misfits = [tuple(md_text(x) for x in r) for r in misfit_rows(p)]
    if misfits:
        out += ["### Structural misfits", "", *_table(MISFIT_HEAD, misfits)]
    return out


def _readings(p: ReportPayload) -> list[str]:
    rows = [tuple(md_text(x) for x in r) for r in reading_rows(p)]
    if not rows:
        return []
    intro = "Where the evidence splits, the posterior is a mixture of these readings of the claims:"
    return ["## Where the evidence splits", "", intro, "", *_table(READING_HEAD, rows)]


def _parameters(p: ReportPayload) -> list[str]:
    claims = p.claims
    rows = []
    for name, e in p.parameters.items():
        unit = e.unit
        rows.append(
            (
                md_code(name),
                fmt_number(e.band.p50, unit) if e.band is not None else "",
                fmt_interval(e.band, unit) if e.band is not None else "",
                md_text(e.distribution),
                _speakers(e.claims, claims),
            )
        )
    return _table(("Input", "Median", "90 % interval", "Distribution", "Sources"), rows)


def _unusable(p: ReportPayload) -> list[str]:
    rows = unusable_rows(p)
    if not rows:
        return []
    lines = [f"### {UNUSABLE_TITLE}", ""]
    lines += [f"* {md_code(cid)} ({md_text(q)}): {md_text(why)}" for cid, q, why in rows]
    return [*lines, ""]


def _claims(p: ReportPayload) -> list[str]:
    lines = _unusable(p)
    for cid, entry in p.claims.items():
        c = entry.claim
        src, url = source_line(c)
        raw_url = c.source.url if c.source is not None else None
        who = md_text(c.speaker) + (f" ({md_text(c.organisation)})" if c.organisation else "")
        lines.append(
            f"* {md_code(cid)} [{md_text(c.status)}] **{md_text(c.quantity)}**: "
            f"{md_text(c.stated)} — {who}; {_md_link(src, url or raw_url)}"
        )
        if c.text:
            lines.append(f"  > {md_text(c.text)}")
    return [*(lines or ["No claims are cited by this case."]), ""]


def _calibration(p: ReportPayload) -> list[str]:
    cal = p.calibration
    if cal is None:
        return ["Not calibrated: the figures are the prior, built from the claims about the inputs alone.", ""]
    used = ", ".join(md_code(c) for c in cal.observations) or "none"
    lines = [f"Method: **{md_text(cal.method)}**; claims weighing the draws: {used}.", ""]
    prior = p.prior
    if p.calibrated and prior is not None:
        rows = [
            (LABELS.get(k, k), fmt_interval(prior.totals[k]), fmt_interval(p.totals[k]))
            for k in HEADLINE_TOTALS
            if k in prior.totals and k in p.totals
        ]
        lines += _table(("Total", "Prior 90 % interval", "Posterior 90 % interval"), rows)
    return lines


def _analyst(p: ReportPayload) -> list[str]:
    """Payments by kind, owed against received, windows and the month-by-month table."""
    out: list[str] = []
    pay = payment_rows(p)
    if pay:
        out += ["## Payments by kind", "", *_table(("Payment", "Median", "90 % interval"), pay)]
    owed = realisation_rows(p)
    if owed:
        out += ["## Owed and received", "", *_table(("What", "Median", "90 % interval"), owed)]
    head, rows = window_rows(p)
    if rows:
        out += ["## Totals by window", "", *_table(head, [tuple(md_text(c) for c in r) for r in rows])]
    head, rows = month_rows(p)
    if rows:
        out += ["## Month by month (median and 90 % interval)", "", *_table(head, rows)]
    return out


def _given_data(p: ReportPayload) -> list[str]:
    head, rows = given_data_rows(p)
    g = p.given_data_sensitivity
    if not rows or g is None:
        return []
    return [
        f"Share of each total's variance explained by each input alone (RBD-FAST first-order index over "
        f"{given_data_basis(g)}, ± its 95 % bootstrap half-width).",
        "",
        *_table(head, [(md_text(r[0]), *r[1:]) for r in rows]),
    ]


def render_markdown(p: ReportPayload) -> str:
    """The report as a Markdown document (GitHub-flavoured tables)."""
    with money_in(currency_of(p)):
        return _render(p)


def _render(p: ReportPayload) -> str:
    claims = p.claims
    out = [
        f"# {md_text(p.title or p.case)}",
        "",
        f"## {SUMMARY_TITLE}",
        "",
        " ".join(md_text(line) for line in summary(p)),
        "",
        f"**{md_text(headline(p))}**",
        "",
        f"Every interval is a 90 % interval. {p.draws:,} draws, seed {p.seed}."
        + (" Figures are weighed by the claims about totals (posterior)." if p.calibrated else "")
        + (f" {md_text(line)}" if (line := mc_error_line(p)) else "")
        + (f" Only claims reported by {p.as_of} are used." if p.as_of else "")
        + (f" {md_text(line)}" if (line := forecast_line(p)) else ""),
        "",
        *[md_text(line) + "\n" for line in currency_lines(p)],
        "## Where the money goes",
        "",
        *_table(("Account", "Median", "90 % interval", "Mean"), total_rows(p)),
        *([f"Left out, zero in every draw: {md_text(', '.join(zero))}.", ""] if (zero := zero_rows(p)) else []),
        *_analyst(p),
        "## The soldier's view",
        "",
        *_table(("Measure", "Median", "90 % interval"), soldier_rows(p)),
    ]
    if p.rewards:
        out += ["Non-money rewards reported:", ""]
        out += [f"* {md_text(r.text)} ({_speakers(r.claims, claims)})" for r in p.rewards]
        out.append("")
    out += ["## Which inputs move the totals most", "", *_sensitivity(p), *_given_data(p)]
    infl = influence_rows(p)
    if infl:
        out += ["Claim influence: how far each headline median moves when one lineage of claims is left out.", ""]
        head = ("Lineage dropped", "Claims", "Role", *(f"{LABELS.get(k, k)}, median" for k in INFLUENCE_KEYS))
        rows = [(md_text(a), ", ".join(md_code(c) for c in ids), md_text(r), *ch) for a, ids, r, ch in infl]
        out += _table(head, rows)
    if p.history:
        out += history_markdown(p.history, md_text, {cid: c.claim.speaker for cid, c in claims.items()})
    out += _readings(p)
    out += ["## Claims that cannot all be true", "", *_contradictions(p)]
    out += _judged(p)
    out += ["## Calibration", "", *_calibration(p), *_checks(p)]
    out += ["## Inputs, their distributions and who said them", "", *_parameters(p)]
    out += ["## Claims", "", *_claims(p)]
    conv = p.conventions or CONVENTIONS
    out += ["## Method and conventions", ""]
    out += [f"* **{md_text(str(k).replace('_', ' '))}**: {md_text(v)}" for k, v in conv.items()]
    out += [
        "",
        *_table(
            ("Hedge class", "Error allowed around a claim", "Hedge words in this case"),
            [(a, b, md_text(c)) for a, b, c in hedge_rows(p)],
        ),
    ]
    out += ["See `docs/conventions.md` and `docs/report.md` in the troopledger repository.", ""]
    out += ["## Run", ""]
    out += [f"* {k}: {md_text(v)}" for k, v in metadata_rows(p)]
    return "\n".join(out) + "\n"


def render_history_markdown(h: History) -> str:
    """A history on its own as a Markdown document."""
    title = f"# {md_text(h.title or h.case)}: what we knew when"
    return "\n".join([title, "", *history_markdown(h, md_text)[2:]]) + "\n"
