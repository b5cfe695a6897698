"""The money-flow model: a pure function from parameter arrays to monthly accounts.

No sampling and no I/O happen here. Every input is an array over draws, every
monthly output is shaped ``(draws, months)``, and every dollar Russia pays lands in
exactly one of ``to_state``, ``to_soldiers`` and ``to_families``:

* monthly pay for each soldier in theatre, a signing payment per soldier arriving
  (or replacing a loss), and a death payment per soldier killed;
* the state keeps ``state_share_of_pay`` of pay and signing payments; the rest is
  the soldier's, paid on return. The expected part owed to soldiers who will be
  killed before their tour ends cannot reach them: ``family_share_of_unpaid_pay`` of
  it goes to their families and the rest stays with the state;
* ``family_share_of_death_pay`` of each death payment reaches the family, the rest
  stays with the state;
* the state's take is split into its four uses by Dirichlet shares.

``in_kind_share`` splits the same payments another way (cash versus food, fuel and
goods) and does not change who ends up with the value.

All of the above is what Russia *owes*. The realisation stage
(:mod:`troopledger.model._realisation`) then says how much of it is delivered (in
cash or in kind) and how much is deferred, offset or unpaid, and what each account
receives; with ``realised_share`` at its default of 1 everything owed is received.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError
from troopledger.model._deployment import Casualties, Deployment, Rotation, Waves, deploy
from troopledger.model._outputs import ACCOUNTS, OUTPUTS, STATE_USES, received_output
from troopledger.model._realisation import Realisation, realise

__all__ = ["ACCOUNTS", "MONTHLY_OUTPUTS", "PER_DRAW_OUTPUTS", "STATE_USES", "Inputs", "flows"]

Array = NDArray[np.float64]

#: Monthly outputs, ``(draws, months)``, in the order of :data:`~troopledger.model.OUTPUTS`.
MONTHLY_OUTPUTS = tuple(name for name, o in OUTPUTS.items() if o.role != "derived")
#: Per-draw outputs, ``(draws,)``.
PER_DRAW_OUTPUTS = tuple(name for name, o in OUTPUTS.items() if o.role == "derived")

_SHARES = (
    "state_share_of_pay",
    "in_kind_share",
    "family_share_of_death_pay",
    "family_share_of_unpaid_pay",
)
_NON_NEGATIVE = (
    "pay_per_soldier_month",
    "signing_bonus",
    "death_compensation",
)
_POSITIVE = ("nk_gdp", "luxury_imports", "domestic_monthly_wage")


@dataclass(frozen=True)
class Inputs:
    """Parameter arrays for one batch of draws; each is ``(draws,)`` unless noted.

    ``state_use_shares`` is ``(draws, 4)`` in the order of :data:`STATE_USES`.
    ``luxury_imports`` is per year; ``nk_gdp`` is per year.
    """

    schedule: Rotation | Waves
    casualties: Casualties
    pay_per_soldier_month: Array
    state_share_of_pay: Array
    signing_bonus: Array
    death_compensation: Array
    in_kind_share: Array
    family_share_of_death_pay: Array
    family_share_of_unpaid_pay: Array
    state_use_shares: Array
    nk_gdp: Array
    luxury_imports: Array
    domestic_monthly_wage: Array
    realisation: Realisation | None = None  # None: everything owed is delivered

    @property
    def draws(self) -> int:
        """Number of draws in this batch."""
        return int(np.shape(self.pay_per_soldier_month)[0])


def _validate(x: Inputs) -> None:
    n = x.draws
    for f in fields(x):
        if f.name in ("schedule", "casualties", "realisation"):
            continue
        a = np.asarray(getattr(x, f.name))
        want = (n, len(STATE_USES)) if f.name == "state_use_shares" else (n,)
        if a.shape != want:
            raise ModelError(f"{f.name} must be shaped {want}, got {a.shape}")
        if not np.all(np.isfinite(a)):
            raise ModelError(f"{f.name} must be finite")
    for name in _SHARES:
        a = getattr(x, name)
        if np.any(a < 0) or np.any(a > 1):
            raise ModelError(f"{name} must lie in [0, 1]")
    for name in _NON_NEGATIVE:
        if np.any(getattr(x, name) < 0):
            raise ModelError(f"{name} must be >= 0")
    for name in _POSITIVE:
        if np.any(getattr(x, name) <= 0):
            raise ModelError(f"{name} must be > 0")
    s = x.state_use_shares
    if np.any(s < 0) or not np.allclose(s.sum(axis=1), 1.0, atol=1e-9):
        raise ModelError("state_use_shares must be >= 0 and sum to 1 in every draw")


def flows(x: Inputs, months: int) -> dict[str, Array]:
    """Compute every monthly account and derived output for a batch of draws.

    Returns a dict of arrays: those named in :data:`MONTHLY_OUTPUTS` are
    ``(draws, months)``, those in :data:`PER_DRAW_OUTPUTS` are ``(draws,)``.
    """
    _validate(x)
    dep: Deployment = deploy(x.schedule, x.casualties, months)
    col = _column
    pay_rate, sigma = col(x.pay_per_soldier_month), col(x.state_share_of_pay)
    bonus = col(x.signing_bonus)

    joiners = dep.joiners  # soldiers arriving or replacing a loss
    pay = dep.strength * pay_rate
    lost = dep.exposure_dead * pay_rate  # owed to soldiers who will be killed first
    # Zero signing and death payments are common: skip their arithmetic, not their outputs.
    has_bonus, has_death = bool(np.any(x.signing_bonus)), bool(np.any(x.death_compensation))
    if has_bonus:
        signing = joiners * bonus
        earned = pay + signing  # what the soldiers' pay and signing payments add up to
        lost += dep.arrivals_dead * bonus
    else:
        signing, earned = np.zeros_like(pay), pay
    death = dep.killed * col(x.death_compensation) if has_death else np.zeros_like(pay)
    paid = earned + death if has_death else earned.copy()

    soldier_part = 1.0 - sigma
    phi, psi = col(x.family_share_of_unpaid_pay), col(x.family_share_of_death_pay)
    lost_soldiers = soldier_part * lost
    to_soldiers = soldier_part * earned
    to_soldiers -= lost_soldiers
    to_families = phi * lost_soldiers
    to_state = sigma * earned
    to_state += (1.0 - phi) * lost_soldiers
    if has_death:
        to_families += psi * death
        to_state += (1.0 - psi) * death

    out: dict[str, Array] = {
        "paid_by_russia": paid,
        "to_state": to_state,
        "to_soldiers": to_soldiers,
        "to_families": to_families,
    }
    for j, name in enumerate(STATE_USES):
        out[name] = to_state * x.state_use_shares[:, j : j + 1]
    out.update(
        pay=pay,
        signing_payments=signing,
        death_payments=death,
        paid_in_kind=paid * col(x.in_kind_share),
        troops_in_theatre=dep.strength,
        arrivals=joiners,
        departures=dep.departures,
        killed=dep.killed,
        wounded=dep.wounded,
        cumulative_deployed=np.cumsum(joiners, axis=1),
    )

    if x.realisation is not None:
        out.update(realise(out, (*ACCOUNTS, *STATE_USES), x.in_kind_share, x.realisation))
    else:  # everything owed is delivered: received accounts are the owed ones, nothing new to compute
        nothing = np.broadcast_to(0.0, paid.shape)
        out.update(delivered_cash=paid - out["paid_in_kind"], delivered_in_kind=out["paid_in_kind"])
        out.update(not_delivered_deferred=nothing, not_delivered_offset=nothing, not_delivered_unpaid=nothing)
        out["received_by_nk"] = paid
        out.update({received_output(a): out[a] for a in (*ACCOUNTS, *STATE_USES)})
    take_home = (1.0 - x.state_share_of_pay) * (x.pay_per_soldier_month * dep.tour + x.signing_bonus)
    revenue_per_year = paid.sum(axis=1) * (12.0 / months)
    out.update(
        take_home_per_soldier_tour=take_home,
        take_home_per_soldier_month=(1.0 - x.state_share_of_pay) * x.pay_per_soldier_month,
        tour_months=dep.tour,
        p_killed_tour=dep.p_killed_tour,
        take_home_years_of_wages=take_home / (12.0 * x.domestic_monthly_wage),
        revenue_per_year=revenue_per_year,
        revenue_share_of_gdp=revenue_per_year / x.nk_gdp,
        revenue_multiple_of_luxury_imports=revenue_per_year / x.luxury_imports,
    )
    return out


def _column(a: Array) -> Array:
    """View a ``(draws,)`` array as ``(draws, 1)`` to broadcast across months."""
    return np.asarray(a, dtype=float)[:, None]
