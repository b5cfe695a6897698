"""A Result in a notebook: a short ``repr``, a compact HTML view, and the page's charts from Python.

The report registers these on :class:`~troopledger.analysis.Result` when it is
imported (``import troopledger`` does it on first use of ``run``, ``Result`` or
``load_result``): analysis never imports the report, the report reaches back, as
xarray's accessors do. ``result.plot.sankey()`` and ``result.plot.fan(name)`` build
the very figure specifications the HTML page draws (``report/_charts.py``), as
``plotly.graph_objects.Figure`` objects.
"""

from __future__ import annotations

from typing import Any

from troopledger._untrusted import escape_html as escape
from troopledger._untrusted import for_terminal
from troopledger.analysis import OUTPUTS, Result, register_result_view
from troopledger.errors import InputError
from troopledger.report._charts import COLOURS, Figure, fan_chart, figures, sankey_chart
from troopledger.report._conflicts import claim_words, conflicts
from troopledger.report._format import LABELS, currency_of, money_in
from troopledger.report._payload_build import build_payload
from troopledger.report._sections import total_rows, zero_rows
from troopledger.report._summary import SUMMARY_TITLE, summary

__all__ = ["ResultPlots", "register"]


#: Monthly bands drawn in another account's colour on the page.
_COLOUR_OF = {"troops_in_theatre": "troops", "deployed": "to_soldiers"}


def _label(name: str) -> str:
    """The reader's label of a monthly band: the model's own, "..., running total" for a cumulative one."""
    if name in OUTPUTS:
        return LABELS.get(name) or OUTPUTS[name].label
    base = name.removeprefix("cumulative_")
    label = LABELS.get(base) or (OUTPUTS[base].label if base in OUTPUTS else base.replace("_", " "))
    return f"{label}, running total"


class ResultPlots:
    """The page's Plotly charts for one Result: ``fan(name)``, ``sankey()``, and each page chart by name."""

    def __init__(self, result: Result) -> None:
        self._payload = build_payload(result)

    def _figure(self, spec: Figure) -> Any:
        import plotly.graph_objects as go

        return go.Figure(spec)

    def sankey(self) -> Any:
        """Where Russia's payments go (mean amounts, which add up), as on the page."""
        with money_in(currency_of(self._payload)):
            return self._figure(sankey_chart(self._payload))

    def fan(self, name: str = "paid_by_russia") -> Any:
        """A fan chart (median line, 90 % band) of one monthly quantity, e.g. ``paid_by_russia`` or ``killed``."""
        p = self._payload
        if name not in p.monthly:
            names = ", ".join(sorted(p.monthly))
            raise InputError("plot.fan", "name", f"no monthly band called '{name}'", f"use one of: {names}")
        with money_in(currency_of(p)):
            base = name.removeprefix("cumulative_")
            colour = COLOURS.get(_COLOUR_OF.get(base, base), COLOURS["uses"])
            return self._figure(fan_chart(p, name, _label(name), colour))

    def page(self, chart: str) -> Any:
        """Any chart of the page by its id: sankey, monthly, cumulative, troops, casualties, sensitivity."""
        with money_in(currency_of(self._payload)):
            figs = figures(self._payload)
        if chart not in figs:
            raise InputError("plot.page", "chart", f"no chart called '{chart}'", f"use one of: {', '.join(figs)}")
        return self._figure(figs[chart])

    def __repr__(self) -> str:
        return "<troopledger plots: .sankey(), .fan(name), .page(chart)> monthly bands: " + ", ".join(
            self._payload.monthly
        )


def _head(result: Result) -> str:
    kind = "calibrated by the claims about totals" if result.calibrated else "prior only (not calibrated)"
    return f"troopledger Result: {result.case.name}, {result.draws:,} draws, seed {result.seed}, {kind}"


def result_repr(result: Result) -> str:
    """A few lines: the run, then each headline account's median and 90 % interval."""
    p = build_payload(result)
    with money_in(currency_of(p)):
        lines = [for_terminal(_head(result))]
        lines += [f"  {label}: {median} ({interval})" for label, median, interval, _ in total_rows(p)[:4]]
        share = p.state_share
        if share is not None:
            lines.append(f"  Share the state keeps: {share.p50:.0%} ({share.p5:.0%} to {share.p95:.0%})")
    return "\n".join(lines)


def result_html(result: Result) -> str:
    """The notebook view: the summary, the accounts and the conflicts, a few kilobytes of escaped HTML."""
    p = build_payload(result)
    claims = p.claims
    with money_in(currency_of(p)):
        rows = "".join(
            f"<tr><td>{escape(a)}</td><td style='text-align:right'>{escape(m)}</td>"
            f"<td style='text-align:right'>{escape(i)}</td></tr>"
            for a, m, i, _ in total_rows(p)
        )
        said = "".join(f"<li>{escape(line)}</li>" for line in summary(p))
        omitted = zero_rows(p)
    items = "".join(
        f"<li>{escape(claim_words(c.suspect, claims))}{escape(c.doubt)}: clashes with {len(c.against)} other claim"
        f"{'s' if len(c.against) != 1 else ''} in {c.sets} set{'s' if c.sets != 1 else ''}</li>"
        for c in conflicts(p)[:8]
    )
    note = f"<p style='font-size:smaller'>Zero in every draw, left out: {escape(', '.join(omitted))}.</p>"
    return (
        f"<div class='troopledger-result'><p><strong>{escape(_head(result))}</strong></p>"
        f"<p><em>{escape(SUMMARY_TITLE)}</em></p><ul>{said}</ul>"
        f"<table><thead><tr><th>Account</th><th>Median</th><th>90 % interval</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        + (note if omitted else "")
        + (f"<p><em>Claims that cannot all be true</em></p><ul>{items}</ul>" if items else "")
        + "<p style='font-size:smaller'>result.plot.sankey(), result.plot.fan('paid_by_russia'), "
        "result.to_xarray(), result.to_dataframe(), result.save('run.nc')</p></div>"
    )


def register() -> None:
    """Attach the views to :class:`~troopledger.analysis.Result` (done once, when the report is imported)."""
    register_result_view("repr", result_repr)
    register_result_view("html", result_html)
    register_result_view("plot", ResultPlots)
