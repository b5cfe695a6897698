"""The joint-evidence ratio of any chosen set of claims, on the prior without the claims under test.

The set's background keeps every parameter at the case's prior except those its
claims speak about, which get their reference priors; the set is scored with
:func:`~troopledger.calibration.joint_statistic`. The scan of a whole case for
contradictions is :func:`~troopledger.calibration.find_contradictions`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._contradictions import joint_statistic, with_reference
from troopledger.calibration._observations import Observations, compile_observations
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Prior
from troopledger.model import Draws, collect

__all__ = ["CONTRADICTION_DRAWS", "contradiction_statistic"]

Array = NDArray[np.float64]

#: Prior draws behind each background of the contradiction scan.
CONTRADICTION_DRAWS = BLOCK


def _background(
    prior: Prior, drop: Sequence[str], obs: Observations, draws: int, seed: int
) -> tuple[Draws, Observations]:
    """Prior draws with the slots in ``drop`` at their reference priors, every target kept."""
    if not drop:
        return collect(prior, draws, seed, monthly_cap=1, observations=obs), obs
    bg = with_reference(prior, drop)
    bobs = compile_observations(bg, claims=[o.claim for o in obs.items])
    return collect(bg, draws, seed, monthly_cap=1, observations=bobs), bobs


def _all_params(d: Draws) -> dict[str, Array]:
    return {**d.params, **{k: np.full(d.draws, v) for k, v in d.constants.items()}}


def contradiction_statistic(
    prior: Prior,
    claim_ids: Sequence[str],
    *,
    draws: int = CONTRADICTION_DRAWS,
    seed: int = 0,
    observations: Observations | None = None,
) -> tuple[float, float]:
    """``C`` and its standard error for any set of claims (see :mod:`troopledger.calibration._contradictions`)."""
    obs = compile_observations(prior) if observations is None else observations
    missing = [c for c in claim_ids if c not in obs.ids]
    if missing or len(claim_ids) < 2:
        raise CalibrationError(f"need two or more usable claims; not usable: {', '.join(missing) or 'none given'}")
    about = {o.parameter for o in obs.items if o.id in claim_ids and o.parameter}
    d, bobs = _background(prior, sorted(about), obs, draws, seed)
    if d.observed is None:
        raise CalibrationError("observation targets were not kept")
    ll = bobs.loglik(np.asarray(d.observed, dtype=np.float64))
    cols = [bobs.ids.index(c) for c in claim_ids]
    return joint_statistic(ll[:, cols])
