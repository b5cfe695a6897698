"""Figures from one statement are held to their rounding: a source's own arithmetic must hold."""

from __future__ import annotations

import numpy as np
import pytest

from test_robust import PLANTED, PLANTED_FOUR
from troopledger.calibration import _conflicts, compile_observations, find_contradictions
from troopledger.calibration._rounding import relative_rounding, statement_key, window
from troopledger.calibration._statements import statement_sets
from troopledger.claims import Claim, SourceRef
from troopledger.evidence import parse_case, resolve


def _hedged_four(sources: tuple[str, str, str, str], total: str = "280e6") -> str:
    """The planted four as a source would say them ("about 280 million", "~11,000", ...), each from ``sources``."""
    text = PLANTED_FOUR.replace("HEDGE", "about").replace("FLOOR", "no less than").replace("280e6", total)
    head, *rest = text.split('status = "accepted"')
    out = head
    for sid, part in zip(sources, rest, strict=True):
        out += f'source = "{sid}"\nstatus = "accepted"{part}'
    for sid in sorted(set(sources)):
        out += f'\n[[sources]]\nid = "{sid}"\noutlet = "Report {sid}"\ndate = "2025-02-01"\n'
    return out


def _claim(**kw: object) -> Claim:
    base: dict[str, object] = {"id": "c", "quantity": "troops_deployed", "speaker": "Think tank", "value": 14000}
    return Claim.model_validate({**base, **kw})


def test_rounding_comes_from_the_figure_as_written() -> None:
    # "14,000": the last significant unit is a thousand, so 13,500 to 14,500
    assert relative_rounding(_claim(), 14000) == pytest.approx(500 / 14000)
    # "400 billion won" has one significant digit: 350 to 450 billion, 12.5 % either way, whatever the USD figure
    said = _claim(quantity="total_revenue_to_nk", stated="400 billion won for one year", value=280e6)
    assert relative_rounding(said, 280e6) == pytest.approx(0.125)
    # with no words, the stored figure: 280e6 has two digits, so $275M to $285M
    assert relative_rounding(_claim(quantity="total_revenue_to_nk", value=280e6), 280e6) == pytest.approx(5e6 / 280e6)
    assert relative_rounding(_claim(value=2700), 2700) == pytest.approx(50 / 2700)
    # the coarsest number written counts: a year beside the figure does not make it look precise
    assert relative_rounding(_claim(value=3000, stated="in 2024, 3,000 troops"), 3000) == pytest.approx(500 / 3000)


def test_one_statement_is_one_speaker_in_one_source_document() -> None:
    src = SourceRef(id="tt-1", outlet="Think tank report")
    a = _claim(source=src, speaker="The Think-Tank")
    b = _claim(source=src, speaker="the think tank")
    assert statement_key(a) == statement_key(b) == ("the think tank", "tt-1")
    assert statement_key(_claim(source=SourceRef(id="tt-2", outlet="Think tank report"))) != statement_key(a)
    assert statement_key(_claim()) is None  # no source record: no statement shared with anything


def test_a_hedged_statement_whose_own_arithmetic_fails_is_flagged_as_a_set_of_four() -> None:
    # one source says about $280 million a year for about 11,000 and 3,000 troops at no less than $2,000 a
    # month: at its own figures 14,000 x $2,000 x 12 = $336 million, a fifth more, and even at the low ends
    # of their rounding (10,500 + 2,500) x $2,000 x 12 = $312 million is above the $285 million the total
    # allows. Any three can hold (11,000 x $2,000 x 12 = $264 million), so none is flagged.
    found = find_contradictions(resolve(parse_case(_hedged_four(("tt",) * 4).encode(), "planted.toml")))
    assert [set(c.claims) for c in found] == [{"total", "wave1", "wave2", "floor"}]
    c = found[0]
    assert c.kind == "statement"
    assert c.statistic < -3
    assert c.most_likely_wrong in c.claims
    assert "above the $280 million stated" in c.explanation
    assert "$312 million" in c.explanation  # the nearest the rounded figures come
    d = c.as_dict()
    assert d["kind"] == "statement"
    assert d["times_less_probable"] is not None


def test_the_same_figures_from_four_sources_keep_their_independent_hedges() -> None:
    found = find_contradictions(resolve(parse_case(_hedged_four(("a", "b", "c", "d")).encode(), "planted.toml")))
    assert found == []


def test_a_statement_whose_arithmetic_holds_is_not_flagged() -> None:
    # $340 million for 14,000 troops at no less than $2,000: 14,000 x 2,000 x 12 = $336 million, within rounding
    found = find_contradictions(resolve(parse_case(_hedged_four(("tt",) * 4, "340e6").encode(), "planted.toml")))
    assert found == []


def test_the_issue_example_in_won_is_flagged_at_the_precision_it_was_said() -> None:
    # "about 400 billion won (one digit: 350-450 billion, $245M-$315M) for a year of ~14,000 troops at no less
    # than $2,000": 13,500 x $2,000 x 12 = $324 million is beyond even the rounding, so the three are flagged
    text = PLANTED.replace('hedge = "none"\nstatus', 'hedge = "about"\nsource = "tt"\nstatus', 3)
    floor = 'low = 2000\nspeaker = "Think tank"\nspeaker_kind = "think_tank"\nhedge = '
    text = text.replace(floor + '"about"', floor + '"no less than"')
    text += '\n[[sources]]\nid = "tt"\noutlet = "A think tank report"\n'
    prior = resolve(parse_case(text.encode(), "planted.toml"))
    assert [o.id for o in prior.claims if o.hedge == "about"] == ["total", "troops"]
    found = find_contradictions(prior)
    assert [(set(c.claims), c.kind) for c in found] == [({"total", "troops", "floor"}, "statement")]


def test_windows_keep_bounds_as_bounds_and_widen_points_by_rounding() -> None:
    prior = resolve(parse_case(_hedged_four(("tt",) * 4).encode(), "planted.toml"))
    obs = {o.id: o for o in compile_observations(prior).items}
    assert window(obs["wave1"]) == pytest.approx((10500, 11500))
    assert window(obs["floor"]) == (2000, float("inf"))
    assert window(obs["total"]) == pytest.approx((275e6, 285e6))
    # no statement has two claims: nothing to check
    assert statement_sets(prior, compile_observations(prior).subset([]), np.empty((1, 0)), {}) == []


def test_two_figures_of_one_statement_for_one_parameter_that_do_not_meet_are_left_to_the_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the same speaker gives the first wave as about 11,000 and about 20,000 (say, on two dates): the pinned
    # windows 10,500-11,500 and 19,500-20,500 share no value, which is a disagreement, not the statement's
    # arithmetic, so the statement check flags no set holding both
    text = _hedged_four(("tt",) * 4).replace(
        "[[sources]]",
        '[[claims]]\nid = "wave1-later"\nquantity = "troops_deployed"\nvalue = 20000\nspeaker = "Think tank"\n'
        'hedge = "about"\nsource = "tt"\nstatus = "accepted"\n\n[[sources]]',
        1,
    )
    text = text.replace('claims = ["wave1"]', 'claims = ["wave1", "wave1-later"]')
    prior = resolve(parse_case(text.encode(), "planted.toml"))
    # the scan flags the two waves' figures as a disagreement (and so keeps the check off their sets); without
    # it the check must still leave them alone, while the statement's sums at 20,000 fail on their own
    monkeypatch.setattr(_conflicts, "count_sets", lambda *a, **k: ([], 0))
    found = find_contradictions(prior)
    assert all(c.kind == "statement" for c in found)
    assert not any({"wave1", "wave1-later"} <= set(c.claims) for c in found)
    assert {"total", "wave1", "wave2", "floor"} in [set(c.claims) for c in found]
    # (19,500 + 2,500) x $2,000 x 12 = $528 million: far above $285 million with the later figure too
    assert {"total", "wave1-later", "floor"} in [set(c.claims) for c in found]
