"""Paths the operating system refuses (a name longer than it allows) get the usual one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzzing import assert_clean, cli
from troopledger._paths import exists, is_dir, is_file

LONG = "y" * 300  # longer than the 255 bytes a file name may have on Linux and macOS


def test_the_questions_never_raise(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="too long"):
        (tmp_path / LONG).is_file()  # what pathlib does, and why these helpers exist
    assert not is_file(tmp_path / LONG)
    assert not is_dir(tmp_path / LONG)
    assert not exists(tmp_path / LONG)
    assert not exists("a\0b")
    assert is_dir(tmp_path)
    assert not is_file(tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ["report", LONG],
        ["report", f"{LONG}.toml"],
        ["claims", "import", f"{LONG}.jsonl"],
        ["extract", LONG],
        ["ingest", LONG, "--ledger", "x.db"],
        ["claims", "list", "--ledger", LONG],
        ["claims", "add", "--quantity", "pay_per_soldier_month", "--speaker", "a", "--value", "5", "--ledger", LONG],
        ["claims", "export", f"{LONG}.jsonl", "--ledger", "x.db"],
        ["report", "--out", f"{LONG}/r.txt", "--draws", "200"],
    ],
    ids=lambda a: " ".join(x[:12] for x in a),
)
def test_over_long_names_are_one_line_errors(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli(["claims", "add", "--quantity", "pay_per_soldier_month", "--speaker", "a", "--value", "5",
                "--ledger", "x.db"]).code == 0  # fmt: skip
    o = cli(args)
    assert o.code == 2
    assert_clean(o)


def test_case_file_naming_an_over_long_claims_file(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    case.write_text(f'claim_files = ["{LONG}"]\n', encoding="utf-8")
    o = cli(["report", str(case)])
    assert o.code == 2
    assert_clean(o, names=("claim_files",))
