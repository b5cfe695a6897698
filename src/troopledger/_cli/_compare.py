"""``troopledger compare``: two cases or scenarios side by side, with common random numbers."""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from troopledger._cli._app import app, deliver
from troopledger._cli._options import Currency, Rate, Rates, Sets, Windows, desk_from
from troopledger._cli._progress import Quiet, announce, shown_stages
from troopledger._cli._report import DEFAULT_THREADS, Format
from troopledger.errors import InputError

if TYPE_CHECKING:
    from troopledger.analysis import CompareRun, Comparison
    from troopledger.evidence import Prior

__all__ = ["compare"]


def _side(spec: str, sets: list[str]) -> tuple[Prior, CompareRun]:
    """A case written ``CASE`` or ``CASE@SCENARIO``, with ``--set`` overrides, resolved."""
    from troopledger.analysis import CompareRun
    from troopledger.evidence import load_case, resolve

    case, _, scenario = spec.partition("@")
    if not case:
        raise InputError(None, "compare", f"{spec!r} names no case", "write CASE or CASE@SCENARIO")
    casefile = load_case(case, scenario=scenario or None, sets=sets)
    label = f"{spec} with {', '.join(sets)}" if sets else spec
    applied = casefile.scenario
    run = CompareRun(
        label,
        casefile.name,
        applied.get("name"),
        str(applied.get("description") or ""),
        dict(applied.get("set") or {}),
    )
    return resolve(casefile), run


def _render(c: Comparison, fmt: Format) -> str:
    from troopledger.report import render_compare_html, render_compare_markdown, render_compare_text

    if fmt is Format.json:
        return json.dumps(c.to_json(), indent=2, allow_nan=False) + "\n"
    if fmt is Format.text:
        buf = io.StringIO()
        render_compare_text(c, Console(file=buf, width=130, force_terminal=False))
        return buf.getvalue()
    return render_compare_markdown(c) if fmt is Format.md else render_compare_html(c)


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="First run: a case name or path, optionally CASE@SCENARIO.")],
    b: Annotated[
        str | None, typer.Argument(help="Second run (default: the first, with the --set overrides applied).")
    ] = None,
    set_: Sets = None,
    draws: Annotated[int, typer.Option(min=100, max=2_000_000, help="Paired Monte Carlo draws.")] = 50_000,
    seed: Annotated[int, typer.Option(min=0, help="Seed shared by both runs (common random numbers).")] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    out: Annotated[str | None, typer.Option(help="Write to this file (atomically) instead of stdout.")] = None,
    currency: Currency = "USD",
    rate: Rate = None,
    rates: Rates = None,
    window: Windows = None,
    prior_draws: Annotated[
        bool, typer.Option("--prior-draws", help="Pair the prior's draws even when the case has claims to weigh by.")
    ] = False,
    quiet: Quiet = False,
) -> None:
    """Run two cases or scenarios with the same random draws; show both and their difference with its interval.

    On a case with claims to weigh by, the draws are the posterior's: the first run is
    calibrated and the second mapped onto the same draws and reweighted by its own claims,
    so draw i of one run pairs with draw i of the other (--prior-draws pairs the prior's).
    Example: troopledger compare nk-russia-record --set signing_bonus=2000
    """
    from troopledger.analysis import compare_runs  # the numerical stack loads when a run starts

    sets = list(set_ or [])
    if b is None and not sets:
        raise InputError(None, "compare", "one run and no --set: nothing to compare", "give a second run or --set")
    prior_a, run_a = _side(a, [])
    prior_b, run_b = _side(b or a, sets)
    if prior_a.horizon != prior_b.horizon and window:
        raise InputError(None, "--window", "the two runs cover different months", "compare totals without --window")
    desk = desk_from(currency, rate, rates, window)
    threads = min(DEFAULT_THREADS, os.cpu_count() or 1)
    labels = (run_a.label, run_b.label)
    posterior = False if prior_draws else None
    with shown_stages(quiet) as stages:
        announce(stages, f"two paired runs of {draws:,} draws")
        result = compare_runs(
            prior_a, prior_b, draws, seed, desk=desk, labels=labels, posterior=posterior, workers=threads
        )
    text = _render(replace(result, runs=(run_a, run_b)), fmt)
    deliver(text, out)
