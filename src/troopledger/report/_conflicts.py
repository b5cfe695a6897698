"""Contradiction sets grouped into conflicts for the reader: one paragraph per disputed claim.

The calibration finds minimal sets of claims that cannot all be true; many sets share
the claim most likely wrong and read nearly alike. A :class:`Conflict` gathers the
sets with one suspect: the claim, how likely it is wrong, every claim it clashes
with, how many sets, and the strongest set's explanation. Plain text, unescaped:
each renderer escapes for its own syntax.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = ["Conflict", "conflicts"]


@dataclass(frozen=True)
class Conflict:
    """The sets of claims that cannot all be true and share one suspect."""

    suspect: str  # the claim most likely wrong (the first claim of the set when none is named)
    wrong_probability: float | None
    against: tuple[str, ...]  # every other claim of these sets, in order of first appearance
    sets: int
    kinds: tuple[str, ...]
    explanation: str  # the strongest set's explanation
    times_less_probable: float | None  # of the strongest set

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


def claim_words(cid: str, claims: dict[str, dict[str, Any]]) -> str:
    """``speaker on quantity (stated)`` for a claim id, or the id itself if the report lacks the claim."""
    c = claims.get(cid)
    if not c:
        return cid
    quantity = str(c.get("quantity") or "").replace("_", " ")
    stated = f" ({c['stated']})" if c.get("stated") else ""
    return f"{c.get('speaker') or 'an unnamed source'} on {quantity}{stated}"


def conflicts(p: dict[str, Any]) -> list[Conflict]:
    """The payload's contradictions grouped by suspect, the most improbable group first."""
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
            Conflict(
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
