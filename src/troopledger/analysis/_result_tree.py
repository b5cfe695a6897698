"""A :class:`~troopledger.analysis.Result` as an ``xarray.DataTree``, a pandas table, and a file.

The tree's groups follow ArviZ's ``InferenceData``: ``prior`` (every prior draw),
``posterior`` (the draws the calibrated figures come from, with their ``weight``),
``observed_data`` (the claims weighed, one row per claim) and ``sample_stats`` (the
calibration's diagnostics). Per-draw values have the dimension ``draw``; monthly paths
``(draw, month)`` with months as ``YYYY-MM`` labels (``path`` instead of ``draw`` when a
large run kept the monthly paths of its leading draws only); the state's four uses
``state_use``. Each group also carries its quantile summary, and the root the case
and the groups that are not arrays (contradictions, sensitivity, influence, the
desk), as JSON attributes, so :func:`load_result` rebuilds the very same Result.

Files are NetCDF-4 written with h5netcdf through the project's atomic writer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from troopledger._atomic import atomic_path
from troopledger._version import __version__
from troopledger.analysis._summary import Summary
from troopledger.calibration import Conflict, Contradiction, Influence, Observations, Skipped, compile_observations
from troopledger.errors import InputError
from troopledger.evidence import Case, Prior, resolve
from troopledger.model import Draws

if TYPE_CHECKING:
    import pandas as pd
    import xarray as xr

    from troopledger.analysis._result import Result

__all__ = ["FORMAT", "load_result", "save_result", "to_dataframe", "to_datatree"]

#: Written in the root attributes; a file of another format is refused on load.
FORMAT = "troopledger-result-1"
_ROLE = "role"  # attribute naming which Draws field a variable came from


def _json(obj: Any) -> str:
    def default(o: Any) -> Any:
        if isinstance(o, np.ndarray):
            return o.tolist()
        if isinstance(o, np.generic):
            return o.item()
        if isinstance(o, dt.date):
            return o.isoformat()
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        raise TypeError(f"cannot store {type(o).__name__} in a result file")

    return json.dumps(obj, default=default, allow_nan=True)


def _draws_dataset(d: Draws, summary: Summary | None, kind: str) -> xr.Dataset:
    import xarray as xr

    coords: dict[str, Any] = {"draw": np.arange(d.draws), "month": list(d.months)}
    data: dict[str, Any] = {}
    kept = next(iter(d.monthly.values())).shape[0] if d.monthly else d.draws
    row = "draw" if kept == d.draws else "path"
    if row == "path":
        coords["path"] = np.arange(kept)
    for role, group in (("total", d.totals), ("derived", d.derived), ("parameter", d.params)):
        for name, arr in group.items():
            dims = ("draw", "state_use") if arr.ndim == 2 else ("draw",)
            data[name] = xr.Variable(dims, arr, {_ROLE: role})
    for name, arr in d.monthly.items():
        data[f"monthly_{name}"] = xr.Variable((row, "month"), arr, {_ROLE: "monthly"})
    if d.observed is not None:
        coords["observation"] = list(d.observation_ids) or [f"column_{j}" for j in range(d.observed.shape[1])]
        data["observed_values"] = xr.Variable(("draw", "observation"), d.observed, {_ROLE: "observed"})
    attrs = {
        "kind": kind,
        "seed": d.seed,
        "draws": d.draws,
        "conservation_error": d.conservation_error,
        "constants": _json(d.constants),
        "observation_ids": _json(list(d.observation_ids)),
        "summary": _json(dataclasses.asdict(summary)) if summary is not None else "null",
    }
    return xr.Dataset(data, coords=coords, attrs=attrs)


def _draws_of(ds: xr.Dataset) -> Draws:
    groups: dict[str, dict[str, Any]] = {"total": {}, "derived": {}, "parameter": {}, "monthly": {}}
    observed = None
    for name, var in ds.data_vars.items():
        role = var.attrs.get(_ROLE)
        if role == "observed":
            observed = var.values
        elif role == "monthly":
            groups["monthly"][str(name).removeprefix("monthly_")] = var.values
        elif role in groups:
            groups[role][str(name)] = var.values
    return Draws(
        months=[str(m) for m in ds["month"].values],
        totals=groups["total"],
        monthly=groups["monthly"],
        derived=groups["derived"],
        params=groups["parameter"],
        conservation_error=float(ds.attrs["conservation_error"]),
        seed=int(ds.attrs["seed"]),
        draws=int(ds.attrs["draws"]),
        constants=json.loads(ds.attrs["constants"]),
        observed=observed,
        observation_ids=json.loads(ds.attrs["observation_ids"]),
    )


def _summary_of(ds: xr.Dataset) -> Summary | None:
    data = json.loads(ds.attrs["summary"])
    return None if data is None else Summary(**data)


def _observed_dataset(obs: Observations | None) -> xr.Dataset:
    import xarray as xr

    items = obs.items if obs is not None else []

    def num(x: float | None) -> float:
        return float("nan") if x is None else float(x)

    coords = {
        "claim": [o.id for o in items],
        "quantity": ("claim", [o.claim.quantity for o in items]),
        "unit": ("claim", [o.unit for o in items]),
        "speaker": ("claim", [o.claim.speaker for o in items]),
        "modelled": ("claim", [o.what for o in items]),
    }
    data = {
        "value": ("claim", [num(o.claim.value) for o in items]),
        "low": ("claim", [num(o.claim.low) for o in items]),
        "high": ("claim", [num(o.claim.high) for o in items]),
    }
    skipped = [] if obs is None else [[s.claim_id, s.reason] for s in obs.skipped]
    return xr.Dataset(data, coords=coords, attrs={"present": int(obs is not None), "skipped": _json(skipped)})


def _sample_stats_dataset(stats: Mapping[str, Any] | None) -> xr.Dataset:
    import xarray as xr

    stats = stats or {}
    wrong, right = stats.get("claims_wrong_posterior") or {}, stats.get("claims_right_prior") or {}
    ids = sorted(set(wrong) | set(right))
    data: dict[str, Any] = {
        "wrong_posterior": ("claim", [float(wrong.get(c, math.nan)) for c in ids]),
        "right_prior": ("claim", [float(right.get(c, math.nan)) for c in ids]),
    }
    for key in ("pareto_khat", "importance_ess", "log_evidence"):
        v = stats.get(key)
        data[key] = ((), math.nan if v is None else float(v))
    attrs = {"method": str(stats.get("method", "")), "json": _json(dict(stats) if stats else None)}
    return xr.Dataset(data, coords={"claim": ids}, attrs=attrs)


def to_datatree(result: Result) -> xr.DataTree:
    """The Result as an ``xarray.DataTree`` with ArviZ's groups (see the module's notes)."""
    import xarray as xr

    prior = result.case
    case = prior.casefile
    posterior = xr.Dataset(attrs={"kind": "none", "summary": "null"})
    if result.posterior_draws is not None:
        posterior = _draws_dataset(result.posterior_draws, result.posterior, "posterior")
        if result.weights is not None:
            posterior["weight"] = xr.Variable(("draw",), np.asarray(result.weights), {_ROLE: "weight"})
    root = {
        "format": FORMAT,
        "troopledger_version": __version__,
        "case": prior.name,
        "seed": result.seed,
        "draws": result.draws,
        "calibrated": int(result.calibrated),
        "casefile": _json(case.written()),
        "case_path": case.path,
        "case_digest": case.digest,
        "case_as_of": case.as_of,
        "case_scenario": _json(case.scenario),
        "contradictions": _json([dataclasses.asdict(c) for c in result.contradictions]),
        "conflicts": _json([dataclasses.asdict(c) for c in result.conflicts]),
        "contradictions_found": result.contradictions_found,
        "sensitivity": _json(result.sensitivity),
        "influence": _json(None if result.influence is None else [dataclasses.asdict(i) for i in result.influence]),
        "desk": _json(result.desk),
    }
    return xr.DataTree.from_dict(
        {
            "/": xr.Dataset(attrs=root),
            "prior": _draws_dataset(result.prior_draws, result.prior, "prior"),
            "posterior": posterior,
            "observed_data": _observed_dataset(result.observed_data),
            "sample_stats": _sample_stats_dataset(result.sample_stats),
        }
    )


def _prior_of(attrs: Mapping[str, Any]) -> Prior:
    """The case as it was run, rebuilt from its own written form (no file is read)."""
    case = Case.model_validate(json.loads(attrs["casefile"]))
    case.path, case.digest, case.as_of = str(attrs["case_path"]), str(attrs["case_digest"]), str(attrs["case_as_of"])
    case.scenario = json.loads(attrs["case_scenario"])
    return resolve(case)


def from_datatree(tree: xr.DataTree, origin: str = "(tree)") -> Result:
    """The Result a tree from :func:`to_datatree` (or a file of it) holds."""
    from troopledger.analysis._result import Result

    attrs = tree.attrs
    if attrs.get("format") != FORMAT:
        raise InputError(origin, "format", "is not a saved troopledger result", "save one with Result.save(path)")
    prior = _prior_of({str(k): v for k, v in attrs.items()})
    post_ds = tree["posterior"].to_dataset()
    posterior_draws = _draws_of(post_ds) if post_ds.attrs.get("kind") == "posterior" else None
    weights = post_ds["weight"].values if "weight" in post_ds.data_vars else None
    obs_ds = tree["observed_data"].to_dataset()
    observed = None
    if obs_ds.attrs.get("present"):
        ids = [str(c) for c in obs_ds["claim"].values]
        by_id = {o.id: o for o in compile_observations(prior).items}
        skipped = [Skipped(c, r) for c, r in json.loads(obs_ds.attrs["skipped"])]
        observed = Observations([by_id[c] for c in ids if c in by_id], skipped)
    influence = json.loads(attrs["influence"])
    prior_ds = tree["prior"].to_dataset()
    prior_summary = _summary_of(prior_ds)
    if prior_summary is None:
        raise InputError(origin, "prior", "has no summary", "save the result again with Result.save(path)")
    return Result(
        case=prior,
        seed=int(attrs["seed"]),
        draws=int(attrs["draws"]),
        prior=prior_summary,
        posterior=_summary_of(post_ds),
        observed_data=observed,
        weights=weights,
        sample_stats=json.loads(tree["sample_stats"].attrs["json"]),
        contradictions=tuple(
            Contradiction(**{**c, "claims": tuple(c["claims"])}) for c in json.loads(attrs["contradictions"])
        ),
        sensitivity=json.loads(attrs["sensitivity"]),
        influence=None
        if influence is None
        else tuple(Influence(**{**i, "claims": tuple(i["claims"])}) for i in influence),
        prior_draws=_draws_of(prior_ds),
        posterior_draws=posterior_draws,
        desk=json.loads(attrs["desk"]),
        conflicts=tuple(_conflict(c) for c in json.loads(attrs.get("conflicts", "[]"))),
        contradictions_found=int(attrs.get("contradictions_found", len(json.loads(attrs["contradictions"])))),
    )


def _conflict(c: dict[str, Any]) -> Conflict:
    """A conflict from its JSON form (lists back to tuples)."""
    return Conflict(
        **{
            **c,
            "against": tuple(c["against"]),
            "sets": tuple(tuple(s) for s in c["sets"]),
            "kinds": tuple(c["kinds"]),
            "assumptions": tuple(c["assumptions"]),
        }
    )


def save_result(result: Result, path: str | Path) -> Path:
    """Write the Result's tree to a NetCDF-4 file (``.nc``), replacing any old file atomically."""
    target = Path(path)
    if target.suffix.lower() != ".nc":
        raise InputError(
            str(target), None, f"unknown result format '{target.suffix or '(none)'}'", "end the path in .nc"
        )
    tree = to_datatree(result)
    encoding = {}
    for g in ("prior", "posterior", "observed_data", "sample_stats"):
        ds = tree[g].to_dataset()
        encoding[f"/{g}"] = {
            str(v): {"zlib": True, "complevel": 4, "shuffle": True} for v in ds.data_vars if ds[v].ndim > 0
        }
    with atomic_path(target) as tmp:
        tree.to_netcdf(tmp, engine="h5netcdf", encoding=encoding)
    return target


def load_result(path: str | Path) -> Result:
    """The Result saved by ``Result.save(path)``: every group, the case and the headline as they were."""
    import xarray as xr

    source = Path(path)
    if not source.is_file():
        raise InputError(str(source), None, "no such result file", "give the path a Result.save call wrote")
    try:
        tree = xr.open_datatree(source, engine="h5netcdf")
    except (OSError, ValueError) as e:
        raise InputError(
            str(source), None, f"cannot be read as a result file ({e})", "give a .nc file from Result.save"
        ) from None
    with tree:
        return from_datatree(tree.load(), str(source))


def to_dataframe(result: Result) -> pd.DataFrame:
    """A tidy table of the headline figures: one row per (statistic, account, month), ``month`` "total" for the horizon.

    Columns: ``group`` (posterior or prior), ``account``, ``month``, ``p5``, ``p50``,
    ``p95`` and ``mean`` (the mean only for totals), in the report's currency.
    """
    import pandas as pd

    s = result.main
    group = "posterior" if result.posterior is not None else "prior"
    rows: list[dict[str, Any]] = []
    for account, stats in s.totals.items():
        rows.append({"group": group, "account": account, "month": "total", **stats})
    for account, band in s.monthly.items():
        for i, month in enumerate(s.months):
            rows.append(
                {
                    "group": group,
                    "account": account,
                    "month": month,
                    "p5": band["p5"][i],
                    "p50": band["p50"][i],
                    "p95": band["p95"][i],
                    "mean": math.nan,
                }
            )
    return pd.DataFrame(rows, columns=["group", "account", "month", "p5", "p50", "p95", "mean"])
