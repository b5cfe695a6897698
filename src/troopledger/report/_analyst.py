"""The analyst's rows, as plain text before any escaping: months, windows, payments, owed vs received.

Every format (terminal, Markdown, HTML) renders these same rows; the renderers escape
them for their own syntax. Amounts are formatted in the report's currency (see
:func:`troopledger.report._format.money_in`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from troopledger.analysis import (
    DELIVERY_OUTPUTS,
    HEADLINE_TOTALS,
    MONTH_TABLE,
    OUTPUTS,
    PAYMENTS,
    RECEIVED_TOTALS,
    Band,
)
from troopledger.report._format import LABELS, fmt_interval, fmt_number, fmt_usd

if TYPE_CHECKING:
    from troopledger.report._payload import ReportPayload
    from troopledger.report._payload_desk import GivenData

__all__ = [
    "MONTH_COLUMNS",
    "currency_lines",
    "given_data_basis",
    "given_data_rows",
    "month_rows",
    "payment_rows",
    "realisation_rows",
    "window_rows",
]

#: Columns of the month-by-month table: (key in ``monthly``, heading, unit).
MONTH_COLUMNS = tuple((k, OUTPUTS[k].label, "USD" if OUTPUTS[k].unit.startswith("USD") else "") for k in MONTH_TABLE)
_WINDOW_KEYS = HEADLINE_TOTALS
_DELIVERY = DELIVERY_OUTPUTS
_RECEIVED = RECEIVED_TOTALS


def _cell(band: dict[str, list[Any]], i: int, unit: str, stacked: bool) -> str:
    mid, lo, hi = band["p50"][i], band["p5"][i], band["p95"][i]
    if stacked:  # median on its line, the interval below, breakable at "to": no figure is ever cut
        return f"{fmt_number(mid, unit)}\n{fmt_number(lo, unit)} to {fmt_number(hi, unit)}"
    return f"{fmt_number(mid, unit)} ({fmt_number(lo, unit)}–{fmt_number(hi, unit)})"


def month_rows(p: ReportPayload, *, stacked: bool = False) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Heading and one row per month: median (90 % interval) of each column the payload has.

    ``stacked`` puts each cell's interval on a line below its median (narrow terminals).
    """
    cols = [c for c in MONTH_COLUMNS if c[0] in p.monthly]
    head = ("Month", *(c[1] for c in cols))
    rows = [(m, *(_cell(p.monthly[k], i, unit, stacked) for k, _, unit in cols)) for i, m in enumerate(p.months)]
    return head, rows


def window_rows(p: ReportPayload) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Heading and one row per window and account: median, 90 % interval, and per-year rate if not a year long."""
    head: tuple[str, ...] = ("Window", "Account", "Median", "90 % interval", "Per year (median)")
    rows: list[tuple[str, ...]] = []
    for w in p.windows or ():
        for k in _WINDOW_KEYS:
            s = w.totals.get(k)
            if s is None:
                continue
            per_year = (w.per_year or {}).get(k)
            rows.append(
                (
                    w.window,
                    LABELS.get(k, k),
                    fmt_usd(s.p50),
                    fmt_interval(s),
                    fmt_usd(per_year.p50) if per_year is not None else "(a 12-month window)",
                )
            )
    return head, rows


def payment_rows(p: ReportPayload) -> list[tuple[str, str, str]]:
    """Signing and death payments as their own rows, and the monthly take-home of one soldier."""
    rows = []
    for k in PAYMENTS:
        s = p.totals.get(k)
        if s is not None and not (s.mean == 0 and s.p5 == 0 and s.p95 == 0):  # zero in every draw: see zero_rows
            rows.append((LABELS[k], fmt_usd(s.p50), fmt_interval(s)))
    home = p.derived.get("take_home_per_soldier_month")
    if home is not None:
        rows.append(("Take-home per soldier per month", fmt_usd(home.p50), fmt_interval(home)))
    return rows


def realisation_rows(p: ReportPayload) -> list[tuple[str, str, str]]:
    """Owed against delivered: the five ways the debt is settled and what each account receives.

    Empty when every draw delivers all that is owed (no realisation input in the case).
    """
    totals = p.totals
    paid, got = totals.get("paid_by_russia"), totals.get("received_by_nk")
    if paid is None or got is None or _same(paid, got):
        return []
    rows = [("Owed by Russia", fmt_usd(paid.p50), fmt_interval(paid))]
    for k in (*_DELIVERY, *_RECEIVED):
        s = totals.get(k)
        if s is not None and (k in _RECEIVED or (_known(s.p95) or 0) > 0):
            rows.append((LABELS.get(k, k), fmt_usd(s.p50), fmt_interval(s)))
    return rows


def _known(x: float) -> float | None:
    return x if math.isfinite(x) else None


def _same(a: Band, b: Band) -> bool:
    return all(
        math.isclose(_known(x) or 0.0, _known(y) or 0.0, rel_tol=1e-9)
        for x, y in ((a.p5, b.p5), (a.p50, b.p50), (a.p95, b.p95))
    )


def currency_lines(p: ReportPayload) -> list[str]:
    """The scenario and overrides applied; the currency, its rate, and any month converted without its own rate."""
    lines = []
    sc = p.scenario
    if sc is not None:
        sets = ", ".join(f"{k} = {v}" for k, v in sc.set.items())
        name = f"Scenario '{sc.name}'" + (f" ({sc.description})" if sc.description else "")
        lines.append((name if sc.name else "Overrides") + (f": {sets}." if sets else "."))
    cur: dict[str, Any] | None = p.currency
    if not cur:
        return lines
    rates = list((cur.get("rates") or {}).values())
    span = f"{min(rates):,.4g} to {max(rates):,.4g}" if rates and min(rates) != max(rates) else f"{rates[0]:,.4g}"
    lines += [
        f"Amounts are in {cur['currency']} ({cur.get('source', '')}; {span} per US dollar). "
        "Inputs and a soldier's take-home use the horizon's average rate; claims, and the inputs' distributions "
        "as the case writes them, stay in US dollars."
    ]
    if cur.get("note"):
        lines.append(str(cur["note"]))
    lines += [f"Flag: {f}" for f in cur.get("flags", [])]
    return lines


def given_data_basis(g: GivenData) -> str:
    """What an RBD-FAST table was estimated on: "N draws", or "N draws resampled from the posterior"."""
    return f"{g.draws:,} draws" + (" resampled from the posterior" if g.weighted else "")


def given_data_rows(p: ReportPayload, top: int = 10) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Heading and rows of RBD-FAST first-order indices (share of each total's variance), strongest first."""
    g = p.given_data_sensitivity
    if g is None:
        return (), []
    targets = list(g.targets)
    head = ("Input", *(LABELS.get(t, t) for t in targets))
    params = p.parameters
    rows = []
    for name in g.order[:top]:
        entry = params.get(name)
        label = (entry.meaning if entry else "") or name
        cells = [
            f"{g.first_order[name][t]:.2f} ± {g.conf[name][t]:.2f}" if t in g.first_order[name] else "n/a"
            for t in targets
        ]
        rows.append((label, *cells))
    return head, rows
