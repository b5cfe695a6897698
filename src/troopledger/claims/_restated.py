"""One statement told twice in an article, read once (LABELS rule 4) by the pack-driven reader.

A bare figure that restates a bound or a range end of the same count is dropped; an amount left
``other:amount`` takes the label its repeat has; a troop figure restated without its context takes
the specific label (wave, running total) its context gave it elsewhere.
"""

from __future__ import annotations

from typing import NamedTuple

from troopledger.claims._record import Claim

__all__ = ["TROOP_LABELS", "Whole", "listed_part", "range_ends_restated", "repeats_labelled", "troop_repeats"]


def range_ends_restated(claims: list[Claim]) -> list[Claim]:
    """Drop a bare figure that restates a range end or a bound of the same quantity and speaker (rule 4).

    "more than 1 million shells" in the lead and "a million shells" in a caption are one claim: the
    bounded one is kept.
    """
    ends = {
        (c.quantity, c.currency, c.speaker, x)
        for c in claims
        if c.low is not None and c.high is not None
        for x in (c.low, c.high)
    }
    # a bounded count restated bare is one statement whoever the sentence's speaker came out as ("mais de 300
    # mortos" ... "os 300 mortos"): counts of 100 or more, whose repeats are not chance
    bounded = {
        (c.quantity, c.currency, who, c.low if c.low is not None else c.high)
        for c in claims
        if (c.low is None) != (c.high is None)
        for who in ((c.speaker, "") if c.unit.startswith("persons") and (c.low or c.high or 0) >= 100 else (c.speaker,))
    }
    return [
        c
        for c in claims
        if c.value is None
        or not (
            {(c.quantity, c.currency, c.speaker, c.value), (c.quantity, c.currency, "", c.value)} & (ends | bounded)
        )
    ]


def repeats_labelled(claims: list[Claim]) -> list[Claim]:
    """An amount left ``other:amount`` takes the label the same amount has elsewhere in the article."""
    labels: dict[tuple[str, float | None, float | None, float | None], str] = {}
    for c in claims:
        if c.quantity != "other:amount":
            labels.setdefault((c.currency, c.value, c.low, c.high), c.quantity)
    out = []
    for c in claims:
        key = (c.currency, c.value, c.low, c.high)
        if c.quantity == "other:amount" and key in labels:
            c = c.model_copy(update={"quantity": labels[key], "note": (c.note + "; label of its repeat").lstrip("; ")})
        out.append(c)
    return out


_SPECIFIC = ("troops_per_rotation", "cumulative_troops")
TROOP_LABELS = ("troops_deployed", *_SPECIFIC)


def troop_repeats(claims: list[Claim]) -> list[Claim]:
    """A troop figure restated without its context takes the label its context gave it elsewhere in the article.

    "12,000 to be dispatched" in the lead and a bare "12,000 troops" later are one wave; only when the
    article gives the same figure one specific label (a wave or a running total) is it applied.
    """
    specific: dict[tuple[float | None, float | None, float | None], set[str]] = {}
    for c in claims:
        if c.quantity in _SPECIFIC:
            specific.setdefault((c.value, c.low, c.high), set()).add(c.quantity)
    out = []
    for c in claims:
        labels = specific.get((c.value, c.low, c.high), set())
        if c.quantity == "troops_deployed" and len(labels) == 1:
            c = c.model_copy(
                update={"quantity": next(iter(labels)), "note": "label of the figure told with its context"}
            )
        out.append(c)
    return out


class Whole(NamedTuple):
    """A sentence's last troop figure: its label, value and end, and the parts listed after it so far."""

    label: str
    value: float
    end: int
    parts: float = 0.0


def listed_part(
    low: str, label: str | None, whole: Whole | None, start: int, end: int, hi: float
) -> tuple[str | None, Whole | None]:
    """The label of a troop figure listed as part of the sentence's last whole, and the whole after it.

    "6.000 Soldaten schicken: 1.000 Pioniere und 5.000 Bauarbeiter": parts listed after the colon that
    closes the whole's clause take its label while they add up to no more than the whole. A running
    total's parts are waves, each labelled on its own.
    """
    if label not in TROOP_LABELS:
        return label, whole
    colon = low.find(":", whole.end, start) if whole is not None else -1
    if whole is None or colon < 0 or any(ch.isdigit() for ch in low[whole.end : colon]):
        return label, Whole(label, hi, end)  # not listed after a whole: this figure may be one
    if whole.label != "cumulative_troops" and whole.parts + hi <= whole.value:
        return whole.label, whole._replace(parts=whole.parts + hi)
    return label, whole
