"""``from_claims`` requests: the slots a case file asks to be built from its claims.

A slot written ``from_claims`` selects accepted claims (by id, or by quantity) and
:func:`~troopledger.evidence.fuse` pools them into a spec. This runs while the case
file is validated, once per set of claims, so a request that finds nothing is
reported against the file and field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from troopledger.claims import QUANTITIES, FieldError, detect_lineages
from troopledger.evidence._bounds import claim_problem
from troopledger.evidence._fusion import Fused, fuse
from troopledger.evidence._slots import SlotPlace, entry_of, slot_places
from troopledger.evidence._spec import DistSpec

if TYPE_CHECKING:
    from troopledger.evidence._schema import Case

__all__ = ["fuse_requests", "unfused"]


def fuse_requests(
    case: Case,
) -> tuple[dict[str, tuple[SlotPlace, DistSpec]], dict[str, Fused], dict[str, str], dict[str, str]]:
    """Fuse every ``from_claims`` slot of ``case`` in place; raises ``FieldError`` naming the slot.

    Returns the requests as written (by place), the fusions (by place), the
    lineage label of every claim, and the claims left out because their reading
    is outside the slot's plausible range (claim id -> why). A slot whose claims
    are all left out is an error of the file.
    """
    requests: dict[str, tuple[SlotPlace, DistSpec]] = {}
    fused_by_place: dict[str, Fused] = {}
    unusable: dict[str, str] = {}
    resolved = case.resolved_claims()
    lineages = detect_lineages(resolved)
    by_id = {c.id: c for c in resolved}
    for place, spec in slot_places(case):
        if not spec.from_claims:
            continue
        where = place.where
        requests[where] = (place, spec)
        quantity = spec.quantity or place.quantity
        if spec.claims:
            missing = [cid for cid in spec.claims if cid not in by_id]
            if missing:
                raise FieldError(
                    f"{where}.claims",
                    f"{where} cites claim '{missing[0]}', which is not in [[claims]]",
                    "add the claim to [[claims]] or remove its id",
                )
            chosen = [by_id[cid] for cid in spec.claims]
        else:
            if quantity not in QUANTITIES:
                raise FieldError(
                    f"{where}.quantity",
                    f"'{quantity}' is not a claim quantity",
                    f"set quantity to one of: {', '.join(QUANTITIES)}",
                )
            chosen = [c for c in resolved if c.quantity == quantity]
        chosen = [c for c in chosen if c.status in ("accepted", "edited") and c.id not in spec.exclude]
        if not chosen:
            raise FieldError(
                where,
                f"from_claims found no accepted claims about '{quantity}'",
                "add or accept claims, or write the distribution by hand",
            )
        usable = []
        for c in chosen:
            why = claim_problem(c, place)
            if why is None:
                usable.append(c)
            else:
                unusable[c.id] = why
        if not usable:
            raise FieldError(
                where,
                f"no claim about '{quantity}' can be used: {unusable[chosen[0].id]}",
                "correct or reject those claims, or write the distribution by hand",
            )
        try:
            fused = fuse(
                usable,
                place.kind,
                place.unit,
                reliability=case.reliability,
                lineages=lineages,
                spread=case.source_spread,
            )
            fused.spec.to_distribution(place.kind)
        except (ValueError, ArithmeticError) as e:
            raise FieldError(where, f"{where}: {e}") from None
        note = spec.note or f"Fused from {len(fused.lineages)} lineage(s) of claims."
        fused_by_place[where] = fused
        case.place(place, fused.spec.model_copy(update={"note": note}))
    return requests, fused_by_place, lineages, unusable


def unfused(data: dict[str, Any], requests: Iterable[tuple[SlotPlace, DistSpec]]) -> dict[str, Any]:
    """A case's plain data (``model_dump``) with each fused slot put back as its ``from_claims`` request."""
    for place, spec in requests:
        raw = spec.model_dump()
        if place.section == "parameters":
            data["parameters"][place.key] = raw
        elif place.section == "waves":
            wave = next((w for w in data["deployment"]["waves"] if w["name"] == place.key), None)
            if wave is not None:  # a wave added by a claim of arrivals is not written: it comes back by itself
                wave[place.field] = raw
        elif place.section == "counts":
            next(c for c in data["casualty_counts"] if c["kind"] == place.key)["count"] = raw
        elif place.section in ("roles", "phases", "forecast"):
            table, k = entry_of(data, place)
            table[k] = raw
        else:
            next(r for r in data["pay_by_rank"] if r["rank"] == place.key)["pay"] = raw
    return data
