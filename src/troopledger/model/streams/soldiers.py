"""The soldier stream: the existing soldier model, adapted to the ledger's contract through its public outputs.

The soldier model (:func:`troopledger.model.run_draws` on a soldier case's
:class:`~troopledger.evidence.Prior`) is not rewritten here: its parameters are drawn
by the case's own :class:`~troopledger.evidence.Sampler` (so with the same seed they
are the soldier-only report's draws), its monthly outputs are placed on the ledger's
calendar, and its accounts are read into the shared ones. With ``shared_state_cut``
the state's share of pay is the ledger's shared ``state_share_overseas`` draw.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from troopledger.evidence import Prior, Sampler, to
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

__all__ = ["SOLDIER_MODEL_OUTPUTS", "soldier_stream"]

_SHARED_CUT = "state_share_overseas"
#: The soldier model's own monthly outputs (``model.OUTPUTS``), registered as the stream's outputs
#: under their own names; the accounts are fed by the ``soldiers_*`` outputs built from them.
SOLDIER_MODEL_OUTPUTS = tuple(
    StreamOutput(o.name, o.unit, o.label, None, money=o.unit.startswith("USD"))
    for o in OUTPUTS.values()
    if o.role != "derived"
)


def soldier_stream(prior: Prior, *, shared_state_cut: bool = True) -> Stream:
    """The soldier stream of a soldier case's prior, on whatever calendar the ledger runs."""
    sampler = Sampler(prior)

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
        notes=f"Adapted from the soldier case {prior.name}",
        sampler=sampler.block if not shared_state_cut else _without(sampler, "state_share_of_pay"),
    )


def _without(sampler: Sampler, name: str) -> Callable[[int, int, int], dict[str, Array]]:
    """The sampler's blocks less ``name`` (an input the ledger's shared draw replaces; drawn all the same)."""

    def block(seed: int, index: int, n: int) -> dict[str, Array]:
        return {k: v for k, v in sampler.block(seed, index, n).items() if k != name}

    return block
