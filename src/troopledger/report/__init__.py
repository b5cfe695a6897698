"""Report: the report object and its renderings (terminal, JSON, and more)."""

from troopledger.report._format import fmt_usd, headline
from troopledger.report._payload import CONVENTIONS, build_payload
from troopledger.report._text import render_text

__all__ = ["CONVENTIONS", "build_payload", "fmt_usd", "headline", "render_text"]
