"""Chart specifications for the HTML report, as plain Plotly figure dicts.

Each function turns the report object into ``{"data": [...], "layout": {...}}``,
which the page hands to the embedded plotly.js. Plotly reads a few HTML tags in
chart text (links among them), so every string that reaches a chart is either the
project's own wording or passed through :func:`plain`, which keeps no markup.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, TypedDict

from troopledger.analysis import HEADLINE_TOTALS, STATE_USES, Band
from troopledger.report._format import LABELS, SHORT_LABELS, SYMBOLS, currency_of, fmt_usd

if TYPE_CHECKING:
    from troopledger.report._payload import ReportPayload

__all__ = [
    "Figure",
    "casualties_chart",
    "cumulative_chart",
    "fan_chart",
    "figures",
    "monthly_chart",
    "plain",
    "sankey_chart",
    "sensitivity_chart",
    "sensitivity_time_chart",
    "troops_chart",
]

#: One plotly.js trace, or a layout, exactly as Plotly's figure schema has it. That schema is the
#: contract (plotly.js draws it on the page, ``plotly.graph_objects.Figure`` in a notebook), so the
#: inside of a chart stays JSON-shaped rather than a second, partial copy of Plotly's schema.
PlotlyJSON = dict[str, Any]


class Figure(TypedDict):
    """A chart as the page and the notebook take it: Plotly's traces and its layout."""

    data: list[PlotlyJSON]
    layout: PlotlyJSON


#: Colours of the accounts, shared by every chart (and the page's legend swatches).
COLOURS = {
    "paid_by_russia": "#b2182b",
    "to_state": "#4d4d4d",
    "to_soldiers": "#2166ac",
    "to_families": "#1b7837",
    "uses": "#878787",
    "troops": "#762a83",
    "killed": "#b35806",
    "wounded": "#e08214",
}
_SHORT = SHORT_LABELS
_STATE_USES = STATE_USES
_UNSAFE = re.compile(r"[^\w .,:;%()+/'\-]", re.UNICODE)


def plain(text: object, limit: int = 80) -> str:
    """Text safe for a chart label: no markup characters, at most ``limit`` characters."""
    s = " ".join(_UNSAFE.sub(" ", str(text)).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _layout(title: str, **extra: Any) -> PlotlyJSON:
    layout: PlotlyJSON = {
        "meta": {"title": title},  # the page shows it as a heading, which wraps on a phone
        "margin": {"l": 60, "r": 16, "t": 56, "b": 40},
        "height": 380,
        "autosize": True,
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif", "size": 12},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hovermode": "x unified",
    }
    layout.update(extra)
    return layout


def _interval(s: Band) -> str:
    return f"mean {fmt_usd(s.mean)}; median {fmt_usd(s.p50)}, 90 % interval {fmt_usd(s.p5)} to {fmt_usd(s.p95)}"


def sankey_chart(p: ReportPayload) -> Figure:
    """Russia → state, soldiers and families; state → its four uses.

    Widths and labels are both means, which add up across accounts (the median of a
    sum is not the sum of the medians); hovering a node or a link shows its median
    and 90 % interval.
    """
    t = p.totals
    keys = [*HEADLINE_TOTALS, *_STATE_USES]
    index = {k: i for i, k in enumerate(keys)}
    node_colours = [COLOURS.get(k, COLOURS["uses"]) for k in keys]
    links = [(HEADLINE_TOTALS[0], k) for k in HEADLINE_TOTALS[1:]]
    links += [("to_state", k) for k in _STATE_USES]
    link_colours = [_rgba(COLOURS.get(b, COLOURS["uses"]), 0.35) for _, b in links]
    return {
        "data": [
            {
                "type": "sankey",
                "arrangement": "snap",
                "valueformat": ",.3s",
                "valuesuffix": "" if currency_of(p) == "USD" else f" {currency_of(p)}",
                "node": {
                    "label": [f"{_SHORT[k]}: {fmt_usd(t[k].mean)}" for k in keys],
                    "customdata": [_interval(t[k]) for k in keys],
                    "hovertemplate": "%{label}<br>%{customdata}<extra></extra>",
                    "color": node_colours,
                    "pad": 14,
                    "thickness": 16,
                },
                "link": {
                    "source": [index[a] for a, _ in links],
                    "target": [index[b] for _, b in links],
                    "value": [max(t[b].mean if math.isfinite(t[b].mean) else 0.0, 0.0) for _, b in links],
                    "customdata": [f"{_SHORT[a]} → {_SHORT[b]}<br>{_interval(t[b])}" for a, b in links],
                    "hovertemplate": "%{customdata}<extra></extra>",
                    "color": link_colours,
                },
            }
        ],
        "layout": _layout(
            f"Where Russia's payments go, over the whole horizon ({currency_of(p)})",
            height=460,
            hovermode="closest",
            margin={"l": 8, "r": 8, "t": 16, "b": 8},
        ),
    }


def _band(
    months: list[str], band: dict[str, list[Any]], name: str, colour: str, fmt: str, prefix: str = ""
) -> list[PlotlyJSON]:
    """A fan: p95 edge, p5 edge filled up to it, and the median line on top."""
    hover = f"{prefix}%{{y:{fmt}}}"
    edge = {"type": "scatter", "mode": "lines", "x": months, "line": {"width": 0}, "showlegend": False}
    return [
        {**edge, "y": band["p95"], "name": f"{name}, 95th percentile", "hovertemplate": hover},
        {
            **edge,
            "y": band["p5"],
            "name": f"{name}, 5th percentile",
            "fill": "tonexty",
            "fillcolor": _rgba(colour, 0.22),
            "hovertemplate": hover,
        },
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": months,
            "y": band["p50"],
            "name": f"{name} (median, 90 % band)",
            "line": {"color": colour, "width": 2},
            "marker": {"size": 5},
            "hovertemplate": hover,
        },
    ]


_USD = "$,.3s"
_PERSONS = ",.0f"


def _fan(p: ReportPayload, keys: list[tuple[str, str, str]], title: str, fmt: str, axis: str) -> Figure:
    data: list[PlotlyJSON] = []
    money = fmt == _USD
    code = currency_of(p)
    sign = SYMBOLS.get(code, "")
    for key, name, colour in keys:
        if key in p.monthly:
            data += _band(p.months, p.monthly[key], name, colour, ",.3s" if money else fmt, sign if money else "")
    if money:
        title, axis = title.replace("USD", code), axis.replace("USD", code)
    yaxis: PlotlyJSON = {"title": {"text": axis}, "rangemode": "tozero", "tickformat": "~s" if money else ","}
    if money:
        yaxis["tickprefix"] = sign
    return {"data": data, "layout": _layout(title, yaxis=yaxis, xaxis={"type": "category"})}


def fan_chart(p: ReportPayload, key: str, name: str, colour: str) -> Figure:
    """One monthly quantity's fan, styled as the page's charts (money or persons by its unit)."""
    running = key.startswith("cumulative_")
    if key.removeprefix("cumulative_") in LABELS:  # money: a monthly flow or its running total
        axis = "USD" if running else "USD per month"
        return _fan(p, [(key, name, colour)], f"{plain(name)} ({axis}, 90 % band)", _USD, axis)
    axis = "persons" if running or key == "troops_in_theatre" else "persons per month"
    return _fan(p, [(key, name, colour)], f"{plain(name)} ({axis}, 90 % band)", _PERSONS, axis)


def monthly_chart(p: ReportPayload) -> Figure:
    """Fan chart of what Russia pays each month and what the state keeps."""
    keys = [
        ("paid_by_russia", LABELS["paid_by_russia"], COLOURS["paid_by_russia"]),
        ("to_state", LABELS["to_state"], COLOURS["to_state"]),
    ]
    return _fan(p, keys, "Monthly payments (USD per month, 90 % band)", _USD, "USD per month")


def cumulative_chart(p: ReportPayload) -> Figure:
    """Fan chart of the running total paid and kept since the start month."""
    keys = [
        ("cumulative_paid_by_russia", "Paid by Russia, running total", COLOURS["paid_by_russia"]),
        ("cumulative_to_state", "Kept by the state, running total", COLOURS["to_state"]),
    ]
    return _fan(p, keys, "Cumulative total since the start (USD, 90 % band)", _USD, "USD")


def troops_chart(p: ReportPayload) -> Figure:
    """Soldiers in theatre and distinct soldiers sent, month by month."""
    keys = [
        ("troops_in_theatre", "Soldiers in theatre", COLOURS["troops"]),
        ("cumulative_deployed", "Distinct soldiers sent so far", COLOURS["to_soldiers"]),
    ]
    return _fan(p, keys, "Troops in theatre and soldiers sent (persons, 90 % band)", _PERSONS, "persons")


def casualties_chart(p: ReportPayload) -> Figure:
    """Soldiers killed and wounded each month."""
    keys = [
        ("killed", "Killed in the month", COLOURS["killed"]),
        ("wounded", "Wounded and evacuated in the month", COLOURS["wounded"]),
    ]
    return _fan(p, keys, "Casualties per month (persons, 90 % band)", _PERSONS, "persons per month")


def sensitivity_chart(p: ReportPayload, top: int = 10) -> Figure | None:
    """Rank correlation of the strongest inputs with each headline total (a tornado of bars)."""
    sens = p.sensitivity
    if not sens or not sens["order"]:
        return None
    names = list(sens["order"])[:top][::-1]  # strongest at the top
    labels = [plain(_meaning(p, n), 48) for n in names]
    colours = [COLOURS.get(t, COLOURS["uses"]) for t in sens["targets"]]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "y": labels,
            "x": [sens["parameters"][n].get(target, 0.0) for n in names],
            "name": plain(_SHORT.get(target, target)),
            "marker": {"color": colour},
            "hovertemplate": "%{y}: rank correlation %{x:.2f}<extra>%{fullData.name}</extra>",
        }
        for target, colour in zip(sens["targets"], colours, strict=True)
    ]
    layout = _layout(
        f"Which inputs move the totals most (Spearman rank correlation over {sens['draws']:,} draws)",
        barmode="group",
        height=max(360, 60 + 44 * len(names)),
        hovermode="closest",
        xaxis={"range": [-1, 1], "zeroline": True, "title": {"text": "rank correlation with the total"}},
        yaxis={"automargin": True},
        margin={"l": 8, "r": 16, "t": 16, "b": 40},
    )
    return {"data": data, "layout": layout}


def sensitivity_time_chart(p: ReportPayload) -> Figure | None:
    """Which inputs drive each month: RBD-FAST first-order index of the strongest inputs, month by month."""
    g = p.sensitivity_over_time
    if g is None or not g.order:
        return None
    palette = ("#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#4d4d4d", "#878787", "#b35806")
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": g.months,
            "y": g.first_order[name],
            "name": plain(_meaning(p, name), 48),
            "line": {"color": palette[i % len(palette)], "width": 2},
            "hovertemplate": "%{x}: %{y:.2f} of the month's variance<extra>%{fullData.name}</extra>",
        }
        for i, name in enumerate(g.order)
    ]
    target = plain(_SHORT.get(g.target, g.target))
    layout = _layout(
        f"Which inputs drive each month ({target}; RBD-FAST first-order index over {g.draws:,} draws"
        + (" resampled from the posterior)" if g.weighted else ")"),
        xaxis={"type": "category"},
        yaxis={"range": [0, 1], "title": {"text": "share of the month's variance"}},
    )
    return {"data": data, "layout": layout}


def _meaning(p: ReportPayload, name: str) -> str:
    e = p.parameters.get(name)
    return (e.meaning if e else "") or name


def figures(p: ReportPayload) -> dict[str, Figure]:
    """Every chart the page shows, keyed by the id of the element it is drawn in."""
    out: dict[str, Figure] = {
        "sankey": sankey_chart(p),
        "monthly": monthly_chart(p),
        "cumulative": cumulative_chart(p),
        "troops": troops_chart(p),
        "casualties": casualties_chart(p),
    }
    sens = sensitivity_chart(p)
    if sens is not None:
        out["sensitivity"] = sens
    over_time = sensitivity_time_chart(p)
    if over_time is not None:
        out["sensitivity_time"] = over_time
    return out
