"""The cost of the checks run on every open of a ledger, on a ledger of many claims.

Fills a ledger as ``bench_ledger.py`` does (or takes ``--ledger FILE``), then times in
process, in CPU seconds (``getrusage``) and wall seconds: ``claims list`` (best of
``--repeat``), each check alone (``PRAGMA integrity_check``, the ``quick_check`` it
replaced, the claims' and the history's checksums; none on a ledger older than version
5), and ``claims add`` of one claim that heads the big group (every label rewritten) on
a copy. Run it with another tree's troopledger (``PYTHONPATH=OTHER/src``) on a copy of
the same ledger at that tree's schema version to compare. Run:

    .venv/bin/python benchmarks/bench_ledger_checks.py --claims 100000
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from bench_ledger import fill
from troopledger._cli import main as cli


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _timed(args: list[str]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), _cpu()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            cli(args)
        except SystemExit as e:
            if e.code:
                raise
    return time.perf_counter() - wall, _cpu() - cpu


def _checks(path: Path) -> None:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    steps = [("integrity_check", "PRAGMA integrity_check(1)"), ("quick_check", "PRAGMA quick_check")]
    if version >= 5:
        from troopledger.claims._ledger_checksum import CLAIM_COLUMNS, HISTORY_COLUMNS, register

        register(db)
        steps += [
            (
                "claims' checksums",
                f"SELECT count(*) FROM claims WHERE checksum IS NOT tl_checksum({', '.join(CLAIM_COLUMNS)})",
            ),
            (
                "history checksums",
                f"SELECT count(*) FROM history WHERE checksum IS NOT tl_checksum({', '.join(HISTORY_COLUMNS)})",
            ),
        ]
    for name, sql in steps:
        wall, cpu = time.perf_counter(), _cpu()
        db.execute(sql).fetchall()
        print(f"{name}: wall {time.perf_counter() - wall:.2f} s, CPU {_cpu() - cpu:.2f} s")
    db.close()


def main() -> None:
    """Fill (or take) a ledger and time listing, each check and one head-changing add."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--ledger", help="an existing ledger to time instead of a new one")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.ledger) if args.ledger else Path(tmp) / "l.db"
        if not args.ledger:
            fill(path, args.claims)
        runs = [_timed(["claims", "list", "--ledger", str(path)]) for _ in range(args.repeat)]
        print("claims list: " + ", ".join(f"wall {w:.2f} s CPU {c:.2f} s" for w, c in runs))
        _checks(path)
        copy = Path(tmp) / "copy.db"
        shutil.copy(path, copy)
        head = ["claims", "add", "--quantity", "pay_per_soldier_month", "--speaker", "A spy agency"]
        head += ["--value", "2000", "--currency", "USD", "--period", "month", "--date", "2025-01-01", "--outlet", "X"]
        wall, cpu = _timed([*head, "--ledger", str(copy)])
        print(f"claims add (a new head of the group): wall {wall:.2f} s, CPU {cpu:.2f} s")


if __name__ == "__main__":
    main()
