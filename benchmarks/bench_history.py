"""Benchmark a full monthly history: serially, on local processes, and on a two-worker Dask cluster.

The history of ``nk-russia-record`` as of the end of every month from 2024-10 to
2025-12 (15 as-of runs, plus one run for each document in months where several
arrived), each run calibrated. It is timed, interleaved and repeated (the machine is
shared), on:

* ``serial``: every run in this process, one after the other (the reference);
* ``processes``: a pool of local processes (spawned: each imports troopledger),
  started for each history as ``troopledger history --workers N`` does;
* ``dask``: a ``dask.distributed`` LocalCluster of N worker processes started once
  before the timings, as an existing cluster would be (``--cluster ADDRESS``).

Every history's JSON is checked to be byte-identical to the serial one.

Two references put the timings in context: the same CPU-bound pure-Python loop run
twice on one process and once on each of N processes (on a shared machine, how much
parallel CPU this process can actually get), and the speed-up N dedicated cores would
give these tasks, computed from each task's serial time by scheduling them in order
on N workers as the executors do (a model from measured times, not a measurement).

Run:  .venv/bin/python benchmarks/bench_history.py [--draws 4096] [--workers 2] [--repeats 2]
"""

from __future__ import annotations

import argparse
import heapq
import json
import multiprocessing
import statistics
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from troopledger.analysis import history
from troopledger.evidence import load_case
from troopledger.model import DaskExecutor, Executor, PoolExecutor, SerialExecutor

T = TypeVar("T")
R = TypeVar("R")


class _TimingExecutor(SerialExecutor):
    """The serial executor, keeping how long each task took."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            t0 = time.perf_counter()
            out = fn(item)
            self.seconds.append(time.perf_counter() - t0)
            yield out


def _ideal(seconds: list[float], workers: int) -> float:
    """Makespan of the tasks, in order, each to the first free of ``workers`` workers."""
    free = [0.0] * workers
    for s in seconds:
        heapq.heappush(free, heapq.heappop(free) + s)
    return max(free)


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def _cpu_check(workers: int, n: int = 10_000_000) -> float:
    """Speed-up of ``workers`` processes over one on the same pure-Python loops (1.0: no parallel CPU)."""
    t0 = time.perf_counter()
    for _ in range(workers):
        _burn(n)
    one = time.perf_counter() - t0
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_burn, [1] * workers)
        t0 = time.perf_counter()
        pool.map(_burn, [n] * workers)
        many = time.perf_counter() - t0
    return one / many


def _timed(run: Callable[[], str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = run()
    return time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", default="nk-russia-record")
    parser.add_argument("--draws", type=int, default=4096)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from distributed import LocalCluster

    case = load_case(args.case)

    def run_on(make: Callable[[], Executor]) -> str:
        with make() as ex:
            h = history(case, draws=args.draws, seed=args.seed, executor=ex)
        return json.dumps(h.as_dict(), indent=2, allow_nan=False)

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    started = time.perf_counter() - t0
    configs: dict[str, Callable[[], Executor]] = {
        "serial": SerialExecutor,
        f"processes ({args.workers})": lambda: PoolExecutor(args.workers, "process"),
        f"dask LocalCluster ({args.workers} workers)": lambda: DaskExecutor(cluster.scheduler_address),
    }
    times: dict[str, list[float]] = {name: [] for name in configs}
    reference: str | None = None
    identical = True
    try:
        for _ in range(args.repeats):
            for name, make in configs.items():
                seconds, text = _timed(lambda make=make: run_on(make))  # type: ignore[misc]
                times[name].append(seconds)
                reference = reference or text
                identical &= text == reference
    finally:
        cluster.close()
    timing = _TimingExecutor()
    run_on(lambda: timing)
    cpu = _cpu_check(args.workers)
    h: dict[str, Any] = json.loads(reference or "{}")
    runs = len(h["steps"]) + sum(len(s["moves"]) for s in h["steps"] if len(s["moves"]) > 1)
    print(f"case {args.case}: {len(h['steps'])} as-of days ({h['from']} to {h['to']}), {runs} runs of {args.draws:,}")
    print(f"draws each; cluster start-up {started:.1f} s (not in the timings)")
    base = statistics.median(times["serial"])
    print(f"{'executor':<34} {'median s':>9} {'all runs (s)':>24} {'vs serial':>10}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:<34} {med:>9.1f} {', '.join(f'{t:.1f}' for t in ts):>24} {base / med:>9.2f}x")
    print(f"JSON byte-identical to serial on every executor: {identical}")
    total = sum(timing.seconds)
    print(
        f"tasks: {len(timing.seconds)}, {total:.1f} s in all, longest {max(timing.seconds):.1f} s; ideal speed-up "
        f"on {args.workers} dedicated cores {total / _ideal(timing.seconds, args.workers):.2f}x, "
        f"on 8 {total / _ideal(timing.seconds, 8):.2f}x"
    )
    print(f"machine check: a pure-Python loop on {args.workers} processes runs {cpu:.2f}x as fast as on one")
    cov = h["hindcast"]["coverage"]
    for key in ("all", "figures", "bounds", "latest"):
        c = cov[key]
        print(f"hindcast coverage ({key}): {c['inside']} of {c['n']} inside the 90 % interval")


if __name__ == "__main__":
    main()
