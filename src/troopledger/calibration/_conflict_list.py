"""Citable conflicts: overlapping contradiction sets grouped into a short list, one per suspect.

The minimal sets of :func:`~troopledger.calibration.find_contradictions` overlap
heavily: one wrong claim makes a set with nearly every claim it touches through the
model. A **conflict** gathers every set that names the same claim most likely wrong
(its suspect), with the arithmetic of its most improbable smallest set, the claims it
sets the suspect against, and the sets it covers, so a reader can cite "r01 against
r05, r06 and ten more" instead of reading twenty sets. No set is dropped: every set
belongs to exactly one conflict, and a scan that stopped at its limit says how many
sets it found (:class:`ContradictionScan`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from troopledger.calibration._contradictions import Contradiction

__all__ = ["Conflict", "ContradictionScan", "group_conflicts"]


@dataclass(frozen=True)
class Conflict:
    """Every contradiction set with one suspect: the suspect, its arithmetic and the sets it covers."""

    suspect: str | None  # the claim most likely wrong in each of its sets (None: no suspect could be named)
    wrong_probability: float | None  # the suspect's probability of being wrong
    against: tuple[str, ...]  # the other claims of its sets, most often first
    sets: tuple[tuple[str, ...], ...]  # the sets it covers, most improbable first
    statistic: float  # the most improbable set's log ratio
    explanation: str  # the arithmetic of its most improbable smallest set
    kinds: tuple[str, ...]  # kinds of the sets it covers ("arithmetic", "disagreement", "statement")
    assumptions: tuple[
        str, ...
    ] = ()  # structural assumptions the suspect is a misfit of (then they, not it, are named)

    def as_dict(self) -> dict[str, object]:
        """The JSON form of the report's ``conflicts`` list."""
        return {
            "suspect": self.suspect,
            "wrong_probability": self.wrong_probability,
            "against": list(self.against),
            "sets": [list(s) for s in self.sets],
            "set_count": len(self.sets),
            "statistic": self.statistic,
            "explanation": self.explanation,
            "kinds": list(self.kinds),
            "assumptions": list(self.assumptions),
        }


@dataclass(frozen=True)
class ContradictionScan:
    """The contradiction sets a scan reports, and how many it found (more when it stopped at its limit)."""

    contradictions: tuple[Contradiction, ...]
    found: int  # minimal sets found; more than reported when the scan was cut
    limit: int  # most scan sets reported (the most improbable)

    @property
    def cut(self) -> bool:
        """True when sets were found beyond the limit and left out."""
        return self.found > len(self.contradictions)


def group_conflicts(
    sets: Sequence[Contradiction], misfits: Mapping[str, Sequence[str]] | None = None
) -> list[Conflict]:
    """Group contradiction sets by their suspect, most improbable conflict first; every set lands in one.

    ``misfits`` (claim id -> structural assumptions it is a misfit of) names, for a suspect the
    model cannot follow with other lineages, the assumption to blame instead of the source.
    """
    groups: dict[str | None, list[Contradiction]] = {}
    for c in sets:
        groups.setdefault(c.most_likely_wrong, []).append(c)
    out = []
    for suspect, members in groups.items():
        members = sorted(members, key=lambda c: (c.statistic, c.claims))
        counts: dict[str, int] = {}
        for c in members:
            for claim in c.claims:
                if claim != suspect:
                    counts[claim] = counts.get(claim, 0) + 1
        against = tuple(sorted(counts, key=lambda k: (-counts[k], k)))
        smallest = min(len(c.claims) for c in members)
        cite = next(c for c in members if len(c.claims) == smallest)
        probs = [c.wrong_probability for c in members if c.wrong_probability is not None]
        out.append(
            Conflict(
                suspect,
                max(probs) if probs else None,
                against,
                tuple(c.claims for c in members),
                members[0].statistic,
                cite.explanation,
                tuple(dict.fromkeys(c.kind for c in members)),
                tuple((misfits or {}).get(suspect or "", ())),
            )
        )
    return sorted(out, key=lambda c: (c.statistic, c.suspect or ""))
