"""Contradictions as sets, on one background: which claims cannot all be true, and which is the suspect.

The background is the case with every parameter that claims built set aside for its
broad reference prior, so every usable claim (about a parameter or about a derived
quantity) is an observation weighed only against the other claims and the model's
arithmetic. Its draws come from a fixed seed (:data:`~troopledger.calibration.SCAN_SEED`):
the sets found do not depend on the run's seed. The minimal sets come from
:func:`troopledger.calibration.scan_sets`; each is explained with the model's numbers
and names the claim most likely wrong: by the posterior where one is given, else by
the robust error model on the set alone.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._conflict_list import ContradictionScan
from troopledger.calibration._contradictions import THRESHOLD, Contradiction, with_reference
from troopledger.calibration._graph import dependency_graph
from troopledger.calibration._observations import Observations, compile_observations
from troopledger.calibration._robust import RobustObservations
from troopledger.calibration._sets import MAX_REPORTED, MAX_SET, SCAN_SEED, count_sets, explain_set
from troopledger.calibration._statements import statement_sets
from troopledger.evidence import BLOCK, Prior
from troopledger.model import collect

__all__ = ["SCAN_DRAWS", "find_contradictions", "scan_contradictions"]

Array = NDArray[np.float64]

#: Background draws behind the scan (fixed seed, so the scan is the same for every run).
SCAN_DRAWS = 2 * BLOCK


def find_contradictions(
    prior: Prior,
    *,
    observations: Observations | None = None,
    wrong: Mapping[str, float] | None = None,
    draws: int = SCAN_DRAWS,
    max_size: int = MAX_SET,
    threshold: float = THRESHOLD,
    workers: int = 1,
) -> list[Contradiction]:
    """The minimal sets of up to ``max_size`` claims that cannot all be true, most improbable first.

    At most :data:`MAX_REPORTED` scan sets are kept; :func:`scan_contradictions` also says how many were found.
    """
    scan = scan_contradictions(
        prior,
        observations=observations,
        wrong=wrong,
        draws=draws,
        max_size=max_size,
        threshold=threshold,
        workers=workers,
    )
    return list(scan.contradictions)


def scan_contradictions(
    prior: Prior,
    *,
    observations: Observations | None = None,
    wrong: Mapping[str, float] | None = None,
    draws: int = SCAN_DRAWS,
    max_size: int = MAX_SET,
    threshold: float = THRESHOLD,
    workers: int = 1,
    limit: int = MAX_REPORTED,
) -> ContradictionScan:
    """:func:`find_contradictions` with the count of sets found, so a cut list says it was cut.

    ``wrong`` (claim id -> posterior probability of being wrong) names the suspect of
    each set; claims it does not cover are judged on the background alone. The
    background runs on ``workers`` threads (same draws whatever the number).
    """
    built = [n for n, slot in prior.slots.items() if slot.claims]
    bg = with_reference(prior, built)
    every = compile_observations(prior) if observations is None else observations
    obs = compile_observations(bg, claims=[o.claim for o in every.items])
    if len(obs) < 2:
        return ContradictionScan((), 0, limit)
    d = collect(bg, draws, SCAN_SEED, monthly_cap=1, observations=obs, workers=workers)
    values = np.asarray(d.observed, dtype=np.float64)
    ll = obs.loglik(values)
    graph = dependency_graph(bg, obs, SCAN_SEED)
    found, total = count_sets(ll, obs.ids, graph, max_size=max_size, threshold=threshold, limit=limit)
    own = statement_sets(
        bg, obs, values, graph, flagged=[f.claims for f in found], max_size=max_size, threshold=threshold
    )
    robust = RobustObservations.build(obs)
    rl, lw = robust.both(values)
    params = {**d.params, **{k: np.full(d.draws, v) for k, v in d.constants.items()}}
    col = {oid: j for j, oid in enumerate(obs.ids)}

    def suspect(claims: tuple[str, ...]) -> tuple[int, float]:
        cols = [col[c] for c in claims]
        joint = rl[:, cols].sum(axis=1)
        w = np.exp(joint - joint.max())
        local = (w[:, None] * np.exp(lw[:, cols])).sum(axis=0) / w.sum()
        p = [wrong[c] if wrong is not None and c in wrong else float(local[i]) for i, c in enumerate(claims)]
        return int(np.argmax(p)), p[int(np.argmax(p))]

    out = []
    for f in found:
        cols = [col[c] for c in f.claims]
        culprit, prob = suspect(f.claims)
        items = [obs.items[j] for j in cols]
        text = explain_set(items, culprit, values[:, cols], ll[:, cols], params, f.statistic)
        about = {o.parameter for o in items}
        kind = "disagreement" if len(about) == 1 and None not in about else "arithmetic"
        out.append(
            Contradiction(f.claims, f.statistic, f.standard_error, threshold, text, kind, f.claims[culprit], prob)
        )
    for s in own:
        culprit, prob = suspect(s.claims)
        out.append(
            Contradiction(
                s.claims, s.statistic, s.standard_error, threshold, s.explanation, "statement", s.claims[culprit], prob
            )
        )
    # a scan set that holds a whole failing statement is not minimal
    minimal = [c for c in out if not any(set(s.claims) < set(c.claims) for s in own)]
    dropped = len(out) - len(minimal)
    ordered = tuple(sorted(minimal, key=lambda c: (c.statistic, c.claims)))
    return ContradictionScan(ordered, total + len(own) - dropped, limit)
