"""Fusion: the claims about one parameter become one distribution, with provenance.

Each claim becomes a distribution through two documented tables of the claims
vocabulary (:mod:`troopledger.claims._hedges`, also in ``docs/conventions.md``):
:data:`HEDGES` reads a hedge ("about", "up to", "at least", "could" ...) as a spread
or a one-sided percentile, and :data:`WORDS` reads words without numbers
("nothing", "most" ...) as a 90 % interval for a share. Claims
relaying one statement form one lineage and count once; lineages pool as a weighted
mixture whose weights are the reliability of the kind of source (:data:`RELIABILITY`,
overridable per case or per claim) times the hedge's strength. Each lineage's
distribution is widened by the spread between independent sources of its kind of
figure (:data:`~troopledger.evidence.SOURCE_SPREAD`, shared among the lineages:
``tau / sqrt(n)`` each), so an input one source informs is as uncertain as one
source of that kind is, not only as its hedge says.

The result is a :class:`~troopledger.evidence.DistSpec` (a mixture whose components
cite their claims), so everything downstream treats a fused parameter like one
written by hand.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from troopledger.claims import HEDGES, WORDS, Claim, HedgeRule, detect_lineages, hedge_rule, readings, words_interval
from troopledger.evidence._dispersion import SOURCE_SPREAD, spread_kind, widen
from troopledger.evidence._spec import DistSpec, MixtureComponent

__all__ = [
    "HEDGES",
    "RELIABILITY",
    "WORDS",
    "Fused",
    "HedgeRule",
    "claim_spec",
    "fuse",
    "hedge_rule",
    "words_interval",
]

Kind = Literal["amount", "share"]


#: Default reliability weight by kind of source (docs/conventions.md).
RELIABILITY: dict[str, float] = {
    "intelligence": 1.0,
    "think_tank": 1.0,
    "outlet": 0.8,
    "government": 0.8,
    "belligerent_government": 0.7,
    "defector": 0.7,
    "anonymous": 0.5,
    "state_media": 0.5,
    "other": 0.5,
}


def _spec(form: dict[str, Any], claims: list[str], note: str = "") -> DistSpec:
    return DistSpec.model_validate({**form, "claims": claims, "note": note})


def _one_sided(x: float, rule: HedgeRule, kind: Kind, side: Literal["upper", "lower"]) -> dict[str, Any]:
    if kind == "share":
        if not 0.0 <= x <= 1.0:
            raise ValueError(f"a share must lie in [0, 1], got {x}")
        if side == "upper":
            return {"to": (x * rule.width, x)} if x > 0 else {"fixed": 0.0}
        return {"to": (x, 1.0 - (1.0 - x) / rule.width)} if x < 1 else {"fixed": 1.0}
    if x <= 0:
        raise ValueError(f"a one-sided bound on a positive amount must be > 0, got {x}")
    return {"to": (x * rule.width, x)} if side == "upper" else {"to": (x, x * rule.width)}


def _form(claim: Claim, kind: Kind, factor: float) -> dict[str, Any]:
    """The distribution form (DistSpec keys) for one claim, scaled by ``factor``."""
    if claim.words:
        if kind != "share":
            raise ValueError(f"claim '{claim.id}': words without numbers can only speak of a share")
        return {"to": words_interval(claim.words, complement=claim.complement)}
    rule = hedge_rule(claim.hedge)
    v, lo, hi = (None if x is None else x * factor for x in (claim.value, claim.low, claim.high))
    if lo is not None and hi is not None:
        return {"fixed": lo} if lo == hi else {"to": (lo, hi)}
    if v is None:
        if hi is not None:
            return _one_sided(hi, rule if rule.reading == "upper" else HEDGES["up to"], kind, "upper")
        if lo is not None:
            return _one_sided(lo, rule if rule.reading == "lower" else HEDGES["at least"], kind, "lower")
        raise ValueError(f"claim '{claim.id}' has no figure")
    if rule.reading in ("upper", "lower"):
        return _one_sided(v, rule, kind, rule.reading)
    if rule.reading == "below":
        return {"to": (v * (1.0 - rule.width), v)}
    spread = claim.spread if claim.spread is not None else rule.width
    return {"point": v, "spread": spread}


def claim_spec(
    claim: Claim, kind: Kind, unit: str, *, tour_months: float | None = None, between: float = 0.0
) -> DistSpec:
    """One claim as a distribution spec in ``unit``: a mixture over readings if its period is open.

    ``between`` (an sd on the log scale, logit for a share) widens each reading by
    the spread between sources (:func:`~troopledger.evidence.widen`); 0 reads the
    claim as its hedge alone says.
    """
    reads = readings(claim, unit, tour_months=tour_months)

    def form(factor: float) -> dict[str, Any]:
        return widen(_form(claim, kind, factor), share=kind == "share", tau=between)

    if len(reads) == 1:
        return _spec(form(reads[0].factor), [claim.id])
    comps = [MixtureComponent.model_validate({**form(r.factor), "weight": r.weight, "label": r.label}) for r in reads]
    return DistSpec(mixture=comps, claims=[claim.id], note="period not stated: a mixture over its readings")


@dataclass(frozen=True)
class Fused:
    """A fused parameter: its spec, the lineages pooled, each claim's weight in the pool and its widening.

    ``between`` is the between-source sd each claim's reading was widened by (log
    scale; logit for a share), so a claim that built the prior is judged by the same
    reading (calibration's error model for it).
    """

    spec: DistSpec
    lineages: dict[str, list[str]]
    weights: dict[str, float]
    between: dict[str, float] = field(default_factory=dict)

    @property
    def claims(self) -> list[str]:
        """Every claim id behind the parameter, relays included."""
        return [cid for ids in self.lineages.values() for cid in ids]


def claim_weight(claim: Claim, reliability: Mapping[str, float] | None = None) -> float:
    """A claim's weight in a pool: its own ``weight`` or its kind's reliability, times its hedge strength."""
    table = {**RELIABILITY, **(reliability or {})}
    base = claim.weight if claim.weight is not None else table.get(claim.speaker_kind, table["other"])
    return base * hedge_rule(claim.hedge).strength


def fuse(
    claims: Sequence[Claim],
    kind: Kind,
    unit: str,
    *,
    reliability: Mapping[str, float] | None = None,
    lineages: Mapping[str, str] | None = None,
    tour_months: float | None = None,
    spread: Mapping[str, float] | None = None,
) -> Fused:
    """Pool ``claims`` about one parameter into one spec: one component per lineage.

    Within a lineage the claim with the largest weight (then the earliest, then
    the smallest id) speaks for all, so five relays of one briefing pool exactly as
    the briefing alone. ``lineages`` (claim id -> label) defaults to
    :func:`~troopledger.claims.detect_lineages`. Each of the ``n`` lineages is
    widened by the between-source sd of its kind of quantity over ``sqrt(n)``
    (``spread`` overrides :data:`~troopledger.evidence.SOURCE_SPREAD` by kind).
    Raises ``ValueError`` on no claims.
    """
    if not claims:
        raise ValueError("no claims to fuse")
    labels = dict(lineages) if lineages is not None else detect_lineages(claims)
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        groups.setdefault(labels.get(c.id) or c.lineage or c.id, []).append(c)

    def when(c: Claim) -> str:
        return (c.source.date if c.source is not None else None) or "9999"

    def rank(c: Claim) -> tuple[float, str, str]:
        return (-claim_weight(c, reliability), when(c), c.id)

    heads = {label: min(members, key=rank) for label, members in groups.items()}
    order = sorted(groups, key=lambda label: (when(heads[label]), heads[label].id))
    raw = {label: claim_weight(heads[label], reliability) for label in order}
    total = sum(raw.values())
    if total <= 0:
        raise ValueError("every claim has weight 0; give at least one a weight above 0")
    weights = {c.id: raw[label] / total for label in order for c in groups[label]}
    ids = {label: [c.id for c in groups[label]] for label in order}
    taus = {**SOURCE_SPREAD, **(spread or {})}

    def between(c: Claim) -> float:
        scale = spread_kind(c.quantity) or ("share" if kind == "share" else "amount")
        return taus.get(scale, 0.0) / math.sqrt(len(order))

    added = {label: between(heads[label]) for label in order}
    specs = {
        label: claim_spec(heads[label], kind, unit, tour_months=tour_months, between=added[label]) for label in order
    }
    if len(order) == 1:
        only = order[0]
        spec = specs[only].model_copy(update={"claims": ids[only]})
    else:
        comps = []
        for label in order:
            head = heads[label]
            data = specs[label].model_dump(exclude_none=True, exclude={"claims", "note"})
            data.update(weight=raw[label], label=f"{head.speaker[:150]} ({head.id})"[:200], claims=ids[label])
            comps.append(MixtureComponent.model_validate(data))
        spec = DistSpec(mixture=comps, claims=[cid for label in order for cid in ids[label]])
    wide = {cid: added[label] for label in order for cid in ids[label]}
    return Fused(spec=spec, lineages=ids, weights=weights, between=wide)
