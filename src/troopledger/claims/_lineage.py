"""Lineages: claims that relay one original statement count once.

One intelligence briefing carried by five outlets is one piece of evidence, not
five. Two claims share a lineage when they are about the same quantity, give the
same figure, come from the same speaker (or one's speaker is a link in the other's
relay chain), and were published close together. A ``lineage`` set by hand
(``troopledger claims merge``/``split``) is kept and closed: detection never adds
to it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date

from troopledger.claims._record import Claim

__all__ = ["AUTO", "LINEAGE_DAYS", "LINEAGE_REL_TOL", "detect_lineages", "lineage_groups", "same_statement"]

#: Publication dates further apart than this (days) are separate statements.
LINEAGE_DAYS = 21
#: Prefix of the labels detection gives to groups of relays.
AUTO = "auto:"
#: Figures within this relative difference are the same figure.
LINEAGE_REL_TOL = 0.02

_PUNCT = re.compile(r"[^\w\s]")


def _name(text: str) -> str:
    words = _PUNCT.sub(" ", text.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _names(claim: Claim) -> set[str]:
    return {n for n in (_name(claim.speaker), _name(claim.organisation)) if n}


def _day(text: str | None) -> date | None:
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 15)


def _close(a: float | None, b: float | None, tol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=tol, abs_tol=1e-12)


def same_statement(a: Claim, b: Claim, *, days: int = LINEAGE_DAYS, rel_tol: float = LINEAGE_REL_TOL) -> bool:
    """Whether two claims look like relays of one original statement."""
    if a.quantity != b.quantity:
        return False
    if not all(_close(x, y, rel_tol) for x, y in ((a.value, b.value), (a.low, b.low), (a.high, b.high))):
        return False
    na, nb = _names(a), _names(b)
    related = bool(na & nb) or bool(na & {_name(v) for v in b.via}) or bool(nb & {_name(v) for v in a.via})
    if not related:
        return False
    if a.window_end and b.window_end and a.window_end != b.window_end:
        return False
    da, db = _day(a.source.date if a.source else None), _day(b.source.date if b.source else None)
    return da is None or db is None or abs((da - db).days) <= days


def _order(c: Claim) -> tuple[str, str]:
    return ((c.source.date if c.source else None) or "9999", c.id)


def detect_lineages(
    claims: Sequence[Claim], *, days: int = LINEAGE_DAYS, rel_tol: float = LINEAGE_REL_TOL
) -> dict[str, str]:
    """Map each claim id to its lineage label.

    A hand-set ``lineage`` closes a group: claims with the same label form it and
    nothing joins it automatically (``claims split`` sets a claim's own id). Other
    claims join (transitively) every free claim :func:`same_statement` accepts. A
    detected group is labelled ``auto:`` plus its earliest member's id; a claim
    alone is its own lineage, labelled with its id. Labels starting ``auto:`` on
    input count as not set, so detection can regroup them.
    """
    closed = {i: c.lineage for i, c in enumerate(claims) if c.lineage and not c.lineage.startswith(AUTO)}
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, lab in closed.items():
        parent[find(i)] = find(first.setdefault(lab, i))
    free = [i for i in range(len(claims)) if i not in closed]
    for a, i in enumerate(free):  # pairs of claims, not draws: ledgers hold hundreds, not millions
        for j in free[a + 1 :]:
            if find(i) != find(j) and same_statement(claims[i], claims[j], days=days, rel_tol=rel_tol):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(claims)):
        groups.setdefault(find(i), []).append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        hand = next((closed[i] for i in members if i in closed), None)
        head = min((claims[i] for i in members), key=_order).id
        name = hand or (f"{AUTO}{head}" if len(members) > 1 else head)
        out.update({claims[i].id: name for i in members})
    return {c.id: out[c.id] for c in claims}


def lineage_groups(claims: Sequence[Claim], **kwargs: int | float) -> dict[str, list[str]]:
    """Lineage label mapped to the ids of its claims, in the order the claims were given."""
    labels = detect_lineages(claims, **kwargs)  # type: ignore[arg-type]
    out: dict[str, list[str]] = {}
    for c in claims:
        out.setdefault(labels[c.id], []).append(c.id)
    return out
