"""``troopledger report`` for a ledger case: every stream of value, its totals, checks and conflicts."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import typer

from troopledger._cli._app import atomic_write
from troopledger.errors import InputError

__all__ = ["LEDGER_DRAWS", "ledger_report"]

#: Draws a ledger report runs unless --draws says (the 90 % bands move by well under 1 % beyond).
LEDGER_DRAWS = 20_000


def ledger_report(
    case: str,
    *,
    draws: int | None,
    seed: int,
    fmt: str,
    out: str | None,
    windows: Sequence[str],
    currency: str,
    sets: Sequence[str],
    weigh: bool = True,
    scenario: str | None = None,
    ledger: str | None = None,
) -> None:
    """Load, run and render a ledger case in ``fmt`` (text, json, md, html); ``ledger`` adds its reviewed claims."""
    from troopledger.analysis import check_ledger_memory, load_ledger, run_ledger
    from troopledger.report import build_ledger_payload, render_ledger_html, render_ledger_markdown, render_ledger_text

    if len(windows) > 1:
        raise InputError(None, "--window", "a ledger report takes one window", "give one --window FIRST..LAST")
    window = windows[0] if windows else None
    extra = []
    if ledger:
        from troopledger.claims import Ledger

        with Ledger(ledger, create=False, readonly=True) as led:
            extra = led.claims(status=("accepted", "edited"))
    loaded = load_ledger(case, extra)
    check_ledger_memory(loaded, draws or LEDGER_DRAWS)  # refused in one line before it starts, as a soldier run
    result = run_ledger(
        loaded,
        draws or LEDGER_DRAWS,
        seed,
        window=window,
        currency=currency,
        sets=sets,
        weigh=weigh,
        scenario=scenario,
    )
    payload = build_ledger_payload(result)
    if fmt == "json":
        text = json.dumps(payload, indent=2, allow_nan=False) + "\n"
    elif fmt == "md":
        text = render_ledger_markdown(payload)
    elif fmt == "html":
        text = render_ledger_html(payload)
    else:
        text = render_ledger_text(payload)
    if out:
        atomic_write(out, text)
        typer.echo(f"wrote {out}", err=True)
    else:
        sys.stdout.write(text)
