"""The terminal report: Rich tables of totals, the soldier's view and the parameters.

All text that comes from sources (speakers, notes) is passed to Rich as plain
``Text`` so that markup in it is shown, never interpreted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from troopledger._untrusted import for_terminal
from troopledger.analysis import HEADLINE_TOTALS, LEAD_TOTALS, Band
from troopledger.report._analyst import currency_lines, month_rows, payment_rows, realisation_rows, window_rows
from troopledger.report._checks import checks_text
from troopledger.report._conflicts import claim_words, conflicts, sets_cut
from troopledger.report._format import LABELS, currency_of, fmt_interval, fmt_number, headline, money_in, speakers
from troopledger.report._history import render_history_text
from troopledger.report._payload import ReportPayload
from troopledger.report._sections import (
    CLAIM_HEAD,
    INFLUENCE_KEYS,
    READING_HEAD,
    UNUSABLE_TITLE,
    claim_rows,
    forecast_line,
    influence_rows,
    mc_error_line,
    reading_rows,
    soldier_rows,
    total_rows,
    unusable_rows,
    zero_rows,
)
from troopledger.report._summary import SUMMARY_TITLE, summary

__all__ = ["render_text"]


#: Below this console width the month table puts each interval under its median.
WIDE = 120


def _table(title: str, head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Table:
    t = Table(title=title, title_justify="left")
    for i, h in enumerate(head):
        t.add_column(h, justify="left" if i == 0 else "right", overflow="fold")
    for r in rows:
        t.add_row(*(Text(for_terminal(c)) for c in r))
    return t


def _money_table(p: ReportPayload) -> Group:
    title = f"Where the money goes (totals over the horizon, {currency_of(p)})"
    table = _table(title, ("Account", "Median", "90 % interval", "Mean"), total_rows(p))
    zero = zero_rows(p)
    note = [Text(for_terminal(f"Left out, zero in every draw: {', '.join(zero)}."), style="dim")] if zero else []
    return Group(table, *note)


def _summary(p: ReportPayload) -> Panel:
    """The plain-language summary an editor can paste."""
    return Panel(Text(for_terminal(" ".join(summary(p)))), title=SUMMARY_TITLE, title_align="left")


def _soldier_table(p: ReportPayload) -> Table:
    return _table("The soldier's view", ("Measure", "Median", "90 % interval"), soldier_rows(p))


def _no_ellipsis(part: Any) -> Any:
    """Tables wrap and, for a word longer than its column, fold it: a figure is never cut to "…"."""
    if isinstance(part, Table):
        for col in part.columns:
            col.overflow = "fold"
    elif isinstance(part, Group):
        for inner in part.renderables:
            _no_ellipsis(inner)
    elif isinstance(part, Panel):
        _no_ellipsis(part.renderable)
    return part


def _analyst(p: ReportPayload, width: int = 200) -> list[Any]:
    """Currency, payments by kind, owed against received, windows and the month-by-month table."""
    parts: list[Any] = [Text(line, style="dim") for line in currency_lines(p)]
    pay = payment_rows(p)
    if pay:
        parts.append(_table("Payments by kind", ("Payment", "Median", "90 % interval"), pay))
    owed = realisation_rows(p)
    if owed:
        parts.append(_table("Owed and received", ("What", "Median", "90 % interval"), owed))
    head, rows = window_rows(p)
    if rows:
        parts.append(_table("Totals by window", head, rows))
    head, rows = month_rows(p, stacked=width < WIDE)
    if rows:
        parts.append(_table("Month by month (median and 90 % interval)", head, rows))
    return parts


def _parameter_table(p: ReportPayload) -> Table:
    t = Table(title="Inputs and who said them", title_justify="left", show_lines=False)
    t.add_column("Parameter")
    t.add_column("Median", justify="right")
    t.add_column("90 % interval", justify="right")
    t.add_column("Sources")
    claims = p.claims
    for name, e in p.parameters.items():
        who = Text(for_terminal(speakers(e.claims, claims)), style="dim" if not e.claims else "")
        if e.band is None:
            t.add_row(Text(name), "", Text(for_terminal(e.distribution)), who)
            continue
        t.add_row(Text(name), fmt_number(e.band.p50, e.unit), fmt_interval(e.band, e.unit), who)
    return t


def _disagreements(p: ReportPayload) -> Panel | None:
    """Parameters whose sources disagree, with the weighted readings kept side by side."""
    body = Text()
    for name, e in p.parameters.items():
        dist = e.distribution
        if dist.startswith("mixture of "):
            body.append(f"{name}: ", style="bold")
            body.append(for_terminal(dist.removeprefix("mixture of ")) + "\n")
    if not body:
        return None
    return Panel(body, title="Where sources disagree (kept as weighted mixtures)", title_align="left")


def _contradictions(p: ReportPayload) -> Panel | None:
    items = p.contradictions
    if not items:
        return None
    claims = p.claims
    body = Text()
    for g in conflicts(p):
        prob = g.doubt
        body.append(f"• {for_terminal(claim_words(g.suspect, claims))} ({for_terminal(g.suspect)})", style="bold")
        body.append(
            for_terminal(
                f"{prob}: cannot hold with {', '.join(g.against)} ({g.sets} set{'s' if g.sets != 1 else ''})."
                f"{g.assumption_note} "
                f"Strongest set: {g.explanation}"
            )
            + "\n"
        )
    every = "; ".join(", ".join(c.claims) for c in items)
    body.append(for_terminal(f"Every set: {every}.{sets_cut(p)}"), style="dim")
    return Panel(body, title="Claims that cannot all be true", border_style="red")


def _unusable(p: ReportPayload) -> Panel | None:
    rows = unusable_rows(p)
    if not rows:
        return None
    body = Text()
    for cid, quantity, why in rows:
        body.append(f"• {for_terminal(cid)} ({for_terminal(quantity)}): ", style="bold")
        body.append(for_terminal(why) + "\n")
    return Panel(body, title=UNUSABLE_TITLE, title_align="left", border_style="yellow")


def _claims_judged(p: ReportPayload) -> Table | None:
    """Every usable claim with its prior chance of being right and the posterior chance it is wrong."""
    rows = claim_rows(p)
    if not rows:
        return None
    t = Table(title="Claims and how likely each is wrong, given everything else", title_justify="left")
    for col in CLAIM_HEAD:
        t.add_column(col, justify="right" if col.startswith(("Right", "Wrong")) else "left")
    for row in rows:
        t.add_row(*(Text(for_terminal(x)) for x in row))
    return t


def _sensitivity(p: ReportPayload) -> Table | None:
    """The inputs that move the headline totals most (Spearman rank correlation), strongest first."""
    sens = p.sensitivity
    if not sens or not sens["order"]:
        return None
    which = "posterior" if p.calibrated else "prior"
    t = Table(title=f"Which inputs move the totals most (rank correlation over {which} draws)", title_justify="left")
    targets = [x for x in LEAD_TOTALS if x in sens["targets"]]
    t.add_column("Input")
    for x in targets:
        t.add_column(LABELS.get(x, x), justify="right")
    for name in sens["order"][:8]:
        t.add_row(Text(for_terminal(name)), *(f"{sens['parameters'][name].get(x, 0.0):+.2f}" for x in targets))
    return t


def _influence(p: ReportPayload) -> Table | None:
    """How far each headline median moves when one lineage of claims is left out (with --influence)."""
    rows = influence_rows(p)
    if not rows:
        return None
    t = Table(title="Claim influence: change of each median without the lineage", title_justify="left")
    t.add_column("Lineage dropped")
    t.add_column("Role")
    for k in INFLUENCE_KEYS:
        t.add_column(LABELS.get(k, k), justify="right")
    for lineage, _ids, role, change in rows[:10]:
        t.add_row(Text(for_terminal(lineage)), Text(role), *change)
    return t


def _readings(p: ReportPayload) -> Table | None:
    """Where the evidence splits: the coherent readings of the claims, each with its weight."""
    rows = reading_rows(p)
    if not rows:
        return None
    t = Table(title="Where the evidence splits: coherent readings and their weights", title_justify="left")
    for col in READING_HEAD:
        t.add_column(col)
    for row in rows:
        t.add_row(*(Text(for_terminal(x)) for x in row))
    return t


def _calibration(p: ReportPayload) -> Group | None:
    """Prior and posterior side by side, and how the posterior was computed."""
    cal, prior = p.calibration, p.prior
    if cal is None or not p.calibrated or prior is None:
        return None
    t = Table(title="Before and after weighing the claims about totals (90 % intervals)", title_justify="left")
    t.add_column("Quantity")
    t.add_column("Prior", justify="right")
    t.add_column("Posterior", justify="right")
    rows = [(LABELS.get(k, k), prior.totals[k], p.totals[k], "USD") for k in HEADLINE_TOTALS]
    key = "take_home_per_soldier_tour"
    rows.append(("Take-home per soldier for one tour", prior.derived[key], p.derived[key], "USD"))
    for name, e in p.parameters.items():
        if e.prior is not None and e.band is not None and not e.assumption:
            rows.append((name, e.prior, e.band, e.unit))
    for label, a, b, unit in rows:
        t.add_row(Text(label), f"{fmt_number(a.p50, unit)} ({fmt_interval(a, unit)})", _post(b, unit))
    khat, sampler = cal.pareto_khat, cal.sampler
    words = (
        f"Posterior by {cal.method}"
        + (
            f" (proposal fitted by a {sampler.pilot_particles:,}-particle tempering pilot in "
            f"{sampler.pilot_stages} stages)"
            if sampler is not None and sampler.pilot_particles
            else ""
        )
        + (
            f"; importance weights: Pareto k-hat {khat:.2f}, effective draws {cal.importance_ess or 0.0:,.0f}"
            if khat is not None
            else ""
        )
        + f". Claims weighed: {', '.join(cal.observations)}."
    )
    return Group(t, Text(words, style="dim"))


def _post(s: Band, unit: str) -> str:
    return f"{fmt_number(s.p50, unit)} ({fmt_interval(s, unit)})"


def render_text(p: ReportPayload, console: Console | None = None) -> None:
    """Print the report to ``console`` (stdout by default)."""
    with money_in(currency_of(p)):
        _render(p, console or Console())


def _render(p: ReportPayload, console: Console) -> None:
    parts: list[Any] = [
        Text(for_terminal(p.title or p.case), style="bold"),
        _summary(p),
        Text(headline(p)),
        *([Text(line, style="dim")] if (line := mc_error_line(p)) else []),
        _money_table(p),
        *_analyst(p, console.width),
        _soldier_table(p),
    ]
    if p.rewards:
        body = Text()
        for r in p.rewards:
            body.append(f"• {for_terminal(r.text)} ")
            body.append(f"({for_terminal(speakers(r.claims, p.claims))})\n", style="dim")
        parts.append(Panel(body, title="Non-money rewards reported", title_align="left"))
    parts.append(_parameter_table(p))
    mixed = _disagreements(p)
    if mixed is not None:
        parts.append(mixed)
    calibration = _calibration(p)
    if calibration is not None:
        parts.append(calibration)
    if (checked := checks_text(p)) is not None:
        parts.append(checked)
    for extra in (_sensitivity(p), _influence(p), _readings(p), _contradictions(p), _unusable(p), _claims_judged(p)):
        if extra is not None:
            parts.append(extra)
    foot = (
        f"{p.draws:,} draws, seed {p.seed}. Intervals are 90 % (5th-95th percentile); a source's "
        f"'a to b' is read as a 90 % interval (lognormal for amounts, beta for shares). "
        f"Money conserved to within ${p.conservation_max_abs_error_usd:.2g} (US dollars) in every draw and month."
    )
    if p.as_of:
        foot += f" Only claims reported by {p.as_of} are used."
    if line := forecast_line(p):
        foot += f" {line}"
    parts.append(Text(foot, style="dim"))
    console.print(Group(*(_no_ellipsis(x) for x in parts)))
    if p.history:
        render_history_text(p.history, console, {cid: c.claim.speaker for cid, c in p.claims.items()})
