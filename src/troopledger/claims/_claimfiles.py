"""Claims files: JSON Lines and CSV, read with one-line errors and written losslessly.

JSON Lines holds one claim record (DESIGN §4) per line, its source embedded as an
object. CSV flattens the source into ``source_*`` columns and writes the relay chain
and span as JSON; on reading, a relay chain may also be plain text separated by
``;``. Every cell holding a comma, a quote, a carriage return or a line feed is
quoted, and a NUL is written as U+2400 (CSV readers refuse NUL). Text cells (and
each line inside them) starting with ``= + - @``, a tab or a carriage return are written
with a leading apostrophe, so a spreadsheet shows them as text instead of running
them as formulas; reading takes that apostrophe off again. Every problem is a
:class:`~troopledger.errors.LedgerError` naming the file, the line and the field.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from troopledger._paths import exists, is_dir, is_file, read_input
from troopledger._untrusted import csv_cell, neutral_csv, unneutral_csv
from troopledger.claims._record import Claim
from troopledger.claims._validation import explain_validation
from troopledger.claims._vocabulary import QUANTITIES
from troopledger.errors import LedgerError

__all__ = ["CSV_FIELDS", "MAX_CLAIMS_BYTES", "dump_claims", "parse_claims", "read_claims", "sniff_format"]

#: Largest claims file read (bytes); a claims file is text typed or extracted, not a dump.
MAX_CLAIMS_BYTES = 50_000_000

_SOURCE_FIELDS = ("id", "outlet", "url", "date", "hash", "description")
_CLAIM_FIELDS = tuple(f for f in Claim.model_fields if f != "source")
#: Column order of CSV claims files.
CSV_FIELDS: tuple[str, ...] = _CLAIM_FIELDS + tuple(f"source_{f}" for f in _SOURCE_FIELDS)
_NUMERIC = {"value", "low", "high", "weight", "spread"}


def sniff_format(path: str | Path) -> str:
    """``jsonl`` or ``csv`` from a file name's suffix; raises LedgerError for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    raise LedgerError(
        str(path),
        None,
        f"cannot tell the format from the suffix '{suffix}'",
        "name it .jsonl or .csv, or give --format",
    )


def read_claims(path: str | Path, fmt: str | None = None) -> list[Claim]:
    """Read and validate every claim in a JSONL or CSV file (all or nothing)."""
    p = Path(path)
    fmt = fmt or sniff_format(p)
    if not is_file(p) and (is_dir(p) or not exists(p)):  # a FIFO or device: read_input says which
        what = "is a directory" if is_dir(p) else "does not exist"
        raise LedgerError(str(p), None, f"the claims file {what}", "give the path of a .jsonl or .csv claims file")
    data = read_input(p, "claims", MAX_CLAIMS_BYTES, LedgerError)
    return parse_claims(data, str(p), fmt)


def parse_claims(data: bytes, origin: str, fmt: str) -> list[Claim]:
    """Validate the bytes of a claims file; ``origin`` names it in error messages."""
    if not data.strip():
        raise LedgerError(origin, None, "the file is empty", "give a file with one claim per line (docs/claims.md)")
    if b"\x00" in data:
        raise LedgerError(origin, None, "the file is binary, not text", f"give a UTF-8 {fmt.upper()} claims file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LedgerError(origin, None, f"not UTF-8 text (byte {e.start})", "save the file as UTF-8") from None
    rows = _jsonl_rows(text, origin) if fmt == "jsonl" else _csv_rows(text, origin)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        claim = _validate(row, origin, line)
        if claim.id in seen:
            raise LedgerError(
                f"{origin} line {line}",
                "id",
                f"claim id '{claim.id}' is already used on line {seen[claim.id]}",
                "give each claim its own id",
            )
        seen[claim.id] = line
        claims.append(claim)
    return claims


def _json_array_rows(text: str, origin: str) -> list[tuple[int, dict[str, Any]]]:
    """A JSON array of claim objects (``troopledger extract --format json``); item N counts as line N."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as e:
        raise LedgerError(
            f"{origin} line {e.lineno}", None, f"not valid JSON ({e.msg} at column {e.colno})", "fix the JSON array"
        ) from None
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise LedgerError(
            origin, None, "is not a list of JSON objects, one a claim", "give [{...}, ...] or one object a line"
        )
    return list(enumerate(items, start=1))


def _jsonl_rows(text: str, origin: str) -> list[tuple[int, dict[str, Any]]]:
    if text.lstrip().startswith("["):
        return _json_array_rows(text, origin)
    out = []
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            raise LedgerError(
                f"{origin} line {n}",
                None,
                f"not valid JSON ({e.msg} at column {e.colno})",
                "write one JSON object a line",
            ) from None
        if not isinstance(obj, dict):
            raise LedgerError(
                f"{origin} line {n}", None, "is not a JSON object", "write one claim object {...} per line"
            )
        out.append((n, obj))
    return out


def _csv_rows(text: str, origin: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    unknown = [h for h in header if h not in CSV_FIELDS]
    if unknown:
        raise LedgerError(
            origin, unknown[0], "unknown column", f"use only the columns {', '.join(CSV_FIELDS)} (docs/claims.md)"
        )
    out = []
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                raise LedgerError(
                    f"{origin} line {line}", None, "has more cells than the header", "quote cells with commas"
                )
            out.append((line, _unflatten(row, origin, line)))
    except csv.Error as e:
        raise LedgerError(f"{origin} line {reader.line_num}", None, f"not valid CSV ({e})", "fix the quoting") from None
    return out


def _unflatten(row: dict[str, str], origin: str, line: int) -> dict[str, Any]:
    """A CSV row as the claim's JSON shape: empty cells dropped, source re-nested."""
    obj: dict[str, Any] = {}
    source: dict[str, str] = {}
    for key, raw in row.items():
        raw = unneutral_csv(raw) if raw and key not in _NUMERIC else raw
        cell = (raw or "").strip()
        if key.startswith("source_"):
            if cell:
                source[key.removeprefix("source_")] = raw
            continue
        if not cell:
            continue
        if key in ("text", "note", "stated", "speaker", "organisation"):
            obj[key] = raw
        elif key in _NUMERIC:
            obj[key] = _number(cell, origin, line, key)
        elif key == "via":
            obj[key] = (
                _json_cell(cell, origin, line, key)
                if cell.startswith("[")
                else [p.strip() for p in cell.split(";") if p.strip()]
            )
        elif key == "span":
            obj[key] = _json_cell(cell, origin, line, key)
        elif key == "complement":
            obj[key] = cell.lower() in ("true", "1", "yes")
        else:
            obj[key] = cell
    if source:
        obj["source"] = source
    return obj


def _number(cell: str, origin: str, line: int, key: str) -> float:
    try:
        return float(cell.replace(",", "").replace("_", ""))
    except ValueError:
        raise LedgerError(
            f"{origin} line {line}", key, f"'{cell[:40]}' is not a number", "write a plain number such as 2000 or 0.9"
        ) from None


def _json_cell(cell: str, origin: str, line: int, key: str) -> Any:
    try:
        return json.loads(cell)
    except json.JSONDecodeError:
        raise LedgerError(
            f"{origin} line {line}", key, f"'{cell[:40]}' is not a JSON list", 'write it as ["a", "b"] or a; b'
        ) from None


def _validate(row: dict[str, Any], origin: str, line: int) -> Claim:
    try:
        return Claim.model_validate(row)
    except ValidationError as e:
        loc, msg, fix = explain_validation(e, "docs/claims.md")
        cid = row.get("id")
        if isinstance(cid, str) and cid and loc != "id":
            msg = f"claim '{cid[:60]}': {msg}"
        if loc == "quantity":
            msg = f"unknown quantity '{str(row.get('quantity', ''))[:60]}'"
            fix = f"use one of {', '.join(QUANTITIES)}"
        raise LedgerError(f"{origin} line {line}", loc, msg, fix) from None


def dump_claims(claims: Iterable[Claim], fmt: str) -> str:
    """Write claims as JSON Lines or CSV text that :func:`parse_claims` reads back unchanged."""
    if fmt == "jsonl":
        return "".join(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in claims)
    if fmt != "csv":
        raise LedgerError(None, "--format", f"unknown format '{fmt}'", "use jsonl or csv")
    lines = [",".join(CSV_FIELDS)]
    for c in claims:
        data = c.model_dump(mode="json")
        row: dict[str, Any] = {}
        for key in _CLAIM_FIELDS:
            v = data[key]
            if key in ("via", "span"):
                row[key] = json.dumps(v, ensure_ascii=False) if v else ""
            elif v is None:
                row[key] = ""
            elif isinstance(v, float):
                row[key] = repr(v)
            else:
                row[key] = str(v).lower() if isinstance(v, bool) else neutral_csv(str(v))
        src = data.get("source") or {}
        for f in _SOURCE_FIELDS:
            row[f"source_{f}"] = neutral_csv(str(src.get(f, ""))) if src else ""
        lines.append(",".join(csv_cell(row[k]) for k in CSV_FIELDS))
    return "".join(line + "\n" for line in lines)
