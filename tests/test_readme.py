"""The README's Python example runs as written, after a bare ``import troopledger``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"


def _example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)
    if not blocks:
        pytest.fail("README.md has no ```python example")
    return str(blocks[0])


@pytest.mark.slow
def test_readme_example_runs(tmp_path: Path) -> None:
    code = _example()
    assert "import troopledger as tl" in code
    assert "troopledger.analysis import" not in code.split("ds.tl")[0]  # the accessor needs no extra import
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "run.nc").stat().st_size > 0
