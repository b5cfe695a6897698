"""Python returns the headline: ``tl.run`` is the CLI's report, and a Result converts, saves, loads, shows and plots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import troopledger as tl
from troopledger._cli import main
from troopledger.errors import InputError
from troopledger.report import build_payload
from troopledger.report._charts import fan_chart, sankey_chart

DRAWS, SEED = 3000, 4
HEADLINE = ("paid_by_russia", "to_state", "to_soldiers", "to_families")


@pytest.fixture(scope="module")
def result() -> Any:
    return tl.run("nk-russia-2024", draws=DRAWS, seed=SEED)


def _cli_json(tmp_path: Path, *args: str) -> dict[str, Any]:
    out = tmp_path / "r.json"
    with pytest.raises(SystemExit) as exc:
        main(["report", *args, "--draws", str(DRAWS), "--seed", str(SEED), "--format", "json", "--out", str(out)])
    assert int(exc.value.code or 0) == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_run_gives_the_headline_the_cli_prints(result: Any, tmp_path: Path) -> None:
    cli = _cli_json(tmp_path)
    assert result.calibrated
    assert cli["calibrated"]
    for key in HEADLINE:
        assert result.headline[key] == pytest.approx(cli["totals"][key], rel=0, abs=0), key
    assert result.state_share() == pytest.approx(cli["state_share"], rel=1e-12)


def test_simulate_says_it_returns_the_prior() -> None:
    ds = tl.simulate(tl.load_case("nk-russia-2024"), draws=500, seed=0)
    assert ds.attrs["kind"] == "prior"
    assert "prior" in (tl.simulate.__doc__ or "")


def test_xarray_groups_are_labelled(result: Any) -> None:
    tree = result.to_xarray()
    assert {"prior", "posterior", "observed_data", "sample_stats"} <= set(tree.children)
    post = tree["posterior"].to_dataset()
    assert post["monthly_paid_by_russia"].dims == ("draw", "month")
    assert list(post["month"].values[:2]) == ["2024-10", "2024-11"]
    assert post["weight"].dims == ("draw",)
    assert post["weight"].sum() == pytest.approx(1.0)
    assert post["state_use_shares"].dims == ("draw", "state_use") if "state_use_shares" in post else True
    obs = tree["observed_data"].to_dataset()
    assert list(obs["claim"].values) == result.observed_data.ids
    stats = tree["sample_stats"].to_dataset()
    assert float(stats["pareto_khat"]) == pytest.approx(result.sample_stats["pareto_khat"])
    assert tree["prior"].attrs["kind"] == "prior"


def test_dataframe_is_tidy_and_holds_the_headline(result: Any) -> None:
    df = result.to_dataframe()
    assert list(df.columns) == ["group", "account", "month", "p5", "p50", "p95", "mean"]
    row = df[(df.account == "paid_by_russia") & (df.month == "total")].iloc[0]
    assert row.p50 == result.headline["paid_by_russia"]["p50"]
    months = df[(df.account == "to_state") & (df.month != "total")]
    assert len(months) == len(result.main.months)


def test_save_and_load_round_trip_every_group(result: Any, tmp_path: Path) -> None:
    path = result.save(tmp_path / "run.nc")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.nc"]  # no temporary file left behind
    back = tl.load_result(path)
    assert back.to_xarray().identical(result.to_xarray())
    for group in ("prior", "posterior"):
        assert json.dumps(vars(getattr(back, group)), sort_keys=True) == json.dumps(
            vars(getattr(result, group)), sort_keys=True
        )
    np.testing.assert_array_equal(back.weights, result.weights)
    assert back.observed_data.ids == result.observed_data.ids
    assert back.contradictions == result.contradictions
    assert back.headline == result.headline
    # the report built from the loaded file is the report of the run, byte for byte
    same = json.dumps(build_payload(back).to_json(), sort_keys=True)
    assert same == json.dumps(build_payload(result).to_json(), sort_keys=True)


def test_save_and_load_refuse_bad_paths(result: Any, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.nc"):
        result.save(tmp_path / "run.csv")
    with pytest.raises(InputError, match="no such result file"):
        tl.load_result(tmp_path / "missing.nc")
    other = tmp_path / "prior.nc"
    tl.simulate(tl.load_case("nk-russia-2024"), draws=200, seed=0).tl.save(other)
    with pytest.raises(InputError):
        tl.load_result(other)
    junk = tmp_path / "junk.nc"
    junk.write_bytes(b"not a netcdf file")
    with pytest.raises(InputError, match="cannot be read"):
        tl.load_result(junk)


def test_repr_is_short_and_html_is_compact(result: Any) -> None:
    text = repr(result)
    assert len(text.splitlines()) <= 8
    assert "Paid by Russia" in text
    assert "nk-russia-2024" in text
    html = result._repr_html_()
    assert len(html.encode()) < 20_000
    assert "In short" in html
    assert "Claims that cannot all be true" in html
    assert "<script" not in html


def test_plots_are_the_pages_figures(result: Any) -> None:
    p = build_payload(result)
    sankey = result.plot.sankey()
    assert list(sankey.data[0].node.label) == sankey_chart(p)["data"][0]["node"]["label"]
    fan = result.plot.fan("paid_by_russia")
    spec = fan_chart(p, "paid_by_russia", "Paid by Russia", "#b2182b")
    assert [list(t.y) for t in fan.data] == [list(t["y"]) for t in spec["data"]]
    assert len(result.plot.fan("killed").data) == 3
    assert result.plot.fan("cumulative_deployed").layout.yaxis.title.text == "persons"
    assert result.plot.fan("cumulative_to_state").layout.meta["title"].startswith("Kept by the North Korean state")
    with pytest.raises(InputError, match="no monthly band"):
        result.plot.fan("no_such_thing")
    assert result.plot.page("monthly").layout.meta["title"].startswith("Monthly payments")


def test_readme_python_example_starts_with_run() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python", 1)[1]
    assert example.index("tl.run(") < example.index("tl.simulate(")


@pytest.mark.parametrize("kind", ["prior only", "as of a day, in won, with a window"])
def test_round_trip_of_other_runs(kind: str, tmp_path: Path) -> None:
    from troopledger.analysis import Desk
    from troopledger.evidence import as_of

    if kind == "prior only":
        result = tl.run("nk-russia-2024", draws=1000, seed=2, calibrate=False)
    else:
        view = as_of(tl.load_case("nk-russia-record"), "2025-02-28")
        desk = Desk(currency="KRW", windows=("2025-01..2025-06",))
        result = tl.run(view, draws=1000, seed=2, desk=desk)
    back = tl.load_result(result.save(tmp_path / "r.nc"))
    assert back.case.casefile.as_of == result.case.casefile.as_of
    same = json.dumps(build_payload(back).to_json(), sort_keys=True)
    assert same == json.dumps(build_payload(result).to_json(), sort_keys=True)
