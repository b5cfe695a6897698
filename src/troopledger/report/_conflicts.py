"""Contradiction sets shown as conflicts: one paragraph per disputed claim.

The calibration finds minimal sets of claims that cannot all be true; many sets share
the claim most likely wrong and read nearly alike. A :class:`ShownConflict` is what a
page shows of the sets with one suspect: the claim, how likely it is wrong, every
claim it clashes with, how many sets, and the strongest set's explanation. Where the
report object carries the calibration's own grouping (``conflicts``) it is shown as
it is; otherwise the sets are grouped here by their suspect. Plain text, unescaped:
each renderer escapes for its own syntax.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from troopledger.analysis import Conflict, Contradiction

if TYPE_CHECKING:
    from troopledger.report._payload import ClaimEntry, ReportPayload

__all__ = ["ShownConflict", "claim_words", "conflicts", "cut_note", "sets_cut"]


@dataclass(frozen=True)
class ShownConflict:
    """The sets of claims that cannot all be true and share one suspect, as a page shows them."""

    suspect: str  # the claim most likely wrong (the first claim of the set when none is named)
    wrong_probability: float | None
    against: tuple[str, ...]  # every other claim of these sets, in order of first appearance
    sets: int
    kinds: tuple[str, ...]
    explanation: str  # the strongest set's explanation
    times_less_probable: float | None  # of the strongest set
    assumptions: tuple[str, ...] = ()  # structural assumptions blamed instead of the suspect, if any

    def describe(self, claims: Mapping[str, ClaimEntry]) -> str:
        """The claim in words: who said what about which quantity."""
        return claim_words(self.suspect, claims)

    @property
    def doubt(self) -> str:
        """ ", 71% likely wrong" (", over 99% likely wrong" near certainty), or "" when no probability is known."""
        p = self.wrong_probability
        if p is None or not math.isfinite(p):
            return ""
        share = "over 99%" if p >= 0.995 else "under 1%" if p < 0.005 else f"{p:.0%}"
        return f", {share} likely wrong"

    @property
    def assumption_note(self) -> str:
        """A sentence naming the model's assumptions the suspect is a misfit of, or ""."""
        if not self.assumptions:
            return ""
        return f" The model's own assumption may be at fault rather than the source: {'; '.join(self.assumptions)}."


def claim_words(cid: str, claims: Mapping[str, ClaimEntry]) -> str:
    """``speaker on quantity (stated)`` for a claim id, or the id itself if the report lacks the claim."""
    entry = claims.get(cid)
    if entry is None:
        return cid
    c = entry.claim
    quantity = (c.quantity or "").replace("_", " ")
    stated = f" ({c.stated})" if c.stated else ""
    return f"{c.speaker or 'an unnamed source'} on {quantity}{stated}"


def _times(statistic: Any) -> float | None:
    if not isinstance(statistic, int | float) or not math.isfinite(statistic) or statistic < -700:
        return None
    return math.exp(-statistic) if statistic < 0 else 1.0


def _given(rows: Sequence[Conflict]) -> list[ShownConflict]:
    """The calibration's own conflicts, as the report object carries them."""
    out = []
    for c in rows:
        ids = [i for s in c.sets for i in s]
        prob = c.wrong_probability
        out.append(
            ShownConflict(
                suspect=c.suspect or (ids[0] if ids else "?"),
                wrong_probability=float(prob) if isinstance(prob, int | float) else None,
                against=tuple(c.against),
                sets=len(c.sets),
                kinds=tuple(c.kinds),
                explanation=c.explanation,
                times_less_probable=_times(c.statistic),
                assumptions=tuple(c.assumptions),
            )
        )
    return out


def conflicts(p: ReportPayload) -> list[ShownConflict]:
    """The payload's conflicts (or its contradiction sets grouped by suspect), the most improbable first."""
    if p.conflicts:
        return _given(p.conflicts)
    groups: dict[str, list[Contradiction]] = {}
    for c in p.contradictions:
        if not c.claims:
            continue
        groups.setdefault(c.most_likely_wrong or c.claims[0], []).append(c)
    out = []
    for suspect, sets in groups.items():
        others = dict.fromkeys(i for c in sets for i in c.claims if i != suspect)
        probs = [float(c.wrong_probability) for c in sets if isinstance(c.wrong_probability, int | float)]
        first = sets[0]
        times = first.as_dict().get("times_less_probable")
        out.append(
            ShownConflict(
                suspect=suspect,
                wrong_probability=max(probs) if probs else None,
                against=tuple(others),
                sets=len(sets),
                kinds=tuple(dict.fromkeys(c.kind for c in sets if c.kind)),
                explanation=first.explanation,
                times_less_probable=float(times) if isinstance(times, int | float) and math.isfinite(times) else None,
            )
        )
    return out


def sets_cut(p: ReportPayload) -> str:
    """ " The scan found N sets; the M most improbable are shown." when the list was cut, else ""."""
    return cut_note(len(p.contradictions), p.contradictions_found)


def cut_note(shown: int, found: int) -> str:
    """The note for a list of ``shown`` sets of the ``found`` the scan found ("" when none was left out)."""
    if found <= shown:
        return ""
    return f" The scan found {found} sets; the {shown} most improbable are shown."
