"""P(wrong) when the model, not the claim, is wrong: the simulation of benchmarks/misfit_calibration.py.

Dated counts of the killed, from independent lineages, some of them wrong, are weighed
by a model with one monthly hazard. When the truth has that form, P(wrong) flags the
wrong claims and only them, and no structural misfit is reported. When the hazard
triples halfway (a truth the model cannot follow), P(wrong) alone brands right claims
wrong; the judgement, which first asks whether a misfit of the model explains them,
does not, and still catches most wrong claims.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from _benchmarks import load_benchmark


def _sim() -> ModuleType:
    mod = load_benchmark("misfit_calibration")
    return mod


@pytest.mark.slow
def test_p_wrong_flags_wrong_claims_only_when_the_model_is_right() -> None:
    r = _sim().simulate("constant", reps=60, seed=5)
    assert r.right_flagged <= 0.02, r
    assert r.right_judged <= 0.02, r
    assert r.wrong_flagged >= 0.9, r
    assert r.wrong_judged >= 0.9, r
    assert r.misfit_reported <= 0.05, r
    assert abs(r.mean_p_judged - r.share_wrong) <= 0.05, r  # calibrated on average


@pytest.mark.slow
def test_a_misspecified_model_is_named_instead_of_the_right_claims() -> None:
    r = _sim().simulate("rising", reps=60, seed=5)
    assert r.right_flagged >= 0.1, r  # the check has power: P(wrong) alone blames right claims
    assert r.right_judged <= 0.05, r  # the judgement does not
    assert r.wrong_judged >= 0.5, r  # and still catches most wrong claims
    assert r.misfit_reported >= 0.8, r
    assert abs(r.mean_p_judged - r.share_wrong) < abs(r.mean_p_wrong - r.share_wrong), r
