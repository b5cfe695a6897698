"""Figures from one statement are not independent: a source's own arithmetic must hold.

The set scan weighs each claim's hedge on its own, so hedged figures may each sit a
quarter from the truth and a statement whose own sums are off by a fifth goes
unflagged. Here the claims of one statement (:func:`~troopledger.calibration._rounding.statement_key`)
are held to their rounding instead (:func:`~troopledger.calibration._rounding.window`).
For a connected set ``S`` of them, split into claims about a free parameter ``P``
(pinned) and the rest ``D`` (checked through the model),

    C(S) = log E_pin[prod_{d in D} L_d] - sum_{d in D} log E[L_d] + log m(P) - sum_{p in P} log m(p)

with ``L`` the rounding likelihoods, ``E`` over the scan's background, ``E_pin`` over
the background with each pinned parameter drawn from its background restricted to
the stated window (exactly, through its quantile map), and ``m`` the background mass
of a window (of their intersection for ``m(P)``). This is the scan's joint-evidence
ratio for these likelihoods, computed without waiting for rare draws to land in
narrow windows. Sets need one claim of each kind; the background's draws and the
pinned draws come from the scan's fixed seed, so findings do not depend on the run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.calibration._contradictions import THRESHOLD, _fmt
from troopledger.calibration._importance import log_mean_exp
from troopledger.calibration._observations import Observation, Observations
from troopledger.calibration._rounding import rounded_error, statement_key, window
from troopledger.calibration._sets import MAX_SET, SCAN_SEED, SET_SCAN_CLAIMS, _connected
from troopledger.calibration._tempering import _Z_GRID, _Latent, model_values
from troopledger.evidence import Prior, block_rng

__all__ = ["PIN_DRAWS", "STATEMENT_CLAIMS", "StatementSet", "statement_sets"]

Array = NDArray[np.float64]

#: Draws of the background with a statement's figures pinned, per set checked.
PIN_DRAWS = 2048
#: A statement with more usable claims than this, or a case with more than the scan's
#: :data:`~troopledger.calibration.SET_SCAN_CLAIMS`, is checked in pairs only (sets grow as claims cubed).
STATEMENT_CLAIMS = 6


@dataclass(frozen=True)
class StatementSet:
    """A minimal set of one statement's claims whose own arithmetic fails, with ``C``, its error and the arithmetic."""

    claims: tuple[str, ...]
    statistic: float
    standard_error: float
    explanation: str


def _zbounds(table: Array, lo: float, hi: float) -> tuple[float, float]:
    """The standard-normal interval that the quantile map ``table`` sends into ``[lo, hi]``."""
    zlo = -math.inf if not lo > table[0] else float(np.interp(lo, table, _Z_GRID))
    zhi = math.inf if not hi < table[-1] else float(np.interp(hi, table, _Z_GRID))
    return zlo, zhi


def _mass(z: tuple[float, float]) -> float:
    return float(special.ndtr(z[1]) - special.ndtr(z[0]))


class _Checker:
    """Scores sets of one case's statement claims on pinned draws of the background."""

    def __init__(self, bg: Prior, obs: Observations, values: Array) -> None:
        self.bg = bg
        self.latent = _Latent(bg)
        self.z, self.shares = self.latent.initial(SCAN_SEED, PIN_DRAWS)
        self.col = {oid: j for j, oid in enumerate(obs.ids)}
        self.errors = {o.id: rounded_error(o) for o in obs.items}
        self.values = values
        self.bg_log: dict[str, float] = {}

    def pinned(self, o: Observation) -> bool:
        return o.parameter is not None and o.parameter in self.latent.tables

    def base(self, oid: str) -> float:
        """``log E[L]`` for one claim's rounding likelihood on the scan's background."""
        if oid not in self.bg_log:
            ll = self.errors[oid].loglik(self.values[:, self.col[oid]])
            self.bg_log[oid] = float(log_mean_exp(ll[:, None], axis=0)[0])
        return self.bg_log[oid]

    def windows(self, pins: Sequence[Observation]) -> tuple[dict[str, tuple[float, float]], float]:
        """Each pinned parameter's z-interval and ``log m(P) - sum log m(p)`` (``-inf``: figures that do not meet)."""
        z: dict[str, tuple[float, float]] = {}
        own = 0.0
        for o in pins:
            name = str(o.parameter)
            zb = _zbounds(self.latent.tables[name], *window(o))
            own += math.log(max(_mass(zb), 1e-300))
            prev = z.get(name, (-math.inf, math.inf))
            z[name] = (max(prev[0], zb[0]), min(prev[1], zb[1]))
        joint = 0.0
        for zb in z.values():
            if zb[0] >= zb[1] or _mass(zb) <= 0:
                return z, -math.inf
            joint += math.log(_mass(zb))
        return z, joint - own

    def run(self, z: Mapping[str, Array], checks: Sequence[Observation]) -> Array:
        shares = self.shares[: len(next(iter(z.values())))]
        return model_values(self.bg, Observations(list(checks)), self.latent.params(dict(z), shares))

    def score(self, items: Sequence[Observation]) -> tuple[float, float, Array, dict[str, Array]] | None:
        """``C``, its standard error, the checked claims' pinned values and the pinned draws.

        None when the set has no claim to pin or none to check, or pins one parameter to
        figures that do not meet.
        """
        pins = [o for o in items if self.pinned(o)]
        checks = [o for o in items if not self.pinned(o)]
        if not pins or not checks:
            return None
        zb, correction = self.windows(pins)
        if correction == -math.inf:
            return None  # two of its figures for one parameter do not meet: a disagreement, the scan's to judge
        z = dict(self.z)
        for name, (lo, hi) in zb.items():
            u = block_rng(SCAN_SEED, 0, f"statement:{name}").random(PIN_DRAWS)
            a, b = special.ndtr(lo), special.ndtr(hi)
            z[name] = np.clip(special.ndtri(a + u * (b - a)), _Z_GRID[0], _Z_GRID[-1])
        vals = self.run(z, checks)
        ll = np.column_stack([self.errors[o.id].loglik(vals[:, j]) for j, o in enumerate(checks)]).sum(axis=1)
        joint = float(log_mean_exp(ll[:, None], axis=0)[0])
        stat = joint - sum(self.base(o.id) for o in checks) + correction
        w = np.exp(ll - ll.max()) if np.isfinite(ll.max()) else np.zeros_like(ll)
        se = math.sqrt(float(w.var()) / (w.size * float(w.mean()) ** 2)) if w.mean() > 0 else math.inf
        return max(stat, -1e6), se, vals, z

    def at_stated(self, items: Sequence[Observation]) -> Array:
        """The checked claims' modelled values at the pinned figures as stated, the rest at the medians."""
        pins = [o for o in items if self.pinned(o)]
        checks = [o for o in items if not self.pinned(o)]
        z = {k: np.zeros(1) for k in self.z}
        for o in pins:
            x = o.claim.central
            if x is None:
                continue
            zlo, zhi = _zbounds(self.latent.tables[str(o.parameter)], x, x)
            z[str(o.parameter)] = np.array([zlo if math.isfinite(zlo) else zhi])
        return np.asarray(self.run(z, checks)[0], dtype=np.float64)


def _num(x: float, unit: str) -> str:
    """A figure in the unit's words; counts given without a unit as whole numbers."""
    if unit.startswith("USD") or unit in ("fraction", "months") or not abs(x) >= 1:
        return _fmt(x, unit)
    return f"{x:,.0f}" + (f" {unit}" if unit and unit != "persons" else "")


def _as_stated(o: Observation) -> str:
    """A claim as its source gave it and the range its rounding allows ("wave1 (11,000: 10,500 to 11,500)")."""
    lo, hi = window(o)
    c = o.claim
    fig = c.stated or (_num(c.value, o.unit) if c.value is not None else c.describe_value())
    if math.isinf(lo):
        return f"{o.id} ({fig}: at most {_num(hi, o.unit)})"
    if math.isinf(hi):
        return f"{o.id} ({fig}: at least {_num(lo, o.unit)})"
    return f"{o.id} ({fig}: {_num(lo, o.unit)} to {_num(hi, o.unit)})"


def _explain(items: Sequence[Observation], checks: Sequence[Observation], at: Array, vals: Array, stat: float) -> str:
    c = items[0].claim
    where = c.source.outlet if c.source is not None else "one source"
    when = f", {c.source.date}" if c.source is not None and c.source.date else ""
    pins = ", ".join(_as_stated(o) for o in items if o not in checks)
    parts = []
    for j, o in enumerate(checks):
        stated = o.claim.central
        gap = ""
        if stated and stated > 0 and math.isfinite(at[j]):
            r = at[j] / stated - 1.0
            gap = f", {abs(r):.0%} {'above' if r > 0 else 'below'} the {_num(stated, o.unit)} stated"
            if vals.size:
                v = vals[:, j]
                near = float(v[np.argmin(np.abs(np.log(np.maximum(v, 1e-300) / stated)))])
                gap += f" (the nearest the figures come within their rounding: {_num(near, o.unit)})"
        parts.append(f"{o.what} at {_num(float(at[j]), o.unit)}{gap}")
    times = math.exp(-stat) if stat > -700 else math.inf
    factor = f"{times:,.0f}" if times < 1e6 else f"more than a million ({stat:.0f} on the log scale)"
    return (
        f"One statement ({c.speaker}, {where}{when}) does not add up on its own figures, whatever their distance "
        f"from the truth. At {pins}, with the rest of the model at its medians, it puts {'; and '.join(parts)}, "
        f"against {', '.join(_as_stated(o) for o in checks)}. Held to their rounding, these figures are {factor} "
        f"times less probable together than apart (log ratio {stat:.1f}, threshold {THRESHOLD:.0f})."
    )


def statement_sets(
    bg: Prior,
    obs: Observations,
    values: Array,
    graph: Mapping[str, frozenset[str]],
    *,
    flagged: Sequence[tuple[str, ...]] = (),
    max_size: int = MAX_SET,
    threshold: float = THRESHOLD,
) -> list[StatementSet]:
    """The minimal sets of one statement's claims whose own arithmetic fails, most improbable first.

    ``values`` are the claims' modelled values on the scan's background (columns in
    ``obs`` order), ``graph`` the dependency graph; sets containing one of ``flagged``
    (the scan's findings) are not minimal and are skipped.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for j, o in enumerate(obs.items):
        key = statement_key(o.claim)
        if key is not None:
            groups.setdefault(key, []).append(j)
    checker = _Checker(bg, obs, values)
    found: list[StatementSet] = []
    known = [frozenset(f) for f in flagged]
    for members in groups.values():
        if len(members) < 2:
            continue
        ids = [obs.ids[j] for j in members]
        adj = np.array([[bool(graph.get(a, frozenset()) & graph.get(b, frozenset())) for b in ids] for a in ids])
        top = max_size if len(ids) <= STATEMENT_CLAIMS and len(obs) <= SET_SCAN_CLAIMS else 2
        for size in range(2, min(top, len(ids)) + 1):
            for combo in combinations(range(len(ids)), size):
                s = frozenset(ids[i] for i in combo)
                if any(k <= s for k in known) or not _connected(adj, combo):
                    continue
                items = [obs.items[members[i]] for i in combo]
                got = checker.score(items)
                if got is None or got[0] >= threshold:
                    continue
                stat, se, vals, _ = got
                checks = [o for o in items if not checker.pinned(o)]
                text = _explain(items, checks, checker.at_stated(items), vals, stat)
                found.append(StatementSet(tuple(o.id for o in items), stat, se, text))
                known.append(s)
    return sorted(found, key=lambda f: (f.statistic, f.claims))
