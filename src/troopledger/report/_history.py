"""The estimate's history as rows, charts, text, Markdown and HTML (a section, or a page of its own).

Every function reads the typed :class:`troopledger.analysis.History` (a fresh one, a
report's ``payload.history``, or a saved one read back by ``History.from_json``) and
returns cells as plain strings: each format escapes them its own way. Claim speakers
and outlets come from articles, so they only ever reach a renderer as data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from troopledger._untrusted import escape_html as escape
from troopledger._untrusted import for_terminal
from troopledger.analysis import Band, CoverageShare, HindcastScore, History, Step
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


def _num(x: float | None, unit: str) -> str:
    if unit == "USD":
        return fmt_usd(x)
    if unit == "fraction":
        return f"{x:.0%}" if x is not None and math.isfinite(x) else "n/a"
    return fmt_number(x, "")


def _cell(p5: float, p50: float, p95: float, unit: str) -> str:
    return f"{_num(p50, unit)} ({_num(p5, unit)} to {_num(p95, unit)})"


def _band_cell(b: Band, unit: str) -> str:
    return _cell(b.p5, b.p50, b.p95, unit)


def _finite_or_none(x: float | None) -> float | None:
    """None for a number JSON cannot hold (the history's JSON writes null; its renderings read it so)."""
    return x if x is not None and math.isfinite(x) else None


def _signed_usd(x: float) -> str:
    if not math.isfinite(x) or not x:  # a median JSON could not hold (null) reads as no change, as it always did
        return "no change"
    return ("+" if x > 0 else "") + fmt_usd(x)


def step_rows(h: History, who: Mapping[str, str] | None = None) -> list[tuple[list[str], list[str]]]:
    """One row per as-of day: the headline cells, and one line per document of claims that arrived.

    ``who`` names the speaker of each claim id (default: the history's own claims).
    """
    claims = who if who is not None else h.speakers()
    return [_step_row(i, s, claims) for i, s in enumerate(h.steps)]


def _step_row(i: int, s: Step, claims: Mapping[str, str]) -> tuple[list[str], list[str]]:
    cells = [s.day, *(_band_cell(s.headline[k], unit) for k, (_, unit) in _HEAD.items())]
    lines = []
    if i == 0:
        used = [a.id for a in s.arrived if a.used]
        lines.append(f"{len(used)} claim(s) known by then: {', '.join(used)}" if used else "no claims known yet")
    for m in s.moves:
        said = ", ".join(dict.fromkeys(claims.get(c, "") for c in m.claims))
        where = f"{m.outlet}, {m.date}" if m.outlet else m.date
        lines.append(f"{', '.join(m.claims)}: {said} ({where}): {_signed_usd(m.change['paid_by_russia'])}")
    unused = [a.id for a in s.arrived if not a.used] if i else []
    if unused:
        lines.append(f"not used by the model: {', '.join(unused)}")
    if i and not s.arrived:
        lines.append("nothing new")
    return cells, lines


def _figure(s: HindcastScore) -> str:
    unit = "USD" if s.unit.startswith("USD") else s.unit
    if s.side == "at_least":
        return f"at least {_num(s.figure, unit)}"
    if s.side == "up_to":
        return f"up to {_num(s.figure, unit)}"
    if s.low is not None and s.high is not None:
        return f"{_num(s.low, unit)} to {_num(s.high, unit)}"
    return _num(s.figure, unit)


def _freshest(h: History) -> list[HindcastScore]:
    latest: dict[str, HindcastScore] = {}
    for s in h.scores:
        if s.claim not in latest or s.as_of > latest[s.claim].as_of:
            latest[s.claim] = s
    return sorted(latest.values(), key=lambda s: (s.reported, s.claim))


def hindcast_rows(h: History, *, every: bool = False) -> list[tuple[str, ...]]:
    """ "Predicted then / reported later / inside?" rows: each claim's freshest prediction (``every``: all)."""
    scores = h.scores if every else _freshest(h)
    rows: list[tuple[str, ...]] = []
    for s in scores:
        unit = "USD" if s.unit.startswith("USD") else s.unit
        score = f"CRPS {s.crps:.2f}" if s.crps is not None else f"P(side) {math.exp(s.log_score or 0.0):.0%}"
        rows.append(
            (
                s.claim,
                s.what,
                s.as_of,
                _cell(s.p5, s.p50, s.p95, unit),
                f"{_figure(s)} ({s.reported})",
                "yes" if s.inside else "no",
                score,
            )
        )
    return rows


def coverage_sentence(h: History) -> str:
    """The overall coverage in words, whatever it shows."""
    cov = h.coverage
    a, f, b, fresh = cov.all, cov.figures, cov.bounds, cov.latest
    if not a.n:
        return "No claim reported after an as-of day could be held against that day's prediction."
    mean_crps = _finite_or_none(f.mean_crps)
    crps = f" Mean CRPS of the figures, on the log scale: {mean_crps:.2f}." if mean_crps is not None else ""
    return (
        f"Of {a.n} predictions of {fresh.n} claims reported later, {a.inside} ({a.coverage or 0.0:.0%}) fell "
        f"inside the 90 % interval made at the time; honest 90 % intervals would hold about 90 %. Stated figures: "
        f"{f.inside} of {f.n}; one-sided claims (at least, up to): {b.inside} of {b.n}. Counting each "
        f"claim once, at its freshest prediction: {fresh.inside} of {fresh.n} "
        f"({fresh.coverage or 0.0:.0%}).{_predictive(a, fresh)}{crps}{_sharpness(h)} Predictions of one claim on "
        "successive days are not independent."
    )


def _predictive(a: CoverageShare, fresh: CoverageShare) -> str:
    if not a.predictive_n:
        return ""
    return (
        f" Against each claim's predictive band (the prediction plus the claim's own error): "
        f"{_share(a.predictive_inside, a.predictive_n)}, once each "
        f"{_share(fresh.predictive_inside, fresh.predictive_n)}."
    )


def _sharpness(h: History) -> str:
    r, once = _finite_or_none(h.coverage.sharpness.median_p95_over_p5), h.coverage.sharpness.latest_median_p95_over_p5
    once = _finite_or_none(once)
    if r is None:
        return ""
    tail = f" ({once:.2f} counting each claim once)" if once is not None else ""
    return f" Sharpness: the median ratio p95/p5 of the intervals is {r:.2f}{tail}."


def _share(inside: int, n: int) -> str:
    return f"{inside} of {n} ({inside / n:.0%})" if n else "none"


def family_rows(h: History) -> list[tuple[str, str, str, str]]:
    """Coverage by family of claims (soldiers, casualties, pay, death payments, shares, ...): all, and once each."""
    return [
        (fam, ", ".join(c.claims), _share(c.all.inside, c.all.n), _share(c.latest.inside, c.latest.n))
        for fam, c in h.coverage.by_family.items()
    ]


def unscored_rows(h: History) -> list[tuple[str, str, str]]:
    """The case's claims no as-of day could hold against a prediction, each with why."""
    return [(u.id, u.quantity, u.reason) for u in h.unscored]


def history_charts(h: History) -> dict[str, Figure]:
    """Fans over as-of days: the totals paid and kept, and soldiers sent and killed (median, 90 % band)."""
    months = [s.month for s in h.steps]

    def band(key: str) -> dict[str, list[float | None]]:
        return {q: [_finite_or_none(getattr(s.headline[key], q)) for s in h.steps] for q in ("p5", "p50", "p95")}

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


def render_history_text(h: History, console: Console, claims: Mapping[str, str] | None = None) -> None:
    """Print the history and the hindcast as Rich tables (source text as plain ``Text``)."""
    steps = Table(
        title=f"What we knew when: {h.case}, as of the end of each {h.every} ({h.draws:,} draws, seed "
        f"{h.seed}; median and 90 % interval of each total over the horizon)",
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
    h: History, md_text: Callable[[object], str], claims: Mapping[str, str] | None = None
) -> list[str]:
    """The history and the hindcast as Markdown lines; ``md_text`` makes source text inert."""
    out = [
        "## What we knew when",
        "",
        f"The estimate as of the end of each {h.every} from {h.first} to {h.last}, using only the claims "
        f"reported by then ({h.draws:,} draws, seed {h.seed}); median and 90 % interval of each total.",
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


def history_section(h: History, claims: Mapping[str, str] | None, figs: Mapping[str, Figure]) -> str:
    """The estimate over as-of days, what moved it, and its predictions against what came later."""
    steps = []
    for cells, lines in step_rows(h, claims):
        items = "".join(f"<li>{escape(x)}</li>" for x in lines)
        steps.append((*(escape(c) for c in cells), f'<ul class="moves">{items}</ul>'))
    intro = f"As of the end of each {h.every} from {h.first} to {h.last}; {h.draws:,} draws, seed {h.seed}."
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


def render_history_html(h: History) -> str:
    """The history of one case as its own self-contained page (the report page's history section)."""
    figs = history_charts(h)
    title = h.title or h.case or "troopledger history"
    header = f'<p class="who">Every interval is a 90 % interval. {escape(coverage_sentence(h))}</p>'
    sections = [section("history", "What we knew when", history_section(h, None, figs))]
    return page(title, f"troopledger history · {h.case}", header, [("history", "History")], sections, figs)
