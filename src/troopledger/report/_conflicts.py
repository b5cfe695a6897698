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
from dataclasses import dataclass
from typing import Any

__all__ = ["ShownConflict", "claim_words", "conflicts", "sets_cut"]


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

    def describe(self, claims: dict[str, dict[str, Any]]) -> str:
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


def claim_words(cid: str, claims: dict[str, dict[str, Any]]) -> str:
    """``speaker on quantity (stated)`` for a claim id, or the id itself if the report lacks the claim."""
    c = claims.get(cid)
    if not c:
        return cid
    quantity = str(c.get("quantity") or "").replace("_", " ")
    stated = f" ({c['stated']})" if c.get("stated") else ""
    return f"{c.get('speaker') or 'an unnamed source'} on {quantity}{stated}"


def _times(statistic: Any) -> float | None:
    if not isinstance(statistic, int | float) or not math.isfinite(statistic) or statistic < -700:
        return None
    return math.exp(-statistic) if statistic < 0 else 1.0


def _given(rows: list[dict[str, Any]]) -> list[ShownConflict]:
    """The calibration's own conflicts, as the report object carries them."""
    out = []
    for c in rows:
        ids = [str(i) for s in c.get("sets") or [] for i in s]
        suspect = str(c.get("suspect") or (ids[0] if ids else "?"))
        prob = c.get("wrong_probability")
        out.append(
            ShownConflict(
                suspect=suspect,
                wrong_probability=float(prob) if isinstance(prob, int | float) else None,
                against=tuple(str(a) for a in c.get("against") or []),
                sets=int(c.get("set_count") or len(c.get("sets") or [])),
                kinds=tuple(str(k) for k in c.get("kinds") or []),
                explanation=str(c.get("explanation", "")),
                times_less_probable=_times(c.get("statistic")),
                assumptions=tuple(str(a) for a in c.get("assumptions") or []),
            )
        )
    return out


def conflicts(p: dict[str, Any]) -> list[ShownConflict]:
    """The payload's conflicts (or its contradiction sets grouped by suspect), the most improbable first."""
    if p.get("conflicts"):
        return _given(list(p["conflicts"]))
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in p.get("contradictions") or []:
        ids = [str(i) for i in c.get("claims", [])]
        if not ids:
            continue
        groups.setdefault(str(c.get("most_likely_wrong") or ids[0]), []).append(c)
    out = []
    for suspect, sets in groups.items():
        others = dict.fromkeys(str(i) for c in sets for i in c.get("claims", []) if str(i) != suspect)
        probs = [float(c["wrong_probability"]) for c in sets if isinstance(c.get("wrong_probability"), int | float)]
        first = sets[0]
        times = first.get("times_less_probable")
        out.append(
            ShownConflict(
                suspect=suspect,
                wrong_probability=max(probs) if probs else None,
                against=tuple(others),
                sets=len(sets),
                kinds=tuple(dict.fromkeys(str(c.get("kind", "")) for c in sets if c.get("kind"))),
                explanation=str(first.get("explanation", "")),
                times_less_probable=float(times) if isinstance(times, int | float) and math.isfinite(times) else None,
            )
        )
    return out


def sets_cut(p: dict[str, Any]) -> str:
    """ " The scan found N sets; the M most improbable are shown." when the list was cut, else ""."""
    shown = len(p.get("contradictions") or [])
    found = p.get("contradictions_found")
    if not isinstance(found, int) or found <= shown:
        return ""
    return f" The scan found {found} sets; the {shown} most improbable are shown."
