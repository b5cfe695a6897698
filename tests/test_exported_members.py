"""The public face: ``troopledger.__all__`` is curated, sorted and complete (as httpx checks its own)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import troopledger


def test_all_exports_are_public_and_resolve() -> None:
    exported = troopledger.__all__
    assert len(set(exported)) == len(exported)
    for name in exported:
        value = getattr(troopledger, name)
        if name != "__version__":
            assert getattr(value, "__module__", "").startswith("troopledger"), name
            assert value.__doc__, f"troopledger.{name} has no docstring"


def test_all_names_every_public_member() -> None:
    public = {
        name
        for name in dir(troopledger)
        if not name.startswith("_") and getattr(getattr(troopledger, name), "__module__", "").startswith("troopledger")
    }
    # subpackages are reached by their path, not exported
    public -= {"analysis", "calibration", "claims", "errors", "evidence", "experimental", "model", "report", "sources"}
    assert public == set(troopledger.__all__) - {"__version__"}


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        troopledger.no_such_thing  # noqa: B018


def test_bare_import_is_light() -> None:
    heavy = "('scipy', 'xarray', 'pandas', 'arviz', 'plotly')"
    code = f"import sys, troopledger; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
