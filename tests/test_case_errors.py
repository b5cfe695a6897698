"""Bad case files: each gets a one-line error naming the file, the field and the fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import MINIMAL_CASE, run_cli
from troopledger.errors import CaseError
from troopledger.evidence import load_case

_WAVE = 'mode = "waves"\n[[deployment.waves]]\nname = "a"\narrival = "2024-10"\nsize = { fixed = 100 }\n'

BAD_CASES: list[tuple[str, str | bytes, str]] = [
    ("empty", "", "empty"),
    ("binary", b"\x00\x01\x02binary", "binary"),
    ("latin-1", "[case]\nname = 'caf\xe9'\n".encode("latin-1"), "UTF-8"),
    ("toml syntax", "[case\nname = 'x'", "not valid TOML"),
    ("missing case table", "[parameters.pay_per_soldier_month]\nfixed = 1\n", "field 'case'"),
    ("unknown top-level key", MINIMAL_CASE + "\n[extra]\nx = 1\n", "field 'extra'"),
    ("bad month", MINIMAL_CASE.replace('start = "2024-10"', 'start = "October 2024"'), "field 'case.start'"),
    ("months not a number", MINIMAL_CASE.replace("months = 12", 'months = "twelve"'), "field 'case.months'"),
    ("months out of range", MINIMAL_CASE.replace("months = 12", "months = 0"), "field 'case.months'"),
    ("two forms", MINIMAL_CASE.replace("fixed = 2000", "fixed = 2000\nto = [1, 2]"), "exactly one of"),
    ("no form", MINIMAL_CASE.replace("fixed = 2000", 'note = "x"'), "exactly one of"),
    ("unknown parameter", MINIMAL_CASE + "\n[parameters.pay_per_week]\nfixed = 1\n", "unknown parameter"),
    (
        "missing parameter",
        MINIMAL_CASE.replace("[parameters.state_share_of_pay]\nfixed = 0.9", ""),
        "state_share_of_pay",
    ),
    ("reversed interval", MINIMAL_CASE.replace("fixed = 2000", "to = [3000, 1000]"), "a <= b"),
    ("share out of range", MINIMAL_CASE.replace("fixed = 0.9", "to = [0.5, 1.5]"), "plausible range 0 to 1"),
    ("bad mode", MINIMAL_CASE.replace('mode = "rotation"', 'mode = "trickle"'), "field 'deployment.mode'"),
    ("waves without list", MINIMAL_CASE.replace('mode = "rotation"', 'mode = "waves"'), "needs at least one"),
    ("unknown claim", MINIMAL_CASE.replace("fixed = 2000", 'fixed = 2000\nclaims = ["ghost"]'), "ghost"),
    (
        "arrival window backwards",
        MINIMAL_CASE.replace('mode = "rotation"', _WAVE + 'arrival_until = "2024-09"\n'),
        "before 'arrival'",
    ),
    (
        "window and profile",
        MINIMAL_CASE.replace('mode = "rotation"', _WAVE + 'arrival_until = "2024-11"\nprofile = [1, 1]\n'),
        "not both",
    ),
    ("negative profile", MINIMAL_CASE.replace('mode = "rotation"', _WAVE + "profile = [1, -1]\n"), "profile"),
    ("bad state uses", MINIMAL_CASE + "\n[state_uses]\nshares = { military = 1 }\n", "field 'state_uses.shares'"),
]


@pytest.mark.parametrize(("label", "content", "expect"), BAD_CASES, ids=[b[0] for b in BAD_CASES])
def test_bad_case_file_one_line_error(
    label: str, content: str | bytes, expect: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    code, out, err = run_cli(["report", str(path), "--draws", "10"], capsys)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0]
    assert expect in lines[0]
    assert "fix:" in lines[0]
    assert "Traceback" not in err


def test_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["report", str(tmp_path / "nope.toml")], capsys)
    assert code == 2
    assert "no such case" in err
    assert "troopledger cases" in err
    code, _, err = run_cli(["report", str(tmp_path)], capsys)
    assert code == 2
    assert "directory" in err
    code, _, err = run_cli(["report", " "], capsys)  # an empty name is not the working directory
    assert code == 2
    assert "the case name is empty" in err


def test_case_error_is_an_input_error_with_parts(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_text(MINIMAL_CASE.replace("months = 12", "months = -3"), encoding="utf-8")
    with pytest.raises(CaseError) as exc:
        load_case(p)
    assert exc.value.file == str(p)
    assert exc.value.field == "case.months"
    assert exc.value.fix


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_bytes(b"\xff\xfe\x00garbage")
    r = subprocess.run(
        [sys.executable, "-m", "troopledger", "report", str(p)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 2
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr
