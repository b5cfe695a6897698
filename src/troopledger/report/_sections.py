"""What the HTML and Markdown reports show, as rows of plain text, before any escaping.

Both page formats render the same sections from the report object; the choice of
rows, their wording and the rule for which URLs may become links live here once.
Nothing in this module escapes: the renderers do, each for its own syntax.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from troopledger.analysis import HEDGE_WIDTH, LEAD_TOTALS, MONEY_TOTALS, PAYMENTS, Band, Claim, hedge_class
from troopledger.report._format import LABELS, fmt_interval, fmt_number, fmt_usd

if TYPE_CHECKING:
    from troopledger.report._payload import ReportPayload

__all__ = [
    "CLAIM_HEAD",
    "INFLUENCE_KEYS",
    "READING_HEAD",
    "SOLDIER_ROWS",
    "SPLIT_TITLE",
    "UNUSABLE_TITLE",
    "claim_rows",
    "claim_said",
    "contradictions_status",
    "forecast_line",
    "hedge_rows",
    "influence_rows",
    "mc_error_line",
    "metadata_rows",
    "reading_rows",
    "safe_url",
    "soldier_rows",
    "source_line",
    "times_words",
    "total_rows",
    "unusable_rows",
    "zero_in_every_draw",
    "zero_rows",
]

#: The soldier's view: label, key in ``derived``, unit.
SOLDIER_ROWS = (
    ("Take-home per soldier for one tour", "take_home_per_soldier_tour", "USD"),
    ("Take-home per soldier per month", "take_home_per_soldier_month", "USD"),
    ("...in years of domestic wages", "take_home_years_of_wages", "years"),
    ("Tour length", "tour_months", "months"),
    ("Chance of being killed in one tour", "p_killed_tour", "fraction"),
    ("Soldiers in theatre (average over the horizon)", "mean_troops_in_theatre", "persons"),
    ("Distinct soldiers sent by the end", "cumulative_deployed_end", "persons"),
    ("Killed over the horizon", "killed_total", "persons"),
    ("Wounded and evacuated over the horizon", "wounded_total", "persons"),
    ("Revenue as a share of GDP (per year)", "revenue_share_of_gdp", "fraction"),
    ("Revenue as a multiple of annual luxury imports", "revenue_multiple_of_luxury_imports", "x"),
)

#: Columns of the table of claims judged by the posterior, and of the readings table.
CLAIM_HEAD = ("Claim", "Speaker", "Quantity", "Says", "Right (prior)", "Wrong (posterior)")
READING_HEAD = ("Weight", "Claims taken as wrong", "Claims taken as right", "Medians in this reading")
SPLIT_TITLE = "Where the evidence splits: coherent readings and their weights"

#: Headline totals whose change the influence table shows.
INFLUENCE_KEYS = LEAD_TOTALS

_TOTAL_KEYS = MONEY_TOTALS


#: The heading of the warning about accepted claims a run could not use.
UNUSABLE_TITLE = "Accepted claims this case cannot use"


def unusable_rows(p: ReportPayload) -> list[tuple[str, str, str]]:
    """Claim id, quantity and why, for every accepted claim the run could not use."""
    return [(u.claim, u.quantity, u.reason) for u in p.unusable_claims]


def safe_url(url: object) -> str | None:
    """``url`` if it may become a link (absolute http or https, no spaces or controls), else None."""
    if not isinstance(url, str) or not url or len(url) > 2000:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def zero_in_every_draw(s: Band | None) -> bool:
    """True for a money total that is zero in every draw: amounts are never negative, so a zero mean says so."""
    if s is None:
        return False
    return s.mean == 0 and s.p5 == 0 and s.p95 == 0


#: Money totals a report may leave out when zero in every draw, in the order the report shows them.
_ZERO_CANDIDATES = (*_TOTAL_KEYS, *PAYMENTS)


def zero_rows(p: ReportPayload) -> list[str]:
    """Labels of the money totals left out of the tables because they are zero in every draw."""
    return [LABELS.get(k, k) for k in _ZERO_CANDIDATES if zero_in_every_draw(p.totals.get(k))]


def total_rows(p: ReportPayload) -> list[tuple[str, str, str, str]]:
    """(account, median, 90 % interval, mean) for every money total in the payload that is not zero in every draw."""
    rows = []
    for key in _TOTAL_KEYS:
        s = p.totals.get(key)
        if s is not None and not zero_in_every_draw(s):
            rows.append((LABELS.get(key, key), fmt_usd(s.p50), fmt_interval(s), fmt_usd(s.mean)))
    return rows


def soldier_rows(p: ReportPayload) -> list[tuple[str, str, str]]:
    """(measure, median, 90 % interval) for the soldier's view, skipping what the run lacks."""
    rows = []
    for label, key, unit in SOLDIER_ROWS:
        s = p.derived.get(key)
        if s is not None:
            rows.append((label, fmt_number(s.p50, unit), fmt_interval(s, unit)))
    return rows


def hedge_rows(p: ReportPayload) -> list[tuple[str, str, str]]:
    """(hedge class, relative width, hedge words of this case's claims in that class)."""
    used: dict[str, set[str]] = {cls: set() for cls in HEDGE_WIDTH}
    for c in p.claims.values():
        h = str(c.claim.hedge or "none")
        used.setdefault(hedge_class(h), set()).add(h)
    return [
        (cls, f"±{HEDGE_WIDTH[cls]:.0%} (90 %)", ", ".join(sorted(used.get(cls, ()))) or "(none in this case)")
        for cls in HEDGE_WIDTH
    ]


def contradictions_status(p: ReportPayload) -> str | None:
    """A sentence for when the contradictions list is empty, saying why; None when it has entries."""
    if p.contradictions:
        return None
    if p.calibration is None:
        return (
            "Calibration was not run for this report (no claims about totals, or --no-calibrate), "
            "so no search for contradictions was made."
        )
    return "None found: no set of up to four claims is far less probable together than each alone."


def _num(x: Any, fmt: str) -> str:
    if isinstance(x, int | float) and math.isfinite(x):
        return format(x, fmt)
    return "n/a"


def metadata_rows(p: ReportPayload) -> list[tuple[str, str]]:
    """(label, value) lines describing the run, enough to reproduce it."""
    m = p.metadata
    method = "n/a" if p.calibration is None else p.calibration.method
    rows = [
        ("troopledger version", m.troopledger_version),
        ("case", m.case_source or p.case),
        ("seed", str(p.seed)),
        ("draws", _num(p.draws, ",")),
        ("monthly bands from", f"{_num(p.monthly_bands_from_draws, ',')} leading draws"),
        ("months", f"{p.months[0]} to {p.months[-1]}" if p.months else "n/a"),
        ("calibrated", f"yes ({method})" if p.calibrated else "no"),
        ("effective draws", _num(p.effective_draws, ",.0f")),
        ("largest money-conservation gap", f"${_num(p.conservation_max_abs_error_usd, '.2g')}"),
        ("case file SHA-256", m.case_sha256),
        ("case and claims SHA-256", m.case_and_claims_sha256),
    ]
    return rows


def source_line(claim: Claim) -> tuple[str, str | None]:
    """The outlet and date of a claim's source as text, and its URL if it may be a link."""
    src = claim.source
    if src is None:
        return "source not recorded", safe_url(None)
    text = ", ".join(str(x) for x in (src.outlet, src.date) if x) or "source not recorded"
    return text, safe_url(src.url)


def _pct(x: Any) -> str:
    return f"{x:+.0%}" if isinstance(x, int | float) and math.isfinite(x) else "n/a"


def influence_rows(p: ReportPayload) -> list[tuple[str, list[str], str, list[str]]]:
    """(lineage, its claim ids, role, relative change of each headline median) when the payload has influence."""
    return [
        (r.lineage, list(r.claims), r.role, [_pct(r.change.get(k)) for k in INFLUENCE_KEYS]) for r in p.influence or ()
    ]


def _share(x: Any) -> str:
    return f"{x:.0%}" if isinstance(x, int | float) and math.isfinite(x) else "n/a"


def _said(c: Claim) -> str:
    if c.stated:
        return c.stated
    unit = c.unit or ""
    kind = "fraction" if unit == "fraction" else "USD" if unit.startswith("USD") else "persons"
    v, lo, hi = c.value, c.low, c.high
    if v is not None:
        return f"{c.hedge or ''} {fmt_number(v, kind)}".strip()
    if lo is not None and hi is not None:
        return f"{fmt_number(lo, kind)} to {fmt_number(hi, kind)}"
    if lo is not None:
        return f"at least {fmt_number(lo, kind)}"
    if hi is not None:
        return f"up to {fmt_number(hi, kind)}"
    return c.words or ""


def claim_said(c: Claim) -> str:
    """What a claim says, as stated or from its figures (plain text: the renderer escapes it)."""
    return _said(c)


def claim_rows(p: ReportPayload) -> list[tuple[str, str, str, str, str, str]]:
    """(claim id, speaker, quantity, what it says, prior chance right, posterior chance wrong), most doubted first."""
    rows: list[tuple[str, str, str, str, str, str, float]] = []
    for cid, c in p.claims.items():
        if c.wrong_probability is None:
            continue
        rows.append(
            (
                str(cid),
                c.claim.speaker,
                c.claim.quantity,
                _said(c.claim),
                _share(c.right_prior),
                _share(c.wrong_probability),
                float(c.wrong_probability),
            )
        )
    rows.sort(key=lambda r: (-r[6], r[0]))
    return [r[:6] for r in rows]


def reading_rows(p: ReportPayload) -> list[tuple[str, str, str, str]]:
    """(weight, claims taken as wrong, claims taken as right, medians) for each coherent reading of the evidence."""
    rows = []
    for r in p.readings:
        meds = [f"{LABELS.get(k, k)} {fmt_usd(v)}" for k, v in r.totals.items()]
        units = {k: e.unit for k, e in p.parameters.items()}
        meds += [f"{k} {fmt_number(v, units.get(k, ''))}" for k, v in r.parameters.items()]
        rows.append((_share(r.weight), ", ".join(r.wrong) or "none", ", ".join(r.right) or "none", "; ".join(meds)))
    return rows


def forecast_line(p: ReportPayload) -> str | None:
    """Which months are a forecast past the case's own, or None when none is."""
    months = p.forecast_months or []
    if not months:
        return None
    span = months[0] if len(months) == 1 else f"{months[0]} to {months[-1]}"
    return (
        f"Months {span} are a forecast past the case's last month: the status quo (waves stay, losses are replaced "
        "as before) with hazards drifting as the case declares, so their bands widen."
    )


def mc_error_line(p: ReportPayload) -> str | None:
    """The Monte Carlo error of the headline medians in one sentence, when the run estimated it."""
    err = p.mc_error
    parts = []
    for key in ("paid_by_russia", "to_state"):
        band = p.totals.get(key)
        e, s = err.get(key, {}).get("p50"), None if band is None else band.p50
        if isinstance(e, int | float) and math.isfinite(e) and s:
            parts.append(f"{LABELS.get(key, key)} median ±{fmt_usd(e)} ({e / s:.1%})")
    if not parts:
        return None
    return "Monte Carlo error (one standard error, batch means over the draws): " + "; ".join(parts) + "."


def times_words(x: float) -> str:
    """A ratio in words a reader can take in: 97 times, 2,538 times, about 10^18 times."""
    if x < 1e6:
        return f"{x:,.3g} times" if x < 100 else f"{x:,.0f} times"
    return f"about 10^{math.floor(math.log10(x))} times"
