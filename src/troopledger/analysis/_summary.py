"""Summaries of a run: quantiles of totals, monthly bands, derived outputs and parameters.

The draws themselves are kept by :func:`troopledger.model.collect`; every quantile
here can be weighted, which is how calibration's weights turn a prior summary into a
posterior one.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration import weighted_quantiles
from troopledger.evidence import Case, Prior, resolve
from troopledger.model import (
    ACCOUNTS,
    DEFAULT_CHUNK,
    MONTHLY_VARIABLES,
    RUNNING_TOTALS,
    Draws,
    Executor,
    Progress,
    collect,
    per_draw,
)

if TYPE_CHECKING:
    import xarray as xr

__all__ = [
    "CUMULATIVE_VARIABLES",
    "NEGLIGIBLE_MASS",
    "QUANTILES",
    "Summary",
    "from_dataset",
    "interval_stats",
    "summarize",
    "summarize_draws",
]

Array = NDArray[np.floating[Any]]  # float64, or float32 for very large runs

#: Accounts whose running totals (``cumulative_<account>``) get monthly bands too.
CUMULATIVE_VARIABLES = ("paid_by_russia", *ACCOUNTS)
#: The quantiles every summary reports: the 90 % interval and the median.
QUANTILES = (0.05, 0.5, 0.95)
#: A weighted summary leaves out the lightest draws holding together at most this share of the weight.
NEGLIGIBLE_MASS = 1e-6
#: Threads that sort monthly paths at once (NumPy's sort releases the GIL).
_THREADS = 2


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


#: Monthly paths kept only to add up running totals, not banded themselves.
_PATH_ONLY = ("arrivals", "returned", "arrivals_late")


def _paths(d: Draws, rows: slice | NDArray[np.bool_] = slice(None)) -> list[tuple[str, Array]]:
    """The per-draw monthly paths to band: kept flows, soldiers in theatre by role, and running totals.

    Only the draws ``rows`` picks are kept (a summary leaves out the weightless ones
    before it adds up running totals, which are added row by row).
    """
    by_role = [f".{r}" for r in d.roles] if any("." in k for k in d.monthly) else []
    picked: dict[str, Array] = {}

    def path(k: str) -> Array:
        if k not in picked:
            picked[k] = d.monthly[k][rows]
        return picked[k]

    out = [
        (k, path(k)) for k in d.monthly if k not in _PATH_ONLY and ("." not in k or k.startswith("troops_in_theatre."))
    ]
    out += [(f"cumulative_{k}", _running(path(k))) for k in CUMULATIVE_VARIABLES]
    have = {k for k, _ in out}
    for suffix in ("", *by_role):
        for name, parts in RUNNING_TOTALS.items():
            if name + suffix in have:
                continue
            flow = path(parts[0] + suffix)
            for p in parts[1:]:
                flow = flow + path(p + suffix)
            out.append((name + suffix, _running(flow)))
    return out


def _running(flow: Array) -> Array:
    """Running totals along the months, added month by month: ``np.cumsum(flow, axis=1)``'s numbers, faster."""
    out = np.empty_like(flow)
    if flow.shape[1]:
        out[:, 0] = flow[:, 0]
    for j in range(1, flow.shape[1]):
        np.add(out[:, j - 1], flow[:, j], out=out[:, j])
    return out


def interval_stats(x: Array, w: Array | None = None) -> dict[str, float]:
    """Mean, median and 90 % interval of per-draw values, weighted if ``w`` is given."""
    q = weighted_quantiles(x, QUANTILES, w)
    mean = float(np.average(x.astype(float), weights=w)) if x.size else float("nan")
    return {"mean": mean, "p5": float(q[0]), "p50": float(q[1]), "p95": float(q[2])}


def summarize_draws(d: Draws, weights: Array | None = None, *, bands: bool = True) -> Summary:
    """Quantiles of collected draws; with ``weights`` (one per draw) a weighted summary.

    ``bands=False`` leaves out the monthly bands (``monthly`` is empty): a calibrated
    run's prior needs only its totals, derived figures and parameters.
    """
    w = None if weights is None else np.asarray(weights, dtype=float)
    kept = next(iter(d.monthly.values())).shape[0]
    # The lightest draws holding together at most NEGLIGIBLE_MASS of the weight are left
    # out: no quantile moves by more than that share of probability, and they need no sorting.
    rows: slice | NDArray[np.bool_] = slice(None)
    if w is not None and w.size and w.sum() > 0:
        order = np.argsort(w, kind="stable")
        light = np.cumsum(w[order]) <= NEGLIGIBLE_MASS * w.sum()
        rows = np.ones(w.size, dtype=bool)
        rows[order[light]] = False
    wr = None if w is None else w[rows]
    mrows = rows if isinstance(rows, slice) else rows[:kept]
    wm = None if w is None else w[:kept][mrows]

    monthly: dict[str, dict[str, list[float]]] = {}
    if bands:
        # bands of the running total, not running totals of bands
        monthly = _bands(_paths(d, mrows), wm)
        if len(d.roles) == 1:  # one role: its bands are the whole deployment's
            for name in ("troops_in_theatre", *RUNNING_TOTALS):
                monthly[f"{name}.{d.roles[0]}"] = monthly[name]
    ess = float(np.sum(w) ** 2 / np.sum(w * w)) if w is not None else float(d.draws)
    return Summary(
        months=d.months,
        totals={k: interval_stats(v[rows], wr) for k, v in d.totals.items()},
        monthly=monthly,
        derived={k: interval_stats(v[rows], wr) for k, v in d.derived.items()},
        parameters={
            **{k: interval_stats(v[rows], wr) for k, v in d.params.items()},
            **{k: dict.fromkeys(("mean", "p5", "p50", "p95"), v) for k, v in d.constants.items()},
        },
        conservation_max_abs_error_usd=d.conservation_error,
        seed=d.seed,
        draws=d.draws,
        monthly_from_draws=kept,
        effective_draws=ess,
    )


def _twins(name: str) -> tuple[str, ...]:
    """Paths whose months may repeat ``name``'s: the whole deployment's (until other roles arrive), the flow's."""
    base = name.split(".", 1)[0]
    return tuple(t for t in (base, base.removeprefix("cumulative_")) if t != name)


def _same_bits(a: Array, b: Array) -> NDArray[np.bool_]:
    """Which months (columns) of two paths hold the same numbers bit for bit (a zero's sign and NaNs included).

    One pass over both arrays: comparing them column by column would read every row's
    cache line once per month.
    """
    if a.shape != b.shape:
        return np.zeros(a.shape[1], dtype=bool)
    if a.dtype.kind == "f":
        kind = np.dtype(f"u{a.dtype.itemsize}")
        a, b = a.view(kind), b.view(kind)
    return np.asarray(np.all(a == b, axis=0)) if a.shape[0] else np.ones(a.shape[1], dtype=bool)


def _bands(paths: list[tuple[str, Array]], w: Array | None) -> dict[str, dict[str, list[float]]]:
    """Monthly bands of every path; a month repeating (bit for bit) a month of a path before it is sorted once.

    A role's path repeats the whole deployment's until the other roles arrive, and a
    running total's first month is its flow's: their quantiles are copied, not recomputed.
    """
    arrays = dict(paths)
    source: dict[str, list[tuple[str, int]]] = {}  # name -> per month, where its quantiles come from
    own: dict[str, list[int]] = {}
    for name, arr in paths:
        source[name], own[name] = [], []
        twins = [t for t in _twins(name) if t in source and arrays[t].dtype == arr.dtype]
        equal = {t: _same_bits(arr, arrays[t]) for t in twins}
        for j in range(arr.shape[1]):
            same = next((source[t][j] for t in twins if equal[t][j]), None)
            source[name].append(same or (name, len(own[name])))
            if same is None:
                own[name].append(j)

    def quantiles(name: str) -> Array:
        arr = arrays[name]
        cols = own[name]
        return weighted_quantiles(arr if len(cols) == arr.shape[1] else arr[:, cols], QUANTILES, w)

    # NumPy sorts without the GIL: two threads sort two variables' paths at once, same numbers
    with ThreadPoolExecutor(max_workers=_THREADS) as pool:
        done = dict(zip(own, pool.map(quantiles, own), strict=True))
    return {
        name: {label: [float(done[n][i, k]) for n, k in months] for i, label in enumerate(("p5", "p50", "p95"))}
        for name, months in source.items()
    }


def summarize(
    case: Case | Prior,
    draws: int = 100_000,
    seed: int = 0,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> Summary:
    """Run ``case`` in bounded memory and return its summary (chunks on ``executor`` when given)."""
    prior = case if isinstance(case, Prior) else resolve(case)
    kept = collect(prior, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress, executor=executor)
    return summarize_draws(kept)


def from_dataset(ds: xr.Dataset) -> Draws:
    """Rebuild :class:`Draws` from a Dataset returned by :func:`troopledger.simulate`."""
    role = {k: v.attrs.get("role") for k, v in ds.data_vars.items()}
    totals, derived = per_draw({str(k): v.values for k, v in ds.data_vars.items()})
    return Draws(
        months=[str(m) for m in ds["month"].values],
        totals=totals,
        monthly={
            str(k): ds[k].values
            for k, r in role.items()
            if r in ("monthly", "account", "by_role") and (k in MONTHLY_VARIABLES or r == "by_role")
        },
        derived=derived,
        params={str(k): ds[k].values for k, r in role.items() if r == "parameter" and ds[k].ndim == 1},
        conservation_error=float(ds.attrs["conservation_max_abs_error_usd"]),
        seed=int(ds.attrs["seed"]),
        draws=int(ds.attrs["draws"]),
        roles=[str(k).split(".", 1)[1] for k in ds.data_vars if str(k).startswith("troops_in_theatre.")],
    )
