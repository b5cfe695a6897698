"""The ledger's SQLite schema: its versions, the steps between them and the columns kept beside each record.

Each claim is stored whole as JSON; the fields that filters, listings and lineage
detection read are also kept in their own columns, so reading 100,000 claims never
parses 100,000 records. Version 3 added those columns, the figure as printed and
the detected lineage label; a ledger of version 2 gets them when first opened for
writing (its labels are detected then, once). Version 4 added a checksum of each
row's stored fields, checked whenever the ledger is opened, so a damaged row is
refused for reading and writing alike instead of being shown changed. Version 5
extends it to the lineage label and to each history row (``_ledger_checksum``);
an older ledger's labels are detected afresh when it is upgraded, before they get
a checksum.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from troopledger.claims._figure import describe_figure
from troopledger.claims._ledger_checksum import (
    CLAIM_COLUMNS,
    CLAIM_COLUMNS_V4,
    FUNCTION,
    HISTORY_COLUMNS,
    claim_checksum_sql,
    row_checksum,
)
from troopledger.claims._lineage_store import redetect

if TYPE_CHECKING:
    from troopledger.claims._record import Claim

__all__ = [
    "CHECKED_COLUMNS",
    "CHECKSUM_VERSION",
    "LABELS_CHECKED_VERSION",
    "LISTABLE_VERSION",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "backfill",
    "figure_text",
    "record_columns",
    "row_checksum",
    "upgrade_note",
    "with_checksum",
    "write_claim",
]

_LISTED = ("organisation", "value", "low", "high", "unit", "words", "hedge", "via")
#: Ordered schema steps; step ``i`` takes the ledger from version ``i`` to ``i + 1``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            quantity TEXT NOT NULL,
            speaker TEXT NOT NULL,
            status TEXT NOT NULL,
            reported TEXT,
            window_end TEXT,
            lineage TEXT,
            record TEXT NOT NULL,
            added TEXT NOT NULL,
            changed TEXT NOT NULL
        )""",
        "CREATE INDEX claims_quantity ON claims (quantity)",
        "CREATE INDEX claims_status ON claims (status)",
    ),
    (
        """CREATE TABLE history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id TEXT NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            record TEXT NOT NULL
        )""",
        "CREATE INDEX history_claim ON history (claim_id)",
    ),
    (
        *(
            f"ALTER TABLE claims ADD COLUMN {name} {'REAL' if name in ('value', 'low', 'high') else 'TEXT'}"
            for name in (*_LISTED, "figure", "detected")
        ),
        "UPDATE claims SET " + ", ".join(f"{name} = json_extract(record, '$.{name}')" for name in _LISTED),
        "CREATE INDEX claims_figure ON claims (quantity, COALESCE(value, low, high))",
        "CREATE INDEX claims_detected ON claims (quantity, detected)",
    ),
    # version 4: a checksum of each row's stored fields, so a flipped bit is found on open, not shown
    ("ALTER TABLE claims ADD COLUMN checksum TEXT",),
    # version 5: the checksum covers the lineage label too, and each history row has its own
    ("ALTER TABLE history ADD COLUMN checksum TEXT",),
)
#: The columns each claim row's checksum covers (all but its times, which no command shows).
CHECKED_COLUMNS = CLAIM_COLUMNS
#: The first version whose rows carry a checksum.
CHECKSUM_VERSION = 4
#: The first version whose stored lineage labels and history rows are covered by checksums.
LABELS_CHECKED_VERSION = 5
#: The schema version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)
#: The oldest version a read-only ledger can still be read at (slower: fields come out of the records).
LISTABLE_VERSION = 2


def with_checksum(columns: dict[str, Any]) -> dict[str, Any]:
    """``columns`` (a new row as :func:`record_columns` gives it, with its record, no label yet) and its checksum."""
    return {**columns, "checksum": row_checksum(*(columns[name] for name in CLAIM_COLUMNS_V4), None)}


def write_claim(db: sqlite3.Connection, columns: dict[str, Any], record: str, action: str, now: str) -> None:
    """Insert or replace one claim's row (``columns`` as :func:`record_columns` gives them) and add its history row.

    A replaced claim keeps when it was first added, and its lineage label (with which
    its new checksum is computed) until its quantity is detected again.
    """
    row = {**with_checksum({**columns, "record": record}), "added": now, "changed": now}
    updated = [f"{name} = excluded.{name}" for name in row if name not in ("id", "added", "checksum")]
    db.execute(
        f"INSERT INTO claims ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
        f" ON CONFLICT (id) DO UPDATE SET {', '.join(updated)}, checksum = {claim_checksum_sql(row='excluded.')}",
        tuple(row.values()),
    )
    cid = columns["id"]
    seq = db.execute(
        "INSERT INTO history (claim_id, at, action, record) VALUES (?, ?, ?, ?)", (cid, now, action, record)
    ).lastrowid
    db.execute("UPDATE history SET checksum = ? WHERE seq = ?", (row_checksum(seq, cid, now, action), seq))


def upgrade_note(path: str, version: int) -> str | None:
    """The note for a ledger read at an older ``version`` than :data:`LABELS_CHECKED_VERSION`, else None."""
    if version >= LABELS_CHECKED_VERSION:
        return None
    return (
        f"note: {path} has the older schema version {version}: its lineage labels are detected on "
        "each listing (slower) and its history is not checked; the next command that writes to it "
        "(claims add, import, edit, accept ...) upgrades it"
    )


def figure_text(value: float | None, low: float | None, high: float | None, unit: str, words: str) -> str:
    """The figure as listings print it, e.g. ``2,000 USD/month`` or ``'nothing' (0 to 50 USD/month)``."""
    figure = describe_figure(value, low, high, unit)
    return f"'{words}' ({figure})" if words else figure


def record_columns(claim: Claim) -> dict[str, Any]:
    """The columns stored beside a claim's record, by name (all but the record and its times)."""
    return {
        "id": claim.id,
        "quantity": claim.quantity,
        "speaker": claim.speaker,
        "status": claim.status,
        "reported": claim.source.date if claim.source else None,
        "window_end": claim.window_end,
        "lineage": claim.lineage,
        "organisation": claim.organisation,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "words": claim.words,
        "hedge": claim.hedge,
        "via": json.dumps(claim.via, ensure_ascii=False),
        "figure": figure_text(claim.value, claim.low, claim.high, claim.unit, claim.words),
    }


def backfill(db: sqlite3.Connection, path: str, version: int) -> None:
    """Fill what migration steps from ``version`` could not compute in SQL: figures, lineage labels, checksums.

    Labels stored before version 5 had no checksum, so they are detected afresh
    (not trusted) before every row's checksum is computed; ``tl_checksum`` must be
    registered on ``db``.
    """
    if version < 3:
        _backfill_figures(db)
    if version < LABELS_CHECKED_VERSION:
        redetect(db, path, [q for (q,) in db.execute("SELECT DISTINCT quantity FROM claims")])
        db.execute(f"UPDATE claims SET checksum = {claim_checksum_sql()}")
        db.execute(f"UPDATE history SET checksum = {FUNCTION}({', '.join(HISTORY_COLUMNS)})")


def _backfill_figures(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT id, value, low, high, unit, words FROM claims").fetchall()
    figures = []
    for cid, value, low, high, unit, words in rows:
        v, lo, hi = (x if isinstance(x, int | float) and not isinstance(x, bool) else None for x in (value, low, high))
        text = figure_text(v, lo, hi, unit if isinstance(unit, str) else "", words if isinstance(words, str) else "")
        figures.append((text, cid))
    db.executemany("UPDATE claims SET figure = ? WHERE id = ?", figures)
