"""The ledger report as one self-contained HTML page, with a Sankey of every stream.

The Sankey runs from the streams (soldiers, workers, munitions, goods) to who ends
up with the value (the state, people) and, for each stream, whether Russia has paid
it; link widths are means, which add up. Untrusted text is escaped; chart text is the
project's own wording or passes through :func:`~troopledger.report._charts.plain`.
"""

from __future__ import annotations

from typing import Any

from troopledger._untrusted import escape_html as escape
from troopledger.report._charts import plain
from troopledger.report._html_parts import figure, table
from troopledger.report._ledger import calibration_lines, fmt_money
from troopledger.report._page import page, section

__all__ = ["ledger_monthly", "ledger_sankey", "render_ledger_html"]

_COLOURS = {"soldiers": "#762a83", "workers": "#2166ac", "munitions": "#b2182b", "goods": "#1b7837"}


def ledger_sankey(p: dict[str, Any]) -> dict[str, Any]:
    """Streams → North Korea's value → kept by the state or reaching people; paid or owed."""
    streams = list(p["streams"])
    nodes = [plain(p["streams"][s]["label"]) for s in streams]
    nodes += ["Kept by the state", "Reaching people", "Paid or delivered", "Owed (credit)"]
    k_state, k_people = len(streams), len(streams) + 1
    src, dst, val, col = [], [], [], []
    for i, s in enumerate(streams):
        t = p["streams"][s]["totals"]
        c = _COLOURS.get(s, "#878787")
        for target, account in ((k_state, "kept_by_state"), (k_people, "reaching_people")):
            src.append(i)
            dst.append(target)
            val.append(max(float(t[account]["mean"]), 0.0))
            col.append(c + "66")
    t = p["totals"]
    for source, account in ((k_state, "kept_by_state"), (k_people, "reaching_people")):
        share = t[account]["mean"] / t["value_to_north_korea"]["mean"] if t["value_to_north_korea"]["mean"] > 0 else 0.0
        for target, part in ((len(streams) + 2, "paid_by_russia"), (len(streams) + 3, "owed_unpaid")):
            src.append(source)
            dst.append(target)
            val.append(max(float(t[part]["mean"]) * share, 0.0))
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
            "meta": {
                "title": f"Every stream of value, {p['window']['from']} to {p['window']['until']} "
                f"(means, {p['currency']})"
            },
        },
    }


def ledger_monthly(p: dict[str, Any]) -> dict[str, Any]:
    """Each stream's value accrued by month (means over the draws), stacked."""
    data = []
    for name, s in p["streams"].items():
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "stackgroup": "value",
                "name": plain(s["label"]),
                "x": s["months"],
                "y": s["monthly_value_mean"],
                "line": {"color": _COLOURS.get(name, "#878787"), "width": 1},
            }
        )
    return {
        "data": data,
        "layout": {
            "height": 360,
            "margin": {"l": 60, "r": 8, "t": 16, "b": 40},
            "yaxis": {"title": {"text": f"{p['currency']} a month"}},
            "meta": {"title": f"Value accrued each month, by stream (means, {p['currency']})"},
        },
    }


def render_ledger_html(p: dict[str, Any]) -> str:
    """The ledger report as one HTML document that needs no network."""
    cur = p["currency"]
    figs = {"ledger": ledger_sankey(p), "monthly": ledger_monthly(p)}
    v = p["totals"]["value_to_north_korea"]

    def money(b: dict[str, float]) -> str:
        return escape(f"{fmt_money(b['p50'], cur)} ({fmt_money(b['p5'], cur)} to {fmt_money(b['p95'], cur)})")

    streams = table(
        ("Stream", "Value (median, 90 %)", "Share", "Paid", "State keeps", "In kind", "Confirmed"),
        [
            (
                escape(s["label"]),
                money(s["totals"]["value_to_north_korea"]),
                escape(f"{100 * s['share_of_value']['mean']:.1f} %"),
                money(s["totals"]["paid_by_russia"]),
                money(s["totals"]["kept_by_state"]),
                money(s["totals"]["in_kind"]),
                money(s["totals"]["confirmed_received"]),
            )
            for s in p["streams"].values()
        ],
    )
    accounts = table(("Account", "Median (90 %)"), [(escape(t["label"]), money(t)) for t in p["totals"].values()])
    checks = table(
        ("Claim", "Figure", "Against", "Streams (median, 90 %)", "Verdict"),
        [
            (
                _claim(c["claim"], p),
                escape(c["figure"]),
                escape(c["against"]),
                escape(f"{c['streams']['p50']:,.4g} ({c['streams']['p5']:,.4g}-{c['streams']['p95']:,.4g})"),
                escape(c["verdict"]),
            )
            for c in p["checks"]
        ],
    )
    conflicts = "".join(
        f"<h3>{escape(c['name'])}</h3><p>{escape(c['note'])}</p>"
        + table(
            ("Claim", "Speaker", "Figure", "x smallest", "Weight from the draws"),
            [
                (
                    _claim(str(m["claim"]), p),
                    escape(str(m["speaker"])),
                    escape(str(m["figure"])),
                    escape(f"{m['ratio_to_smallest']:.2f}"),
                    escape(
                        f"{m['weight']:.2f}" if m["weight"] is not None else "feeds an input" if m["as_input"] else "-"
                    ),
                )
                for m in c["members"]
            ],
        )
        for c in p["conflicts"]
    )
    inputs = table(
        ("Input", "Median (90 %)", "Unit", "Claims or assumption"),
        [
            (
                escape(i["input"]),
                escape(f"{i['p50']:,.4g} ({i['p5']:,.4g}-{i['p95']:,.4g})"),
                escape(i["unit"]),
                ", ".join(_claim(c, p) for c in i["claims"]) or "assumption (stream default)",
            )
            for i in p["inputs"]
        ],
    )
    claims = table(
        ("Claim", "Figure", "Speaker", "Via", "Use"),
        [
            (
                _claim(cid, p),
                escape(
                    f"{c['value'] if c['value'] is not None else ''} {c['low'] or ''}-{c['high'] or ''} {c['unit']}"
                ),
                escape(c["speaker"]),
                escape("; ".join(c["via"])),
                escape(c["use"]),
            )
            for cid, c in p["claims"].items()
        ],
    )
    header = (
        f'<p class="headline">{escape("Value to North Korea")}: {money(v)}, '
        f"{escape(p['window']['from'])} to {escape(p['window']['until'])}.</p>"
        f'<p class="who">Every interval is a 90 % interval. {p["draws"]:,} draws, seed {escape(str(p["seed"]))}.</p>'
        + "".join(f'<p class="who">{escape(line)}</p>' for line in calibration_lines(p))
        + f'<p class="desc">{escape(p["description"])}</p>'
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
        section("claims", f"Claims ({len(p['unusable'])} of {p['claims_total']} unusable)", claims),
    ]
    nav = [
        ("streams", "Streams"),
        ("accounts", "Accounts"),
        ("checks", "Checks"),
        ("conflicts", "Conflicts"),
        ("inputs", "Inputs"),
        ("claims", "Claims"),
    ]
    return page(str(p["title"]), f"troopledger ledger · {p['case']}", header, nav, sections, figs)


def _claim(cid: str, p: dict[str, Any]) -> str:
    c = p["claims"].get(cid)
    url = c.get("url") if c else None
    if url and str(url).startswith(("http://", "https://")):
        return f'<a href="{escape(str(url))}" rel="noopener noreferrer">{escape(cid)}</a>'
    return escape(cid)
