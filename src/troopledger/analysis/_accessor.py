"""The ``.tl`` accessor on Datasets from :func:`troopledger.simulate`.

``ds.tl.summary()`` gives the quantile summary, ``ds.tl.totals()`` and
``ds.tl.to_dataframe()`` give pandas tables, and ``ds.tl.save(path)`` writes NetCDF
(``.nc``) or Parquet (``.parquet``) atomically: to a temporary file first, then
renamed over the target, so a failure never leaves half a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd
import xarray as xr

from troopledger._atomic import atomic_path
from troopledger.analysis._summary import Summary, from_dataset, summarize_draws
from troopledger.errors import InputError
from troopledger.model import TOTAL_VARIABLES

__all__ = ["TroopledgerAccessor"]


@xr.register_dataset_accessor("tl")  # type: ignore[no-untyped-call]
class TroopledgerAccessor:
    """Summary, table and file helpers for a troopledger result Dataset."""

    def __init__(self, ds: xr.Dataset) -> None:
        self._ds = ds

    def summary(self) -> Summary:
        """Quantiles of totals, monthly flows, derived outputs and parameters."""
        return summarize_draws(from_dataset(self._ds))

    def totals(self) -> pd.DataFrame:
        """Mean, 5th, 50th and 95th percentile of each account over the horizon, in USD."""
        s = self.summary()
        return pd.DataFrame(s.totals).T.loc[list(TOTAL_VARIABLES)]

    def to_dataframe(self, kind: Literal["monthly", "draws"] = "monthly") -> pd.DataFrame:
        """Long tables: ``monthly`` has one row per (draw, month); ``draws`` one per draw."""
        ds = self._ds
        if kind == "monthly":
            names = [k for k, v in ds.data_vars.items() if v.dims == ("draw", "month")]
            return ds[names].to_dataframe()
        names = [k for k, v in ds.data_vars.items() if v.dims == ("draw",)]
        return ds[names].to_dataframe()

    def save(self, path: str | Path) -> Path:
        """Write the Dataset to ``.nc`` (NetCDF) or ``.parquet``, replacing any old file atomically.

        A directory or a symbolic link at ``path`` is refused (see ``troopledger._atomic``).
        """
        target = Path(path)
        suffix = target.suffix.lower()
        if suffix not in (".nc", ".parquet"):
            raise InputError(
                str(target), None, f"unknown output format '{suffix or '(none)'}'", "end the path in .nc or .parquet"
            )
        with atomic_path(target) as tmp:
            if suffix == ".nc":
                self._ds.to_netcdf(tmp, engine="scipy")
            else:
                table = self.to_dataframe("monthly").reset_index()
                per_draw = self.to_dataframe("draws")
                table = table.join(per_draw, on="draw")
                table.attrs = {}
                table.to_parquet(tmp, index=False)
        return target
