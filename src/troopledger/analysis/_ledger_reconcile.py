"""Reconciling a published figure with a ledger case, per stream or for the whole ledger.

A target names a stream's output or a shared account (``munitions.value_to_north_korea``,
``soldiers.paid_by_russia``, ``all.value_to_north_korea`` or just ``value_to_north_korea``)
by a month, and a value. Money and flows are summed from the case's first month through
that month (a published "since August 2023" total); stocks and running counts are read
at that month. The answer is the soldier case's (:class:`~troopledger.analysis.Reconciliation`):
how plausible the figure is under the ledger's weighed draws, the reweighting nearest
them that makes it right (a log-normal tilt toward it, as :func:`~troopledger.analysis.reconcile`
does), each input's shift under it, and each weighed claim's chance of being wrong before
and after.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from troopledger.analysis._ledger_calibration import calibrate_streams
from troopledger.analysis._ledger_case import LedgerCase
from troopledger.analysis._ledger_checks import check_reading, claim_interval, draw_weights, weighing_checks
from troopledger.analysis._ledger_run import draw_ledger
from troopledger.analysis._ledger_weights import claim_fit, effective_draws, weighted_band
from troopledger.analysis._reconcile import TARGET_WITHIN, ReconcileTarget, Reconciliation, Shift
from troopledger.errors import InputError
from troopledger.evidence import Z90
from troopledger.model.streams import ACCOUNTS, LedgerDraws

__all__ = ["ledger_target", "reconcile_ledger"]

Array = NDArray[np.float64]
_TARGET = re.compile(r"^\s*([a-z_]+(?:\.[a-z_]+)?)\s*@\s*(\d{4}-\d{2})\s*=\s*([0-9.eE+_,]+)\s*$")
#: Width, in log units, of a weighed claim's fall-off outside its interval (the weights' own, about 25 %).
_CLAIM_WIDTH = math.log(1.25)


def ledger_target(text: str, case: LedgerCase) -> ReconcileTarget:
    """``STREAM.OUTPUT@YYYY-MM=VALUE`` (or ``all.ACCOUNT``, or a bare account) for ``case``, checked."""
    m = _TARGET.match(text)
    names = sorted({f"{s.name}.{o.name}" for s in case.streams for o in s.outputs} | {f"all.{a}" for a in ACCOUNTS})
    if m is None:
        raise InputError(
            None,
            "--target",
            f"{text!r} is not OUTPUT@YYYY-MM=VALUE",
            "write e.g. munitions.value_to_north_korea@2025-12=7.3e9 or value_to_north_korea@2025-12=2e10",
        )
    output = m.group(1) if "." in m.group(1) else f"all.{m.group(1)}"
    stream, _, name = output.partition(".")
    own = next((s for s in case.streams if s.name == stream), None)
    if own is not None and name in ACCOUNTS:  # a stream's account by its shared name: munitions.value_to_north_korea
        output = f"{stream}.{own.output(name)}"
    if output not in names:
        raise InputError(
            None, "--target", f"no stream output or account '{m.group(1)}'", f"use one of: {', '.join(names)}"
        )
    if m.group(2) not in case.months:
        raise InputError(
            None,
            "--target",
            f"{m.group(2)} is outside the case's months ({case.months[0]} to {case.months[-1]})",
            "name a month the case covers",
        )
    try:
        value = float(m.group(3).replace("_", "").replace(",", ""))
    except ValueError:
        raise InputError(
            None, "--target", f"cannot read the value {m.group(3)!r}", "write a number such as 6.2e8"
        ) from None
    if not math.isfinite(value) or value <= 0:
        raise InputError(
            None, "--target", f"the value must be a positive number, got {m.group(3)!r}", "write e.g. 6.2e8"
        )
    return ReconcileTarget(output, m.group(2), value)


def _values(case: LedgerCase, run: LedgerDraws, output: str) -> tuple[Array, str]:
    stream, _, name = output.partition(".")
    if stream == "all":
        return run.accounts[name], "USD"
    s = next(x for x in case.streams if x.name == stream)
    o = next(x for x in s.outputs if x.name == name)
    unit = "USD" if o.money else o.unit.removesuffix("/month")
    return run.totals[stream][name], unit


def _describe(case: LedgerCase, params: dict[str, tuple[str, str]], key: str) -> tuple[str, str]:
    """(unit, meaning) of an input: a stream's declared one, or the soldier case's for its sampled inputs."""
    if key in params:
        return params[key]
    if case.soldier_prior is not None and key.startswith("soldiers."):
        return case.soldier_prior.describe_input(key.removeprefix("soldiers."))
    return "", key


def _stats(x: Array, w: Array) -> tuple[float, float, float]:
    """The 5th, 50th and 95th weighted percentiles, as the ledger report computes them."""
    _, q = weighted_band(x, w)
    return q[0], q[1], q[2]


def _share_at_most(x: Array, w: Array, v: float) -> float:
    return float(w[x <= v].sum() / w.sum())


def _tail(y: Array, w: Array, value: float, above: bool) -> float:
    return 1.0 - _share_at_most(y, w, float(np.nextafter(value, -np.inf))) if above else _share_at_most(y, w, value)


def _shift(name: str, what: str, unit: str, x: Array, w: Array, wt: Array) -> Shift:
    post, tilted = _stats(x, w), _stats(x, wt)
    sd = (post[2] - post[0]) / (2 * Z90)
    moved = 0.0 if sd <= 0 else (tilted[1] - post[1]) / sd
    return Shift(name, what, unit, post, tilted, moved, _share_at_most(x, w, tilted[1]))


def _strength(s: Shift) -> float:
    q = min(max(s.quantile, 1e-6), 1 - 1e-6)
    return abs(q - 0.5)


def reconcile_ledger(
    case: LedgerCase,
    target: ReconcileTarget,
    *,
    draws: int = 20_000,
    seed: int = 0,
    within: float = TARGET_WITHIN,
    sets: Sequence[str] = (),
    weigh: bool = True,
) -> Reconciliation:
    """What it would take for ``case``'s streams, weighed by its checks, to reach ``target`` (see the module)."""
    month = case.months.index(target.month)
    y0 = None
    if weigh:  # the soldier stream from its case's own calibration, as the report draws it
        calibrated, done = calibrate_streams(case, draws, seed)
        if done:  # the prior is the case's own draws, the soldier stream uncalibrated
            y0 = _values(case, draw_ledger(case, draws, seed, (0, month), sets)[1], target.output)[0]
        case = calibrated
    ledger, run, _ = draw_ledger(case, draws, seed, (0, month), sets)
    y, unit = _values(case, run, target.output)
    y0 = y if y0 is None else y0
    weights = draw_weights(case, run) if weigh else None
    used = "posterior" if weights is not None else "prior"
    ones = np.ones(y.size)
    w = ones / y.size if weights is None else weights
    post, prior = _stats(y, w), _stats(y0, ones)
    above = target.value >= post[1]
    sd = math.log1p(within) / Z90
    z = (np.log(np.maximum(y, 1e-300)) - math.log(target.value)) / sd
    a = np.where(w > 0, np.log(np.where(w > 0, w, 1.0)) - 0.5 * z * z, -np.inf)
    wt = np.exp(a - a.max())
    wt /= wt.sum()
    reached = abs(math.log(max(_stats(y, wt)[1], 1e-300) / target.value)) <= Z90 * sd
    live = wt > 0
    kl = float((wt[live] * (np.log(wt[live]) - np.log(w[live] / w.sum()))).sum())
    params = {ledger.key(s, p.name): (p.unit, p.meaning) for s in case.streams for p in s.params}
    inputs = []
    for key, x in run.inputs.items():
        if float(np.ptp(x)) > 0:
            in_unit, what = _describe(case, params, key)
            inputs.append(_shift(key, what, in_unit, x, w, wt))
    inputs.sort(key=lambda s: (-_strength(s), s.name))
    claims: list[Shift] = []
    for k in weighing_checks(case) if weigh else [k for k, chk in enumerate(case.checks) if chk.weigh]:
        chk = case.checks[k]
        reading = check_reading(case, run, k, chk)
        for cid in chk.claims:
            c = case.claims[cid]
            _text, lo, hi = claim_interval(c)
            s = _shift(cid, " + ".join(chk.outputs), c.unit, reading, w, wt)
            fit = claim_fit(reading, chk.reading, lo, hi)
            moved = math.log(max(s.tilted[1], 1e-300) / max(s.posterior[1], 1e-300)) / _CLAIM_WIDTH
            inside = (fit >= 1.0 - 1e-9).astype(float)  # the draw lies within the claim's interval
            claims.append(
                Shift(
                    cid,
                    s.what,
                    s.unit,
                    s.posterior,
                    s.tilted,
                    moved,
                    s.quantile,
                    f"{c.speaker}: {_text}",
                    1.0 - float(np.average(inside, weights=w)),
                    1.0 - float(np.average(inside, weights=wt)),
                )
            )
    claims.sort(key=lambda s: (-(s.wrong_after - s.wrong_before), -abs(s.shift_sd), s.name))
    return Reconciliation(
        case.name,
        target,
        draws,
        seed,
        used,
        post,
        prior,
        unit,
        "above" if above else "below",
        _tail(y, w, target.value, above),
        _tail(y0, ones, target.value, above),
        effective_draws(w / w.sum()) if weights is not None else float(draws),
        within,
        kl,
        effective_draws(wt),
        reached,
        tuple(inputs),
        tuple(claims),
    )
