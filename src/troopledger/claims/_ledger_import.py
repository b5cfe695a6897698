"""Importing a claims file into a ledger, all or nothing: a failed import leaves no new ledger file behind."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from troopledger._paths import exists
from troopledger.claims._claimfiles import read_claims
from troopledger.claims._ledger import Ledger

__all__ = ["import_claims"]


def import_claims(ledger: str | Path, path: str | Path, fmt: str | None = None, *, replace: bool = False) -> int:
    """Add every claim of the claims file at ``path`` to ``ledger``, or none; the number added.

    The file is read and validated before the ledger is opened, so a bad file makes no
    ledger; if adding fails in a ledger this call created, its files are removed again.
    """
    claims = read_claims(path, fmt)
    target = str(ledger)
    new = target != ":memory:" and not exists(target)
    try:
        with Ledger(target) as led:
            return led.add(claims, replace=replace)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal") if new else ():
            with contextlib.suppress(OSError):
                os.unlink(target + suffix)
        raise
