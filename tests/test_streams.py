"""Streams of value: one contract, a ledger on shared seeded draws, money conserved within and across streams."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from troopledger.errors import ModelError
from troopledger.evidence import BLOCK, Constant, load_case, resolve
from troopledger.model import simulate
from troopledger.model.streams import (
    ACCOUNTS,
    PARTITIONS,
    STREAMS,
    Ledger,
    Param,
    Stream,
    StreamOutput,
    soldier_stream,
)

MONTHS = tuple(f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13))[7:]


@pytest.fixture(scope="module")
def record_prior():  # type: ignore[no-untyped-def]
    return resolve(load_case("nk-russia-record"))


def _partitions_hold(stream: Stream, out: dict[str, np.ndarray]) -> None:
    value = out[stream.output("value_to_north_korea")]
    scale = max(1.0, float(np.abs(value).max()))
    for a, b in PARTITIONS:
        gap = np.abs(out[stream.output(a)] + out[stream.output(b)] - value).max()
        assert gap <= 1e-9 * scale, (stream.name, a, b, gap)
    for account in ACCOUNTS:
        assert out[stream.output(account)].min() >= -1e-9 * scale, (stream.name, account)
    assert np.all(out[stream.output("in_kind")] <= out[stream.output("paid_by_russia")] + 1e-9 * scale)
    assert np.all(out[stream.output("confirmed_received")] <= value + 1e-9 * scale)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), n=st.integers(1, 300), extreme=st.sampled_from([None, 0.0, 1.0]))
def test_every_stream_conserves_money_whatever_its_inputs(seed: int, n: int, extreme: float | None) -> None:
    ledger = Ledger(list(STREAMS.values()))
    drawn, outs = ledger.run_block(seed, 0, n, MONTHS)
    for s in STREAMS.values():
        d = {p.name: drawn[Ledger.key(s, p.name)] for p in s.params}
        if extreme is not None:  # shares at their edges: all or nothing paid, kept, confirmed
            d = {
                k: (np.full(n, extreme) if p.kind == "share" else v)
                for (k, v), p in zip(d.items(), s.params, strict=True)
            }
        _partitions_hold(s, s.run(d, MONTHS))
        _partitions_hold(s, outs[s.name])


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**31), draws=st.integers(1, 2_000))
def test_the_ledger_sums_each_account_across_streams(seed: int, draws: int) -> None:
    run = Ledger(list(STREAMS.values())).run(MONTHS, draws, seed)
    for account in ACCOUNTS:
        parts = sum(run.totals[s.name][s.output(account)] for s in STREAMS.values())
        np.testing.assert_allclose(run.accounts[account], parts, rtol=1e-12)
    for a, b in PARTITIONS:
        np.testing.assert_allclose(run.accounts[a] + run.accounts[b], run.accounts["value_to_north_korea"], rtol=1e-9)
    assert run.conservation_error < 1.0


def test_the_soldier_stream_is_the_soldier_model_on_the_same_draws(record_prior) -> None:  # type: ignore[no-untyped-def]
    stream = soldier_stream(record_prior, shared_state_cut=False)
    run = Ledger([stream]).run(MONTHS, 500, 7)
    alone = simulate(record_prior, draws=500, seed=7)
    paid = alone["paid_by_russia"].sum("month").values
    np.testing.assert_allclose(run.totals["soldiers"]["soldiers_value"], paid, rtol=1e-12)
    np.testing.assert_allclose(run.totals["soldiers"]["soldiers_kept_by_state"], alone["to_state"].sum("month").values)


def test_shared_inputs_are_drawn_once_for_every_stream(record_prior) -> None:  # type: ignore[no-untyped-def]
    ledger = Ledger([soldier_stream(record_prior), *STREAMS.values()])
    shared = [k for k in ledger.priors if "." not in k]
    assert shared == ["state_share_overseas"]
    drawn, outs = ledger.run_block(3, 0, 200, MONTHS)
    cut = drawn["state_share_overseas"]
    workers = outs["workers"]
    np.testing.assert_allclose(workers["workers_kept_by_state"], workers["workers_value"] * cut[:, None])
    # the soldiers' state cut is the same draw: pay kept in a month with no deaths is the cut times pay
    soldiers = outs["soldiers"]
    pay = soldiers["soldiers_value"]
    quiet = (soldiers["killed"] == 0) & (pay > 0)
    if quiet.any():
        ratio = soldiers["soldiers_kept_by_state"][quiet] / pay[quiet]
        np.testing.assert_allclose(ratio, np.broadcast_to(cut[:, None], pay.shape)[quiet], rtol=1e-9)


def test_same_seed_same_numbers_and_blocks_do_not_depend_on_the_total() -> None:
    a = Ledger(list(STREAMS.values())).run(MONTHS, BLOCK + 10, 5)
    b = Ledger(list(STREAMS.values())).run(MONTHS, BLOCK + 10, 5)
    c = Ledger(list(STREAMS.values())).run(MONTHS, 100, 5)
    np.testing.assert_array_equal(a.accounts["value_to_north_korea"], b.accounts["value_to_north_korea"])
    np.testing.assert_array_equal(a.accounts["value_to_north_korea"][:100], c.accounts["value_to_north_korea"])


TOY = '''
"""A toy stream: one module and its registration."""
import numpy as np
from troopledger.evidence import to
from troopledger.model.streams import Param, Stream, account_declarations, account_outputs, register

def _flows(d, months):
    value = np.outer(d["barrels"], np.ones(len(months)))
    return account_outputs("toy", value, value, value, 0 * value, 0 * value)

PARAMS = (Param("barrels", "USD/month", "a toy input", to(1, 2)),)
TOY = register(Stream("toy", "Toy", PARAMS, (), account_declarations("toy", "Toy"), _flows))
'''


def test_adding_a_stream_is_one_module_and_its_registration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Ledger(list(STREAMS.values())).run(MONTHS, 300, 1)
    (tmp_path / "toy_stream.py").write_text(TOY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        importlib.import_module("toy_stream")
        assert "toy" in STREAMS
        after = Ledger(list(STREAMS.values())).run(MONTHS, 300, 1)
    finally:
        STREAMS.pop("toy", None)
        sys.modules.pop("toy_stream", None)
    toy = after.totals["toy"]["toy_value"]
    assert np.all((toy >= 1 * 0.5 * len(MONTHS)) & (toy <= 3 * len(MONTHS)))
    np.testing.assert_allclose(after.accounts["value_to_north_korea"], before.accounts["value_to_north_korea"] + toy)
    for name in ("workers", "munitions", "goods"):  # the others' draws are unchanged
        np.testing.assert_array_equal(after.totals[name][f"{name}_value"], before.totals[name][f"{name}_value"])


def test_a_stream_must_feed_every_account_and_name_outputs_once() -> None:
    outs = (StreamOutput("x_value", "USD/month", "x", "value_to_north_korea"),)
    with pytest.raises(ModelError, match="no output feeds"):
        Stream("x", "X", (), (), outs, lambda d, m: {})
    with pytest.raises(ModelError, match="repeat"):
        Stream("x", "X", (), (), outs + outs, lambda d, m: {})


def test_a_stream_returning_a_wrong_shape_is_refused() -> None:
    from troopledger.model.streams import account_declarations

    bad = Stream(
        "bad",
        "Bad",
        (Param("a", "USD", "a", Constant(1.0)),),
        (),
        account_declarations("bad", "Bad"),
        lambda d, m: {},
    )
    with pytest.raises(ModelError, match="missing or not shaped"):
        Ledger([bad]).run(MONTHS, 10, 0)


def test_unknown_inputs_and_repeated_streams_are_refused() -> None:
    with pytest.raises(ModelError, match="no stream declares"):
        Ledger(list(STREAMS.values()), {"workers.nothing": Constant(1.0)})
    with pytest.raises(ModelError, match="repeat"):
        Ledger([STREAMS["workers"], STREAMS["workers"]])


def test_oil_over_the_cap_is_what_exceeds_500000_barrels_a_year() -> None:
    goods = STREAMS["goods"]
    ledger = Ledger(
        [goods], {"goods.oil_barrels_month": Constant(200_000.0), "goods.oil_barrels_month_before": Constant(10_000.0)}
    )
    _drawn, outs = ledger.run_block(0, 0, 3, MONTHS)
    over = outs["goods"]["oil_over_cap"]
    march = MONTHS.index("2024-03")
    assert over[0, march - 1] == 0.0
    assert over[0, march] == pytest.approx(200_000 - 500_000 / 12)


def test_one_output_registry_names_every_output_once(record_prior) -> None:  # type: ignore[no-untyped-def]
    from troopledger.model import OUTPUTS
    from troopledger.model.streams import output_registry

    registry = output_registry([soldier_stream(record_prior), *STREAMS.values()])
    monthly = {n for n, o in OUTPUTS.items() if o.role != "derived"}
    assert monthly <= {n for n, (s, _o) in registry.items() if s == "soldiers"}
    fed = {o.account for _s, o in registry.values() if o.account}
    assert fed == set(ACCOUNTS)
    assert registry["paid_by_russia"][1].label == OUTPUTS["paid_by_russia"].label
