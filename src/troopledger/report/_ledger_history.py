"""A ledger case's history rendered: the estimate as of each step by stream, and each stream's predictions scored.

Rendered from the typed :class:`~troopledger.analysis.LedgerHistory` (its JSON is
:meth:`~troopledger.analysis.LedgerHistory.as_dict`), in text, Markdown or HTML; every
claim-derived string is escaped for the format.
"""

from __future__ import annotations

import html

from troopledger.analysis import Band, LedgerHistory
from troopledger.report._format import fmt_usd as fmt_money

__all__ = ["render_ledger_history_html", "render_ledger_history_markdown", "render_ledger_history_text"]


def _band(b: Band) -> str:
    return f"{fmt_money(b.p50)} ({fmt_money(b.p5)} to {fmt_money(b.p95)})"


def _rows(h: LedgerHistory) -> tuple[list[str], list[list[str]], list[list[str]], list[list[str]]]:
    streams = sorted({k for s in h.steps for k in s.streams})
    head = ["As of", "Claims known", "Value to North Korea (90 %)", *streams]
    steps = [
        [
            s.day,
            str(s.claims),
            _band(s.value),
            *(fmt_money(s.streams[k].p50) if k in s.streams else "not yet known" for k in streams),
        ]
        for s in h.steps
    ]
    scores = [[k, f"{inside} of {n}", f"{inside / n:.0%}" if n else "-"] for k, (inside, n) in h.scores().items()]
    preds = [
        [
            p.claim,
            p.stream,
            p.reported,
            p.as_of,
            p.figure,
            p.reading,
            f"{p.band.p50:,.4g} ({p.band.p5:,.4g} to {p.band.p95:,.4g})",
            "inside" if p.inside else "outside",
        ]
        for p in h.predictions
    ]
    return head, steps, scores, preds


_SCORE_HEAD = ["Stream", "Claims inside the 90 % band", "Share"]
_PRED_HEAD = ["Claim", "Stream", "Reported", "Predicted as of", "Figure", "Reading", "Estimate (90 %)", "Verdict"]


def _summary(h: LedgerHistory) -> str:
    inside = sum(a for a, _ in h.scores().values())
    n = sum(n for _, n in h.scores().values())
    return (
        f"History of {h.case}: {len(h.steps)} as-of days, {h.draws:,} draws each, seed {h.seed}. "
        f"{inside} of {n} claims fell inside the 90 % band of the estimate made before they were reported."
    )


def _plain(cell: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in cell)


def render_ledger_history_text(h: LedgerHistory) -> str:
    """Plain text: the summary, the steps, each stream's score and every prediction."""
    head, steps, scores, preds = _rows(h)
    out = [_summary(h), ""]
    for title, hd, rows in (
        ("Estimate as of each day", head, steps),
        ("Predictions by stream", _SCORE_HEAD, scores),
        ("Claims against the estimate before they were reported", _PRED_HEAD, preds),
    ):
        widths = [max(len(_plain(r[i])) for r in [hd, *rows]) for i in range(len(hd))]
        out.append(title)
        out.extend("  ".join(_plain(c).ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in [hd, *rows])
        out.append("")
    return "\n".join(out)


def _md(cell: str) -> str:
    return html.escape(_plain(cell), quote=False).replace("|", "\\|").replace("://", ":&#47;/")


def render_ledger_history_markdown(h: LedgerHistory) -> str:
    """GitHub-flavoured Markdown tables (untrusted text escaped, no autolinks)."""
    head, steps, scores, preds = _rows(h)
    out = [f"# History of {_md(h.case)}", "", _md(_summary(h)), ""]
    for title, hd, rows in (
        ("Estimate as of each day", head, steps),
        ("Predictions by stream", _SCORE_HEAD, scores),
        ("Claims against the estimate before they were reported", _PRED_HEAD, preds),
    ):
        out += [f"## {title}", "", "| " + " | ".join(map(_md, hd)) + " |", "|" + "---|" * len(hd)]
        out += ["| " + " | ".join(map(_md, r)) + " |" for r in rows]
        out.append("")
    return "\n".join(out)


def render_ledger_history_html(h: LedgerHistory) -> str:
    """A self-contained page of the same tables; every cell escaped and isolated (``<bdi>``)."""
    head, steps, scores, preds = _rows(h)

    def table(hd: list[str], rows: list[list[str]]) -> str:
        th = "".join(f"<th>{html.escape(c)}</th>" for c in hd)
        body = "".join("<tr>" + "".join(f"<td><bdi>{html.escape(c)}</bdi></td>" for c in r) + "</tr>" for r in rows)
        return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"

    parts = [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        f"<title>History of {html.escape(h.case)}</title></head><body>",
        f"<h1>History of {html.escape(h.case)}</h1><p>{html.escape(_summary(h))}</p>",
        "<h2>Estimate as of each day</h2>",
        table(head, steps),
        "<h2>Predictions by stream</h2>",
        table(_SCORE_HEAD, scores),
        "<h2>Claims against the estimate before they were reported</h2>",
        table(_PRED_HEAD, preds),
        "</body></html>\n",
    ]
    return "".join(parts)
