"""``.ci/run`` runs the README's test command verbatim, then every linter, and fails if any failed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
RUN = ROOT / ".ci" / "run"


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh(?: norun)?\n(.*?)```", readme, flags=re.DOTALL)
    return [b.strip() for b in blocks[:2]]


def test_ci_runs_the_readmes_test_command_verbatim() -> None:
    _setup, tests = _readme_commands()
    assert "pytest" in tests
    assert tests in RUN.read_text(encoding="utf-8")


def test_the_readmes_first_commands_install_the_tested_versions() -> None:
    for command in _readme_commands():
        assert "pip install -q -c constraints.txt -e '.[dev]'" in command


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_constraints_pin_every_declared_dependency() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        declared |= {_name(r) for r in extra}
    pinned = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not NAME==VERSION"
            pinned[name.lower().replace("_", "-")] = version
    assert "troopledger" not in pinned
    missing = sorted(declared - set(pinned))
    assert not missing, f"declared but not pinned: {missing}; run: bash tools/freeze_constraints.sh"


def _fake(path: Path, body: str) -> None:
    path.write_text(f"#!/usr/bin/env bash\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ci_runs_every_check_and_fails_at_the_end(tmp_path: Path) -> None:
    # a copy of .ci/run over stand-ins: pytest fails, yet ruff (twice) and mypy still run
    (tmp_path / ".ci").mkdir()
    shutil.copy(RUN, tmp_path / ".ci" / "run")
    bin_, venv = tmp_path / "bin", tmp_path / ".venv" / "bin"
    bin_.mkdir()
    venv.mkdir(parents=True)
    log = tmp_path / "ran.log"
    _fake(bin_ / "chromium", "exit 0")
    _fake(bin_ / "jq", "exit 0")
    _fake(bin_ / "python3", "exit 0")  # python3 -m venv .venv: the stand-in venv is already there
    _fake(venv / "pip", "exit 0")
    _fake(venv / "python", f'echo "pytest $*" >> {log}; exit 1')
    _fake(venv / "ruff", f'echo "ruff $1" >> {log}; exit 0')
    _fake(venv / "mypy", f"echo mypy >> {log}; exit 0")
    env = {**os.environ, "PATH": f"{bin_}:{os.environ['PATH']}"}
    done = subprocess.run(["bash", ".ci/run"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    ran = log.read_text(encoding="utf-8").split("\n")[:4]
    assert ran == ["pytest -m pytest -n 2", "ruff check", "ruff format", "mypy"]
    assert "FAILED: pytest (exit 1)" in done.stderr
    _fake(venv / "python", "exit 0")
    done = subprocess.run(["bash", ".ci/run"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
