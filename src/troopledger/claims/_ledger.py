"""The claims ledger: claim records with review status, kept in SQLite.

One file (``troopledger.db`` by default) in WAL mode, so readers never block the
writer and several processes can add claims at once. Every change runs in one
``BEGIN IMMEDIATE`` transaction, so an import that fails half-way leaves the ledger
as it was. The schema is versioned with ``PRAGMA user_version`` and an ordered list
of migration steps, applied on open (see ``_ledger_schema``). Each claim is stored
whole as JSON, with the fields listings, filters and lineage detection use in their
own columns, and its detected lineage label kept up to date as claims are written;
every change is kept in a ``history`` table. The claim model (pydantic) loads on first
use, so listing claims never imports it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from troopledger._paths import exists, is_dir
from troopledger.claims._ledger_checks import check_rows, integrity_check, refuse_special, refuse_unread_wal
from troopledger.claims._ledger_checksum import register
from troopledger.claims._ledger_errors import FIX_NOT_LEDGER, ledger_error, unreadable_schema
from troopledger.claims._ledger_schema import (
    LISTABLE_VERSION,
    MIGRATIONS,
    SCHEMA_VERSION,
    backfill,
    record_columns,
    upgrade_note,
    write_claim,
)
from troopledger.claims._lineage_store import place_new, redetect
from troopledger.claims._listing import filters_of, listing_lines, listing_rows
from troopledger.claims._summary import (
    COLUMNS_SQL,
    SUMMARY_SQL,
    ClaimSummary,
    in_dates,
    summary_from_row,
    where_clause,
)
from troopledger.errors import LedgerError

if TYPE_CHECKING:
    from troopledger.claims._record import Claim, Status

__all__ = ["DEFAULT_LEDGER", "MIGRATIONS", "SCHEMA_VERSION", "Ledger"]

#: The ledger file used when no ``--ledger`` is given, in the working directory.
DEFAULT_LEDGER = "troopledger.db"

_BUSY_TIMEOUT_S = 60.0
#: Claim fields lineage detection compares: changing one redetects the quantity's lineages.
_COMPARED = ("quantity", "value", "low", "high", "speaker", "organisation", "via", "window_end", "lineage", "source")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Ledger:
    """A claims ledger in one SQLite file (or ``:memory:``); use it as a context manager.

    ``create=False`` refuses to make a new file, for commands that only read;
    ``readonly=True`` opens the file read-only (it may sit on a read-only disk or
    belong to someone else) and never migrates it. ``timeout`` is how long to wait
    for another process's write lock, in seconds. Every SQLite failure becomes a
    one-line :class:`~troopledger.errors.LedgerError` naming the file and the fix.
    """

    def __init__(
        self,
        path: str | Path = DEFAULT_LEDGER,
        *,
        create: bool = True,
        readonly: bool = False,
        timeout: float = _BUSY_TIMEOUT_S,
    ) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._timeout = timeout
        memory = self.path == ":memory:"
        p = Path(self.path)
        if not memory:
            if is_dir(p):
                raise LedgerError(self.path, None, "is a directory, not a ledger file", "give a file name for --ledger")
            if not exists(p) and (not create or readonly):
                raise LedgerError(
                    self.path, None, "no ledger here yet", "add or import claims first, or give --ledger PATH"
                )
            refuse_special(p)  # before SQLite opens it (opening a FIFO waits for a writer)
        with self._guard("opening it"):
            self._db = self._connect(memory)
            register(self._db)
        try:
            with self._guard("opening it"):
                self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                if not memory and not readonly:
                    self._db.execute("PRAGMA journal_mode = WAL")
                    self._db.execute("PRAGMA synchronous = NORMAL")
                integrity_check(self._db, self.path)
                self._migrate()
                check_rows(self._db, self.path, self._version)
        except BaseException:
            self._db.close()
            raise

    def _connect(self, memory: bool) -> sqlite3.Connection:
        if memory or not self.readonly:
            return sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None)
        uri = Path(self.path).resolve().as_uri()
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=self._timeout, isolation_level=None)
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # a WAL ledger on a read-only disk: its -shm file cannot be made, and nobody can be writing
            db.close()
            refuse_unread_wal(self.path)  # opened immutable, its log would be silently ignored
            db = sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=self._timeout, isolation_level=None)
        return db

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """Turn SQLite failures inside the block into a one-line LedgerError."""
        try:
            yield
        except sqlite3.Error as e:
            raise ledger_error(self.path, e, doing, self._timeout) from None
        except UnicodeDecodeError:  # a damaged page can hold text that is not UTF-8
            damaged = sqlite3.DatabaseError("database disk image is malformed")
            raise ledger_error(self.path, damaged, doing, self._timeout) from None

    @classmethod
    def memory(cls, claims: Iterable[Claim] = ()) -> Ledger:
        """A ledger that lives in memory only, optionally filled with ``claims``."""
        ledger = cls(":memory:")
        ledger.add(claims, replace=True)
        return ledger

    # -- lifecycle ---------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; the file stays as the last commit left it."""
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed if the block ends normally, rolled back otherwise."""
        if self.readonly:
            raise LedgerError(self.path, None, "was opened read-only", "open it without readonly=True to change it")
        with self._guard("writing to it"):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        """The ledger's schema version (``PRAGMA user_version``)."""
        with self._guard("reading its schema version"):
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self._version = self.schema_version
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            if not LISTABLE_VERSION <= version <= SCHEMA_VERSION:
                names = self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
                raise unreadable_schema(self.path, version, bool(names), SCHEMA_VERSION)
            return
        with self.transaction() as db:
            version = self.schema_version  # re-read under the write lock: another process may have migrated
            if version > SCHEMA_VERSION:
                raise LedgerError(
                    self.path,
                    None,
                    f"schema version {version} was written by a newer troopledger (this one knows {SCHEMA_VERSION})",
                    "upgrade troopledger",
                )
            if version == 0:
                names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                if names:
                    raise LedgerError(
                        self.path, None, "is an SQLite database but not a troopledger ledger", FIX_NOT_LEDGER
                    )
            check_rows(db, self.path, version)  # a damaged row must not get a fresh checksum
            for step in MIGRATIONS[version:]:
                for sql in step:
                    db.execute(sql)
            backfill(db, self.path, version)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._version = SCHEMA_VERSION

    @property
    def upgrade_note(self) -> str | None:
        """One line for a ledger opened read-only at an older schema (what is slower or unchecked), else None."""
        return None if self.path == ":memory:" else upgrade_note(self.path, self._version)

    # -- writing -----------------------------------------------------------------

    def add(self, claims: Iterable[Claim], *, replace: bool = False) -> int:
        """Add claims in one transaction (all or none); ``replace`` overwrites same-id claims."""
        n = 0
        new: list[str] = []
        replaced: set[str] = set()
        with self.transaction() as db:
            for claim in claims:
                exists = db.execute("SELECT quantity FROM claims WHERE id = ?", (claim.id,)).fetchone()
                if exists and not replace:
                    raise LedgerError(
                        self.path,
                        f"claims.{claim.id}",
                        f"claim '{claim.id}' is already in the ledger",
                        "use 'troopledger claims edit', or import with --replace",
                    )
                self._write(db, claim, "replace" if exists else "add")
                n += 1
                if exists:
                    replaced.update((exists[0], claim.quantity))
                else:
                    new.append(claim.id)
            if replaced:
                redetect(db, self.path, replaced)
            place_new(db, self.path, new)
        return n

    def import_file(self, path: str | Path, fmt: str | None = None, *, replace: bool = False) -> int:
        """Read a JSONL or CSV claims file and add all its claims, or none if any is bad."""
        from troopledger.claims._claimfiles import read_claims

        return self.add(read_claims(path, fmt), replace=replace)

    def update(self, claim_id: str, changes: dict[str, Any], *, action: str = "edit") -> Claim:
        """Change fields of one claim, re-validated; the status rule is in docs/claims.md.

        Unless ``changes`` sets a status, an accepted (or edited) claim becomes
        ``edited`` and keeps feeding the estimate; a pending or rejected claim keeps
        its status, so editing never makes a claim count without an explicit accept.
        """
        with self.transaction() as db:
            return self._update(db, claim_id, changes, action)

    def set_status(self, ids: Iterable[str], status: Status) -> list[Claim]:
        """Set the review status of several claims in one transaction."""
        with self.transaction() as db:
            return [self._update(db, cid, {"status": status}, status) for cid in ids]

    def set_lineage(self, ids: Iterable[str], lineage: str | None) -> list[Claim]:
        """Put several claims into one named lineage (``None`` returns them to detection)."""
        return self.relabel(dict.fromkeys(ids, lineage))

    def relabel(self, labels: dict[str, str | None]) -> list[Claim]:
        """Set each claim's hand-set lineage label in one transaction (``None`` clears it)."""
        with self.transaction() as db:
            return [self._update(db, cid, {"lineage": lab}, "lineage", keep_status=True) for cid, lab in labels.items()]

    def _update(
        self, db: sqlite3.Connection, claim_id: str, changes: dict[str, Any], action: str, *, keep_status: bool = False
    ) -> Claim:
        from pydantic import ValidationError

        from troopledger.claims._record import Claim
        from troopledger.claims._validation import explain_validation

        old = self._get(db, claim_id)
        data = old.model_dump()
        data.update(changes)
        if "status" not in changes and not keep_status:
            # an edit never makes a claim feed the estimate: only a claim already accepted becomes 'edited'
            data["status"] = "edited" if old.status in ("accepted", "edited") else old.status
        try:
            new = Claim.model_validate(data)
        except ValidationError as e:
            loc, msg, fix = explain_validation(e, "docs/claims.md")
            raise LedgerError(self.path, loc, f"claim '{claim_id}': {msg}", fix) from None
        self._write(db, new, action)
        if any(getattr(old, f) != getattr(new, f) for f in _COMPARED):
            redetect(db, self.path, {old.quantity, new.quantity})
        return new

    def _write(self, db: sqlite3.Connection, claim: Claim, action: str) -> None:
        record = json.dumps(claim.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        write_claim(db, record_columns(claim), record, action, _now())

    # -- reading -----------------------------------------------------------------

    def _get(self, db: sqlite3.Connection, claim_id: str) -> Claim:
        row = db.execute("SELECT record FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if row is None:
            raise LedgerError(
                self.path, None, f"no claim with id '{claim_id}'", "run 'troopledger claims list' to see the ids"
            )
        return self._load(row[0], claim_id)

    def _load(self, record: str, claim_id: str) -> Claim:
        from pydantic import ValidationError

        from troopledger.claims._record import Claim

        try:
            return Claim.model_validate_json(record)
        except ValidationError:
            raise LedgerError(
                self.path, f"claims.{claim_id}", "the stored record does not validate", "re-import the claim"
            ) from None

    def get(self, claim_id: str) -> Claim:
        """One claim by id; a LedgerError if there is none."""
        with self._guard("reading a claim"):
            return self._get(self._db, claim_id)

    def __len__(self) -> int:
        with self._guard("counting claims"):
            return int(self._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0])

    def claims(
        self,
        *,
        quantity: str | None = None,
        speaker: str | None = None,
        status: str | Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Claim]:
        """Claims matching every filter given, ordered by id.

        ``speaker`` matches any part of the speaker or organisation, ignoring case;
        ``since``/``until`` compare the source's date (or else the window's end
        month) as ``YYYY-MM[-DD]`` text, both ends included.
        """
        where, args = where_clause(quantity, status)
        out = []
        needle = speaker.casefold() if speaker else None
        with self._guard("reading claims"):
            rows = self._db.execute(
                f"SELECT id, record, COALESCE(reported, window_end) FROM claims WHERE 1 = 1{where} ORDER BY id", args
            ).fetchall()
        for cid, record, when in rows:
            if not in_dates(when, since, until):
                continue
            claim = self._load(record, cid)
            if needle and needle not in f"{claim.speaker} {claim.organisation}".casefold():
                continue
            out.append(claim)
        return out

    def summaries(
        self,
        *,
        quantity: str | None = None,
        speaker: str | None = None,
        status: str | Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[ClaimSummary]:
        """Like :meth:`claims`, but only the fields a listing and lineage detection need: fast at 100,000 claims."""
        where, args = where_clause(quantity, status)
        needle = speaker.casefold() if speaker else None
        select = COLUMNS_SQL if self._version >= 3 else SUMMARY_SQL
        with self._guard("reading claims"):
            rows = self._db.execute(f"{select}{where} ORDER BY id", args).fetchall()
        out = []
        relays: dict[str, tuple[str, ...]] = {}
        for row in rows:
            if not in_dates(row[-1], since, until):
                continue
            summary = summary_from_row(self.path, row, relays)
            if needle and needle not in f"{summary.speaker} {summary.organisation}".casefold():
                continue
            out.append(summary)
        return out

    def listing(self, **filters: str | None) -> list[tuple[str, ...]]:
        """What ``claims list`` prints (``filters`` as in :meth:`claims`): id, quantity, figure, speaker,
        hedge, status, date and lineage label of each claim, as text. One query on a current ledger."""
        with self._guard("reading claims"):
            return listing_rows(self._db, self.path, self._version, filters_of(**filters))

    def listing_lines(self, **filters: str | None) -> list[str] | None:
        """:meth:`listing` as plain aligned lines (header first) for long listings, or None where only
        :meth:`listing` can do it (see :func:`~troopledger.claims._listing.listing_lines`)."""
        with self._guard("reading claims"):
            return listing_lines(self._db, self._version, filters_of(**filters))

    def source_hashes(self) -> set[str]:
        """The content hashes of every source document the ledger's claims were read in."""
        with self._guard("reading claims"):
            rows = self._db.execute("SELECT DISTINCT json_extract(record, '$.source.hash') FROM claims")
            return {h for (h,) in rows if isinstance(h, str) and h}

    def history(self, claim_id: str) -> list[tuple[str, str]]:
        """(time, action) of every change to one claim, oldest first."""
        with self._guard("reading the history"):
            rows = self._db.execute("SELECT at, action FROM history WHERE claim_id = ? ORDER BY seq", (claim_id,))
            return [(a, b) for a, b in rows]

    def export(self, fmt: str, **filters: Any) -> str:
        """The ledger's claims (filtered as in :meth:`claims`) as JSONL or CSV text."""
        from troopledger.claims._claimfiles import dump_claims

        return dump_claims(self.claims(**filters), fmt)
