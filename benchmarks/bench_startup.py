"""Start-up time of the command line, next to a bare interpreter and to its own libraries.

Runs, interleaved and repeated (the machine may be shared):

* ``python -c pass``: the interpreter alone;
* ``python -c "import typer, rich.console, pydantic, numpy"``: the libraries every
  command needs, the floor the CLI cannot go under;
* ``troopledger --help``, ``troopledger cases`` and ``troopledger claims list`` (on an
  empty ledger in a temporary folder).

With ``--before PYTHON`` (the interpreter of another checkout, e.g. one from before
the start-up work), ``PYTHON -m troopledger --help`` and ``cases`` run in the same
rounds, for a before/after ratio measured under the same load.

Prints the median wall time of each and its ratio to ``python -c pass``::

    python benchmarks/bench_startup.py --repeat 15 [--before ../main/.venv/bin/python]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = [sys.executable, "-m", "troopledger"]


def _commands(ledger: Path, before: str | None) -> dict[str, list[str]]:
    old = (
        {}
        if before is None
        else {
            "before: troopledger --help": [before, "-m", "troopledger", "--help"],
            "before: troopledger cases": [before, "-m", "troopledger", "cases"],
        }
    )
    return old | {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import typer, rich, pydantic, numpy": [
            sys.executable,
            "-c",
            "import typer, rich.console, rich.table, pydantic, numpy",
        ],
        "troopledger --help": [*CLI, "--help"],
        "troopledger cases": [*CLI, "cases"],
        "troopledger claims list": [*CLI, "claims", "list", "--ledger", str(ledger)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--before", help="python of another checkout to time alongside")
    args = parser.parse_args()
    if args.before and not Path(args.before).is_file():
        raise SystemExit(f"bench_startup: --before {args.before}: no such Python (give a checkout's .venv/bin/python)")
    from troopledger.claims import Ledger

    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "empty.db"
        with Ledger(ledger):
            pass  # an empty ledger, so 'claims list' runs to the end
        commands = _commands(ledger, args.before)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, cmd in commands.items():  # interleaved: load changes hit every command alike
                t0 = time.perf_counter()
                subprocess.run(cmd, capture_output=True, check=False)
                times[name].append(time.perf_counter() - t0)
    base = statistics.median(times["python -c pass"])
    print(f"{'command':<38}{'median s':>10}{'x python':>10}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:<38}{med:>10.3f}{med / base:>10.1f}")


if __name__ == "__main__":
    main()
