"""Shared fixtures: small case files written in the test's own words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from helpers import MINIMAL_CASE

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def case_file(tmp_path: Path):
    """Write a case file into a temp dir and return its path."""

    def write(text: str = MINIMAL_CASE, name: str = "case.toml") -> Path:
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return p

    return write
