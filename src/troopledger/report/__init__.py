"""Report: the report object and its renderings (terminal, JSON, Markdown, a self-contained HTML page)."""

from troopledger.report._compare import render_compare_html, render_compare_markdown, render_compare_text
from troopledger.report._format import fmt_usd, headline
from troopledger.report._history import render_history_html, render_history_text
from troopledger.report._html import render_html
from troopledger.report._ledger import build_ledger_payload, render_ledger_markdown, render_ledger_text
from troopledger.report._ledger_history import (
    render_ledger_history_html,
    render_ledger_history_markdown,
    render_ledger_history_text,
)
from troopledger.report._ledger_html import render_ledger_html
from troopledger.report._markdown import render_history_markdown, render_markdown
from troopledger.report._notebook import ResultPlots, register
from troopledger.report._payload import ReportPayload
from troopledger.report._payload_build import CONVENTIONS, build_payload
from troopledger.report._reconcile import reconcile_payload, render_reconcile_markdown, render_reconcile_text
from troopledger.report._summary import summary
from troopledger.report._text import render_text

register()  # Result.plot, its repr and its notebook view come from here

__all__ = [
    "CONVENTIONS",
    "ReportPayload",
    "ResultPlots",
    "build_ledger_payload",
    "build_payload",
    "fmt_usd",
    "headline",
    "reconcile_payload",
    "render_compare_html",
    "render_compare_markdown",
    "render_compare_text",
    "render_history_html",
    "render_history_markdown",
    "render_history_text",
    "render_html",
    "render_ledger_history_html",
    "render_ledger_history_markdown",
    "render_ledger_history_text",
    "render_ledger_html",
    "render_ledger_markdown",
    "render_ledger_text",
    "render_markdown",
    "render_reconcile_markdown",
    "render_reconcile_text",
    "render_text",
    "summary",
]
