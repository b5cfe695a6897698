"""Two runs side by side (``troopledger compare``): text, Markdown and a self-contained HTML page.

The :class:`~troopledger.analysis.Comparison` comes from :func:`troopledger.analysis.compare_runs`
with what was run (cases, scenarios, overrides). Each row shows both runs' medians and 90 %
intervals and the draw-by-draw difference with its own interval. Case names, scenario
descriptions and override text come from files and the command line, so every format
escapes them.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from troopledger._untrusted import escape_html as escape
from troopledger.analysis import HEADLINE_TOTALS, PAYMENTS, Band, Comparison, PairedDraws, PairedRow
from troopledger.report._format import LABELS, fmt_interval, fmt_number, money_in
from troopledger.report._markdown import md_text
from troopledger.report._style import CSS

__all__ = ["COMPARE_ROWS", "compare_rows", "render_compare_html", "render_compare_markdown", "render_compare_text"]

#: Money rows left out when zero in both runs.
_MAY_BE_ZERO = (*PAYMENTS, "received_by_nk")
#: What a comparison shows: (group in the object, key, label, unit).
COMPARE_ROWS = (
    *(("totals", k, LABELS[k], "USD") for k in (*HEADLINE_TOTALS, *_MAY_BE_ZERO)),
    ("derived", "take_home_per_soldier_month", "Take-home per soldier per month", "USD"),
    ("derived", "take_home_per_soldier_tour", "Take-home per soldier for one tour", "USD"),
    ("derived", "killed_total", "Killed over the horizon (persons)", ""),
)


def _cell(s: Band, unit: str) -> str:
    return f"{fmt_number(s.p50, unit)} ({fmt_interval(s, unit)})"


def _signed(s: Band, unit: str) -> str:
    def one(x: float) -> str:
        text = fmt_number(x, unit)
        return text if text.startswith("-") or x == 0 else f"+{text}"

    return f"{one(s.p50)} ({one(s.p5)} to {one(s.p95)})"


def compare_rows(c: Comparison) -> list[tuple[str, str, str, str]]:
    """(label, run A, run B, difference B - A) for every row both runs have, as plain text."""
    rows = []
    for group, key, label, unit in COMPARE_ROWS:
        r = (c.totals if group == "totals" else c.derived).get(key)
        if r is None or (key in _MAY_BE_ZERO and _zero(r)):
            continue
        rows.append((label, _cell(r.a, unit), _cell(r.b, unit), _signed(r.difference, unit)))
    for w in c.windows:
        r = w.totals.get("paid_by_russia")
        if r is not None:
            label = f"Paid by Russia, {w.window}"
            rows.append((label, _cell(r.a, "USD"), _cell(r.b, "USD"), _signed(r.difference, "USD")))
    return rows


def _zero(r: PairedRow) -> bool:
    return all(not (side.p95 or 0) and not (side.p5 or 0) for side in (r.a, r.b))


def _what(c: Comparison) -> list[str]:
    lines = []
    for label, run in zip(c.labels, c.runs, strict=False):
        sets = ", ".join(f"{k} = {v}" for k, v in (run.set or {}).items())
        desc = run.description
        lines.append(f"{label}: case {run.case}" + (f"; {desc}" if desc else "") + (f"; set {sets}" if sets else ""))
    lines.append(
        f"{c.draws:,} paired draws, seed {c.seed}: both runs share every input's random draws, so the "
        "difference is taken draw by draw. Intervals are 90 %."
    )
    if c.draws_used == "posterior":
        ess = c.effective_draws or PairedDraws(0.0, 0.0, 0.0)
        lines.append(
            "Draws used: the posterior's. The first run is weighed by its claims; the second is mapped onto the "
            "same draws and reweighed by its own claims; differences are weighed by both "
            f"(effective draws {ess.a:,.0f}, {ess.b:,.0f} and {ess.difference:,.0f})."
        )
    else:
        lines.append("Draws used: the prior's, not weighed by any claim.")
    if c.currency is not None and c.currency.note:
        lines.append(c.currency.note)
    return lines


def render_compare_text(c: Comparison, console: Console) -> None:
    """Print the comparison as a terminal table."""
    with money_in(c.currency_code):
        a, b = c.labels
        t = Table(title=f"{a} and {b} side by side ({c.currency_code})", title_justify="left")
        for h in ("", a, b, "Difference (second - first)"):
            t.add_column(Text(h), justify="left" if not h else "right", overflow="fold")
        for row in compare_rows(c):
            t.add_row(*(Text(x) for x in row))
        console.print(Group(t, *(Text(line, style="dim") for line in _what(c))))


def render_compare_markdown(c: Comparison) -> str:
    """The comparison as a Markdown document."""
    with money_in(c.currency_code):
        a, b = (md_text(x) for x in c.labels)
        out = [f"# {a} and {b}", ""]
        out += [f"* {md_text(line)}" for line in _what(c)] + [""]
        out += [f"| | {a} | {b} | Difference (second - first) |", "|---|---|---|---|"]
        out += ["| " + " | ".join(md_text(x) for x in row) + " |" for row in compare_rows(c)]
        return "\n".join(out) + "\n"


def render_compare_html(c: Comparison) -> str:
    """The comparison as one self-contained HTML page (no scripts, no network)."""
    with money_in(c.currency_code):
        a, b = (escape(x) for x in c.labels)
        head = f"<tr><th></th><th>{a}</th><th>{b}</th><th>Difference (second − first)</th></tr>"
        body = "".join(
            "<tr>" + "".join(f"<td{' class=num' if i else ''}>{escape(x)}</td>" for i, x in enumerate(row)) + "</tr>"
            for row in compare_rows(c)
        )
        notes = "".join(f"<li>{escape(line)}</li>" for line in _what(c))
        csp = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{a} and {b} · troopledger</title><style>{CSS}</style></head><body>"
            f'<header><p class="kicker">troopledger compare</p><h1>{a} and {b}</h1></header>'
            f"<main><section><table><thead>{head}</thead><tbody>{body}</tbody></table><ul>{notes}</ul>"
            f"<p class=who>Amounts in {escape(c.currency_code)}.</p></section></main></body></html>\n"
        )
