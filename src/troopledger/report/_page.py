"""The shell of a troopledger page: one document, its styles, charts and scripts inline, a strict CSP.

Shared by the report page and the history page. plotly.js is embedded inline and
drawn by one small script; the Content-Security-Policy allows exactly those two
scripts (by hash), inline styles and ``data:`` images, so nothing is fetched. Tables
and chart slots are in ``_html_parts``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from troopledger._untrusted import escape_html as escape
from troopledger.report._style import CSS

if TYPE_CHECKING:
    from troopledger.report._charts import Figure

__all__ = ["INIT", "embed_json", "page", "plotly_js", "section", "sha256"]

#: Draws the figures once plotly.js has loaded; marks each drawn chart for tests and readers.
INIT = """(function () {
  "use strict";
  var node = document.getElementById("tl-figures");
  if (!node || typeof Plotly === "undefined") { return; }
  var figs = JSON.parse(node.textContent);
  var config = {responsive: true, displayModeBar: false, displaylogo: false};
  Object.keys(figs).forEach(function (id) {
    var el = document.getElementById("fig-" + id);
    if (!el) { return; }
    var layout = figs[id].layout;
    if (el.clientWidth < 560 && layout.font) { layout.font.size = 10; }  // phones: smaller chart text
    Plotly.newPlot(el, figs[id].data, layout, config).then(function () {
      el.setAttribute("data-drawn", "true");
    });
  });
})();"""


@functools.cache
def plotly_js() -> str:
    """The plotly.js bundle shipped inside the plotly Python package (read once)."""
    return (files("plotly") / "package_data" / "plotly.min.js").read_text(encoding="utf-8")


def sha256(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def embed_json(obj: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``<``, ``>``, ``&``, U+2028 or U+2029)."""
    text = json.dumps(obj, allow_nan=False, separators=(",", ":"))
    for ch, sub in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, sub)
    return text


def section(sid: str, title: str, body: str) -> str:
    """A titled section of the page."""
    return f'<section id="{sid}"><h2>{escape(title)}</h2>{body}</section>'


def page(
    title: str,
    kicker: str,
    header: str,
    nav: Sequence[tuple[str, str]],
    sections: list[str],
    figs: Mapping[str, Figure],
) -> str:
    """One self-contained document: the page's CSS, the charts' data and plotly.js inline, a strict CSP."""
    plotly = plotly_js()
    csp = (
        f"default-src 'none'; script-src {sha256(plotly)} {sha256(INIT)}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    links = "".join(f'<a href="#{sid}">{escape(label)}</a>' for sid, label in nav)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)} · troopledger</title><style>{CSS}</style></head><body>"
        f'<header><p class="kicker">{escape(kicker)}</p><h1>{escape(title)}</h1>{header}</header>'
        f'<nav aria-label="Sections">{links}</nav><main>{"".join(sections)}</main>'
        f'<script type="application/json" id="tl-figures">{embed_json(figs)}</script>'
        f"<script>{plotly}</script><script>{INIT}</script></body></html>\n"
    )
