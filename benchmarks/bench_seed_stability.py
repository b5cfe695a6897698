"""Seed-to-seed stability of the headline: ten seeds of a default ``report``, per bundled case.

For each case it runs ``troopledger report CASE --format json --seed S`` as a fresh
process (start-up included, as a user would) and prints, over the seeds: the mean,
standard deviation and range of the medians and 90 % bounds of ``paid_by_russia``
and ``to_state`` (relative to the mean), the number of distinct sets of
contradictions, the number of distinct top fives of the sensitivity table (with the
signs of their correlations with the headline totals of at least 0.1), and the wall time of each report.

It also prints, per family of figures (every total, every month of every monthly
path, every derived output, every input), the median and the largest sd/mean over
the seeds of the figures' medians (a family's median of sd/mean is what "ten seeds
keep medians within 1 %" is read as), and the effective draws' range.

Run:  .venv/bin/python benchmarks/bench_seed_stability.py [--seeds 10] [--cases nk-russia-record nk-russia-2024]
      [--extra-args "--draws 200000"] [--save DIR] [--load DIR]
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
#: The four totals a report headlines (their medians' sd/mean is printed too).
HEADLINE_ALL = ("paid_by_russia", "to_state", "to_soldiers", "to_families")
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


FAMILIES = ("totals", "monthly", "derived", "parameters")
#: Medians smaller than this share of their output's largest (over its months) are left out of sd/mean (a zero
#: month before a role arrives).
NEGLIGIBLE = 1e-6


def _medians(payload: dict[str, object]) -> dict[str, dict[str, float]]:
    """Every median the report prints, per family: name (and month) -> value."""
    out: dict[str, dict[str, float]] = {}
    for fam in FAMILIES:
        block = payload.get(fam) or {}
        vals: dict[str, float] = {}
        for name, v in block.items():  # type: ignore[union-attr]
            p50 = v.get("p50") if isinstance(v, dict) else None
            if isinstance(p50, list):
                vals.update({f"{name}[{m}]": float(x) for m, x in enumerate(p50)})
            elif isinstance(p50, (int, float)):
                vals[name] = float(p50)
        out[fam] = vals
    return out


def _family_spread(rows: list[dict[str, dict[str, float]]]) -> None:
    for fam in FAMILIES:
        names = set.intersection(*(set(r[fam]) for r in rows))
        if not names:
            continue
        means = {n: statistics.fmean(r[fam][n] for r in rows) for n in names}
        top: dict[str, float] = {}  # each output's largest median (over its months)
        for n, m in means.items():
            base = n.split("[", 1)[0]
            top[base] = max(top.get(base, 0.0), abs(m))
        rel = {
            n: statistics.stdev([r[fam][n] for r in rows]) / abs(m)
            for n, m in means.items()
            if abs(m) > NEGLIGIBLE * top[n.split("[", 1)[0]] and abs(m) > 0
        }
        if rel:
            worst = max(rel, key=rel.__getitem__)
            print(
                f"  medians of {fam:10s} sd/mean: median {statistics.median(rel.values()):6.2%}, "
                f"largest {rel[worst]:6.2%} ({worst}), {len(rel)} figures"
            )
    heads = {k: [r["totals"][k] for r in rows if k in r["totals"]] for k in HEADLINE_ALL}
    print(
        "  headline medians sd/mean: "
        + ", ".join(f"{k} {statistics.stdev(v) / statistics.fmean(v):.2%}" for k, v in heads.items() if len(v) > 1)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--cases", nargs="+", default=["nk-russia-record", "nk-russia-2024"])
    parser.add_argument("--extra-args", default="", help="more options for `troopledger report`")
    parser.add_argument("--save", type=Path, help="write each report's JSON here as CASE-SEED.json")
    parser.add_argument("--load", type=Path, help="read the reports --save wrote instead of running them")
    args = parser.parse_args()
    extra = shlex.split(args.extra_args)
    for case in args.cases:
        rows, sets, times, tops, meds, ess = [], [], [], [], [], []
        for seed in range(args.seeds):
            if args.load:
                payload, dt = json.loads((args.load / f"{case}-{seed}.json").read_text()), float("nan")
            else:
                payload, dt = _run(case, seed, extra)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{case}-{seed}.json").write_text(json.dumps(payload))
            rows.append(_headline(payload))
            meds.append(_medians(payload))
            ess.append(float(payload.get("effective_draws") or 0.0))  # type: ignore[arg-type]
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
        _family_spread(meds)
        print(f"  effective draws: {min(ess):,.0f}-{max(ess):,.0f} (median {statistics.median(ess):,.0f})")
        sizes = [len(s) for s in sets]
        print(f"  contradictions: {len(set(sets))} distinct sets over the seeds, {min(sizes)}-{max(sizes)} flagged")
        print(f"  sensitivity: {len(set(tops))} distinct top fives (signs of headline correlations >= 0.1)")
        print(f"  report wall time: median {statistics.median(times):.1f} s, max {max(times):.1f} s")


if __name__ == "__main__":
    main()
