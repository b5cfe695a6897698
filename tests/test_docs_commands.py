"""Every user command line in README.md and docs/*.md runs as written, and the figures the docs quote are printed.

Fenced blocks are marked by their info string:

* ```` ```sh ````: user commands. Each block is a recipe: its lines run in order in a
  fresh folder laid out like a clone (``docs/`` and ``src/`` linked in), so the files
  one line writes (a ledger, ``found.json``) are there for the next, as for a reader
  following the page; blocks run in parallel. Every line must exit 0.
* ```` ```sh dev ````: developer commands (benchmarks, tools). Not run here (they time
  things for minutes or need a second tree or ``../shared``); they must name scripts
  that exist, take ``--help``, and use no absolute or ``../main`` path.
* ```` ```sh norun ````: installs and servers (``pip install``, ``dask scheduler``), which
  ``.ci/run`` and ``tests/test_history.py`` (a LocalCluster) cover; only such lines may be there.

``FIGURES`` pins figures the prose quotes: each must be in the document and in the
output of the command named beside it.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^```(\S*)(?:[ \t]+(\S+))?[ \t]*\n(.*?)^```", re.MULTILINE | re.DOTALL)

#: What may stand in a ``sh norun`` block: installs, and servers that run until stopped.
NORUN = re.compile(r"^(\.venv/bin/)?(pip install|python3 -m venv|dask (scheduler|worker)|apt-get install)|--cluster |"
                   r"^TROOPLEDGER_CLUSTER=")  # fmt: skip

HISTORY = "troopledger history nk-russia-record --every month"
#: (document, a command's start, figures the document quotes that the command prints); a pair
#: is the figure as the prose writes it and as the command prints it.
FIGURES: list[tuple[str, str, tuple[str | tuple[str, str], ...]]] = [
    ("docs/analyst.md", "troopledger report docs/examples/won-10000.toml --currency KRW --rate 1385", ("₩27.7B",)),
    ("docs/analyst.md", "troopledger compare docs/examples/won-10000.toml", ("₩277k", "₩554k")),
    ("docs/analyst.md", "troopledger report docs/examples/thirty-thousand.toml", ("₩1.4T",)),
    ("docs/analyst.md", "troopledger report nk-russia-record --window 2025-01..2025-12", ("$435M", "$282M to $689M")),
    (
        "docs/analyst.md",
        "troopledger compare nk-russia-record --set signing_bonus=2000",
        ("$47.7M", "$40.2M", "$57.8M"),
    ),
    (
        "docs/analyst.md",
        "troopledger compare nk-russia-record --set signing_bonus=2000",
        ("$40.9M", ("about $302", "+$302")),
    ),
    ("docs/analyst.md", "troopledger compare nk-russia-record --set waves.builders", ("$31.3M", "$73.3M", "$12.5M")),
    ("docs/analyst.md", "troopledger report docs/examples/killed-by-april.toml", ("$3.6M to $6M", "$4.64M")),
    ("docs/analyst.md", "troopledger report docs/examples/killed-by-april.toml", (("left out", "Left out, zero in"),)),
    ("docs/analyst.md", "troopledger report docs/examples/won-10000.toml --set realised_share", ("$9.61M to $46.9M",)),
    ("docs/analyst.md", "troopledger report docs/examples/won-10000.toml --set realised_share", ("$8.65M to $42.2M",)),
    (
        "README.md",
        HISTORY,
        (
            ("case 91 % of", "126 (91%)"),
            ("22 of 25 counting each claim once", "22 of 25 (88%)"),
            ("p95/p5 of 3.84", "intervals is 3.84"),
        ),
    ),
    (
        "docs/ledger.md",
        "troopledger report nk-russia-ledger --window 2023-08..2025-12",
        (
            "$19.2B",
            "$9.72B",
            "$61.2B",
            "$17.5B ($8.06B to $59.5B)",
            "$521M ($336M to $817M)",
            "$766M ($413M to $1.62B)",
            "22,230 effective draws of 100,000",
            ("2,102 effective draws", "effective draws 2,102"),
        ),
    ),
    (
        "docs/ledger.md",
        "troopledger reconcile nk-russia-ledger --target soldiers.value_to_north_korea@2025-12=620e6",
        ("$521M ($336M to $817M)", ("| 24.7 % |", "24.65%")),
    ),
    (
        "docs/ledger.md",
        "troopledger reconcile nk-russia-ledger --target munitions.value_to_north_korea@2025-03=1.88e10",
        ("$13.7B ($6.4B to $47.6B)", ("| 33.5 % |", "33.47%")),
    ),
    ("docs/ledger.md", "troopledger history nk-russia-ledger --every quarter", ("30 of 40 claims",)),
    (
        "docs/ledger.md",
        "troopledger report nk-russia-ledger --scenario workers-x-wage-x-share-2025",
        (("180,000,000.0 and 126,000,000.0", "180000000\n126000000"),),
    ),
    ("docs/history.md", HISTORY, (("**126 (91 %)**", "126 (91%)"), ("**22 of 25 (88 %)**", "22 of 25 (88%)"))),
    (
        "docs/history.md",
        HISTORY,
        (("of 139 predictions of 25 claims", "Of 139 predictions of 25 claims"), "110 of 123", "16 of 16", "0.22"),
    ),
    ("docs/history.md", HISTORY, ("136 of 139", ("23 of 25 once each", "once each 23 of 25"))),
    (
        "docs/history.md",
        HISTORY,
        ("3.84 (2.83 counting each claim once)", "37 of 37", "43 of 48", "27 of 34", "9 of 9"),
    ),
    (
        "docs/calibration.md",
        "troopledger reconcile nk-russia-record --target cumulative_paid_by_russia@2025-12=620e6",
        (("$520M ($340M–$821M)", "$520M ($340M to $821M)"), ("(49.0 % → 50.5 %", "│ 49.0% (10.7% to 84.6%)")),
    ),
    (
        "docs/calibration.md",
        "troopledger reconcile nk-russia-record --target cumulative_paid_by_russia@2025-12=620e6 --format md",
        (
            (
                "$2.96k a month, its posterior 77.0 % point",
                "pay\\_rank\\_private (to $2.96k per month, its posterior 77.0% point",
            ),
            ("(23.0 % of the posterior lies beyond)", "23.0% of the posterior lies beyond"),
            ("$48.4k (95.8 %)", "| $48.4k | 95.8% ± 0.4% |"),
            ("$4.89k a month (97.8 %)", "| $4.89k per month | 97.8% ± 0.1% |"),
            ("10,043 (98.2 %)", "| 10,043 persons | 98.2% ± 0.1% |"),
            ("technician's pay (98.6 %)", "| $5.88k per month | 98.6% ± 0.2% |"),
            ("At 100 % the median is $600M", "at 100.0% the median is $600M (44.6% at least as far)"),
            ("44.6 % likely", "(44.6% at least as far)"),
            ("0.53 nats (11,837 effective draws of 22,230)", "0.53 nats, 11,837 effective draws of 22,230"),
            (
                "private's pay to its posterior 69 % point",
                "pay\\_rank\\_private (to its posterior 69% point, +0.49 sd)",
            ),
            ("death payment to 59 %", "death\\_compensation (to its posterior 59% point"),
            ("(r21: 54 % → 61 %)", "| 54% → 61% |"),
        ),
    ),
    (
        "docs/calibration.md",
        "troopledger reconcile nk-russia-record --target cumulative_paid_by_russia@2026-06=800e6 --until 2026-12",
        ("$753M ($485M to $1.2B", ("probability 41 %", "probability 41.08%"), ("0.42 nats", "entropy 0.42 nats")),
    ),
    (
        "docs/calibration.md",
        "troopledger reconcile nk-russia-record --target cumulative_paid_by_russia@2026-06=800e6 --until 2026-12"
        " --format md",
        (
            ("60.7 % point", "its posterior 60.7% point"),
            ("75.8 % point", "its posterior 75.8% point"),
            ("67.6 % (its posterior 79.3 % point)", "replacement\\_share (to 67.6%, its posterior 79.3% point"),
            ("(57 %, 55 %, 52 %)", "replacement\\_share (to its posterior 52% point"),
        ),
    ),
    ("docs/history.md", HISTORY, ("929 to 1,920",)),
]


@dataclass(frozen=True)
class Block:
    """One fenced block: its document, first line number, marker and command lines."""

    doc: Path
    line: int
    marker: str
    commands: tuple[str, ...]


def _commands(body: str) -> tuple[str, ...]:
    """The block's command lines: continuations joined, comments and blank lines dropped."""
    joined = re.sub(r"\\\n\s*", " ", body)
    out = []
    for raw in joined.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        out.append(line)
    return tuple(out)


def blocks(doc: Path, lang: str = "sh") -> list[Block]:
    """Every ```` ```sh ```` block of ``doc`` (any marker), in order."""
    text = doc.read_text(encoding="utf-8")
    found = []
    for m in FENCE.finditer(text):
        if m.group(1) == lang:
            found.append(Block(doc, text[: m.start()].count("\n") + 1, m.group(2) or "", _commands(m.group(3))))
    return found


def _name(doc: Path) -> str:
    return str(doc.relative_to(ROOT))


def test_every_command_block_is_marked() -> None:
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            where = f"{_name(doc)}:{text[: m.start()].count(chr(10)) + 1}"
            body = m.group(3)
            if m.group(1) == "":
                assert not re.search(r"^\s*(troopledger\s+[a-z]|\.venv/bin/|python)", body, re.M), (
                    f"{where}: a command block without ```sh"
                )
            if m.group(1) == "sh":
                assert (m.group(2) or "") in ("", "dev", "norun"), f"{where}: unknown marker {m.group(2)!r}"


def test_norun_blocks_hold_only_installs_and_servers() -> None:
    for doc in DOCS:
        for b in blocks(doc):
            if b.marker == "norun":
                for line in b.commands:
                    assert NORUN.search(line), f"{_name(doc)}:{b.line}: {line!r} is a user command: put it in ```sh"


def test_developer_lines_work_from_a_fresh_clone() -> None:
    scripts = set()
    for doc in DOCS:
        for b in blocks(doc):
            for line in b.commands if b.marker == "dev" else ():
                assert "../main" not in line, f"{_name(doc)}:{b.line}: {line!r} needs a sibling checkout"
                assert not re.search(r"(^|\s)/(work|home|root|Users|tmp)/", line), f"{_name(doc)}: {line!r}"
                scripts |= set(re.findall(r"((?:benchmarks|tools)/[\w./-]+\.(?:py|sh))", line))
    assert scripts, "no developer command found"
    for script in sorted(scripts):
        path = ROOT / script.replace("$t/", "")
        assert path.is_file(), f"{script} is named in the docs but does not exist"
        if path.suffix == ".py":
            done = subprocess.run([sys.executable, str(path), "--help"], capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, f"{script} --help: {done.stderr[-500:]}"


def test_readmes_first_commands_are_the_install_ci_runs() -> None:
    first = blocks(ROOT / "README.md")[:2]
    assert [b.marker for b in first] == ["norun", "norun"]
    run_ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first[1].commands[0] in run_ci  # tests/test_ci.py checks the rest of .ci/run


def _workdir(tmp: Path) -> Path:
    """A folder laid out like a clone for the commands that name docs/examples or src/ paths."""
    for name in ("docs", "src"):
        (tmp / name).symlink_to(ROOT / name, target_is_directory=True)
    return tmp


def _run(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TROOPLEDGER_")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "130"
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )


USER_BLOCKS = [b for d in DOCS for b in blocks(d) if not b.marker and b.commands]


@pytest.mark.slow
@pytest.mark.parametrize("block", USER_BLOCKS, ids=lambda b: f"{_name(b.doc)}:{b.line}")
def test_user_commands_run_as_written(block: Block, tmp_path: Path) -> None:
    # each block is a recipe a reader follows from the top: its lines run in order in one fresh folder
    cwd = _workdir(tmp_path)
    printed: dict[str, str] = {}
    for line in block.commands:
        done = _run(line, cwd)
        where = f"{_name(block.doc)}:{block.line}"
        assert done.returncode == 0, f"{where}: {line!r} exited {done.returncode}: {done.stderr[-800:]}"
        printed[line] = done.stdout + done.stderr
    text = " ".join(block.doc.read_text(encoding="utf-8").split())  # figures may wrap across lines
    for name, start, figures in FIGURES:
        lines = [line for line in printed if line.startswith(start)]
        if name != _name(block.doc) or not lines:
            continue
        for figure in figures:
            written, shown = (figure, figure) if isinstance(figure, str) else figure
            assert written in text, f"{name} no longer quotes {written}"
            assert shown in printed[lines[0]], f"{name}: {lines[0]!r} does not print {shown}"


def test_figures_name_commands_of_their_document() -> None:
    for name, start, _ in FIGURES:
        lines = [line for b in blocks(ROOT / name) if not b.marker for line in b.commands]
        assert any(line.startswith(start) for line in lines), f"{name}: no ```sh line starts {start!r}"
        assert shlex.split(start)[0] == "troopledger"
