"""Months written ``YYYY-MM``: the one place they are parsed, counted and written back.

Case horizons, wave arrivals, claim windows and calibration targets all speak in
calendar months; a month is kept as one integer (``year * 12 + month - 1``) so
offsets and windows are plain subtraction.
"""

from __future__ import annotations

import re

__all__ = ["MONTH_PATTERN", "month_index", "month_label", "month_labels"]

#: A calendar month written ``YYYY-MM`` (month 01 to 12).
MONTH_PATTERN = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")


def month_index(text: str) -> int:
    """The month ``YYYY-MM`` as one integer; raises ``ValueError`` naming the expected form."""
    m = MONTH_PATTERN.match(text)
    if not m:
        raise ValueError("must be a month written YYYY-MM, e.g. 2024-10")
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


def month_label(index: int) -> str:
    """The ``YYYY-MM`` label of a month index from :func:`month_index`."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_labels(start: str, months: int) -> list[str]:
    """``months`` consecutive ``YYYY-MM`` labels from ``start``."""
    s = month_index(start)
    return [month_label(s + i) for i in range(months)]
