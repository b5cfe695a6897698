"""Benchmark calibration: where the CPU time of one calibrated run goes, step by step.

For each bundled case it runs ``troopledger.run`` once (as ``troopledger report``
does) and prints the CPU seconds of each step: the prior run (``collect``), the
dependency graph, the tempering pilot and proposal fit, the posterior draws
(``collect_chunks``), the importance weights (PSIS), the readings, the contradiction
scan, the two summaries, the posterior sensitivity and the RBD-FAST indices. CPU seconds, not wall time:
the development machine is shared, and CPU time is what a quiet machine would take
on one core.

Run:  .venv/bin/python benchmarks/bench_calibration.py [--draws 100000] [--seed 0]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from typing import Any

import troopledger.analysis._desk as desk_module
import troopledger.analysis._result as result_module
import troopledger.calibration._workflow as workflow_module
from troopledger.analysis import run
from troopledger.evidence import load_case

STEPS = (
    (workflow_module, "collect", "prior run"),
    (workflow_module, "dependency_graph", "dependency graph"),
    (workflow_module, "fit_proposal", "tempering pilot and proposal"),
    (workflow_module, "collect_chunks", "posterior draws"),
    (workflow_module, "importance_weights", "importance weights (PSIS)"),
    (workflow_module, "readings", "readings"),
    (result_module, "find_contradictions", "contradiction sets"),
    (result_module, "summarize_draws", "summaries (prior, posterior)"),
    (result_module, "rank_sensitivity", "posterior sensitivity"),
    (desk_module, "given_data_sensitivity", "RBD-FAST on the posterior"),
    (desk_module, "sensitivity_over_time", "RBD-FAST month by month"),
)


def _timed(spent: dict[str, float], label: str, f: Callable[..., Any]) -> Callable[..., Any]:
    def g(*a: Any, **k: Any) -> Any:
        t = time.process_time()
        out = f(*a, **k)
        spent[label] = spent.get(label, 0.0) + time.process_time() - t
        return out

    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cases", nargs="+", default=["nk-russia-record", "nk-russia-2024"])
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    spent: dict[str, float] = {}
    for module, name, label in STEPS:
        setattr(module, name, _timed(spent, label, getattr(module, name)))
    for case in args.cases:
        spent.clear()
        casefile = load_case(case)
        t0 = time.process_time()
        run(casefile, args.draws, args.seed)
        total = time.process_time() - t0
        print(f"\n{case}: {args.draws:,} draws, {total:.2f} s CPU in all")
        for _, _, label in STEPS:
            print(f"  {label:32s} {spent.get(label, 0.0):6.2f} s")
        print(f"  {'everything else':32s} {total - sum(spent.values()):6.2f} s")


if __name__ == "__main__":
    main()
