"""SQLite failures of a ledger as one-line messages that name the file and the fix.

SQLite reports trouble with a handful of error texts; each becomes a
:class:`~troopledger.errors.LedgerError` saying what is wrong with the ledger file
(damaged, read-only, locked, not a ledger, disk full) and what to do about it.
"""

from __future__ import annotations

import sqlite3

from troopledger.errors import LedgerError

__all__ = ["FIX_NOT_LEDGER", "ledger_error", "unreadable_schema"]

#: The fix for a file that is not a troopledger ledger.
FIX_NOT_LEDGER = "give a ledger made by 'troopledger claims', or a new file name"

_KINDS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("locked", "busy"),
        "is locked by another process (waited {timeout:g} s)",
        "wait for the other troopledger command (or the program holding the file) to finish, then run this again",
    ),
    (
        ("readonly", "read-only"),
        "is read-only, so no change can be written",
        "make the file and its folder writable (chmod u+w), or copy it somewhere writable and give --ledger COPY",
    ),
    (
        ("malformed", "corrupt"),
        "is damaged (a corrupt database page)",
        "restore it from a backup, or rescue what is left: sqlite3 FILE .recover | sqlite3 NEW.db",
    ),
    (("not a database", "encrypted"), "is not a troopledger ledger (not an SQLite database)", FIX_NOT_LEDGER),
    (("full",), "cannot grow: the disk is full", "free some disk space, then run this again"),
    (
        ("unable to open", "cannot open"),
        "cannot be opened",
        "check that the file and its folder exist and are readable",
    ),
    (("disk i/o",), "could not be read or written (disk I/O error)", "check the disk, or copy the ledger elsewhere"),
)


def ledger_error(path: str, error: sqlite3.Error, doing: str, timeout: float) -> LedgerError:
    """The LedgerError for an SQLite failure while ``doing`` something with the ledger at ``path``."""
    text = str(error).lower()
    for needles, problem, fix in _KINDS:
        if any(n in text for n in needles):
            return LedgerError(path, None, f"{problem.format(timeout=timeout)} while {doing}", fix)
    return LedgerError(
        path, None, f"SQLite failed while {doing} ({error})", "check the file; restore it from a backup if this repeats"
    )


def unreadable_schema(path: str, version: int, has_tables: bool, current: int) -> LedgerError:
    """Why a ledger opened read-only cannot be read as it is (it cannot be migrated there)."""
    if version == 0 and not has_tables:
        return LedgerError(path, None, "is empty: no ledger here yet", "add or import claims first")
    if version == 0:
        return LedgerError(path, None, "is an SQLite database but not a troopledger ledger", FIX_NOT_LEDGER)
    if version > current:
        return LedgerError(
            path, None, f"schema version {version} was written by a newer troopledger", "upgrade troopledger"
        )
    return LedgerError(
        path,
        None,
        f"has the older schema version {version} and is opened read-only",
        "run a command that writes (e.g. claims accept) on a writable copy once to upgrade it",
    )
