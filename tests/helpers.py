"""Test helpers shared by several test modules."""

from __future__ import annotations

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
