"""Single levers: one input moved alone until a figure's median reaches a target (analysis/_levers.py).

A synthetic model with known answers (a narrow input with a large effect, a wide one with a
small effect, a bounded one that cannot reach), why a lever shifts every draw rather than
fixing one value, and the record case's levers in every format.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace

import numpy as np
import pytest
from scipy import special

from troopledger.analysis import LEVER_DRAWS, parse_target, reconcile
from troopledger.analysis._levers import LeverInput, single_levers
from troopledger.calibration import calibrate
from troopledger.errors import InputError
from troopledger.evidence import LogNormal, Uniform, load_case, resolve
from troopledger.report import reconcile_payload, render_reconcile_markdown, render_reconcile_text

N = 40_000
M = 2_000
RISE = 0.1  # the target is the posterior median times e^0.1


def _posterior() -> dict[str, np.ndarray]:
    """Posterior draws: x1 narrow (log-sd 0.05), x2 wide (log-sd 0.5), x3 on its whole prior range."""
    rng = np.random.default_rng(7)
    return {
        "x1": np.exp(rng.normal(0.0, 0.05, N)),
        "x2": np.exp(rng.normal(0.0, 0.5, N)),
        "x3": rng.uniform(0.0, 0.05, N),
    }


def _figure(d: dict[str, np.ndarray]) -> np.ndarray:
    """x1 has a large effect (elasticity 3), x2 a small one (0.1), x3 at most +5 %."""
    return np.asarray(100.0 * d["x1"] ** 3 * d["x2"] ** 0.1 * (1.0 + d["x3"]), dtype=np.float64)


INPUTS = [
    LeverInput("x1", "narrow, large effect", "", LogNormal(0.0, 0.3), LogNormal(0.0, 0.3)),
    LeverInput("x2", "wide, small effect", "", LogNormal(0.0, 1.0), LogNormal(0.0, 1.0)),
    LeverInput("x3", "bounded", "", Uniform(0.0, 0.05), Uniform(0.0, 0.05), (0.0, 0.05)),
]


def _rows(n: int, m: int) -> np.ndarray:
    return np.asarray((np.arange(m) + 0.5) * n / m, dtype=np.intp)  # a systematic resample of equal weights


def _levers(target_rise: float = RISE):  # type: ignore[no-untyped-def]
    post = _posterior()
    median = float(np.median(_figure(post)))
    target = median * math.exp(target_rise)
    return single_levers(INPUTS, post, np.ones(N), _rows(N, M), _figure, target, median), median, target


def test_the_levers_match_the_known_answers() -> None:
    levers, median, target = _levers()
    by = {lever.name: lever for lever in levers}
    # a shift of delta prior scores multiplies x1 by e^(0.3 delta), the figure by e^(0.9 delta): its median
    # reaches the target at delta = 0.1 / 0.9, where x1's median sits at posterior quantile Phi(0.1 / 3 / 0.05)
    assert by["x1"].reached
    assert by["x1"].direction == "up"
    assert by["x1"].quantile == pytest.approx(float(special.ndtr(RISE / 3 / 0.05)), abs=0.01)
    assert by["x1"].value == pytest.approx(math.exp(RISE / 3), rel=0.003)
    assert by["x1"].prior_quantile == pytest.approx(float(special.ndtr(RISE / 3 / 0.3)), abs=0.01)
    # x2 needs its median at e^1 (posterior quantile Phi(2)): wide, but the figure hardly feels it
    assert by["x2"].quantile == pytest.approx(float(special.ndtr(RISE / 0.1 / 0.5)), abs=0.01)
    assert by["x2"].value == pytest.approx(math.e, rel=0.02)
    # x3 at the top of its range adds at most 5 % to every draw: the target is 10.5 % up
    assert not by["x3"].reached
    assert math.isnan(by["x3"].value)
    assert by["x3"].edge == pytest.approx(0.05, rel=1e-6)
    assert by["x3"].best == pytest.approx(median * 1.05 / 1.025, rel=0.01)
    assert by["x3"].best < target
    # ranked by how plausible the needed value is: the narrow input with the large effect first
    assert [lever.name for lever in levers] == ["x1", "x2", "x3"]
    assert levers[0].tail > levers[1].tail > levers[2].tail == 0.0
    for lever in levers[:2]:
        assert lever.tail == pytest.approx(1 - lever.quantile, abs=1e-9)
        assert 0 <= lever.mc_error < 0.01


def test_a_target_below_the_median_moves_inputs_down() -> None:
    levers, _, _ = _levers(-RISE)
    by = {lever.name: lever for lever in levers}
    assert by["x1"].direction == "down"
    assert by["x1"].quantile == pytest.approx(float(special.ndtr(-RISE / 3 / 0.05)), abs=0.01)
    assert not by["x3"].reached  # x3 at 0 takes at most 2.5 % off


def test_a_shift_keeps_the_posterior_where_a_fixed_value_does_not() -> None:
    """Why a lever shifts every draw instead of setting the input to one value.

    With y = a + b (two skewed inputs) the median of y is not the median of a plus that of
    b. Set a to one value v in every draw and the figure's median is v + median(b): to
    stay at the posterior's own median v must sit well above a's median, so a fixed-value
    lever would report a move where none is needed. The shift needs none (a zero step is the
    posterior itself) and, for a target 1 % above the median, only a small one.
    """
    rng = np.random.default_rng(11)
    post = {"a": np.exp(rng.normal(0.0, 1.0, N)), "b": np.exp(rng.normal(0.0, 1.0, N))}

    def figure(d: dict[str, np.ndarray]) -> np.ndarray:
        return np.asarray(d["a"] + d["b"], dtype=np.float64)

    median = float(np.median(figure(post)))
    fixed = median - float(np.median(post["b"]))  # the one value of a that keeps the posterior median
    fixed_q = float(np.mean(post["a"] <= fixed))
    assert fixed_q == pytest.approx(0.645, abs=0.01)  # a fixed value: a must move to its 64.5 % point to stay put
    inputs = [LeverInput(k, k, "", LogNormal(0.0, 1.0), LogNormal(0.0, 1.0)) for k in ("a", "b")]
    levers = single_levers(inputs, post, np.ones(N), _rows(N, M), figure, median * 1.01, median)
    for lever in levers:
        assert lever.reached
        assert lever.direction == "up"
        assert lever.quantile == pytest.approx(0.508, abs=0.005)  # 1 % up needs a small shift, not a jump to 64.5 %
    at = single_levers(inputs, post, np.ones(N), _rows(N, M), figure, median, median)
    assert all(lever.shift_sd == 0.0 and abs(lever.quantile - 0.5) < 1e-3 for lever in at)


RECORD = "nk-russia-record"
TARGET = "cumulative_paid_by_russia@2025-12=620e6"


@pytest.fixture(scope="module")
def record():  # type: ignore[no-untyped-def]
    prior = resolve(load_case(RECORD))
    cal = calibrate(prior, 8_000, 3)
    return prior, cal, reconcile(prior, parse_target(TARGET), draws=8_000, seed=3, calibration=cal, lever_draws=600)


def test_a_zero_shift_reruns_the_posterior_exactly(record) -> None:  # type: ignore[no-untyped-def]
    """The levers re-run the model on the kept inputs: unmoved, that gives the run's own figures."""
    from troopledger.analysis import target_values
    from troopledger.analysis._levers import model_inputs
    from troopledger.model import MONTHLY_VARIABLES, run_draws

    _prior, cal, _ = record
    pd = cal.posterior_draws
    n = 500
    out = run_draws(cal.doubted, model_inputs(cal.doubted, pd, n))
    for name in (*MONTHLY_VARIABLES, "cumulative_paid_by_russia", "cumulative_killed"):
        if name.removeprefix("cumulative_") not in pd.monthly and name not in pd.monthly:
            continue
        for month in (0, len(pd.months) - 1):
            np.testing.assert_allclose(
                target_values(out, name, month), target_values(pd, name, month)[:n], rtol=2e-6, atol=1e-3
            )


def test_record_levers_golden(record) -> None:  # type: ignore[no-untyped-def]
    """Pinned on 8,000 draws, seed 3, 600 lever draws; docs/calibration.md section 11 quotes the 100,000-draw run."""
    prior, _, r = record
    assert r.lever_draws == 600
    table, names = r.headline
    assert table == "levers"
    assert names[0] == "pay_rank_private"
    top = r.levers[0]
    assert top.quantile == pytest.approx(0.772, abs=0.01), top
    assert 0 < top.mc_error < 0.02
    by = {lever.name: lever for lever in r.levers}
    # replacement of losses at 1 leaves the median short of $620M (but inside the band)
    rep = by["replacement_share"]
    assert not rep.reached
    assert rep.edge == pytest.approx(1.0, abs=1e-6)
    assert r.posterior[1] < rep.best < 620e6
    assert 0.25 < rep.edge_tail < 0.5
    # what cannot move paid_by_russia at all does not
    assert by["nk_gdp"].best == pytest.approx(r.posterior[1], rel=1e-9)
    assert {lever.name for lever in r.levers} <= set(prior.slots)


def test_same_seed_same_levers_whatever_the_threads(record) -> None:  # type: ignore[no-untyped-def]
    prior, cal, r = record
    again = reconcile(prior, parse_target(TARGET), draws=8_000, seed=3, calibration=cal, lever_draws=600, workers=2)
    assert repr(again.levers) == repr(r.levers)  # every field to the last bit (NaN included)
    assert any(lever.reached for lever in r.levers)


def test_no_levers_when_asked_for_none(record) -> None:  # type: ignore[no-untyped-def]
    prior, cal, _ = record
    r = reconcile(prior, parse_target(TARGET), draws=8_000, seed=3, calibration=cal, lever_draws=0)
    assert r.levers == ()
    assert r.lever_draws == 0
    assert r.headline[0] == "joint"
    assert r.headline[1] == tuple(s.name for s in r.inputs if not s.derived)[:3]
    p = reconcile_payload(r)
    assert "levers" not in p["questions"]
    assert p["levers"] == []
    assert p["headline"]["table"] == "joint"
    assert "Single levers" not in render_reconcile_markdown(r)


def test_json_says_which_question_each_table_answers(record) -> None:  # type: ignore[no-untyped-def]
    _, _, r = record
    p = json.loads(json.dumps(reconcile_payload(r), allow_nan=False))
    assert set(p["questions"]) == {"levers", "inputs", "claims"}
    assert "alone" in p["questions"]["levers"]
    assert "Joint move" in p["questions"]["inputs"]
    assert p["headline"] == {"table": "levers", "inputs": list(r.headline[1])}
    assert p["lever_draws"] == 600
    keys = {
        "name", "what", "unit", "posterior", "reached", "direction", "value", "quantile", "prior_quantile",
        "tail", "shift_sd", "best", "mc_error", "prior_tail", "edge", "edge_tail",
    }  # fmt: skip
    for row in p["levers"]:
        assert set(row) == keys
        assert set(row["posterior"]) == {"p5", "p50", "p95"}
        if not row["reached"]:
            assert row["value"] is None
            assert row["quantile"] is None
    assert len(p["levers"]) == len(r.levers)


def _evil(r):  # type: ignore[no-untyped-def]
    bad = "pay\x1b[31m|<b>x</b>\u202e"
    return replace(r, levers=tuple(replace(lever, name=bad + lever.name) for lever in r.levers))


def test_text_names_both_questions_and_escapes_untrusted_text(record) -> None:  # type: ignore[no-untyped-def]
    import io

    from rich.console import Console

    _, _, r = record
    buf = io.StringIO()
    render_reconcile_text(_evil(r), Console(file=buf, width=400, force_terminal=False))
    text = buf.getvalue()
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "Single levers: which one input, moved alone" in text
    assert "Joint move: the posterior told the figure is right" in text
    assert "Alone (one input moved" in text
    assert "Jointly (" in text
    assert f"Searched on {r.lever_draws:,} resampled posterior draws" in text
    assert "cannot reach: at" in text


def test_markdown_has_both_tables_escaped(record) -> None:  # type: ignore[no-untyped-def]
    _, _, r = record
    md = render_reconcile_markdown(_evil(r))
    assert "## Single levers" in md
    assert "## Joint move" in md
    assert "## Claims" in md
    assert md.index("## Single levers") < md.index("## Joint move")
    assert "<b>" not in md
    assert "\x1b" not in md
    assert "\u202e" not in md
    rows = [line for line in md.splitlines() if "&lt;b&gt;x&lt;/b&gt;" in line and line.startswith("|")]
    assert len(rows) >= len([lever for lever in r.levers if lever.reached][:10])
    assert all(line.startswith("| pay\\|&lt;b&gt;") for line in rows)  # the pipe inside a name cannot split a cell
    assert "replacement\\_share" in md


def test_lever_draws_default_is_modest() -> None:
    assert 1_000 <= LEVER_DRAWS <= 5_000


def test_too_few_lever_draws_is_a_one_line_error(record) -> None:  # type: ignore[no-untyped-def]
    prior, cal, _ = record
    with pytest.raises(InputError) as e:
        reconcile(prior, parse_target(TARGET), draws=8_000, seed=3, calibration=cal, lever_draws=20)
    assert "--lever-draws" in str(e.value)
    assert "fix:" in str(e.value)
    assert "\n" not in str(e.value)


def test_the_command_takes_lever_draws(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from troopledger._cli._app import _register as register_commands
    from troopledger._cli._app import app

    register_commands()
    runner = CliRunner()
    out = tmp_path / "r.json"
    args = ["reconcile", RECORD, "--target", TARGET, "--draws", "2000", "--format", "json", "--out", str(out)]
    res = runner.invoke(app, [*args, "--lever-draws", "200"])
    assert res.exit_code == 0, res.output
    p = json.loads(out.read_text())
    assert p["lever_draws"] == 200
    assert p["headline"]["table"] == "levers"
    res = runner.invoke(app, [*args, "--lever-draws", "0"])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["levers"] == []
    res = runner.invoke(app, [*args, "--lever-draws", "50"])
    assert res.exit_code != 0
    assert "--lever-draws" in str(res.exception) + res.output  # the entry point prints it as one line
