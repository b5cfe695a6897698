"""Running cases: seeds, chunking, workers, labelled results and files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import troopledger as tl
from troopledger.analysis import summarize_draws
from troopledger.errors import ModelError
from troopledger.evidence import BLOCK, Prior, resolve
from troopledger.model import collect


@pytest.fixture(scope="module")
def default_case() -> Prior:
    return resolve(tl.load_case())


def test_same_seed_same_numbers(default_case: Prior) -> None:
    a = tl.simulate(default_case, 3000, seed=11)
    b = tl.simulate(default_case, 3000, seed=11)
    xr.testing.assert_identical(a, b)
    c = tl.simulate(default_case, 3000, seed=12)
    assert not np.array_equal(a["paid_by_russia"].values, c["paid_by_russia"].values)


@pytest.mark.parametrize(("chunk", "workers"), [(BLOCK, 1), (3 * BLOCK, 1), (BLOCK, 2), (1, 3), (10**6, 1)])
def test_results_do_not_depend_on_chunks_or_workers(default_case: Prior, chunk: int, workers: int) -> None:
    n = 2 * BLOCK + 123
    ref = collect(default_case, n, 5, chunk_size=4 * BLOCK)
    got = collect(default_case, n, 5, chunk_size=chunk, workers=workers)
    for k in ref.totals:
        np.testing.assert_array_equal(ref.totals[k], got.totals[k])
    for k in ref.params:
        np.testing.assert_array_equal(ref.params[k], got.params[k])


def test_dataset_is_labelled(default_case: Prior) -> None:
    ds = tl.simulate(default_case, 500, seed=1)
    assert ds["paid_by_russia"].dims == ("draw", "month")
    assert list(ds["month"].values[:2]) == ["2024-10", "2024-11"]
    assert ds.sizes["month"] == 12
    assert ds["state_use_shares"].dims == ("draw", "state_use")
    assert ds.attrs["conservation_max_abs_error_usd"] < 1e-3
    landed = ds["to_state"] + ds["to_soldiers"] + ds["to_families"]
    assert float(abs(ds["paid_by_russia"] - landed).max()) <= 1e-6 * float(ds["paid_by_russia"].max())


def test_accessor_summary_matches_streaming_summary(default_case: Prior) -> None:
    ds = tl.simulate(default_case, 4000, seed=2)
    a = ds.tl.summary()
    b = summarize_draws(collect(default_case, 4000, 2))
    assert a.totals["to_state"] == pytest.approx(b.totals["to_state"])
    assert a.monthly["paid_by_russia"]["p50"] == pytest.approx(b.monthly["paid_by_russia"]["p50"])
    table = ds.tl.totals()
    assert isinstance(table, pd.DataFrame)
    assert list(table.columns) == ["mean", "p5", "p50", "p95"]
    assert table.loc["paid_by_russia", "p50"] > table.loc["to_soldiers", "p50"]


def test_save_netcdf_and_parquet(default_case: Prior, tmp_path: Path) -> None:
    ds = tl.simulate(default_case, 200, seed=3)
    nc = ds.tl.save(tmp_path / "run.nc")
    back = xr.open_dataset(nc, engine="scipy")
    np.testing.assert_allclose(back["to_state"].values, ds["to_state"].values)
    back.close()
    pq = ds.tl.save(tmp_path / "run.parquet")
    df = pd.read_parquet(pq)
    assert len(df) == 200 * 12
    assert {"draw", "month", "paid_by_russia", "state_share_of_pay"} <= set(df.columns)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.nc", "run.parquet"]
    with pytest.raises(tl.InputError, match=r"\.nc or \.parquet"):
        ds.tl.save(tmp_path / "run.xlsx")


def test_dataframe_views(default_case: Prior) -> None:
    ds = tl.simulate(default_case, 50, seed=4)
    monthly = ds.tl.to_dataframe("monthly")
    assert monthly.index.names == ["draw", "month"]
    assert ds.tl.to_dataframe("draws").shape[0] == 50


def test_one_draw_runs(default_case: Prior) -> None:
    ds = tl.simulate(default_case, 1, seed=0)
    assert ds.sizes["draw"] == 1


def test_bad_run_arguments(default_case: Prior) -> None:
    with pytest.raises(ModelError, match="draws"):
        tl.simulate(default_case, 0)
    with pytest.raises(ModelError, match="seed"):
        tl.simulate(default_case, 10, seed=-1)
    with pytest.raises(ModelError, match="summarize"):
        tl.simulate(default_case, 10**9)


def test_monthly_bands_are_ordered(default_case: Prior) -> None:
    s = summarize_draws(collect(default_case, 5000, 9))
    for band in s.monthly.values():
        assert all(a <= b <= c for a, b, c in zip(band["p5"], band["p50"], band["p95"], strict=True))
    assert s.totals["paid_by_russia"]["p50"] > s.totals["to_state"]["p50"] > s.totals["to_soldiers"]["p50"]
