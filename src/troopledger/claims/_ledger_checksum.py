"""Row checksums of the ledger: which stored fields each covers, computed alike in Python and in SQL.

Every stored field a command shows is covered: a claim's columns and record, its
detected lineage label (derived, but stored and listed, so a flipped label would
be shown as it is) and each history row's claim, time and action (``claims show``
prints them; the copy of the record kept with each change is never shown, and
hashing it too would add 0.25 s of CPU to every open of a 100,000-claim ledger).
SQLite calls the same function (``tl_checksum``, registered on every connection) to
keep a row's checksum right when a statement changes its label.
"""

from __future__ import annotations

import hashlib
import sqlite3

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_COLUMNS_V4",
    "FUNCTION",
    "HISTORY_COLUMNS",
    "claim_checksum_sql",
    "register",
    "row_checksum",
]

_LISTED = ("organisation", "value", "low", "high", "unit", "words", "hedge", "via")
#: What a claim row's checksum covered at schema version 4 (the lineage label was left out).
CLAIM_COLUMNS_V4 = (
    "id", "quantity", "speaker", "status", "reported", "window_end", "lineage", "record",
    *_LISTED, "figure",
)  # fmt: skip
#: What a claim row's checksum covers from schema version 5: all but its times (never shown).
CLAIM_COLUMNS = (*CLAIM_COLUMNS_V4, "detected")
#: What a history row's checksum covers (schema version 5 on): what ``claims show`` prints, and its order.
HISTORY_COLUMNS = ("seq", "claim_id", "at", "action")
#: The SQL name of :func:`row_checksum`.
FUNCTION = "tl_checksum"


def row_checksum(*values: object) -> str:
    """The checksum of one row's values, as stored (16 hex digits of BLAKE2b)."""
    h = hashlib.blake2b(digest_size=8)
    for v in values:
        h.update(repr(v).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def register(db: sqlite3.Connection) -> None:
    """Make :func:`row_checksum` callable from SQL on ``db`` as ``tl_checksum(...)``, any number of arguments."""
    db.create_function(FUNCTION, -1, row_checksum, deterministic=True)


def claim_checksum_sql(detected: str = "detected", row: str = "") -> str:
    """SQL for a claim row's checksum with ``detected`` as its label (``?`` for a new one being set).

    ``row`` prefixes the other columns (``excluded.`` in an upsert's update clause).
    """
    return f"{FUNCTION}({', '.join(row + c for c in CLAIM_COLUMNS_V4)}, {detected})"
