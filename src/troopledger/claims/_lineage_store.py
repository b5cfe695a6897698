"""Stored lineages: each claim's detected lineage label, kept in the ledger as claims are written.

``claims list`` reads the label from the ``detected`` column instead of running
detection over every claim. Adding a few claims updates only the groups they join
(the candidates are found through an index on the figure); a large import, a
replaced or edited claim, or a hand merge or split detects the quantity's claims
again. Either way the stored labels equal what :func:`detect_lineages` gives for
the ledger's claims, quantity by quantity (a property test checks it). Every
statement that sets a label sets the row's checksum with it (``_ledger_checksum``),
so a label changed behind the ledger's back is refused on open like any field.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from troopledger.claims._ledger_checksum import claim_checksum_sql
from troopledger.claims._lineage import AUTO, LINEAGE_REL_TOL, detect_lineages, same_statement
from troopledger.claims._summary import COLUMNS_SQL, ClaimSummary, summary_from_row

__all__ = ["CANDIDATE_LIMIT", "FREE_SQL", "INCREMENTAL_LIMIT", "closed_label", "place_new", "redetect"]

#: A write adding more new claims than this detects their quantities' lineages afresh.
INCREMENTAL_LIMIT = 200
#: A new claim with more candidates than this (claims of its quantity with a close figure) redetects instead.
CANDIDATE_LIMIT = 10_000
#: SQL condition: the claim's lineage is not set by hand, so detection may group it.
FREE_SQL = "(lineage IS NULL OR lineage = '' OR substr(lineage, 1, 5) = 'auto:')"
#: Summary columns plus the stored label (the row's last column).
_ROWS_SQL = COLUMNS_SQL.replace(" FROM claims", ", detected FROM claims")
#: Set the label (parameter 1) of the rows a WHERE clause appended to this picks, and their checksums.
_SET_LABEL = f"UPDATE claims SET detected = ?1, checksum = {claim_checksum_sql('?1')}"


def closed_label(c: ClaimSummary) -> str | None:
    """The claim's hand-set lineage label, or None when detection groups it."""
    return c.lineage if c.lineage and not c.lineage.startswith(AUTO) else None


def redetect(db: sqlite3.Connection, path: str, quantities: Iterable[str]) -> int:
    """Detect the lineages of every claim of ``quantities`` and store the labels that changed; how many did."""
    changed = 0
    for quantity in sorted(set(quantities)):
        rows = db.execute(f"{_ROWS_SQL} AND quantity = ? ORDER BY id", (quantity,)).fetchall()
        relays: dict[str, tuple[str, ...]] = {}
        claims = [summary_from_row(path, row, relays) for row in rows]
        labels = detect_lineages(claims)
        updates = [(labels[c.id], c.id) for c, row in zip(claims, rows, strict=True) if row[-1] != labels[c.id]]
        db.executemany(f"{_SET_LABEL} WHERE id = ?", updates)
        changed += len(updates)
    return changed


def _unlabelled(db: sqlite3.Connection, path: str, claim_id: str) -> ClaimSummary | None:
    row = db.execute(f"{_ROWS_SQL} AND id = ?", (claim_id,)).fetchone()
    return None if row is None or row[-1] is not None else summary_from_row(path, row)


def _figure_range(anchor: float) -> tuple[float, float]:
    """Figures within the lineage tolerance of ``anchor`` lie inside this interval."""
    ends = (anchor * (1 - LINEAGE_REL_TOL), anchor / (1 - LINEAGE_REL_TOL))
    return min(ends) - 1e-12, max(ends) + 1e-12


def _place(db: sqlite3.Connection, path: str, c: ClaimSummary) -> bool:
    """Give one new claim its label, joining the groups it relays; False if it has too many candidates."""
    hand = closed_label(c)
    if hand is not None:
        db.execute(f"{_SET_LABEL} WHERE id = ?", (hand, c.id))
        return True
    anchor = next((x for x in (c.value, c.low, c.high) if x is not None), None)
    near, args = "COALESCE(value, low, high) IS NULL", list[object]((c.quantity, c.id))
    if anchor is not None:
        near = "COALESCE(value, low, high) BETWEEN ? AND ?"
        args.extend(_figure_range(anchor))
    rows = db.execute(
        f"{_ROWS_SQL} AND quantity = ? AND id != ? AND detected IS NOT NULL AND {FREE_SQL} AND {near}"
        f" LIMIT {CANDIDATE_LIMIT + 1}",
        args,
    ).fetchall()
    if len(rows) > CANDIDATE_LIMIT:
        return False
    relayed = {row[-1] for row in rows if same_statement(c, summary_from_row(path, row))}
    if not relayed:
        db.execute(f"{_SET_LABEL} WHERE id = ?", (c.id, c.id))
        return True
    # each group's head is in its label (auto:HEAD, or a lone claim's own id): no need to read its members
    heads = {label: label.removeprefix(AUTO) for label in relayed}
    marks = ", ".join("?" * len(heads))
    found = db.execute(f"SELECT id, COALESCE(reported, '9999') FROM claims WHERE id IN ({marks})", [*heads.values()])
    dates = dict(found.fetchall())
    head = min((dates.get(h, "9999"), h) for h in heads.values())
    head = min(head, (c.published or "9999", c.id))[1]
    label = AUTO + head
    others = [lab for lab in relayed if lab != label]
    if others:
        marks = ", ".join("?" * len(others))
        db.execute(
            f"{_SET_LABEL} WHERE quantity = ? AND detected IN ({marks}) AND {FREE_SQL}",
            (label, c.quantity, *others),
        )
    db.execute(f"{_SET_LABEL} WHERE id = ?", (label, c.id))
    return True


def place_new(db: sqlite3.Connection, path: str, ids: list[str]) -> None:
    """Label claims just written (``detected`` still NULL), incrementally or by redetecting their quantity.

    Labels of the form ``auto:...`` can collide with a claim id of that form, so a
    ledger holding such ids is always redetected.
    """
    if not ids:
        return
    odd = db.execute("SELECT 1 FROM claims WHERE id >= 'auto:' AND id < 'auto;' LIMIT 1").fetchone()
    if odd is not None or len(ids) > INCREMENTAL_LIMIT:
        quantities = db.execute("SELECT DISTINCT quantity FROM claims WHERE detected IS NULL").fetchall()
        redetect(db, path, [q for (q,) in quantities])
        return
    for cid in ids:
        c = _unlabelled(db, path, cid)
        if c is not None and not _place(db, path, c):
            redetect(db, path, [c.quantity])
