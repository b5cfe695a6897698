"""Between-source spread: how far independent sources of one kind of figure disagree.

A claim's hedge says how firmly its source meant a figure ("about 2,000" is within
15 %), not how far the next source will be from it. Where several independent
sources report the same thing, they disagree by more: on the bundled ledger and
founding articles, two sources' figures for one money amount are typically a factor
of two apart. An input fused from claims therefore carries that spread beside each
source's own hedge (:func:`widen`, applied by :func:`~troopledger.evidence.fuse`),
so an input known from one source is as uncertain as one source of its kind is.

:data:`SOURCE_SPREAD` holds the spread by kind of quantity, declared once; it is
estimated by :func:`source_pairs` and :func:`estimate_spread` from the bundled
claim files that the record case does not use (docs/conventions.md, "Between-source
spread"; a test recomputes it). On the log scale for amounts, counts and
durations, on the logit scale for shares: a component's 90 % half-width ``h``
becomes ``sqrt(h^2 + (Z90 * tau / sqrt(n))^2)`` with ``n`` the lineages pooled.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from troopledger.claims import QUANTITIES, Claim, detect_lineages, hedge_rule, month_index
from troopledger.evidence._uncertain import Z90

__all__ = [
    "MAX_SOURCE_SPREAD",
    "MIN_PAIRS",
    "PAIR_MONTHS",
    "SOURCE_SPREAD",
    "SourcePair",
    "estimate_spread",
    "source_pairs",
    "spread_kind",
    "widen",
]

#: Between-source sd by kind of quantity (log scale; logit for shares), from
#: ``estimate_spread(source_pairs(...))`` on the bundled ``nk-russia-ledger`` and
#: ``founding-articles`` claim files: 5 pairs of money amounts (median gap 0.44, a
#: factor of 1.56), 6 of counts (0.36); no pair of shares or durations, so those
#: take the estimate over all 11 pairs (median gap 0.44). docs/conventions.md lists the pairs.
SOURCE_SPREAD: dict[str, float] = {"amount": 0.46, "count": 0.38, "duration": 0.46, "share": 0.46}

#: Largest between-source sd a case may declare (a factor of e^(1.645 * 3) = 140 either way at 90 %).
MAX_SOURCE_SPREAD = 3.0

#: Months two figures of a rate (a unit per something: pay a month, a price per round,
#: GDP a year) may lie apart and still be "the same thing"; a total or a count by a
#: date (a unit per nothing: persons, USD) must name the same month.
PAIR_MONTHS = 6

#: A kind with fewer pairs than this takes the estimate over every pair.
MIN_PAIRS = 5

_SCALED = ("amount", "count", "duration", "share")
#: sd of a normal per unit of median absolute difference of two draws: 1 / (sqrt(2) * Phi^-1(0.75)).
_MAD_TO_SD = 1.0 / (math.sqrt(2.0) * 0.6744897501960817)


def spread_kind(quantity: str) -> str | None:
    """The kind of a claim quantity for :data:`SOURCE_SPREAD` (amount, count, duration, share), else ``None``."""
    info = QUANTITIES.get(quantity)
    return info.kind if info is not None and info.kind in _SCALED else None


def _scale(x: float, kind: str) -> float:
    return math.log(x / (1.0 - x)) if kind == "share" else math.log(x)


def _figure(claim: Claim, kind: str) -> float | None:
    """A claim's two-sided figure on its kind's scale (a range: its midpoint there), else ``None``."""
    if claim.words:
        return None

    def ok(v: float) -> bool:
        return 0.0 < v < 1.0 if kind == "share" else v > 0.0

    if claim.low is not None and claim.high is not None:
        if not (ok(claim.low) and ok(claim.high)) or claim.high < claim.low:
            return None
        return (_scale(claim.low, kind) + _scale(claim.high, kind)) / 2.0
    if claim.value is None or claim.low is not None or claim.high is not None:
        return None
    if hedge_rule(claim.hedge).reading != "point" or not ok(claim.value):
        return None
    return _scale(claim.value, kind)


def _month(claim: Claim) -> int | None:
    when = claim.window_end or (claim.source.date[:7] if claim.source is not None and claim.source.date else None)
    try:
        return month_index(when) if when else None
    except ValueError:
        return None


@dataclass(frozen=True)
class SourcePair:
    """Two independent sources' figures for one quantity at about one time, and their gap on its scale."""

    quantity: str
    kind: str
    first: str
    second: str
    gap: float


def source_pairs(claims: Sequence[Claim], *, months: int = PAIR_MONTHS) -> list[SourcePair]:
    """Every pair of independent sources that report the same thing, with the gap between their figures.

    The same thing: one quantity in one unit, for months at most ``months`` apart
    when the unit is a rate (``USD/month``, ``USD/round``), for the same month when it
    is a total or a count by a date (``persons``, ``USD``). Independent: different
    lineages and different speakers; a lineage (relays of one statement) and a
    statement (one speaker in one source, split into parts) speak once per
    quantity and month, by their first claim id. Only two-sided
    figures count (a point "about X", or a range "a to b"); bounds and words do not.
    """
    lineages = detect_lineages(claims)
    seen: set[tuple[str, str, str, int]] = set()
    rows: list[tuple[Claim, str, float, int]] = []
    for c in sorted(claims, key=lambda c: c.id):
        kind = spread_kind(c.quantity)
        month = _month(c)
        if kind is None or month is None or c.status not in ("accepted", "edited"):
            continue
        fig = _figure(c, kind)
        statement = c.source.id or c.source.url if c.source is not None else ""
        keys = {
            (lineages.get(c.id, c.id), c.quantity, c.unit, month),
            (f"{c.speaker.casefold()}@{statement}", c.quantity, c.unit, month),
        }
        if fig is None or keys & seen:
            continue
        seen |= keys
        rows.append((c, kind, fig, month))
    pairs = []
    for i, (a, kind, fa, ma) in enumerate(rows):
        for b, _, fb, mb in rows[i + 1 :]:
            if (b.quantity, b.unit) != (a.quantity, a.unit):
                continue
            if lineages.get(a.id, a.id) == lineages.get(b.id, b.id) or a.speaker.casefold() == b.speaker.casefold():
                continue
            if abs(ma - mb) > (months if "/" in a.unit else 0):
                continue
            pairs.append(SourcePair(a.quantity, kind, a.id, b.id, abs(fa - fb)))
    return pairs


def estimate_spread(pairs: Sequence[SourcePair], *, min_pairs: int = MIN_PAIRS) -> dict[str, float]:
    """The between-source sd of each kind: its pairs' median gap over sqrt(2) * 0.674 (a normal's).

    A kind with fewer than ``min_pairs`` pairs takes the estimate over every pair.
    Raises ``ValueError`` when there are fewer than ``min_pairs`` pairs in all.
    """
    if len(pairs) < min_pairs:
        raise ValueError(f"{len(pairs)} pairs of sources; at least {min_pairs} are needed")
    pooled = statistics.median(p.gap for p in pairs) * _MAD_TO_SD
    out = {}
    for kind in _SCALED:
        gaps = [p.gap for p in pairs if p.kind == kind]
        out[kind] = statistics.median(gaps) * _MAD_TO_SD if len(gaps) >= min_pairs else pooled
    return out


def _interval(form: Mapping[str, Any], share: bool) -> tuple[float, float] | None:
    """The 90 % interval a ``to`` or ``point`` form states, as :func:`~troopledger.evidence.point` reads it."""
    if "to" in form:
        lo, hi = form["to"]
        return float(lo), float(hi)
    if "fixed" in form:
        return float(form["fixed"]), float(form["fixed"])
    if "point" in form:
        v, s = float(form["point"]), float(form.get("spread", 0.1))
        lo, hi = v / (1.0 + s), v * (1.0 + s)
        if share and hi >= 1.0:
            hi = 1.0 - (1.0 - v) / (1.0 + s)
        return lo, hi
    return None


def widen(form: dict[str, Any], *, share: bool, tau: float) -> dict[str, Any]:
    """A ``to`` or ``point`` form with ``tau`` (sd, log or logit scale) added in quadrature to its 90 % half-width.

    A ``fixed`` value is a 90 % interval of no width. Other forms (mixtures), amounts
    not above 0 and shares that touch 0 or 1 come back unchanged, as does everything
    when ``tau`` is 0.
    """
    interval = _interval(form, share)
    if tau <= 0 or interval is None:
        return form
    lo, hi = interval
    if not (0.0 < lo <= hi and (not share or hi < 1.0)):
        return form
    f, g = (_scale, lambda z: 1.0 / (1.0 + math.exp(-z))) if share else (_scale, math.exp)
    kind = "share" if share else "amount"
    a, b = f(lo, kind), f(hi, kind)
    mid, half = (a + b) / 2.0, math.hypot((b - a) / 2.0, Z90 * tau)
    return {"to": (g(mid - half), g(mid + half))}
