"""``troopledger claims``: review, enter, import and export claims in the ledger.

Every command works on one SQLite ledger (``--ledger PATH`` or the
``TROOPLEDGER_LEDGER`` variable, default ``troopledger.db`` in the working
directory); commands that only read open it read-only. Speakers, quotes and URLs
come from articles, so they are printed as rich ``Text`` (never parsed as markup),
with escape sequences, control characters and direction overrides removed. The
claim model (pydantic) loads only in commands that make or read whole claims.
"""

from __future__ import annotations

import datetime
import hashlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from troopledger._cli._app import app, atomic_write
from troopledger._untrusted import for_terminal
from troopledger.claims import (
    DEFAULT_LEDGER,
    LISTING_HEADERS,
    QUANTITIES,
    ClaimSummary,
    Ledger,
    currency_code,
    describe_figure,
    detect_lineages,
)
from troopledger.errors import LedgerError

if TYPE_CHECKING:
    from troopledger.claims import Claim

__all__ = ["claims_app"]

claims_app = typer.Typer(
    name="claims",
    help="Review, enter, import and export claims in the ledger (SQLite).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(claims_app, name="claims")

LedgerOpt = Annotated[
    str,
    typer.Option("--ledger", envvar="TROOPLEDGER_LEDGER", help="Ledger file (SQLite); created when first written."),
]
_STATUSES = ("pending", "accepted", "rejected", "edited")


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)


#: A lineage row names at most this many claims (and relays); ``claims list`` shows them all.
SHOWN_IDS = 20
#: Listings longer than this are printed as plain aligned columns: Rich tables take seconds per 10,000 rows.
RICH_ROWS = 500


def _safe(text: object) -> str:
    """Untrusted text for the terminal: no escape sequences, controls or direction overrides, one line."""
    text = str(text)
    if text.isprintable():  # the common case: nothing to remove (format characters are not printable)
        return text
    return " ".join(for_terminal(text).split())


def _figure(c: Claim | ClaimSummary) -> str:
    figure = describe_figure(c.value, c.low, c.high, c.unit)
    return f"'{c.words}' ({figure})" if c.words else figure


def _print_table(headers: tuple[str, ...], rows: Sequence[Sequence[str]], **options: Any) -> None:
    """Rows of untrusted text as a table: Rich for a screenful, plain aligned columns for long listings."""
    clean = [row if "".join(row).isprintable() else tuple(_safe(cell) for cell in row) for row in rows]
    if len(clean) <= RICH_ROWS:
        table = Table(*headers, **options)
        for row in clean:
            table.add_row(*(Text(cell) for cell in row))
        _console().print(table)
        return
    widths = [
        min(60, max(len(h), *map(len, column))) for h, column in zip(headers, zip(*clean, strict=True), strict=True)
    ]
    line = "  ".join(f"%-{w}s" for w in widths)  # one C-level format per row: fast at 100,000 rows
    sys.stdout.write("\n".join([(line % headers).rstrip(), *((line % r).rstrip() for r in clean)]) + "\n")


@claims_app.command("list")
def list_(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    quantity: Annotated[str | None, typer.Option(help="Only this quantity.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker or organisation contains this (any case).")] = None,
    status: Annotated[str | None, typer.Option(help="Only this review status.")] = None,
    since: Annotated[str | None, typer.Option(help="Source date on or after YYYY-MM[-DD].")] = None,
    until: Annotated[str | None, typer.Option(help="Source date on or before YYYY-MM[-DD].")] = None,
) -> None:
    """List claims, filtered by quantity, speaker, status and date (the ledger is only read)."""
    _check_filters(quantity, status)
    _check_day(since, "--since")
    _check_day(until, "--until")
    with Ledger(ledger, create=False, readonly=True) as led:
        if led.upgrade_note:
            typer.echo(led.upgrade_note, err=True)
        lines = None if speaker else led.listing_lines(quantity=quantity, status=status, since=since, until=until)
        if lines is not None and len(lines) > RICH_ROWS + 1:
            sys.stdout.write("\n".join(lines) + "\n")
            typer.echo(f"{len(lines) - 1} claim(s)", err=True)
            return
        rows = led.listing(quantity=quantity, speaker=speaker, status=status, since=since, until=until)
    _print_table(LISTING_HEADERS, rows)
    typer.echo(f"{len(rows)} claim(s)", err=True)


def _check_day(text: str | None, option: str) -> None:
    """A date filter must be a real month or day, written YYYY-MM or YYYY-MM-DD (else nothing would match, silently)."""
    if text is None:
        return
    parts = text.split("-")
    try:
        if len(parts) not in (2, 3) or len(parts[0]) != 4 or not all(p.isdigit() and p.isascii() for p in parts):
            raise ValueError(text)
        datetime.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    except ValueError:
        raise LedgerError(
            None,
            option,
            f"'{_safe(text)[:40]}' is not a real date written YYYY-MM or YYYY-MM-DD",
            "e.g. 2025-03 or 2025-03-04",
        ) from None


def _check_filters(quantity: str | None, status: str | None) -> None:
    if quantity is not None and quantity not in QUANTITIES:
        raise LedgerError(None, "--quantity", f"unknown quantity '{quantity}'", f"use one of {', '.join(QUANTITIES)}")
    if status is not None and status not in _STATUSES:
        raise LedgerError(None, "--status", f"unknown status '{status}'", f"use one of {', '.join(_STATUSES)}")


@claims_app.command()
def show(claim_id: Annotated[str, typer.Argument(help="Claim id.")], ledger: LedgerOpt = DEFAULT_LEDGER) -> None:
    """Show every field of one claim, its source and its history."""
    with Ledger(ledger, create=False, readonly=True) as led:
        if led.upgrade_note:
            typer.echo(led.upgrade_note, err=True)
        claim = led.get(claim_id)
        history = led.history(claim_id)
    rows: list[tuple[str, ...]] = []
    for key, value in claim.model_dump(mode="json").items():
        if key == "source":
            rows.extend((f"source.{k}", str(v)) for k, v in (value or {}).items())
        elif value not in (None, "", []):
            rows.append((key, str(value)))
    rows.extend(("history", f"{at} {action}") for at, action in history)
    _print_table(("field", "value"), rows, show_header=False)


def _number(text: str | None, field: str, quantity: str, opts: dict[str, Any]) -> tuple[float | None, str, Any]:
    if text is None:
        return None, "", opts.get("period")
    from troopledger.claims import normalise_amount  # the claim model (pydantic) loads only where claims are made

    try:
        return normalise_amount(text, quantity, **opts)
    except (ValueError, KeyError) as e:
        raise LedgerError(
            None, field, str(e), "write a number such as 2000, 2,000, 'two thousand' or '2.5 million'"
        ) from None


@claims_app.command()
def add(
    quantity: Annotated[str, typer.Option(help="What the figure is about (DESIGN §3 vocabulary).")],
    speaker: Annotated[str, typer.Option(help="Who said it.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    claim_id: Annotated[str | None, typer.Option("--id", help="Claim id (default: made from the content).")] = None,
    value: Annotated[str | None, typer.Option(help="The figure; digits or words ('two thousand').")] = None,
    low: Annotated[str | None, typer.Option(help="Lower end ('at least', or a range).")] = None,
    high: Annotated[str | None, typer.Option(help="Upper end ('up to', or a range).")] = None,
    words: Annotated[str | None, typer.Option(help="Words without a number, e.g. 'nothing', 'most'.")] = None,
    complement: Annotated[
        bool, typer.Option(help="The words speak of what reaches soldiers, not the quantity.")
    ] = False,
    currency: Annotated[str, typer.Option(help="Currency as stated (USD, KRW, won, RUB ...).")] = "USD",
    source_usd: Annotated[float | None, typer.Option(help="The source's own USD conversion (it wins).")] = None,
    period: Annotated[str | None, typer.Option(help="month, year, tour, total or ambiguous.")] = None,
    hedge: Annotated[str, typer.Option(help="about, estimated, up to, at least, could ...")] = "none",
    kind: Annotated[str, typer.Option(help="Kind of source: intelligence, think_tank, outlet ...")] = "other",
    organisation: Annotated[str, typer.Option(help="Speaker's organisation.")] = "",
    via: Annotated[list[str] | None, typer.Option(help="Relay chain, nearest first (repeat).")] = None,
    window_start: Annotated[str | None, typer.Option(help="First month the figure covers, YYYY-MM.")] = None,
    window_end: Annotated[str | None, typer.Option(help="Month the figure speaks about, YYYY-MM.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    url: Annotated[str, typer.Option(help="URL of the article.")] = "",
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    text: Annotated[str, typer.Option(help="The sentence, in your own words.")] = "",
    note: Annotated[str, typer.Option(help="Reviewer's note.")] = "",
    status: Annotated[str, typer.Option(help="Review status.")] = "pending",
) -> None:
    """Add one claim by hand; figures are normalised to the quantity's unit (USD, per month ...)."""
    _check_filters(quantity, status)
    try:
        currency = currency_code(currency)
    except ValueError as e:
        raise LedgerError(None, "--currency", str(e), "use a currency code such as USD, KRW, RUB or EUR") from None
    opts = {"currency": currency, "period": period, "date": date, "window_start": window_start,
            "window_end": window_end, "source_usd": source_usd}  # fmt: skip
    v, unit, per = _number(value, "--value", quantity, opts)
    lo, unit_lo, per_lo = _number(low, "--low", quantity, opts)
    hi, unit_hi, per_hi = _number(high, "--high", quantity, opts)
    unit, per = unit or unit_lo or unit_hi or QUANTITIES[quantity].unit, per or per_lo or per_hi
    if words and v is None and lo is None and hi is None:
        try:
            from troopledger.evidence import words_interval  # evidence loads only when words are read

            lo, hi = words_interval(words, complement=complement)
        except ValueError as e:
            raise LedgerError(
                None, "--words", str(e), "use a phrase from the words table (docs/conventions.md)"
            ) from None
    stated = " ".join(x for x in (value or "", f"{low} to {high}" if low and high else low or high or "") if x)
    data: dict[str, Any] = {
        "quantity": quantity, "value": v, "low": lo, "high": hi, "unit": unit, "period": per,
        "currency": currency, "stated": (stated or words or "")[:500], "speaker": speaker,
        "organisation": organisation, "speaker_kind": kind, "via": via or [], "hedge": hedge,
        "window_start": window_start, "window_end": window_end, "text": text, "note": note,
        "status": status, "words": words or "", "complement": complement,
    }  # fmt: skip
    if outlet or url or date:
        if not outlet or not date:
            raise LedgerError(None, "--outlet", "a source needs both --outlet and --date", "give both, or neither")
        sid = "src-" + hashlib.sha256(f"{outlet}|{url}|{date}".encode()).hexdigest()[:10]
        data["source"] = {"id": sid, "outlet": outlet, "url": url, "date": date}
    data["id"] = claim_id or "c-" + hashlib.sha256(repr(sorted(data.items())).encode()).hexdigest()[:10]
    claim = _validated(data)
    with Ledger(ledger) as led:
        led.add([claim])
    typer.echo(f"added {claim.id}")


def _validated(data: dict[str, Any]) -> Claim:
    from pydantic import ValidationError

    from troopledger.claims import Claim, SourceRef, explain_validation

    try:
        if data.get("source"):
            SourceRef.model_validate(data["source"])
        return Claim.model_validate(data)
    except ValidationError as e:
        loc, msg, _ = explain_validation(e, "docs/claims.md")
        where = f"--{loc.replace('_', '-')}" if loc and "." not in loc else loc
        raise LedgerError(
            None, where, f"claim '{data.get('id')}': {msg}", "correct that option (troopledger claims add --help)"
        ) from None


_NUMERIC_FIELDS = ("value", "low", "high", "weight", "spread")


@claims_app.command()
def edit(
    claim_id: Annotated[str, typer.Argument(help="Claim id.")],
    sets: Annotated[list[str], typer.Option("--set", help="FIELD=VALUE; repeat. Empty VALUE clears the field.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
) -> None:
    """Change fields of a claim (re-validated). An accepted claim becomes 'edited' (still used); a pending or
    rejected one keeps its status and is used only after 'troopledger claims accept'."""
    from troopledger.claims import Claim, normalise_amount

    changes: dict[str, Any] = {}
    for item in sets:
        field, sep, raw = item.partition("=")
        field = field.strip()
        if not sep or field not in Claim.model_fields or field in ("id", "source"):
            raise LedgerError(
                None, "--set", f"'{item[:60]}' is not FIELD=VALUE for an editable field", "e.g. --set value=2500"
            )
        if raw == "" and Claim.model_fields[field].is_required():
            raise LedgerError(None, f"--set {field}", f"'{field}' is required and cannot be cleared", "give it a value")
        if raw == "":
            changes[field] = (
                None if field not in ("via", "words", "text", "note", "stated") else ([] if field == "via" else "")
            )
        elif field in _NUMERIC_FIELDS:
            try:
                changes[field] = float(raw.replace(",", "").replace("_", ""))
                continue
            except ValueError:
                pass
            try:
                changes[field] = normalise_amount(raw, "other")[0]
            except ValueError as e:
                raise LedgerError(None, f"--set {field}", str(e), "write a plain number") from None
        elif field == "via":
            changes[field] = [p.strip() for p in raw.split(";") if p.strip()]
        elif field == "complement":
            changes[field] = raw.strip().lower() in ("true", "1", "yes")
        else:
            changes[field] = raw
    if {"value", "low", "high"} & changes.keys() and "words" not in changes:
        changes["words"] = ""  # numbers typed by hand replace a reading of words
    with Ledger(ledger, create=False) as led:
        claim = led.update(claim_id, changes)
    used = claim.status in ("accepted", "edited")
    hint = "" if used else f"; not used by reports until 'troopledger claims accept {claim.id}'"
    typer.echo(f"edited {claim.id} (status: {claim.status}{hint})")


@claims_app.command()
def accept(ids: Annotated[list[str], typer.Argument(help="Claim ids.")], ledger: LedgerOpt = DEFAULT_LEDGER) -> None:
    """Mark claims as accepted: fusion and calibration use them."""
    with Ledger(ledger, create=False) as led:
        led.set_status(ids, "accepted")
    typer.echo(f"accepted {len(ids)} claim(s)")


@claims_app.command()
def reject(ids: Annotated[list[str], typer.Argument(help="Claim ids.")], ledger: LedgerOpt = DEFAULT_LEDGER) -> None:
    """Mark claims as rejected: they stay in the ledger but feed nothing."""
    with Ledger(ledger, create=False) as led:
        led.set_status(ids, "rejected")
    typer.echo(f"rejected {len(ids)} claim(s)")


@claims_app.command("import")
def import_(
    path: Annotated[str, typer.Argument(help="A .jsonl or .csv claims file.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    fmt: Annotated[str | None, typer.Option("--format", help="jsonl or csv (default: from the suffix).")] = None,
    replace: Annotated[bool, typer.Option(help="Overwrite claims whose id is already in the ledger.")] = False,
) -> None:
    """Import claims, all or none: one bad record leaves the ledger as it was."""
    from troopledger.claims import import_claims

    n = import_claims(ledger, path, fmt, replace=replace)  # a failed import leaves no new ledger file
    typer.echo(f"imported {n} claim(s) into {ledger}")


@claims_app.command()
def export(
    path: Annotated[str | None, typer.Argument(help="Output file (default: stdout).")] = None,
    ledger: LedgerOpt = DEFAULT_LEDGER,
    fmt: Annotated[
        str | None, typer.Option("--format", help="jsonl or csv (default: from the suffix, else jsonl).")
    ] = None,
    quantity: Annotated[str | None, typer.Option(help="Only this quantity.")] = None,
    status: Annotated[str | None, typer.Option(help="Only this review status.")] = None,
) -> None:
    """Export claims as JSON Lines or CSV (written atomically to a file)."""
    _check_filters(quantity, status)
    from troopledger.claims import sniff_format

    fmt = fmt or (sniff_format(path) if path else "jsonl")
    with Ledger(ledger, create=False, readonly=True) as led:
        text = led.export(fmt, quantity=quantity, status=status)
    if path:
        atomic_write(path, text)
        typer.echo(f"wrote {path}", err=True)
    else:
        sys.stdout.write(text)


@claims_app.command()
def lineage(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    quantity: Annotated[str | None, typer.Option(help="Only this quantity.")] = None,
) -> None:
    """Show the lineages: claims relaying one original statement, which count once."""
    _check_filters(quantity, None)
    with Ledger(ledger, create=False, readonly=True) as led:
        claims = led.summaries(quantity=quantity)
    labels = detect_lineages(claims)
    groups: dict[str, list[ClaimSummary]] = {}
    for c in claims:
        groups.setdefault(labels[c.id], []).append(c)
    rows = []
    for label, members in sorted(groups.items()):
        head = members[0]
        relays = sorted({v for c in members for v in c.via})
        ids = ", ".join(c.id for c in members[:SHOWN_IDS])
        ids += f" and {len(members) - SHOWN_IDS:,} more" if len(members) > SHOWN_IDS else ""
        rows.append((label, ids, head.quantity, _figure(head), head.speaker, "; ".join(relays[:SHOWN_IDS])))
    _print_table(("lineage", "claims", "quantity", "figure", "speaker", "relayed by"), rows)
    typer.echo(f"{len(groups)} lineage(s) from {sum(map(len, groups.values()))} claim(s)", err=True)


@claims_app.command()
def merge(
    ids: Annotated[list[str], typer.Argument(help="Claim ids (two or more).")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    name: Annotated[str | None, typer.Option(help="Lineage name (default: the first id).")] = None,
) -> None:
    """Put claims into one lineage by hand: they relay one statement and count once."""
    if len(ids) < 2:
        raise LedgerError(None, "ids", "merge needs at least two claim ids", "give two or more ids")
    with Ledger(ledger, create=False) as led:
        led.set_lineage(ids, name or ids[0])
    typer.echo(f"merged {len(ids)} claim(s) into lineage {name or ids[0]}")


@claims_app.command()
def split(
    ids: Annotated[list[str], typer.Argument(help="Claim ids.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
) -> None:
    """Make each claim its own lineage by hand: an independent statement."""
    with Ledger(ledger, create=False) as led:
        led.relabel({cid: cid for cid in ids})
    typer.echo(f"split {len(ids)} claim(s) into their own lineages")
