"""The history of a ledger case: its estimate as of each quarter's (or month's) end, stream by stream,
and how the claims each stream can predict were predicted before they were reported.

Each step loads the case as it could have been written that day
(:func:`~troopledger.analysis.load_ledger` with ``day``: later claims dropped from inputs,
checks and the soldier case) and runs it on the same seed, the soldier stream calibrated on
the soldier case's claims known by then (:func:`~troopledger.analysis.calibrate_streams`, on
the step's draws),
weighed by the checks known by then. A claim is *predicted* by the last step before its source reported it: every check
of the full case (other than benchmarks) is read on that step's draws, and the claim is
scored inside when its figure lies within the step's 90 % band (a range: when the two
overlap; ``at_least`` and ``at_most``: when the band reaches it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from troopledger.analysis._ledger_calibration import calibrate_streams
from troopledger.analysis._ledger_case import LedgerCase, load_ledger
from troopledger.analysis._ledger_checks import check_probes, check_reading, claim_interval, draw_weights
from troopledger.analysis._ledger_run import draw_ledger
from troopledger.analysis._ledger_weights import Band
from troopledger.claims import Claim
from troopledger.errors import InputError
from troopledger.evidence import parse_day, reported_on
from troopledger.model.streams import Probe

__all__ = ["LEDGER_HISTORY_DRAWS", "LedgerHistory", "LedgerPrediction", "LedgerStep", "ledger_history"]

#: Draws of each as-of run unless asked.
LEDGER_HISTORY_DRAWS = 4096
_EVERY = {"month": 1, "quarter": 3}


@dataclass(frozen=True)
class LedgerStep:
    """The estimate as of one day: the claims known, the value over the case's calendar, each stream's."""

    day: str
    claims: int
    value: Band
    streams: dict[str, Band]


@dataclass(frozen=True)
class LedgerPrediction:
    """A claim against the estimate made before it was reported."""

    claim: str
    stream: str
    reported: str
    as_of: str
    figure: str
    reading: str
    what: str
    band: Band
    inside: bool


@dataclass(frozen=True)
class LedgerHistory:
    """Steps and predictions of a ledger case's history."""

    case: str
    draws: int
    seed: int
    steps: tuple[LedgerStep, ...]
    predictions: tuple[LedgerPrediction, ...]

    def scores(self) -> dict[str, tuple[int, int]]:
        """Per stream: (claims inside the band, claims predicted)."""
        out: dict[str, tuple[int, int]] = {}
        for p in self.predictions:
            inside, n = out.get(p.stream, (0, 0))
            out[p.stream] = (inside + p.inside, n + 1)
        return dict(sorted(out.items()))

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "kind": "ledger_history",
            "case": self.case,
            "draws": self.draws,
            "seed": self.seed,
            "steps": [asdict(s) for s in self.steps],
            "scores": {k: {"inside": a, "predicted": n} for k, (a, n) in self.scores().items()},
            "predictions": [asdict(p) for p in self.predictions],
        }


def _days(first: dt.date, last: dt.date, every: str) -> list[dt.date]:
    if every not in _EVERY:
        raise InputError(None, "--every", f"'{every}' is not a step", f"use one of {', '.join(_EVERY)}")
    if last < first:
        raise InputError(None, "--to", f"{last.isoformat()} is before --from {first.isoformat()}", "swap them")
    days, y, m = [], first.year, first.month
    while (day := parse_day(f"{y:04d}-{m:02d}")) <= last:
        days.append(day)
        y, m = (y + (m + _EVERY[every] - 1) // 12, (m + _EVERY[every] - 1) % 12 + 1)
    return days


def _inside(reading: str, c: Claim, band: Band) -> bool:
    _, lo, hi = claim_interval(c)
    if reading == "at_least":
        return band.p95 >= lo
    if reading == "at_most":
        return band.p5 <= hi
    if c.value is not None:
        return band.p5 <= c.value <= band.p95
    return band.p5 <= hi and band.p95 >= lo


def _predictable(case: LedgerCase) -> list[tuple[int, str, dt.date]]:
    """(check index, claim id, day reported) of every dated claim a non-benchmark check reads."""
    out = []
    for k, chk in enumerate(case.checks):
        if chk.reading == "benchmark":
            continue
        for cid in chk.claims:
            when = reported_on(case.claims[cid])
            if when is not None:
                out.append((k, cid, when))
    return out


def ledger_history(
    case: str,
    *,
    start: str | None = None,
    end: str | None = None,
    every: str = "quarter",
    draws: int = LEDGER_HISTORY_DRAWS,
    seed: int = 0,
    extra: Sequence[Claim] = (),
) -> LedgerHistory:
    """The estimate of ledger case ``case`` as of each ``every`` end from ``start`` to ``end`` (default:
    the case's first month to the last claim's report), and each predictable claim scored."""
    full = load_ledger(case, extra)
    wanted = _predictable(full)
    first = parse_day(start or full.months[0], "--from")
    latest = max((d for _, _, d in wanted), default=parse_day(full.months[-1]))
    days = _days(first, parse_day(end, "--to") if end else latest, every)
    whole = (0, len(full.months) - 1)
    steps: list[LedgerStep] = []
    predictions: list[LedgerPrediction] = []
    for i, day in enumerate(days):
        # the soldiers as of that day, calibrated on the step's own draws (not the report's 100,000: ten steps)
        view, _ = calibrate_streams(load_ledger(case, extra, day=day), draws, seed, at_least=draws)
        later = days[i + 1] if i + 1 < len(days) else dt.date.max
        due = [(k, cid) for k, cid, when in wanted if day < when <= later]
        streams = {s.name for s in view.streams}
        probes: dict[str, Probe] = {}
        for k in sorted({k for k, _ in due}):
            probes.update(check_probes(full, full.checks[k], f"h{k}"))
        probes = {key: p for key, p in probes.items() if p.stream in streams}
        _, run, _ = draw_ledger(view, draws, seed, whole, more=probes)
        w = draw_weights(view, run)
        steps.append(
            LedgerStep(
                day.isoformat(),
                len(view.claims),
                Band.of(run.accounts["value_to_north_korea"], 1.0, w),
                {s.name: Band.of(run.totals[s.name][s.output("value_to_north_korea")], 1.0, w) for s in view.streams},
            )
        )
        for k, cid in due:
            chk = full.checks[k]
            stream = chk.outputs[0].partition(".")[0]
            if stream not in streams and stream not in ("all", "input:state_share_overseas"):
                continue  # the stream did not exist yet that day: nothing was predicted
            if any(n.startswith("input:") and n.removeprefix("input:") not in run.inputs for n in chk.outputs):
                continue
            band = Band.of(check_reading(full, run, k, chk, prefix="h"), 1.0, w)
            c = full.claims[cid]
            predictions.append(
                LedgerPrediction(
                    cid,
                    "shared" if stream.startswith("input:") else stream,
                    (reported_on(c) or day).isoformat(),
                    day.isoformat(),
                    claim_interval(c)[0],
                    chk.reading,
                    " + ".join(chk.outputs),
                    band,
                    _inside(chk.reading, c, band) and bool(np.isfinite(band.p50)),
                )
            )
    return LedgerHistory(full.name, draws, seed, tuple(steps), tuple(predictions))
