"""What we knew when: the estimate as of each day, what moved it, and how its predictions held.

For each as-of day (by default the end of every month of the case's horizon) the case
is rebuilt from the claims reported by then (:func:`troopledger.evidence.as_of`) and
calibrated on the same seed, so draws of inputs that did not change are the same
draws, and a step between two days moves only because claims arrived. Each step lists
the claims that arrived, grouped by the document that carried them, and how far each
group alone moved the headline medians (a run of the previous day's case plus that
group; when one group arrived, the step's whole change is its own). Claims reported
later about something the model predicts are scored against each day's prediction
(:mod:`troopledger.analysis._hindcast`).

Every as-of run, and every one-group run, is an independent task: they go to an
:class:`~troopledger.model.Executor` (this process, local processes, or a Dask
cluster) and the result is the same, byte for byte, wherever they ran.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from troopledger._progress import Stages, counted, quiet
from troopledger.analysis._hindcast import HindcastScore, score_claim
from troopledger.analysis._hindcast_coverage import coverage
from troopledger.analysis._hindcast_inputs import input_slots, later_claims, predicted_input
from troopledger.analysis._history_result import HISTORY_HEADLINE, ArrivedClaim, History, Move, Step, Unscored
from troopledger.analysis._ledger_weights import Band
from troopledger.analysis._result import run
from troopledger.analysis._summary import interval_stats
from troopledger.calibration import compile_observations
from troopledger.claims import Claim
from troopledger.errors import InputError
from troopledger.evidence import Case, Prior, as_of, known_by, parse_day, reported_on, resolve
from troopledger.model import HEADLINE_TOTALS, Draws, Executor, SerialExecutor

__all__ = ["HISTORY_DRAWS", "as_of_days", "history"]

Array = NDArray[np.float64]

#: Draws of each as-of run unless asked otherwise (a history runs many).
HISTORY_DRAWS = 4096
_UNUSED = ("other", "non_combat_pay")
_EVERY = {"month": 1, "quarter": 3}


@dataclass(frozen=True)
class _Task:
    """One as-of run: the case on ``day``, plus the claims ``extra`` as if already known."""

    case: Case
    day: dt.date
    draws: int
    seed: int
    extra: tuple[str, ...] = ()
    score: tuple[str, ...] = ()  # ids of later claims to score against this day's prediction
    slots: tuple[tuple[str, str], ...] = ()  # claim id -> the input slot the whole case builds from it
    noise: tuple[tuple[str, str, float], ...] = ()  # claim id, scale, sd: each claim's own error (calibration's)


@dataclass(frozen=True)
class _Estimate:
    headline: dict[str, Band]
    method: str
    effective_draws: float
    scores: list[HindcastScore]
    unscored: dict[str, str] = field(default_factory=dict)  # later claim id -> why this day has no prediction


def as_of_days(case: Case, start: str | None = None, end: str | None = None, every: str = "month") -> list[dt.date]:
    """The last day of every month (or quarter) from ``start`` to ``end`` (default: the case's horizon)."""
    if every not in _EVERY:
        raise InputError(None, "--every", f"'{every}' is not a step", f"use one of {', '.join(_EVERY)}")
    labels = case.month_labels
    first = parse_day(start or labels[0], "--from")
    last = parse_day(end or labels[-1], "--to")
    if last < first:
        raise InputError(None, "--to", f"{last.isoformat()} is before --from {first.isoformat()}", "swap them")
    days = []
    y, m = first.year, first.month
    while True:
        day = parse_day(f"{y:04d}-{m:02d}")
        if day > last:
            break
        days.append(day)
        m += _EVERY[every]
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    if not days or days[-1] != last:
        days.append(last)  # a --to inside a month still gets its own step
    return days


def _headline(d: Draws, w: Array | None) -> dict[str, Band]:
    paid, state = d.totals["paid_by_russia"], d.totals["to_state"]
    share = np.divide(state, paid, out=np.zeros_like(paid, dtype=np.float64), where=paid > 0)
    values = {
        **{k: d.totals[k] for k in HEADLINE_TOTALS},
        "state_share": share,
        "soldiers_sent": d.derived["cumulative_deployed_end"],
        "killed": d.derived["killed_total"],
    }
    return {k: Band.from_stats(interval_stats(np.asarray(v, dtype=np.float64), w)) for k, v in values.items()}


def _scores(
    prior: Prior,
    later: Sequence[Claim],
    d: Draws,
    w: Array | None,
    day: str,
    slots: dict[str, str],
    noise: dict[str, tuple[str, float]] | None = None,
) -> tuple[list[HindcastScore], dict[str, str]]:
    """Each later claim the as-of case predicts, scored against its posterior draws; the others with why not.

    A claim the whole case builds an input from (a rank's pay, a wave's size, the
    state's share) is held against that input's draws as known on ``day``; any other
    claim against the output calibration reads it as. An input the case still fixes
    by assumption on ``day`` (``not_yet_known = { fixed = ... }``) is no prediction.
    """
    if not later:
        return [], {}
    kept = next(iter(d.monthly.values())).shape[0]
    outputs: dict[str, Array] = {k: np.asarray(v[:kept], np.float64) for k, v in {**d.monthly, **d.derived}.items()}
    params = {k: np.asarray(v[:kept], np.float64) for k, v in d.params.items()}
    weights = None if w is None else w[:kept]
    direct = [c for c in later if c.id in slots]
    obs = compile_observations(prior, claims=[c for c in later if c.id not in slots])
    skipped = {s.claim_id: s.reason for s in obs.skipped}
    todo: list[tuple[Claim, Array | str, str, str]] = []
    for c in direct:
        got = predicted_input(c, slots[c.id], params, prior.constants, kept)
        todo.append((c, got[0], got[1], got[2]) if isinstance(got, tuple) else (c, got, "", ""))
    for o in obs.items:
        if o.parameter is not None:
            got = predicted_input(o.claim, o.parameter, params, prior.constants, kept)
            todo.append((o.claim, got[0], got[1], got[2]) if isinstance(got, tuple) else (o.claim, got, "", ""))
        else:
            todo.append((o.claim, o.target(outputs, params), o.what, o.unit))
    out = []
    for claim, predicted, what, unit in todo:
        if isinstance(predicted, str):
            skipped[claim.id] = predicted
            continue
        values = predicted
        when = reported_on(claim)
        try:
            score = score_claim(
                values,
                claim,
                weights=weights,
                as_of=day,
                reported=when.isoformat() if when else "",
                what=what,
                unit=unit,
                noise=(noise or {}).get(claim.id),
            )
        except ValueError as e:
            skipped[claim.id] = str(e)  # a figure with no score on its scale (a zero amount)
            continue
        out.append(score)
    return out, skipped


def _estimate_as_of(task: _Task) -> _Estimate:
    """Run one as-of task: the case as known on its day, calibrated, its headline and its scores.

    A top-level function of plain data, so any executor can ship it to a worker.
    """
    case = as_of(task.case, task.day, extra=task.extra)
    result = run(case, task.draws, task.seed, contradictions=False, sensitivity=False)
    if result.posterior_draws is not None:
        d, w = result.posterior_draws, result.weights  # the posterior: its draws and their weights
    else:
        d, w = result.prior_draws, None  # not calibrated: the prior itself
    by_id = {c.id: c for c in task.case.resolved_claims()}
    scores, unscored = _scores(
        result.case,
        [by_id[i] for i in task.score],
        d,
        w,
        task.day.isoformat(),
        dict(task.slots),
        {cid: (scale, sd) for cid, scale, sd in task.noise},
    )
    method = str((result.sample_stats or {}).get("method", "none"))
    return _Estimate(_headline(d, w), method, result.main.effective_draws, scores, unscored)


def _usable(c: Claim) -> bool:
    return c.status in ("accepted", "edited") and c.quantity not in _UNUSED


def _group_key(c: Claim) -> str:
    return c.source.id if c.source is not None else c.id


def _reported(c: Claim) -> str:
    when = reported_on(c)
    return when.isoformat() if when else ""


def _describe(c: Claim) -> ArrivedClaim:
    return ArrivedClaim(
        id=c.id,
        quantity=c.quantity,
        figure=c.describe_value() if (c.value, c.low, c.high) != (None, None, None) else c.words or c.stated,
        speaker=c.speaker,
        outlet=c.source.outlet if c.source else "",
        date=_reported(c),
        status=c.status,
        used=_usable(c),
    )


def _change(now: dict[str, Band], before: dict[str, Band]) -> dict[str, float]:
    return {k: now[k].p50 - before[k].p50 for k in HISTORY_HEADLINE}


def _plan(
    case: Case, days: list[dt.date], draws: int, seed: int
) -> tuple[list[_Task], list[list[list[Claim]]], list[list[Claim]], dict[str, str]]:
    """The tasks of a history: one per day, then one per group of claims in steps where several arrived.

    Also why each claim no day scores is left out (known from the first day, or never predictable).
    """
    claims = case.resolved_claims()
    whole = resolve(case)
    slots = tuple(sorted(input_slots(whole).items()))
    predictable, why = later_claims(claims, set(dict(slots)))
    noise = tuple((o.id, o.error.scale, o.error.sd) for o in compile_observations(whole).items)
    for c in predictable:
        if known_by(c, days[0]):
            why[c.id] = f"reported by {days[0].isoformat()}, the first as-of day: no earlier prediction"
    tasks: list[_Task] = []
    arrived: list[list[Claim]] = []
    groups: list[list[list[Claim]]] = []
    for i, day in enumerate(days):
        before = days[i - 1] if i else None
        new = [c for c in claims if known_by(c, day) and (before is None or not known_by(c, before))]
        arrived.append(new)
        later = tuple(c.id for c in predictable if not known_by(c, day))
        tasks.append(_Task(case, day, draws, seed, score=later, slots=slots, noise=noise))
        by_doc: dict[str, list[Claim]] = {}
        for c in new:
            if _usable(c):
                by_doc.setdefault(_group_key(c), []).append(c)
        groups.append(list(by_doc.values()) if before is not None else [])
    for i, step_groups in enumerate(groups):
        if len(step_groups) > 1:
            for g in step_groups:
                tasks.append(_Task(case, days[i - 1], draws, seed, extra=tuple(c.id for c in g)))
    return tasks, groups, arrived, why


def _unscored(claims: Sequence[Claim], why: dict[str, str], per_day: Sequence[_Estimate]) -> tuple[Unscored, ...]:
    """Each claim of the case no day scored, with the reason (a day's own, the latest, when it had later runs)."""
    scored = {s.claim for est in per_day for s in est.scores}
    reasons = dict(why)
    for est in per_day:
        reasons.update({k: v for k, v in est.unscored.items() if k not in scored})
    return tuple(Unscored(c.id, c.quantity, reasons[c.id]) for c in claims if c.id in reasons)


def history(
    case: Case,
    *,
    start: str | None = None,
    end: str | None = None,
    every: str = "month",
    draws: int = HISTORY_DRAWS,
    seed: int = 0,
    executor: Executor | None = None,
    stages: Stages | None = None,
) -> History:
    """The case's estimate as of the end of each month (or quarter) from ``start`` to ``end``.

    Runs go to ``executor`` (default: this process); the result does not depend on it.
    ``stages`` hears one step per as-of run (each day, then each document moving it).
    """
    days = as_of_days(case, start, end, every)
    quiet(stages).begin("history: planning the as-of days")
    tasks, groups, arrived_by_day, why = _plan(case, days, draws, seed)
    ex = executor or SerialExecutor()
    quiet(stages).begin(f"history: as-of runs, {days[0].isoformat()} to {days[-1].isoformat()}", len(tasks))
    results: Iterator[_Estimate] = counted(ex.map(_estimate_as_of, tasks), stages)
    per_day = [next(results) for _ in days]
    steps: list[Step] = []
    for i, (day, est) in enumerate(zip(days, per_day, strict=True)):
        change: dict[str, float] = {}
        moves: list[Move] = []
        if i:
            change = _change(est.headline, per_day[i - 1].headline)
            for g in groups[i]:
                alone = change if len(groups[i]) == 1 else _change(next(results).headline, per_day[i - 1].headline)
                outlet = g[0].source.outlet if g[0].source else ""
                moves.append(Move(tuple(c.id for c in g), outlet, _reported(g[0]), alone))
        arrived = tuple(_describe(c) for c in arrived_by_day[i])
        step = Step(day.isoformat(), arrived, est.headline, est.method, est.effective_draws, change, tuple(moves))
        steps.append(step)
    scores = tuple(s for est in per_day for s in est.scores)
    claims = case.resolved_claims()
    return History(
        case.name,
        case.case.title,
        seed,
        draws,
        every,
        tuple(steps),
        scores,
        coverage(scores),
        {c.id: c for c in claims},
        _unscored(claims, why, per_day),
    )
