"""The bundled cases and claims files shipped in ``troopledger/data``.

Kept apart from case loading so that listing the bundled cases (``troopledger
cases``) reads a few TOML headers and imports no schema, pydantic model or numpy.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

__all__ = ["bundled_cases", "bundled_ledgers", "cases_dir", "claims_dir", "ledgers_dir"]


def cases_dir() -> Any:
    """The folder of bundled case files (an importlib resource)."""
    return resources.files("troopledger") / "data" / "cases"


def claims_dir() -> Any:
    """The folder of bundled claims files (an importlib resource)."""
    return resources.files("troopledger") / "data" / "claims"


def bundled_cases() -> dict[str, str]:
    """Bundled case names mapped to their one-line titles.

    Reads only each bundled file's ``[case]`` table: listing cases validates nothing
    and fuses nothing (loading a case does both), so it is instant.
    """
    out = {}
    for entry in sorted(cases_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            info = tomllib.loads(entry.read_text(encoding="utf-8")).get("case", {})
            out[str(info["name"])] = str(info.get("title", ""))
    return out


def ledgers_dir() -> Any:
    """The folder of bundled ledger cases (every stream of value; an importlib resource)."""
    return resources.files("troopledger") / "data" / "ledgers"


def bundled_ledgers() -> dict[str, str]:
    """Bundled ledger case names mapped to their titles, read from each file's ``[case]`` table only."""
    out = {}
    for entry in sorted(ledgers_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            info = tomllib.loads(entry.read_text(encoding="utf-8")).get("case", {})
            out[str(info["name"])] = str(info.get("title", ""))
    return out
