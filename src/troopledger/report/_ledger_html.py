"""The ledger report as one self-contained HTML page, with a Sankey of every stream.

The Sankey runs from the streams (soldiers, workers, munitions, goods) to who ends
up with the value (the state, people) and, for each stream, whether Russia has paid
it; link widths are means, which add up. Untrusted text is escaped; chart text is the
project's own wording or passes through :func:`~troopledger.report._charts.plain`.
"""

from __future__ import annotations

import math

from troopledger._untrusted import escape_html as escape
from troopledger.analysis import Band, LedgerResult
from troopledger.report._charts import Figure, plain
from troopledger.report._html_parts import figure, table
from troopledger.report._ledger import calibration_lines, check_band, fin, fmt_money, rate_line, unusable_claims
from troopledger.report._page import page, section

__all__ = ["ledger_monthly", "ledger_sankey", "render_ledger_html"]

_COLOURS = {"soldiers": "#762a83", "workers": "#2166ac", "munitions": "#b2182b", "goods": "#1b7837"}


def ledger_sankey(r: LedgerResult) -> Figure:
    """Streams → North Korea's value → kept by the state or reaching people; paid or owed."""
    streams = list(r.streams)
    nodes = [plain(r.streams[s].label) for s in streams]
    nodes += ["Kept by the state", "Reaching people", "Paid or delivered", "Owed (credit)"]
    k_state, k_people = len(streams), len(streams) + 1
    src, dst, val, col = [], [], [], []
    for i, s in enumerate(streams):
        t = r.streams[s].totals
        c = _COLOURS.get(s, "#878787")
        for target, account in ((k_state, "kept_by_state"), (k_people, "reaching_people")):
            src.append(i)
            dst.append(target)
            val.append(max(_mean(t[account]), 0.0))
            col.append(c + "66")
    t = r.totals
    for source, account in ((k_state, "kept_by_state"), (k_people, "reaching_people")):
        value = _mean(t["value_to_north_korea"])
        share = _mean(t[account]) / value if value > 0 else 0.0
        for target, part in ((len(streams) + 2, "paid_by_russia"), (len(streams) + 3, "owed_unpaid")):
            src.append(source)
            dst.append(target)
            val.append(max(_mean(t[part]) * share, 0.0))
            col.append("#87878766")
    return {
        "data": [
            {
                "type": "sankey",
                "arrangement": "snap",
                "valueformat": ",.3s",
                "node": {"label": nodes, "pad": 14, "thickness": 16},
                "link": {"source": src, "target": dst, "value": val, "color": col},
            }
        ],
        "layout": {
            "height": 460,
            "margin": {"l": 8, "r": 8, "t": 16, "b": 8},
            "meta": {"title": f"Every stream of value, {r.window[0]} to {r.window[1]} (means, {r.currency})"},
        },
    }


def ledger_monthly(r: LedgerResult) -> Figure:
    """Each stream's value accrued by month (means over the draws), stacked."""
    data = []
    for name, s in r.streams.items():
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "stackgroup": "value",
                "name": plain(s.label),
                "x": list(r.case.months),
                "y": s.monthly_value,
                "line": {"color": _COLOURS.get(name, "#878787"), "width": 1},
            }
        )
    return {
        "data": data,
        "layout": {
            "height": 360,
            "margin": {"l": 60, "r": 8, "t": 16, "b": 40},
            "yaxis": {"title": {"text": f"{r.currency} a month"}},
            "meta": {"title": f"Value accrued each month, by stream (means, {r.currency})"},
        },
    }


def render_ledger_html(r: LedgerResult) -> str:
    """The ledger report as one HTML document that needs no network."""
    cur = r.currency
    figs = {"ledger": ledger_sankey(r), "monthly": ledger_monthly(r)}
    v = r.totals["value_to_north_korea"]

    def money(band: Band) -> str:
        b = fin(band)
        return escape(f"{fmt_money(b.p50, cur)} ({fmt_money(b.p5, cur)} to {fmt_money(b.p95, cur)})")

    streams = table(
        ("Stream", "Value (median, 90 %)", "Share", "Paid", "State keeps", "In kind", "Confirmed"),
        [
            (
                escape(s.label),
                money(s.totals["value_to_north_korea"]),
                escape(f"{100 * fin(s.share).mean:.1f} %"),
                money(s.totals["paid_by_russia"]),
                money(s.totals["kept_by_state"]),
                money(s.totals["in_kind"]),
                money(s.totals["confirmed_received"]),
            )
            for s in r.streams.values()
        ],
    )
    accounts = table(("Account", "Median (90 %)"), [(escape(r.labels[a]), money(t)) for a, t in r.totals.items()])
    checks = table(
        ("Claim", "Figure", "Against", "Streams (median, 90 %)", "Verdict"),
        [
            (_claim(c.claim, r), escape(c.figure), escape(c.what), escape(check_band(c.band)), escape(c.verdict))
            for c in r.checks
        ],
    )
    conflicts = "".join(
        f"<h3>{escape(c.name)}</h3><p>{escape(c.note)}</p>"
        + table(
            ("Claim", "Speaker", "Figure", "x smallest", "Weight from the draws"),
            [
                (
                    _claim(str(m["claim"]), r),
                    escape(str(m["speaker"])),
                    escape(str(m["figure"])),
                    escape(f"{m['ratio_to_smallest']:.2f}"),
                    escape(
                        f"{m['weight']:.2f}" if m["weight"] is not None else "feeds an input" if m["as_input"] else "-"
                    ),
                )
                for m in c.members
            ],
        )
        for c in r.conflicts
    )
    inputs = table(
        ("Input", "Median (90 %)", "Unit", "Claims or assumption"),
        [
            (
                escape(i.key),
                escape(check_band(i.band)),
                escape(i.unit),
                ", ".join(_claim(c, r) for c in i.claims) or "assumption (stream default)",
            )
            for i in r.inputs
        ],
    )
    claims = table(
        ("Claim", "Figure", "Speaker", "Via", "Use"),
        [
            (
                _claim(cid, r),
                escape(f"{c.value if c.value is not None else ''} {c.low or ''}-{c.high or ''} {c.unit}"),
                escape(c.speaker),
                escape("; ".join(c.via)),
                escape(r.usage[cid]),
            )
            for cid, c in r.case.claims.items()
        ],
    )
    rated = rate_line(r)
    header = (
        f'<p class="headline">{escape("Value to North Korea")}: {money(v)}, '
        f"{escape(r.window[0])} to {escape(r.window[1])}.</p>"
        f'<p class="who">Every interval is a 90 % interval. {r.draws:,} draws, seed {escape(str(r.seed))}.</p>'
        + "".join(f'<p class="who">{escape(line)}</p>' for line in calibration_lines(r))
        + (f'<p class="who">{escape(rated)}</p>' if rated else "")
        + f'<p class="desc">{escape(r.case.description)}</p>'
    )
    sections = [
        section(
            "streams",
            "Every stream of value",
            figure("ledger", "Streams to who keeps the value, and whether Russia has paid it.", figs) + streams,
        ),
        section(
            "accounts",
            "Shared accounts, month by month",
            accounts + figure("monthly", "Value accrued each month, by stream, over the whole calendar.", figs),
        ),
        section("checks", "Claims checked against the streams", checks),
        section("conflicts", "Claims that cannot all be right", conflicts),
        section("inputs", "Inputs and who said them", inputs),
        section("claims", f"Claims ({len(unusable_claims(r))} of {len(r.case.claims)} unusable)", claims),
    ]
    nav = [
        ("streams", "Streams"),
        ("accounts", "Accounts"),
        ("checks", "Checks"),
        ("conflicts", "Conflicts"),
        ("inputs", "Inputs"),
        ("claims", "Claims"),
    ]
    return page(str(r.case.title), f"troopledger ledger · {r.case.name}", header, nav, sections, figs)


def _mean(b: Band) -> float:
    return b.mean if math.isfinite(b.mean) else 0.0


def _claim(cid: str, r: LedgerResult) -> str:
    c = r.case.claims.get(cid)
    url = c.source.url if c is not None and c.source is not None else None
    if url and str(url).startswith(("http://", "https://")):
        return f'<a href="{escape(str(url))}" rel="noopener noreferrer">{escape(cid)}</a>'
    return escape(cid)
