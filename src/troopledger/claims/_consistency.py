"""One figure, one meaning: labels made consistent across a sentence and across an article.

Real articles repeat a figure (headline and body, a wave's size in two paragraphs,
"the figure at 2,000"); the extractor reads each sentence alone, so these passes give
the repeats the label the article gave the figure where it said what it was.
"""

from __future__ import annotations

from troopledger.claims._record import Claim

__all__ = ["casualties_against_wounded", "consistent_figures"]


def casualties_against_wounded(claims: list[Claim], first: int) -> None:
    """ "600 casualties and almost 5,000 wounded": casualties set against a wounded figure mean the dead."""
    mine = claims[first:]
    kinds = {c.quantity for c in mine}
    if "casualties_total" in kinds and "casualties_wounded" in kinds and "casualties_killed" not in kinds:
        totals = [c for c in mine if c.quantity == "casualties_total"]
        wounded = max((c.central or 0.0) for c in mine if c.quantity == "casualties_wounded")
        for c in totals:
            if (c.central or 0.0) < wounded:
                i = claims.index(c)
                claims[i] = c.model_copy(
                    update={
                        "quantity": "casualties_killed",
                        "note": "casualties set against a wounded figure: the dead",
                    }
                )


def consistent_figures(claims: list[Claim]) -> list[Claim]:
    """One figure, one meaning in an article.

    A troop count the article elsewhere calls a total sent, or one wave, is labelled so
    everywhere; a bare count ("the figure at 2,000") or an amount stated again takes
    the label the same figure got where the article first said what it was.
    """
    cumulative = {c.central for c in claims if c.quantity == "cumulative_troops"}
    waves = {c.central for c in claims if c.quantity == "troops_per_rotation"}
    first: dict[tuple[float | None, str, str], str] = {}
    for c in claims:
        if not c.quantity.startswith("other:count") and not c.quantity.startswith("other:amount"):
            first.setdefault((c.central, c.unit.split("/")[0], c.currency), c.quantity)
    out = []
    for c in claims:
        label = first.get((c.central, c.unit.split("/")[0], c.currency), c.quantity)
        if c.quantity == "troops_deployed" and c.central in cumulative:
            c = c.model_copy(update={"quantity": "cumulative_troops", "note": "same figure as a total sent elsewhere"})
        elif c.quantity == "troops_deployed" and c.central in waves:
            c = c.model_copy(update={"quantity": "troops_per_rotation", "note": "same figure as a wave elsewhere"})
        elif label != c.quantity and (
            c.quantity in ("other:count", "other:amount") or c.unit.startswith(("USD", c.currency))
        ):
            c = c.model_copy(
                update={
                    "quantity": label,
                    "note": (c.note + "; " if c.note else "") + "label of the same figure earlier",
                }
            )
        out.append(c)
    return out
