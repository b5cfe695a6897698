"""Checks run whenever a ledger is opened: SQLite's integrity check, each row against its checksum, an unread log.

A ledger copied between machines, restored from a half-written backup or edited by
another program can be damaged in ways SQLite itself does not notice when it reads
a row. These checks refuse such a ledger for reading and writing alike, with one line
naming the file (and the claim) and the fix, so a flipped bit is never shown as a
claim and a command never writes into a ledger that a later export would refuse.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from troopledger._paths import check_input
from troopledger.claims._ledger_checksum import CLAIM_COLUMNS, CLAIM_COLUMNS_V4, FUNCTION, HISTORY_COLUMNS, register
from troopledger.errors import LedgerError

__all__ = ["MAX_LEDGER_BYTES", "check_rows", "integrity_check", "refuse_special", "refuse_unread_wal"]

#: Largest ledger file opened (bytes): a million claims take about 2 GB.
MAX_LEDGER_BYTES = 20_000_000_000
_RECOVER = "sqlite3 FILE .recover | sqlite3 NEW.db"


def integrity_check(db: sqlite3.Connection, path: str) -> None:
    """SQLite's integrity check; a damaged ledger is refused before anything reads or writes it.

    Not the quicker ``quick_check``, which reads every page but does not compare the
    indexes with the rows: a flipped bit in an index entry then went unseen, and a
    listing ordered by id showed the index's damaged id beside the row's fields (one
    of 600 single flips in the regenerated run). About 0.5 s more CPU on a ledger of
    100,000 claims (docs/bad-input.md).
    """
    rows = db.execute("PRAGMA integrity_check(1)").fetchall()
    if rows != [("ok",)]:
        raise LedgerError(
            path,
            None,
            f"is damaged (SQLite's check: {str(rows[0][0])[:80]})",
            f"restore it from a backup, or rescue what is left: {_RECOVER}",
        )


def check_rows(db: sqlite3.Connection, path: str, version: int) -> None:
    """Every row's stored fields against its checksum (schema version 4 on; older ledgers have none yet).

    Version 4 checksums cover a claim's fields but not its lineage label; version 5
    ones cover the label too, and each history row.
    """
    if version < 4:
        return
    register(db)
    columns = CLAIM_COLUMNS_V4 if version == 4 else CLAIM_COLUMNS
    bad = db.execute(f"SELECT id FROM claims WHERE checksum IS NOT {FUNCTION}({', '.join(columns)}) LIMIT 1")
    row = bad.fetchone()
    if row is not None:
        cid = str(row[0])[:60]
        raise LedgerError(
            path,
            f"claims.{cid}",
            "is damaged: the stored claim does not match its checksum",
            f"restore it from a backup, or rescue the rest: {_RECOVER}, then in NEW.db "
            f"DELETE FROM claims WHERE id = '{cid}' and re-enter that claim",
        )
    if version == 4:
        return
    checked = ", ".join(HISTORY_COLUMNS)
    row = db.execute(
        f"SELECT seq, claim_id FROM history WHERE checksum IS NOT {FUNCTION}({checked}) LIMIT 1"
    ).fetchone()
    if row is not None:
        raise LedgerError(
            path,
            f"history.{row[0]}",
            f"is damaged: a stored change of claim '{str(row[1])[:60]}' does not match its checksum",
            f"restore it from a backup, or rescue the rest: {_RECOVER}, then in NEW.db "
            f"DELETE FROM history WHERE seq = {row[0]}",
        )


def refuse_special(path: str | Path) -> None:
    """Refuse a ledger path that is a FIFO, a device or a socket, or a file over :data:`MAX_LEDGER_BYTES`."""
    check_input(path, "ledger", MAX_LEDGER_BYTES, LedgerError, missing_ok=True)


def refuse_unread_wal(path: str) -> None:
    """Refuse a ledger whose ``-wal`` holds changes that cannot be read (no ``-shm``, read-only disk)."""
    wal = Path(path + "-wal")
    try:
        pending = wal.is_file() and wal.stat().st_size > 0
    except OSError:
        pending = False
    if not pending:
        return
    raise LedgerError(
        path,
        None,
        "has changes in its write-ahead log (-wal) but no -shm file, and the disk is read-only, "
        "so those changes cannot be read",
        f"copy {Path(path).name} and {wal.name} to a writable folder and give --ledger COPY, or make the disk writable",
    )
