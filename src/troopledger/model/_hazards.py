"""Hazard paths: each role's killed and wounded hazard month by month, and the sums that turn them into chances.

A role's hazard in month ``m`` is the base hazard times the month's shape times the
role's exposure (:class:`~troopledger.model.Casualties`). :class:`Path` keeps prefix
sums of one role's path so a cohort's survival, or the chance a soldier is killed
before his tour ends, costs a lookup rather than a loop over months.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError

if TYPE_CHECKING:
    from troopledger.model._deployment import Casualties

__all__ = ["Hazards", "Path", "death_before_end", "running"]

Array = NDArray[np.float64]
_TINY = 1e-300  # survival below this is treated as zero (its log stays finite)
_SAFE_LOG = float(np.log(1e-6))  # one soldier's survival over the horizon below this: sum backwards
_LOOPED_MONTHS = 24  # prefix sums over at most this many months go column by column, else by cumsum


class Hazards:
    """Validated hazard paths per role, built once per run and shared by every part of the same role."""

    def __init__(self, c: Casualties, months: int) -> None:
        hk = np.asarray(c.killed_hazard, dtype=float)
        hw = np.asarray(c.wounded_hazard, dtype=float)
        rho = np.asarray(c.replacement_share, dtype=float)
        for name, a in (("killed_hazard", hk), ("wounded_hazard", hw), ("replacement_share", rho)):
            if a.ndim != 1 or a.shape != hk.shape:
                raise ModelError(f"{name} must be shaped (draws,), got {a.shape}")
            if not np.all(np.isfinite(a)) or np.any(a < 0):
                raise ModelError(f"{name} must be finite and >= 0")
        if np.any(rho > 1):
            raise ModelError("replacement_share must be <= 1")
        n = hk.shape[0]
        self.n, self.months, self.rho = n, months, rho
        self.kshape = _shape_of(c.killed_shape, "killed_shape", n, months)
        self.wshape = _shape_of(c.wounded_shape, "wounded_shape", n, months)
        ex = None if c.exposure is None else np.asarray(c.exposure, dtype=float)
        if ex is not None and (ex.ndim != 2 or ex.shape[0] != n or not np.all(np.isfinite(ex)) or np.any(ex < 0)):
            raise ModelError(f"exposure must be finite, >= 0 and shaped (draws, roles), got {ex.shape}")
        self.hk, self.hw, self.exposure = hk, hw, ex
        ev = None if c.evacuated_share is None else np.asarray(c.evacuated_share, dtype=float)
        if ev is not None and (ev.shape != (n,) or not np.all((ev >= 0) & (ev <= 1))):
            raise ModelError("evacuated_share must lie in [0, 1] and be shaped (draws,)")
        self.evacuated = ev
        self._cache: dict[tuple[int, int], Path] = {}

    def role(self, r: int, start: int = 0) -> Path:
        """The hazard paths of role ``r`` over the months from ``start`` on, computed on first use.

        A role whose first soldiers arrive late needs no path before then: the path
        from ``start`` has the same survival and chances of death for every stay from
        ``start`` on (its month ``m`` is the horizon's ``start + m``), at a fraction of the cost.
        """
        key = (r, start)
        if key not in self._cache:
            if not 0 <= start < self.months:
                raise ModelError(f"a hazard path must start inside the horizon, got month {start}")
            e = 1.0 if self.exposure is None else self._column(self.exposure, r)
            span = self.months - start
            hk = (self.hk * e)[:, None] * (1.0 if self.kshape is None else self.kshape[:, start:])
            hw = (self.hw * e)[:, None] * (1.0 if self.wshape is None else self.wshape[:, start:])
            hk = np.broadcast_to(hk, (self.n, span))
            hw = np.broadcast_to(hw, (self.n, span))
            total = hk + hw
            if np.any(total > 1.0):
                scale = np.divide(1.0, total, out=np.ones_like(total), where=total > 1.0)
                hk, hw = hk * scale, hw * scale
            self._cache[key] = Path(hk, hw, self.rho, self.evacuated)
        return self._cache[key]

    def constant(self, r: int) -> tuple[Array, Array, Array] | None:
        """Role ``r``'s killed, wounded and leaving-wounded hazards ``(draws,)`` when they do not change by month.

        None when a monthly shape is given: then only :meth:`role`'s paths describe them.
        """
        if self.kshape is not None or self.wshape is not None:
            return None
        e = 1.0 if self.exposure is None else self._column(self.exposure, r)
        hk, hw = self.hk * e, self.hw * e
        total = hk + hw
        if np.any(total > 1.0):
            scale = np.divide(1.0, total, out=np.ones_like(total), where=total > 1.0)
            hk, hw = hk * scale, hw * scale
        return hk, hw, hw if self.evacuated is None else hw * self.evacuated

    @staticmethod
    def _column(exposure: Array, r: int) -> Array:
        if not 0 <= r < exposure.shape[1]:
            raise ModelError(f"role {r} has no exposure column ({exposure.shape[1]} given)")
        return exposure[:, r]


def _shape_of(a: Array | None, name: str, n: int, months: int) -> Array | None:
    if a is None:
        return None
    s = np.asarray(a, dtype=float)
    if s.shape != (n, months) or not np.all(np.isfinite(s)) or np.any(s < 0):
        raise ModelError(f"{name} must be finite, >= 0 and shaped ({n}, {months}), got {s.shape}")
    return s


class Path:
    """Prefix sums of one role's hazard path, so any stay from month ``a`` to ``b`` costs a lookup.

    ``lk[:, m]`` is the log of the share of a cohort (losses replaced) left at the start
    of month ``m``; ``ls`` the same for one soldier (no replacement); ``ck[:, m]`` the
    chance a soldier present from month 0 is killed before month ``m``. Each has
    ``months + 1`` columns.
    """

    def __init__(self, hk: Array, hw: Array, rho: Array, evacuated: Array | None = None) -> None:
        he = hw if evacuated is None else hw * evacuated[:, None]  # wounded who leave theatre
        h = hk + he
        self.hk, self.hw, self.he, self.rep = hk, hw, he, rho[:, None] * h
        keep = np.maximum(1.0 - h * (1.0 - rho[:, None]), _TINY)
        stay = np.maximum(1.0 - h, _TINY)
        self.lk = _prefix(np.log(keep))
        self.ls = _prefix(np.log(stay))
        stayed = np.exp(self.ls[:, :-1])
        self.ck = _prefix(hk * stayed)
        self.inv_stay = 1.0 / np.maximum(stayed, _TINY)
        self._last: tuple[NDArray[np.intp], int, int, Array] | None = None  # see death_before

    @cached_property
    def unsafe(self) -> NDArray[np.intp]:
        """Draws whose one-by-one survival over the horizon is too small for prefix sums (summed backwards)."""
        return np.nonzero(self.ls[:, -1] < _SAFE_LOG)[0]

    @cached_property
    def grow(self) -> Array | None:
        """``exp(lk)``, when no cohort shrinks below 1e-300 over the horizon (else None: use logs)."""
        return np.exp(self.lk) if bool(np.all(self.lk[:, -1] > -690.0)) else None

    def killed_by(self, end: NDArray[np.intp]) -> Array:
        """Chance a soldier present from month 0 is killed before month ``end`` (any shape of ``(draws, k)``).

        Past the horizon the last month's hazards go on, so a tour that ends after it
        is counted in full, as with constant hazards.
        """
        months = self.ck.shape[1] - 1
        inside = np.take_along_axis(self.ck, np.minimum(end, months), axis=1)
        if not np.any(end > months):
            return inside
        beyond = np.maximum(end - months, 0).astype(float)
        tail = death_before_end(self.hk[:, -1:], self.he[:, -1:], beyond) * np.exp(self.ls[:, -1:])
        return np.asarray(inside + tail)

    def death_before(self, end: NDArray[np.intp], start: int = 0, stop: int | None = None) -> Array:
        """Chance a soldier in theatre at the start of each month from ``start`` is killed before month ``end``.

        ``end`` is ``(draws, 1)`` (one cohort) or ``(draws, months)`` (the tour each
        month belongs to); the result is ``(draws, stop - start)``, for the months from
        ``start`` up to ``stop`` (the horizon's end by default). Draws where hardly anyone
        survives the horizon one by one (losses replaced keep cohorts alive) are summed
        backwards month by month instead, where prefix sums would cancel.

        A month's chance depends on the month and ``end`` only, not on ``start``: the
        last result for one cohort's ``end`` is kept, and a later cohort with the same
        ends (waves whose tours all last to the horizon's end) gets a slice of it, the
        same numbers. Callers must not change the array returned.
        """
        months = self.hk.shape[1]
        stop = months if stop is None else stop
        one = end.shape[1] == 1
        if one and self._last is not None:
            ends, first, last, kept = self._last
            if first <= start and stop <= last and np.array_equal(ends, end):
                return kept[:, start - first : stop - first]
        ends = end if one else end[:, start:stop]
        with np.errstate(over="ignore", invalid="ignore"):
            d = (self.killed_by(ends) - self.ck[:, start:stop]) * self.inv_stay[:, start:stop]
        np.clip(d, 0.0, 1.0, out=d)
        rows = self.unsafe
        if rows.size:
            d[rows] = self._backwards(rows, np.broadcast_to(end, (end.shape[0], months))[rows], start, stop)
        if one:
            self._last = (end.copy(), start, stop, d)
        return d

    def _backwards(self, rows: NDArray[np.intp], end: NDArray[np.intp], start: int, stop: int) -> Array:
        """:meth:`death_before` for ``rows`` by the recursion d(m) = hk(m) + stay(m) d(m + 1) within the tour.

        Only the months from ``start`` up to the last whose tour goes on after it are
        summed (from the last month of tours that end inside the horizon, d is hk), and
        month by month over arrays laid out month-major, so each step reads one
        contiguous row: the same sums as over the whole horizon, in a fraction of the time.
        """
        months = self.hk.shape[1]
        hi = int(end.max()) if end.size else 0
        top = min(hi, months) - 1  # after it, every month is past its tour's last: d(m) = hk(m)
        out = np.empty((stop - start, rows.size))
        if top >= start:
            span = slice(start, top + 1)
            hk = np.ascontiguousarray(self.hk[rows, span].T)
            stay = np.maximum(1.0 - hk - self.he[rows, span].T, 0.0)
            live = np.ascontiguousarray((np.arange(start + 1, top + 2)[None, :] < end[:, span]).T)
            nxt = np.zeros(rows.size)
            if hi > months:  # tours ending past the horizon: their last months' hazards go on
                nxt = death_before_end(self.hk[rows, -1], self.he[rows, -1], np.maximum(end[:, -1] - months, 0.0))
            for i in range(top - start, -1, -1):
                nxt = hk[i] + stay[i] * np.where(live[i], nxt, 0.0)
                out[i] = nxt
        above = max(top + 1, start)
        out[above - start :] = self.hk[rows, above:stop].T
        return np.clip(out.T, 0.0, 1.0)


def _prefix(a: Array) -> Array:
    """Sums of ``a`` over the months before each month, ``(draws, months + 1)`` (the first column zero).

    Added month after month either way, so the sums are the same to the last bit: on a
    short horizon a loop adding whole columns (several times faster than ``cumsum``
    along a short second axis), on a long one ``cumsum`` (four times faster than the
    loop at 240 months, whose columns are strided).
    """
    out = np.empty((a.shape[0], a.shape[1] + 1))
    out[:, 0] = 0.0
    if a.shape[1] > _LOOPED_MONTHS:
        np.cumsum(a, axis=1, out=out[:, 1:])
        return out
    for m in range(a.shape[1]):
        np.add(out[:, m], a[:, m], out=out[:, m + 1])
    return out


def running(a: Array) -> Array:
    """Running totals of ``a`` along its months (``np.cumsum(a, axis=1)``, column by column)."""
    return _prefix(a)[:, 1:]


def death_before_end(hk: Array, hw: Array, remaining: Array) -> Array:
    """Chance of being killed within ``remaining`` months at constant monthly hazards."""
    h = hk + hw
    with np.errstate(divide="ignore", invalid="ignore"):
        survive = np.where(remaining > 0, np.exp(remaining * np.log(np.maximum(1.0 - h, 0.0))), 1.0)
    frac = np.divide(hk, h, out=np.zeros_like(h), where=h > 0)
    return frac * (1.0 - survive)
