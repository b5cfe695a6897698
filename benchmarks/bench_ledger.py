"""Ledger speed: ``claims list`` and lineage detection on a ledger of many claims.

Fills a ledger with ``--claims`` pay claims from one source (one speaker, one
outlet, one date, figures spread over a few thousand dollars: the worst case for
lineage detection, since every pair is a candidate), then times the ``claims list``
and ``claims lineage`` commands in process (stdout to a file) against a reference
in the same run: reading the same number of rows straight from SQLite with
``json.loads``. With ``--against PYTHON`` it also times ``troopledger claims list``
as a whole process (start-up included, stdout to /dev/null), this tree's against
the troopledger of another interpreter (e.g. main's venv), interleaved, in wall and
CPU seconds: the other one fills its own ledger at its own schema version, and this
tree upgrades a copy of that file (the upgrade is timed too). Run:
``.venv/bin/python benchmarks/bench_ledger.py --claims 100000 [--repeat 3]
[--against /work/main/.venv/bin/python]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from troopledger._cli import main as cli
from troopledger.claims import Claim, Ledger, SourceRef, detect_lineages

SOURCE = SourceRef(id="one", outlet="One Outlet", url="https://example.org/one", date="2025-03-04")


def fill(path: Path, n: int) -> None:
    """A ledger of ``n`` pending pay claims from one speaker and source."""
    claims = [
        Claim(
            id=f"c{i:06d}",
            quantity="pay_per_soldier_month",
            value=1000.0 + (i * 7919) % 3000,
            unit="USD/month",
            period="month",
            speaker="A spy agency",
            speaker_kind="intelligence",
            via=["a wire"],
            source=SOURCE,
        )
        for i in range(n)
    ]
    with Ledger(path) as led:
        led.add(claims)


def _timed(fn: object, *args: object) -> float:
    t0 = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - t0


def _command(argv: list[str]) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            cli(argv)
        except SystemExit as e:
            if e.code:
                raise RuntimeError(f"{argv} exited {e.code}") from None


def _reference(path: Path) -> None:
    with sqlite3.connect(path) as db:
        rows = [json.loads(r) for (r,) in db.execute("SELECT record FROM claims ORDER BY id")]
    if not rows:
        raise RuntimeError("empty ledger")


def _process(python: str, ledger: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``claims list`` process run by ``python``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    argv = [python, "-m", "troopledger", "claims", "list", "--ledger", str(ledger)]
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def against(other: str, n: int, repeat: int) -> None:
    """``claims list`` as whole processes: this tree against ``other``'s troopledger, interleaved."""
    with tempfile.TemporaryDirectory() as tmp:
        theirs, ours = Path(tmp) / "theirs.db", Path(tmp) / "ours.db"
        subprocess.run([other, __file__, "--fill-only", str(theirs), "--claims", str(n)], check=True)
        shutil.copy(theirs, ours)
        t0 = time.perf_counter()
        Ledger(ours).close()  # opened for writing: upgraded to this tree's schema
        upgrade = time.perf_counter() - t0
        runs: dict[str, list[tuple[float, float]]] = {"this tree": [], other: []}
        for _ in range(repeat):
            runs["this tree"].append(_process(sys.executable, ours))
            runs[other].append(_process(other, theirs))
    print(
        f"claims list as a process, {n:,} claims, {repeat} interleaved rounds (upgrade of the copy: {upgrade:.1f} s):"
    )
    for name, times in runs.items():
        walls, cpus = sorted(w for w, _ in times), sorted(c for _, c in times)
        print(f"  {name:40s} wall best {walls[0]:.2f} s median {walls[len(walls) // 2]:.2f} s;"
              f" CPU best {cpus[0]:.2f} s median {cpus[len(cpus) // 2]:.2f} s")  # fmt: skip
    ratio = sorted(b[0] / a[0] for a, b in zip(runs["this tree"], runs[other], strict=True))
    print(f"  wall ratio {other} / this tree, per round: {', '.join(f'{r:.1f}' for r in ratio)}")


def main() -> None:
    """Print seconds for list, lineage and the raw-read reference, best of ``--repeat``."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--against", help="another Python whose troopledger to time claims list against")
    ap.add_argument("--fill-only", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.against and not Path(args.against).is_file():
        raise SystemExit(f"bench_ledger: --against {args.against}: no such Python (give a checkout's .venv/bin/python)")
    if args.fill_only:
        fill(Path(args.fill_only), args.claims)
        return
    if args.against:
        against(args.against, args.claims, args.repeat)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        t_fill = _timed(fill, db, args.claims)
        with Ledger(db, create=False) as led:
            claims = led.claims()
        best: dict[str, float] = {}
        for _ in range(args.repeat):  # interleaved, so machine load hits all alike
            for name, fn, fargs in (
                ("reference: raw SQLite read + json.loads", _reference, (db,)),
                ("detect_lineages", detect_lineages, (claims,)),
                ("claims list", _command, (["claims", "list", "--ledger", str(db)],)),
                ("claims lineage", _command, (["claims", "lineage", "--ledger", str(db)],)),
            ):
                best[name] = min(best.get(name, float("inf")), _timed(fn, *fargs))
    print(f"{args.claims:,} claims from one source (filled in {t_fill:.1f} s); best of {args.repeat}:")
    ref = best["reference: raw SQLite read + json.loads"]
    for name, t in best.items():
        print(f"  {name:42s} {t:7.3f} s   {t / ref:5.1f} x reference")


if __name__ == "__main__":
    main()
