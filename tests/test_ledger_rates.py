"""Exchange rates are shared inputs of the ledger: drawn once per currency, the same draw in every stream."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np
import pytest

from troopledger.analysis import load_ledger, run_ledger
from troopledger.errors import ModelError
from troopledger.evidence import Constant
from troopledger.model.streams import FX_ACCURACY, STREAMS, Ledger, Stream, fx_key, in_usd

MONTHS = tuple(f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13))[7:]
Array = np.ndarray


def _recording(stream: Stream, seen: dict[str, Mapping[str, Array]]) -> Stream:
    """``stream`` with flows that remember the inputs it was given."""

    def flows(d: Mapping[str, Array], months: Sequence[str]) -> dict[str, Array]:
        seen[stream.name] = dict(d)
        return stream.flows(d, months)

    return dataclasses.replace(stream, flows=flows)


def test_streams_that_convert_from_one_currency_see_one_draw_of_its_rate() -> None:
    seen: dict[str, Mapping[str, Array]] = {}
    streams = [_recording(STREAMS["workers"], seen), _recording(STREAMS["goods"], seen)]
    plain = Ledger(streams)
    rub = {"workers.wage_month": {"RUB": 1.0}, "goods.tour_price": {"RUB": 1.0}}
    converted = Ledger(streams, converted=rub)
    assert fx_key("RUB") in converted.priors
    assert fx_key("RUB") not in plain.priors
    drawn, _ = plain.run_block(3, 0, 500, MONTHS)
    before = {s: dict(d) for s, d in seen.items()}
    drawn_fx, _ = converted.run_block(3, 0, 500, MONTHS)
    fx = drawn_fx[fx_key("RUB")]
    # each stream's converted input is its draw divided by the one rouble draw, exactly
    np.testing.assert_array_equal(seen["workers"]["wage_month"], before["workers"]["wage_month"] / fx)
    np.testing.assert_array_equal(seen["goods"]["tour_price"], before["goods"]["tour_price"] / fx)
    assert np.ptp(fx) > 0  # a draw per draw, not one figure
    # inputs not converted are untouched, and adding the rate leaves every other draw unchanged
    np.testing.assert_array_equal(before["goods"]["oil_price"], seen["goods"]["oil_price"])
    assert {k for k in drawn_fx if k != fx_key("RUB")} == set(drawn)


def test_the_rate_error_has_the_tables_stated_accuracy() -> None:
    ledger = Ledger([STREAMS["goods"]], converted={"goods.tour_price": {"RUB": 1.0}})
    drawn, _ = ledger.run_block(0, 0, 16_000, MONTHS)
    fx = drawn[fx_key("RUB")]
    lo, hi = np.quantile(fx, (0.05, 0.95))
    a = FX_ACCURACY["RUB"]
    assert lo == pytest.approx(1 - a, abs=0.003)
    assert hi == pytest.approx(1 + a, abs=0.003)


def test_a_mixed_input_is_divided_by_each_rate_to_its_share() -> None:
    value = np.array([100.0, 200.0])
    drawn = {fx_key("EUR"): np.array([1.02, 0.98]), fx_key("KRW"): np.array([1.0, 1.01])}
    got = in_usd(value, {"EUR": 0.5, "KRW": 0.25}, drawn)
    np.testing.assert_allclose(got, value / (drawn["fx_eur"] ** 0.5 * drawn["fx_krw"] ** 0.25))
    np.testing.assert_array_equal(in_usd(value, {}, drawn), value)


def test_unknown_currencies_and_inputs_are_refused() -> None:
    with pytest.raises(ModelError, match="no stated accuracy"):
        Ledger([STREAMS["goods"]], converted={"goods.tour_price": {"XYZ": 1.0}})
    with pytest.raises(ModelError, match="no stream declares"):
        Ledger([STREAMS["goods"]], converted={"goods.nothing": {"RUB": 1.0}})


def test_the_ledger_case_converts_the_inputs_its_claims_state_in_other_currencies() -> None:
    case = load_ledger("nk-russia-ledger")
    assert case.converted["munitions.mortar_price"] == {"EUR": 1.0}  # read from euros only
    assert set(case.converted["goods.tour_price"]) == {"RUB"}
    assert set(case.converted["munitions.missile_price"]) == {"KRW"}
    r = run_ledger(case, 2_000, 1)
    keys = {row.key for row in r.inputs}
    assert {"fx_eur", "fx_krw", "fx_rub"} <= keys
    fixed = run_ledger(case, 2_000, 1, sets=["fx_eur=1", "fx_krw=1", "fx_rub=1"])
    # at the table's own rates the conversion is the table's, so only the rate draws move the figures
    assert fixed.totals["value_to_north_korea"].p50 != r.totals["value_to_north_korea"].p50
    assert fixed.streams["soldiers"].totals == r.streams["soldiers"].totals
    assert fixed.streams["workers"].totals == r.streams["workers"].totals


def test_a_rate_set_to_the_table_gives_back_the_tables_conversion() -> None:
    streams = [STREAMS["goods"]]
    plain, _ = Ledger(streams).run_block(0, 0, 100, MONTHS)
    at_table, _ = Ledger(streams, {"fx_rub": Constant(1.0)}, {"goods.tour_price": {"RUB": 1.0}}).run_block(
        0, 0, 100, MONTHS
    )
    np.testing.assert_array_equal(plain["goods.tour_price"], at_table["goods.tour_price"])
