"""Seed-to-seed stability of the headline: ten seeds of a default ``report``, per bundled case.

For each case it runs ``troopledger report CASE --format json --seed S`` as a fresh
process (start-up included, as a user would) and prints, over the seeds: the mean,
standard deviation and range of the medians and 90 % bounds of ``paid_by_russia``
and ``to_state`` (relative to the mean), the number of distinct sets of
contradictions, the number of distinct top fives of the sensitivity table (with the
signs of their correlations with the headline totals of at least 0.1), and the wall time of each report.

Run:  .venv/bin/python benchmarks/bench_seed_stability.py [--seeds 10] [--cases nk-russia-record nk-russia-2024]
      [--extra-args "--draws 200000"]
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEADLINE = ("paid_by_russia", "to_state")
STATS = ("p5", "p50", "p95")


def _run(case: str, seed: int, extra: list[str]) -> tuple[dict[str, object], float]:
    exe = Path(sys.executable).with_name("troopledger")
    cmd = [str(exe), "report", case, "--format", "json", "--seed", str(seed), *extra]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout), time.perf_counter() - t0


def _headline(payload: dict[str, object]) -> dict[str, dict[str, float]]:
    """The totals the report headlines (the posterior when the run is calibrated)."""
    totals = payload["totals"]
    return {k: {s: float(totals[k][s]) for s in STATS} for k in HEADLINE}  # type: ignore[index]


def _contradictions(payload: dict[str, object]) -> frozenset[tuple[str, ...]]:
    found = payload.get("contradictions") or []
    return frozenset(tuple(sorted(c["claims"])) for c in found)  # type: ignore[union-attr, index]


def _top_five(payload: dict[str, object]) -> frozenset[tuple[str, tuple[int, ...]]]:
    """The five inputs the sensitivity table ranks first (as a set), each with the signs of its correlations."""
    sens = payload.get("sensitivity") or {}
    order = list(sens.get("order", []))[:5]  # type: ignore[union-attr]
    rho = sens.get("parameters", {})  # type: ignore[union-attr]
    return frozenset(
        (name, tuple(int(v > 0) - int(v < 0) for k, v in sorted(rho[name].items()) if k in HEADLINE and abs(v) >= 0.1))
        for name in order
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--cases", nargs="+", default=["nk-russia-record", "nk-russia-2024"])
    parser.add_argument("--extra-args", default="", help="more options for `troopledger report`")
    args = parser.parse_args()
    extra = shlex.split(args.extra_args)
    for case in args.cases:
        rows, sets, times, tops = [], [], [], []
        for seed in range(args.seeds):
            payload, dt = _run(case, seed, extra)
            rows.append(_headline(payload))
            sets.append(_contradictions(payload))
            tops.append(_top_five(payload))
            times.append(dt)
        print(f"\n{case}  ({args.seeds} seeds, extra args: {args.extra_args or 'none'})")
        for k in HEADLINE:
            for s in STATS:
                v = [r[k][s] for r in rows]
                mean = statistics.fmean(v)
                sd = statistics.stdev(v) if len(v) > 1 else 0.0
                print(
                    f"  {k:15s} {s:4s} mean {mean / 1e6:9.1f}M  sd {sd / mean:7.2%}  "
                    f"range {min(v) / 1e6:8.1f}M-{max(v) / 1e6:8.1f}M"
                )
        sizes = [len(s) for s in sets]
        print(f"  contradictions: {len(set(sets))} distinct sets over the seeds, {min(sizes)}-{max(sizes)} flagged")
        print(f"  sensitivity: {len(set(tops))} distinct top fives (signs of headline correlations >= 0.1)")
        print(f"  report wall time: median {statistics.median(times):.1f} s, max {max(times):.1f} s")


if __name__ == "__main__":
    main()
