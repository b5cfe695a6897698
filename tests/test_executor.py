"""Executors: the same numbers on this process, on threads, on processes and on a Dask cluster."""

from __future__ import annotations

import operator
import platform
import subprocess
import sys
from functools import partial

import numpy as np
import pytest

from troopledger.errors import InputError
from troopledger.evidence import BLOCK, load_case, resolve
from troopledger.model import CLUSTER_ENV, PoolExecutor, SerialExecutor, collect, make_executor

DRAWS = 2 * BLOCK + 5  # three chunks, the last one short


def _same_draws(a: object, b: object) -> None:
    for name in ("totals", "derived", "params", "monthly"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.keys() == y.keys()
        for k in x:
            np.testing.assert_array_equal(x[k], y[k], err_msg=f"{name}.{k}")


def test_map_keeps_the_order_of_the_items_and_bounds_the_window() -> None:
    started: list[int] = []

    def task(i: int) -> int:
        started.append(i)
        return i * i

    ex = SerialExecutor()
    it = ex.map(task, range(10))
    assert next(it) == 0
    assert started == [0]  # serial work is done only when asked for
    assert list(it) == [i * i for i in range(1, 10)]
    with PoolExecutor(3, "thread") as pool:
        assert list(pool.map(partial(operator.mul, 7), range(50))) == [7 * i for i in range(50)]
        assert pool.name == "3 threads"


def test_make_executor_picks_serial_pool_or_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CLUSTER_ENV, raising=False)
    assert isinstance(make_executor(None, 1), SerialExecutor)
    with make_executor(None, 2, kind="thread") as ex:
        assert isinstance(ex, PoolExecutor)
        assert ex.slots == 2
    with pytest.raises(InputError, match="workers"):
        PoolExecutor(0)


@pytest.mark.slow
def test_chunks_on_local_processes_give_the_serial_numbers() -> None:
    case = resolve(load_case("nk-russia-record"))
    serial = collect(case, DRAWS, 11, monthly_cap=DRAWS)
    with PoolExecutor(2, "process") as ex:  # spawned: every task and its case must pickle
        pooled = collect(case, DRAWS, 11, monthly_cap=DRAWS, executor=ex)
    _same_draws(serial, pooled)


def test_chunks_on_a_two_worker_dask_cluster_give_the_serial_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    case = resolve(load_case("nk-russia-2024"))
    serial = collect(case, DRAWS, 5, monthly_cap=DRAWS)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster:
        monkeypatch.setenv(CLUSTER_ENV, cluster.scheduler_address)
        with make_executor(None, 2) as ex:  # the environment variable wins over local workers
            assert ex.name.startswith("dask ")
            assert ex.slots == 2
            on_cluster = collect(case, DRAWS, 5, monthly_cap=DRAWS, executor=ex)
    _same_draws(serial, on_cluster)


def test_an_unreachable_cluster_is_one_line_naming_the_fix() -> None:
    pytest.importorskip("distributed")
    from troopledger.model import DaskExecutor

    with pytest.raises(InputError) as err:
        DaskExecutor("tcp://127.0.0.1:9", timeout=0.5)
    text = str(err.value)
    assert "\n" not in text
    assert "cannot reach a Dask scheduler at 'tcp://127.0.0.1:9'" in text
    assert "dask scheduler" in text
    assert CLUSTER_ENV in text


_FAULTS_A_CHUNK = """
import resource, sys
from troopledger.evidence import Sampler, load_case, resolve
from troopledger.model import run_draws
from troopledger.model._executor import tune_malloc
if sys.argv[1] == "tuned":
    assert tune_malloc() and tune_malloc()  # once per process; the second call only reports
prior = resolve(load_case("nk-russia-record"), [])
blocks = [Sampler(prior).block(0, i, 16384) for i in range(3)]
faults = []
for b in blocks:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    out = run_draws(prior, dict(b))
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    del out
print(faults[-1])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_tuned_malloc_reuses_a_chunks_memory_instead_of_faulting_it_in_again() -> None:
    def faults(mode: str) -> int:
        run = subprocess.run([sys.executable, "-c", _FAULTS_A_CHUNK, mode], capture_output=True, text=True, check=True)
        return int(run.stdout.split()[-1])

    tuned, default = faults("tuned"), faults("default")
    # a record chunk's outputs and intermediates are about 140 MB: 35,000 pages faulted in again by default
    if default < 1_000:  # huge pages (or another allocator policy) already keep faults rare here
        pytest.skip(f"this system faults a chunk in only {default} times without tuning")
    assert tuned * 5 < default
