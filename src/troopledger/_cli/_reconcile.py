"""``troopledger reconcile``: what would it take for the model to reach a published figure?"""

from __future__ import annotations

import io
import json
import os
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from troopledger._cli._app import app, deliver
from troopledger._cli._options import Scenario, Sets
from troopledger._cli._report import DEFAULT_THREADS, Format

if TYPE_CHECKING:
    from troopledger.analysis import Reconciliation

__all__ = ["reconcile"]


def _render(r: Reconciliation, fmt: Format) -> str:
    from troopledger.report import reconcile_payload, render_reconcile_markdown, render_reconcile_text

    if fmt is Format.json:
        return json.dumps(reconcile_payload(r), indent=2, allow_nan=False) + "\n"
    if fmt is Format.md:
        return render_reconcile_markdown(r)
    buf = io.StringIO()
    render_reconcile_text(r, Console(file=buf, width=150, force_terminal=False))
    return buf.getvalue()


@app.command()
def reconcile(
    case: Annotated[str, typer.Argument(help="Bundled case name or path to a case .toml.")],
    target: Annotated[
        str,
        typer.Option(
            "--target", help="The published figure: OUTPUT@YYYY-MM=VALUE, e.g. cumulative_paid_by_russia@2025-12=620e6."
        ),
    ],
    within: Annotated[
        float | None,
        typer.Option(
            min=0.001,
            max=10.0,
            help="Read the figure as right within this relative half-width (90 %%; default 0.25, an 'about' figure's).",
        ),
    ] = None,
    draws: Annotated[
        int | None,
        typer.Option(
            min=100,
            max=100_000,
            help="Monte Carlo draws, each keeps its monthly path (default 100,000; 20,000 for a ledger case).",
        ),
    ] = None,
    seed: Annotated[int, typer.Option(min=0, help="Seed of the random generator; same seed, same numbers.")] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format: text, json or md.")] = Format.text,
    out: Annotated[str | None, typer.Option(help="Write to this file (atomically) instead of stdout.")] = None,
    ledger: Annotated[
        str | None, typer.Option(envvar="TROOPLEDGER_LEDGER", help="Merge this ledger's accepted claims (SQLite file).")
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            help="Run the case to this month (YYYY-MM) past its last, as report --until does, so a target "
            "may name a forecast month."
        ),
    ] = None,
    lever_draws: Annotated[
        int,
        typer.Option(
            min=0,
            max=20_000,
            help="Resampled posterior draws each single lever is searched on (default 2,000, at least 100; "
            "0 skips the levers).",
        ),
    ] = 2_000,
    scenario: Scenario = None,
    set_: Sets = None,
) -> None:
    """What would it take to reach a published figure: how plausible it is, which inputs and claims must move.

    Two answers: which one input, moved alone, would bring the median there (single levers,
    the headline), and the smallest joint move of every input (the posterior told the figure is right).

    Example: troopledger reconcile nk-russia-record --target cumulative_paid_by_russia@2025-12=620e6
    (add --until 2026-12 for a target past the case's last month).
    """
    from troopledger.analysis import TARGET_WITHIN, parse_target
    from troopledger.analysis import reconcile as reconcile_figure
    from troopledger.errors import InputError
    from troopledger.evidence import forecast, ledger_claims, load_case, resolve

    if fmt is Format.html:
        raise InputError(None, "--format", "reconcile writes text, json or md", "use --format text, json or md")
    from troopledger.analysis import is_ledger_case

    if is_ledger_case(case):  # a stream's output or a shared account (docs/ledger.md)
        from troopledger._cli._ledger import ledger_reconcile

        within_ = TARGET_WITHIN if within is None else within
        kw = {"draws": draws, "seed": seed, "fmt": fmt.value, "out": out, "sets": set_ or [], "scenario": scenario}
        return ledger_reconcile(case, target, within=within_, ledger=ledger, **kw)  # type: ignore[arg-type]
    draws = draws or 100_000
    wanted = parse_target(target)
    casefile = load_case(case, scenario=scenario, sets=set_ or ())
    if until is not None:
        casefile = forecast(casefile, until)
    claims = ledger_claims(casefile, ledger) if ledger else []
    prior = resolve(casefile, claims)
    threads = min(DEFAULT_THREADS, os.cpu_count() or 1)
    r = reconcile_figure(
        prior,
        wanted,
        draws=draws,
        seed=seed,
        workers=threads,
        within=TARGET_WITHIN if within is None else within,
        lever_draws=lever_draws,
    )
    text = _render(r, fmt)
    deliver(text, out)
