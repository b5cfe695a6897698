"""Streaming a prior through the model: keep per-draw totals, derived outputs, parameters, targets.

:func:`collect` streams a :class:`~troopledger.evidence.Prior` chunk by chunk and keeps
only per-draw totals, derived outputs and parameters (float64 up to
:data:`FLOAT64_UP_TO` draws, float32 beyond), the monthly paths of the leading
:data:`MONTHLY_CAP` draws (float32) and, when asked, the modelled targets of
observations, so ten million draws run in bounded memory (see docs/performance.md).
Calibration weighs these draws; analysis summarizes them.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from troopledger.evidence import Prior
from troopledger.model._executor import Executor
from troopledger.model._flows import ACCOUNTS, PER_DRAW_OUTPUTS, STATE_USES
from troopledger.model._outputs import BY_ROLE, DELIVERY_OUTPUTS, RECEIVED_ACCOUNTS, role_output
from troopledger.model._simulate import DEFAULT_CHUNK, Chunk, Progress, iter_chunks

__all__ = [
    "BASE_BYTES",
    "BYTES_PER_DRAW",
    "FLOAT64_UP_TO",
    "MEMORY_BUDGET_BYTES",
    "MEMORY_ENV",
    "MONTHLY_CAP",
    "MONTHLY_VARIABLES",
    "REALISATION_TOTALS",
    "TOTAL_VARIABLES",
    "Draws",
    "Targets",
    "collect",
    "collect_chunks",
    "estimate_bytes",
    "memory_budget",
    "monthly_of",
    "per_draw",
    "totals_of",
]

Array = NDArray[np.floating[Any]]  # float64, or float32 for very large runs

#: Money accounts summed over the horizon, in the order reports show them.
TOTAL_VARIABLES = ("paid_by_russia", *ACCOUNTS, *STATE_USES, "paid_in_kind", "signing_payments", "death_payments")
#: Totals kept only when the case says part of what is owed is not delivered (else they equal the owed ones).
REALISATION_TOTALS = (*DELIVERY_OUTPUTS, "received_by_nk", *RECEIVED_ACCOUNTS)
#: Monthly paths kept for bands and charts.
MONTHLY_VARIABLES = (
    "paid_by_russia",
    *ACCOUNTS,
    "troops_in_theatre",
    "arrivals",
    "killed",
    "wounded",
    "returned",
    "arrivals_late",
    "cumulative_deployed",
    "signing_payments",
    "death_payments",
)
#: Monthly bands use at most this many leading draws (exact below it), kept as float32.
MONTHLY_CAP = 100_000
_DERIVED_EXTRA = ("killed_total", "wounded_total", "cumulative_deployed_end", "mean_troops_in_theatre")
#: Per-draw values are kept as float64 up to this many draws, as float32 beyond.
FLOAT64_UP_TO = 2_000_000


#: Peak memory of a calibrated report per draw, beyond its fixed part: what is kept per draw (totals, derived
#: outputs, parameters, observation targets) and what calibration and the summaries make of it (measured:
#: 1.82 GB at 10^6 draws and 11.8 GB at 10^7 for the default case, docs/bad-input.md#work).
BYTES_PER_DRAW = 1_150
#: Fixed part of a run's peak memory: the libraries, bundled data and tables.
BASE_BYTES = 600_000_000
#: The memory budget of one run unless :data:`MEMORY_ENV` says otherwise (bytes).
MEMORY_BUDGET_BYTES = 4_000_000_000
#: Environment variable giving the memory budget of a run in GB (decimal), e.g. ``TROOPLEDGER_MEMORY_GB=16``.
MEMORY_ENV = "TROOPLEDGER_MEMORY_GB"
# arrays of (chunk draws, months) alive at the peak: for the chunk being computed (outputs and temporaries), and for
# each further chunk in flight; fitted to peaks measured at 12 and 240 months on one and two threads
_COMPUTING = 12
_WAITING = 18
# bytes per month of each draw whose monthly path is kept (float32 paths, and the float64 bands and running totals
# the summaries make of them); fitted like the above
_MONTHLY_BYTES = 145


def memory_budget() -> int:
    """The memory budget of a run in bytes: :data:`MEMORY_ENV` (GB) if set to a positive number, else the default."""
    raw = os.environ.get(MEMORY_ENV, "").strip()
    try:
        gb = float(raw) if raw else 0.0
    except ValueError:
        gb = 0.0
    return int(gb * 1e9) if math.isfinite(gb) and gb > 0 else MEMORY_BUDGET_BYTES


def estimate_bytes(
    months: int, draws: int, *, waves_by_wave: int = 0, workers: int = 1, chunk_size: int = DEFAULT_CHUNK
) -> int:
    """Peak memory a report over ``months`` months with ``draws`` draws needs, estimated before it starts.

    ``waves_by_wave`` is the number of waves when some wave has its own pay, rank mix or
    state share (:attr:`~troopledger.evidence.Prior.by_wave`; they run one at a time), else 0.

    The sum of the fixed part, :data:`BYTES_PER_DRAW` per draw, the monthly paths of the
    leading :data:`MONTHLY_CAP` draws, and the chunks in flight (one on one worker,
    ``2 * workers`` on more): the one being computed holds about 12 arrays of
    ``chunk draws x months`` at its peak, each further one about 18 (fitted to measured
    peaks); a case whose waves have their own pay
    holds one such set per wave while a chunk is computed).
    """
    rows = min(draws, max(chunk_size, DEFAULT_CHUNK))
    cell = rows * months * 8 * (waves_by_wave + 2 if waves_by_wave else 1)
    in_flight = 1 if workers <= 1 else min(2 * workers, -(-draws // rows))  # one worker computes on demand
    chunks = cell * (_COMPUTING + (in_flight - 1) * _WAITING)
    monthly = min(draws, MONTHLY_CAP) * months * _MONTHLY_BYTES
    return BASE_BYTES + BYTES_PER_DRAW * draws + monthly + chunks


class Targets(Protocol):
    """Observation targets read off each chunk (:class:`troopledger.calibration.Observations` is one)."""

    @property
    def ids(self) -> list[str]:
        """One id per target, in column order."""
        ...

    def __len__(self) -> int: ...

    def values(self, outputs: Mapping[str, NDArray[np.float64]], params: Mapping[str, NDArray[np.float64]]) -> Any:
        """Modelled value of every target for one chunk, shaped ``(draws, targets)``."""
        ...


@dataclass
class Draws:
    """Per-draw values kept from a run: totals, end-of-horizon counts, outputs, parameters."""

    months: list[str]
    totals: dict[str, Array]
    monthly: dict[str, Array]
    derived: dict[str, Array]
    params: dict[str, Array]
    conservation_error: float
    seed: int
    draws: int
    constants: dict[str, float] = field(default_factory=dict)
    #: modelled targets of the observation claims, (draws, observations), or None
    observed: Array | None = None
    observation_ids: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # the roles soldiers serve in (paths by role: two or more)

    def cumulative_total(self, name: str) -> Array:
        """Running total of a monthly variable over the kept draws, shaped (kept, months)."""
        return np.cumsum(self.monthly[name], axis=1)


def totals_of(prior: Prior) -> tuple[str, ...]:
    """The horizon totals a run of ``prior`` keeps: the owed accounts, and owed-vs-received ones if it has them."""
    if prior.realises_everything:
        return TOTAL_VARIABLES
    return (*TOTAL_VARIABLES, *REALISATION_TOTALS)


def monthly_of(prior: Prior) -> tuple[str, ...]:
    """The monthly paths a run of ``prior`` keeps: :data:`MONTHLY_VARIABLES`, and each of :data:`BY_ROLE` by role.

    With a single role the paths by role are the whole ones, so none is kept twice.
    """
    if len(prior.role_names) < 2:
        return MONTHLY_VARIABLES
    return (*MONTHLY_VARIABLES, *(role_output(k, r) for r in prior.role_names for k in BY_ROLE))


def per_draw(
    out: Mapping[str, Array], names: tuple[str, ...] = TOTAL_VARIABLES
) -> tuple[dict[str, Array], dict[str, Array]]:
    """Horizon totals of ``names`` and derived outputs, one value per draw, from model outputs ``(draws, months)``."""
    totals = {k: out[k].sum(axis=1) for k in names}
    derived = {k: out[k] for k in PER_DRAW_OUTPUTS}
    derived["killed_total"] = out["killed"].sum(axis=1)
    derived["wounded_total"] = out["wounded"].sum(axis=1)
    derived["cumulative_deployed_end"] = out["cumulative_deployed"][:, -1]
    derived["mean_troops_in_theatre"] = out["troops_in_theatre"].mean(axis=1)
    return totals, derived


def collect(
    prior: Prior,
    draws: int,
    seed: int,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    monthly_cap: int = MONTHLY_CAP,
    observations: Targets | None = None,
    executor: Executor | None = None,
) -> Draws:
    """Stream the prior through the model and keep what summaries, calibration and sensitivity need.

    Every kept array is allocated once at its final size and filled chunk by chunk,
    so memory is what the result needs and no more. With ``observations``, each
    chunk's modelled observation targets are kept too (``Draws.observed``), so
    calibration never needs the monthly arrays of every draw. ``executor`` runs the
    chunks elsewhere (local processes, a Dask cluster) with the same numbers.
    """
    chunks = iter_chunks(
        prior, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress, executor=executor
    )
    return collect_chunks(prior, chunks, draws, seed, monthly_cap=monthly_cap, observations=observations)


def collect_chunks(
    prior: Prior,
    chunks: Iterable[Chunk],
    draws: int,
    seed: int,
    *,
    monthly_cap: int = MONTHLY_CAP,
    observations: Targets | None = None,
) -> Draws:
    """Keep what :func:`collect` keeps from any chunks of model runs covering ``draws`` draws."""
    dtype: type[np.floating[Any]] = np.float64 if draws <= FLOAT64_UP_TO else np.float32
    kept = min(draws, max(monthly_cap, 1))
    names = totals_of(prior)
    totals: dict[str, Array] = {k: np.empty(draws, dtype) for k in names}
    derived: dict[str, Array] = {k: np.empty(draws, dtype) for k in (*PER_DRAW_OUTPUTS, *_DERIVED_EXTRA)}
    kept_paths = monthly_of(prior)
    monthly = {k: np.empty((kept, prior.months), np.float32) for k in kept_paths}
    params: dict[str, Array] = {}
    observed = None if observations is None else np.empty((draws, len(observations)), dtype)
    # Known values need no per-draw storage: one row stands for all draws.
    constants = prior.constants
    err = 0.0
    for chunk in chunks:
        out, a, b = chunk.outputs, chunk.start, chunk.start + chunk.size
        chunk_totals, chunk_derived = per_draw(out, names)
        for k, v in chunk_totals.items():
            totals[k][a:b] = v
        for k, v in chunk_derived.items():
            derived[k][a:b] = v
        if a < kept:
            for k in kept_paths:
                monthly[k][a : min(b, kept)] = out[k][: min(b, kept) - a]
        for k, v in chunk.params.items():
            if v.ndim == 1 and k not in constants:
                if k not in params:
                    params[k] = np.empty(draws, dtype)
                params[k][a:b] = v
        if observed is not None and observations is not None:
            observed[a:b] = observations.values(out, chunk.params)
        err = max(err, chunk.conservation_error)
    return Draws(
        months=prior.horizon.labels,
        totals=totals,
        monthly=monthly,
        derived=derived,
        params=params,
        conservation_error=err,
        seed=seed,
        draws=draws,
        constants=constants,
        observed=observed,
        observation_ids=[] if observations is None else observations.ids,
        roles=list(prior.role_names),
    )
