"""Who is in theatre each month: waves of arrivals, tours, casualties, departures.

Pure functions of parameter arrays shaped ``(draws,)`` (or ``(draws, waves)``);
every result is shaped ``(draws, months)``. Months are whole: a wave arriving in
month ``m`` is in theatre from the start of ``m``; casualties in a month are the
monthly hazard times the strength at its start; a share of losses is replaced by
new soldiers who join the same wave and leave with it.

The two generators of waves — a regular rotation and a dated list — return the same
:class:`Deployment`, so everything downstream is shared.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError

__all__ = ["Casualties", "Deployment", "Rotation", "Waves", "deploy"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Casualties:
    """Monthly hazards per soldier in theatre, and the share of losses replaced."""

    killed_hazard: Array
    wounded_hazard: Array
    replacement_share: Array


@dataclass(frozen=True)
class Rotation:
    """A contingent of ``contingent`` soldiers swapped for a fresh one every ``interval`` months.

    Wave ``k`` arrives in month ``floor(k * interval)`` and leaves when wave ``k + 1``
    arrives, so the tour is the rotation interval. Intervals below one month are
    treated as one month.
    """

    contingent: Array
    interval: Array


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
    """

    arrival: NDArray[np.int64]
    size: Array
    tour: Array
    profile: Array | None = None

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
        )


@dataclass(frozen=True)
class Deployment:
    """People flows, each ``(draws, months)`` unless noted.

    ``exposure_dead`` is the expected number of soldier-months in each month whose
    soldiers will be killed before their tour ends (their pay cannot reach them);
    ``arrivals_dead`` is the same for soldiers arriving (or replacing) that month.
    """

    strength: Array
    arrivals: Array
    replacements: Array
    joiners: Array  # arrivals + replacements: new soldiers in theatre this month
    departures: Array
    killed: Array
    wounded: Array
    exposure_dead: Array
    arrivals_dead: Array
    tour: Array  # (draws,) months of a full tour, for the soldier's view
    p_killed_tour: Array  # (draws,) chance of being killed in one full tour


def deploy(schedule: Rotation | Waves, casualties: Casualties, months: int) -> Deployment:
    """Run the deployment for ``months`` months from one schedule of waves."""
    if months < 1:
        raise ModelError(f"months must be >= 1, got {months}")
    hk, hw, rho = _hazards(casualties)
    if isinstance(schedule, Rotation):
        return _rotation(schedule, hk, hw, rho, months)
    return _waves(schedule, hk, hw, rho, months)


def _hazards(c: Casualties) -> tuple[Array, Array, Array]:
    """Validate hazards and scale any pair summing above one down to exactly one."""
    hk = np.asarray(c.killed_hazard, dtype=float)
    hw = np.asarray(c.wounded_hazard, dtype=float)
    rho = np.asarray(c.replacement_share, dtype=float)
    for name, a in (("killed_hazard", hk), ("wounded_hazard", hw), ("replacement_share", rho)):
        if a.ndim != 1:
            raise ModelError(f"{name} must be shaped (draws,), got {a.shape}")
        if not np.all(np.isfinite(a)) or np.any(a < 0):
            raise ModelError(f"{name} must be finite and >= 0")
    if np.any(rho > 1):
        raise ModelError("replacement_share must be <= 1")
    total = hk + hw
    scale = np.divide(1.0, total, out=np.ones_like(total), where=total > 1.0)
    return hk * scale, hw * scale, rho


def _pow(base: Array, exponent: Array) -> Array:
    """``base ** exponent`` for bases in [0, 1] and exponents >= 0, as ``exp(e * log b)``.

    This is several times faster than ``np.power`` on float exponents; a base of zero
    gives 1 for a zero exponent and 0 otherwise, as ``power`` would.
    """
    with np.errstate(divide="ignore"):
        logb = np.log(base)
    if np.all(np.isfinite(logb)):
        return np.exp(exponent * logb)
    zero = ~np.isfinite(logb)
    out = np.exp(exponent * np.where(zero, 0.0, logb))
    return np.where(zero, (exponent == 0).astype(float), out)


def _death_before_end(hk: Array, hw: Array, remaining: Array) -> Array:
    """Chance a soldier in theatre now is killed within ``remaining`` months (this one included)."""
    h = hk + hw
    survive = _pow(np.maximum(1.0 - h, 0.0), remaining)
    frac = np.divide(hk, h, out=np.zeros_like(h), where=h > 0)
    return frac * (1.0 - survive)


def _rotation(s: Rotation, hk: Array, hw: Array, rho: Array, months: int) -> Deployment:
    c = np.asarray(s.contingent, dtype=float)
    r = np.maximum(np.asarray(s.interval, dtype=float), 1.0)
    if c.shape != hk.shape or r.shape != hk.shape:
        raise ModelError("contingent and interval must be shaped (draws,) like the hazards")
    if not (np.all(np.isfinite(c)) and np.all(np.isfinite(r))) or np.any(c < 0):
        raise ModelError("contingent must be finite and >= 0, interval finite")
    m = np.arange(months, dtype=float)[None, :]
    rc = r[:, None]
    # k1 = index of the wave in theatre, plus one; the factor keeps exact multiples
    # (month m + 1 == k r) in wave k - 1, whose tour ends as wave k arrives.
    k1 = np.ceil(((m + 1.0) * (1.0 - 1e-12)) * (1.0 / rc))
    k1r = k1 * rc
    age = m - np.floor(k1r - rc)  # wave k arrived in month floor(k r)
    remaining = np.floor(k1r) - m  # ... and leaves when wave k + 1 arrives
    keep = np.maximum(1.0 - ((hk + hw) * (1.0 - rho))[:, None], 0.0)
    strength = c[:, None] * _pow(keep, age)
    new = np.empty_like(k1)
    new[:, 0] = 1.0
    np.not_equal(k1[:, 1:], k1[:, :-1], out=new[:, 1:])
    arrivals = c[:, None] * new
    departures = np.zeros_like(strength)
    departures[:, 1:] = new[:, 1:] * strength[:, :-1] * keep
    replacements = (rho * (hk + hw))[:, None] * strength
    joiners = arrivals + replacements
    d = _death_before_end(hk[:, None], hw[:, None], remaining)
    return Deployment(
        strength=strength,
        arrivals=arrivals,
        replacements=replacements,
        joiners=joiners,
        departures=departures,
        killed=hk[:, None] * strength,
        wounded=hw[:, None] * strength,
        exposure_dead=strength * d,
        arrivals_dead=joiners * d,
        tour=r,
        p_killed_tour=_death_before_end(hk, hw, r),
    )


def _waves(s: Waves, hk: Array, hw: Array, rho: Array, months: int) -> Deployment:
    arrival = np.asarray(s.arrival, dtype=np.int64)
    size = np.asarray(s.size, dtype=float)
    n = hk.shape[0]
    if arrival.ndim != 1 or size.shape != (n, arrival.shape[0]):
        raise ModelError(f"waves need arrival (waves,) and size (draws, waves); got {arrival.shape}, {size.shape}")
    if np.any(arrival < 0) or np.any(arrival >= months):
        raise ModelError("every wave must arrive within the horizon")
    if np.shape(s.tour) != size.shape:
        raise ModelError("wave tours must be finite and shaped (draws, waves)")
    if s.profile is not None:  # each month of a spread arrival as a wave; months past the horizon drop out
        s = s.expanded()
        inside = np.asarray(s.arrival) < months
        s = Waves(np.asarray(s.arrival)[inside], np.asarray(s.size)[:, inside], np.asarray(s.tour)[:, inside])
        arrival, size = np.asarray(s.arrival, dtype=np.int64), np.asarray(s.size, dtype=float)
    tour = np.maximum(np.rint(np.asarray(s.tour, dtype=float)), 1.0)
    if tour.shape != size.shape or not np.all(np.isfinite(tour)):
        raise ModelError("wave tours must be finite and shaped (draws, waves)")
    if not np.all(np.isfinite(size)) or np.any(size < 0):
        raise ModelError("wave sizes must be finite and >= 0")
    m = np.arange(months, dtype=float)[None, :]
    keep = np.maximum(1.0 - ((hk + hw) * (1.0 - rho))[:, None], 0.0)
    # a cohort of age k holds keep ** k of its size: the powers for every age once, not per wave
    survive = _pow(keep, m)
    at_end = size * _pow(keep, tour)
    hk1, hw1 = hk[:, None], hw[:, None]
    h = hk1 + hw1
    frac = np.divide(hk1, h, out=np.zeros_like(h), where=h > 0)  # a death's share of the losses
    with np.errstate(divide="ignore"):
        log_stay = np.log(np.maximum(1.0 - h, 0.0))
    fast = bool(np.all(np.isfinite(log_stay)))  # else _death_before_end handles certain loss
    rep_rate = (rho * (hk + hw))[:, None]
    # one wave at a time, (draws, months) each, summed in wave order
    strength = np.zeros((n, months))
    arrivals, departures = np.zeros((n, months)), np.zeros((n, months))
    exposure_dead, arrivals_dead = np.zeros((n, months)), np.zeros((n, months))
    for w in range(arrival.shape[0]):
        a = int(arrival[w])
        t = tour[:, w : w + 1]
        age = m - a
        cohort = np.where(
            (age >= 0) & (age < t), size[:, w : w + 1] * survive[:, np.maximum(age[0], 0).astype(np.intp)], 0.0
        )
        arrive = np.where(age == 0, size[:, w : w + 1], 0.0)
        left = np.maximum(a + t - m, 0.0)
        d = frac * (1.0 - np.exp(left * log_stay)) if fast else _death_before_end(hk1, hw1, left)
        strength += cohort
        arrivals += arrive
        departures += np.where(age == t, at_end[:, w : w + 1], 0.0)
        exposure_dead += cohort * d
        arrivals_dead += (arrive + rep_rate * cohort) * d
    replacements = rep_rate * strength
    total_size = size.sum(axis=1)
    mean_tour = np.divide((size * tour).sum(axis=1), total_size, out=tour.mean(axis=1), where=total_size > 0)
    return Deployment(
        strength=strength,
        arrivals=arrivals,
        replacements=replacements,
        joiners=arrivals + replacements,
        departures=departures,
        killed=hk1 * strength,
        wounded=hw1 * strength,
        exposure_dead=exposure_dead,
        arrivals_dead=arrivals_dead,
        tour=mean_tour,
        p_killed_tour=_death_before_end(hk, hw, mean_tour),
    )
