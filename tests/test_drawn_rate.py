"""--currency converts each draw at its own drawn exchange rate where the case draws one, else at the table's."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from troopledger._cli import app
from troopledger._cli._app import _register as register_commands
from troopledger.analysis import TABLE_RATE_NOTE, Band, DrawnRate, drawn_rate, load_ledger, run_ledger
from troopledger.model.streams import FX_ACCURACY


def test_a_drawn_rate_converts_each_draw_at_its_own_rate_and_a_table_rate_at_one() -> None:
    rng = np.random.default_rng(5)
    error = rng.lognormal(0.0, 0.006, 20_000)
    drawn = drawn_rate("krw", 1400.0, {"fx_krw": error})
    assert drawn.currency == "KRW"
    assert drawn.error is not None
    np.testing.assert_allclose(drawn.convert(np.full(error.size, 2.0)), 2.0 * 1400.0 * error)
    fixed = drawn_rate("GBP", 0.8, {"fx_krw": error})  # the case draws no pound: one rate, said so
    assert fixed.error is None
    assert "draws no GBP exchange rate" in fixed.note
    np.testing.assert_array_equal(fixed.convert(np.full(3, 2.0)), np.full(3, 1.6))
    assert drawn_rate("USD", 1.0, {}) == DrawnRate("USD", 1.0)


@pytest.fixture(scope="module")
def ledger_runs() -> tuple[object, object, object, object]:
    case = load_ledger("nk-russia-ledger")
    usd = run_ledger(case, 4_000, 2)
    krw = run_ledger(case, 4_000, 2, currency="KRW")
    # every input fixed at its median but the rates and those read from other currencies: the workers'
    # dollars are one figure in every draw
    free = [i for i in usd.inputs if not i.key.startswith("fx_") and i.key not in case.converted]
    sets = [f"{i.key}={i.band.p50!r}" for i in free]
    usd_fixed = run_ledger(case, 4_000, 2, sets=sets, weigh=False)
    krw_fixed = run_ledger(case, 4_000, 2, sets=sets, weigh=False, currency="KRW")
    return usd, krw, usd_fixed, krw_fixed


def _width(b: Band) -> float:
    return b.p95 / b.p5


def test_the_won_band_of_the_ledger_includes_the_rates_draws(ledger_runs) -> None:  # type: ignore[no-untyped-def]
    usd, krw, usd_fixed, krw_fixed = ledger_runs
    assert "its own KRW rate" in krw.rate_note
    assert usd.rate_note == ""
    # with the workers' dollars one figure, the fixed-rate band (dollars x the table's rate) has no width;
    # the won band is the rate's own 90 % band, the table's stated +-1 %
    dollars = usd_fixed.streams["workers"].totals["value_to_north_korea"]
    won = krw_fixed.streams["workers"].totals["value_to_north_korea"]
    assert dollars.p5 == pytest.approx(dollars.p95, rel=1e-9)
    a = FX_ACCURACY["KRW"]
    assert won.p5 / won.p50 == pytest.approx(1 - a, abs=0.002)
    assert won.p95 / won.p50 == pytest.approx(1 + a, abs=0.002)
    assert _width(won) > _width(dollars) + 0.015
    # the median is consistent: the won median is the dollar median at the table's average rate (within 0.2 %)
    assert won.p50 == pytest.approx(dollars.p50 * krw_fixed.rate, rel=0.002)
    # on the whole case the value's median moves by less than the rate's own error
    v_usd, v_krw = usd.totals["value_to_north_korea"], krw.totals["value_to_north_korea"]
    assert v_krw.p50 == pytest.approx(v_usd.p50 * krw.rate, rel=a)


def test_the_ledger_json_says_how_the_money_was_converted() -> None:
    register_commands()
    res = CliRunner().invoke(
        app, ["report", "nk-russia-ledger", "--draws", "500", "--currency", "GBP", "--format", "json", "-q"]
    )
    assert res.exit_code == 0, res.output
    p = json.loads(res.stdout)
    assert p["currency"] == "GBP"
    assert "draws no GBP exchange rate" in p["rate_note"]
    res = CliRunner().invoke(app, ["report", "nk-russia-ledger", "--draws", "500", "--format", "json", "-q"])
    assert "rate_note" not in json.loads(res.stdout)  # US dollars: nothing converted


def test_a_soldier_case_draws_no_rate_and_its_report_says_so() -> None:
    register_commands()
    res = CliRunner().invoke(
        app, ["report", "nk-russia-2024", "--draws", "500", "--currency", "KRW", "--format", "json", "-q"]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["currency"]["note"] == TABLE_RATE_NOTE
    text = CliRunner().invoke(app, ["report", "nk-russia-2024", "--draws", "500", "--currency", "KRW", "-q"])
    assert "draws no exchange rates" in " ".join(text.stdout.split())
