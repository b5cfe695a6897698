"""Which parameters each observation depends on: the dependency graph through the model.

The model is a pure function of parameter arrays, so the graph is read off the model
itself rather than declared: on a small batch of prior draws each uncertain
parameter in turn is redrawn and the observation targets that change are recorded.
A claim about a parameter depends on that parameter; a claim about a total depends
on everything the total is computed from. Two claims can only contradict each other
through the model when their dependency sets overlap (share a path through the
model), and a parameter no observation depends on keeps its prior.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._observations import Observations
from troopledger.calibration._robust import RobustObservations
from troopledger.calibration._tempering import _Latent, model_values
from troopledger.evidence import Prior

__all__ = ["SHARES", "connected_sets", "dependency_graph"]

Array = NDArray[np.float64]

#: The name of the state's Dirichlet uses in the graph.
SHARES = "state_use_shares"
_PROBE = 64


def dependency_graph(prior: Prior, obs: Observations | RobustObservations, seed: int = 0) -> dict[str, frozenset[str]]:
    """Observation id -> the uncertain parameters its modelled value changes with.

    Each parameter is redrawn on :data:`_PROBE` prior draws (the others held) and a
    target counts as depending on it when any draw's value changes. Fixed by
    ``seed``; the answer is a property of the model, not of the draws, for any
    parameter that matters in more than a sliver of its prior.
    """
    latent = _Latent(prior)
    z, shares = latent.initial(seed, _PROBE)
    z2, shares2 = latent.initial(seed + 1, _PROBE)
    deps: dict[str, set[str]] = {i: set() for i in obs.ids}
    probes: list[tuple[str, dict[str, Array], Array]] = [(k, {**z, k: z2[k]}, shares) for k in sorted(latent.free)]
    probes.append((SHARES, z, shares2))
    # the base draws and every probe go through the model in one run (the model is per draw)
    runs = [(z, shares), *((zz, ss) for _, zz, ss in probes)]
    every_z = {k: np.concatenate([zz[k] for zz, _ in runs]) for k in z}
    values = model_values(prior, obs, latent.params(every_z, np.concatenate([ss for _, ss in runs])))
    base = values[:_PROBE]
    scale = np.maximum(np.abs(base), 1e-12)
    for i, (name, _, _) in enumerate(probes, start=1):
        v = values[i * _PROBE : (i + 1) * _PROBE]
        changed = np.any(np.abs(v - base) > 1e-9 * scale, axis=0)
        for j, oid in enumerate(obs.ids):
            if changed[j]:
                deps[oid].add(name)
    return {k: frozenset(v) for k, v in deps.items()}


def connected_sets(graph: Mapping[str, frozenset[str]], ids: Sequence[str], size: int) -> list[tuple[str, ...]]:
    """Sets of ``size`` claims (in ``ids`` order) whose dependency sets form one connected group.

    A set is connected when its claims, linked by shared parameters, form a single
    component: only then can the model's arithmetic tie them together.
    """
    out = []
    for combo in combinations(ids, size):
        seen = {combo[0]}
        frontier = [combo[0]]
        while frontier:
            a = frontier.pop()
            for b in combo:
                if b not in seen and graph[a] & graph[b]:
                    seen.add(b)
                    frontier.append(b)
        if len(seen) == size:
            out.append(combo)
    return out
