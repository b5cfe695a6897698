"""The contradiction scan: every pair of claims tested on the prior without the claims under test.

Pairs are grouped by the parameters their claims speak about; each group's
background (those parameters at their reference priors, every other parameter at the
case's prior) is run once, and every pair in the group is scored on it with
:func:`~troopledger.calibration.joint_statistic`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._contradictions import THRESHOLD, Contradiction, explain, joint_statistic, with_reference
from troopledger.calibration._observations import Observations, compile_observations
from troopledger.errors import CalibrationError
from troopledger.evidence import BLOCK, Prior
from troopledger.model import Draws, collect

__all__ = ["CONTRADICTION_DRAWS", "contradiction_statistic", "find_contradictions"]

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


def find_contradictions(
    prior: Prior,
    *,
    draws: int = CONTRADICTION_DRAWS,
    seed: int = 0,
    threshold: float = THRESHOLD,
    observations: Observations | None = None,
) -> list[Contradiction]:
    """Every pair of claims the model makes jointly far less probable than each alone, worst first.

    ``observations`` are the prior's compiled claims (compiled here if not given).
    Pairs of claims about two different parameters are not tested: the prior keeps
    parameters independent, so such a pair cannot contradict without a third claim.
    """
    obs = compile_observations(prior) if observations is None else observations
    groups: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for i, j in combinations(range(len(obs)), 2):
        a, b = obs.items[i], obs.items[j]
        if a.parameter and b.parameter and a.parameter != b.parameter:
            continue
        drop = tuple(sorted({o.parameter for o in (a, b) if o.parameter}))
        groups.setdefault(drop, []).append((i, j))
    found: list[Contradiction] = []
    for drop, pairs in groups.items():
        d, bobs = _background(prior, drop, obs, draws, seed)
        if d.observed is None:
            continue
        values = np.asarray(d.observed, dtype=np.float64)
        ll = bobs.loglik(values)
        params = _all_params(d)
        col = {oid: k for k, oid in enumerate(bobs.ids)}
        for i, j in pairs:
            a, b = obs.items[i], obs.items[j]
            if a.id not in col or b.id not in col:
                continue
            if a.parameter and not b.parameter:
                a, b = b, a  # describe the derived quantity where the parameter claim holds
            cols = [col[a.id], col[b.id]]
            try:
                stat, se = joint_statistic(ll[:, cols])
            except CalibrationError:
                continue
            if stat >= threshold:
                continue
            kind = "disagreement" if a.parameter and a.parameter == b.parameter else "arithmetic"
            text = explain(bobs.items[cols[0]], bobs.items[cols[1]], values[:, cols], ll[:, cols], params, stat)
            found.append(Contradiction((a.id, b.id), stat, se, threshold, text, kind))
    return sorted(found, key=lambda c: c.statistic)
