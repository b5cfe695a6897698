"""The soldier stream: the existing soldier model, adapted to the ledger's contract through its public outputs.

The soldier model (:func:`troopledger.model.run_draws` on a soldier case's
:class:`~troopledger.evidence.Prior`) is not rewritten here: its parameters are drawn
by the case's own :class:`~troopledger.evidence.Sampler` (so with the same seed they
are the soldier-only report's draws), its monthly outputs are placed on the ledger's
calendar, and its accounts are read into the shared ones. With ``shared_state_cut``
the state's share of pay is the ledger's shared ``state_share_overseas`` draw.

Given a ``posterior`` (weighted draws of the case's inputs, such as the case's own
calibration on its claims), the stream's inputs are resampled from it instead: a cut
(modular) posterior, in which the soldier stream is calibrated on the soldier evidence
alone and the ledger's other streams keep their own inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from troopledger.errors import ModelError
from troopledger.evidence import Prior, Sampler, block_rng, to
from troopledger.model._outputs import OUTPUTS
from troopledger.model._simulate import run_draws
from troopledger.model.streams._contract import (
    Array,
    Param,
    Stream,
    StreamOutput,
    account_declarations,
    account_outputs,
    month_offset,
)

__all__ = ["POSTERIOR_KEY", "SOLDIER_MODEL_OUTPUTS", "posterior_sampler", "soldier_stream"]

_SHARED_CUT = "state_share_overseas"
#: The name of the generator that picks each block's draws from a posterior (no input can be named so).
POSTERIOR_KEY = "soldiers:posterior"
#: The soldier model's own monthly outputs (``model.OUTPUTS``), registered as the stream's outputs
#: under their own names; the accounts are fed by the ``soldiers_*`` outputs built from them.
SOLDIER_MODEL_OUTPUTS = tuple(
    StreamOutput(o.name, o.unit, o.label, None, money=o.unit.startswith("USD"))
    for o in OUTPUTS.values()
    if o.role != "derived"
)


def soldier_stream(
    prior: Prior,
    *,
    shared_state_cut: bool = True,
    posterior: tuple[Mapping[str, Array], Array] | None = None,
    notes: str = "",
) -> Stream:
    """The soldier stream of a soldier case's prior, on whatever calendar the ledger runs.

    ``posterior`` is ``(inputs, weights)``: weighted draws of the case's inputs (every
    array the model reads, one row a draw) that the stream resamples instead of drawing
    from the prior. ``notes`` are added to the stream's own.
    """
    draw = Sampler(prior).block if posterior is None else posterior_sampler(*posterior)

    def flows(d: Mapping[str, Array], months: Sequence[str]) -> dict[str, Array]:
        draws = {k: v for k, v in d.items() if k not in ("confirmed_share", _SHARED_CUT)}
        if shared_state_cut:
            draws["state_share_of_pay"] = d[_SHARED_CUT]
        own = run_draws(prior, draws)
        n, m = d["confirmed_share"].shape[0], len(months)
        at = month_offset(months, prior.horizon.start)
        lo, hi = max(at, 0), min(at + prior.months, m)

        def place(a: Array) -> Array:
            full = np.zeros((n, m))
            if lo < hi:
                full[:, lo:hi] = a[:, lo - at : hi - at]
            return full

        value, paid = place(own["paid_by_russia"]), place(own["received_by_nk"])
        kept = place(own["to_state"])
        out = account_outputs(
            "soldiers",
            value,
            kept,
            paid,
            place(own["delivered_in_kind"]),
            paid * d["confirmed_share"][:, None],
        )
        out.update({o.name: place(own[o.name]) for o in SOLDIER_MODEL_OUTPUTS if o.name in own})
        return out

    params = [
        Param(
            "confirmed_share",
            "fraction",
            "share of the soldiers' pay a public source confirms North Korea received",
            to(0.02, 0.3, "share"),
            kind="share",
        ),
    ]
    if shared_state_cut:
        params.append(
            Param(
                _SHARED_CUT,
                "fraction",
                "share of overseas earnings (workers' wages, soldiers' pay) the state keeps",
                to(0.5, 0.9, "share"),
                shared=True,
                kind="share",
            )
        )
    return Stream(
        name="soldiers",
        label="Soldiers",
        params=tuple(params),
        observed_by=(
            "pay_per_soldier_month",
            "troops_deployed",
            "troops_per_rotation",
            "cumulative_troops",
            "state_share_of_pay",
            "casualties_killed",
            "casualties_wounded",
            "casualties_total",
            "death_compensation",
            "total_revenue_to_nk",
        ),
        outputs=(
            *account_declarations("soldiers", "Soldiers"),
            *SOLDIER_MODEL_OUTPUTS,
        ),
        flows=flows,
        notes=" ".join(x for x in (f"Adapted from the soldier case {prior.name}.", notes) if x),
        sampler=draw if not shared_state_cut else _without(draw, "state_share_of_pay"),
    )


Block = Callable[[int, int, int], dict[str, Array]]


def posterior_sampler(inputs: Mapping[str, Array], weights: Array) -> Block:
    """Blocks of draws resampled from weighted draws ``inputs`` (multinomially, by ``weights``).

    Block ``index`` picks its rows with its own generator (:data:`POSTERIOR_KEY`), so the
    same seed gives the same rows whatever the number of blocks, and each resampled draw
    is independent of the ledger's other inputs.
    """
    w = np.asarray(weights, dtype=np.float64)
    if w.ndim != 1 or w.size == 0 or not np.all(np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
        raise ModelError("posterior weights must be finite, non-negative and not all zero")
    p = w / w.sum()
    rows = {k: np.asarray(v) for k, v in inputs.items()}
    if any(v.shape[0] != w.size for v in rows.values()):
        raise ModelError("posterior inputs and weights differ in their number of draws")

    def block(seed: int, index: int, n: int) -> dict[str, Array]:
        pick = block_rng(seed, index, POSTERIOR_KEY).choice(w.size, size=n, p=p)
        return {k: v[pick] for k, v in rows.items()}

    return block


def _without(sampler: Block, name: str) -> Block:
    """The sampler's blocks less ``name`` (an input the ledger's shared draw replaces; drawn all the same)."""

    def block(seed: int, index: int, n: int) -> dict[str, Array]:
        return {k: v for k, v in sampler(seed, index, n).items() if k != name}

    return block
