"""Pieces of the HTML page: tables, chart slots, and the analyst's sections (months, windows, owed and received).

Cells handed to :func:`table` are already HTML; :func:`esc_rows` escapes rows of
plain text first. Every string from the report object is escaped here, with its
direction controls closed inside it; text cells carry ``dir=auto``, which isolates
them, so one source's right-to-left override cannot reverse another cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from troopledger._untrusted import escape_html as escape
from troopledger.report._analyst import (
    currency_lines,
    given_data_basis,
    given_data_rows,
    month_rows,
    payment_rows,
    realisation_rows,
    window_rows,
)
from troopledger.report._sections import UNUSABLE_TITLE, unusable_rows

if TYPE_CHECKING:
    from troopledger.report._charts import Figure
    from troopledger.report._payload import ReportPayload

__all__ = [
    "analyst_html",
    "esc_rows",
    "figure",
    "given_data_html",
    "month_table_html",
    "table",
    "titled",
    "unusable_html",
]


def table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]], numeric: tuple[int, ...] = ()) -> str:
    """A table whose cells are already HTML; wrapped so it scrolls sideways on narrow screens."""
    th = "".join(f'<th scope="col"{" class=num" if i in numeric else ""}>{h}</th>' for i, h in enumerate(head))
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=num' if i in numeric else ' dir=auto'}>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f'<div class="scroll"><table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table></div>'


def esc_rows(rows: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Rows of plain text, escaped cell by cell."""
    return [tuple(escape(c) for c in r) for r in rows]


def figure(fig_id: str, caption: str, figs: Mapping[str, Figure]) -> str:
    """A chart's place on the page: its title as a heading, the plot, and a caption."""
    title = str(figs[fig_id]["layout"].get("meta", {}).get("title", "")) if fig_id in figs else ""
    return (
        f'<figure class="chart"><h3>{escape(title)}</h3>'
        f'<div id="fig-{fig_id}" class="plot" role="img" aria-label="{escape(title)}"></div>'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def analyst_html(p: ReportPayload) -> str:
    """Currency, payments by kind, owed against received, and totals by window."""
    out = "".join(f'<p class="who">{escape(line)}</p>' for line in currency_lines(p))
    pay = payment_rows(p)
    if pay:
        out += "<h3>Payments by kind</h3>" + table(("Payment", "Median", "90 % interval"), esc_rows(pay), (1, 2))
    owed = realisation_rows(p)
    if owed:
        out += "<h3>Owed and received</h3>" + table(("What", "Median", "90 % interval"), esc_rows(owed), (1, 2))
    head, rows = window_rows(p)
    if rows:
        out += "<h3>Totals by window</h3>" + table(head, esc_rows(rows), (2, 3, 4))
    return out


def month_table_html(p: ReportPayload) -> str:
    """The month-by-month table, folded under its summary line."""
    head, rows = month_rows(p)
    if not rows:
        return ""
    body = table(tuple(escape(h) for h in head), esc_rows(rows), tuple(range(1, len(head))))
    return f"<details><summary>Month-by-month table (median and 90 % interval)</summary>{body}</details>"


def given_data_html(p: ReportPayload, figs: Mapping[str, Figure]) -> str:
    """RBD-FAST indices of the totals, and the chart of which inputs drive each month."""
    head, rows = given_data_rows(p)
    out = ""
    g = p.given_data_sensitivity
    if rows and g is not None:
        out += (
            f"<h3>Share of each total's variance (RBD-FAST, given data)</h3><p>First-order index of each input over "
            f"{given_data_basis(g)} (± its 95 % bootstrap half-width): the share of the total's variance the input "
            "explains on its own, whatever the shape of the relation.</p>"
            + table(tuple(escape(h) for h in head), esc_rows(rows), tuple(range(1, len(head))))
        )
    if "sensitivity_time" in figs:
        out += figure(
            "sensitivity_time",
            "Which inputs drive each month: the first-order index of the strongest inputs on that month's payment.",
            figs,
        )
    return out


def titled(title: str, head: tuple[str, ...], rows: Sequence[tuple[str, ...]], numeric: tuple[int, ...]) -> str:
    """A table of plain-text rows (escaped here) under an ``h3`` title; nothing when there are no rows."""
    return f"<h3>{escape(title)}</h3>" + table(head, esc_rows(rows), numeric=numeric) if rows else ""


def unusable_html(p: ReportPayload) -> str:
    """The warning about accepted claims the run could not use, each linked to its card, with why."""
    rows = unusable_rows(p)
    if not rows:
        return ""
    claims = p.claims
    items = []
    for cid, quantity, why in rows:
        ref = f'<a href="#claim-{escape(cid)}">{escape(cid)}</a>' if cid in claims else escape(cid)
        items.append(f"<li>{ref} ({escape(quantity)}): <bdi>{escape(why)}</bdi></li>")
    return f'<div class="note"><h3>{escape(UNUSABLE_TITLE)}</h3><ul>{"".join(items)}</ul></div>'
