"""Commands that do no numerical work must not load the numerical stack.

``--help``, ``cases`` and ``claims list`` are what a user runs between articles; they
stay fast because scipy, xarray, pandas, arviz, plotly and trafilatura load only where
a command uses them (figures in docs/performance.md, benchmarks/bench_startup.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from troopledger.claims import Ledger

HEAVY = ("scipy", "xarray", "pandas", "arviz", "plotly", "trafilatura", "SALib", "dask")


def _loaded_after(args: list[str], cwd: Path) -> list[str]:
    code = (
        "import sys\n"
        "from troopledger._cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=True)
    return eval(done.stderr.strip().splitlines()[-1])  # a printed list of names


@pytest.mark.parametrize(
    "args",
    [["--help"], ["cases"], ["claims", "list", "--ledger", "empty.db"], ["report", "--help"], ["history", "--help"]],
)
def test_light_commands_leave_the_numerical_stack_unloaded(args: list[str], tmp_path: Path) -> None:
    Ledger(tmp_path / "empty.db").close()
    assert _loaded_after(args, tmp_path) == []


def test_a_report_loads_scipy_only(tmp_path: Path) -> None:
    # a calibrated JSON report needs scipy's distributions and Sobol points, nothing heavier:
    # PSIS and RBD-FAST are written out, and xarray loads only where a Dataset is built
    args = ["report", "--draws", "2000", "--format", "json", "--out", str(tmp_path / "r.json")]
    assert _loaded_after(args, tmp_path) == ["scipy"]


def test_claims_list_loads_neither_the_claim_model_nor_article_reading(tmp_path: Path) -> None:
    """Listing reads stored text: the pydantic claim model and the extraction patterns stay unloaded."""
    with Ledger(tmp_path / "l.db") as led:
        led.import_file(_one_claim(tmp_path))
    code = (
        "import sys\n"
        "from troopledger._cli import main\n"
        "try:\n"
        "    main(['claims', 'list', '--ledger', 'l.db'])\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "names = ('troopledger.claims._record', 'troopledger.claims._extract', 'troopledger.sources')\n"
        "print(sorted(m for m in names if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert "c1" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"


def _one_claim(tmp_path: Path) -> Path:
    path = tmp_path / "one.jsonl"
    path.write_text(
        '{"id": "c1", "quantity": "pay_per_soldier_month", "value": 2000, "unit": "USD/month", "speaker": "A"}\n',
        encoding="utf-8",
    )
    return path


def test_english_extraction_and_help_load_no_library_of_other_languages(tmp_path: Path) -> None:
    """Babel's month names are for the other languages' packs: an English article never imports them."""
    article = tmp_path / "a.txt"
    article.write_text("Officials said about 11,000 North Korean soldiers were sent to Russia in October.\n")
    code = (
        "import sys\n"
        "from troopledger._cli import main\n"
        "for args in (['--help'], ['extract', 'a.txt']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit as e:\n"
        "        assert not e.code, e.code\n"
        "names = ('babel', 'babel.dates', 'pymorphy3', 'troopledger.claims._month_names',\n"
        "         'kiwipiepy', 'sudachipy', 'fugashi', 'troopledger.claims._foreign', 'troopledger.claims._owners')\n"
        "print(sorted(m for m in names if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"
