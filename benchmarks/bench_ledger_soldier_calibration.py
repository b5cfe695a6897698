"""Would the record case's own calibration improve the ledger's soldier stream? Measured, not assumed.

The ledger's soldier stream draws the soldier case's inputs with the case's own sampler,
so its draw ``i`` is the soldier-only run's draw ``i`` (same seed). The record case's
calibration weights could therefore multiply the ledger's weights. This script times
that calibration at the ledger's draws and prints the soldier stream's value and the
whole ledger's value under the ledger's checks alone, the record's calibration alone,
and both, with the effective draws of each weighting.

Run:  .venv/bin/python benchmarks/bench_ledger_soldier_calibration.py [--draws 20000] [--seed 0]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from troopledger.analysis import load_ledger
from troopledger.analysis._ledger_checks import draw_weights
from troopledger.analysis._ledger_run import draw_ledger
from troopledger.analysis._ledger_weights import Band, effective_draws
from troopledger.calibration import calibrate
from troopledger.evidence import load_case, resolve


def main() -> None:
    """Time the record case's calibration and compare the three weightings."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    case = load_ledger("nk-russia-ledger")
    began, cpu = time.perf_counter(), time.process_time()
    cal = calibrate(resolve(load_case("nk-russia-record")), a.draws, a.seed, workers=2)
    wall, used = time.perf_counter() - began, time.process_time() - cpu
    if cal.weights is None:
        raise SystemExit("the record case is not calibrated")
    record = np.asarray(cal.weights.weights[: a.draws], dtype=float)
    record /= record.sum()
    print(f"record calibration of {a.draws:,} draws: {wall:.1f} s wall, {used:.1f} s CPU")
    _, run, _ = draw_ledger(case, a.draws, a.seed, (0, len(case.months) - 1))
    ledger = draw_weights(case, run)
    if ledger is None:
        raise SystemExit("the ledger case weighs no check")
    both = ledger * record
    both /= both.sum()
    soldiers = run.totals["soldiers"]["soldiers_value"]
    value = run.accounts["value_to_north_korea"]
    for name, w in (("ledger checks", ledger), ("record calibration", record), ("both", both)):
        s, v = Band.of(soldiers, 1.0, w), Band.of(value, 1.0, w)
        print(
            f"{name:>18}: effective draws {effective_draws(w):,.0f}; soldiers ${s.p50 / 1e6:,.0f}M "
            f"(${s.p5 / 1e6:,.0f}M to ${s.p95 / 1e6:,.0f}M); whole ledger ${v.p50 / 1e9:.2f}B "
            f"(${v.p5 / 1e9:.2f}B to ${v.p95 / 1e9:.2f}B)"
        )


if __name__ == "__main__":
    main()
