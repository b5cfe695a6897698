"""Owed versus delivered: the realisation stage after the model conserves money at both levels."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from test_model import N, make_inputs, random_inputs
from troopledger.errors import ModelError
from troopledger.model import ACCOUNTS, DELIVERY_OUTPUTS, STATE_USES, Inputs, flows
from troopledger.model._realisation import Realisation, realise

OWED = (*ACCOUNTS, *STATE_USES)


def _shares(n: int, realised: float, deferred: float = 0.0, offset: float = 0.0) -> Realisation:
    return Realisation(np.full(n, realised), np.full(n, deferred), np.full(n, offset))


@pytest.mark.parametrize(("share", "received"), [(0.04, 9.6e6), (0.196, 47.04e6)])
def test_a_realised_share_of_4_to_19_6_percent_turns_owed_into_received(share: float, received: float) -> None:
    # 10,000 soldiers x $2,000 x 12 months = $240M owed; 4 % is $9.6M received, 19.6 % is $47.04M.
    out = flows(make_inputs(), 12)
    got = realise(out, OWED, np.zeros(1), _shares(1, share))
    assert got["received_by_nk"].sum() == pytest.approx(received)
    assert got["received_to_state"].sum() == pytest.approx(0.9 * received)  # the state keeps 90 % of pay
    assert got["not_delivered_unpaid"].sum() == pytest.approx(240e6 - received)


def test_delivered_in_kind_and_shortfall_split() -> None:
    out = flows(make_inputs(), 12)
    got = realise(out, OWED, np.full(1, 0.25), _shares(1, 0.5, deferred=0.6, offset=0.3))
    assert got["delivered_in_kind"].sum() == pytest.approx(240e6 * 0.5 * 0.25)
    assert got["delivered_cash"].sum() == pytest.approx(240e6 * 0.5 * 0.75)
    assert got["not_delivered_deferred"].sum() == pytest.approx(120e6 * 0.6)
    assert got["not_delivered_offset"].sum() == pytest.approx(120e6 * 0.3)
    assert got["not_delivered_unpaid"].sum() == pytest.approx(120e6 * 0.1)


def test_shares_out_of_range_are_model_errors() -> None:
    out = flows(make_inputs(), 12)
    with pytest.raises(ModelError, match="realised_share"):
        realise(out, OWED, np.zeros(1), _shares(1, 1.5))
    with pytest.raises(ModelError, match="<= 1"):
        realise(out, OWED, np.zeros(1), _shares(1, 0.5, deferred=0.7, offset=0.7))


unit = st.floats(0.0, 1.0, allow_nan=False)


@given(random_inputs(), arrays(np.float64, (3, N), elements=unit))
def test_money_is_conserved_owed_and_received(case: tuple[Inputs, int], u: np.ndarray) -> None:
    x, months = case
    out = flows(x, months)
    deferred = u[1] * (1 - u[2])  # deferred + offset <= 1
    got = realise(out, OWED, x.in_kind_share, Realisation(u[0], deferred, u[2] * (1 - deferred)))
    paid = out["paid_by_russia"]
    tol = 1e-9 * np.maximum(np.abs(paid), 1.0)
    settled = sum(got[k] for k in DELIVERY_OUTPUTS)
    assert np.all(np.abs(paid - settled) <= tol)  # owed = delivered + not delivered
    delivered = got["delivered_cash"] + got["delivered_in_kind"]
    landed = sum(got[f"received_{a}"] for a in ACCOUNTS)
    assert np.all(np.abs(delivered - landed) <= tol)  # delivered = what the accounts receive
    uses = sum(got[f"received_{u_}"] for u_ in STATE_USES)
    assert np.all(np.abs(got["received_to_state"] - uses) <= tol)
    for k in (*DELIVERY_OUTPUTS, *(f"received_{a}" for a in OWED)):
        assert np.all(got[k] >= -tol), k


def test_the_model_reports_owed_and_received_side_by_side() -> None:
    owed = flows(make_inputs(), 12)
    assert owed["received_to_state"] is owed["to_state"]  # realised share 1 (the default): received is owed
    assert owed["not_delivered_unpaid"].sum() == 0.0
    x = make_inputs(realisation=_shares(1, 0.1))
    got = flows(x, 12)
    assert got["received_by_nk"].sum() == pytest.approx(24e6)
    assert got["received_to_soldiers"].sum() == pytest.approx(2.4e6)
    assert got["take_home_per_soldier_month"][0] == pytest.approx(200.0)  # 10 % of $2,000: owed, per month
