"""Summaries of a run: totals, monthly bands, derived outputs and parameters.

:func:`summarize` streams a case chunk by chunk, keeping only per-draw totals, derived
outputs and parameters (float64 up to :data:`FLOAT64_UP_TO` draws, float32 beyond)
plus the monthly paths of the leading :data:`MONTHLY_CAP` draws (float32), so ten
million draws run in bounded memory (see docs/performance.md). Every quantile can be
weighted, which is how calibration turns a prior summary into a posterior one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import xarray as xr
from numpy.typing import NDArray

from troopledger.calibration import Observations
from troopledger.evidence import Case, Constant
from troopledger.model import ACCOUNTS, PER_DRAW_OUTPUTS, STATE_USES, Chunk, Executor, iter_chunks
from troopledger.model._simulate import DEFAULT_CHUNK, Progress

__all__ = [
    "FLOAT64_UP_TO",
    "MONTHLY_CAP",
    "MONTHLY_VARIABLES",
    "TOTAL_VARIABLES",
    "Draws",
    "Summary",
    "collect",
    "collect_chunks",
    "from_dataset",
    "summarize",
    "summarize_draws",
    "weighted_quantiles",
]

Array = NDArray[np.floating[Any]]  # float64, or float32 for very large runs

#: Money accounts summed over the horizon, in the order reports show them.
TOTAL_VARIABLES = ("paid_by_russia", *ACCOUNTS, *STATE_USES, "paid_in_kind")
#: Monthly paths kept for bands and charts.
MONTHLY_VARIABLES = (
    "paid_by_russia",
    *ACCOUNTS,
    "troops_in_theatre",
    "killed",
    "wounded",
    "cumulative_deployed",
)
#: Accounts whose running totals (``cumulative_<account>``) get monthly bands too.
CUMULATIVE_VARIABLES = ("paid_by_russia", *ACCOUNTS)
#: Monthly bands use at most this many leading draws (exact below it), kept as float32.
MONTHLY_CAP = 100_000
_DERIVED_EXTRA = ("killed_total", "wounded_total", "cumulative_deployed_end", "mean_troops_in_theatre")
QUANTILES = (0.05, 0.5, 0.95)
#: Per-draw values are kept as float64 up to this many draws, as float32 beyond.
FLOAT64_UP_TO = 2_000_000


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

    def cumulative_total(self, name: str) -> Array:
        """Running total of a monthly variable over the kept draws, shaped (kept, months)."""
        return np.cumsum(self.monthly[name], axis=1)


@dataclass
class Summary:
    """Quantiles of a run, weighted or not, ready to be reported."""

    months: list[str]
    totals: dict[str, dict[str, float]]
    monthly: dict[str, dict[str, list[float]]]
    derived: dict[str, dict[str, float]]
    parameters: dict[str, dict[str, float]]
    conservation_max_abs_error_usd: float
    seed: int
    draws: int
    monthly_from_draws: int
    effective_draws: float = field(default=float("nan"))


def weighted_quantiles(x: Array, q: tuple[float, ...], weights: Array | None = None) -> Array:
    """Quantiles of ``x`` along axis 0, weighted if ``weights`` is given (linear interpolation)."""
    x = np.asarray(x, dtype=float)
    if weights is None:
        return np.quantile(x, q, axis=0)
    w = np.asarray(weights, dtype=float)
    order = np.argsort(x, axis=0)
    xs = np.take_along_axis(x, order, axis=0)
    ws = w[order]  # (n,) or (n, months), matching x sorted column by column
    cw = np.cumsum(ws, axis=0) - 0.5 * ws
    cw /= np.sum(w)
    if x.ndim == 1:
        return np.interp(q, cw, xs)
    return np.stack([np.array([np.interp(qq, cw[:, j], xs[:, j]) for j in range(x.shape[1])]) for qq in q])


def _stats(x: Array, w: Array | None) -> dict[str, float]:
    q = weighted_quantiles(x, QUANTILES, w)
    mean = float(np.average(x.astype(float), weights=w)) if x.size else float("nan")
    return {"mean": mean, "p5": float(q[0]), "p50": float(q[1]), "p95": float(q[2])}


def _per_draw(out: Mapping[str, Array]) -> tuple[dict[str, Array], dict[str, Array]]:
    """Horizon totals and derived outputs, one value per draw, from model outputs ``(draws, months)``."""
    totals = {k: out[k].sum(axis=1) for k in TOTAL_VARIABLES}
    derived = {k: out[k] for k in PER_DRAW_OUTPUTS}
    derived["killed_total"] = out["killed"].sum(axis=1)
    derived["wounded_total"] = out["wounded"].sum(axis=1)
    derived["cumulative_deployed_end"] = out["cumulative_deployed"][:, -1]
    derived["mean_troops_in_theatre"] = out["troops_in_theatre"].mean(axis=1)
    return totals, derived


def collect(
    case: Case,
    draws: int,
    seed: int,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    monthly_cap: int = MONTHLY_CAP,
    observations: Observations | None = None,
    executor: Executor | None = None,
) -> Draws:
    """Stream the case and keep what summaries, calibration and sensitivity need.

    Every kept array is allocated once at its final size and filled chunk by chunk,
    so memory is what the result needs and no more. With ``observations``, each
    chunk's modelled observation targets are kept too (``Draws.observed``), so
    calibration never needs the monthly arrays of every draw. ``executor`` runs the
    chunks elsewhere (local processes, a Dask cluster) with the same numbers.
    """
    chunks = iter_chunks(
        case, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress, executor=executor
    )
    return collect_chunks(case, chunks, draws, seed, monthly_cap=monthly_cap, observations=observations)


def collect_chunks(
    case: Case,
    chunks: Iterable[Chunk],
    draws: int,
    seed: int,
    *,
    monthly_cap: int = MONTHLY_CAP,
    observations: Observations | None = None,
) -> Draws:
    """Keep what :func:`collect` keeps from any chunks of model runs covering ``draws`` draws."""
    dtype: type[np.floating[Any]] = np.float64 if draws <= FLOAT64_UP_TO else np.float32
    kept = min(draws, max(monthly_cap, 1))
    totals: dict[str, Array] = {k: np.empty(draws, dtype) for k in TOTAL_VARIABLES}
    derived: dict[str, Array] = {k: np.empty(draws, dtype) for k in (*PER_DRAW_OUTPUTS, *_DERIVED_EXTRA)}
    monthly = {k: np.empty((kept, case.months), np.float32) for k in MONTHLY_VARIABLES}
    params: dict[str, Array] = {}
    observed = None if observations is None else np.empty((draws, len(observations)), dtype)
    # Known values need no per-draw storage: one row stands for all draws.
    constants = {k: float(d.value) for k, d in case.distributions().items() if isinstance(d, Constant)}
    err = 0.0
    for chunk in chunks:
        out, a, b = chunk.outputs, chunk.start, chunk.start + chunk.size
        chunk_totals, chunk_derived = _per_draw(out)
        for k, v in chunk_totals.items():
            totals[k][a:b] = v
        for k, v in chunk_derived.items():
            derived[k][a:b] = v
        if a < kept:
            for k in MONTHLY_VARIABLES:
                monthly[k][a : min(b, kept)] = out[k][: min(b, kept) - a]
        for k, v in chunk.params.items():
            if v.ndim == 1 and k not in constants:
                params.setdefault(k, np.empty(draws, dtype))[a:b] = v
        if observed is not None and observations is not None:
            observed[a:b] = observations.values(out, chunk.params)
        err = max(err, chunk.conservation_error)
    return Draws(
        months=case.month_labels,
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
    )


def summarize_draws(d: Draws, weights: Array | None = None) -> Summary:
    """Quantiles of collected draws; with ``weights`` (one per draw) a weighted summary."""
    w = None if weights is None else np.asarray(weights, dtype=float)
    kept = next(iter(d.monthly.values())).shape[0]
    wm = None if w is None else w[:kept]
    monthly = {}
    for k, arr in d.monthly.items():
        q = weighted_quantiles(arr, QUANTILES, wm)
        monthly[k] = {"p5": q[0].tolist(), "p50": q[1].tolist(), "p95": q[2].tolist()}
    for k in CUMULATIVE_VARIABLES:  # bands of the running total, not running totals of bands
        q = weighted_quantiles(d.cumulative_total(k), QUANTILES, wm)
        monthly[f"cumulative_{k}"] = {"p5": q[0].tolist(), "p50": q[1].tolist(), "p95": q[2].tolist()}
    ess = float(np.sum(w) ** 2 / np.sum(w * w)) if w is not None else float(d.draws)
    return Summary(
        months=d.months,
        totals={k: _stats(v, w) for k, v in d.totals.items()},
        monthly=monthly,
        derived={k: _stats(v, w) for k, v in d.derived.items()},
        parameters={
            **{k: _stats(v, w) for k, v in d.params.items()},
            **{k: dict.fromkeys(("mean", "p5", "p50", "p95"), v) for k, v in d.constants.items()},
        },
        conservation_max_abs_error_usd=d.conservation_error,
        seed=d.seed,
        draws=d.draws,
        monthly_from_draws=kept,
        effective_draws=ess,
    )


def summarize(
    case: Case,
    draws: int = 100_000,
    seed: int = 0,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> Summary:
    """Run ``case`` in bounded memory and return its summary (chunks on ``executor`` if given)."""
    kept = collect(case, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress, executor=executor)
    return summarize_draws(kept)


def from_dataset(ds: xr.Dataset) -> Draws:
    """Rebuild :class:`Draws` from a Dataset returned by :func:`troopledger.simulate`."""
    role = {k: v.attrs.get("role") for k, v in ds.data_vars.items()}
    totals, derived = _per_draw({str(k): v.values for k, v in ds.data_vars.items()})
    return Draws(
        months=[str(m) for m in ds["month"].values],
        totals=totals,
        monthly={k: ds[k].values for k in MONTHLY_VARIABLES},
        derived=derived,
        params={str(k): ds[k].values for k, r in role.items() if r == "parameter" and ds[k].ndim == 1},
        conservation_error=float(ds.attrs["conservation_max_abs_error_usd"]),
        seed=int(ds.attrs["seed"]),
        draws=int(ds.attrs["draws"]),
    )
