"""Benchmark a default ``troopledger report``: wall and CPU seconds, start-up included.

Each repeat runs ``python -m troopledger report CASE`` in a fresh process for every
source tree given (this checkout by default; pass another tree's ``src`` with
``--against`` for a reference), interleaved so that a shared machine's load falls on
both alike, and prints the medians and their ratio.

Run:  .venv/bin/python benchmarks/bench_report.py [--against /path/to/other/src] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = ("nk-russia-2024", "nk-russia-record")
HERE = Path(__file__).resolve().parents[1] / "src"


def _once(src: Path, case: str, out: Path) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "troopledger", "report", case, "--format", "json", "--out", str(out)]
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    """Time the report of each bundled case for each tree, interleaved, and print medians."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--against", type=Path, help="another tree's src directory, timed as the reference")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    if args.against and not (args.against / "troopledger").is_dir():
        # timing a missing tree would silently time this one (PYTHONPATH falls back to the install)
        raise SystemExit(f"bench_report: --against {args.against}: no troopledger package there (give a tree's src)")
    trees = {"this": HERE, **({"reference": args.against.resolve()} if args.against else {})}
    times: dict[tuple[str, str], list[tuple[float, float]]] = {(t, c): [] for t in trees for c in CASES}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeats):
            for case in CASES:
                for name, src in trees.items():
                    times[(name, case)].append(_once(src, case, Path(tmp) / "r.json"))
    for case in CASES:
        for name in trees:
            wall = statistics.median(w for w, _ in times[(name, case)])
            cpu = statistics.median(c for _, c in times[(name, case)])
            print(f"{case:18s} {name:9s} wall {wall:6.2f} s  cpu {cpu:6.2f} s")
        if "reference" in trees:
            ratio = statistics.median(w for w, _ in times[("this", case)]) / statistics.median(
                w for w, _ in times[("reference", case)]
            )
            cpu_ratio = statistics.median(c for _, c in times[("this", case)]) / statistics.median(
                c for _, c in times[("reference", case)]
            )
            print(f"{case:18s} ratio this/reference: wall {ratio:.2f}, cpu {cpu_ratio:.2f}")


if __name__ == "__main__":
    main()
