"""Benchmark calibration: how long weighing 10^6 prior draws by the claims takes.

For the default case it times, separately:

* ``prior run``: ``analysis.collect`` with the observation targets kept (sampling,
  model and reductions; the cost of any run, calibrated or not);
* ``calibration``: log-likelihoods of the kept targets, Pareto-smoothed importance
  weights (ArviZ PSIS) and the weighted summary of every output;
* ``tempering``: the sequential fallback on its default number of particles (used
  when k-hat says the weights cannot be trusted, as on the default case);
* ``contradictions``: the pairwise scan.

Run:  .venv/bin/python benchmarks/bench_calibration.py [--draws 1000000]
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np

from troopledger.analysis import summarize_draws
from troopledger.calibration import (
    TEMPERING_PARTICLES,
    compile_observations,
    find_contradictions,
    importance_weights,
    temper,
)
from troopledger.evidence import load_case, resolve
from troopledger.model import collect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    case = resolve(load_case("nk-russia-2024"))
    every = compile_observations(case)
    obs = every.evidence()
    importance_weights(np.zeros(100) + np.arange(100) * 1e-3)  # import ArviZ outside the timings

    t0 = time.perf_counter()
    d = collect(case, args.draws, args.seed, workers=2, observations=obs)
    t1 = time.perf_counter()
    w = importance_weights(obs.loglik(np.asarray(d.observed, dtype=np.float64)))
    summarize_draws(d, w.weights)
    t2 = time.perf_counter()
    t = temper(case, obs, TEMPERING_PARTICLES, args.seed)
    t3 = time.perf_counter()
    found = find_contradictions(case, seed=args.seed, observations=every)
    t4 = time.perf_counter()
    print(f"draws                {args.draws:>12,}   observations {len(obs)}")
    print(f"prior run (collect)  {t1 - t0:>10.2f} s   (2 threads)")
    print(f"calibration (PSIS)   {t2 - t1:>10.2f} s   k-hat {w.khat:.2f}, ESS {w.ess:,.0f}")
    print(f"tempering            {t3 - t2:>10.2f} s   {t.particles:,} particles, {t.stages} stages")
    print(f"contradictions       {t4 - t3:>10.2f} s   {len(found)} found")


if __name__ == "__main__":
    main()
