"""``troopledger report`` and ``troopledger cases``."""

from __future__ import annotations

import io
import json
import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from troopledger._cli._app import app, atomic_write
from troopledger._cli._options import MAX_DRAWS, Currency, Rate, Rates, Scenario, Sets, Windows, check_memory, desk_from
from troopledger._cli._progress import Quiet, announce, shown_stages

if TYPE_CHECKING:
    from troopledger.report import ReportPayload

__all__ = ["Format", "cases", "report"]


class Format(StrEnum):
    """Output formats of ``troopledger report``."""

    text = "text"
    json = "json"
    md = "md"
    html = "html"


#: Threads a report runs its chunks on unless --workers says: two cores are what the target machine has.
DEFAULT_THREADS = 2


def _render(report: ReportPayload, fmt: Format) -> str:
    from troopledger.report import render_html, render_markdown, render_text

    if fmt is Format.json:
        return json.dumps(report.to_json(), indent=2, allow_nan=False) + "\n"
    if fmt is Format.text:
        buf = io.StringIO()
        render_text(report, Console(file=buf, width=130, force_terminal=False))
        return buf.getvalue()
    return render_markdown(report) if fmt is Format.md else render_html(report)


@app.command()
def report(
    case: Annotated[
        str | None, typer.Argument(help="Bundled case name or path to a case .toml (default: nk-russia-2024).")
    ] = None,
    draws: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=MAX_DRAWS,
            help="Number of Monte Carlo draws (default 100,000; 20,000 for a ledger case). A run must fit the "
            "memory budget, 4 GB unless TROOPLEDGER_MEMORY_GB says: about 2.7 million draws (docs/bad-input.md).",
        ),
    ] = None,
    seed: Annotated[int, typer.Option(min=0, help="Seed of the random generator; same seed, same numbers.")] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    out: Annotated[str | None, typer.Option(help="Write to this file (atomically) instead of stdout.")] = None,
    ledger: Annotated[
        str | None, typer.Option(envvar="TROOPLEDGER_LEDGER", help="Merge this ledger's accepted claims (SQLite file).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=64,
            help="Threads to run chunks on (default: up to two, as cores allow; processes for --history, default "
            "one); same results.",
        ),
    ] = None,
    calibrate_: Annotated[
        bool | None,
        typer.Option(
            "--calibrate/--no-calibrate",
            help="Weigh the draws by the claims about totals, counts and take-home pay, and look for claims that "
            "cannot all be true (default: when the case has such claims).",
        ),
    ] = None,
    influence: Annotated[
        bool, typer.Option(help="Add how far each lineage of claims moves the headline (one re-run per lineage).")
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(help="Use only the claims reported on or before this day (YYYY-MM-DD, or YYYY-MM: its end)."),
    ] = None,
    history: Annotated[
        bool, typer.Option(help="Add the estimate as of each month end, what moved it, and the hindcast.")
    ] = False,
    until: Annotated[
        str | None,
        typer.Option(
            help="Forecast to this month (YYYY-MM) past the case's last: the status quo, with hazards drifting "
            "as the case's [forecast] declares; the report marks the forecast months."
        ),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(help="Run chunks on this dask.distributed scheduler (default: $TROOPLEDGER_CLUSTER)."),
    ] = None,
    currency: Currency = "USD",
    rate: Rate = None,
    rates: Rates = None,
    window: Windows = None,
    scenario: Scenario = None,
    set_: Sets = None,
    quiet: Quiet = False,
) -> None:
    """Estimate the money flows of a case, with 90 % intervals and the sources behind each input."""
    from troopledger.analysis import is_ledger_case

    if is_ledger_case(case):
        from troopledger._cli._ledger import ledger_report

        ledger_report(
            case or "",
            draws=draws,
            seed=seed,
            fmt=fmt.value,
            out=out,
            windows=window or [],
            currency=currency,
            sets=set_ or [],
            weigh=calibrate_ is not False,
            scenario=scenario,
            ledger=ledger,
        )
        return
    draws = draws or 100_000
    with shown_stages(quiet) as stages:
        announce(stages, "loading the case")  # on a terminal within a second, before the numerical stack loads
        from troopledger.analysis import HISTORY_DRAWS, run  # the numerical stack loads when a run starts
        from troopledger.analysis import history as history_of
        from troopledger.evidence import as_of as view_as_of
        from troopledger.evidence import forecast, ledger_claims, load_case, parse_day
        from troopledger.model import make_executor
        from troopledger.report import build_payload

        casefile = load_case(case, scenario=scenario, sets=set_ or ())
        claims = ledger_claims(casefile, ledger) if ledger else []
        day = parse_day(as_of) if as_of else None
        if day is not None or history:
            casefile, claims = casefile.with_claims(claims) if claims else casefile, []
        view = view_as_of(casefile, day) if day is not None else casefile
        if until is not None:
            view = forecast(view, until)
        threads = workers or min(DEFAULT_THREADS, os.cpu_count() or 1)
        threads = check_memory(view, draws, threads)
        with make_executor(cluster, threads, kind="thread") as ex:
            result = run(
                view,
                draws,
                seed,
                claims=claims,
                calibrate=calibrate_,
                influence=influence,
                workers=threads,
                executor=ex,
                desk=desk_from(currency, rate, rates, window),
                stages=stages,
            )
        past = None
        if history:
            end = day.isoformat() if day is not None else None
            with make_executor(cluster, workers or 1, kind="process") as ex:
                past = history_of(
                    casefile, end=end, draws=min(draws, HISTORY_DRAWS), seed=seed, executor=ex, stages=stages
                )
        announce(stages, "writing the report")
        payload = build_payload(result, history=past)
        text = _render(payload, fmt) if out else ""
    from troopledger.report import render_text

    if out:
        atomic_write(out, text)
        typer.echo(f"wrote {out}", err=True)
    elif fmt is Format.text and sys.stdout.isatty():
        render_text(payload)
    else:
        sys.stdout.write(_render(payload, fmt))


@app.command()
def cases() -> None:
    """List the bundled cases."""
    from troopledger.evidence import bundled_cases, bundled_ledgers

    table = Table("Case", "Title")
    for name, title in bundled_cases().items():
        table.add_row(name, title)
    for name, title in bundled_ledgers().items():
        table.add_row(name, f"{title} (ledger of every stream)")
    Console().print(table)
