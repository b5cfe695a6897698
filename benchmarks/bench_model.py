"""Benchmark the money-flow model: speed and peak memory.

Compares, for the default case at 24 months:

* ``troopledger``: the full model (``model.flows``) over chunks of draws, on one
  thread and on two, with sampling timed separately, and the whole streaming run
  (``analysis.collect``: sampling + model + reductions);
* ``minimal kernel``: a hand-written NumPy function computing the same accounts
  (rotation, casualties, pay, the three destinations, the four state uses) with no
  validation and no extra outputs — the floor a vectorised model can hope for;
* ``per-draw loop``: a plain Python model called once per draw, as per-draw tools
  work, on 10^4 draws and scaled up.

Peak memory is the resident-set high-water mark of a fresh subprocess.

Run:  .venv/bin/python benchmarks/bench_model.py [--draws 1000000] [--months 24]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from troopledger.evidence import BLOCK, Prior, Sampler, load_case, resolve
from troopledger.model import Inputs, Rotation, collect, flows, inputs_from_draws


def _case(months: int) -> Prior:
    case = load_case("nk-russia-2024")
    case.case.months = months
    return resolve(case)


def sample_inputs(draws: int, months: int, seed: int = 1) -> list[Inputs]:
    """Inputs for ``draws`` draws, one per sampling block."""
    case = _case(months)
    s = Sampler(case)
    return [
        inputs_from_draws(case, s.block(seed, b, min(BLOCK, draws - b * BLOCK)))
        for b in range(math.ceil(draws / BLOCK))
    ]


def minimal_kernel(x: Inputs, months: int) -> dict[str, np.ndarray]:
    """The same accounts, written as directly as NumPy allows (rotation only)."""
    sched = x.schedule
    assert isinstance(sched, Rotation)
    c, r = sched.contingent[:, None], np.maximum(sched.interval, 1.0)[:, None]
    hk, hw, rho = (
        a[:, None] for a in (x.casualties.killed_hazard, x.casualties.wounded_hazard, x.casualties.replacement_share)
    )
    m = np.arange(months)[None, :]
    wave = np.ceil((m + 1.0) / r - 1e-9) - 1.0
    age = m - np.floor(wave * r)
    rem = np.floor((wave + 1.0) * r) - m
    h = hk + hw
    strength = c * (1.0 - h * (1.0 - rho)) ** age
    d = hk / h * (1.0 - (1.0 - h) ** rem)
    new = np.diff(wave, axis=1, prepend=-1.0) != 0
    joiners = c * new + rho * h * strength
    pay_rate, bonus, sigma = x.pay_per_soldier_month[:, None], x.signing_bonus[:, None], x.state_share_of_pay[:, None]
    death = hk * strength * x.death_compensation[:, None]
    earned = strength * pay_rate + joiners * bonus
    lost = d * (strength * pay_rate + joiners * bonus)
    phi, psi = x.family_share_of_unpaid_pay[:, None], x.family_share_of_death_pay[:, None]
    to_soldiers = (1 - sigma) * (earned - lost)
    to_families = phi * (1 - sigma) * lost + psi * death
    to_state = sigma * earned + (1 - phi) * (1 - sigma) * lost + (1 - psi) * death
    out = {
        "paid_by_russia": earned + death,
        "to_state": to_state,
        "to_soldiers": to_soldiers,
        "to_families": to_families,
    }
    for j in range(4):
        out[f"use{j}"] = to_state * x.state_use_shares[:, j : j + 1]
    return out


def per_draw_model(p: dict[str, float], months: int) -> dict[str, list[float]]:
    """A scalar Python model of one draw, month by month, as per-draw tools are written."""
    r = max(p["interval"], 1.0)
    hk, hw, rho = p["hk"], p["hw"], p["rho"]
    h = hk + hw
    out: dict[str, list[float]] = {k: [] for k in ("paid", "state", "soldiers", "families")}
    prev_wave = -1.0
    for m in range(months):
        wave = math.ceil((m + 1.0) / r - 1e-9) - 1.0
        age = m - math.floor(wave * r)
        rem = math.floor((wave + 1.0) * r) - m
        strength = p["c"] * (1.0 - h * (1.0 - rho)) ** age
        d = hk / h * (1.0 - (1.0 - h) ** rem) if h > 0 else 0.0
        joiners = (p["c"] if wave != prev_wave else 0.0) + rho * h * strength
        prev_wave = wave
        earned = strength * p["pay"] + joiners * p["bonus"]
        lost = d * earned
        death = hk * strength * p["death"]
        s = p["sigma"]
        out["paid"].append(earned + death)
        out["soldiers"].append((1 - s) * (earned - lost))
        out["families"].append(p["phi"] * (1 - s) * lost + p["psi"] * death)
        out["state"].append(s * earned + (1 - p["phi"]) * (1 - s) * lost + (1 - p["psi"]) * death)
    return out


def _time(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _drain(results: Iterable[object]) -> None:
    """Consume results one by one, dropping each, as a streaming run does."""
    for _ in results:
        pass


def _interleaved(fns: dict[str, object], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` wall time of each function, run in turn so load hits all alike."""
    best = dict.fromkeys(fns, math.inf)
    for _ in range(repeat):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()  # type: ignore[operator]
            best[name] = min(best[name], time.perf_counter() - t)
    return best


def bench_speed(draws: int, months: int, distinct_blocks: int = 8) -> dict[str, float]:
    """Seconds for ``draws`` draws; model timings cycle over a few distinct sampled blocks."""
    case = _case(months)
    sampler = Sampler(case)
    nblocks = math.ceil(draws / BLOCK)
    t_sample = _time(lambda: [sampler.block(1, b, BLOCK) for b in range(nblocks)], 1)
    distinct = sample_inputs(min(draws, distinct_blocks * BLOCK), months)
    batches = [distinct[i % len(distinct)] for i in range(nblocks)]
    with ThreadPoolExecutor(2) as pool:
        t = _interleaved(
            {
                "model_1_thread_s": lambda: _drain(flows(x, months) for x in batches),
                "minimal_kernel_1_thread_s": lambda: _drain(minimal_kernel(x, months) for x in batches),
                "model_2_threads_s": lambda: _drain(pool.map(lambda x: flows(x, months), batches)),
                "minimal_kernel_2_threads_s": lambda: _drain(pool.map(lambda x: minimal_kernel(x, months), batches)),
            },
            repeat=5,
        )
    t_full2 = _time(lambda: collect(case, draws, 1, workers=2), 2)
    small = distinct[0]
    n_loop = min(10_000, small.draws)
    rows = [
        {
            "c": float(small.schedule.contingent[i]),  # type: ignore[union-attr]
            "interval": float(small.schedule.interval[i]),  # type: ignore[union-attr]
            "hk": float(small.casualties.killed_hazard[i]),
            "hw": float(small.casualties.wounded_hazard[i]),
            "rho": float(small.casualties.replacement_share[i]),
            "pay": float(small.pay_per_soldier_month[i]),
            "bonus": float(small.signing_bonus[i]),
            "death": float(small.death_compensation[i]),
            "sigma": float(small.state_share_of_pay[i]),
            "phi": float(small.family_share_of_unpaid_pay[i]),
            "psi": float(small.family_share_of_death_pay[i]),
        }
        for i in range(n_loop)
    ]
    t_loop = _time(lambda: [per_draw_model(r, months) for r in rows], 1) * draws / n_loop
    return {
        "sampling_1_thread_s": t_sample,
        **t,
        "full_run_collect_2_workers_s": t_full2,
        "per_draw_python_loop_scaled_s": t_loop,
    }


def peak_memory(draws: int, months: int) -> float:
    """Peak RSS in MB of a fresh process running the streaming summary for ``draws`` draws."""
    code = (
        "import resource, sys;"
        "from troopledger.analysis import summarize_draws;"
        "from troopledger.evidence import load_case, resolve;"
        "from troopledger.model import collect;"
        f"c = load_case(); c.case.months = {months}; c = resolve(c);"
        f"summarize_draws(collect(c, {draws}, 1, workers=2));"
        # VmHWM is this process's own high-water mark (ru_maxrss survives exec from the parent)
        "print([int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')][0] / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--draws", type=int, default=1_000_000)
    ap.add_argument("--months", type=int, default=24)
    ap.add_argument("--memory-draws", type=int, nargs="*", default=[1_000_000, 10_000_000])
    args = ap.parse_args()
    res: dict[str, object] = {"draws": args.draws, "months": args.months}
    for n in args.memory_draws:  # first, in fresh processes, before this one grows
        res[f"peak_rss_mb_{n}_draws"] = peak_memory(n, args.months)
    res.update(bench_speed(args.draws, args.months))
    res["model_vs_minimal_kernel"] = res["model_1_thread_s"] / res["minimal_kernel_1_thread_s"]  # type: ignore[operator]
    res["bench_process_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
