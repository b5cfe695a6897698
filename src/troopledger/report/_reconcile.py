"""``troopledger reconcile``: what it would take to reach a published figure, as JSON, text and Markdown.

:func:`reconcile_payload` writes an :class:`~troopledger.analysis.Reconciliation` as
JSON-ready data (what the JSON format prints); the text and Markdown renderings read
the typed object itself. Claim text and speakers come from files, so every format escapes them.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from troopledger._untrusted import for_terminal
from troopledger.analysis import Lever, Reconciliation
from troopledger.report._format import fmt_number
from troopledger.report._markdown import md_text

__all__ = ["reconcile_lines", "reconcile_payload", "render_reconcile_markdown", "render_reconcile_text"]

#: Inputs and claims shown in the text and Markdown tables (JSON has every one).
SHOWN = 10
#: Levers that cannot reach the figure shown after those that can, nearest first.
SHOWN_SHORT = 5
#: The question each table answers, said in every format.
QUESTIONS = {
    "levers": "Single levers: which one input, moved alone (every other input at its posterior draws), brings the "
    "figure's posterior median to the target, and how far into its posterior that is (ranked by the posterior "
    "probability beyond the needed value).",
    "inputs": "Joint move: the posterior told the figure is right, the smallest reweighting of all the draws together "
    "that reaches it; where each input's median lands (ranked by its posterior quantile there).",
    "claims": "Claims under the joint move: each claim's modelled value and its probability of being wrong, before "
    "and after.",
}


def _clean(x: Any) -> Any:
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_clean(v) for v in x]
    return x


def _band(t: tuple[float, float, float] | list[float]) -> dict[str, float]:
    return {"p5": t[0], "p50": t[1], "p95": t[2]}


def reconcile_payload(r: Reconciliation) -> dict[str, Any]:
    """The reconciliation as plain JSON-ready data (bands as ``{p5, p50, p95}``; no NaN)."""
    levers = []
    for lever in r.levers:
        d = asdict(lever)
        d["posterior"] = _band(lever.posterior)
        levers.append(d)
    table, names = r.headline
    rows: list[list[dict[str, Any]]] = []
    for group in (r.inputs, r.claims):
        one = []
        for s in group:
            d = asdict(s)
            d["posterior"], d["tilted"] = _band(s.posterior), _band(s.tilted)
            one.append(d)
        rows.append(one)
    out: dict[str, Any] = _clean(
        {
            "case": r.case,
            "target": {"output": r.target.output, "month": r.target.month, "value": r.target.value},
            "unit": r.unit,
            "draws": r.draws,
            "seed": r.seed,
            "draws_used": r.draws_used,
            "posterior": _band(r.posterior),
            "prior": _band(r.prior),
            "direction": r.direction,
            "tail_probability": r.tail_probability,
            "prior_tail_probability": r.prior_tail_probability,
            "effective_draws": r.effective_draws,
            "within": r.within,
            "relative_entropy_nats": r.relative_entropy,
            "tilted_effective_draws": r.tilted_effective_draws,
            "reached": r.reached,
            "reliable": r.reliable,
            "questions": {k: v for k, v in QUESTIONS.items() if k != "levers" or r.lever_draws},
            "headline": {"table": table, "inputs": list(names)},
            "lever_draws": r.lever_draws,
            "levers": levers,
            "inputs": rows[0],
            "claims": rows[1],
            "forecast_months": list(r.forecast_months),
        }
    )
    return out


def _num(x: float | None, unit: str) -> str:
    return fmt_number(x, unit)


def _range(b: tuple[float, float, float], unit: str) -> str:
    return f"{_num(b[1], unit)} ({_num(b[0], unit)} to {_num(b[2], unit)})"


def reconcile_lines(r: Reconciliation) -> list[str]:
    """The answer in sentences: how plausible the figure is and which inputs move most."""
    t = r.target
    unit = r.unit
    used = "posterior (importance-weighted by the claims)" if r.draws_used == "posterior" else "prior"
    head = [
        f"Target: {t.output} in {t.month} = {_num(t.value, unit)}.",
        f"The model's {used} draws put it at {_range(r.posterior, unit)}; the prior at {_range(r.prior, unit)}.",
        f"A figure at least this far {r.direction} the median has posterior predictive probability "
        f"{r.tail_probability:.2%} (prior {r.prior_tail_probability:.2%}).",
    ]
    months = r.forecast_months
    if months:
        which = "a forecast month" if t.month in months else "a month of the record"
        head.append(
            f"Months {months[0]} to {months[-1]} are a status-quo forecast past the case's last month "
            f"(--until; hazards drift as the case's [forecast] declares); the target's month is {which}."
        )
    head += _lever_lines(r)
    head.append(
        f"Told the figure is right within ±{r.within:.0%} (90 %), the draws are reweighted "
        f"(relative entropy {r.relative_entropy:.2f} nats, {r.tilted_effective_draws:,.0f} effective draws"
        f" of {r.effective_draws:,.0f})."
    )
    if not r.reliable:
        head.append(
            "Too few draws reach the figure for the joint move's shifts to be trusted: the model, weighed by its "
            "claims, barely reaches it (more --draws, or a model that can)."
        )
    top = [s for s in r.inputs if not s.derived][:3]
    if top:
        names = ", ".join(f"{s.name} (to its posterior {s.quantile:.0%} point, {s.shift_sd:+.2f} sd)" for s in top)
        head.append(
            "Jointly (the figure read as a claim and the posterior told it is right, the smallest move of all inputs "
            f"together) the inputs that move most: {names}."
        )
    return head


def _pct(q: float) -> str:
    """A quantile or probability: one decimal, and the ends said as bounds rather than rounded to 0 or 100 %."""
    if q < 0.0005:
        return "<0.1%"
    if q > 0.9995:
        return ">99.9%"
    return f"{q:.1%}"


def _needed(lever: Lever) -> str:
    return f"{_num(lever.value, lever.unit)}, its posterior {_pct(lever.quantile)} point"


def _lever_lines(r: Reconciliation) -> list[str]:
    """The headline: the single levers likeliest to reach the figure, and the nearest of those that cannot."""
    if not r.lever_draws:
        return []
    t, unit = r.target, r.unit
    reach = [lever for lever in r.levers if lever.reached]
    short = [lever for lever in r.levers if not lever.reached]
    out = []
    if reach:
        names = "; ".join(
            f"{lever.name} (to {_needed(lever)}: {_pct(lever.tail)} of the posterior lies beyond)"
            for lever in reach[:3]
        )
        out.append(
            f"Alone (one input moved, the others at their posterior draws), the inputs likeliest to bring the median "
            f"to {_num(t.value, unit)}: {names}."
        )
        if len(reach) > 3 and _tied(reach[2], reach[3]):
            out.append(
                f"The third and fourth ({reach[2].name}, {reach[3].name}) are within Monte Carlo error of each other."
            )
    else:
        out.append(f"No input alone brings the median to {_num(t.value, unit)} within its range.")
    if short:
        near = short[0]
        idle = sum(1 for lever in short if abs(math.log(lever.best / r.posterior[1])) < 1e-9)
        out.append(
            f"{len(short)} cannot reach it alone within their range ({idle} do not move it at all); the nearest, "
            f"{near.name}, at "
            f"{_num(near.edge, near.unit)} puts the median at {_num(near.best, unit)}, with "
            f"{_pct(near.edge_tail)} probability of a figure at least as far as the target."
        )
    return out


def _tied(a: Lever, b: Lever) -> bool:
    err = math.hypot(a.mc_error, b.mc_error)
    return math.isfinite(err) and abs(a.quantile - b.quantile) <= 2 * err


def _lever_rows(r: Reconciliation) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    reach = [lever for lever in r.levers if lever.reached][:SHOWN]
    for lever in reach + [lever for lever in r.levers if not lever.reached][:SHOWN_SHORT]:
        if lever.reached:
            rows.append(
                (
                    lever.name,
                    _range(lever.posterior, lever.unit),
                    _num(lever.value, lever.unit),
                    _pct(lever.quantile) + (f" ± {lever.mc_error:.1%}" if math.isfinite(lever.mc_error) else ""),
                    _pct(lever.tail),
                    _pct(lever.prior_quantile),
                    f"{lever.shift_sd:+.2f}",
                )
            )
        else:
            rows.append(
                (
                    lever.name,
                    _range(lever.posterior, lever.unit),
                    f"cannot reach: at {_num(lever.edge, lever.unit)} the median is {_num(lever.best, r.unit)} "
                    f"({_pct(lever.edge_tail)} at least as far)",
                    "",
                    "",
                    "",
                    "",
                )
            )
    return rows


def _input_rows(r: Reconciliation) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for s in [s for s in r.inputs if not s.derived][:SHOWN]:
        rows.append(
            (
                s.name,
                _range(s.posterior, s.unit),
                _range(s.tilted, s.unit),
                f"{s.shift_sd:+.2f}",
                f"{s.quantile:.0%}",
            )
        )
    return rows


def _claim_rows(r: Reconciliation) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for s in r.claims[:SHOWN]:
        rows.append(
            (
                s.name,
                s.said,
                f"{s.what}: {_range(s.posterior, s.unit)} → {_num(s.tilted[1], s.unit)}",
                f"{s.shift_sd:+.2f}",
                f"{s.wrong_before:.0%} → {s.wrong_after:.0%}",
            )
        )
    return rows


_LEVER_HEAD = ("Input", "Posterior", "Needed alone", "Posterior quantile", "Beyond it", "Prior quantile", "Shift (sd)")
_INPUT_HEAD = ("Input", "Posterior", "Told the figure", "Shift (sd)", "Posterior quantile")
_CLAIM_HEAD = ("Claim", "Said", "Modelled: posterior → told the figure", "Shift (own sd)", "P(wrong)")


def render_reconcile_text(r: Reconciliation, console: Console) -> None:
    """Print the reconciliation: sentences, then the inputs and the claims that move most."""
    parts: list[Any] = [Text(for_terminal(line)) for line in reconcile_lines(r)]
    for key, head, rows in _tables(r):
        t = Table(title=Text(QUESTIONS[key] + _drawn(r, key)), title_justify="left")
        for i, h in enumerate(head):
            t.add_column(Text(h), justify="left" if i < 2 else "right")
        for row in rows:
            t.add_row(*(Text(for_terminal(x)) for x in row))
        parts.append(t)
    console.print(Group(*parts))


def render_reconcile_markdown(r: Reconciliation) -> str:
    """The reconciliation as a Markdown document."""
    t = r.target
    out = [f"# What it would take: {md_text(t.output)} in {md_text(t.month)}", ""]
    out += [f"* {md_text(line)}" for line in reconcile_lines(r)] + [""]
    titles = {"levers": "Single levers", "inputs": "Joint move", "claims": "Claims"}
    for key, head, rows in _tables(r):
        out += [f"## {titles[key]}", "", md_text(QUESTIONS[key] + _drawn(r, key)), ""]
        out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(md_text(x) for x in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out)


def _tables(r: Reconciliation) -> list[tuple[str, tuple[str, ...], list[tuple[str, ...]]]]:
    """The tables in the order shown: the single levers (when computed), the joint move, the claims."""
    out = [("levers", _LEVER_HEAD, _lever_rows(r))] if r.lever_draws else []
    return [*out, ("inputs", _INPUT_HEAD, _input_rows(r)), ("claims", _CLAIM_HEAD, _claim_rows(r))]


def _drawn(r: Reconciliation, key: str) -> str:
    if key != "levers":
        return ""
    return (
        f" Searched on {r.lever_draws:,} resampled posterior draws; the ± is the Monte Carlo standard error of the "
        "quantile."
    )
