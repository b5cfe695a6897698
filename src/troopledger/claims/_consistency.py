"""One figure, one meaning: labels made consistent across a sentence and across an article.

Real articles repeat a figure (headline and body, a wave's size in two paragraphs,
"the figure at 2,000"); the extractor reads each sentence alone, so these passes give
the repeats the label the article gave the figure where it said what it was.
"""

from __future__ import annotations

import re

from troopledger.claims._record import Claim
from troopledger.claims._stream_labels import stream_part
from troopledger.claims._stream_quantities import STREAM_QUANTITIES

__all__ = ["bare_counts", "casualties_against_wounded", "consistent_figures", "elided_amounts"]

#: Subtypes that say nothing of what is counted.
_BARE = frozenset(["other:count", "other:amount", "other:share", "other:multiple", "other:duration"])
#: A sentence that opens by pointing back at a figure: "This figure rose from ...", "The total reached ...".
_POINTS_BACK = re.compile(r"^(?:This|That|The)\s+(?:figure|number|total|count|tally)\b")


_TROOPS = frozenset(["troops_per_rotation", "troops_deployed", "cumulative_troops"])
#: A count given as the number of people named before by a pronoun: "their number could reach 15,000".
_THEIR_NUMBER = re.compile(r"\b(?:their|its)\s+(?:\w+\s+)?(?:numbers?|strength|headcount)\b[^.;\d]{0,60}$", re.I)
#: Between two coordinated figures: the first one's clause, then "and" and a hedge ("... and about").
_AND_NEXT = re.compile(r"^[^.;:()]{0,60}?\band\s+(?:about|around|roughly|some|nearly|almost|another|over)?\s*$")


def _coordinated(text: str, first: str, second: str) -> bool:
    """Whether ``second`` follows ``first`` in ``text`` joined by "and" with no verb of its own before it."""
    a = text.find(first) if first else -1
    b = text.find(second, a + len(first)) if a >= 0 and second else -1
    return a >= 0 and b > a and _AND_NEXT.match(text[a + len(first) : b]) is not None


#: A bare count named as the total after a troop figure: "bringing the total to", "for a total of", "in all".
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|overall\s+(?:number|count|figure|tally)|tally|aggregate)\b[^.;\d]{0,25}$|\bin\s+all\b[^.;\d]{0,12}$"
)


def _totalled(text: str, first: str, second: str) -> bool:
    """Whether ``second`` follows ``first`` in ``text`` as their total ("…, bringing the total to around 14,000")."""
    a = text.find(first) if first else -1
    b = text.find(second, a + len(first)) if a >= 0 and second else -1
    return a >= 0 and b > a and _TOTAL_BEFORE.search(text[a + len(first) : b]) is not None


#: Per-soldier money a list goes on with: "privates $2,800 a month, ... and commanders up to $5,000".
_PER_SOLDIER_MONEY = frozenset(["pay_per_soldier_month", "soldier_take_home", "non_combat_pay", "death_compensation"])
#: What stands between a per-soldier amount and the next one of a list: a comma or "and", a rank, a bound.
_LIST_NEXT = re.compile(
    r"(?:,|\band\b)\s+(?:[a-z][\w-]*\s+){0,3}(?:up\s+to|about|around|some|roughly|as\s+much\s+as|at\s+least|only|just)?"
    r"\s*(?:US)?[$€£₩₽]?\s*$"
)


def elided_amounts(claims: list[Claim]) -> list[Claim]:
    """An amount with no words of its own that goes on a list of per-soldier pay ("privates are paid $2,800 a
    month, and commanders up to $5,000") is the same quantity, for the same period."""
    out = list(claims)
    for i, c in enumerate(claims):
        if c.quantity != "other:amount" or i == 0:
            continue
        prev = out[i - 1]
        if prev.span != c.span or prev.quantity not in _PER_SOLDIER_MONEY or prev.currency != c.currency:
            continue
        a = c.text.find(prev.stated) if prev.stated else -1
        b = c.text.find(c.stated, a + len(prev.stated)) if a >= 0 and c.stated else -1
        gap = c.text[a + len(prev.stated) : b] if b > a else ""
        if b > a and len(gap) < 90 and ";" not in gap and _LIST_NEXT.search(gap):
            note = (c.note + "; " if c.note else "") + "goes on the list of the figure before it"
            out[i] = c.model_copy(update={"quantity": prev.quantity, "unit": prev.unit, "period": prev.period,
                                          "note": note})  # fmt: skip
    return out


def _counted(c: Claim) -> bool:
    """Whether ``c`` counts people or things a bare count after it may count too."""
    return c.unit == "persons" or (c.quantity in STREAM_QUANTITIES and STREAM_QUANTITIES[c.quantity][0] == "count")


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
    first: dict[tuple[float | None, str, str], tuple[str, str]] = {}
    for c in claims:
        if not c.quantity.startswith("other:count") and not c.quantity.startswith("other:amount"):
            first.setdefault((c.central, c.unit.split("/")[0], c.currency), (c.quantity, c.speaker))
    out = []
    for c in claims:
        label, said_by = first.get((c.central, c.unit.split("/")[0], c.currency), (c.quantity, c.speaker))
        if c.quantity == "troops_deployed" and c.central in cumulative:
            c = c.model_copy(update={"quantity": "cumulative_troops", "note": "same figure as a total sent elsewhere"})
        elif c.quantity == "troops_deployed" and c.central in waves:
            c = c.model_copy(update={"quantity": "troops_per_rotation", "note": "same figure as a wave elsewhere"})
        elif label != c.quantity and (
            c.quantity in ("other:count", "other:amount")
            or (c.unit.startswith(("USD", c.currency)) and said_by == c.speaker)  # a restatement, not a new figure
        ):
            c = c.model_copy(
                update={
                    "quantity": label,
                    "note": (c.note + "; " if c.note else "") + "label of the same figure earlier",
                }
            )
        out.append(c)
    return out


def bare_counts(claims: list[Claim]) -> list[Claim]:
    """A count with nothing counted after it ("the total could exceed 50,000") counts what the count before it
    in the same sentence counts; one in a sentence that opens "This figure ..." what the sentence before did."""
    out = list(claims)
    for i, c in enumerate(claims):
        if c.quantity != "other:count":
            continue
        same = [o for o in out[:i] if o.span == c.span and _counted(o) and o.quantity not in _BARE]
        label = same[-1].quantity if same else None
        if label in STREAM_QUANTITIES:  # a ledger count: "13,221 entered Russia, and 7,887 of them came to study"
            label = stream_part(label, c.text, c.stated)
            note = (c.note + "; " if c.note else "") + "counts what the figure before it counts"
            out[i] = c.model_copy(update={"quantity": label, "unit": STREAM_QUANTITIES[label][1], "note": note})
            continue
        if label is None and _POINTS_BACK.match(c.text) and c.span is not None:
            before = [o for o in out[:i] if o.span is not None and o.span[1] <= c.span[0] and _counted(o)]
            last = [o for o in before if o.span == before[-1].span] if before else []
            kinds = {o.quantity for o in last} - _BARE
            label = kinds.pop() if len(kinds) == 1 and not last[0].quantity.startswith(("troops", "cumul")) else None
        if (
            label is None
            and c.span is not None
            and ("their " in c.text or "its " in c.text or "Their " in c.text)
            and _THEIR_NUMBER.search(c.text[: c.text.find(c.stated)])
        ):
            # "Some 2,500 more are being trained. ... their number to reach 15,000": the troops counted before
            before = [o for o in out[:i] if o.span is not None and o.span[1] <= c.span[0] and _counted(o)]
            if before and before[-1].quantity in _TROOPS:
                note = (c.note + "; " if c.note else "") + "the number of the troops counted before"
                out[i] = c.model_copy(update={"quantity": "troops_deployed", "unit": before[-1].unit, "note": note})
                continue
        if label in STREAM_QUANTITIES:
            note = (c.note + "; " if c.note else "") + "counts what the figure before it counts"
            out[i] = c.model_copy(update={"quantity": label, "unit": STREAM_QUANTITIES[label][1], "note": note})
        elif label is not None and label.startswith("other:"):
            note = (c.note + "; " if c.note else "") + "counts what the figure before it counts"
            out[i] = c.model_copy(update={"quantity": label, "note": note})
        elif label in _TROOPS and _totalled(c.text, same[-1].stated, c.stated):
            # "3,000 were sent in January, bringing the total to 14,000": the total of the troops counted before
            note = (c.note + "; " if c.note else "") + "the total of the troop figure before it"
            out[i] = c.model_copy(update={"quantity": "cumulative_troops", "unit": same[-1].unit, "note": note})
        elif label in _TROOPS and _coordinated(c.text, same[-1].stated, c.stated):
            # "about 9,000 arrived from the autumn and about 4,000 since the spring": the same kind of figure
            note = (c.note + "; " if c.note else "") + "joined to the troop figure before it"
            out[i] = c.model_copy(update={"quantity": label, "unit": same[-1].unit, "note": note})
    return out
