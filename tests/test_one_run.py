"""One report, one run: the case is resolved once, each distribution built once, observations compiled once."""

from __future__ import annotations

import io
import json
from collections import Counter
from contextlib import redirect_stdout
from typing import Any

import pytest

import troopledger
import troopledger.evidence
from troopledger._cli import main
from troopledger.analysis import Result, _result, run
from troopledger.calibration import _influence, _scan, _workflow
from troopledger.evidence import DistSpec, Prior, load_case, resolve


@pytest.mark.parametrize("case", ["nk-russia-2024", "nk-russia-record"])
def test_one_report_builds_each_distribution_once_and_compiles_observations_once(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: Counter[tuple[str, str]] = Counter()
    compiled: Counter[int] = Counter()
    priors: list[Prior] = []
    real_build, real_compile = DistSpec.to_distribution, _result.compile_observations
    real_load = troopledger.evidence.load_case
    counting, depth = False, 0

    def build(self: DistSpec, kind: Any = "amount") -> Any:
        nonlocal depth
        if counting and depth == 0:  # a whole spec; a mixture's components are part of it
            built[(self.model_dump_json(), kind)] += 1
        depth += 1
        try:
            return real_build(self, kind)
        finally:
            depth -= 1

    def compile_(prior: Prior, **kw: Any) -> Any:
        if kw.get("claims") is None:  # a prior's own claims (backgrounds pass theirs explicitly)
            compiled[id(prior)] += 1
            priors.append(prior)
        return real_compile(prior, **kw)

    def load(*a: Any, **kw: Any) -> Any:
        nonlocal counting
        out = real_load(*a, **kw)  # validation checks specs; the run starts after it
        counting = True
        return out

    monkeypatch.setattr(DistSpec, "to_distribution", build)
    monkeypatch.setattr(troopledger.evidence, "load_case", load)
    for module in (_result, _workflow, _scan, _influence):
        monkeypatch.setattr(module, "compile_observations", compile_)
    buf = io.StringIO()
    with redirect_stdout(buf), pytest.raises(SystemExit) as done:
        main(["report", case, "--draws", "2000", "--format", "json", "--calibrate"])
    assert done.value.code == 0
    payload = json.loads(buf.getvalue())
    assert payload["calibration"]["observations"]
    repeated = {k: n for k, n in built.items() if n > 1}
    assert not repeated, f"distributions built more than once: {repeated}"
    main_prior = priors[0]
    assert compiled[id(main_prior)] == 1
    # every distribution of the run's own prior was built, and only once
    assert sum(1 for s in main_prior.slots.values() if s.spec is not None) <= len(built)


def test_run_groups_follow_inference_data() -> None:
    result = run(load_case("nk-russia-2024"), 2000, 3)
    assert isinstance(result, Result)
    assert result.calibrated
    assert result.posterior is not None
    assert result.observed_data is not None
    assert result.sample_stats is not None
    assert result.sample_stats["observations"] == result.observed_data.ids
    assert result.sensitivity is not None
    assert result.influence is None  # on request only
    assert result.main is result.posterior
    # reports chart the posterior's monthly bands; the prior keeps its totals, not its bands
    assert set(result.posterior.monthly) >= {"paid_by_russia", "cumulative_paid_by_russia"}
    assert result.prior.monthly == {}
    assert result.prior.totals.keys() == result.posterior.totals.keys()
    assert result.prior_draws.draws == 2000
    assert result.weights is not None or result.posterior_draws is not None
    # a resolved Prior runs the same as its case file
    again = run(resolve(load_case("nk-russia-2024")), 2000, 3)
    assert again.posterior is not None
    assert again.posterior.totals == result.posterior.totals
    assert troopledger.run is run
