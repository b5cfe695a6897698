"""Coherent readings: where the evidence splits, the posterior as a mixture of stories with weights.

Each posterior draw says, for every claim, how likely that claim is wrong given the
draw (:meth:`~troopledger.calibration.RobustObservations.log_wrong`). A claim is
**contested** when the posterior leaves real doubt about it (its probability of being
wrong is between :data:`CONTESTED` and ``1 - CONTESTED``); the
:data:`MAX_CONTESTED` most contested claims tell the readings apart. Each draw belongs to the
reading "these contested claims are wrong, the others right" that it makes most
probable; a reading's weight is the posterior weight of its draws. A reading is
reported with the medians of the headline totals and of the parameters that differ
most between readings, so "the take-home claim is right: the state keeps about 60 %"
and "the take-home claim is wrong: the state keeps about 97 %" stand side by side
instead of being averaged into a figure no source supports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._importance import weighted_quantiles
from troopledger.model import LEAD_TOTALS

__all__ = ["CONTESTED", "MAX_CONTESTED", "MIN_READING", "readings"]

Array = NDArray[np.float64]

#: A claim is contested when its posterior probability of being wrong lies in [CONTESTED, 1 - CONTESTED].
CONTESTED = 0.05
#: Readings lighter than this are left out (their weight is what the listed ones miss).
MIN_READING = 0.02
#: Readings are told apart by at most this many claims, the most contested first.
MAX_CONTESTED = 4
_TOTALS = LEAD_TOTALS
_SHOWN_PARAMETERS = 3


def readings(
    log_wrong: Array,
    weights: Array,
    ids: Sequence[str],
    totals: Mapping[str, NDArray[np.floating[Any]]],
    params: Mapping[str, NDArray[np.floating[Any]]],
    *,
    min_weight: float = MIN_READING,
) -> list[dict[str, Any]]:
    """The posterior's readings, heaviest first: weight, claims taken as wrong and right, medians.

    ``log_wrong`` is ``(draws, claims)`` (``log P(claim wrong | draw)``), ``weights`` the
    posterior weights of the draws. Returns an empty list when no claim is contested
    (the evidence tells one story).
    """
    w = np.asarray(weights, dtype=np.float64)
    w = w / w.sum()
    p = np.exp(np.asarray(log_wrong, dtype=np.float64))
    overall = w @ p
    doubt = np.minimum(overall, 1.0 - overall)
    contested = [int(j) for j in np.argsort(-doubt, kind="stable")[:MAX_CONTESTED] if doubt[j] >= CONTESTED]
    if not contested:
        return []
    keys = (p[:, contested] > 0.5).astype(np.int64) @ (1 << np.arange(len(contested), dtype=np.int64))
    mass = np.bincount(keys, weights=w)
    order = [int(k) for k in np.argsort(-mass, kind="stable") if mass[k] >= min_weight]
    if len(order) < 2:
        return []
    masks = {k: keys == k for k in order}
    names = [n for n in params if np.ndim(params[n]) == 1]
    spread = {}
    for n in names:
        x = np.asarray(params[n], dtype=np.float64)
        lo, hi = weighted_quantiles(x, (0.05, 0.95), w)
        meds = [float(weighted_quantiles(x[m], (0.5,), w[m])[0]) for m in masks.values()]
        spread[n] = (max(meds) - min(meds)) / (hi - lo) if hi > lo else 0.0
    shown = sorted(spread, key=lambda n: -spread[n])[:_SHOWN_PARAMETERS]
    out = []
    for k in order:
        m = masks[k]
        wrong = [ids[contested[i]] for i in range(len(contested)) if (k >> i) & 1]
        right = [ids[contested[i]] for i in range(len(contested)) if not (k >> i) & 1]
        out.append(
            {
                "weight": float(mass[k]),
                "wrong": wrong,
                "right": right,
                "totals": {t: float(weighted_quantiles(totals[t][m], (0.5,), w[m])[0]) for t in _TOTALS if t in totals},
                "parameters": {n: float(weighted_quantiles(np.asarray(params[n])[m], (0.5,), w[m])[0]) for n in shown},
            }
        )
    return out
