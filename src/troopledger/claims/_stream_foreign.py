"""The ledger's streams in the languages with a pack: a coarse ``other:`` count or wage made a ledger quantity.

The pack-driven reader labels shells, containers, missiles, workers, barrels and tonnes
coarsely (``other:munitions``, ``other:overseas_workers``, ``other:oil``, ``other:tons``); the
nouns of the pack's stream cue groups (``shells``, ``containers``, ``missiles``, ``barrels``,
``rice``, ``flour``) then name the ledger quantity of ``_stream_quantities``, with its unit.
What no stream noun places keeps its coarse label.
"""

from __future__ import annotations

from troopledger.claims._cues import Context, find_cue
from troopledger.claims._stream_quantities import STREAM_QUANTITIES

__all__ = ["STREAM_KINDS", "foreign_stream", "foreign_wage"]

#: The cue groups of a pack that name what a ledger count counts.
STREAM_KINDS = ("shells", "containers", "missiles", "barrels", "rice", "flour")


def _head(ctx: Context, kinds: tuple[str, ...]) -> str | None:
    """The stream group whose noun comes first after the figure (its head noun), else the nearest before it."""
    after, before = ctx.after(40), ctx.before(40)
    best: tuple[int, str] | None = None
    for kind in kinds:
        for w in ctx.pack.cue(kind):
            i = find_cue(after, w, ctx.pack)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, kind)
    if best is not None:
        return best[1]
    for kind in kinds:
        for w in ctx.pack.cue(kind):
            j = find_cue(before, w, ctx.pack, last=True)
            if j >= 0 and (best is None or len(before) - j < best[0]):
                best = (len(before) - j, kind)
    return None if best is None else best[1]


def foreign_stream(label: str, ctx: Context) -> tuple[str, str]:
    """(quantity, unit) of a count labelled ``label``: a ledger quantity where a stream noun places it."""
    if label in ("other:munitions", "other:oil", "other:tons"):
        kind = _head(ctx, STREAM_KINDS)
        q = None
        if kind == "shells":
            q = "artillery_rounds_shipped"
        elif kind == "containers":
            q = "ammunition_containers"
        elif kind == "missiles" and (ctx.near("north_korea") or ctx.anywhere("north_korea")):
            q = "ballistic_missiles_transferred"  # North Korea's missiles; Russia's own stay other:munitions
        elif kind == "barrels":
            q = "refined_oil_to_nk"
        elif kind == "rice" and label == "other:tons":
            q = "rice_to_nk"
        elif kind == "flour" and label == "other:tons":
            q = "flour_exported_to_nk"
        if q is not None:
            return q, STREAM_QUANTITIES[q][1]
        return label, ""
    if label == "other:overseas_workers":
        q = "overseas_workers_dispatched" if ctx.near("wave") else "overseas_workers_in_russia"
        return q, STREAM_QUANTITIES[q][1]
    return label, ""


def foreign_wage(label: str, period: str) -> str:
    """A worker's wage a month (``other:worker_wage``) is the ledger's ``overseas_worker_wage_month``."""
    return "overseas_worker_wage_month" if label == "other:worker_wage" and period == "month" else label
