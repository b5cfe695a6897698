"""Figures inside a scenario or a revision: whether a figure is a claim of its own, and what it revises.

"If 10,000 were sent, Pyongyang would earn $20 million a month": the 10,000 is the basis of
the speaker's arithmetic, not a claim (LABELS rule 2h); "raised its count to 2,000 from 600":
the 600 is the earlier value of the count before it and takes its label.
"""

from __future__ import annotations

import re

__all__ = ["arithmetic_basis", "revised_from"]

#: A condition clause at the start of a sentence or after a comma or "and": "If 10,000 were sent,", "Assuming ...,".
_CONDITION = re.compile(
    r"(?:^|[,;]\s+|\band\s+)(?:if|assuming|suppose|supposing|were|should|even\s+if)\s+(?P<c>(?:[^,;]|,(?=\d{3}))+?)(?=,\s)",
    re.I,
)
_RESULT = re.compile(r"\b(?:would|could|might)\b[^.;]*?(?:\d|\$)", re.I)
#: The main clause after a condition works out a figure: "…, Pyongyang takes in $288 million a year".
_WORKED_OUT = re.compile(r",\s+(?:[^,.;\d]{0,60}?)(?:[$€£₩]\s?)?\d", re.I)


def arithmetic_basis(sentence: str, start: int) -> bool:
    """Whether the figure at ``start`` is the basis of someone's arithmetic, not a claim (LABELS rule 2h):
    inside a condition whose main clause works out a figure ("If 10,000 were sent, Pyongyang would earn
    $20 million"). A condition with no worked-out figure ("if another 3,000 were sent") stays a claim."""
    low = sentence.lower()
    modal = "would" in low or "could" in low or "might" in low
    if not modal and " if " not in f" {low} " and "assum" not in low and "suppos" not in low:
        return False  # no worked-out figure, so no basis (the cheap test first)
    if " if " not in f" {low} " and not re.search(r"\b(?:assum|suppos|were|should)", low):
        return False
    for m in _CONDITION.finditer(sentence):
        if m.start("c") <= start < m.end("c"):
            if _RESULT.search(sentence, m.end("c")) is not None:
                return True
            # a present-tense sum: "If Moscow pays $2,000 a month for each of 12,000, Pyongyang takes in $288
            # million a year": the condition holds figures and the main clause works out one from them
            opener = re.match(r"(?:^|[,;]\s+|\band\s+)(?:if|assuming|suppose|supposing)\s", m.group(0), re.I)
            figures = len(re.findall(r"\d[\d,.]*", m.group("c")))
            return opener is not None and figures >= 2 and _WORKED_OUT.match(sentence, m.end("c")) is not None
    return False


#: "raised its count to 2,000 from 600": the figure after "from" is the earlier value of the one before it.
_FROM_AFTER = re.compile(
    r"(?:\bto\s+)?(?:about\s+|around\s+|some\s+|roughly\s+)?(\d[\d,.]*)\s+(?:[\w-]+[\s,]+){0,3}?"
    r"(?:(?:up|down)\s+)?from\s+(?:an?\s+|the\s+|its\s+)?(?:(?:earlier|previous|initial|prior|first)\s+)?"
    r"(?:(?:estimate|count|figure|tally)\s+of\s+)?(?:about\s+|around\s+|some\s+)?$"
)


def revised_from(sentence: str, start: int) -> tuple[int, int] | None:
    """The span of the figure a figure at ``start`` was revised to ("to 2,000 from 600" gives 2,000's), if any."""
    if "from" not in sentence[max(0, start - 50) : start]:
        return None
    m = _FROM_AFTER.search(sentence, max(0, start - 90), start)
    return (m.start(1), m.end(1)) if m else None
