"""Adding a stream is one package: a toy stream in one new module, registered, reaches every stage unchanged.

The toy module below is all that is written: no case, loader, check, report or command
is edited. Once it is imported, the bundled ledger case runs it, its outputs are in the
one output registry, its accounts add into the shared ones, and every report format
shows it (JSON ``streams.toy.totals``, text, Markdown, HTML).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from troopledger.analysis import load_ledger, run_ledger
from troopledger.model.streams import STREAMS, output_registry
from troopledger.report import build_ledger_payload, render_ledger_html, render_ledger_markdown, render_ledger_text

TOY = '''
"""Grain for shells: a toy stream, one module and its registration."""
import numpy as np
from troopledger.evidence import to
from troopledger.model.streams import (
    Param, Stream, StreamOutput, account_declarations, account_outputs, register, spread_over,
)

def _flows(d, months):
    tonnes = d["tonnes"][:, None] * spread_over(months, "2024-01", "2024-12")[None, :]
    value = tonnes * d["price"][:, None]
    paid = value * d["shared_toy_cut"][:, None]
    out = account_outputs("toy", value, value, paid, paid, 0 * value)
    out["toy_tonnes"] = tonnes
    return out

TOY = register(Stream(
    "toy",
    "Toy grain",
    (
        Param("tonnes", "tonnes", "grain shipped in 2024", to(1000, 2000), kind="count"),
        Param("price", "USD/tonne", "value of a tonne", to(200, 300)),
        Param("shared_toy_cut", "fraction", "a toy share", to(0.4, 0.6, "share"), shared=True, kind="share"),
    ),
    ("toy_grain_shipped",),
    (
        *account_declarations("toy", "Toy grain"),
        StreamOutput("toy_tonnes", "tonnes/month", "Toy grain", None, money=False),
    ),
    _flows,
))
'''


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "toy_grain.py").write_text(TOY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        importlib.import_module("toy_grain")
        yield
    finally:
        STREAMS.pop("toy", None)
        sys.modules.pop("toy_grain", None)


def test_a_registered_toy_stream_reaches_the_case_the_registry_and_every_report(toy: None) -> None:
    case = load_ledger("nk-russia-ledger")
    assert [s.name for s in case.streams][-1] == "toy"
    registry = output_registry(list(case.streams))
    assert registry["toy_tonnes"][0] == "toy"
    r = run_ledger(case, 1_000, 2, window="2023-08..2025-12")
    toy_value = r.streams["toy"].totals["value_to_north_korea"]
    assert 1000 * 200 * 0.8 < toy_value.p50 < 2000 * 300 * 1.2
    tonnes = r.streams["toy"].outputs["toy_tonnes"][2]
    assert 1000 * 0.8 < tonnes.p50 < 2000 * 1.2  # spread over 2024, summed over the window
    payload = build_ledger_payload(r)
    blob = json.loads(json.dumps(payload))
    assert blob["streams"]["toy"]["totals"]["value_to_north_korea"]["p50"] == pytest.approx(toy_value.p50)
    shares = sum(s["share_of_value"]["mean"] for s in blob["streams"].values())
    assert shares == pytest.approx(1.0, rel=1e-6)
    for text in (render_ledger_text(r), render_ledger_markdown(r), render_ledger_html(r)):
        assert "Toy grain" in text


def test_the_toy_stream_adds_its_value_and_leaves_the_others_draws_alone(toy: None) -> None:
    case = load_ledger("nk-russia-ledger")
    with_toy = run_ledger(case, 1_000, 2, weigh=False)
    without = run_ledger(
        type(case)(**{**case.__dict__, "streams": tuple(s for s in case.streams if s.name != "toy")}),
        1_000,
        2,
        weigh=False,
    )
    for name in without.streams:
        assert with_toy.streams[name].totals == without.streams[name].totals
    assert "shared_toy_cut" in {row.key for row in with_toy.inputs}
    gap = with_toy.totals["value_to_north_korea"].mean - without.totals["value_to_north_korea"].mean
    assert gap == pytest.approx(with_toy.streams["toy"].totals["value_to_north_korea"].mean, rel=1e-9)
    assert np.isfinite(gap)
