"""Running a ledger case: the streams on shared draws, each stream's totals, the checks and conflicts.

:func:`run_ledger` returns a :class:`LedgerResult`, a typed object the report renders:
totals of the shared accounts with 90 % bands, each stream's totals and share of the
value, the inputs with the claims behind them (or marked as assumptions), every check
of a claim against the streams, conflict sets weighed by the draws with their
arithmetic, and every claim's use (input, check, conflict) or the reason it is unused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._ledger_case import LedgerCase, LedgerCheck
from troopledger.analysis._ledger_weights import claim_fit, effective_draws, weighted_band
from troopledger.claims import TOTAL_SCOPES, Claim, month_index, rate_to_usd
from troopledger.errors import InputError
from troopledger.evidence import Constant, Distribution, to
from troopledger.model.streams import ACCOUNT_LABELS, ACCOUNTS, Ledger, LedgerDraws, Probe

__all__ = [
    "Band",
    "CheckResult",
    "ConflictResult",
    "InputRow",
    "LedgerResult",
    "StreamTotals",
    "ledger_window",
    "run_ledger",
]

Array = NDArray[np.float64]
#: A claim's point figure is read as this relative half-width when checked ("about").
POINT_WIDTH = 0.25


@dataclass(frozen=True)
class Band:
    """Mean, median and 90 % band of one quantity over the draws."""

    mean: float
    p5: float
    p50: float
    p95: float

    @classmethod
    def of(cls, a: Array, scale: float = 1.0, w: Array | None = None) -> Band:
        """The band of ``a`` times ``scale``, weighted by ``w`` when given."""
        mean, q = weighted_band(a, w)
        return cls(mean * scale, q[0] * scale, q[1] * scale, q[2] * scale)


@dataclass(frozen=True)
class StreamTotals:
    """One stream's accounts over the window, its share of the value, and its other outputs."""

    name: str
    label: str
    totals: dict[str, Band]
    share: Band
    outputs: dict[str, tuple[str, str, Band]]
    monthly_value: list[float]
    notes: str


@dataclass(frozen=True)
class InputRow:
    """One input: its band, unit and meaning, and the claims behind it (none: the stream's assumption)."""

    key: str
    unit: str
    meaning: str
    band: Band
    claims: list[str]
    weights: dict[str, float]
    note: str
    assumption: bool


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


@dataclass(frozen=True)
class LedgerResult:
    """Everything the report of a ledger case shows; money in ``currency`` (``rate`` per US dollar)."""

    case: LedgerCase
    draws: int
    seed: int
    window: tuple[str, str]
    currency: str
    rate: float
    totals: dict[str, Band]
    streams: dict[str, StreamTotals]
    inputs: list[InputRow]
    checks: list[CheckResult]
    conflicts: list[ConflictResult]
    usage: dict[str, str]
    conservation_error: float
    sets: list[str] = field(default_factory=list)
    scenario: str | None = None
    weighed: list[str] = field(default_factory=list)
    effective_draws: float = 0.0


def ledger_window(text: str | None, months: Sequence[str]) -> tuple[int, int]:
    """``YYYY-MM..YYYY-MM`` as first and last index into ``months``; None is the whole calendar."""
    if not text:
        return 0, len(months) - 1
    parts = text.split("..")
    try:
        a, b = (month_index(p.strip()) - month_index(months[0]) for p in (parts[0], parts[-1]))
    except (ValueError, IndexError):
        raise InputError(None, "--window", f"cannot read the window {text!r}", "write YYYY-MM..YYYY-MM") from None
    if len(parts) != 2 or not 0 <= a <= b < len(months):
        raise InputError(
            None,
            "--window",
            f"{text!r} is not inside {months[0]}..{months[-1]}",
            f"write a window within {months[0]}..{months[-1]}",
        )
    return a, b


def _parse_set(item: str, keys: Sequence[str]) -> tuple[str, Distribution]:
    name, sep, value = item.partition("=")
    name = name.strip()
    if not sep or name not in keys:
        raise InputError(
            None, "--set", f"{name!r} is not an input of this ledger", f"use one of: {', '.join(sorted(keys))}"
        )
    try:
        if ".." in value:
            lo, hi = (float(v) for v in value.split(".."))
            return name, to(lo, hi, "share" if 0 < lo <= hi < 1 else "amount")
        return name, Constant(float(value))
    except ValueError as e:
        raise InputError(
            None, "--set", f"cannot read {value!r} for {name} ({e})", "give a number or an interval a..b"
        ) from None


def _figure(c: Claim) -> tuple[str, float, float]:
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


def _probes(case: LedgerCase, chk: LedgerCheck, key: str) -> dict[str, Probe]:
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
        targets = [(s.name, s.output(output)) for s in case.streams] if stream == "all" else [(stream, output)]  # type: ignore[arg-type]
        for j, (s, o) in enumerate(targets):
            out[f"{key}/{i}/{j}"] = Probe(s, (o,), lo, hi, how)
    return out


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


def _rate(case: LedgerCase, currency: str, profile: Array, window: tuple[int, int]) -> float:
    code = currency.upper()
    if code == "USD":
        return 1.0
    if code == "KPW":
        fx = [c.value for c in case.claims.values() if c.quantity == "nk_market_fx" and c.value]
        if not fx:
            raise InputError(
                None, "--currency", "the case has no market rate for KPW", "report in USD or another currency"
            )
        return float(np.mean(fx))
    lo, hi = window
    try:
        rates = np.array([rate_to_usd(code, m).per_usd for m in case.months[lo : hi + 1]])
    except ValueError as e:
        raise InputError(None, "--currency", str(e), "use USD, KPW or a currency of the bundled rate table") from None
    w = profile[lo : hi + 1]
    return float(np.sum(w * rates) / np.sum(w)) if np.sum(w) > 0 else float(rates.mean())


def run_ledger(
    case: LedgerCase,
    draws: int = 20_000,
    seed: int = 0,
    *,
    window: str | None = None,
    currency: str = "USD",
    sets: Sequence[str] = (),
    weigh: bool = True,
    scenario: str | None = None,
) -> LedgerResult:
    """Run ``case`` on ``draws`` shared draws and summarise it over ``window`` in ``currency``.

    With ``weigh`` the draws are weighed by the claims of the checks marked ``weigh``.
    A ``scenario`` of the case applies its ``sets`` (before ``sets``) and its window
    (unless ``window`` is given), unweighed: a published estimate from its stated inputs.
    """
    if scenario is not None:
        sc = case.scenarios.get(scenario)
        if sc is None:
            known = ", ".join(sorted(case.scenarios)) or "none"
            raise InputError(None, "--scenario", f"no scenario {scenario!r} in {case.name}", f"use one of: {known}")
        sets, window, weigh = [*sc.sets, *sets], window or sc.window, False
    lo, hi = ledger_window(window, case.months)
    priors = dict(case.priors)
    base = Ledger(case.streams)
    overrides = dict(_parse_set(s, list(base.priors)) for s in sets)
    priors.update(overrides)
    ledger = Ledger(case.streams, priors)
    probes: dict[str, Probe] = {}
    for k, chk in enumerate(case.checks):
        probes.update(_probes(case, chk, f"c{k}"))
    scoped = [c for c in case.claims.values() if c.quantity in TOTAL_SCOPES]
    first = month_index(case.months[0])
    for c in scoped:
        a = month_index(c.window_start) - first if c.window_start else 0
        b = min(month_index(c.window_end) - first if c.window_end else len(case.months) - 1, len(case.months) - 1)
        for s in case.streams:
            if s.name in TOTAL_SCOPES[c.quantity]:
                probes[f"t:{c.id}/{s.name}"] = Probe(s.name, (s.output("value_to_north_korea"),), a, b)
    run = ledger.run(case.months, draws, seed, (lo, hi), probes)
    profile = sum((run.monthly[s.name]["value_to_north_korea"] for s in case.streams), np.zeros(len(case.months)))
    rate = _rate(case, currency, profile, (lo, hi))
    w = _weights(case, run) if weigh else None
    totals: dict[str, Band] = {a: Band.of(run.accounts[a], rate, w) for a in ACCOUNTS}
    value = run.accounts["value_to_north_korea"]
    streams = {}
    for s in case.streams:
        t = run.totals[s.name]
        own = t[s.output("value_to_north_korea")]
        streams[s.name] = StreamTotals(
            name=s.name,
            label=s.label,
            totals={a: Band.of(t[s.output(a)], rate, w) for a in ACCOUNTS},
            share=Band.of(np.divide(own, value, out=np.zeros_like(own), where=value > 0), 1.0, w),
            outputs={
                o.name: (
                    o.unit if not o.money else currency.upper(),
                    o.label,
                    Band.of(t[o.name], rate if o.money else 1.0, w),
                )
                for o in s.outputs
                if o.account is None
            },
            monthly_value=[float(x) * rate for x in run.monthly[s.name]["value_to_north_korea"]],
            notes=s.notes,
        )
    checks = _checks(case, run, w)
    checks.extend(_scoped(case, run, scoped, w))
    return LedgerResult(
        case=case,
        draws=draws,
        seed=seed,
        window=(case.months[lo], case.months[hi]),
        currency=currency.upper(),
        rate=rate,
        totals=totals,
        streams=streams,
        inputs=_inputs(case, ledger, run, overrides, w),
        checks=checks,
        conflicts=_conflicts(case, checks),
        usage=_usage(case),
        conservation_error=run.conservation_error,
        sets=list(sets),
        scenario=scenario,
        weighed=[c for chk in case.checks if chk.weigh for c in chk.claims] if weigh else [],
        effective_draws=effective_draws(w) if w is not None else float(draws),
    )


def _reading_of(case: LedgerCase, run: LedgerDraws, k: int, chk: LedgerCheck) -> Array:
    parts = []
    for i, name in enumerate(chk.outputs):
        if name.startswith("input:"):
            parts.append(run.inputs[name.removeprefix("input:")])
        else:
            parts.extend(v for key, v in run.probes.items() if key.startswith(f"c{k}/{i}/"))
    a = sum(parts, np.zeros(1))
    if chk.divide_by:
        d = case.claims[chk.divide_by]
        a = a / ((d.value or d.low or d.high or 1.0) * chk.divide_factor)
    return np.asarray(a, dtype=float)


def _weights(case: LedgerCase, run: LedgerDraws) -> Array | None:
    """Normalised weights from every weighed check's claims, or None when no check is weighed."""
    logw = np.zeros(next(iter(run.accounts.values())).shape[0])
    any_weighed = False
    for k, chk in enumerate(case.checks):
        if not chk.weigh:
            continue
        a = _reading_of(case, run, k, chk)
        for cid in chk.claims:
            _text, lo, hi = _figure(case.claims[cid])
            logw += np.log(claim_fit(a, chk.reading, lo, hi))
            any_weighed = True
    if not any_weighed:
        return None
    w = np.exp(logw - logw.max())
    return np.asarray(w / w.sum(), dtype=float)


def _checks(case: LedgerCase, run: LedgerDraws, w: Array | None) -> list[CheckResult]:
    out = []
    for k, chk in enumerate(case.checks):
        a = _reading_of(case, run, k, chk)
        band = Band.of(a, 1.0, w)
        what = " + ".join(chk.outputs) + (f" / ({chk.divide_by} x {chk.divide_factor:g})" if chk.divide_by else "")
        span = chk.at or f"{chk.from_ or case.months[0]}..{chk.until or case.months[-1]}"
        for cid in chk.claims:
            c = case.claims[cid]
            text, lo, hi = _figure(c)
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


def _scoped(case: LedgerCase, run: LedgerDraws, scoped: list[Claim], w: Array | None) -> list[CheckResult]:
    out = []
    for c in scoped:
        parts = [v for key, v in run.probes.items() if key.startswith(f"t:{c.id}/")]
        a = np.asarray(sum(parts, np.zeros(1)), dtype=float)
        band = Band.of(a, 1.0, w)
        text, lo, hi = _figure(c)
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


def _conflicts(case: LedgerCase, checks: list[CheckResult]) -> list[ConflictResult]:
    by_claim = {c.claim: c for c in checks}
    out = []
    for con in case.conflicts:
        figures = {cid: case.claims[cid] for cid in con.claims}
        smallest = min((c.value if c.value is not None else (c.low or c.high or 0.0)) for c in figures.values()) or 1.0
        support = {
            cid: by_claim[cid].support for cid in con.claims if cid in by_claim and by_claim[cid].reading != "benchmark"
        }
        total = sum(support.values())
        members: list[dict[str, object]] = []
        for cid, c in figures.items():
            x = c.value if c.value is not None else (c.low or c.high or 0.0)
            members.append(
                {
                    "claim": cid,
                    "speaker": c.speaker,
                    "figure": _figure(c)[0],
                    "ratio_to_smallest": x / smallest,
                    "weight": (support[cid] / total) if cid in support and total > 0 else None,
                    "as_input": [k for k, ids in case.cited.items() if cid in ids],
                }
            )
        out.append(ConflictResult(con.name, con.note, members))
    return out


def _inputs(
    case: LedgerCase, ledger: Ledger, run: LedgerDraws, overrides: dict[str, Distribution], w: Array | None
) -> list[InputRow]:
    params = {Ledger.key(s, p.name): p for s in case.streams for p in s.params}
    rows = []
    for key in ledger.priors:
        p = params[key]
        spec = case.specs.get(key)
        note = "set on the command line" if key in overrides else (spec.note if spec is not None else "")
        rows.append(
            InputRow(
                key,
                p.unit,
                p.meaning,
                Band.of(run.inputs[key], 1.0, w),
                case.cited.get(key, []),
                case.weights.get(key, {}),
                note,
                spec is None and key not in overrides,
            )
        )
    return rows


def _usage(case: LedgerCase) -> dict[str, str]:
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


def accounts_labels() -> dict[str, str]:
    """The shared accounts' labels, for renderers."""
    return dict(ACCOUNT_LABELS)
