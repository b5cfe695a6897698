"""A claim's figure: its fields from a read bound, and in words as listings and reports print it.

No pydantic, so listings load fast.
"""

from __future__ import annotations

__all__ = ["describe_figure", "figure_fields"]


def describe_figure(value: float | None, low: float | None, high: float | None, unit: str = "") -> str:
    """A figure in words, e.g. ``1,200 to 2,400 USD`` or ``up to 15,000 persons``."""
    unit = f" {unit}" if unit else ""
    if value is not None:
        return f"{value:,.6g}{unit}"
    if low is not None and high is not None:
        return f"{low:,.6g} to {high:,.6g}{unit}"
    if low is not None:
        return f"at least {low:,.6g}{unit}"
    if high is not None:
        return f"up to {high:,.6g}{unit}"
    return "(no figure)"


def figure_fields(side: str, lo: float, hi: float) -> dict[str, float | None]:
    """A claim's ``value``/``low``/``high`` from the ends read and the side a bound word gave (``upper``, ``lower``)."""
    if lo != hi:
        return {"value": None, "low": lo, "high": hi}
    if side == "upper":
        return {"value": None, "low": None, "high": hi}
    if side == "lower":
        return {"value": None, "low": lo, "high": None}
    return {"value": lo, "low": None, "high": None}
