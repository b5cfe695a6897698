"""Owed versus delivered: how much of what Russia owes actually arrives.

The money-flow model says what Russia *owes* each month and whose it is. Analysts
stress that little of it may arrive as cash. This stage, applied after the model,
splits what is owed into what is delivered and what is not:

* ``realised_share`` of each month's debt is delivered; of that, ``in_kind_share``
  arrives as goods (food, fuel, equipment) and the rest as cash;
* the shortfall is deferred (``deferred_share_of_shortfall``), offset against debts
  or other deliveries (``offset_share_of_shortfall``), or simply unpaid (the rest).

Each account (the state, its four uses, soldiers, families) receives the same share of
what it is owed, so ``received_to_state`` and its uses are the owed figures scaled by
the realised share. Money is conserved at both levels: what is owed equals what is
delivered plus what is not, and what is delivered equals what the accounts receive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError
from troopledger.model._outputs import received_output

__all__ = ["Realisation", "realise"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Realisation:
    """Shares over draws, each ``(draws,)`` in [0, 1]; the two shortfall shares sum to at most 1."""

    realised_share: Array
    deferred_share_of_shortfall: Array
    offset_share_of_shortfall: Array


def _check(r: Realisation, n: int) -> tuple[Array, Array, Array]:
    out = []
    for name in ("realised_share", "deferred_share_of_shortfall", "offset_share_of_shortfall"):
        a = np.asarray(getattr(r, name), dtype=float)
        if a.shape != (n,):
            raise ModelError(f"{name} must be shaped ({n},), got {a.shape}")
        if not np.all(np.isfinite(a)) or np.any(a < 0) or np.any(a > 1):
            raise ModelError(f"{name} must lie in [0, 1]")
        out.append(a)
    if np.any(out[1] + out[2] > 1 + 1e-12):
        raise ModelError("deferred_share_of_shortfall + offset_share_of_shortfall must be <= 1")
    return out[0], out[1], out[2]


def realise(
    owed: Mapping[str, Array], accounts: tuple[str, ...], in_kind_share: Array, r: Realisation
) -> dict[str, Array]:
    """Split ``owed["paid_by_russia"]`` into delivery outputs and scale each of ``accounts`` to what is received.

    ``owed`` holds ``(draws, months)`` arrays; ``accounts`` names the owed accounts to
    scale (``to_state``, its uses, ``to_soldiers``, ``to_families``). Returns the five
    :data:`~troopledger.model.DELIVERY_OUTPUTS`, ``received_by_nk`` (all that is delivered) and one
    ``received_<account>`` per account.
    """
    paid = np.asarray(owed["paid_by_russia"], dtype=float)
    n = paid.shape[0]
    rho, deferred, offset = _check(r, n)
    kind = np.asarray(in_kind_share, dtype=float)
    if kind.shape != (n,):
        raise ModelError(f"in_kind_share must be shaped ({n},), got {kind.shape}")
    rc = rho[:, None]
    delivered = paid * rc
    shortfall = paid - delivered
    in_kind = delivered * kind[:, None]
    out: dict[str, Array] = {
        "delivered_cash": delivered - in_kind,
        "delivered_in_kind": in_kind,
        "not_delivered_deferred": shortfall * deferred[:, None],
        "not_delivered_offset": shortfall * offset[:, None],
    }
    out["not_delivered_unpaid"] = shortfall * (1.0 - deferred - offset)[:, None]
    out["received_by_nk"] = delivered
    for name in accounts:
        out[received_output(name)] = np.asarray(owed[name], dtype=float) * rc
    return out
