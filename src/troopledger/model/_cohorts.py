"""Cohorts: the soldiers who arrive in one month, followed month by month until their tour ends.

:func:`one_cohort` adds one cohort's flows to a role's totals; :func:`together` adds
every cohort of a role in one pass over the months (the same sums, faster), where
survival stays representable.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError
from troopledger.model._hazards import Path
from troopledger.model._hazards import running as _running

__all__ = ["one_cohort", "together"]

Array = NDArray[np.float64]


def together(acc: dict[str, Array], p: Path, cohorts: list[tuple[int, Array, Array, float]], months: int) -> None:
    """Every cohort of one role at once: each enters and leaves a running sum scaled by the role's survival.

    A cohort of ``size`` arriving in month ``a`` holds ``size x grow[m] / grow[a]`` in
    month ``m`` until its tour ends, so the sum over cohorts is ``grow[m]`` times a
    running total of ``size / grow[a]`` put in at ``a`` and taken out at the end; the
    soldier-months whose soldiers die before their tour ends follow the same way,
    weighted by each cohort's chance of death by its end. Same numbers as one cohort at
    a time (:func:`one_cohort`), in two passes over the months whatever the cohorts.
    """
    g = p.grow
    if g is None:
        raise ModelError("cohorts can only be summed together where survival stays above 1e-300")
    n = g.shape[0]
    rows = np.arange(n)
    enter, weighted = np.zeros((n, months + 1)), np.zeros((n, months + 1))
    arrivals, late_in = np.zeros((n, months)), np.zeros((n, months))
    departures, arrivals_dead = np.zeros((n, months)), np.zeros((n, months))
    for a, size, t, late in cohorts:
        sz = size[:, 0]
        v = sz / g[:, a]
        end = (a + t[:, 0]).astype(np.intp)
        c_end = p.killed_by(end[:, None])[:, 0]
        out = np.minimum(end, months)
        enter[:, a] += v
        enter[rows, out] -= v
        weighted[:, a] += v * c_end
        weighted[rows, out] -= v * c_end
        arrivals[:, a] += sz
        late_in[:, a] += late * sz
        gone = np.nonzero(end < months)[0]
        departures[gone, end[gone]] += v[gone] * g[gone, end[gone]]
        arrivals_dead[:, a] += sz * np.clip((c_end - p.ck[:, a]) * p.inv_stay[:, a], 0.0, 1.0)
    grow = g[:, :-1]
    strength = grow * _running(enter[:, :-1])
    dead = (grow * _running(weighted[:, :-1]) - p.ck[:, :-1] * strength) * p.inv_stay
    np.clip(dead, 0.0, strength, out=dead)
    acc.update(
        strength=strength,
        arrivals=arrivals,
        late=late_in,
        departures=departures,
        exposure_dead=dead,
        arrivals_dead=arrivals_dead + p.rep * dead,
    )


def one_cohort(
    acc: dict[str, Array],
    p: Path,
    a: int,
    size: Array,
    t: Array,
    mi: NDArray[np.intp],
    months: int,
    late: float,
    work: Array | None = None,
) -> None:
    """Add to ``acc`` a cohort arriving in month ``a`` (``late`` of it after mid-month) with ``size`` and tour ``t``.

    Every term is zero before month ``a`` and after the month the longest tour of any
    draw ends (its departures): only the months between are computed, so a wave's cost
    grows with its tour, not with the horizon. ``work``, ``(2, draws, months)`` or more
    months, is scratch space the caller may share between cohorts (saving two large
    allocations a cohort).
    """
    n = size.shape[0]
    b = min(months, a + int(t.max()) + 1)  # the cohort's months: arrival to the departures of its longest tour
    work = np.empty((2, n, b - a)) if work is None else work
    cohort, joining = work[0][:, : b - a], work[1][:, : b - a]
    g = p.grow
    if g is None:
        np.exp(np.subtract(p.lk[:, a:b], p.lk[:, a : a + 1], out=cohort), out=cohort)
    else:
        np.multiply(g[:, a:b], 1.0 / g[:, a : a + 1], out=cohort)
    if float(t.min()) < b - a:  # some tours end inside the window (else every month of it is inside the tour)
        cohort *= mi[:, a:b] - a < t
    cohort *= size  # (draws, b - a)
    d = p.death_before((a + t).astype(np.intp), a, b)  # the tour ends before month a + t
    for k in ("strength", "arrivals", "late", "departures", "exposure_dead", "arrivals_dead"):
        if k not in acc:
            acc[k] = np.zeros((n, months))
    acc["strength"][:, a:b] += cohort
    acc["arrivals"][:, a] += size[:, 0]
    acc["late"][:, a] += late * size[:, 0]
    ends = (a + t[:, 0]).astype(np.intp)
    rows = np.nonzero(ends < months)[0]
    if rows.size:  # each draw's cohort leaves in one month: added there alone
        last = ends[rows]
        acc["departures"][rows, last] += size[rows, 0] * np.exp(p.lk[rows, last] - p.lk[rows, a])
    np.multiply(p.rep[:, a:b], cohort, out=joining)
    joining[:, 0] += size[:, 0]
    joining *= d
    acc["arrivals_dead"][:, a:b] += joining
    cohort *= d  # the soldier-months whose soldier dies before the tour ends
    acc["exposure_dead"][:, a:b] += cohort
