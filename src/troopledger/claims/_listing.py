"""Listing claims: the rows ``claims list`` prints, read with one query.

A ledger of schema version 3 keeps the figure as printed and the lineage label
beside each record, so listing 100,000 claims is one SELECT of eight text columns
with every filter but the speaker's done by SQLite. A ledger older than version 5
opened read-only (it cannot be upgraded there) is listed from the fields inside its
records, with lineages detected on the spot (its stored labels have no checksum, so
a damaged one would be shown): slower, but the same rows.
"""

from __future__ import annotations

import sqlite3

from troopledger.claims._ledger_schema import LABELS_CHECKED_VERSION, figure_text
from troopledger.claims._lineage import detect_lineages
from troopledger.claims._summary import SUMMARY_SQL, in_dates, summary_from_row, where_clause

__all__ = ["LISTING_HEADERS", "WIDEST", "Filters", "filters_of", "listing_lines", "listing_rows"]

#: The columns of a claims listing, in order.
LISTING_HEADERS = ("id", "quantity", "figure", "speaker", "hedge", "status", "date", "lineage")

#: A column of a plain listing is padded to its longest cell, or to this many characters at most.
WIDEST = 60
_CELLS = (
    "id",
    "quantity",
    "COALESCE(figure, '')",
    "speaker",
    "COALESCE(hedge, '')",
    "status",
    "COALESCE(reported, window_end, '')",
    "COALESCE(detected, lineage, '')",
)
_LISTING_SQL = f"SELECT {', '.join(_CELLS)}{{extra}} FROM claims WHERE 1 = 1"

#: quantity, speaker, status, since, until: each None for no filter (see Ledger.claims).
Filters = tuple[str | None, str | None, str | None, str | None, str | None]


def filters_of(
    quantity: str | None = None,
    speaker: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Filters:
    """The :data:`Filters` tuple from keyword filters (unknown keywords are a TypeError)."""
    return quantity, speaker, status, since, until


def _dates_sql(since: str | None, until: str | None) -> tuple[str, list[object]]:
    """SQL for :func:`in_dates` on the source's date (else the window's end month)."""
    sql, args = "", list[object]()
    if since:
        sql += " AND COALESCE(reported, window_end) >= ?"
        args.append(since)
    if until:
        sql += " AND substr(COALESCE(reported, window_end), 1, ?) <= ?"
        args.extend((len(until), until))
    return sql, args


def listing_rows(db: sqlite3.Connection, path: str, version: int, filters: Filters) -> list[tuple[str, ...]]:
    """One row of :data:`LISTING_HEADERS` text per claim matching ``filters``, ordered by id."""
    quantity, speaker, status, since, until = filters
    if version < LABELS_CHECKED_VERSION:
        return _from_records(db, path, filters)
    where, args = where_clause(quantity, status)
    dates, date_args = _dates_sql(since, until)
    extra = ", COALESCE(organisation, '')" if speaker else ""
    rows = db.execute(f"{_LISTING_SQL.format(extra=extra)}{where}{dates} ORDER BY id", [*args, *date_args]).fetchall()
    if not speaker:
        return rows
    needle = speaker.casefold()
    return [row[:-1] for row in rows if needle in f"{row[3]} {row[-1]}".casefold()]


def listing_lines(db: sqlite3.Connection, version: int, filters: Filters) -> list[str] | None:
    """The listing as plain aligned lines, header first, padded and joined by SQLite itself.

    Building 800,000 cell strings in Python is most of the time of listing 100,000
    claims; asking SQLite for one finished line per claim is three times faster.
    None when SQLite cannot do it: a ledger older than version 5, a speaker filter
    (which folds case as Python does), or a cell that is not plain printable text
    (untrusted text the caller must clean first).
    """
    quantity, speaker, status, since, until = filters
    if version < LABELS_CHECKED_VERSION or speaker:
        return None
    where, args = where_clause(quantity, status)
    dates, date_args = _dates_sql(since, until)
    found = f"FROM claims WHERE 1 = 1{where}{dates}"
    longest = db.execute(f"SELECT {', '.join(f'max(length({c}))' for c in _CELLS)} {found}", [*args, *date_args])
    widths = [min(WIDEST, max(len(h), n or 0)) for h, n in zip(LISTING_HEADERS, longest.fetchone(), strict=True)]
    pattern = "  ".join("%!-*s" for _ in widths)
    cells = ", ".join(f"{w}, {c}" for w, c in zip(widths, _CELLS, strict=True))
    rows = db.execute(f"SELECT rtrim(printf('{pattern}', {cells})) {found} ORDER BY id", [*args, *date_args])
    lines = [line for (line,) in rows]
    if not all(map(str.isprintable, lines)):
        return None
    header = "  ".join(h.ljust(w) for h, w in zip(LISTING_HEADERS, widths, strict=True)).rstrip()
    return [header, *lines]


def _from_records(db: sqlite3.Connection, path: str, filters: Filters) -> list[tuple[str, ...]]:
    """The listing of a ledger older than schema version 5: fields from the records, lineages detected here."""
    quantity, speaker, status, since, until = filters
    where, args = where_clause(quantity, None)  # lineages never cross quantities: detect over all of them
    relays: dict[str, tuple[str, ...]] = {}
    alike = [summary_from_row(path, row, relays) for row in db.execute(f"{SUMMARY_SQL}{where} ORDER BY id", args)]
    labels = detect_lineages(alike)
    needle = speaker.casefold() if speaker else None
    out: list[tuple[str, ...]] = []
    for c in alike:
        if (status and c.status != status) or not in_dates(c.published or c.window_end, since, until):
            continue
        if needle and needle not in f"{c.speaker} {c.organisation}".casefold():
            continue
        figure = figure_text(c.value, c.low, c.high, c.unit, c.words)
        when = c.published or c.window_end or ""
        out.append((c.id, c.quantity, figure, c.speaker, c.hedge, c.status, when, labels[c.id]))
    return out
