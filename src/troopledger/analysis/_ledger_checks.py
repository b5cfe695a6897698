"""Checks of a ledger's claims against its streams: probes, verdicts, weights, conflict sets, every claim's use.

A check reads what the streams imply for a claim (a sum over months, the last month,
or a mean; optionally divided by another claim's figure) and says whether the claim
agrees; weighed checks also weigh the draws (:mod:`._ledger_weights`). Conflict sets
show each claim's figure, its ratio to the smallest, and its share of the weighed
draws that agree with it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._ledger_case import LedgerCase, LedgerCheck
from troopledger.analysis._ledger_weights import Band, claim_fit
from troopledger.claims import TOTAL_SCOPES, Claim, month_index
from troopledger.model.streams import LedgerDraws, Probe

__all__ = [
    "POINT_WIDTH",
    "CheckResult",
    "ConflictResult",
    "check_probes",
    "check_reading",
    "check_results",
    "claim_interval",
    "claim_usage",
    "conflict_results",
    "draw_weights",
    "scoped_results",
    "weighing_checks",
]

Array = NDArray[np.float64]
#: A claim's point figure is read as this relative half-width when checked ("about").
POINT_WIDTH = 0.25


@dataclass(frozen=True)
class CheckResult:
    """A claim against what the streams imply: the claim's figure, the model's band, and a verdict."""

    claim: str
    quantity: str
    reading: str
    figure: str
    lo: float
    hi: float
    what: str
    band: Band
    verdict: str
    support: float


@dataclass(frozen=True)
class ConflictResult:
    """A conflict set: the claims, each one's figure, its ratio to the smallest, and its weight from the draws."""

    name: str
    note: str
    members: list[dict[str, object]]


def claim_interval(c: Claim) -> tuple[str, float, float]:
    """A claim's figure as text and as an interval (a point gets +-25 %; a missing side is open)."""
    if c.value is not None:
        return f"{c.value:,.6g} {c.unit}", c.value / (1 + POINT_WIDTH), c.value * (1 + POINT_WIDTH)
    lo = c.low if c.low is not None else 0.0
    hi = c.high if c.high is not None else float("inf")
    text = (
        f"{c.low:,.6g}-{c.high:,.6g}"
        if c.low is not None and c.high is not None
        else (f"at least {c.low:,.6g}" if c.low is not None else f"up to {c.high:,.6g}")
    )
    return f"{text} {c.unit}", lo, hi


def check_probes(case: LedgerCase, chk: LedgerCheck, key: str) -> dict[str, Probe]:
    """The probes that read check ``chk`` (named ``<key>/<output>/<stream>``)."""
    m = case.months
    first = month_index(m[0])
    if chk.at:
        lo = hi = month_index(chk.at) - first
        how = "last"
    else:
        lo = month_index(chk.from_) - first if chk.from_ else 0
        hi = month_index(chk.until) - first if chk.until else len(m) - 1
        how = chk.how
    hi = min(hi, len(m) - 1)
    out: dict[str, Probe] = {}
    for i, name in enumerate(chk.outputs):
        stream, _, output = name.partition(".")
        if stream == "input:" or name.startswith("input:"):
            continue
        if stream != "all":
            output = _in_claim_unit(case, chk, stream, output)
        targets = [(s.name, s.output(output)) for s in case.streams] if stream == "all" else [(stream, output)]  # type: ignore[arg-type]
        for j, (s, o) in enumerate(targets):
            out[f"{key}/{i}/{j}"] = Probe(s, (o,), lo, hi, how)
    return out


def _in_claim_unit(case: LedgerCase, chk: LedgerCheck, stream: str, output: str) -> str:
    """The stream's output that gives ``output``'s quantity in the unit of the check's claims, when it
    declares one (``refined_oil_barrels`` read as ``refined_oil_tonnes`` for claims in tonnes), else ``output``."""
    s = next((x for x in case.streams if x.name == stream), None)
    if s is None:
        return output
    units = {o.name: o.unit.split("/")[0].strip() for o in s.outputs}
    wanted = {case.claims[c].unit.split("/")[0].split("(")[0].strip() for c in chk.claims if c in case.claims}
    have = units.get(output, "")
    if len(wanted) != 1 or have in wanted or not have or not output.endswith(f"_{have}"):
        return output
    other = output.removesuffix(have) + wanted.pop()
    return other if other in units else output


def _read_as(case: LedgerCase, chk: LedgerCheck, name: str) -> str:
    stream, _, output = name.partition(".")
    return f"{stream}.{_in_claim_unit(case, chk, stream, output)}"


def _verdict(reading: str, band: Band, lo: float, hi: float) -> str:
    if reading == "benchmark":
        return "benchmark"
    if reading == "at_least":
        return "agrees" if band.p95 >= lo else "streams lower"
    if reading == "at_most":
        return "agrees" if band.p5 <= hi else "streams higher"
    if band.p95 < lo:
        return "streams lower"
    return "streams higher" if band.p5 > hi else "agrees"


def _support(reading: str, a: Array, lo: float, hi: float, w: Array | None) -> float:
    inside = a >= lo if reading == "at_least" else a <= hi if reading == "at_most" else (a >= lo) & (a <= hi)
    return float(np.average(inside, weights=w))


def check_reading(case: LedgerCase, run: LedgerDraws, k: int, chk: LedgerCheck, prefix: str = "c") -> Array:
    """What the streams imply, per draw, for check number ``k`` (its outputs' reading, scaled as it says);
    its probes are named ``<prefix><k>/...`` (:func:`check_probes`)."""
    parts = []
    for i, name in enumerate(chk.outputs):
        if name.startswith("input:"):
            parts.append(run.inputs[name.removeprefix("input:")])
        else:
            parts.extend(v for key, v in run.probes.items() if key.startswith(f"{prefix}{k}/{i}/"))
    a = sum(parts, np.zeros(1))
    if chk.divide_by:
        d = case.claims[chk.divide_by]
        a = a / ((d.value or d.low or d.high or 1.0) * chk.divide_factor)
    return np.asarray(a, dtype=float)


def _streams_read(case: LedgerCase, chk: LedgerCheck) -> set[str]:
    """The streams a check reads (``all.<account>`` reads every one; a shared input none)."""
    names = {s.name for s in case.streams}
    read: set[str] = set()
    for name in chk.outputs:
        stream = name.removeprefix("input:").partition(".")[0] if "." in name else ""
        read |= names if stream == "all" else ({stream} & names)
    return read


def weighing_checks(case: LedgerCase) -> list[int]:
    """The indices of the checks that weigh the draws: marked ``weigh``, and not reading only streams
    calibrated on their own evidence (a cut: those streams' posteriors hear nothing from the ledger)."""
    cut = set(case.calibrated)

    def hears(chk: LedgerCheck) -> bool:
        read = _streams_read(case, chk)
        return not (cut and read and read <= cut)

    return [k for k, chk in enumerate(case.checks) if chk.weigh and hears(chk)]


def draw_weights(case: LedgerCase, run: LedgerDraws) -> Array | None:
    """Normalised weights from every weighing check's claims (:func:`weighing_checks`), or None when none weighs."""
    logw = np.zeros(next(iter(run.accounts.values())).shape[0])
    any_weighed = False
    for k in weighing_checks(case):
        chk = case.checks[k]
        a = check_reading(case, run, k, chk)
        for cid in chk.claims:
            _text, lo, hi = claim_interval(case.claims[cid])
            logw += np.log(claim_fit(a, chk.reading, lo, hi))
            any_weighed = True
    if not any_weighed:
        return None
    w = np.exp(logw - logw.max())
    return np.asarray(w / w.sum(), dtype=float)


def check_results(case: LedgerCase, run: LedgerDraws, w: Array | None) -> list[CheckResult]:
    """Every check's claims against the (weighed) draws."""
    out = []
    for k, chk in enumerate(case.checks):
        a = check_reading(case, run, k, chk)
        band = Band.of(a, 1.0, w)
        read = [n if n.startswith(("all.", "input:")) else _read_as(case, chk, n) for n in chk.outputs]
        what = " + ".join(read) + (f" / ({chk.divide_by} x {chk.divide_factor:g})" if chk.divide_by else "")
        span = chk.at or f"{chk.from_ or case.months[0]}..{chk.until or case.months[-1]}"
        for cid in chk.claims:
            c = case.claims[cid]
            text, lo, hi = claim_interval(c)
            verdict = _verdict(chk.reading, band, lo, hi)
            if chk.reading == "benchmark":
                ref = c.value if c.value is not None else (c.low or c.high or 1.0)
                verdict = f"streams / claim = {band.p50 / ref:.3g}" if ref else "benchmark"
            out.append(
                CheckResult(
                    cid,
                    c.quantity,
                    chk.reading,
                    text,
                    lo,
                    hi,
                    f"{what} ({span})",
                    band,
                    verdict,
                    _support(chk.reading, a, lo, hi, w),
                )
            )
    return out


def scoped_results(case: LedgerCase, run: LedgerDraws, scoped: list[Claim], w: Array | None) -> list[CheckResult]:
    """Each total claim against the sum of the streams its scope covers."""
    out = []
    for c in scoped:
        parts = [v for key, v in run.probes.items() if key.startswith(f"t:{c.id}/")]
        a = np.asarray(sum(parts, np.zeros(1)), dtype=float)
        band = Band.of(a, 1.0, w)
        text, lo, hi = claim_interval(c)
        scope = " + ".join(TOTAL_SCOPES[c.quantity])
        out.append(
            CheckResult(
                c.id,
                c.quantity,
                "about",
                text,
                lo,
                hi,
                f"value of {scope}",
                band,
                _verdict("about", band, lo, hi),
                _support("about", a, lo, hi, w),
            )
        )
    return out


def conflict_results(case: LedgerCase, checks: list[CheckResult]) -> list[ConflictResult]:
    """Each conflict set with its members' figures, ratios and weights from the draws."""
    by_claim = {c.claim: c for c in checks}
    out = []
    for con in case.conflicts:
        figures = {cid: case.claims[cid] for cid in con.claims}
        smallest = min((c.value if c.value is not None else (c.low or c.high or 0.0)) for c in figures.values()) or 1.0
        support = {
            cid: by_claim[cid].support for cid in con.claims if cid in by_claim and by_claim[cid].reading != "benchmark"
        }
        total = sum(support.values()) if len(support) > 1 else 0.0  # one member alone weighs nothing against
        members: list[dict[str, object]] = []
        for cid, c in figures.items():
            x = c.value if c.value is not None else (c.low or c.high or 0.0)
            members.append(
                {
                    "claim": cid,
                    "speaker": c.speaker,
                    "figure": claim_interval(c)[0],
                    "ratio_to_smallest": x / smallest,
                    "weight": (support[cid] / total) if cid in support and total > 0 else None,
                    "as_input": [
                        k for k, ids in case.cited.items() if any(i == cid or i.startswith(f"{cid}-") for i in ids)
                    ],
                }
            )
        out.append(ConflictResult(con.name, con.note, members))
    return out


def claim_usage(case: LedgerCase) -> dict[str, str]:
    """Every claim's use (inputs, checks, conflict sets, scenarios) or why it is unused."""
    use: dict[str, list[str]] = {cid: [] for cid in case.claims}
    for key, ids in case.cited.items():
        for cid in ids:
            use[cid].append(f"input {key}")
    for chk in case.checks:
        for cid in chk.claims:
            use[cid].append(f"check of {' + '.join(chk.outputs)}")
        if chk.divide_by:
            use[chk.divide_by].append("scale of a check")
    for con in case.conflicts:
        for cid in con.claims:
            use[cid].append(f"conflict set: {con.name}")
    for name, sc in case.scenarios.items():
        for cid in sc.claims:
            use[cid].append(f"stated input of the scenario {name}")
    for c in case.claims.values():
        if c.quantity == "nk_market_fx":
            use[c.id].append("market rate for --currency KPW")
        if c.quantity in TOTAL_SCOPES:
            use[c.id].append(f"total compared with {' + '.join(TOTAL_SCOPES[c.quantity])}")
        parent = c.id.split("-")[0]
        if parent != c.id and parent in use and use[c.id]:
            use[parent].append(f"read through {c.id}")
    out = {}
    for cid, uses in use.items():
        if uses:
            out[cid] = "; ".join(dict.fromkeys(uses))
        else:
            out[cid] = "unused: " + case.unused.get(cid, "no input, check or conflict set reads it")
    return out
