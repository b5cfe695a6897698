"""The ledger's soldier stream calibrated as a cut: its cost, its effective draws, and its agreement with the record.

The ledger's soldier stream resamples its inputs from the soldier case's own calibration
(:func:`troopledger.analysis.calibrate_streams`). This script times that calibration at the
ledger's draws, prints the soldier stream and the whole ledger with it (the report's default)
and as before it (the soldier stream drawn from its prior and weighed, with every other stream,
by the ledger's soldier checks), with the effective draws of each, and the record report's own
posterior over the same window with the seed and draws the soldier stream was calibrated on (and
at ``--record-draws``) for comparison.

Run:  .venv/bin/python benchmarks/bench_ledger_soldier_calibration.py [--draws 20000] [--seed 0] [--record-draws N]
"""

from __future__ import annotations

import argparse
import time

from troopledger.analysis import Band, calibrate_streams, load_ledger, run
from troopledger.analysis._ledger_checks import draw_weights
from troopledger.analysis._ledger_run import draw_ledger
from troopledger.analysis._ledger_weights import effective_draws


def _money(b: Band | dict[str, float], scale: float = 1e6, unit: str = "M") -> str:
    p5, p50, p95 = (b.p5, b.p50, b.p95) if isinstance(b, Band) else (b["p5"], b["p50"], b["p95"])
    return f"${p50 / scale:,.1f}{unit} (${p5 / scale:,.1f}{unit} to ${p95 / scale:,.1f}{unit})"


def main() -> None:
    """Time the soldier calibration and compare the ledger with it, without it, and the record report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--record-draws", type=int, default=0, help="also run the record report at these draws")
    a = ap.parse_args()
    case = load_ledger("nk-russia-ledger")
    whole = (0, len(case.months) - 1)
    began, cpu = time.perf_counter(), time.process_time()
    calibrated, (cal,) = calibrate_streams(case, a.draws, a.seed)
    wall, used = time.perf_counter() - began, time.process_time() - cpu
    print(
        f"soldier calibration on {cal.draws:,} draws: {wall:.1f} s wall, {used:.1f} s CPU; "
        f"{len(cal.claims)} claims of {cal.case}, {cal.effective_draws:,.0f} effective draws, "
        f"k-hat {cal.pareto_khat:.2f}"
    )
    for name, c in (("before (soldier checks weigh)", case), ("after (the cut)", calibrated)):
        _, drawn, _ = draw_ledger(c, a.draws, a.seed, whole)
        w = draw_weights(c, drawn)
        s = Band.of(drawn.totals["soldiers"]["soldiers_value"], 1.0, w)
        k = Band.of(drawn.totals["soldiers"]["soldiers_kept_by_state"], 1.0, w)
        v = Band.of(drawn.accounts["value_to_north_korea"], 1.0, w)
        ess = effective_draws(w) if w is not None else float(a.draws)
        print(
            f"{name:>30}: ledger's effective draws {ess:,.0f}; soldiers {_money(s)}, kept {_money(k)}; "
            f"whole ledger {_money(v, 1e9, 'B')}"
        )
    for n in (cal.draws, a.record_draws):
        if n:
            r = run("nk-russia-record", n, a.seed, contradictions=False, sensitivity=False)
            assert r.posterior is not None
            t = r.posterior.totals
            print(
                f"{'record report, ' + format(n, ',') + ' draws':>30}: paid by Russia {_money(t['paid_by_russia'])}, "
                f"to the state {_money(t['to_state'])}"
            )


if __name__ == "__main__":
    main()
