"""The shape of the package: one-way imports, curated ``__all__``, small modules."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import troopledger

SRC = Path(troopledger.__file__).parent
ORDER = ["sources", "claims", "evidence", "model", "calibration", "analysis", "report", "_cli"]
ANYWHERE = {"errors", "_version", "_atomic", "_lazy", "_paths", "_progress", "_untrusted", "_digits"}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "troopledger" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
    return names


@pytest.mark.parametrize("stage", ORDER)
def test_stages_import_only_from_their_left(stage: str) -> None:
    allowed = set(ORDER[: ORDER.index(stage) + 1]) | ANYWHERE
    root = SRC / stage
    files = list(root.rglob("*.py")) if root.is_dir() else []
    for f in files:
        for mod in _imports(f):
            s = _stage(mod)
            if s is None:
                continue
            assert s in allowed, f"{f.relative_to(SRC)} imports {mod}, right of {stage}"


def _src_imports() -> list[tuple[Path, str]]:
    return [(f, mod) for f in SRC.rglob("*.py") for mod in _imports(f)]


def test_no_stage_imports_another_stages_private_modules() -> None:
    for f, mod in _src_imports():
        parts = mod.split(".")
        own = f.relative_to(SRC).parts[0]
        if parts[0] == "troopledger" and len(parts) > 2 and parts[2].startswith("_") and parts[1] != own:
            pytest.fail(f"{f.relative_to(SRC)} imports {mod}, a private module of {parts[1]}")


def test_report_reads_only_analysis() -> None:
    allowed = {"analysis", "report"} | ANYWHERE
    for f, mod in _src_imports():
        if f.relative_to(SRC).parts[0] == "report" and (s := _stage(mod)) is not None:
            assert s in allowed, f"{f.relative_to(SRC)} imports {mod}: the report reads the Result through analysis"


def test_slot_names_are_built_in_one_module() -> None:
    # built: f"wave_{...}", f"pay_rank_{...}"; parsed: startswith("wave_") and the like
    pattern = re.compile(r"""(wave_|pay_rank_)\{|["'](wave_|pay_rank_)["']|_tour_months["']""")
    where = sorted(str(f.relative_to(SRC)) for f in SRC.rglob("*.py") if pattern.search(f.read_text(encoding="utf-8")))
    assert where == ["evidence/_slots.py"], where


def test_model_core_does_no_sampling_or_io() -> None:
    for name in ("_flows.py", "_deployment.py"):
        text = (SRC / "model" / name).read_text(encoding="utf-8")
        for banned in ("random", "open(", "Generator", "print("):
            assert banned not in text, f"model/{name} mentions {banned}"


def _packages() -> list[str]:
    out = ["troopledger"]
    for p in sorted(SRC.iterdir()):
        if (p / "__init__.py").exists():
            out.append(f"troopledger.{p.name}")
    return out


@pytest.mark.parametrize("name", _packages())
def test_all_is_sorted_and_complete(name: str) -> None:
    mod = importlib.import_module(name)
    exported = getattr(mod, "__all__", None)
    if name.endswith(("experimental", "_cli")) and not exported:
        return
    assert exported is not None, f"{name} has no __all__"
    # isort style, as ruff's RUF022 keeps it: CONSTANTS, then Classes, then functions
    key = sorted(exported, key=lambda x: (not x.isupper(), not x[:1].isupper(), x))
    assert list(exported) == key, f"{name}.__all__ is not sorted"
    assert len(set(exported)) == len(exported)
    for item in exported:
        assert hasattr(mod, item), f"{name}.__all__ names missing {item}"


def test_modules_stay_small() -> None:
    big = [
        (str(f.relative_to(SRC)), n)
        for f in SRC.rglob("*.py")
        if (n := len(f.read_text(encoding="utf-8").splitlines())) > 420
    ]
    assert not big, f"modules over 420 lines: {big}"


def test_no_assert_in_src() -> None:
    for f in SRC.rglob("*.py"):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        asserts = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Assert)]
        assert not asserts, f"{f.relative_to(SRC)} uses assert at lines {asserts}"
