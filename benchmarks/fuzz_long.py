"""The fuzz suite at length: many more (and new, random) examples than the test run.

Runs ``tests/test_fuzz_*.py`` with ``TROOPLEDGER_FUZZ_SCALE`` examples per example of
the normal run, without derandomisation, so each run tries inputs the suite has not.
Every outcome must still be a result or a one-line error (exit 2): no traceback, no
hang. Run: ``.venv/bin/python benchmarks/fuzz_long.py [--scale 20] [--workers 2]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Run the fuzz tests scaled up; exit with pytest's status."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=20, help="examples per example of the normal run")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    env = {**os.environ, "TROOPLEDGER_FUZZ_SCALE": str(args.scale)}
    files = sorted(str(p) for p in (ROOT / "tests").glob("test_fuzz_*.py"))
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", str(args.workers), *files]
    t0 = time.perf_counter()
    status = subprocess.call(cmd, cwd=ROOT, env=env)
    print(f"fuzz suite at scale {args.scale}: exit {status} in {time.perf_counter() - t0:.0f} s")
    sys.exit(status)


if __name__ == "__main__":
    main()
