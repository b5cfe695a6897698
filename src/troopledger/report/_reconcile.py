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
from troopledger.analysis import Reconciliation
from troopledger.report._format import fmt_number
from troopledger.report._markdown import md_text

__all__ = ["reconcile_lines", "reconcile_payload", "render_reconcile_markdown", "render_reconcile_text"]

#: Inputs and claims shown in the text and Markdown tables (JSON has every one).
SHOWN = 10


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
        f"Told the figure is right within ±{r.within:.0%} (90 %), the draws are reweighted "
        f"(relative entropy {r.relative_entropy:.2f} nats, {r.tilted_effective_draws:,.0f} effective draws"
        f" of {r.effective_draws:,.0f}).",
    ]
    months = r.forecast_months
    if months:
        which = "a forecast month" if t.month in months else "a month of the record"
        head.append(
            f"Months {months[0]} to {months[-1]} are a status-quo forecast past the case's last month "
            f"(--until; hazards drift as the case's [forecast] declares); the target's month is {which}."
        )
    if not r.reliable:
        head.append(
            "Too few draws reach the figure for the shifts below to be trusted: the model, weighed by its claims, "
            "barely reaches it (more --draws, or a model that can)."
        )
    top = [s for s in r.inputs if not s.derived][:3]
    if top:
        names = ", ".join(f"{s.name} (to its posterior {s.quantile:.0%} point)" for s in top)
        head.append(f"The inputs that move most: {names}.")
    return head


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


_INPUT_HEAD = ("Input", "Posterior", "Told the figure", "Shift (sd)", "Posterior quantile")
_CLAIM_HEAD = ("Claim", "Said", "Modelled: posterior → told the figure", "Shift (own sd)", "P(wrong)")


def render_reconcile_text(r: Reconciliation, console: Console) -> None:
    """Print the reconciliation: sentences, then the inputs and the claims that move most."""
    parts: list[Any] = [Text(for_terminal(line)) for line in reconcile_lines(r)]
    for head, rows in ((_INPUT_HEAD, _input_rows(r)), (_CLAIM_HEAD, _claim_rows(r))):
        t = Table(title_justify="left")
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
    for title, head, rows in (
        ("Inputs", _INPUT_HEAD, _input_rows(r)),
        ("Claims", _CLAIM_HEAD, _claim_rows(r)),
    ):
        out += [f"## {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(md_text(x) for x in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out)
