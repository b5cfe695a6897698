"""Fusion: the hedge and words tables (pinned), reliability weights, pooling by lineage, cases."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from troopledger.claims import Claim, SourceRef
from troopledger.errors import CaseError
from troopledger.evidence import (
    HEDGES,
    RELIABILITY,
    WORDS,
    Mixture,
    claim_spec,
    claim_weight,
    fuse,
    hedge_rule,
    load_case,
    resolve,
    words_interval,
)


def claim(cid: str, **kw: object) -> Claim:
    data: dict[str, object] = {
        "id": cid,
        "quantity": "pay_per_soldier_month",
        "value": 2000.0,
        "unit": "USD/month",
        "speaker": "Seoul's spy agency",
        "speaker_kind": "intelligence",
        "hedge": "about",
        "status": "accepted",
    }
    data.update(kw)
    return Claim.model_validate(data)


def q(c: Claim, kind: str = "amount", unit: str = "USD/month") -> tuple[float, float]:
    d = claim_spec(c, kind, unit).to_distribution(kind)  # type: ignore[arg-type]
    lo, hi = d.ppf(np.array([0.05, 0.95]))
    return float(lo), float(hi)


def test_reliability_defaults_are_pinned() -> None:
    assert RELIABILITY == {
        "intelligence": 1.0,
        "think_tank": 1.0,
        "outlet": 0.8,
        "government": 0.8,
        "belligerent_government": 0.7,
        "defector": 0.7,
        "anonymous": 0.5,
        "state_media": 0.5,
        "other": 0.5,
    }


@pytest.mark.parametrize(
    ("hedge", "reading", "width", "strength"),
    [
        ("none", "point", 0.05, 1.0),
        ("about", "point", 0.15, 1.0),
        ("Around", "point", 0.15, 1.0),
        ("estimated", "point", 0.25, 1.0),
        ("likely", "point", 0.15, 0.8),
        ("reportedly", "point", 0.15, 0.8),
        ("could", "point", 0.5, 0.5),
        ("maybe", "point", 0.5, 0.5),
        ("up to", "upper", 0.7, 1.0),
        ("as many as", "upper", 0.7, 1.0),
        ("could rise to", "upper", 0.7, 0.5),
        ("less than", "upper", 0.3, 1.0),
        ("at least", "lower", 1.5, 1.0),
        ("more than", "lower", 1.5, 1.0),
        ("nearly", "below", 0.1, 1.0),
        ("some unheard-of hedge", "point", 0.15, 1.0),
    ],
)
def test_hedge_table_is_pinned(hedge: str, reading: str, width: float, strength: float) -> None:
    rule = hedge_rule(hedge)
    assert (rule.reading, rule.width, rule.strength) == (reading, width, strength)


@pytest.mark.parametrize(
    ("kw", "kind", "expect"),
    [
        ({"hedge": "about"}, "amount", (2000 / 1.15, 2300.0)),
        ({"hedge": "estimated"}, "amount", (1600.0, 2500.0)),
        ({"hedge": "could"}, "amount", (2000 / 1.5, 3000.0)),
        ({"hedge": "up to", "value": 11000.0}, "amount", (7700.0, 11000.0)),
        ({"hedge": "less than", "value": 1.0}, "amount", (0.3, 1.0)),
        ({"hedge": "at least", "value": 3000.0}, "amount", (3000.0, 4500.0)),
        ({"hedge": "nearly", "value": 52.0}, "amount", (46.8, 52.0)),
        ({"value": None, "high": 11000.0, "hedge": "none"}, "amount", (7700.0, 11000.0)),
        ({"value": None, "low": 2000.0, "hedge": "none"}, "amount", (2000.0, 3000.0)),
        ({"value": None, "low": 1200.0, "high": 2400.0, "hedge": "could"}, "amount", (1200.0, 2400.0)),
        ({"value": None, "low": 0.8, "hedge": "at least"}, "share", (0.8, 1 - 0.2 / 1.5)),
        ({"value": 0.3, "hedge": "up to"}, "share", (0.21, 0.3)),
        ({"value": 0.9, "hedge": "about", "spread": 0.03}, "share", (0.9 / 1.03, 0.9 * 1.03)),
    ],
)
def test_claim_percentiles_are_pinned(kw: dict[str, object], kind: str, expect: tuple[float, float]) -> None:
    unit = "fraction" if kind == "share" else "USD/month"
    lo, hi = q(claim("x", **{"unit": unit, **kw}), kind, unit)
    assert lo == pytest.approx(expect[0], rel=1e-6)
    assert hi == pytest.approx(expect[1], rel=1e-6)


@pytest.mark.parametrize(
    ("words", "complement", "expect"),
    [
        ("nothing", False, (0.0001, 0.02)),
        ("nothing", True, (0.98, 0.9999)),
        ("Little or nothing", True, (0.9, 0.999)),
        ("little", False, (0.01, 0.2)),
        ("some", False, (0.05, 0.5)),
        ("half", False, (0.4, 0.6)),
        ("much", False, (0.4, 0.85)),
        ("most", False, (0.55, 0.95)),
        ("almost all", False, (0.85, 0.99)),
        ("all", False, (0.98, 0.9999)),
    ],
)
def test_words_table_is_pinned(words: str, complement: bool, expect: tuple[float, float]) -> None:
    assert words_interval(words, complement=complement) == pytest.approx(expect)
    c = claim(
        "w", quantity="state_share_of_pay", value=None, low=0.5, unit="fraction", words=words, complement=complement
    )
    lo, hi = q(c, "share", "fraction")
    assert lo == pytest.approx(expect[0], rel=1e-3)
    assert hi == pytest.approx(expect[1], rel=1e-3)


def test_every_words_entry_fits_a_beta_both_ways() -> None:
    for words in WORDS:
        for complement in (False, True):
            c = claim(
                "w",
                quantity="state_share_of_pay",
                value=None,
                low=0.5,
                unit="fraction",
                words=words,
                complement=complement,
            )
            lo, hi = q(c, "share", "fraction")
            assert (lo, hi) == pytest.approx(words_interval(words, complement=complement), rel=1e-3)
    assert set(HEDGES) >= {"about", "up to", "at least", "could", "estimated", "more than"}


def test_unknown_words_are_refused() -> None:
    with pytest.raises(ValueError, match="no reading for the words"):
        words_interval("a smidgen")


def test_weight_is_reliability_times_hedge_strength() -> None:
    assert claim_weight(claim("a")) == 1.0
    assert claim_weight(claim("a", speaker_kind="defector", hedge="could")) == pytest.approx(0.35)
    assert claim_weight(claim("a", speaker_kind="anonymous"), {"anonymous": 0.9}) == pytest.approx(0.9)
    assert claim_weight(claim("a", speaker_kind="anonymous", weight=0.2)) == pytest.approx(0.2)


def briefing_relay(i: int) -> Claim:
    """The same briefing carried by outlet ``i``."""
    src = SourceRef(id=f"s{i}", outlet=f"Outlet {i}", url=f"https://example.org/{i}", date=f"2025-03-0{i + 1}")
    return claim(f"relay{i}", value=2000.0, via=["a lawmaker", f"Outlet {i}"], source=src)


OTHER = claim(
    "dnk",
    value=None,
    low=2800.0,
    high=5000.0,
    speaker="a source inside the country",
    speaker_kind="anonymous",
    hedge="none",
    source=SourceRef(id="t", outlet="A newsletter", date="2025-05-30"),
)


def test_five_relays_pool_exactly_as_one_claim() -> None:
    one = fuse([briefing_relay(0), OTHER], "amount", "USD/month")
    five = fuse([briefing_relay(i) for i in range(5)] + [OTHER], "amount", "USD/month")
    assert len(five.lineages) == 2
    assert five.lineages[next(iter(five.lineages))] == [f"relay{i}" for i in range(5)]
    d1, d5 = one.spec.to_distribution("amount"), five.spec.to_distribution("amount")
    assert isinstance(d5, Mixture)
    assert d1 == d5
    a = d1.sample(np.random.default_rng(7), 50_000)
    b = d5.sample(np.random.default_rng(7), 50_000)
    assert np.array_equal(a, b)
    assert five.weights["relay3"] == pytest.approx(1.0 / 1.5)
    assert five.weights["dnk"] == pytest.approx(0.5 / 1.5)
    assert set(five.claims) == {f"relay{i}" for i in range(5)} | {"dnk"}


def test_independent_claims_move_the_pool() -> None:
    alone = fuse([OTHER], "amount", "USD/month").spec.to_distribution("amount")
    # the same figure from a second, independent speaker adds a lineage and shifts the pool
    second = claim("nis", value=2000.0, source=SourceRef(id="u", outlet="X", date="2025-01-01"))
    pooled = fuse([OTHER, second], "amount", "USD/month").spec.to_distribution("amount")
    med = [float(d.ppf(np.array([0.5]))[0]) for d in (alone, pooled)]
    assert med[1] < med[0]


def test_ambiguous_period_becomes_a_mixture_of_readings() -> None:
    c = claim("amb", value=24000.0, unit="USD", period="ambiguous", hedge="none")
    spec = claim_spec(c, "amount", "USD/month")
    assert spec.mixture is not None
    assert [m.label for m in spec.mixture] == ["read as per month", "read as per year"]
    assert [m.point for m in spec.mixture] == [24000.0, 2000.0]
    c2 = c.model_copy(update={"window_start": "2025-01", "window_end": "2025-06"})
    spec2 = claim_spec(c2, "amount", "USD/month")
    assert spec2.mixture is not None
    assert [m.point for m in spec2.mixture] == [24000.0, 2000.0, 4000.0]


FUSED_CASE = """
claim_files = ["claims.jsonl"]

[case]
name = "fused"
start = "2025-01"
months = 6

[deployment]
mode = "rotation"

[parameters.pay_per_soldier_month]
from_claims = true
note = "pooled"

[parameters.troops_deployed]
fixed = 1000

[parameters.rotation_interval_months]
fixed = 6

[parameters.state_share_of_pay]
from_claims = true
{extra}
"""


def write_case(tmp_path: Path, claims: list[Claim], extra: str = "") -> Path:
    (tmp_path / "claims.jsonl").write_text("".join(c.model_dump_json() + "\n" for c in claims))
    path = tmp_path / "case.toml"
    path.write_text(FUSED_CASE.replace("{extra}", extra))
    return path


SHARE = claim("share", quantity="state_share_of_pay", value=0.9, unit="fraction", speaker_kind="think_tank")


def test_case_from_claims_cites_and_weighs(tmp_path: Path) -> None:
    case = load_case(write_case(tmp_path, [briefing_relay(0), briefing_relay(1), OTHER, SHARE]))
    assert case.cited_claims()["pay_per_soldier_month"] == ["relay0", "relay1", "dnk"]
    fused = case.fused()["parameters.pay_per_soldier_month"]
    assert fused.weights["dnk"] == pytest.approx(1 / 3)
    lineage = {c.id: c.lineage for c in case.resolved_claims()}
    assert lineage["relay0"] == lineage["relay1"] == "auto:relay0"
    assert lineage["dnk"] is None
    assert case.parameters["pay_per_soldier_month"].note == "pooled"
    over = load_case(
        write_case(tmp_path, [briefing_relay(0), OTHER, SHARE], "\n[reliability]\nanonymous = 1.0\n")
    ).fused()["parameters.pay_per_soldier_month"]
    assert over.weights["dnk"] == pytest.approx(0.5)


def test_resolving_with_claims_refuses_and_moves(tmp_path: Path) -> None:
    case = load_case(write_case(tmp_path, [OTHER, SHARE]))
    before = float(resolve(case).distributions["pay_per_soldier_month"].ppf(np.array([0.5]))[0])
    assert math.isclose(before, math.sqrt(2800 * 5000), rel_tol=1e-6)
    moved = resolve(case, [claim("new", value=1500.0)])
    after = float(moved.distributions["pay_per_soldier_month"].ppf(np.array([0.5]))[0])
    assert after < before
    assert "new" in moved.cited["pay_per_soldier_month"]
    assert moved.slots["pay_per_soldier_month"].fused is not None
    rejected = resolve(moved.casefile, [OTHER.model_copy(update={"status": "rejected"})])
    assert rejected.cited["pay_per_soldier_month"] == ("new",)


def test_from_claims_with_nothing_to_fuse_is_a_case_error(tmp_path: Path) -> None:
    with pytest.raises(CaseError) as e:
        load_case(write_case(tmp_path, [OTHER]))
    msg = str(e.value)
    assert "state_share_of_pay" in msg
    assert "no accepted claims" in msg
    assert "\n" not in msg
