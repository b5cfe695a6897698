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
from troopledger.model._deployment import Casualties, Deployment, Part, Rotation, Waves, combine, deploy_parts
from troopledger.model._hazards import running
from troopledger.model._outputs import ACCOUNTS, BY_ROLE, OUTPUTS, STATE_USES, received_output, role_output
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
    roles: tuple[str, ...] = ("combat",)  # role names, by the index waves carry (Waves.role)

    @property
    def draws(self) -> int:
        """Number of draws in this batch."""
        return int(np.shape(self.pay_per_soldier_month)[0])


def _validate(x: Inputs) -> None:
    n = x.draws
    for f in fields(x):
        if f.name in ("schedule", "casualties", "realisation", "roles"):
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


def flows(x: Inputs, months: int, *, pay: Array | None = None, state_share: Array | None = None) -> dict[str, Array]:
    """Compute every monthly account and derived output for a batch of draws.

    Returns a dict of arrays: those named in :data:`MONTHLY_OUTPUTS` are
    ``(draws, months)``, those in :data:`PER_DRAW_OUTPUTS` are ``(draws,)``, and the
    flows of :data:`BY_ROLE` again for each of ``x.roles`` (:func:`role_output`).
    ``pay`` and ``state_share`` (``(draws, waves)``) give a dated list of waves its own
    pay and state's share wave by wave.
    """
    _validate(x)
    by_wave = pay is not None or state_share is not None
    parts = deploy_parts(x.schedule, x.casualties, months, per_wave=by_wave)
    roles = list(dict.fromkeys(p.role for p in parts))
    by_role = {r: combine([p for p in parts if p.role == r]) for r in roles}
    role_flows: dict[int, dict[str, Array]] = {}
    if by_wave:  # money wave by wave, each with its own terms
        pieces = []
        for p in parts:
            rate = x.pay_per_soldier_month if pay is None or p.wave < 0 else pay[:, p.wave]
            sigma = x.state_share_of_pay if state_share is None or p.wave < 0 else state_share[:, p.wave]
            pieces.append((p, rate, sigma))
        out: dict[str, Array] = {}
        for p, rate, sigma in pieces:
            one = _money(x, p.deployment, rate, sigma)
            for k, v in one.items():
                out[k] = out[k] + v if k in out else v
            if len(roles) > 1:
                paid = role_flows.setdefault(p.role, {}).get("paid_by_russia")
                role_flows[p.role]["paid_by_russia"] = (
                    one["paid_by_russia"] if paid is None else paid + one["paid_by_russia"]
                )
        whole = combine([Part(r, -1, d, _sent(parts, r)) for r, d in by_role.items()])
        sent = np.stack([p.weight for p, _r, _s in pieces], axis=1)
        total = sent.sum(axis=1, keepdims=True)
        share = np.divide(sent, total, out=np.full_like(sent, 1.0 / len(pieces)), where=total > 0)
        take_home, per_month = np.zeros(x.draws), np.zeros(x.draws)
        for g, (p, rate, sigma) in enumerate(pieces):
            take_home += share[:, g] * (1.0 - sigma) * (rate * p.deployment.tour + x.signing_bonus)
            per_month += share[:, g] * (1.0 - sigma) * rate
    else:  # one set of terms: the money of the whole deployment, and what each role is paid
        whole = combine([Part(r, -1, d, _sent(parts, r)) for r, d in by_role.items()])
        out = _money(x, whole, x.pay_per_soldier_month, x.state_share_of_pay)
        if len(roles) > 1:
            for r, d in by_role.items():
                role_flows[r] = {"paid_by_russia": _paid(x, d)}
        take_home = (1.0 - x.state_share_of_pay) * (x.pay_per_soldier_month * whole.tour + x.signing_bonus)
        per_month = (1.0 - x.state_share_of_pay) * x.pay_per_soldier_month
    if len(roles) > 1:
        for r, d in by_role.items():
            role_flows[r].update(_people(d))
    else:  # one role: its flows are the whole deployment's
        role_flows[roles[0]] = {k: out[k] for k in BY_ROLE}
    for j, name in enumerate(STATE_USES):
        out[name] = out["to_state"] * x.state_use_shares[:, j : j + 1]
    out["cumulative_deployed"] = running(out["arrivals"])
    paid = out["paid_by_russia"]
    nothing = np.broadcast_to(0.0, paid.shape)
    for r, role_name in enumerate(x.roles):
        got = role_flows.get(r, {})
        out.update({role_output(k, role_name): got.get(k, nothing) for k in BY_ROLE})

    if x.realisation is not None:
        out.update(realise(out, (*ACCOUNTS, *STATE_USES), x.in_kind_share, x.realisation))
    else:  # everything owed is delivered: received accounts are the owed ones, nothing new to compute
        out.update(delivered_cash=paid - out["paid_in_kind"], delivered_in_kind=out["paid_in_kind"])
        out.update(not_delivered_deferred=nothing, not_delivered_offset=nothing, not_delivered_unpaid=nothing)
        out["received_by_nk"] = paid
        out.update({received_output(a): out[a] for a in (*ACCOUNTS, *STATE_USES)})
    revenue_per_year = paid.sum(axis=1) * (12.0 / months)
    out.update(
        take_home_per_soldier_tour=take_home,
        take_home_per_soldier_month=per_month,
        tour_months=whole.tour,
        p_killed_tour=whole.p_killed_tour,
        take_home_years_of_wages=take_home / (12.0 * x.domestic_monthly_wage),
        revenue_per_year=revenue_per_year,
        revenue_share_of_gdp=revenue_per_year / x.nk_gdp,
        revenue_multiple_of_luxury_imports=revenue_per_year / x.luxury_imports,
    )
    return out


def _sent(parts: list[Part], role: int) -> Array:
    """Soldiers each draw sends in the parts of one role (to weigh per-soldier figures)."""
    return np.asarray(sum((p.weight for p in parts if p.role == role), np.zeros_like(parts[0].weight)))


def _paid(x: Inputs, dep: Deployment) -> Array:
    """What Russia pays for one role's soldiers each month at the case's own terms."""
    paid = dep.strength * _column(x.pay_per_soldier_month)
    if np.any(x.signing_bonus):
        paid += dep.joiners * _column(x.signing_bonus)
    if np.any(x.death_compensation):
        paid += dep.killed * _column(x.death_compensation)
    return paid


def _people(dep: Deployment) -> dict[str, Array]:
    """The people flows of one role reported by role (:data:`BY_ROLE` less money)."""
    return {
        "troops_in_theatre": dep.strength,
        "arrivals": dep.joiners,
        "killed": dep.killed,
        "wounded": dep.wounded,
        "returned": dep.departures + dep.evacuated,
    }


def _money(x: Inputs, dep: Deployment, rate: Array, share: Array) -> dict[str, Array]:
    """The money and people flows of one part of the deployment paid ``rate`` with the state keeping ``share``."""
    col = _column
    pay_rate, sigma = col(rate), col(share)
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
    return {
        "paid_by_russia": paid,
        "to_state": to_state,
        "to_soldiers": to_soldiers,
        "to_families": to_families,
        "pay": pay,
        "signing_payments": signing,
        "death_payments": death,
        "paid_in_kind": paid * col(x.in_kind_share),
        "troops_in_theatre": dep.strength,
        "arrivals": joiners,
        "departures": dep.departures,
        "killed": dep.killed,
        "wounded": dep.wounded,
        "evacuated": dep.evacuated,
        "returned": dep.departures + dep.evacuated,
        "arrivals_late": dep.late if dep.late is not None else np.zeros_like(pay),
    }


def _column(a: Array) -> Array:
    """View a ``(draws,)`` array as ``(draws, 1)`` to broadcast across months."""
    return np.asarray(a, dtype=float)[:, None]
