"""Between-source spread: estimated from the bundled claim files, and carried by every fused input."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from troopledger.calibration import compile_observations
from troopledger.claims import Claim, SourceRef, read_claims
from troopledger.errors import CaseError
from troopledger.evidence import (
    SOURCE_SPREAD,
    Z90,
    estimate_spread,
    fuse,
    load_case,
    resolve,
    source_pairs,
    widen,
)
from troopledger.evidence._bundled import claims_dir


def claim(cid: str, **kw: object) -> Claim:
    data: dict[str, object] = {
        "id": cid,
        "quantity": "death_compensation",
        "value": 10000.0,
        "unit": "USD",
        "speaker": f"speaker {cid}",
        "speaker_kind": "intelligence",
        "hedge": "about",
        "status": "accepted",
        "window_end": "2025-05",
        "source": SourceRef(id=f"doc-{cid}", outlet="An outlet", date="2025-05-30"),
    }
    data.update(kw)
    return Claim.model_validate(data)


def log_half_width(dist: object) -> float:
    lo, hi = (float(x) for x in dist.ppf(np.array([0.05, 0.95])))  # type: ignore[attr-defined]
    return (math.log(hi) - math.log(lo)) / 2


def test_declared_spread_is_what_the_bundled_claim_files_give() -> None:
    """SOURCE_SPREAD is declared once; its derivation (docs/conventions.md), on files the record case does not use."""
    files = [claims_dir() / f"{name}.jsonl" for name in ("nk-russia-ledger", "founding-articles")]
    claims = [c for f in files for c in read_claims(f)]
    pairs = source_pairs(claims)
    kinds = {k: sum(p.kind == k for p in pairs) for k in ("amount", "count", "share", "duration")}
    assert kinds == {"amount": 5, "count": 6, "share": 0, "duration": 0}
    got = estimate_spread(pairs)
    assert {k: round(v, 2) for k, v in got.items()} == SOURCE_SPREAD


def test_pairs_are_independent_sources_of_the_same_thing() -> None:
    a = claim("a", value=10000.0)
    b = claim("b", value=30000.0)
    relay = claim("c", value=30000.0, speaker="speaker b", lineage="same")  # b's words again: not independent
    other_month = claim("d", value=5000.0, window_end="2025-09")  # a total (USD) of another month
    bound = claim("e", value=None, low=1000.0, hedge="at least")  # a bound says no figure
    b2 = b.model_copy(update={"lineage": "same"})
    pairs = source_pairs([a, b2, relay, other_month, bound])
    assert [(p.first, p.second) for p in pairs] == [("a", "b")]
    assert pairs[0].gap == pytest.approx(math.log(3.0))
    # a rate (a unit per something) may be up to six months apart; a total must name the month
    pay = [
        claim("p1", quantity="pay_per_soldier_month", unit="USD/month", value=2000.0, window_end="2024-10"),
        claim("p2", quantity="pay_per_soldier_month", unit="USD/month", value=3000.0, window_end="2025-03"),
        claim("p3", quantity="pay_per_soldier_month", unit="USD/month", value=4000.0, window_end="2025-09"),
    ]
    assert [(p.first, p.second) for p in source_pairs(pay)] == [("p1", "p2"), ("p2", "p3")]


def test_estimate_needs_enough_pairs_and_pools_thin_kinds() -> None:
    with pytest.raises(ValueError, match="at least 5"):
        estimate_spread([])
    claims = [claim(f"c{i}", value=1000.0 * (1 + i % 2)) for i in range(4)]
    pairs = source_pairs(claims)  # 4 sources: 6 pairs, 4 of them a factor of 2 apart
    got = estimate_spread(pairs)
    assert got["amount"] == pytest.approx(math.log(2.0) / (math.sqrt(2) * 0.6744897501960817))
    assert got["share"] == got["amount"]  # no share pairs: the estimate over every pair


def test_widen_adds_the_spread_in_quadrature() -> None:
    about = {"point": 2000.0, "spread": 0.15}
    got = widen(about, share=False, tau=0.46)
    lo, hi = got["to"]
    assert math.sqrt(lo * hi) == pytest.approx(2000.0)
    assert math.log(hi / lo) / 2 == pytest.approx(math.hypot(math.log(1.15), Z90 * 0.46))
    assert widen(about, share=False, tau=0.0) is about
    assert widen({"mixture": []}, share=False, tau=0.5) == {"mixture": []}
    share = widen({"to": (0.8, 0.9)}, share=True, tau=0.46)
    lo, hi = share["to"]
    assert 0.0 < lo < 0.8
    assert 0.9 < hi < 1.0
    assert widen({"to": (0.0, 0.02)}, share=True, tau=0.46) == {"to": (0.0, 0.02)}  # touches 0: as it was
    fixed = widen({"fixed": 5000.0}, share=False, tau=0.38)
    assert math.log(fixed["to"][1] / fixed["to"][0]) / 2 == pytest.approx(Z90 * 0.38)


def test_one_source_carries_the_whole_spread_and_it_shrinks_as_sources_accrue() -> None:
    one = fuse([claim("a")], "amount", "USD")
    width = log_half_width(one.spec.to_distribution("amount"))
    assert width == pytest.approx(math.hypot(math.log(1.15), Z90 * SOURCE_SPREAD["amount"]))
    assert one.between == {"a": SOURCE_SPREAD["amount"]}
    two = fuse([claim("a"), claim("b")], "amount", "USD")
    assert two.between == {"a": SOURCE_SPREAD["amount"] / math.sqrt(2), "b": SOURCE_SPREAD["amount"] / math.sqrt(2)}
    off = fuse([claim("a")], "amount", "USD", spread={"amount": 0.0})
    assert log_half_width(off.spec.to_distribution("amount")) == pytest.approx(math.log(1.15))
    count = fuse([claim("n", quantity="troops_per_rotation", unit="persons", value=5000.0)], "amount", "persons")
    assert count.between == {"n": SOURCE_SPREAD["count"]}


CASE = """
[case]
name = "spread"
start = "2024-10"
months = 3

[deployment]
mode = "rotation"

[parameters.troops_deployed]
fixed = 10000

[parameters.rotation_interval_months]
fixed = 12

[parameters.killed_hazard]
fixed = 0.01

[parameters.wounded_hazard]
fixed = 0.02

[parameters.pay_per_soldier_month]
from_claims = true

[parameters.state_share_of_pay]
fixed = 0.9

[[claims]]
id = "p"
quantity = "pay_per_soldier_month"
value = 2000
unit = "USD/month"
hedge = "about"
speaker = "An agency"
speaker_kind = "intelligence"
status = "accepted"
"""


def test_a_case_may_declare_its_own_spread(tmp_path: Path) -> None:
    plain = tmp_path / "plain.toml"
    plain.write_text(CASE, encoding="utf-8")
    declared = tmp_path / "declared.toml"
    declared.write_text("source_spread = { amount = 0 }\n" + CASE, encoding="utf-8")
    wide = resolve(load_case(str(plain))).slots["pay_per_soldier_month"].distribution
    narrow = resolve(load_case(str(declared))).slots["pay_per_soldier_month"].distribution
    assert log_half_width(wide) == pytest.approx(math.hypot(math.log(1.15), Z90 * SOURCE_SPREAD["amount"]))
    assert log_half_width(narrow) == pytest.approx(math.log(1.15))
    bad = tmp_path / "bad.toml"
    bad.write_text("source_spread = { money = 0.5 }\n" + CASE, encoding="utf-8")
    with pytest.raises(CaseError, match=r"source_spread\.money.*unknown kind of quantity"):
        load_case(str(bad))


def test_calibration_judges_a_prior_claim_by_the_reading_that_built_it() -> None:
    prior = resolve(load_case("nk-russia-record"))
    obs = {o.id: o for o in compile_observations(prior).items}
    # r04 built the rank pays with three lineages: its error is its hedge and the spread over sqrt(3)
    assert obs["r04"].cited
    hedge = math.log1p(0.25) / Z90
    assert obs["r04"].error.sd == pytest.approx(math.hypot(hedge, SOURCE_SPREAD["amount"] / math.sqrt(3)))
    # r20 (the rank table as a whole) is of the lineage whose parts built the rank pays: not weighed again
    assert obs["r20"].cited
    assert "r20" not in compile_observations(prior).evidence().ids
    # a dated count that built nothing is weighed with its hedge alone
    assert not obs["r25"].cited
    assert obs["r25"].error.sd == pytest.approx(hedge)
