"""Where independent tasks run: in this process, on local threads or processes, or on Dask.

The as-of runs of a history, the scenarios of a comparison and the chunks of one
large run are independent tasks. Each is a picklable top-level function applied to
one item; an :class:`Executor` maps it over the items and yields the results **in
the order of the items**, whatever finished first. Every task draws its randomness
from its own seed (see :mod:`troopledger.evidence._sampling`), so the results are
the same, byte for byte, on any executor.

``dask.distributed`` is optional (``pip install 'troopledger[dask]'``) and imported
only when a cluster is asked for: by address, or through the environment variable
:data:`CLUSTER_ENV`.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import importlib
import logging
import multiprocessing
import os
import select
import socket
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures import Executor as _PoolExecutor
from types import TracebackType
from typing import Any, Literal, Protocol, TypeVar

from troopledger.errors import InputError, TroopledgerError

__all__ = [
    "CLUSTER_ENV",
    "CONNECT_TIMEOUT_S",
    "NO_WORKERS_S",
    "TASK_TIMEOUT_S",
    "DaskExecutor",
    "Executor",
    "PoolExecutor",
    "SerialExecutor",
    "make_executor",
    "tune_malloc",
]

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)

#: Environment variable naming a ``dask.distributed`` scheduler (``tcp://host:8786``).
CLUSTER_ENV = "TROOPLEDGER_CLUSTER"


class _Pending(Protocol[R_co]):
    def result(self) -> R_co: ...


class Executor:
    """Maps a function over items in order, with a bounded number of tasks in flight."""

    #: How the tasks run, in words (``serial``, ``2 processes``, ``dask tcp://...``).
    name = "serial"
    #: Tasks that may run at once; the look-ahead window is twice this.
    slots = 1

    def _submit(self, fn: Callable[[T], R], item: T) -> _Pending[R]:
        raise NotImplementedError

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Yield ``fn(item)`` for every item, in the items' order.

        At most ``2 * slots`` tasks are submitted ahead of the one being yielded,
        so results that are large (chunks of model output) stay bounded in memory.
        """
        it = iter(items)
        window: deque[_Pending[R]] = deque()
        for item in it:
            window.append(self._submit(fn, item))
            if len(window) >= 2 * self.slots:
                break
        while window:
            done = window.popleft().result()
            for item in it:
                window.append(self._submit(fn, item))
                break
            yield done

    def close(self) -> None:
        """Release the workers (nothing to release for a serial executor)."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class _Done:
    """A result computed on the spot, for the serial executor."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class SerialExecutor(Executor):
    """Runs every task in this process, one after the other: the reference for every other executor."""

    def _submit(self, fn: Callable[[T], R], item: T) -> _Pending[R]:
        return _Done(fn(item))

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Yield ``fn(item)`` for every item, computing each only when it is asked for."""
        for item in items:
            yield fn(item)


#: glibc's mallopt parameters (see :func:`tune_malloc`): the most arenas, the size from which a block is
#: mapped on its own, the free memory at the top of the heap kept rather than given back, and the memory
#: asked of the kernel beyond each need.
_M_ARENA_MAX, _M_MMAP_THRESHOLD, _M_TRIM_THRESHOLD, _M_TOP_PAD = -8, -3, -1, -2
_MALLOC = ((_M_ARENA_MAX, 1), (_M_MMAP_THRESHOLD, 32 << 20), (_M_TRIM_THRESHOLD, 256 << 20), (_M_TOP_PAD, 64 << 20))


@functools.cache  # once per process
def tune_malloc() -> bool:
    """Have glibc's malloc keep and reuse the memory of model chunks; whether it could (glibc only, once).

    A chunk of model outputs and their intermediates is 100-150 MB of arrays of a few
    MB each, freed as the next chunk is computed. By default every worker thread gets
    an arena of its own, made of 64 MB heaps that a chunk overflows and that glibc gives
    back to the kernel once emptied, and the main heap is trimmed as soon as more than
    a few MB at its top are free: so every chunk faulted all its pages in again (35,000
    page faults a chunk on the record case, about half a chunk's CPU time spent in the
    kernel). Here every thread shares the main arena, blocks under 32 MB come from the
    heap, and up to 256 MB of free heap is kept for the next chunk: no fault a chunk
    once the heap has grown. No number changes; elsewhere than glibc on Linux nothing happens.
    """
    ok = False
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            mallopt = ctypes.CDLL(None).mallopt
            applied = [bool(mallopt(param, value)) for param, value in _MALLOC]  # every one, whatever fails
            ok = all(applied)
    return ok


class PoolExecutor(Executor):
    """Runs tasks on local threads (NumPy releases the GIL) or local processes.

    Threads share one malloc arena (:func:`tune_malloc`), so a thread's freed chunks
    are reused rather than faulted in again.
    """

    def __init__(self, workers: int, kind: Literal["thread", "process"] = "process") -> None:
        if workers < 1:
            raise InputError(None, "--workers", f"must be at least 1, got {workers}", "give --workers 1 or more")
        self.slots = workers
        self.name = f"{workers} {kind}{'es' if kind == 'process' else 's'}"
        self._pool: _PoolExecutor
        if kind == "thread":
            tune_malloc()
            self._pool = ThreadPoolExecutor(max_workers=workers)
        else:
            # spawn: a clean interpreter per worker, safe whatever threads this process runs
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def _submit(self, fn: Callable[[T], R], item: T) -> Future[R]:
        return self._pool.submit(fn, item)

    def close(self) -> None:
        """Shut the pool down, cancelling tasks that have not started."""
        self._pool.shutdown(wait=True, cancel_futures=True)


#: Seconds to connect to a scheduler and hear its handshake (a port that accepts but never answers).
CONNECT_TIMEOUT_S = 10.0
#: Seconds a cluster may go without any worker before the run gives up (workers killed mid-run).
NO_WORKERS_S = 20.0
#: Seconds one task may take on a cluster before the run gives up (a hung worker or scheduler).
TASK_TIMEOUT_S = 90.0
_POLL_S = 2.0
_FIX_CLUSTER = (
    f"start one with 'dask scheduler' and 'dask worker ADDRESS', or correct the address (--cluster or {CLUSTER_ENV})"
)


def _cluster_error(address: str, problem: str, fix: str = _FIX_CLUSTER) -> InputError:
    return InputError(None, "--cluster", problem.replace("{address}", address), fix)


class _DaskTask:
    """One task on a cluster, whose result is waited for in bounded steps (see :data:`TASK_TIMEOUT_S`)."""

    def __init__(self, executor: DaskExecutor, future: Any) -> None:
        self._executor = executor
        self._future = future

    def result(self) -> Any:
        start = time.monotonic()
        idle_since: float | None = None
        while True:
            try:
                return self._future.result(timeout=_POLL_S)
            except TimeoutError:
                pass
            except TroopledgerError:
                raise
            except Exception as e:  # the cluster's own failures (lost scheduler, killed workers): one line
                if type(e).__name__ not in _CLUSTER_FAILURES and not isinstance(e, OSError | CancelledError):
                    raise
                self._executor._quiet()
                raise _cluster_error(
                    self._executor.address,
                    f"the Dask cluster at '{{address}}' failed during the run ({type(e).__name__})",
                    "check the scheduler and its workers, or run without --cluster",
                ) from None
            now = time.monotonic()
            workers = self._executor.workers_now()
            if not workers or now - start > TASK_TIMEOUT_S:
                self._executor._quiet()
            if workers:
                idle_since = None
            else:
                idle_since = idle_since or now
                if now - idle_since > NO_WORKERS_S:
                    raise _cluster_error(
                        self._executor.address,
                        f"the Dask cluster at '{{address}}' has had no worker for {NO_WORKERS_S:g} s",
                        "start workers with 'dask worker ADDRESS', or run without --cluster",
                    )
            if now - start > TASK_TIMEOUT_S:
                raise _cluster_error(
                    self._executor.address,
                    f"a task on the Dask cluster at '{{address}}' took over {TASK_TIMEOUT_S:g} s",
                    "check the cluster's workers (dashboard), or run without --cluster",
                )


def _probe(address: str, timeout: float) -> None:
    """Refuse a ``tcp://`` address where nothing speaks first within ``timeout`` seconds.

    A Dask scheduler sends its handshake as soon as a connection is accepted; a port
    that accepts and stays silent would otherwise hold the client until the peer hangs up.
    """
    if not address.startswith("tcp://"):
        return
    rest = address.removeprefix("tcp://").rstrip("/")
    host, sep, port = rest.rpartition(":")
    if not sep or "]" in port:  # no port given: the scheduler's default
        host, port = rest, "8786"
    try:
        with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=timeout) as conn:
            ready, _, _ = select.select([conn], [], [], timeout)
            if not ready:
                raise _cluster_error(
                    address,
                    f"cannot reach a Dask scheduler at '{{address}}' "
                    f"(the port accepts but says nothing for {timeout:g} s)",
                )
    except (OSError, ValueError) as e:
        raise _cluster_error(
            address, f"cannot reach a Dask scheduler at '{{address}}' ({type(e).__name__}: {e})"
        ) from None


def _abandon(client: Any) -> None:
    """Close a client within a bounded time; if that fails, mark it closed so its finaliser cannot block or print."""
    try:
        client.close(timeout=CONNECT_TIMEOUT_S / 2)
    except Exception:
        for name in ("distributed", "distributed.client", "distributed.comm", "tornado", "asyncio"):
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    finally:
        client.status = "closed"
        with contextlib.suppress(Exception):
            client._loop_runner.stop()


#: Names of distributed's exceptions that mean the cluster, not the task, failed.
_CLUSTER_FAILURES = frozenset({"KilledWorker", "CommClosedError", "FutureCancelledError", "CancelledError"})


class DaskExecutor(Executor):
    """Runs tasks on an existing ``dask.distributed`` scheduler (its workers need troopledger installed).

    Every call to the cluster is bounded: connecting (:data:`CONNECT_TIMEOUT_S`), each
    task (:data:`TASK_TIMEOUT_S`), and a cluster left without workers
    (:data:`NO_WORKERS_S`); each failure is one line, and the client is closed
    with distributed's own log quieted, so no second traceback follows.
    """

    def __init__(self, address: str, *, timeout: float = CONNECT_TIMEOUT_S) -> None:
        try:
            distributed = importlib.import_module("distributed")  # optional, and slow to import
            dask = importlib.import_module("dask")
        except ImportError:
            raise InputError(
                None,
                "--cluster",
                "dask.distributed is not installed",
                "pip install 'troopledger[dask]', or run without --cluster",
            ) from None
        self.address = address
        self._distributed = distributed
        _probe(address, timeout)
        limits = {"distributed.comm.timeouts.connect": f"{timeout}s"}
        self._config = dask.config.set(limits)
        self._client: Any = None
        try:
            self._client = distributed.Client(address, timeout=timeout, set_as_default=False)
            workers = len(self._client.scheduler_info().get("workers", {}))
        except Exception as e:
            self._quiet()
            for frame, _ in traceback.walk_tb(e.__traceback__):  # the half-made client, closed here not at exit
                half = frame.f_locals.get("self")
                if isinstance(half, distributed.Client) and half is not self._client:
                    _abandon(half)
                    break
            self.close()
            if isinstance(e, TroopledgerError):
                raise
            raise _cluster_error(
                address,
                f"cannot reach a Dask scheduler at '{{address}}' "
                f"(none answered within {timeout:g} s: {type(e).__name__})",
            ) from None
        # the run reports a cluster's failure in one line: distributed's own warnings (rescheduled keys, lost
        # workers) and asyncio's "exception never retrieved" would print tracebacks beside it
        logging.getLogger("distributed.client").setLevel(logging.ERROR)
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        self.slots = max(1, workers)
        self.name = f"dask {address} ({workers} worker{'s' if workers != 1 else ''})"

    def _quiet(self) -> None:
        """Silence distributed's loggers: the failure has been reported in one line already."""
        for name in ("distributed", "distributed.client", "distributed.comm", "tornado", "asyncio"):
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)

    def workers_now(self) -> int:
        """How many workers the scheduler has now (0 if it cannot be asked)."""
        try:
            return len(self._client.scheduler_info(n_workers=-1).get("workers", {}))
        except TypeError:
            return len(self._client.scheduler_info().get("workers", {}))
        except Exception:
            return 0

    def _submit(self, fn: Callable[[T], R], item: T) -> _Pending[R]:
        try:
            future = self._client.submit(fn, item, pure=False)
        except Exception as e:
            raise _cluster_error(
                self.address, f"cannot submit work to the Dask cluster at '{{address}}' ({type(e).__name__})"
            ) from None
        return _DaskTask(self, future)

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster itself keeps running), within the connect timeout."""
        client, self._client = self._client, None
        try:
            if client is not None:
                _abandon(client)
        finally:
            config, self._config = getattr(self, "_config", None), None
            if config is not None:
                config.__exit__(None, None, None)


def make_executor(
    cluster: str | None = None, workers: int = 1, *, kind: Literal["thread", "process"] = "process"
) -> Executor:
    """The executor a command asked for: a Dask cluster if ``cluster`` or :data:`CLUSTER_ENV`
    names one, else ``workers`` local threads or processes, else this process alone."""
    address = cluster or os.environ.get(CLUSTER_ENV, "").strip() or None
    if address:
        return DaskExecutor(address)
    if workers <= 1:
        return SerialExecutor()
    return PoolExecutor(workers, kind)
