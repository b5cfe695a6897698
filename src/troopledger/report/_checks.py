"""Claim checks in the report: which claims the model fits, which it disputes or cannot reach, and why.

The calibration checks each claim against the model's predictive distribution
(``calibration.claim_checks``: fits, disputed or misfit), judges it
(``calibration.claim_judgements``, with its posterior probability of being wrong)
and, where independent sources agree against the model, names the structural
assumption at fault (``calibration.structural_misfits``). This module turns those
into plain rows, and renders them for the terminal and the HTML page (the Markdown
renderer uses the same rows). Speakers and quotes come from files: the renderers
escape every cell.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from troopledger._untrusted import escape_html, for_terminal
from troopledger.report._html_parts import esc_rows, table
from troopledger.report._sections import claim_said

if TYPE_CHECKING:
    from troopledger.report._payload import ReportPayload

__all__ = [
    "CHECK_HEAD",
    "CHECK_TITLE",
    "MISFIT_HEAD",
    "check_rows",
    "check_summary",
    "checks_html",
    "checks_text",
    "misfit_rows",
]

CHECK_TITLE = "Claim checks: claims disputed, misfit or judged likely wrong"
#: Columns of the table of claims that do not simply fit.
CHECK_HEAD = ("Claim", "Speaker", "Says", "Check", "Judgement", "P(wrong)", "Tail (left out)", "Assumptions")
MISFIT_HEAD = ("Assumption", "Claims", "Model error (90 %)", "Explanation")
_CONSISTENT = "consistent"


def _pct(x: Any) -> str:
    return f"{x:.0%}" if isinstance(x, int | float) and math.isfinite(x) else "n/a"


def check_summary(p: ReportPayload) -> str | None:
    """One sentence: how many claims were checked, how many fit, are disputed or misfit, and how they are judged."""
    cal = p.calibration
    if cal is None or not cal.claim_checks:
        return None
    verdicts = [c.verdict for c in cal.claim_checks]
    judged = cal.claim_judgements
    wrong = sum(1 for v in judged.values() if v.startswith("likely wrong"))
    structural = sum(1 for v in judged.values() if v.startswith("structural misfit"))
    n_misfits = len(cal.structural_misfits)
    return (
        f"Each claim checked against the model's predictive distribution: {len(cal.claim_checks)} checked, "
        f"{verdicts.count('fits')} fit, {verdicts.count('disputed')} disputed (the other claims pull against it), "
        f"{verdicts.count('misfit')} misfit (the model cannot reach it). Judged: {wrong} likely wrong, "
        f"{structural} a structural misfit of the model rather than wrong; "
        f"{n_misfits} structural misfit{'s' if n_misfits != 1 else ''} named."
    )


def check_rows(p: ReportPayload) -> list[tuple[str, ...]]:
    """Claims that do not simply fit (disputed, misfit, or judged other than consistent), most doubted first."""
    cal = p.calibration
    if cal is None:
        return []
    judged = cal.claim_judgements
    wrong = cal.claims_wrong_posterior
    claims = p.claims
    rows: list[tuple[float, tuple[str, ...]]] = []
    for c in cal.claim_checks:
        cid = c.claim
        verdict, judgement = c.verdict, judged.get(cid, "")
        if verdict == "fits" and judgement in ("", _CONSISTENT):
            continue
        entry = claims.get(cid)
        p_wrong = wrong.get(cid)
        tail = c.tail_left_out
        rows.append(
            (
                -(p_wrong if isinstance(p_wrong, int | float) else 0.0),
                (
                    cid,
                    entry.claim.speaker if entry else "",
                    claim_said(entry.claim) if entry else "",
                    verdict,
                    judgement,
                    _pct(p_wrong),
                    _pct(tail),
                    ", ".join(c.assumptions),
                ),
            )
        )
    rows.sort(key=lambda r: (r[0], r[1][0]))
    return [r for _, r in rows]


def misfit_rows(p: ReportPayload) -> list[tuple[str, str, str, str]]:
    """Each structural misfit: the assumption (its text), the claims it covers, the model's error, the explanation."""
    out = []
    for m in () if p.calibration is None else p.calibration.structural_misfits:
        factor = m.factor
        err = f"within ×{factor:.2f}" if isinstance(factor, int | float) and math.isfinite(factor) else "n/a"
        out.append((f"{m.assumption}: {m.text}", ", ".join(m.claims), err, m.explanation))
    return out


def checks_text(p: ReportPayload) -> Group | None:
    """The claim checks for the terminal: the summary sentence, the table of claims that do not fit, the misfits."""
    line = check_summary(p)
    if line is None:
        return None
    parts: list[Any] = [Text(line)]
    rows = check_rows(p)
    if rows:
        t = Table(title=CHECK_TITLE, title_justify="left")
        for col in CHECK_HEAD:
            t.add_column(col, justify="right" if col in ("P(wrong)", "Tail (left out)") else "left")
        for row in rows:
            t.add_row(*(Text(for_terminal(x)) for x in row))
        parts.append(t)
    for a, cids, err, why in misfit_rows(p):
        body = Text()
        body.append(for_terminal(a) + "\n", style="bold")
        body.append(f"Claims: {for_terminal(cids)}; the model errs on them {for_terminal(err)}.\n")
        body.append(for_terminal(why))
        parts.append(Panel(body, title="Structural misfit", title_align="left", border_style="yellow"))
    return Group(*parts)


def checks_html(p: ReportPayload) -> str:
    """The claim checks as HTML: the summary, the table of claims that do not fit, the structural misfits."""
    line = check_summary(p)
    if line is None:
        return ""
    out = f"<h3>{escape_html(CHECK_TITLE)}</h3><p>{escape_html(line)}</p>"
    rows = check_rows(p)
    if rows:
        out += table(CHECK_HEAD, esc_rows(rows), numeric=(5, 6))
    misfits = misfit_rows(p)
    if misfits:
        out += "<h3>Structural misfits</h3>" + table(MISFIT_HEAD, esc_rows(misfits))
    return out
