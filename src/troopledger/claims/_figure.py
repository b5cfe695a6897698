"""A claim's figure in words, as listings and reports print it; no pydantic, so listings load fast."""

from __future__ import annotations

__all__ = ["describe_figure"]


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
