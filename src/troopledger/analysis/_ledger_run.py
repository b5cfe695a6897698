"""Running a ledger case: the streams on shared draws, each stream's totals, the checks and conflicts.

:func:`run_ledger` returns a :class:`LedgerResult`, a typed object the report renders:
totals of the shared accounts with 90 % bands, each stream's totals and share of the
value, the inputs with the claims behind them (or marked as assumptions), every check
of a claim against the streams, conflict sets weighed by the draws with their
arithmetic, and every claim's use (input, check, conflict) or the reason it is unused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._ledger_calibration import StreamCalibration, calibrate_streams
from troopledger.analysis._ledger_case import LedgerCase
from troopledger.analysis._ledger_checks import (
    CheckResult,
    ConflictResult,
    check_probes,
    check_results,
    claim_usage,
    conflict_results,
    draw_weights,
    scoped_results,
    weighing_checks,
)
from troopledger.analysis._ledger_weights import Band, effective_draws
from troopledger.analysis._money import drawn_rate
from troopledger.claims import TOTAL_SCOPES, month_index, rate_to_usd
from troopledger.errors import InputError
from troopledger.evidence import Constant, Distribution, to
from troopledger.model.streams import ACCOUNT_LABELS, ACCOUNTS, Ledger, LedgerDraws, Probe, fx_params

__all__ = [
    "Band",
    "CheckResult",
    "ConflictResult",
    "InputRow",
    "LedgerResult",
    "StreamTotals",
    "draw_ledger",
    "ledger_window",
    "run_ledger",
]

Array = NDArray[np.float64]


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
    labels: dict[str, str] = field(default_factory=lambda: dict(ACCOUNT_LABELS))
    #: how the money was converted: each draw at its own drawn rate, or one rate for all (empty in US dollars)
    rate_note: str = ""
    #: streams calibrated on their own evidence (the soldier stream on its soldier case's claims)
    calibrations: tuple[StreamCalibration, ...] = ()
    #: claims of checks marked ``weigh`` that read only a calibrated stream: checked, not weighed
    not_weighed: list[str] = field(default_factory=list)


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
    workers: int = 2,
) -> LedgerResult:
    """Run ``case`` on ``draws`` shared draws and summarise it over ``window`` in ``currency``.

    With ``weigh`` the soldier stream is calibrated on its soldier case's claims
    (:func:`~troopledger.analysis.calibrate_streams`, on ``workers`` threads) and the draws
    are weighed by the claims of the checks marked ``weigh`` that read other streams.
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
    calibrations: tuple[StreamCalibration, ...] = ()
    if weigh:
        case, calibrations = calibrate_streams(case, draws, seed, workers=workers)
    ledger, run, overrides = draw_ledger(case, draws, seed, (lo, hi), sets)
    profile = sum((run.monthly[s.name]["value_to_north_korea"] for s in case.streams), np.zeros(len(case.months)))
    rate = _rate(case, currency, profile, (lo, hi))
    conv = drawn_rate(currency, rate, run.inputs)  # each draw at its own drawn rate where the case draws one
    w = draw_weights(case, run) if weigh else None
    totals: dict[str, Band] = {a: Band.of(conv.convert(run.accounts[a]), 1.0, w) for a in ACCOUNTS}
    value = run.accounts["value_to_north_korea"]
    streams = {}
    for s in case.streams:
        t = run.totals[s.name]
        own = t[s.output("value_to_north_korea")]
        streams[s.name] = StreamTotals(
            name=s.name,
            label=s.label,
            totals={a: Band.of(conv.convert(t[s.output(a)]), 1.0, w) for a in ACCOUNTS},
            share=Band.of(np.divide(own, value, out=np.zeros_like(own), where=value > 0), 1.0, w),
            outputs={
                o.name: (
                    o.unit if not o.money else currency.upper(),
                    o.label,
                    Band.of(conv.convert(t[o.name]) if o.money else t[o.name], 1.0, w),
                )
                for o in s.outputs
                if o.account is None
            },
            monthly_value=[float(x) * rate for x in run.monthly[s.name]["value_to_north_korea"]],
            notes=s.notes,
        )
    checks = check_results(case, run, w)
    scoped = [c for c in case.claims.values() if c.quantity in TOTAL_SCOPES]
    checks.extend(scoped_results(case, run, scoped, w))
    return LedgerResult(
        case=case,
        draws=draws,
        seed=seed,
        window=(case.months[lo], case.months[hi]),
        currency=currency.upper(),
        rate=rate,
        rate_note=conv.note,
        totals=totals,
        streams=streams,
        inputs=_inputs(case, ledger, run, overrides, w),
        checks=checks,
        conflicts=conflict_results(case, checks),
        usage=claim_usage(case),
        conservation_error=run.conservation_error,
        sets=list(sets),
        scenario=scenario,
        weighed=[c for k in weighing_checks(case) for c in case.checks[k].claims] if weigh else [],
        effective_draws=effective_draws(w) if w is not None else float(draws),
        calibrations=calibrations,
        not_weighed=[
            c for k, chk in enumerate(case.checks) if chk.weigh and k not in weighing_checks(case) for c in chk.claims
        ]
        if weigh
        else [],
    )


def draw_ledger(
    case: LedgerCase,
    draws: int,
    seed: int,
    window: tuple[int, int],
    sets: Sequence[str] = (),
    more: Mapping[str, Probe] | None = None,
) -> tuple[Ledger, LedgerDraws, dict[str, Distribution]]:
    """The ledger of ``case`` with ``sets`` applied, its run over ``window`` (first, last index) with every
    check's and total claim's probe (and the probes ``more``), and the inputs ``sets`` overrode."""
    priors = dict(case.priors)
    base = Ledger(case.streams, converted=case.converted)
    overrides = dict(_parse_set(s, list(base.priors)) for s in sets)
    priors.update(overrides)
    converted = {k: v for k, v in case.converted.items() if k not in overrides}  # a --set is in dollars
    ledger = Ledger(case.streams, priors, converted)
    probes: dict[str, Probe] = {}
    for k, chk in enumerate(case.checks):
        probes.update(check_probes(case, chk, f"c{k}"))
    scoped = [c for c in case.claims.values() if c.quantity in TOTAL_SCOPES]
    first = month_index(case.months[0])
    for c in scoped:
        a = month_index(c.window_start) - first if c.window_start else 0
        b = min(month_index(c.window_end) - first if c.window_end else len(case.months) - 1, len(case.months) - 1)
        for s in case.streams:
            if s.name in TOTAL_SCOPES[c.quantity]:
                probes[f"t:{c.id}/{s.name}"] = Probe(s.name, (s.output("value_to_north_korea"),), a, b)
    probes.update(more or {})
    return ledger, ledger.run(case.months, draws, seed, window, probes), overrides


def _inputs(
    case: LedgerCase, ledger: Ledger, run: LedgerDraws, overrides: dict[str, Distribution], w: Array | None
) -> list[InputRow]:
    params = {Ledger.key(s, p.name): p for s in case.streams for p in s.params}
    params |= {p.name: p for p in fx_params()}
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
