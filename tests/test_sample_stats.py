"""The typed calibration diagnostics write back, key for key and in order, what the calibration wrote."""

from __future__ import annotations

import json
import math

import pytest

from troopledger.analysis import ClaimCheck, SampleStats, run
from troopledger.evidence import load_case


@pytest.mark.parametrize(("case", "batch"), [("nk-russia-2024", None), ("nk-russia-record", None), (None, 1024)])
def test_the_diagnostics_read_back_to_the_same_mapping(case: str | None, batch: int | None) -> None:
    kw = {} if batch is None else {"batch": batch}
    r = run(load_case(case), 3000, 2, sensitivity=False, contradictions=False, **kw)
    assert r.sample_stats is not None
    stats = SampleStats.from_json(r.sample_stats)
    assert stats.extra == {}, "a diagnostic the type does not name: add it to SampleStats"
    assert list(stats.to_json()) == list(r.sample_stats)  # the same keys in the same order
    assert json.dumps(stats.to_json()) == json.dumps(r.sample_stats)
    saved = json.loads(json.dumps(r.sample_stats))  # NaN survives json's own round trip; None stays None
    assert json.dumps(SampleStats.from_json(saved).to_json()) == json.dumps(saved)
    assert stats.method == "robust importance"
    assert stats.sampler is not None
    assert stats.sampler.pilot_particles > 0
    assert (stats.batches is not None) == (batch is not None)
    assert all(isinstance(c, ClaimCheck) for c in stats.claim_checks)
    assert {s.claim for s in stats.skipped} == {s["claim"] for s in r.sample_stats["skipped"]}


def test_an_unnamed_key_is_kept_and_written_last() -> None:
    d = {"method": "none", "contradiction_threshold": -3.0, "all_claims_wrong_prior": 0.05, "new_thing": [1]}
    stats = SampleStats.from_json(d)
    assert stats.sampler is None
    assert stats.batches is None
    assert stats.extra == {"new_thing": [1]}
    assert list(stats.to_json())[-1] == "new_thing"


def test_a_null_tail_reads_back_as_not_a_number() -> None:
    check = {
        "claim": "c1",
        "direction": "above",
        "tail_included": 0.4,
        "tail_left_out": 0.3,
        "tail_as_right": None,
        "reach_draws": None,
        "verdict": "fits",
        "assumptions": ["casualty_phases"],
        "in_evidence": True,
    }
    d = {"method": "x", "contradiction_threshold": -3.0, "all_claims_wrong_prior": 0.05, "claim_checks": [check]}
    (c,) = SampleStats.from_json(d).claim_checks
    assert math.isnan(c.tail_as_right)
    assert c.assumptions == ("casualty_phases",)
    assert c.as_dict() == check
