"""Accuracy against effort: the robust posterior at 10^5 draws against a reference at 10x the draws.

For each bundled case it runs ``calibration.calibrate`` once at ``--reference``
draws (the reference) and at ``--draws`` draws for ``--seeds`` seeds, and prints
the medians of ``paid_by_russia`` and ``to_state``: the reference, the mean and
standard deviation over the seeds, their gap to the reference in units of the
seeds' sd and of the run's own estimated Monte Carlo error, and the CPU time of
one run of each size.

Run:  .venv/bin/python benchmarks/bench_reference.py [--draws 100000] [--reference 1000000] [--seeds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

from troopledger.calibration import calibrate, weighted_quantiles
from troopledger.evidence import load_case, resolve

HEADLINE = ("paid_by_russia", "to_state")


def _medians(prior, draws: int, seed: int) -> tuple[dict[str, float], dict[str, float], float]:  # type: ignore[no-untyped-def]
    t0 = time.process_time()
    cal = calibrate(prior, draws, seed)
    cpu = time.process_time() - t0
    pd, w = cal.posterior_draws, cal.posterior_weights
    med = {k: float(weighted_quantiles(pd.totals[k], (0.5,), w)[0]) for k in HEADLINE}
    err = {k: cal.mc_error[k]["p50"] for k in HEADLINE}
    return med, err, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--reference", type=int, default=1_000_000)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--cases", nargs="+", default=["nk-russia-record", "nk-russia-2024"])
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    for case in args.cases:
        prior = resolve(load_case(case))
        ref, ref_err, ref_cpu = _medians(prior, args.reference, 1000)
        runs = [_medians(prior, args.draws, s) for s in range(args.seeds)]
        print(f"\n{case}: reference {args.reference:,} draws ({ref_cpu:.1f} s CPU), runs of {args.draws:,} draws")
        for k in HEADLINE:
            v = [r[0][k] for r in runs]
            mean, sd = statistics.fmean(v), statistics.stdev(v)
            err = statistics.fmean(r[1][k] for r in runs)
            print(
                f"  {k:15s} reference {ref[k] / 1e6:8.2f}M (MC error {ref_err[k] / 1e6:.2f}M)  "
                f"runs {mean / 1e6:8.2f}M sd {sd / 1e6:.2f}M ({sd / mean:.2%})  "
                f"gap {(mean - ref[k]) / 1e6:+.2f}M  estimated MC error {err / 1e6:.2f}M"
            )
        print(f"  CPU per run of {args.draws:,} draws: {statistics.fmean(r[2] for r in runs):.1f} s")


if __name__ == "__main__":
    main()
