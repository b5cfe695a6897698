"""The s27 Korean pass: its new set (``tests/data/ko_tune3``) holds its scores, and each new mechanism is pinned
by several phrasings of our own.

Every sentence here was written for the project. Mechanisms: counts joined by 과/와/및 share the noun after the
last and a cue past the join is the next item's; a month right before an amount is its period past bound words;
a rank table's row belongs to the rank named before it; a formation's own strength; a soldiers' count with no word
of the deployment abstains from the troop vocabulary; spans of months (개월) are no month dates; first-dispatch
words (처음에, 당초) make a wave; 개 counts things; fractions (10분의 1, 절반); a percentage before a verb of change
is a growth rate, negative for a fall; luxury goods bought abroad; a number with no counter in a bracketed tag.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _benchmarks import load_benchmark
from helpers import foreign_claims

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "ko_tune3"
#: Just below what the extractor reaches on the whole set, both parts (docs/extraction.md, s27 Korean pass).
SET_MIN = {"recall_core": 0.78, "precision": 0.80, "speaker": 0.69}

Got = tuple[str, float | None, float | None, float | None]


def _read(text: str) -> list[Got]:
    return [(c.quantity, c.value, c.low, c.high) for c in foreign_claims(text, "ko")]


def _labels(text: str) -> dict[float, str]:
    return {(v if v is not None else lo if lo is not None else hi) or 0.0: q for q, v, lo, hi in _read(text)}


def test_set_scores_hold() -> None:
    mod = load_benchmark("eval_extraction")
    r = mod.evaluate_devset(SET)
    assert r["gold"] >= 140
    for key, floor in SET_MIN.items():
        assert r[key] >= floor, (key, r[key], r["problems"][:20])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "합참은 북한군 1차 1만2천 명과 2차 2천 명을 더해 모두 1만4천 명이 러시아에 보내졌다고 밝혔다.",
            {12000: "troops_per_rotation", 2000: "troops_per_rotation", 14000: "cumulative_troops"},
        ),
        (
            "국정원은 전사자 400명과 부상자 3천600명을 합쳐 사상자가 4천 명이라고 보고했다.",
            {400: "casualties_killed", 3600: "casualties_wounded", 4000: "casualties_total"},
        ),
        (
            "정부는 사망자 500명 및 부상자 2천500명이 확인됐다고 밝혔다.",
            {500: "casualties_killed", 2500: "casualties_wounded"},
        ),
    ],
)
def test_counts_joined_by_and_keep_their_own_nouns(text: str, want: dict[float, str]) -> None:
    got = _labels(text)
    for value, label in want.items():
        assert got.get(value) == label, (value, got)


@pytest.mark.parametrize(
    "text",
    [
        "연구원은 병사 1인당 월 최소 2천 달러에 일시금이 붙는다고 분석했다.",
        "국정원은 병사 한 명에게 월 약 2천500달러와 입대 일시금이 주어진다고 밝혔다.",
        "보고서는 병사들이 월 대략 2천 달러를 받고 따로 일시금도 챙긴다고 썼다.",
    ],
)
def test_a_month_before_the_amount_makes_it_pay_past_bound_words(text: str) -> None:
    got = _read(text)
    assert got, text
    assert got[0][0] == "pay_per_soldier_month", got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            '소식통은 "장교에게는 월 4천 달러, 저격병에게는 3천200달러를 준다"고 말했다.',
            {4000: "other:officer_pay", 3200: "pay_per_soldier_month"},
        ),
        (
            '그는 "군관은 한 달에 4천500달러를 받는다"며 "부사관은 3천 달러, 병사는 2천600달러 선"이라고 전했다.',
            {4500: "other:officer_pay", 3000: "other:officer_pay", 2600: "pay_per_soldier_month"},
        ),
    ],
)
def test_a_rank_tables_row_belongs_to_the_rank_named_before_it(text: str, want: dict[float, str]) -> None:
    got = _labels(text)
    for value, label in want.items():
        assert got.get(value) == label, (value, got)


@pytest.mark.parametrize(
    "text",
    [
        "국정원은 이 군단의 병력을 4만 명 안팎으로 본다.",
        "정부가 추산한 제7사단의 병력은 1만2천 명이다.",
        "군 당국은 해당 여단의 병력이 3천여 명이라고 밝혔다.",
    ],
)
def test_a_formations_own_strength_is_not_the_force(text: str) -> None:
    got = _read(text)
    assert [q for q, *_ in got] == ["other:unit_strength"], got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("김 위원장은 평양에서 군인 120명에게 훈장을 수여했다.", "other:count"),
        ("행사에는 장병 300여 명이 참석했다.", "other:count"),
        ("북한군 1만1천 명이 쿠르스크에서 싸우고 있다.", "troops_deployed"),
        ("러시아에 있는 북한군은 1만 명 안팎이다.", "troops_deployed"),
    ],
)
def test_a_soldiers_count_without_the_deployment_abstains(text: str, want: str) -> None:
    got = _read(text)
    assert [q for q, *_ in got] == [want], got


@pytest.mark.parametrize(
    "text",
    [
        '관계자는 "러시아에 있는 북한군은 1만1천 명이며, 추가 병력은 수개월에 걸쳐 투입될 것"이라고 말했다.',
        "러시아에 남아 있는 북한군은 약 1만 명이고 후속 병력은 몇 개월에 나눠 보내질 전망이다.",
        "현재 쿠르스크의 북한군은 1만2천 명 정도이며 교체는 3개월 동안 이어질 것으로 보인다.",
    ],
)
def test_a_span_of_months_is_no_month_date(text: str) -> None:
    got = _read(text)
    assert got, text
    assert got[0][0] == "troops_deployed", got


@pytest.mark.parametrize(
    "text",
    [
        "영국 국방부는 북한군이 처음에 1만1천 명가량 배치됐다고 밝혔다.",
        "국정원은 북한이 당초 1만2천 명을 러시아에 보냈다고 본다.",
        "합참은 처음 투입된 북한군이 1만 명 안팎이라고 설명했다.",
    ],
)
def test_first_dispatch_words_make_a_wave(text: str) -> None:
    got = _read(text)
    assert got, text
    assert got[0][0] == "troops_per_rotation", got


@pytest.mark.parametrize(
    "text",
    [
        "사진에는 전사자 초상 120여 개가 걸려 있었다.",
        "영상에는 북한군 전사자 명패 80개가 보였다.",
    ],
)
def test_gae_counts_things_not_people(text: str) -> None:
    got = _read(text)
    assert got, text
    assert not got[0][0].startswith(("casualties", "troops")), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("전문가는 병사 손에 쥐어지는 돈이 그 10분의 1 정도라고 말했다.", ("other:soldier_take_home_share", 0.1, None)),
        ("국정원은 파병 북한군의 3분의 1이 죽거나 다쳤다고 밝혔다.", ("other:casualty_rate", 1 / 3, None)),
        ("합참은 북한군의 절반 이상이 죽거나 다친 것으로 본다.", ("other:casualty_rate", None, 0.5)),
        ("소식통은 당국이 병사 급여의 절반을 가져간다고 전했다.", ("state_share_of_pay", 0.5, None)),
    ],
)
def test_korean_fractions_are_shares(text: str, want: tuple[str, float | None, float | None]) -> None:
    got = _read(text)
    assert got, text
    q, v, lo, _hi = got[0]
    assert q == want[0]
    if want[1] is not None:
        assert v == pytest.approx(want[1])
    else:
        assert lo == pytest.approx(want[2])


def test_half_in_an_idiom_is_no_share() -> None:
    assert _read("발표는 결국 절반의 사실로 판정됐다.") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("한국은행은 북한의 농림어업 생산이 1.5% 줄었다고 밝혔다.", ("other:nk_economy", -0.015)),
        ("북한 경제는 지난해 3.7% 성장했다고 한국은행이 밝혔다.", ("other:nk_economy", 0.037)),
        ("통일부는 북한의 대중 수출이 12% 감소했다고 밝혔다.", ("other:nk_economy", -0.12)),
    ],
)
def test_a_percentage_before_a_verb_of_change_is_a_growth_rate(text: str, want: tuple[str, float]) -> None:
    got = _read(text)
    assert got, text
    assert got[0][0] == want[0], got
    assert got[0][1] == pytest.approx(want[1]), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("통일부는 북한이 상반기 중국에서 들여온 사치품이 3천790만 달러어치라고 밝혔다.", "luxury_imports"),
        ("북한의 사치품 수입액은 지난해 4천만 달러를 넘었다.", "luxury_imports"),
        ("연구원은 특권층의 사치품 소비가 연간 2억 달러 규모라고 본다.", "other:luxury"),
    ],
)
def test_luxury_goods_bought_abroad_are_luxury_imports(text: str, want: str) -> None:
    got = _read(text)
    assert got, text
    assert got[0][0] == want, got


@pytest.mark.parametrize(
    "text",
    [
        "[KBC 라디오 930 뉴스] 북한군 사상자 6천 명",
        "[MBS 8시 뉴스] 북한군 사상자 6천 명",
        "[채널 24 리포트] 북한군 사상자 6천 명",
    ],
)
def test_a_number_in_a_bracketed_tag_is_no_figure(text: str) -> None:
    assert [v for _q, v, *_ in _read(text)] == [6000]
