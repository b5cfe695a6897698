"""The report in a few plain sentences an editor can paste: how much, the state's share, how sure, what is disputed.

:func:`summary` writes them from the report object alone: what Russia pays, what
share the North Korean state keeps (the story's number), how wide the uncertainty
is and what it was weighed against, which claims are disputed, and which input
would change the figure most. Each line is plain text, unescaped (speakers and
meanings come from sources); the renderers escape it for their own syntax.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from troopledger.report._conflicts import conflicts
from troopledger.report._format import fmt_number, fmt_usd

if TYPE_CHECKING:
    from troopledger.report._payload import ReportPayload

__all__ = ["SUMMARY_TITLE", "summary"]

#: The heading every format gives the summary.
SUMMARY_TITLE = "In short"


def _num(x: Any) -> float | None:
    return float(x) if isinstance(x, int | float) and math.isfinite(x) else None


def _pct(x: Any) -> str:
    v = _num(x)
    return "n/a" if v is None else f"{v:.0%}"


def _how_much(p: ReportPayload) -> str:
    t, months = p.totals, p.months or ["?"]
    paid = t["paid_by_russia"]
    span = f"from {months[0]} to {months[-1]}" if len(months) > 1 else f"in {months[0]}"
    return (
        f"Russia pays an estimated {fmt_usd(paid.p50)} for the North Korean soldiers {span} "
        f"(median; 90 % interval {fmt_usd(paid.p5)} to {fmt_usd(paid.p95)})."
    )


def _share(p: ReportPayload) -> str:
    t = p.totals
    kept, soldiers, families = t["to_state"], t.get("to_soldiers"), t.get("to_families")
    share = p.state_share
    head = (
        f"The North Korean state keeps about {_pct(share.p50)} of it "
        f"(90 % interval {_pct(share.p5)} to {_pct(share.p95)}), "
        if share is not None
        else "The North Korean state keeps "
    )
    head += f"{fmt_usd(kept.p50)} in all; living soldiers receive {fmt_usd(soldiers.p50 if soldiers else None)}"
    fam = _num(families.p95) if families is not None else None
    if families is not None and fam is not None and fam > 0:
        return head + f" and families of the dead {fmt_usd(families.p50)}."
    return head + "; nothing reaches families of the dead in this case's inputs."


def _how_sure(p: ReportPayload) -> str:
    paid = p.totals["paid_by_russia"]
    lo, hi = _num(paid.p5), _num(paid.p95)
    spread = (
        f"the high end of the 90 % interval is {hi / lo:.1f} times the low end"
        if lo and hi
        else "the spread is unknown"
    )
    used = 0 if p.calibration is None else len(p.calibration.observations)
    claims = len(p.claims)
    if p.calibrated and used:
        weighed = f"the draws are weighed against {used} published figures about totals, counts and take-home pay"
    else:
        weighed = "no published total weighed the draws (these are the inputs' own ranges)"
    held = ""
    cov = None if p.history is None else p.history.coverage.all
    if cov is not None and cov.n:
        held = (
            f" Earlier estimates' 90 % intervals held {cov.coverage or 0.0:.0%} of the {cov.n} figures reported "
            "after them."
        )
    return f"How sure: {spread}; {claims} sourced claims build the inputs and {weighed}.{held}"


def _disputed(p: ReportPayload) -> str:
    claims = p.claims
    found = conflicts(p)
    parts = []
    if found:
        first = found[0]
        parts.append(
            f"{len(found)} claim{'s' if len(found) > 1 else ''} cannot hold with the others; the most doubted is "
            f"{first.describe(claims)}{first.doubt}"
        )
    mixed = [e.meaning or name for name, e in p.parameters.items() if e.distribution.startswith("mixture of ")]
    if mixed:
        parts.append("sources disagree on " + "; ".join(mixed[:3]) + ("; and more" if len(mixed) > 3 else ""))
    if not parts:
        return "Disputed: no claims contradict each other and no sources disagree on an input."
    return "Disputed: " + "; ".join(parts) + "."


def _would_change(p: ReportPayload) -> str | None:
    sens = p.sensitivity
    order = list(sens["order"]) if sens else []
    if not sens or not order:
        return None
    params = p.parameters
    name = order[0]
    e = params.get(name)
    meaning = (e.meaning if e else "") or name
    said = ""
    if e is not None and e.band is not None:
        said = f", now {fmt_number(e.band.p5, e.unit)} to {fmt_number(e.band.p95, e.unit)}"
    swing = (sens["swing"].get(name) or {}).get("paid_by_russia")
    moves = ""
    if swing:
        moves = (
            f": between its lowest and highest tenth of draws, the median total Russia pays "
            f"moves from {fmt_usd(swing.get('low'))} to {fmt_usd(swing.get('high'))}"
        )
    following = params.get(order[1]) if len(order) > 1 else None
    nxt = f". Next: {(following.meaning if following else '') or order[1]}" if len(order) > 1 else ""
    return f"What would change it most: a better figure for {meaning}{said}{moves}{nxt}."


def summary(p: ReportPayload) -> list[str]:
    """The plain-language summary as sentences, in reading order (plain text, to be escaped by the renderer)."""
    lines = [_how_much(p), _share(p), _how_sure(p), _disputed(p)]
    change = _would_change(p)
    if change is not None:
        lines.append(change)
    return lines
