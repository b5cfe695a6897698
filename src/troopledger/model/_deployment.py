"""Who is in theatre each month: waves of arrivals, tours, casualties, departures and returns.

Pure functions of parameter arrays shaped ``(draws,)`` (or ``(draws, waves)``,
``(draws, months)``); every flow is shaped ``(draws, months)``. Months are whole: a
wave arriving in month ``m`` is in theatre from the start of ``m``; casualties in a
month are that month's hazard times the strength at its start; a share of losses is
replaced by new soldiers who join the same wave and leave with it.

Hazards change over time and by role: the killed (wounded) hazard of a wave in month
``m`` is the base hazard times the month's *shape* (dated phases, a forecast's drift)
times the exposure of the wave's role (builders face far less fire than assault
troops). Every soldier who joins ends in exactly one place: still in theatre, killed,
wounded and evacuated, or rotated home at the end of the tour.

The two generators of waves — a regular rotation (optionally with dated waves on
top) and a dated list — return the same :class:`Deployment` per part (one per wave,
or the rotation), so everything downstream is shared.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError
from troopledger.model._cohorts import one_cohort, together
from troopledger.model._hazards import Hazards, death_before_end

__all__ = ["Casualties", "Deployment", "Part", "Rotation", "Waves", "combine", "deploy", "deploy_parts"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Casualties:
    """Monthly hazards per soldier in theatre, how they change over time and by role, and the share replaced.

    ``killed_hazard`` and ``wounded_hazard`` are the base hazards ``(draws,)``.
    ``killed_shape`` / ``wounded_shape`` (``(draws, months)``, None: 1) multiply them
    month by month; ``exposure`` (``(draws, roles)``, None: 1) multiplies them for the
    waves of each role (see :attr:`Waves.role`). Where a month's killed and wounded
    hazards add up above one they are scaled down to exactly one.
    """

    killed_hazard: Array
    wounded_hazard: Array
    replacement_share: Array
    killed_shape: Array | None = None
    wounded_shape: Array | None = None
    exposure: Array | None = None
    evacuated_share: Array | None = None  # (draws,) share of the wounded evacuated home (None: all); the rest return


@dataclass(frozen=True)
class Waves:
    """A dated list of waves: arrival month index, size and tour length for each.

    ``arrival`` is shaped ``(waves,)`` (whole months from the start); ``size`` and
    ``tour`` are ``(draws, waves)``. Tours are rounded to whole months, at least one.

    ``profile`` (optional, ``(waves, k)``, rows summing to one) spreads each wave's
    arrival over ``k`` months from its arrival month: a share ``profile[w, j]`` of the
    wave arrives in month ``arrival[w] + j`` and serves the wave's tour from then. So
    "about 1,500 shipped in mid-October" and "about 11,000 by mid-November" can both be
    true of one wave. Without it a wave arrives whole in its month.

    ``role`` (optional, ``(waves,)`` integers) is each wave's role: a column of
    :attr:`Casualties.exposure`; without it every wave has role 0.

    ``by_mid_month`` (optional, ``(waves,)``, in [0, 1]) is the share of a wave's
    first-month arrivals already in by mid-month (later months of a profile: half); it
    only says how many have arrived by the 15th (:attr:`Deployment.late`), never who
    is paid. Without it: half, as for arrivals spread evenly over the month.
    """

    arrival: NDArray[np.int64]
    size: Array
    tour: Array
    profile: Array | None = None
    role: NDArray[np.int64] | None = None
    by_mid_month: Array | None = None

    def roles(self) -> NDArray[np.int64]:
        """Each wave's role index (0 for all when none is given)."""
        if self.role is None:
            return np.zeros(np.shape(self.arrival)[0], dtype=np.int64)
        return np.asarray(self.role, dtype=np.int64)

    def expanded(self) -> Waves:
        """The same schedule with each arrival month of each wave as a wave of its own (no profile)."""
        if self.profile is None:
            return self
        prof = np.asarray(self.profile, dtype=float)
        arrival = np.asarray(self.arrival, dtype=np.int64)
        size = np.asarray(self.size, dtype=float)
        if prof.ndim != 2 or prof.shape[0] != arrival.shape[0]:
            raise ModelError(f"profile must be shaped (waves, months), got {prof.shape} for {arrival.shape[0]} waves")
        if not np.all(np.isfinite(prof)) or np.any(prof < 0) or not np.allclose(prof.sum(axis=1), 1.0):
            raise ModelError("each wave's arrival profile must be shares >= 0 summing to 1")
        w, j = np.nonzero(prof > 0)
        return Waves(
            arrival=arrival[w] + j,
            size=size[:, w] * prof[w, j][None, :],
            tour=np.asarray(self.tour, dtype=float)[:, w],
            role=self.roles()[w],
            by_mid_month=np.where(j == 0, self.early()[w], 0.5),
        )

    def early(self) -> Array:
        """Each wave's share of first-month arrivals in by mid-month (0.5 for all when none is given)."""
        if self.by_mid_month is None:
            return np.full(np.shape(self.arrival)[0], 0.5)
        return np.asarray(self.by_mid_month, dtype=float)


@dataclass(frozen=True)
class Rotation:
    """A contingent of ``contingent`` soldiers swapped for a fresh one every ``interval`` months.

    Wave ``k`` arrives in month ``floor(k * interval)`` and leaves when wave ``k + 1``
    arrives, so the tour is the rotation interval. Intervals below one month are
    treated as one month. The rotation has role 0; ``extra`` waves (a dated claim of
    more arrivals, say) serve on top of it.
    """

    contingent: Array
    interval: Array
    extra: Waves | None = None


@dataclass(frozen=True)
class Deployment:
    """People flows, each ``(draws, months)`` unless noted.

    ``departures`` are soldiers rotated home alive at the end of their tour;
    ``evacuated`` are the wounded who leave theatre (the rest return to the line), so
    joiners = in theatre + killed + evacuated + rotated home, in every draw. ``exposure_dead`` is the expected number of
    soldier-months in each month whose soldiers will be killed before their tour ends
    (their pay cannot reach them); ``arrivals_dead`` is the same for soldiers arriving
    (or replacing) that month.
    """

    strength: Array
    arrivals: Array
    replacements: Array
    joiners: Array  # arrivals + replacements: new soldiers in theatre this month
    departures: Array
    killed: Array
    wounded: Array
    evacuated: Array  # the wounded who leave theatre (the others return to the line)
    exposure_dead: Array
    arrivals_dead: Array
    tour: Array  # (draws,) months of a full tour, for the soldier's view
    p_killed_tour: Array  # (draws,) chance of being killed in one full tour
    late: Array | None = None  # arrivals and replacements of each month still to come at mid-month (None: none)


@dataclass(frozen=True)
class Part:
    """One part of a deployment (a wave, or the rotation): its role, the people flows, and its size per draw."""

    role: int
    wave: int  # index of the wave in the schedule's list; -1 for the rotation
    deployment: Deployment
    weight: Array  # (draws,) soldiers it sends at arrival, to average per-soldier figures


def deploy(schedule: Rotation | Waves, casualties: Casualties, months: int) -> Deployment:
    """Run the deployment for ``months`` months from one schedule of waves."""
    return combine(deploy_parts(schedule, casualties, months))


def deploy_parts(
    schedule: Rotation | Waves, casualties: Casualties, months: int, *, per_wave: bool = True
) -> list[Part]:
    """The deployment part by part: the rotation and each dated wave, each with its own role's hazards.

    ``per_wave=False`` gives one part per role instead of one per wave (the same sums,
    faster), for when no wave has terms of its own.
    """
    if months < 1:
        raise ModelError(f"months must be >= 1, got {months}")
    hazards = Hazards(casualties, months)
    if isinstance(schedule, Rotation):
        parts = [_rotation(schedule, hazards, months)]
        if schedule.extra is not None and np.shape(schedule.extra.arrival)[0]:
            parts += _waves(schedule.extra, hazards, months, per_wave)
        return parts
    return _waves(schedule, hazards, months, per_wave)


def combine(parts: list[Part]) -> Deployment:
    """The parts added up; tour and chance of death averaged over parts weighted by soldiers sent."""
    first = parts[0].deployment
    if len(parts) == 1:
        return first
    names = ("strength", "arrivals", "replacements", "joiners", "departures", "killed", "wounded", "evacuated")
    sums = {k: sum((getattr(p.deployment, k) for p in parts[1:]), getattr(first, k).copy()) for k in names}
    dead = {
        k: sum((getattr(p.deployment, k) for p in parts[1:]), getattr(first, k))
        for k in ("exposure_dead", "arrivals_dead")
    }
    weight = np.stack([p.weight for p in parts], axis=1)
    total = weight.sum(axis=1, keepdims=True)
    share = np.divide(weight, total, out=np.full_like(weight, 1.0 / len(parts)), where=total > 0)
    tour = np.stack([p.deployment.tour for p in parts], axis=1)
    pk = np.stack([p.deployment.p_killed_tour for p in parts], axis=1)
    lates = [p.deployment.late for p in parts if p.deployment.late is not None]
    late = sum(lates[1:], lates[0].copy()) if lates else None
    return Deployment(
        **sums, **dead, tour=(share * tour).sum(axis=1), p_killed_tour=(share * pk).sum(axis=1), late=late
    )


def _rotation(s: Rotation, hz: Hazards, months: int) -> Part:
    c = np.asarray(s.contingent, dtype=float)
    r = np.maximum(np.asarray(s.interval, dtype=float), 1.0)
    if c.shape != (hz.n,) or r.shape != (hz.n,):
        raise ModelError("contingent and interval must be shaped (draws,) like the hazards")
    if not (np.all(np.isfinite(c)) and np.all(np.isfinite(r))) or np.any(c < 0):
        raise ModelError("contingent must be finite and >= 0, interval finite")
    m = np.arange(months, dtype=float)[None, :]
    rc = r[:, None]
    # k1 = index of the wave in theatre, plus one; the factor keeps exact multiples
    # (month m + 1 == k r) in wave k - 1, whose tour ends as wave k arrives.
    k1 = np.ceil(((m + 1.0) * (1.0 - 1e-12)) * (1.0 / rc))
    new = np.empty_like(k1)
    new[:, 0] = 1.0
    np.not_equal(k1[:, 1:], k1[:, :-1], out=new[:, 1:])
    # wave k arrived in month floor(k r) and leaves when wave k + 1 arrives; both months are
    # read off the months where the wave in theatre changes, so that rounding in k r can never
    # date a wave's arrival a month away from the month it is counted as arriving
    month = np.arange(months, dtype=np.intp)[None, :]
    start = np.maximum.accumulate(np.where(new > 0, month, 0), axis=1)
    after = np.where(new[:, 1:] > 0, month[:, 1:], months)
    nxt = np.empty_like(start)
    nxt[:, -1] = months
    nxt[:, :-1] = np.minimum.accumulate(after[:, ::-1], axis=1)[:, ::-1]
    past = np.maximum(np.floor(k1 * rc).astype(np.intp), months)  # the next wave comes after the horizon
    end = np.where(nxt < months, nxt, past)
    const = hz.constant(0)
    if const is not None:  # hazards the same every month: closed forms, no monthly paths
        hk, hw, he = (a[:, None] for a in const)
        h = hk + he
        keep = np.maximum(1.0 - h * (1.0 - hz.rho[:, None]), 0.0)
        strength = c[:, None] * _pow(keep, m - start)
        rep = hz.rho[:, None] * h
        d = death_before_end(hk, he, end - m)
        mean_k, mean_w = const[0], const[2]
    else:
        p = hz.role(0)
        hk, hw, he, rep = p.hk, p.hw, p.he, p.rep
        strength = c[:, None] * np.exp(p.lk[:, :-1] - np.take_along_axis(p.lk, start, axis=1))
        d = p.death_before(end)
        mean_k, mean_w = p.hk.mean(axis=1), p.he.mean(axis=1)
    arrivals = c[:, None] * new
    replacements = rep * strength
    killed, wounded, evacuated = hk * strength, hw * strength, he * strength
    departures = np.zeros_like(strength)
    departures[:, 1:] = new[:, 1:] * (strength - killed - evacuated + replacements)[:, :-1]
    joiners = arrivals + replacements
    dep = Deployment(
        strength=strength,
        arrivals=arrivals,
        replacements=replacements,
        joiners=joiners,
        departures=departures,
        killed=killed,
        wounded=wounded,
        evacuated=evacuated,
        exposure_dead=strength * d,
        arrivals_dead=joiners * d,
        tour=r,
        p_killed_tour=death_before_end(mean_k, mean_w, r),
        late=0.5 * replacements,  # a new contingent arrives at the start of its month
    )
    return Part(0, -1, dep, c)


def _pow(base: Array, exponent: Array) -> Array:
    """``base ** exponent`` for bases in [0, 1] and exponents >= 0, as ``exp(e * log b)`` (several times faster)."""
    with np.errstate(divide="ignore"):
        logb = np.log(base)
    if np.all(np.isfinite(logb)):
        return np.asarray(np.exp(exponent * logb))
    zero = ~np.isfinite(logb)
    out = np.exp(exponent * np.where(zero, 0.0, logb))
    return np.asarray(np.where(zero, (exponent == 0).astype(float), out))


def _waves(s: Waves, hz: Hazards, months: int, per_wave: bool = True) -> list[Part]:
    arrival = np.asarray(s.arrival, dtype=np.int64)
    size = np.asarray(s.size, dtype=float)
    n = hz.n
    if arrival.ndim != 1 or size.shape != (n, arrival.shape[0]):
        raise ModelError(f"waves need arrival (waves,) and size (draws, waves); got {arrival.shape}, {size.shape}")
    if np.any(arrival < 0) or np.any(arrival >= months):
        raise ModelError("every wave must arrive within the horizon")
    if np.shape(s.tour) != size.shape:
        raise ModelError("wave tours must be finite and shaped (draws, waves)")
    roles, early = s.roles(), s.early()
    if early.shape != arrival.shape or not np.all((early >= 0) & (early <= 1)):
        raise ModelError("each wave's share in by mid-month must lie in [0, 1], one per wave")
    if roles.shape != arrival.shape or np.any(roles < 0):
        raise ModelError("wave roles must be integers >= 0, one per wave")
    tour = np.maximum(np.rint(np.asarray(s.tour, dtype=float)), 1.0)
    if not np.all(np.isfinite(tour)):
        raise ModelError("wave tours must be finite and shaped (draws, waves)")
    if not np.all(np.isfinite(size)) or np.any(size < 0):
        raise ModelError("wave sizes must be finite and >= 0")
    prof = None if s.profile is None else np.asarray(s.profile, dtype=float)
    if prof is not None:
        s.expanded()  # validates the profile
    mi = np.arange(months, dtype=np.intp)[None, :]
    groups = [[w] for w in range(arrival.shape[0])]
    if not per_wave:  # one part per role: its waves share one pass over the months
        by_role: dict[int, list[int]] = {}
        for w in range(arrival.shape[0]):
            by_role.setdefault(int(roles[w]), []).append(w)
        groups = list(by_role.values())
    parts = []
    for ws in groups:
        # the group's months before its first arrival hold nothing: its paths start there
        a0 = min(int(arrival[w]) for w in ws)
        span = months - a0
        p = hz.role(int(roles[ws[0]]), a0)
        cohorts = []
        for w in ws:
            shares = [(0, 1.0)] if prof is None else [(j, float(x)) for j, x in enumerate(prof[w]) if x > 0]
            for j, share in shares:
                a = int(arrival[w]) + j
                if a < months:  # parts arriving past the horizon drop out
                    late = 1.0 - float(early[w]) if j == 0 else 0.5
                    cohorts.append((a - a0, size[:, w : w + 1] * share, tour[:, w : w + 1], late))
        acc: dict[str, Array] = {}
        ms = mi[:, :span]
        if p.grow is not None and not p.unsafe.size:
            together(acc, p, cohorts, span)
        else:
            work = np.empty((2, n, span))  # one scratch space for every cohort of the group
            for a, sz, t, late in cohorts:
                one_cohort(acc, p, a, sz, t, ms, span, late, work)
            del work
        strength = acc["strength"]
        replacements = p.rep * strength
        sent = size[:, ws].sum(axis=1)
        weight = np.divide(
            size[:, ws], sent[:, None], out=np.full((n, len(ws)), 1.0 / len(ws)), where=sent[:, None] > 0
        )
        p_killed = np.zeros(n)
        for i, w in enumerate(ws):
            aw = int(arrival[w]) - a0
            if float(tour[:, w].min()) >= span - aw:  # every tour outlasts the horizon: all its months count
                stays: Array | int = span - aw
                mk, mw = p.hk[:, aw:].sum(axis=1) / stays, p.he[:, aw:].sum(axis=1) / stays
            else:
                stay = ms[:, aw:] < np.minimum(aw + tour[:, w : w + 1], span)  # its months in theatre, in the horizon
                stays = stay.sum(axis=1)  # >= 1: a wave arrives inside the horizon
                mk = (p.hk[:, aw:] * stay).sum(axis=1) / stays
                mw = (p.he[:, aw:] * stay).sum(axis=1) / stays
            p_killed += weight[:, i] * death_before_end(mk, mw, tour[:, w])
        flows = {
            "strength": strength,
            "arrivals": acc["arrivals"],
            "replacements": replacements,
            "joiners": acc["arrivals"] + replacements,
            "departures": acc["departures"],
            "killed": p.hk * strength,
            "wounded": p.hw * strength,
            "evacuated": p.he * strength,
            "exposure_dead": acc["exposure_dead"],
            "arrivals_dead": acc["arrivals_dead"],
            "late": acc["late"] + 0.5 * replacements,
        }
        if a0:
            flows = {k: _from_month(v, a0, months) for k, v in flows.items()}
        dep = Deployment(
            **flows,
            tour=(weight * tour[:, ws]).sum(axis=1),
            p_killed_tour=p_killed,
        )
        parts.append(Part(int(roles[ws[0]]), ws[0] if len(ws) == 1 and per_wave else -1, dep, sent))
    return parts


def _from_month(a: Array, start: int, months: int) -> Array:
    """Flows ``(draws, months - start)`` of the months from ``start`` as ``(draws, months)``, zero before."""
    out = np.empty((a.shape[0], months))
    out[:, :start] = 0.0
    out[:, start:] = a
    return out
