"""Claim summaries: the few fields a listing and lineage detection read, straight from SQLite.

Parsing and validating 100,000 whole claim records takes seconds; ``claims lineage``
and lineage detection need only a dozen fields, which a ledger of schema version 3
keeps in their own columns (older ones: SQLite's ``json_extract`` takes them out of
the stored records in C). Each row is type-checked as it is built, so
a record damaged by hand is reported, not printed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from troopledger.errors import LedgerError

__all__ = ["COLUMNS_SQL", "SUMMARY_SQL", "ClaimSummary", "in_dates", "summary_from_row", "where_clause"]


class ClaimSummary(NamedTuple):
    """The fields ``claims list`` and lineage detection read, taken from the ledger without a full parse."""

    id: str
    quantity: str
    status: str
    speaker: str
    organisation: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    words: str
    hedge: str
    via: tuple[str, ...]
    window_end: str | None
    lineage: str | None
    published: str | None


#: The SELECT a ledger runs for summaries; its last column is the date the filters compare.
SUMMARY_SQL = """SELECT id, quantity, status, speaker, json_extract(record, '$.organisation'),
    json_extract(record, '$.value'), json_extract(record, '$.low'), json_extract(record, '$.high'),
    json_extract(record, '$.unit'), json_extract(record, '$.words'), json_extract(record, '$.hedge'),
    json_extract(record, '$.via'), window_end, lineage, reported, COALESCE(reported, window_end)
    FROM claims WHERE 1 = 1"""
#: The same SELECT on a ledger of schema version 3 or later, which keeps these fields in their own columns.
COLUMNS_SQL = """SELECT id, quantity, status, speaker, organisation, value, low, high, unit, words, hedge, via,
    window_end, lineage, reported, COALESCE(reported, window_end) FROM claims WHERE 1 = 1"""


def _number(x: Any) -> float | None:
    if x is None:
        return None
    if isinstance(x, bool) or not isinstance(x, int | float):
        raise TypeError(x)
    return float(x)


def _text(x: Any) -> str:
    if x is not None and not isinstance(x, str):
        raise TypeError(x)
    return x or ""


def _relays(via: Any) -> tuple[str, ...]:
    if not via or via == "[]":
        return ()
    vias = json.loads(via)
    if not isinstance(vias, list):
        raise TypeError(vias)
    return tuple(_text(v) for v in vias)


def summary_from_row(path: str, row: tuple[Any, ...], relays: dict[str, tuple[str, ...]] | None = None) -> ClaimSummary:
    """A :class:`ClaimSummary` from one row of :data:`SUMMARY_SQL`; a LedgerError if the record is damaged.

    ``relays`` caches parsed relay chains across rows (many claims share one).
    """
    cid, quantity, status, speaker, org, value, low, high, unit, words, hedge, via, window_end, lineage, pub = row[:15]
    try:
        cached = relays.get(via) if relays is not None and isinstance(via, str) else None
        chain = cached if cached is not None else _relays(via)
        if relays is not None and cached is None and isinstance(via, str):
            relays[via] = chain
        return ClaimSummary(
            cid, quantity, status, speaker, _text(org), _number(value), _number(low), _number(high),
            _text(unit), _text(words), _text(hedge), chain, window_end, lineage, pub,
        )  # fmt: skip
    except (TypeError, ValueError):
        raise LedgerError(path, f"claims.{cid}", "the stored record does not validate", "re-import the claim") from None


def where_clause(quantity: str | None, status: str | Iterable[str] | None) -> tuple[str, list[str]]:
    """SQL ``AND ...`` conditions (and their arguments) for the ledger's quantity and status filters."""
    sql, args = "", []
    if quantity:
        sql += " AND quantity = ?"
        args.append(quantity)
    if status:
        states = [status] if isinstance(status, str) else list(status)
        sql += f" AND status IN ({', '.join('?' * len(states))})"
        args.extend(states)
    return sql, args


def in_dates(when: str | None, since: str | None, until: str | None) -> bool:
    """Whether a ``YYYY-MM[-DD]`` date lies within ``since``/``until`` (both ends included, either optional)."""
    if since and (when is None or when < since):
        return False
    return not (until and (when is None or when[: len(until)] > until))
