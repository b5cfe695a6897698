"""The estimate's history as rows, charts, text, Markdown and HTML (a section, or a page of its own).

Every function reads the plain ``history`` object of
:meth:`troopledger.analysis.History.as_dict` (or a report's ``payload["history"]``)
and returns cells as plain strings: each format escapes them its own way. Claim
speakers and outlets come from articles, so they only ever reach a renderer as data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from troopledger._untrusted import escape_html as escape
from troopledger._untrusted import for_terminal
from troopledger.report._charts import COLOURS, Figure, _band, _layout
from troopledger.report._format import LABELS, fmt_number, fmt_usd
from troopledger.report._html_parts import esc_rows, figure, table
from troopledger.report._page import page, section

__all__ = [
    "FAMILY_HEAD",
    "HINDCAST_HEAD",
    "STEP_HEAD",
    "UNSCORED_HEAD",
    "coverage_sentence",
    "family_rows",
    "hindcast_rows",
    "history_charts",
    "history_markdown",
    "history_section",
    "render_history_html",
    "render_history_text",
    "step_rows",
    "unscored_rows",
]

_HEAD = {
    "paid_by_russia": ("Paid by Russia", "USD"),
    "to_state": ("Kept by the state", "USD"),
    "state_share": ("State's share", "fraction"),
    "soldiers_sent": ("Soldiers sent", "persons"),
    "killed": ("Killed", "persons"),
}
STEP_HEAD = (
    "As of",
    *(label for label, _ in _HEAD.values()),
    "Claims that arrived, and how far each moved the median paid",
)
FAMILY_HEAD = ("What the claims are about", "Claims", "Predictions inside", "Each claim once: inside")
UNSCORED_HEAD = ("Claim", "Quantity", "Why no earlier prediction is scored")
HINDCAST_HEAD = ("Claim", "What", "Predicted on", "Predicted then (median, 90 %)", "Reported later", "Inside?", "Score")


def _num(x: Any, unit: str) -> str:
    if unit == "USD":
        return fmt_usd(x)
    if unit == "fraction":
        return f"{x:.0%}" if isinstance(x, int | float) and math.isfinite(x) else "n/a"
    return fmt_number(x, "")


def _cell(stats: dict[str, Any], unit: str) -> str:
    return f"{_num(stats.get('p50'), unit)} ({_num(stats.get('p5'), unit)} to {_num(stats.get('p95'), unit)})"


def _signed_usd(x: float) -> str:
    return ("+" if x > 0 else "") + fmt_usd(x) if x else "no change"


def speakers_of(h: dict[str, Any]) -> dict[str, str]:
    """Claim id -> speaker, of the claims a history carries."""
    return {str(cid): str((c or {}).get("speaker") or "") for cid, c in (h.get("claims") or {}).items()}


def step_rows(h: dict[str, Any], who: Mapping[str, str] | None = None) -> list[tuple[list[str], list[str]]]:
    """One row per as-of day: the headline cells, and one line per document of claims that arrived.

    ``who`` names the speaker of each claim id (default: the history's own claims).
    """
    claims = who if who is not None else speakers_of(h)
    rows = []
    for i, s in enumerate(h["steps"]):
        cells = [s["as_of"], *(_cell(s["headline"][k], unit) for k, (_, unit) in _HEAD.items())]
        lines = []
        if i == 0:
            used = [a["id"] for a in s["arrived"] if a["used"]]
            lines.append(f"{len(used)} claim(s) known by then: {', '.join(used)}" if used else "no claims known yet")
        for m in s["moves"]:
            said = ", ".join(dict.fromkeys(claims.get(c, "") for c in m["claims"]))
            where = f"{m['outlet']}, {m['date']}" if m["outlet"] else m["date"]
            lines.append(f"{', '.join(m['claims'])}: {said} ({where}): {_signed_usd(m['change']['paid_by_russia'])}")
        unused = [a["id"] for a in s["arrived"] if not a["used"]] if i else []
        if unused:
            lines.append(f"not used by the model: {', '.join(unused)}")
        if i and not s["arrived"]:
            lines.append("nothing new")
        rows.append((cells, lines))
    return rows


def _figure(s: dict[str, Any]) -> str:
    unit = "USD" if s["unit"].startswith("USD") else s["unit"]
    if s["side"] == "at_least":
        return f"at least {_num(s['figure'], unit)}"
    if s["side"] == "up_to":
        return f"up to {_num(s['figure'], unit)}"
    if s.get("low") is not None and s.get("high") is not None:
        return f"{_num(s['low'], unit)} to {_num(s['high'], unit)}"
    return _num(s["figure"], unit)


def _freshest(h: dict[str, Any]) -> list[dict[str, Any]]:
    latest: dict[str, dict[str, Any]] = {}
    for s in h["hindcast"]["scores"]:
        if s["claim"] not in latest or s["as_of"] > latest[s["claim"]]["as_of"]:
            latest[s["claim"]] = s
    return sorted(latest.values(), key=lambda s: (s["reported"], s["claim"]))


def hindcast_rows(h: dict[str, Any], *, every: bool = False) -> list[tuple[str, ...]]:
    """ "Predicted then / reported later / inside?" rows: each claim's freshest prediction (``every``: all)."""
    scores = h["hindcast"]["scores"] if every else _freshest(h)
    rows: list[tuple[str, ...]] = []
    for s in scores:
        unit = "USD" if s["unit"].startswith("USD") else s["unit"]
        stats = {"p5": s["p5"], "p50": s["p50"], "p95": s["p95"]}
        score = f"CRPS {s['crps']:.2f}" if s["crps"] is not None else f"P(side) {math.exp(s['log_score']):.0%}"
        rows.append(
            (
                s["claim"],
                s["what"],
                s["as_of"],
                _cell(stats, unit),
                f"{_figure(s)} ({s['reported']})",
                "yes" if s["inside"] else "no",
                score,
            )
        )
    return rows


def coverage_sentence(h: dict[str, Any]) -> str:
    """The overall coverage in words, whatever it shows."""
    cov = h["hindcast"]["coverage"]
    a, f, b, fresh = cov["all"], cov["figures"], cov["bounds"], cov["latest"]
    if not a["n"]:
        return "No claim reported after an as-of day could be held against that day's prediction."
    crps = f" Mean CRPS of the figures, on the log scale: {f['mean_crps']:.2f}." if f["mean_crps"] is not None else ""
    return (
        f"Of {a['n']} predictions of {fresh['n']} claims reported later, {a['inside']} ({a['coverage']:.0%}) fell "
        f"inside the 90 % interval made at the time; honest 90 % intervals would hold about 90 %. Stated figures: "
        f"{f['inside']} of {f['n']}; one-sided claims (at least, up to): {b['inside']} of {b['n']}. Counting each "
        f"claim once, at its freshest prediction: {fresh['inside']} of {fresh['n']} "
        f"({fresh['coverage']:.0%}).{_predictive(a, fresh)}{crps}{_sharpness(cov)} Predictions of one claim on "
        "successive days are not independent."
    )


def _predictive(a: dict[str, Any], fresh: dict[str, Any]) -> str:
    if not a.get("predictive_n"):
        return ""
    return (
        f" Against each claim's predictive band (the prediction plus the claim's own error): "
        f"{_share(a['predictive_inside'], a['predictive_n'])}, once each "
        f"{_share(fresh['predictive_inside'], fresh['predictive_n'])}."
    )


def _sharpness(cov: dict[str, Any]) -> str:
    sharp = cov.get("sharpness") or {}
    r, once = sharp.get("median_p95_over_p5"), sharp.get("latest_median_p95_over_p5")
    if r is None:
        return ""
    tail = f" ({once:.2f} counting each claim once)" if once is not None else ""
    return f" Sharpness: the median ratio p95/p5 of the intervals is {r:.2f}{tail}."


def _share(inside: int, n: int) -> str:
    return f"{inside} of {n} ({inside / n:.0%})" if n else "none"


def family_rows(h: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Coverage by family of claims (soldiers, casualties, pay, death payments, shares, ...): all, and once each."""
    rows = []
    for fam, c in (h["hindcast"]["coverage"].get("by_family") or {}).items():
        a, once = c["all"], c["latest"]
        rows.append(
            (fam, ", ".join(c.get("claims", [])), _share(a["inside"], a["n"]), _share(once["inside"], once["n"]))
        )
    return rows


def unscored_rows(h: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The case's claims no as-of day could hold against a prediction, each with why."""
    return [(u["id"], u["quantity"], u["reason"]) for u in h["hindcast"].get("unscored") or []]


def history_charts(h: dict[str, Any]) -> dict[str, Figure]:
    """Fans over as-of days: the totals paid and kept, and soldiers sent and killed (median, 90 % band)."""
    months = [s["month"] for s in h["steps"]]

    def band(key: str) -> dict[str, list[Any]]:
        return {q: [s["headline"][key][q] for s in h["steps"]] for q in ("p5", "p50", "p95")}

    money = _band(months, band("paid_by_russia"), LABELS["paid_by_russia"], COLOURS["paid_by_russia"], "$,.3s")
    money += _band(months, band("to_state"), LABELS["to_state"], COLOURS["to_state"], "$,.3s")
    people = _band(months, band("soldiers_sent"), "Soldiers sent by the end", COLOURS["troops"], ",.0f")
    people += _band(months, band("killed"), "Killed by the end", COLOURS["killed"], ",.0f")
    axis = {"type": "category", "title": {"text": "estimate as of the end of"}}
    return {
        "history-money": {
            "data": money,
            "layout": _layout(
                "Totals over the horizon, as estimated on each day (USD, 90 % band)",
                xaxis=axis,
                yaxis={"rangemode": "tozero", "tickformat": "~s", "tickprefix": "$"},
            ),
        },
        "history-people": {
            "data": people,
            "layout": _layout(
                "Soldiers sent and killed by the end of the horizon, as estimated on each day (90 % band)",
                xaxis=axis,
                yaxis={"rangemode": "tozero", "tickformat": ","},
            ),
        },
    }


def render_history_text(h: dict[str, Any], console: Console, claims: Mapping[str, str] | None = None) -> None:
    """Print the history and the hindcast as Rich tables (source text as plain ``Text``)."""
    steps = Table(
        title=f"What we knew when: {h['case']}, as of the end of each {h['every']} ({h['draws']:,} draws, seed "
        f"{h['seed']}; median and 90 % interval of each total over the horizon)",
        title_justify="left",
        show_lines=True,
    )
    for i, col in enumerate(STEP_HEAD):
        steps.add_column(col, justify="right" if 0 < i < len(STEP_HEAD) - 1 else "left", overflow="fold")
    for cells, lines in step_rows(h, claims):
        steps.add_row(*cells, Text(for_terminal("\n".join(lines))))
    console.print(steps)
    table = Table(
        title="Predicted then, reported later: each claim against the last prediction made before it came",
        title_justify="left",
    )
    for col in HINDCAST_HEAD:
        table.add_column(col, overflow="fold")
    for row in hindcast_rows(h):
        table.add_row(*(Text(for_terminal(c)) for c in row))
    console.print(table)
    console.print(Text(for_terminal(coverage_sentence(h))))
    for title, head, rows in (
        ("Coverage by what the claims are about", FAMILY_HEAD, family_rows(h)),
        ("Claims no earlier prediction could be held against, and why", UNSCORED_HEAD, unscored_rows(h)),
    ):
        if rows:
            extra = Table(title=title, title_justify="left")
            for col in head:
                extra.add_column(col, overflow="fold")
            for r in rows:
                extra.add_row(*(Text(for_terminal(c)) for c in r))
            console.print(extra)


def history_markdown(
    h: dict[str, Any], md_text: Callable[[object], str], claims: Mapping[str, str] | None = None
) -> list[str]:
    """The history and the hindcast as Markdown lines; ``md_text`` makes source text inert."""
    out = [
        "## What we knew when",
        "",
        f"The estimate as of the end of each {h['every']} from {h['from']} to {h['to']}, using only the claims "
        f"reported by then ({h['draws']:,} draws, seed {h['seed']}); median and 90 % interval of each total.",
        "",
        "| " + " | ".join(STEP_HEAD) + " |",
        "|" + "|".join("---" for _ in STEP_HEAD) + "|",
    ]
    for cells, lines in step_rows(h, claims):
        out.append("| " + " | ".join([*(md_text(c) for c in cells), "<br>".join(md_text(x) for x in lines)]) + " |")
    out += ["", "### Predicted then, reported later", ""]
    out += ["| " + " | ".join(HINDCAST_HEAD) + " |", "|" + "|".join("---" for _ in HINDCAST_HEAD) + "|"]
    out += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in hindcast_rows(h)]
    out += ["", md_text(coverage_sentence(h)), ""]
    for title, head, rows in (
        ("Coverage by what the claims are about", FAMILY_HEAD, family_rows(h)),
        ("Claims no earlier prediction could be held against", UNSCORED_HEAD, unscored_rows(h)),
    ):
        if rows:
            out += [f"### {title}", "", "| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
            out += ["| " + " | ".join(md_text(c) for c in r) + " |" for r in rows]
            out.append("")
    return out


def history_section(h: dict[str, Any], claims: Mapping[str, str] | None, figs: dict[str, Any]) -> str:
    """The estimate over as-of days, what moved it, and its predictions against what came later."""
    steps = []
    for cells, lines in step_rows(h, claims):
        items = "".join(f"<li>{escape(x)}</li>" for x in lines)
        steps.append((*(escape(c) for c in cells), f'<ul class="moves">{items}</ul>'))
    intro = f"As of the end of each {h['every']} from {h['from']} to {h['to']}; {h['draws']:,} draws, seed {h['seed']}."
    cap = (
        "Each point is the estimate made at the end of that month from the claims reported by then, on the same "
        "seed: a step moves only because claims arrived."
    )
    people = "Soldiers sent and killed by the end of the horizon, as estimated then."
    return (
        f"<p>{escape(intro)}</p>"
        + figure("history-money", cap, figs)
        + figure("history-people", people, figs)
        + table(tuple(escape(c) for c in STEP_HEAD), steps, numeric=(1, 2, 3, 4, 5))
        + "<h3>Predicted then, reported later</h3><p>Each claim about something the model predicts, against the "
        "last prediction made before it was reported.</p>"
        + table(tuple(escape(c) for c in HINDCAST_HEAD), esc_rows(hindcast_rows(h)), numeric=(3,))
        + f'<p class="note" id="coverage">{escape(coverage_sentence(h))}</p>'
        + _titled("Coverage by what the claims are about", FAMILY_HEAD, family_rows(h))
        + _titled("Claims no earlier prediction could be held against, and why", UNSCORED_HEAD, unscored_rows(h))
    )


def _titled(title: str, head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    if not rows:
        return ""
    return f"<h3>{escape(title)}</h3>" + table(tuple(escape(c) for c in head), esc_rows(rows))


def render_history_html(h: dict[str, Any]) -> str:
    """The history of one case as its own self-contained page (the report page's history section)."""
    figs = history_charts(h)
    title = str(h.get("title") or h.get("case") or "troopledger history")
    header = f'<p class="who">Every interval is a 90 % interval. {escape(coverage_sentence(h))}</p>'
    sections = [section("history", "What we knew when", history_section(h, None, figs))]
    return page(title, f"troopledger history · {h.get('case', '')}", header, [("history", "History")], sections, figs)
