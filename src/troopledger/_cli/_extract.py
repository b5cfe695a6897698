"""``troopledger extract`` and ``troopledger ingest``: candidate claims from article files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from troopledger._cli._app import app
from troopledger._untrusted import for_terminal
from troopledger.claims import DEFAULT_LEDGER, Ledger

if TYPE_CHECKING:
    from troopledger.claims import Claim
    from troopledger.sources import Document

__all__ = ["extract", "ingest"]


class _Format(StrEnum):
    json = "json"
    table = "table"


_Files = Annotated[list[Path], typer.Argument(help="article files: plain text or saved HTML pages")]
_Outlet = Annotated[str | None, typer.Option("--outlet", help="outlet that published the article")]
_Url = Annotated[str | None, typer.Option("--url", help="the article's URL")]
_Date = Annotated[str | None, typer.Option("--date", help="publication date, YYYY-MM-DD")]


def _read_all(files: list[Path], outlet: str | None, url: str | None, date: str | None) -> list[Document]:
    """Every file read first, so a bad one stops the run before anything is printed or written.

    Guessed encodings, pages read as plain text and files with no article text are
    said on stderr, so an empty or doubtful result is never silent. (Reading and extraction load
    here, on first use: other commands never compile their patterns.)
    """
    from troopledger.sources import GUESSED, read_document

    told = (GUESSED, "no article text", "the HTML extractor", "named like an HTML page")
    docs = [read_document(f, outlet=outlet, url=url, date=date) for f in files]
    for doc in docs:
        for note in doc.notes:
            if note.startswith(told):
                typer.echo(f"troopledger: note: {for_terminal(doc.path)}: {note}", err=True)
    return docs


#: Below this terminal width the review shows one card per claim instead of a nine-column table.
TABLE_FROM_COLUMNS = 160


def _figure(c: Claim) -> str:
    return c.describe_value() + (f" per {c.period}" if c.period in ("year", "tour") and "/" not in c.unit else "")


def _cards(claims: list[Claim]) -> Group:
    """One small two-column grid per claim: reads at 80 columns without breaking words."""
    parts: list[Any] = [Text("candidate claims (pending review)", style="italic")]
    for c in claims:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        conf = f", confidence {c.confidence:.1f}" if c.confidence is not None else ""
        grid.add_row(Text(for_terminal(c.id), style="bold"), Text(for_terminal(f"{c.quantity}: {_figure(c)}{conf}")))
        who = f"{c.speaker} ({c.speaker_kind})" + (f" via {' → '.join(c.via)}" if c.via else "")
        for label, value in (("said by", who), ("hedge", c.hedge), ("stated", c.stated), ("sentence", _context(c))):
            grid.add_row(label, Text(for_terminal(value)))
        parts += [grid, Text("")]
    return Group(*parts)


def _review(claims: list[Claim], console: Console) -> Any:
    """The review table on a wide terminal, one card per claim on a narrow one."""
    return _table(claims) if console.width >= TABLE_FROM_COLUMNS else _cards(claims)


def _table(claims: list[Claim]) -> Table:
    table = Table(title="candidate claims (pending review)", show_lines=False)
    for col in ("id", "quantity", "figure", "conf", "hedge", "speaker", "via", "stated", "sentence"):
        table.add_column(col, overflow="fold")
    for c in claims:
        conf = f"{c.confidence:.1f}" if c.confidence is not None else ""
        table.add_row(
            Text(c.id),
            Text(c.quantity),
            Text(_figure(c)),
            Text(conf),
            Text(c.hedge),
            Text(f"{c.speaker} ({c.speaker_kind})"),
            Text(" → ".join(c.via)),
            Text(c.stated),
            Text(_context(c)),
        )
    return table


def _context(c: Claim, width: int = 160) -> str:
    """The sentence around the figure, cut to about ``width`` characters, for a quick review."""
    text = " ".join(c.text.split())
    if len(text) <= width:
        return text
    at = text.find(c.stated) if c.stated else -1
    start = max(0, min(at - width // 2, len(text) - width)) if at >= 0 else 0
    return ("…" if start else "") + text[start : start + width] + ("…" if start + width < len(text) else "")


def _extracted(doc: Document) -> list[Claim]:
    """The document's candidate claims, with a note on stderr when extraction stopped at its limit."""
    from troopledger.claims import MAX_CLAIMS, extract_claims

    claims = extract_claims(doc)
    if not claims:
        from troopledger.claims import unread_note

        if note := unread_note(doc, claims):
            typer.echo(f"troopledger: note: {for_terminal(doc.path)}: {note}", err=True)
    if len(claims) >= MAX_CLAIMS:
        typer.echo(
            f"troopledger: note: {for_terminal(doc.path)}: stopped after {len(claims):,} candidate claims"
            f" (at most {MAX_CLAIMS:,} are read from one document); split it to read the rest",
            err=True,
        )
    return claims


@app.command()
def extract(
    files: _Files,
    fmt: Annotated[
        _Format, typer.Option("--format", help="json: a list of claim records (claims import reads it); table")
    ] = _Format.table,
    outlet: _Outlet = None,
    url: _Url = None,
    date: _Date = None,
) -> None:
    """Print candidate claims (figures, labels, speakers) found in article files."""
    claims = [c for doc in _read_all(files, outlet, url, date) for c in _extracted(doc)]
    if fmt is _Format.json:
        # one JSON list, each record serialised by pydantic (several times faster than json.dumps with indent)
        typer.echo("[\n" + ",\n".join(c.model_dump_json(indent=2) for c in claims) + "\n]" if claims else "[]")
        return
    console = Console()
    console.print(_review(claims, console))


@app.command()
def ingest(
    files: _Files,
    ledger: Annotated[
        Path, typer.Option("--ledger", envvar="TROOPLEDGER_LEDGER", help="the claims ledger (SQLite)")
    ] = Path(DEFAULT_LEDGER),
    outlet: _Outlet = None,
    url: _Url = None,
    date: _Date = None,
) -> None:
    """Add the candidate claims of article files to the ledger as pending; skip documents it already has."""
    docs = _read_all(files, outlet, url, date)
    with Ledger(ledger) as book:
        known = book.source_hashes()
        added = skipped = 0
        new: list[Claim] = []
        for doc in docs:
            if doc.hash in known:
                skipped += 1
                continue
            known.add(doc.hash)
            new.extend(_extracted(doc))
        added = book.add(new)
    typer.echo(f"{added} pending claims added from {len(docs) - skipped} documents; {skipped} already in {ledger}")
