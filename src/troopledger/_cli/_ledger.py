"""``troopledger report`` for a ledger case: every stream of value, its totals, checks and conflicts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from troopledger._cli._app import deliver
from troopledger.errors import InputError

__all__ = ["LEDGER_DRAWS", "ledger_history_command", "ledger_reconcile", "ledger_report"]

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
    if fmt == "json":
        text = json.dumps(build_ledger_payload(result), indent=2, allow_nan=False) + "\n"
    elif fmt == "md":
        text = render_ledger_markdown(result)
    elif fmt == "html":
        text = render_ledger_html(result)
    else:
        text = render_ledger_text(result)
    deliver(text, out)


def ledger_reconcile(
    case: str,
    target: str,
    *,
    within: float,
    draws: int | None,
    seed: int,
    fmt: str,
    out: str | None,
    sets: Sequence[str],
    scenario: str | None = None,
    ledger: str | None = None,
) -> None:
    """``troopledger reconcile`` for a ledger case: a published figure against a stream or the whole ledger."""
    from troopledger.analysis import check_ledger_memory, ledger_target, load_ledger, reconcile_ledger
    from troopledger.report import reconcile_payload, render_reconcile_markdown, render_reconcile_text

    extra = []
    if ledger:
        from troopledger.claims import Ledger

        with Ledger(ledger, create=False, readonly=True) as led:
            extra = led.claims(status=("accepted", "edited"))
    loaded = load_ledger(case, extra)
    n = draws or LEDGER_DRAWS
    check_ledger_memory(loaded, n)
    wanted = ledger_target(target, loaded)
    if scenario is not None:
        sc = loaded.scenarios.get(scenario)
        if sc is None:
            known = ", ".join(sorted(loaded.scenarios)) or "none"
            raise InputError(None, "--scenario", f"no scenario {scenario!r} in {loaded.name}", f"use one of: {known}")
        sets = [*sc.sets, *sets]
    r = reconcile_ledger(loaded, wanted, draws=n, seed=seed, within=within, sets=sets, weigh=scenario is None)
    if fmt == "json":
        text = json.dumps(reconcile_payload(r), indent=2, allow_nan=False) + "\n"
    elif fmt == "md":
        text = render_reconcile_markdown(r)
    else:
        import io

        from rich.console import Console

        buf = io.StringIO()
        render_reconcile_text(r, Console(file=buf, width=150, force_terminal=False))
        text = buf.getvalue()
    deliver(text, out)


def ledger_history_command(
    case: str,
    *,
    start: str | None,
    end: str | None,
    every: str,
    draws: int,
    seed: int,
    fmt: str,
    out: str | None,
    ledger: str | None = None,
) -> None:
    """``troopledger history`` for a ledger case: the estimate as of each step by stream, predictions scored."""
    from troopledger.analysis import check_ledger_memory, ledger_history, load_ledger
    from troopledger.report import (
        render_ledger_history_html,
        render_ledger_history_markdown,
        render_ledger_history_text,
    )

    extra = []
    if ledger:
        from troopledger.claims import Ledger

        with Ledger(ledger, create=False, readonly=True) as led:
            extra = led.claims(status=("accepted", "edited"))
    check_ledger_memory(load_ledger(case, extra), draws)
    h = ledger_history(case, start=start, end=end, every=every, draws=draws, seed=seed, extra=extra)
    if fmt == "json":
        text = json.dumps(h.as_dict(), indent=2, allow_nan=False) + "\n"
    elif fmt == "md":
        text = render_ledger_history_markdown(h)
    elif fmt == "html":
        text = render_ledger_history_html(h)
    else:
        text = render_ledger_history_text(h)
    deliver(text, out)
