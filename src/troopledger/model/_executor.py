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

import importlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor as _PoolExecutor
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from types import TracebackType
from typing import Any, Literal, Protocol, TypeVar

from troopledger.errors import InputError

__all__ = [
    "CLUSTER_ENV",
    "DaskExecutor",
    "Executor",
    "PoolExecutor",
    "SerialExecutor",
    "make_executor",
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


class PoolExecutor(Executor):
    """Runs tasks on local threads (NumPy releases the GIL) or local processes."""

    def __init__(self, workers: int, kind: Literal["thread", "process"] = "process") -> None:
        if workers < 1:
            raise InputError(None, "--workers", f"must be at least 1, got {workers}", "give --workers 1 or more")
        self.slots = workers
        self.name = f"{workers} {kind}{'es' if kind == 'process' else 's'}"
        self._pool: _PoolExecutor
        if kind == "thread":
            self._pool = ThreadPoolExecutor(max_workers=workers)
        else:
            # spawn: a clean interpreter per worker, safe whatever threads this process runs
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def _submit(self, fn: Callable[[T], R], item: T) -> Future[R]:
        return self._pool.submit(fn, item)

    def close(self) -> None:
        """Shut the pool down, cancelling tasks that have not started."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(Executor):
    """Runs tasks on an existing ``dask.distributed`` scheduler (its workers need troopledger installed)."""

    def __init__(self, address: str, *, timeout: float = 10.0) -> None:
        try:
            distributed = importlib.import_module("distributed")  # optional, and slow to import
        except ImportError:
            raise InputError(
                None,
                "--cluster",
                "dask.distributed is not installed",
                "pip install 'troopledger[dask]', or run without --cluster",
            ) from None
        try:
            self._client: Any = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            raise InputError(
                None,
                "--cluster",
                f"cannot reach a Dask scheduler at '{address}' ({type(e).__name__})",
                "start one with 'dask scheduler' and 'dask worker ADDRESS', or correct the address "
                f"(--cluster or {CLUSTER_ENV})",
            ) from None
        workers = len(self._client.scheduler_info().get("workers", {}))
        self.slots = max(1, workers)
        self.name = f"dask {address} ({workers} worker{'s' if workers != 1 else ''})"

    def _submit(self, fn: Callable[[T], R], item: T) -> _Pending[R]:
        future: _Pending[R] = self._client.submit(fn, item, pure=False)
        return future

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster itself keeps running)."""
        self._client.close()


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
