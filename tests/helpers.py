"""Test helpers shared by several test modules."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from troopledger.claims import Claim

MINIMAL_CASE = """
[case]
name = "tiny"
title = "A small test case"
start = "2024-10"
months = 12

[deployment]
mode = "rotation"

[parameters.pay_per_soldier_month]
fixed = 2000

[parameters.troops_deployed]
fixed = 10000

[parameters.rotation_interval_months]
fixed = 12

[parameters.state_share_of_pay]
fixed = 0.9
"""

#: A small rotation case with five uncertain inputs, for simulation-based calibration checks.
SBC_CASE = """
[case]
name = "sbc"
start = "2024-10"
months = 12

[deployment]
mode = "rotation"

[parameters.pay_per_soldier_month]
to = [1500, 3000]

[parameters.troops_deployed]
to = [6000, 15000]

[parameters.rotation_interval_months]
to = [2, 8]

[parameters.state_share_of_pay]
to = [0.5, 0.95]

[parameters.killed_hazard]
to = [0.005, 0.03]
"""

#: Synthetic observation claims on SBC_CASE: (id, quantity, period, window end).
SYNTHETIC = (
    ("take_home", "soldier_take_home", "tour", None),
    ("sent", "cumulative_troops", "total", "2025-09"),
    ("killed", "casualties_killed", "total", "2025-06"),
    ("paid", "total_revenue_to_nk", "total", "2025-09"),
)


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI in process; return its exit code (0 when it returns) and what it printed."""
    from troopledger._cli import main  # imported late: conftest imports this module

    try:
        main(argv)
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def foreign_claims(text: str, lang: str, date: str | None = None) -> list[Claim]:
    """What the pack-driven reader finds in ``text``, read as an article in ``lang`` from a test outlet."""
    from troopledger.claims._foreign import extract_foreign
    from troopledger.sources import document_from_bytes

    return extract_foreign(document_from_bytes(text.encode(), "p.txt", outlet="Test Wire", date=date), lang)


def labels_by_value(claims: list[Claim]) -> dict[float, str]:
    """Each claim's quantity keyed by its value (or its low, or its high end)."""
    return {(c.value or c.low or c.high or 0.0): c.quantity for c in claims}
