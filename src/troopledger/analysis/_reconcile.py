"""Reconciling a published figure: what would it take for the model to reach it?

Given a target (an output by a month, e.g. ``cumulative_paid_by_russia@2025-12=620e6``)
the posterior draws of a calibrated run answer four questions:

* **How plausible is it?** The posterior predictive tail probability of a figure at
  least as far from the median as the target (and the prior's, for comparison).
* **Which one input, alone, would reach it?** Each input moved by itself, the others
  at their posterior draws, until the figure's median is the target
  (:mod:`troopledger.analysis._levers`): the headline.
* **What must move, jointly?** The posterior draws are reweighted as if the figure
  were a claim right within ``within`` (``exp(-(log y - log target)^2 / 2 sd^2)``):
  the posterior told the figure, a small move toward it whose relative entropy is
  reported in nats.
  Each input's shift under the tilt is reported in posterior standard deviations and
  as the posterior quantile where its tilted median lands, ranked.
* **Which claims would have to be wrong?** For each claim, its modelled value's
  shift in units of the claim's own error and its probability of being wrong before
  and after the tilt.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import special

from troopledger.analysis._given_data import posterior_resample
from troopledger.analysis._levers import LEVER_DRAWS, Lever, LeverInput, model_inputs, single_levers
from troopledger.calibration import HEDGE_WIDTH, Calibration, calibrate, weighted_quantiles
from troopledger.errors import InputError
from troopledger.evidence import Z90, Prior
from troopledger.model import MONTHLY_CAP, MONTHLY_VARIABLES, OUTPUTS, Draws, run_draws

__all__ = [
    "RECONCILE_DRAWS",
    "ReconcileTarget",
    "Reconciliation",
    "Shift",
    "parse_target",
    "reconcile",
    "target_values",
]

Array = NDArray[np.float64]

#: Draws of a reconciliation unless asked (every draw keeps its monthly path up to MONTHLY_CAP).
RECONCILE_DRAWS = 100_000
#: A published figure is read as right within this relative half-width (90 %), as an "about" claim is.
TARGET_WITHIN = HEDGE_WIDTH["about"]
#: Fewest resampled draws a single lever is searched on (its Monte Carlo error is read off ten batches of them).
MIN_LEVER_DRAWS = 100
#: A tilted reweighting with fewer effective draws than this is flagged as unreliable.
MIN_TILTED_ESS = 200.0
_TARGET = re.compile(r"^\s*([a-z_]+)\s*@\s*(\d{4}-\d{2})\s*=\s*([0-9.eE+_,]+)\s*$")
_CUMULATIVE = "cumulative_"


@dataclass(frozen=True)
class ReconcileTarget:
    """A published figure: an output of the model by (or in) a month, and its value."""

    output: str
    month: str
    value: float

    def __str__(self) -> str:
        return f"{self.output}@{self.month}={self.value:g}"


def _outputs() -> tuple[str, ...]:
    """Outputs a target can name: monthly outputs and their running totals."""
    return (*MONTHLY_VARIABLES, *(f"{_CUMULATIVE}{k}" for k in MONTHLY_VARIABLES if not k.startswith(_CUMULATIVE)))


def parse_target(text: str) -> ReconcileTarget:
    """``OUTPUT@YYYY-MM=VALUE`` as a :class:`ReconcileTarget` (an InputError naming the fix otherwise)."""
    m = _TARGET.match(text)
    if m is None:
        raise InputError(
            None,
            "--target",
            f"{text!r} is not OUTPUT@YYYY-MM=VALUE",
            "write e.g. cumulative_paid_by_russia@2025-12=620e6",
        )
    output, month, raw = m.groups()
    if output not in _outputs():
        raise InputError(
            None, "--target", f"'{output}' is not an output of the model", f"use one of {', '.join(_outputs())}"
        )
    try:
        value = float(raw.replace("_", "").replace(",", ""))
    except ValueError:
        raise InputError(None, "--target", f"{raw!r} is not a number", "write the value as e.g. 620e6") from None
    if not value > 0 or not math.isfinite(value):
        raise InputError(None, "--target", f"the value must be a positive number, got {raw}", "give a positive figure")
    return ReconcileTarget(output, month, value)


def target_values(draws: Draws | Mapping[str, NDArray[Any]], output: str, month: int) -> Array:
    """The target quantity in each kept draw: a monthly output in ``month`` or its running total up to it.

    The one place that reads a target off the draws (a run's kept monthly paths, or the
    model's outputs of a re-run): a running total the model does not keep as a monthly
    path (``cumulative_paid_by_russia``) is summed from the monthly output.
    """
    monthly = draws.monthly if isinstance(draws, Draws) else draws
    if output in monthly:
        return np.asarray(monthly[output][:, month], dtype=np.float64)
    base = output.removeprefix(_CUMULATIVE)
    if output.startswith(_CUMULATIVE) and base in monthly:
        return np.asarray(monthly[base][:, : month + 1].sum(axis=1, dtype=np.float64), dtype=np.float64)
    raise InputError(None, "--target", f"'{output}' is not kept by this run", f"use one of {', '.join(_outputs())}")


@dataclass(frozen=True)
class Shift:
    """How far one input or one claim moves when the posterior is tilted toward the target."""

    name: str
    what: str
    unit: str
    posterior: tuple[float, float, float]  # p5, p50, p95
    tilted: tuple[float, float, float]
    shift_sd: float  # tilted minus posterior median, in posterior sd ((p95 - p5) / 3.29); claims: in their own error sd
    quantile: float  # the posterior quantile at which the tilted median lies
    said: str = ""  # claims: what the source said
    wrong_before: float = math.nan  # claims: probability of being wrong, posterior
    wrong_after: float = math.nan  # claims: the same under the tilt
    derived: bool = False  # inputs: computed from other inputs (e.g. average pay from pay by rank), not ranked


@dataclass(frozen=True)
class Reconciliation:
    """What it would take for a case's model to reach a published figure."""

    case: str
    target: ReconcileTarget
    draws: int
    seed: int
    draws_used: str  # "posterior" (importance-weighted, calibrated) or "prior"
    posterior: tuple[float, float, float]  # the target quantity: p5, p50, p95
    prior: tuple[float, float, float]
    unit: str  # of the target quantity
    direction: str  # "above" or "below" the posterior median
    tail_probability: float  # posterior predictive P(at least as far as the target)
    prior_tail_probability: float
    effective_draws: float  # of the posterior weights
    within: float  # the figure read as right within this relative half-width (90 %)
    relative_entropy: float  # KL(tilted || posterior), nats
    tilted_effective_draws: float
    reached: bool  # the tilt attains the target within the draws
    inputs: tuple[Shift, ...]  # the case's inputs ranked by how far the tilt moves them, derived ones last
    claims: tuple[Shift, ...]  # claims ranked by how much likelier the tilt makes them wrong
    forecast_months: tuple[str, ...] = ()  # months past the case's own (reconcile --until): a status-quo forecast
    levers: tuple[Lever, ...] = ()  # each input moved alone to reach the figure, likeliest first (single_levers)
    lever_draws: int = 0  # resampled posterior draws the levers were searched on (0: not computed)

    @property
    def reliable(self) -> bool:
        """True when enough tilted draws carry the answer."""
        return self.reached and self.tilted_effective_draws >= MIN_TILTED_ESS

    @property
    def headline(self) -> tuple[str, tuple[str, ...]]:
        """Which table the answer names (``levers`` or ``joint``) and its top three inputs.

        The single levers when they were computed: each row says on its own what one
        assumption would have to be and how likely that is under the evidence (docs/calibration.md
        section 11). Without them (a ledger case, ``--lever-draws 0``) the joint tilt's.
        """
        if self.lever_draws:
            return "levers", tuple(lever.name for lever in self.levers if lever.reached)[:3]
        return "joint", tuple(s.name for s in self.inputs if not s.derived)[:3]


def _ess(w: Array) -> float:
    s = float(w.sum())
    return 0.0 if s <= 0 else s * s / float((w * w).sum())


def _tilt(y: Array, w: Array, value: float, sd: float) -> tuple[Array, bool]:
    """Normalised weights ``w x exp(-(log y - log value)^2 / 2 sd^2)``: the posterior told the figure is right."""
    z = (np.log(np.maximum(y, 1e-300)) - math.log(value)) / sd
    a = np.where(w > 0, np.log(np.where(w > 0, w, 1.0)) - 0.5 * z * z, -np.inf)
    p = np.exp(a - a.max())
    p /= p.sum()
    med = float(weighted_quantiles(y, (0.5,), p)[0])
    return p, abs(math.log(med / value)) <= Z90 * sd


def _stats(x: Array, w: Array) -> tuple[float, float, float]:
    q = weighted_quantiles(x, (0.05, 0.5, 0.95), w)
    return float(q[0]), float(q[1]), float(q[2])


def _cdf_at(x: Array, w: Array, v: float) -> float:
    return float(w[x <= v].sum() / w.sum())


def _shift(name: str, what: str, unit: str, x: Array, w: Array, wt: Array) -> Shift:
    """Medians and 90 % intervals before and after; the shift in robust posterior sd ((p95 - p5) / 3.29)."""
    post, tilted = _stats(x, w), _stats(x, wt)
    sd = (post[2] - post[0]) / (2 * Z90)
    moved = 0.0 if sd <= 0 else (tilted[1] - post[1]) / sd
    return Shift(name, what, unit, post, tilted, moved, _cdf_at(x, w, tilted[1]))


def _strength(s: Shift) -> float:
    """How far a tilted median sits in its posterior, as a normal score (the ranking's key)."""
    q = min(max(s.quantile, 1e-6), 1 - 1e-6)
    return abs(float(special.ndtri(q)))


def _claim_shifts(cal: Calibration, pd: Draws, w: Array, wt: Array) -> list[Shift]:
    if cal.robust is None or pd.observed is None:
        return []
    values = np.asarray(pd.observed, dtype=np.float64)
    _, log_wrong = cal.robust.both(values)
    p_wrong = np.exp(log_wrong)
    out = []
    for j, o in enumerate(cal.robust.observations.items):
        s = _shift(o.id, o.what, o.unit, values[:, j], w, wt)
        g = o.error.transform(values[:, j])
        moved = (_stats(g, wt)[1] - _stats(g, w)[1]) / o.error.sd if o.error.sd > 0 else 0.0
        before = float(np.average(p_wrong[:, j], weights=w))
        after = float(np.average(p_wrong[:, j], weights=wt))
        said = o.claim.stated or _said_value(o.claim.value, o.claim.low, o.claim.high)
        out.append(
            Shift(
                o.id,
                o.what,
                o.unit,
                s.posterior,
                s.tilted,
                moved,
                s.quantile,
                f"{o.claim.speaker}: {said}",
                before,
                after,
            )
        )
    return sorted(out, key=lambda s: (-(s.wrong_after - s.wrong_before), -abs(s.shift_sd), s.name))


def _said_value(v: float | None, lo: float | None, hi: float | None) -> str:
    if v is not None:
        return f"{v:,.6g}"
    if lo is not None and hi is not None:
        return f"{lo:,.6g} to {hi:,.6g}"
    return f"at least {lo:,.6g}" if lo is not None else f"at most {hi:,.6g}"


def _unit_of(output: str) -> str:
    base = output.removeprefix(_CUMULATIVE)
    return "USD" if base in OUTPUTS and OUTPUTS[base].unit.startswith("USD") else "persons"


def reconcile(
    prior: Prior,
    target: ReconcileTarget,
    *,
    draws: int = RECONCILE_DRAWS,
    seed: int = 0,
    workers: int = 1,
    within: float = TARGET_WITHIN,
    calibration: Calibration | None = None,
    lever_draws: int = LEVER_DRAWS,
) -> Reconciliation:
    """What it would take for ``prior``'s model, weighed by its claims, to reach ``target``.

    The figure is read as right within ``within`` (relative half-width of its 90 %
    interval; default an "about" figure's). ``calibration`` reuses a calibrated run of
    ``prior`` (else one is run here with ``draws`` draws and ``seed``). An uncalibrated
    case reconciles on its prior draws. ``lever_draws`` resampled draws search each
    input's single lever (0: none; none either when the figure's posterior median is 0).
    """
    if draws > MONTHLY_CAP:
        raise InputError(
            None,
            "--draws",
            f"a reconciliation keeps every draw's monthly path: at most {MONTHLY_CAP:,}",
            f"use --draws {MONTHLY_CAP}",
        )
    if 0 < lever_draws < MIN_LEVER_DRAWS:
        raise InputError(
            None,
            "--lever-draws",
            f"the single levers need at least {MIN_LEVER_DRAWS} draws, got {lever_draws}",
            f"use --lever-draws {MIN_LEVER_DRAWS} or more, or 0 to skip them",
        )
    labels = prior.horizon.labels
    if target.month not in labels:
        raise InputError(
            None,
            "--target",
            f"{target.month} is outside the case's months ({labels[0]} to {labels[-1]})",
            "name a month the case covers"
            + (f", or forecast to it with --until {target.month}" if target.month > labels[-1] else ""),
        )
    month = labels.index(target.month)
    cal = calibration or calibrate(prior, draws, seed, workers=workers)
    used = "posterior" if cal.posterior_draws is not None and cal.weights is not None else "prior"
    pd = cal.posterior_draws if cal.posterior_draws is not None else cal.prior_draws
    n = next(iter(pd.monthly.values())).shape[0]
    w = np.ones(n) if cal.weights is None else np.asarray(cal.weights.weights[:n], dtype=np.float64)
    y = target_values(pd, target.output, month)
    y_prior = target_values(cal.prior_draws, target.output, month)
    post = _stats(y, w)
    prior_q = _stats(y_prior, np.ones(y_prior.size))
    above = target.value >= post[1]
    tail = 1.0 - _cdf_at(y, w, np.nextafter(target.value, -np.inf)) if above else _cdf_at(y, w, target.value)
    ones = np.ones(y_prior.size)
    prior_tail = (
        1.0 - _cdf_at(y_prior, ones, np.nextafter(target.value, -np.inf))
        if above
        else _cdf_at(y_prior, ones, target.value)
    )
    sd = math.log1p(within) / Z90
    wt, reached = _tilt(y, w, target.value, sd)
    wn = w / w.sum()
    live = wt > 0
    kl = float((wt[live] * (np.log(wt[live]) - np.log(wn[live]))).sum())
    params = {k: np.asarray(v[:n], dtype=np.float64) for k, v in pd.params.items() if v.ndim == 1}
    inputs = []
    for name, x in params.items():
        if float(np.ptp(x)) <= 0:
            continue
        unit, what = prior.describe_input(name)
        s = _shift(name, what, unit, x, w, wt)
        inputs.append(replace(s, derived=name not in prior.slots))
    inputs.sort(key=lambda s: (s.derived, -_strength(s), s.name))
    sub = _subset(pd, n)
    claims = _claim_shifts(cal, sub, w, wt)
    levers: tuple[Lever, ...] = ()
    if lever_draws > 0 and post[1] > 0:  # levers move the median on a log scale: none for a median of 0
        model = cal.doubted or prior
        solved = {f"{c.kind}_hazard" for c in prior.counts}  # set by a stated count: moving it moves nothing
        movable = [
            LeverInput(
                s.name,
                s.what,
                s.unit,
                model.slots[s.name].distribution,
                prior.slots[s.name].distribution,
                prior.slots[s.name].place.bounds,
            )
            for s in sorted(inputs, key=lambda s: s.name)
            if not s.derived and s.name not in solved
        ]

        def figure(d: dict[str, Array]) -> Array:
            return target_values(run_draws(model, d), target.output, month)

        rows = posterior_resample(pd, w, lever_draws, rows=n)
        every = model_inputs(model, pd, n)
        levers = single_levers(movable, every, w, rows, figure, target.value, post[1], workers=workers)
    return Reconciliation(
        prior.name,
        target,
        cal.prior_draws.draws,
        seed,
        used,
        post,
        prior_q,
        _unit_of(target.output),
        "above" if above else "below",
        tail,
        prior_tail,
        _ess(w),
        within,
        kl,
        _ess(wt),
        reached,
        tuple(inputs),
        tuple(claims),
        tuple(labels[prior.forecast_from :]) if prior.forecast_from is not None else (),
        levers,
        lever_draws if levers else 0,
    )


def _subset(d: Draws, n: int) -> Draws:
    """``d`` with its observed targets cut to the ``n`` draws that keep monthly paths."""
    if d.observed is None or d.observed.shape[0] == n:
        return d
    return Draws(
        d.months,
        d.totals,
        d.monthly,
        d.derived,
        d.params,
        d.conservation_error,
        d.seed,
        n,
        d.constants,
        d.observed[:n],
        d.observation_ids,
    )
