"""Running a case: draw parameters block by block, apply the model, label the result.

This is the thin orchestrator around the pure model. Work is cut into chunks of
whole sampling blocks (see :mod:`troopledger.evidence._sampling`), so memory stays
bounded and the numbers do not depend on the chunk size or the number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from troopledger._version import __version__
from troopledger.errors import ModelError
from troopledger.evidence import BLOCK, STATE_USE_NAMES, Case, Prior, Sampler, WaveSlots, resolve
from troopledger.model._counts import CountTarget, hazard_for_count
from troopledger.model._deployment import Casualties, Rotation, Waves
from troopledger.model._executor import Executor, PoolExecutor, SerialExecutor, tune_malloc
from troopledger.model._flows import MONTHLY_OUTPUTS, PER_DRAW_OUTPUTS, STATE_USES, Inputs, flows
from troopledger.model._outputs import BY_ROLE, DELIVERY_OUTPUTS, OUTPUTS, RECEIVED_ACCOUNTS, role_output
from troopledger.model._realisation import Realisation

if TYPE_CHECKING:
    import xarray as xr

__all__ = ["DEFAULT_CHUNK", "Chunk", "Progress", "inputs_from_draws", "iter_chunks", "run_draws", "simulate"]

Array = NDArray[np.float64]
Progress = Callable[[int], None]

#: Default draws per chunk of work: one sampling block (about 80 MB of outputs at 24 months).
DEFAULT_CHUNK = BLOCK
#: simulate() refuses to hold more than this many bytes of results in memory.
MAX_DATASET_BYTES = 4_000_000_000


@dataclass(frozen=True)
class Chunk:
    """One chunk of draws: where it starts, its parameter draws and model outputs."""

    start: int
    params: dict[str, Array]
    outputs: dict[str, Array]
    conservation_error: float

    @property
    def size(self) -> int:
        """Number of draws in the chunk."""
        return int(self.outputs["paid_by_russia"].shape[0])


def _profiles(waves: Sequence[WaveSlots]) -> Array | None:
    """Each wave's monthly arrival shares, padded to one length (None: every wave arrives at once)."""
    if all(len(w.profile) == 1 for w in waves):
        return None
    k = max(len(w.profile) for w in waves)
    return np.array([[*w.profile, *([0.0] * (k - len(w.profile)))] for w in waves], dtype=float)


def _waves_of(prior: Prior, waves: Sequence[WaveSlots], d: dict[str, Array], n: int) -> Waves:
    return Waves(
        arrival=np.asarray([w.offset for w in waves], dtype=np.int64),
        size=np.stack([d[w.size] for w in waves], axis=1),
        tour=np.stack(
            [d[w.tour] if w.tour is not None else np.full(n, float(prior.months - w.offset)) for w in waves],
            axis=1,
        ),
        profile=_profiles(waves),
        role=np.asarray([w.role for w in waves], dtype=np.int64),
        by_mid_month=np.asarray([w.by_mid_month for w in waves], dtype=float),
    )


def _casualties(prior: Prior, d: dict[str, Array], n: int) -> Casualties:
    """Base hazards, their monthly shape (dated phases, the forecast's drift) and each role's exposure."""
    kshape = wshape = None
    trend = prior.forecast_trend
    if prior.phases or trend is not None:
        kshape, wshape = np.ones((n, prior.months)), np.ones((n, prior.months))
        for ph in prior.phases:
            lo, hi = max(ph.start, 0), min(ph.end, prior.months - 1)
            if hi < lo:
                continue
            if ph.killed is not None:
                kshape[:, lo : hi + 1] *= d[ph.killed][:, None]
            if ph.wounded is not None:
                wshape[:, lo : hi + 1] *= d[ph.wounded][:, None]
        if trend is not None and prior.forecast_from is not None:
            # past the record: the last month's hazards, drifting by a drawn trend per month
            f = prior.forecast_from
            ahead = np.arange(1, prior.months - f + 1, dtype=float)[None, :]
            drift = np.exp(d[trend][:, None] * ahead)
            kshape[:, f:] = kshape[:, f - 1 : f] * drift
            wshape[:, f:] = wshape[:, f - 1 : f] * drift
    exposure = None
    if any(r.exposure is not None for r in prior.roles):
        exposure = np.stack([d[r.exposure] if r.exposure is not None else np.ones(n) for r in prior.roles], axis=1)
    evacuated = d["evacuated_share"] if not np.all(d["evacuated_share"] == 1.0) else None
    return Casualties(
        d["killed_hazard"], d["wounded_hazard"], d["replacement_share"], kshape, wshape, exposure, evacuated
    )


def inputs_from_draws(prior: Prior, d: dict[str, Array]) -> Inputs:
    """Assemble the model's :class:`Inputs` from one batch of parameter draws."""
    n = d["state_use_shares"].shape[0]
    schedule: Rotation | Waves
    if prior.mode == "rotation":
        extra = _waves_of(prior, prior.waves, d, n) if prior.waves else None
        schedule = Rotation(d["troops_deployed"], d["rotation_interval_months"], extra)
    else:
        schedule = _waves_of(prior, prior.waves, d, n)
    if prior.ranks:
        pay = sum((share * d[name] for name, share in prior.ranks), np.zeros(n))
    else:
        pay = d["pay_per_soldier_month"]
    realised, deferred, offset = (
        d.get(k, np.full(n, v))
        for k, v in (("realised_share", 1.0), ("deferred_share_of_shortfall", 0.0), ("offset_share_of_shortfall", 0.0))
    )
    everything = bool(np.all(realised == 1.0))
    return Inputs(
        schedule=schedule,
        casualties=_casualties(prior, d, n),
        pay_per_soldier_month=pay,
        state_share_of_pay=d["state_share_of_pay"],
        signing_bonus=d["signing_bonus"],
        death_compensation=d["death_compensation"],
        in_kind_share=d["in_kind_share"],
        family_share_of_death_pay=d["family_share_of_death_pay"],
        family_share_of_unpaid_pay=d["family_share_of_unpaid_pay"],
        state_use_shares=d["state_use_shares"],
        nk_gdp=d["nk_gdp"],
        luxury_imports=d["luxury_imports"],
        domestic_monthly_wage=d["domestic_monthly_wage"],
        realisation=None if everything else Realisation(realised, deferred, offset),
        roles=prior.role_names,
    )


def _wave_terms(prior: Prior, d: dict[str, Array], x: Inputs) -> tuple[Array | None, Array | None]:
    """Pay and state share per wave, ``(draws, waves)``, where some wave has its own; else None."""
    if not prior.by_wave:
        return None, None
    pay, share = [], []
    for w in prior.waves:
        if w.pay is not None:
            pay.append(d[w.pay])
        elif w.rank_shares is not None:
            pay.append(sum((s * d[name] for name, s in w.rank_shares), np.zeros(x.draws)))
        else:
            pay.append(x.pay_per_soldier_month)
        share.append(d[w.state_share] if w.state_share is not None else x.state_share_of_pay)
    return np.stack(pay, axis=1), np.stack(share, axis=1)


def run_draws(prior: Prior, d: dict[str, Array]) -> dict[str, Array]:
    """Run the model on one batch of parameter draws ``d``; adds the inputs it derives to ``d``.

    Derived inputs: the average pay over ranks, and the hazards solved from stated
    casualty counts (so reports show the hazard each count implies). Waves with their
    own pay or state share run wave by wave.
    """
    x = inputs_from_draws(prior, d)
    if prior.ranks:
        d["pay_per_soldier_month"] = x.pay_per_soldier_month
    for _ in range(2 if len(prior.counts) > 1 else 1):  # two counts depend on each other: one more pass
        for c in prior.counts:
            target = CountTarget(c.kind, d[c.slot], c.by)
            solved, _capped = hazard_for_count(x.schedule, x.casualties, target, prior.months)
            x = replace(x, casualties=solved)
    if prior.counts:
        d["killed_hazard"], d["wounded_hazard"] = x.casualties.killed_hazard, x.casualties.wounded_hazard
    pay, share = _wave_terms(prior, d, x)
    return flows(x, prior.months, pay=pay, state_share=share)


def _conservation_error(out: dict[str, Array]) -> float:
    """Largest gap, in USD, between what Russia pays and what lands in the accounts."""
    landed = out["to_state"] + out["to_soldiers"] + out["to_families"]
    uses = sum((out[u] for u in STATE_USES), np.zeros_like(landed))
    settled = sum((out[k] for k in DELIVERY_OUTPUTS), np.zeros_like(landed))
    received = out["received_to_state"] + out["received_to_soldiers"] + out["received_to_families"]
    gaps = (
        np.abs(out["paid_by_russia"] - landed),
        np.abs(out["to_state"] - uses),
        np.abs(out["paid_by_russia"] - settled),  # owed = delivered + not delivered
        np.abs(out["received_by_nk"] - received),  # delivered = what the accounts receive
    )
    return float(max((g.max() for g in gaps if g.size), default=0.0))


def _chunk_bounds(draws: int, chunk_size: int) -> list[tuple[int, int]]:
    size = max(BLOCK, -(-chunk_size // BLOCK) * BLOCK)  # whole blocks, at least one
    return [(s, min(s + size, draws)) for s in range(0, draws, size)]


def _run_chunk(sampler: Sampler, seed: int, bounds: tuple[int, int]) -> Chunk:
    start, stop = bounds
    parts = []
    for b0 in range(start, stop, BLOCK):
        parts.append(sampler.block(seed, b0 // BLOCK, min(BLOCK, stop - b0)))
    params = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    out = run_draws(sampler.prior, params)
    return Chunk(start, params, out, _conservation_error(out))


def iter_chunks(
    prior: Prior,
    draws: int,
    seed: int,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> Iterator[Chunk]:
    """Yield the run's chunks in order; ``progress`` is told how many draws each finished.

    Chunks run on ``executor`` when one is given (local processes, a Dask cluster),
    else on ``workers`` threads; the numbers are the same either way.
    """
    if draws < 1:
        raise ModelError(f"draws must be >= 1, got {draws}")
    if seed < 0:
        raise ModelError(f"seed must be >= 0, got {seed}")
    tune_malloc()  # chunks of outputs reuse freed memory rather than fault it in again
    task = partial(_run_chunk, Sampler(prior), seed)
    bounds = _chunk_bounds(draws, chunk_size)
    own = executor is None
    ex = executor or (PoolExecutor(workers, "thread") if workers > 1 else SerialExecutor())
    try:
        for chunk in ex.map(task, bounds):
            if progress:
                progress(chunk.size)
            yield chunk
    finally:
        if own:
            ex.close()


def simulate(
    case: Case | Prior,
    draws: int = 100_000,
    seed: int = 0,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int = 1,
    progress: Progress | None = None,
) -> xr.Dataset:
    """Draw a case's *prior* (its resolved :class:`~troopledger.evidence.Prior`) ``draws`` times, every draw labelled.

    These are prior draws, not weighed by the claims about totals: ``attrs["kind"]`` is
    ``"prior"``. The calibrated figures ``troopledger report`` prints come from
    :func:`troopledger.run`.

    Monthly flows are ``(draw, month)`` variables, per-draw outputs and parameters are
    ``(draw,)``; ``attrs`` hold the case, seed and the conservation check. For very
    large runs use :func:`troopledger.analysis.summarize`, which streams.
    """
    prior = case if isinstance(case, Prior) else resolve(case)
    # Owed-vs-received flows equal the owed ones unless the case has a realised share: leave them out then.
    skip = set() if not prior.realises_everything else {*DELIVERY_OUTPUTS, "received_by_nk", *RECEIVED_ACCOUNTS}
    monthly = [k for k in MONTHLY_OUTPUTS if k not in skip]
    est = draws * (len(monthly) * prior.months + len(PER_DRAW_OUTPUTS) + 40) * 8
    if est > MAX_DATASET_BYTES:
        raise ModelError(
            f"{draws:,} draws would need about {est / 1e9:.1f} GB as a Dataset; "
            "use troopledger.analysis.summarize (streams in bounded memory) or fewer draws"
        )
    chunks = list(iter_chunks(prior, draws, seed, chunk_size=chunk_size, workers=workers, progress=progress))
    data: dict[str, tuple[tuple[str, ...], Array, dict[str, str]]] = {}
    for name in monthly:
        o = OUTPUTS[name]
        attrs = {"role": o.role, "unit": o.unit, "label": o.label}
        data[name] = (("draw", "month"), np.concatenate([c.outputs[name] for c in chunks]), attrs)
    for name in (role_output(k, r) for r in prior.role_names for k in BY_ROLE):
        o = OUTPUTS[name.split(".")[0]]
        attrs = {"role": "by_role", "unit": o.unit, "label": f"{o.label} ({name.split('.', 1)[1]})"}
        data[name] = (("draw", "month"), np.concatenate([c.outputs[name] for c in chunks]), attrs)
    for name in PER_DRAW_OUTPUTS:
        o = OUTPUTS[name]
        attrs = {"role": o.role, "unit": o.unit, "label": o.label}
        data[name] = (("draw",), np.concatenate([c.outputs[name] for c in chunks]), attrs)
    for name in chunks[0].params:
        if name == "state_use_shares":
            continue
        data[name] = (("draw",), np.concatenate([c.params[name] for c in chunks]), {"role": "parameter"})
    shares = np.concatenate([c.params["state_use_shares"] for c in chunks])
    data["state_use_shares"] = (("draw", "state_use"), shares, {"role": "parameter"})
    import xarray as xr  # labelled results load only where a Dataset is built

    ds = xr.Dataset(
        {k: xr.Variable(dims, arr, attrs) for k, (dims, arr, attrs) in data.items()},
        coords={
            "draw": np.arange(draws),
            "month": np.asarray(prior.horizon.labels),
            "state_use": np.asarray(STATE_USE_NAMES),
        },
        attrs={
            "kind": "prior",
            "case": prior.name,
            "case_sha256": prior.casefile.digest,
            "seed": seed,
            "draws": draws,
            "troopledger_version": __version__,
            "conservation_max_abs_error_usd": max(c.conservation_error for c in chunks),
            "interval_convention": "to(a, b) is a 90% interval: lognormal for amounts, beta for shares",
        },
    )
    return ds
