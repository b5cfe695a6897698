"""The report object of a ledger case and its text and Markdown renderings.

:func:`build_ledger_payload` turns a :class:`~troopledger.analysis.LedgerResult` into
one plain dict every format renders: top-level ``totals`` (the shared accounts,
``totals.value_to_north_korea`` first), ``streams.<name>.totals`` and each stream's
share of the value, the inputs and the claims behind them, the checks, the conflict
sets with their arithmetic, and every claim's use or the reason it is unusable.
"""

from __future__ import annotations

import math
from dataclasses import asdict

from troopledger._untrusted import for_terminal
from troopledger.analysis import Band, LedgerResult

__all__ = ["build_ledger_payload", "calibration_lines", "fmt_money", "render_ledger_markdown", "render_ledger_text"]


def _band(b: Band) -> dict[str, float]:
    return {k: (v if math.isfinite(v) else 0.0) for k, v in asdict(b).items()}


def build_ledger_payload(r: LedgerResult) -> dict[str, object]:
    """The ledger report's JSON object (what ``--format json`` prints); the renderers read ``r`` itself."""
    claims = {
        cid: {
            "quantity": c.quantity,
            "value": c.value,
            "low": c.low,
            "high": c.high,
            "unit": c.unit,
            "stated": c.stated,
            "about_until": c.window_end,
            "speaker": c.speaker,
            "via": list(c.via),
            "url": c.source.url if c.source else None,
            "reported": c.source.date if c.source else None,
            "note": c.note,
            "use": r.usage[cid],
        }
        for cid, c in r.case.claims.items()
    }
    unusable = [{"claim": cid, "reason": why} for cid, why in unusable_claims(r)]
    return {
        "kind": "ledger",
        "case": r.case.name,
        "title": r.case.title,
        "description": r.case.description,
        "window": {"from": r.window[0], "until": r.window[1]},
        "draws": r.draws,
        "seed": r.seed,
        "currency": r.currency,
        "rate_per_usd": r.rate,
        **({"rate_note": r.rate_note} if r.rate_note else {}),
        "sets": r.sets,
        "scenario": None
        if r.scenario is None
        else {
            "name": r.scenario,
            "note": r.case.scenarios[r.scenario].note,
            "claims": r.case.scenarios[r.scenario].claims,
        },
        "weighed_by": r.weighed,
        "effective_draws": r.effective_draws,
        "calibrated_streams": [asdict(c) | {"claims": list(c.claims)} for c in r.calibrations],
        "checked_not_weighed": r.not_weighed,
        "totals": {a: {**_band(b), "label": r.labels[a]} for a, b in r.totals.items()},
        "streams": {
            name: {
                "label": s.label,
                "share_of_value": _band(s.share),
                "totals": {a: _band(b) for a, b in s.totals.items()},
                "outputs": {o: {"unit": unit, "label": label, **_band(b)} for o, (unit, label, b) in s.outputs.items()},
                "monthly_value_mean": s.monthly_value,
                "months": list(r.case.months),
                "notes": s.notes,
            }
            for name, s in r.streams.items()
        },
        "inputs": [
            {
                "input": i.key,
                "unit": i.unit,
                "meaning": i.meaning,
                **_band(i.band),
                "claims": i.claims,
                "weights": i.weights,
                "note": i.note,
                "assumption": i.assumption,
            }
            for i in r.inputs
        ],
        "checks": [
            {
                "claim": c.claim,
                "quantity": c.quantity,
                "reading": c.reading,
                "figure": c.figure,
                "against": c.what,
                "streams": _band(c.band),
                "verdict": c.verdict,
                "share_of_draws_agreeing": c.support,
            }
            for c in r.checks
        ],
        "conflicts": [{"name": c.name, "note": c.note, "members": c.members} for c in r.conflicts],
        "claims": claims,
        "claims_total": len(claims),
        "unusable": unusable,
        "conservation_error_usd": r.conservation_error,
    }


def calibration_lines(r: LedgerResult) -> list[str]:
    """Which streams are calibrated and on what, with their effective draws; what weighs the ledger's draws."""
    out = []
    for c in r.calibrations:
        out.append(
            f"{c.stream.capitalize()} calibrated on {len(c.claims)} claims of {c.case}, as its own report "
            f"calibrates them ({c.method} sampling: {c.effective_draws:,.0f} effective draws of "
            f"{c.draws:,}, Pareto k {c.pareto_khat:.2f}); the ledger resamples its draws from that posterior."
            + (" Too few effective draws for that posterior to be trusted: give more --draws." if c.degenerate else "")
        )
    if r.weighed:
        others = " of the other streams" if r.calibrations else ""
        out.append(
            f"Draws weighed by {len(r.weighed)} claims of the checks{others} (effective draws "
            f"{r.effective_draws:,.0f}); each claim may be wrong (probability 0.2)."
        )
    if r.not_weighed:
        out.append(f"Checked, not weighed (their stream is calibrated on its own claims): {', '.join(r.not_weighed)}.")
    return out


def fmt_money(x: float, currency: str = "USD") -> str:
    """Money at a readable scale: $1.23B, $456M, 12.3k KRW."""
    if not math.isfinite(x):
        return "n/a"
    a = abs(x)
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= scale:
            num = f"{x / scale:.3g}{suffix}"
            break
    else:
        num = f"{x:.3g}"
    return f"${num}" if currency == "USD" else f"{num} {currency}"


def fin(b: Band) -> Band:
    """The band with non-finite figures as 0, as the JSON has them."""
    return Band(*(v if math.isfinite(v) else 0.0 for v in (b.mean, b.p5, b.p50, b.p95)))


def unusable_claims(r: LedgerResult) -> list[tuple[str, str]]:
    """(claim id, reason) for every claim of the case the ledger could not use."""
    return [(cid, u.removeprefix("unused: ")) for cid, u in r.usage.items() if u.startswith("unused")]


def rate_line(r: LedgerResult) -> str:
    """How the money was converted (empty in US dollars)."""
    if not r.rate_note:
        return ""
    return f"Amounts in {r.currency} at {r.rate:,.4g} per US dollar (the window's average). {r.rate_note}"


def _interval(band: Band, cur: str) -> str:
    b = fin(band)
    return f"{fmt_money(b.p50, cur)} ({fmt_money(b.p5, cur)} to {fmt_money(b.p95, cur)})"


def _lines(r: LedgerResult, md: bool) -> list[str]:
    cur = r.currency
    esc = _md if md else for_terminal
    out = []
    h = "# " if md else ""
    out.append(f"{h}{esc(r.case.title)}")
    out.append("")
    v = r.totals["value_to_north_korea"]
    out.append(
        f"Value to North Korea, {r.window[0]} to {r.window[1]}: {_interval(v, cur)} "
        f"(median, 90 % band); mean {fmt_money(fin(v).mean, cur)}. {r.draws:,} draws, seed {r.seed}."
    )
    if r.rate_note:
        out.append(rate_line(r))
    if r.scenario is not None:
        out.append(f"Scenario {esc(r.scenario)}: {esc(r.case.scenarios[r.scenario].note)}")
    out.extend(esc(line) for line in calibration_lines(r))
    if r.sets:
        out.append("Inputs set on the command line: " + esc(", ".join(r.sets)))
    out.append("")
    out.append(f"{'## ' if md else ''}Shared accounts")
    rows = []
    for a, band in r.totals.items():
        t = fin(band)
        rows.append([r.labels[a], fmt_money(t.p50, cur), fmt_money(t.p5, cur), fmt_money(t.p95, cur)])
    out.extend(_table(["Account", "Median", "5 %", "95 %"], rows, md))
    out.append("")
    out.append(f"{'## ' if md else ''}Streams")
    rows = []
    for s in r.streams.values():
        st = {a: fin(b) for a, b in s.totals.items()}
        rows.append(
            [
                s.label,
                _interval(st["value_to_north_korea"], cur),
                f"{100 * fin(s.share).mean:.1f} %",
                fmt_money(st["paid_by_russia"].p50, cur),
                fmt_money(st["kept_by_state"].p50, cur),
                fmt_money(st["in_kind"].p50, cur),
                fmt_money(st["confirmed_received"].p50, cur),
            ]
        )
    out.extend(
        _table(["Stream", "Value (90 % band)", "Share", "Paid", "State keeps", "In kind", "Confirmed"], rows, md)
    )
    out.append("")
    out.append(f"{'## ' if md else ''}Checks of claims against the streams")
    out.extend(
        _table(
            ["Claim", "Figure", "Against", "Streams (median, 90 %)", "Verdict"],
            [[c.claim, esc(c.figure), c.what, check_band(c.band), c.verdict] for c in r.checks],
            md,
        )
    )
    out.append("")
    out.append(f"{'## ' if md else ''}Conflicts")
    for c in r.conflicts:
        out.append(f"{'### ' if md else '* '}{esc(c.name)}")
        out.append(esc(c.note))
        for m in c.members:
            w = f", weight from the draws {m['weight']:.2f}" if m["weight"] is not None else ""
            feeds = m["as_input"]
            used = f", feeds {', '.join(map(str, feeds))}" if isinstance(feeds, list) and feeds else ""
            out.append(
                f"{'- ' if md else '    '}{m['claim']} ({esc(str(m['speaker']))}): {esc(str(m['figure']))}, "
                f"{m['ratio_to_smallest']:.2f}x the smallest{w}{used}"
            )
        out.append("")
    out.append(f"{'## ' if md else ''}Inputs")
    out.extend(
        _table(
            ["Input", "Median (90 %)", "Unit", "Claims"],
            [
                [i.key, check_band(i.band), i.unit, ", ".join(i.claims) or "assumption (stream default)"]
                for i in r.inputs
            ],
            md,
        )
    )
    out.append("")
    n, bad = len(r.case.claims), unusable_claims(r)
    out.append(
        f"{'## ' if md else ''}Claims: {n - len(bad)} of {n} used; "
        f"{len(bad)} unusable ({100 * len(bad) / max(n, 1):.1f} %)"
    )
    for cid, why in bad:
        out.append(f"{'- ' if md else '  '}{cid}: {esc(why)}")
    return out


def check_band(band: Band) -> str:
    """``median (p5-p95)`` of a band in plain numbers (checks and inputs)."""
    b = fin(band)
    return f"{b.p50:,.4g} ({b.p5:,.4g}-{b.p95:,.4g})"


def _md(text: str) -> str:
    return (
        for_terminal(text)
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
    )


def _table(head: list[str], rows: list[list[str]], md: bool) -> list[str]:
    if md:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(_md(str(c)) for c in r) + " |" for r in rows]
        return lines
    cells = [head, *[[for_terminal(str(c)) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(head))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]


def render_ledger_text(r: LedgerResult) -> str:
    """The ledger report as plain text."""
    return "\n".join(_lines(r, md=False)) + "\n"


def render_ledger_markdown(r: LedgerResult) -> str:
    """The ledger report as Markdown, untrusted text escaped."""
    return "\n".join(_lines(r, md=True)) + "\n"
