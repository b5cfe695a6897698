"""A case at the documented limits of its shape (48 waves over 240 months), reported and timed.

Builds the case ``tests/test_fuzz_edges.py`` runs (the default case with 48 waves of
1,000-3,000 soldiers arriving every five months, each staying to the horizon's end,
calibrated on the default case's claims), then runs ``troopledger report`` on it as a
whole process for each ``--draws``, with BLAS on one thread, and prints the wall time,
the CPU time (user + system, from ``getrusage``) and the peak memory. With
``--against SRC`` (e.g. a checkout's ``src``) it runs that tree's troopledger on the
same case in turn and says whether the two JSON reports are identical. Run:

    .venv/bin/python benchmarks/bench_wave_limits.py --draws 2000,20000 [--against ../before/src]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

WAVES, MONTHS = 48, 240


def write_case(path: Path, waves: int = WAVES, months: int = MONTHS) -> Path:
    """The default case turned into ``waves`` waves over ``months`` months (as the fuzz test builds it)."""
    text = resources.files("troopledger").joinpath("data", "cases", "nk-russia-2024.toml").read_text(encoding="utf-8")
    text = text.replace("months = 12", f"months = {months}", 1).replace('mode = "rotation"', 'mode = "waves"', 1)
    for name in ("rotation_interval_months", "troops_deployed"):
        text = re.sub(rf"\[parameters.{name}\].*?(?=\n\[)", "", text, flags=re.S)
    listed = []
    for i in range(waves):
        k = 9 + (i * months) // waves  # months after January 2024: the case starts in October 2024
        arrival = f"{2024 + k // 12}-{k % 12 + 1:02d}"
        listed.append(f'[[deployment.waves]]\nname = "w{i}"\narrival = "{arrival}"\nsize = {{ to = [1000, 3000] }}\n')
    path.write_text(text.replace('mode = "waves"\n', 'mode = "waves"\n\n' + "\n".join(listed), 1), encoding="utf-8")
    return path


def timed(case: Path, draws: int, out: Path, src: str | None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak GB of one report, in its own process."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    if src:
        env["PYTHONPATH"] = src
    code = "import sys; from troopledger._cli import main; main(sys.argv[1:])"
    args = ["report", str(case), "--draws", str(draws), "--seed", "1", "--format", "json", "--out", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise SystemExit(f"report failed: {run.stderr.decode(errors='replace')[-500:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, after.ru_maxrss * 1024 / 1e9


def main() -> None:
    """Time the report at each ``--draws`` (and against another tree's, if given)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--draws", default="2000,20000", help="comma-separated draw counts")
    ap.add_argument("--against", help="another tree's src directory to time and compare with")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        case = write_case(Path(tmp) / "limits.toml")
        print(f"{WAVES} waves x {MONTHS} months; load average {os.getloadavg()[0]:.1f} at the start")
        for draws in (int(d) for d in args.draws.split(",")):
            trees = [("this tree", None)] + ([("against", args.against)] if args.against else [])
            reports = []
            for name, src in trees:
                out = Path(tmp) / f"{name.replace(' ', '-')}-{draws}.json"
                wall, cpu, peak = timed(case, draws, out, src)
                reports.append(json.loads(out.read_text(encoding="utf-8")))
                print(
                    f"{draws:,} draws, {name}: wall {wall:.1f} s, CPU {cpu:.1f} s, peak so far {peak:.2f} GB",
                    flush=True,
                )
            if len(reports) == 2:
                print(f"{draws:,} draws: reports {'identical' if reports[0] == reports[1] else 'DIFFER'}")


if __name__ == "__main__":
    main()
