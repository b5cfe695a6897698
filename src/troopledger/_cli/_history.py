"""``troopledger history``: the estimate as of each month, what moved it, and how its predictions held."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from troopledger._cli._app import app, atomic_write
from troopledger._cli._options import check_memory
from troopledger._cli._progress import Quiet, announce, shown_stages
from troopledger._cli._report import Format

if TYPE_CHECKING:
    from troopledger.analysis import History

__all__ = ["HISTORY_DRAWS", "history_command", "render_history"]

#: Draws of each as-of run by default (``analysis.HISTORY_DRAWS``; written here so --help loads no numerics).
HISTORY_DRAWS = 4096


def render_history(h: History, fmt: Format) -> str:
    """The history in one output format."""
    from troopledger.report import render_history_html, render_history_markdown, render_history_text

    if fmt is Format.json:
        return json.dumps(h.as_dict(), indent=2, allow_nan=False) + "\n"
    if fmt is Format.text:
        buf = io.StringIO()
        render_history_text(h, Console(file=buf, width=160, force_terminal=False))
        return buf.getvalue()
    return render_history_markdown(h) if fmt is Format.md else render_history_html(h)


@app.command("history")
def history_command(
    case: Annotated[
        str | None, typer.Argument(help="Bundled case name or path to a case .toml (default: nk-russia-2024).")
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="First as-of month, YYYY-MM (default: the case's start).")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last as-of month or day (default: the horizon's end).")
    ] = None,
    every: Annotated[str, typer.Option(help="Step between as-of days: month or quarter.")] = "month",
    draws: Annotated[int, typer.Option(min=100, max=10_000_000, help="Draws of each as-of run.")] = HISTORY_DRAWS,
    seed: Annotated[int, typer.Option(min=0, help="Seed of every run; same seed, same numbers.")] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    out: Annotated[str | None, typer.Option(help="Write to this file (atomically) instead of stdout.")] = None,
    ledger: Annotated[
        str | None, typer.Option(help="Merge this ledger's accepted claims into the case's claims (SQLite file).")
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, max=256, help="Local processes for the runs (1: this process only).")
    ] = os.cpu_count() or 1,
    cluster: Annotated[
        str | None,
        typer.Option(help="Address of a dask.distributed scheduler to run on (default: $TROOPLEDGER_CLUSTER)."),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """The estimate as of the end of each month, the claims that moved it, and its predictions scored."""
    began = time.perf_counter()
    with shown_stages(quiet) as stages:
        announce(stages, "loading the case")  # on a terminal within a second, before the numerical stack loads
        from troopledger.analysis import is_ledger_case

        if is_ledger_case(case):  # every stream's estimate as of each step, and its claims scored (docs/ledger.md)
            from troopledger._cli._ledger import ledger_history_command

            kw = {"start": start, "end": end, "every": every, "draws": draws, "seed": seed, "out": out}
            return ledger_history_command(case or "", fmt=fmt.value, ledger=ledger, **kw)  # type: ignore[arg-type]
        from troopledger.analysis import history  # the numerical stack loads when a run starts, not at start-up
        from troopledger.evidence import ledger_claims, load_case
        from troopledger.model import CLUSTER_ENV, make_executor

        casefile = load_case(case)
        claims = ledger_claims(casefile, ledger) if ledger else []
        c = casefile.with_claims(claims) if claims else casefile
        if not (cluster or os.environ.get(CLUSTER_ENV)):  # on a cluster the memory is the workers'
            workers = check_memory(c, draws, workers, processes=True)
        with make_executor(cluster, workers, kind="process") as ex:
            past = history(c, start=start, end=end, every=every, draws=draws, seed=seed, executor=ex, stages=stages)
            where = ex.name
    from troopledger.report import render_history_text

    h = past
    if not quiet:
        typer.echo(f"history: {len(h.steps)} as-of days on {where} in {time.perf_counter() - began:.1f} s", err=True)
    text = render_history(h, fmt)
    if out:
        atomic_write(out, text)
        typer.echo(f"wrote {out}", err=True)
    elif fmt is Format.text and sys.stdout.isatty():
        render_history_text(h, Console())
    else:
        sys.stdout.write(text)
