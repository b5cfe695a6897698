"""The fifth CJK pass: its tuning set (``tests/data/cjk_tune2``) holds its scores, and each new mechanism
is pinned by several phrasings in Korean, Japanese and Chinese (simplified and traditional).

Every sentence here was written for the project. Mechanisms: a remainder glued after 천/千 ("4천700"),
the subject of a figure's clause owning its count ("우크라이나군도 …", "ウクライナ側も…", "俄羅斯目前…"),
counters of things ("300여 가구", "120門"), a headline's space ending a clause, workers' and take-home
shares, full-width ages, a take-home word before another number, and "웃돈다"/"밑돈다" as bounds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _benchmarks import load_benchmark
from troopledger.claims._foreign import extract_foreign
from troopledger.claims._numerals import cjk_number, find_figures
from troopledger.claims._packs import load_pack
from troopledger.sources import document_from_bytes

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "cjk_tune2"
#: Just below what the extractor reaches on the set (docs/extraction.md, fifth pass): it fails if a rule breaks.
SET_MIN = {"recall_core": 0.92, "precision": 0.90, "speaker": 0.78}

Got = tuple[str, float | None, float | None, float | None]


def _read(text: str, lang: str) -> list[Got]:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    return [(c.quantity, c.value, c.low, c.high) for c in extract_foreign(doc, lang)]


def test_tuning_set_scores_hold() -> None:
    mod = load_benchmark("eval_extraction")
    r = mod.evaluate_devset(SET)
    assert r["gold"] >= 80
    for key, floor in SET_MIN.items():
        assert r[key] >= floor, (key, r[key], r["problems"][:20])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4천700명", 4700),
        ("1천200명", 1200),
        ("2천800명가량", 2800),
        ("1만2천500명", 12500),
        ("1千500人", 1500),
        ("3천 500명", 3000),  # a spaced remainder after 천 is another number
        ("1만 2000명", 12000),
    ],
)
def test_glued_remainder_after_thousand(text: str, value: float) -> None:
    got = cjk_number(text, 0)
    assert got is not None
    assert got[0] == value


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ko", "그는 우크라이나군도 이 전선에 약 5만 명의 병력을 배치했다고 말했다.", "other:ukrainian_troops"),
        ("ko", "러시아군은 쿠르스크에 병력 7만 명을 두고 있다.", "other:russian_troops"),
        ("ko", "한국군은 해외에 병력 약 1천 명을 파견하고 있다.", "other:south_korean_troops"),
        ("ja", "ウクライナ側も兵士約2万人を同州に展開している。", "other:ukrainian_troops"),
        ("ja", "ロシア軍は同州に兵士約6万人を配置した。", "other:russian_troops"),
        ("zh", "俄羅斯目前在庫斯克州部署的兵力約為5萬人左右。", "other:russian_troops"),
        ("zh", "乌方也在该地区部署了约3万名士兵。", "other:ukrainian_troops"),
        ("zh", "南韓在海外執行任務的部隊共約1000人。", "other:south_korean_troops"),
    ],
)
def test_clause_subject_owns_the_count(lang: str, text: str, want: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == [want]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "러시아는 북한군 1만 명을 쿠르스크에 배치했다."),
        ("ko", "러시아에 파견된 북한군 1만 명이 쿠르스크에 머물고 있다."),
        ("ja", "ロシアは北朝鮮兵約1万人を前線に配置した。"),
        ("zh", "朝鲜向俄罗斯部署了约1万名士兵。"),
        ("zh", "俄羅斯目前在庫斯克州部署了約1萬名北韓士兵。"),
    ],
)
def test_north_korean_troops_stay_north_korean(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["troops_deployed"]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ko", "행사에 전사자 유가족 300여 가구가 초청됐다.", "other:households"),
        ("ko", "북한군 사망자 가족 200가구에 주택이 배정됐다.", "other:households"),
        ("ja", "戦死者の遺族300世帯が招かれた。", "other:households"),
        ("zh", "朝鲜还向俄罗斯提供了约120门170毫米自行火炮。", "other:guns"),
        ("ja", "北朝鮮は自走砲約120門を引き渡した。", "other:guns"),
        ("zh", "阵亡士兵家属约300户获得住房。", "other:households"),
    ],
)
def test_counters_of_things_are_not_people(lang: str, text: str, want: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == [want]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("zh", "澤倫斯基：逾300名北韓士兵陣亡 2人被俘", ["casualties_killed", "other:pows_captured"]),
        ("zh", "北韓再派3000餘名士兵赴俄 傷亡逾4700人", ["troops_per_rotation", "casualties_total"]),
        ("zh", "朝鲜再派3000名士兵 伤亡超过4700人", ["troops_per_rotation", "casualties_total"]),
        ("ja", "北朝鮮兵3000人を追加派遣 死傷者は4700人超", ["troops_per_rotation", "casualties_total"]),
    ],
)
def test_headline_space_ends_a_clause(lang: str, text: str, want: list[str]) -> None:
    assert [q for q, *_ in _read(text, lang)] == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ko", "노동자들의 월급은 800달러 수준이지만 90%가량을 당국이 가져간다.", "other:worker_state_share"),
        ("zh", "朝鲜工人月薪约800美元，但其中七成要上交朝鲜当局。", "other:worker_state_share"),
        ("ja", "労働者の月給は800ドルだが、7割を当局が吸い上げる。", "other:worker_state_share"),
        ("zh", "俄方每月支付2000美元，北韓士兵實際拿到的不到兩成。", "other:soldier_take_home_share"),
        ("ja", "月2000ドルが支払われるが、兵士の手元に残るのは1割程度だ。", "other:soldier_take_home_share"),
    ],
)
def test_whose_share(lang: str, text: str, want: str) -> None:
    shares = [q for q, *_ in _read(text, lang) if "share" in q]
    assert shares == [want]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "매달 2천~2천500달러를 주지만 병사 본인이 손에 쥐는 돈은 100달러도 안 된다."),
        ("ko", "병사에게 월 2천 달러가 지급되지만 손에 쥐는 돈은 월 100달러에 그친다."),
        ("zh", "俄方每月向北韩士兵支付2000美元，但士兵实际拿到的只有100美元。"),
    ],
)
def test_take_home_word_belongs_to_the_later_number(lang: str, text: str) -> None:
    got = [q for q, *_ in _read(text, lang)]
    assert got == ["pay_per_soldier_month", "soldier_take_home"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ja", "北朝鮮の金正恩総書記（41）は先月、遺族と面会した。"),
        ("zh", "金正恩（41）上月会见了阵亡士兵家属。"),
        ("ko", "단체 대표 최영철(58) 씨는 기자회견을 열었다."),
    ],
)
def test_ages_in_brackets_are_no_figures(lang: str, text: str) -> None:
    assert find_figures(text, load_pack(lang)) == []


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("러시아군 사망자는 4만 명을 웃돈다고 주장했다.", "low"),
        ("러시아군 사망자가 4만 명을 웃돌았다.", "low"),
        ("러시아군 사망자가 4만 명을 웃도는 것으로 추정된다.", "low"),
        ("러시아군 사망자는 4만 명을 밑돈다고 밝혔다.", "high"),
    ],
)
def test_korean_bound_verbs_in_every_form(text: str, side: str) -> None:
    (got,) = _read(text, "ko")
    assert got[0] == "other:russian_killed"
    assert (got[2] if side == "low" else got[3]) == 40000


# --- batches 2 and 3 of the set: the mechanisms their first reading showed missing ---


@pytest.mark.parametrize(
    ("text", "value"),
    [("1천200만 발", 12e6), ("5억 1천200만", 512e6), ("3千500億円", 350e9), ("1200万発", 12e6), ("2천만", 2e7)],
)
def test_group_of_thousands_before_a_bigger_unit(text: str, value: float) -> None:
    got = cjk_number(text, 0)
    assert got is not None
    assert got[0] == value


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ko", "北, 공병 1천여 명 추가 파견…전사자 2천 명 넘어", ["troops_per_rotation", "casualties_killed"]),
        ("ko", "북한군 3천 명 추가 투입…사상자 4천 명 웃돌아", ["troops_per_rotation", "casualties_total"]),
        ("zh", "目前仍有约1.1万名朝鲜士兵驻扎在当地，死亡人数至少2000人。", ["troops_deployed", "casualties_killed"]),
        (
            "ja",
            "北朝鮮兵およそ1万1千人が駐留し、死者は少なくとも2000人に上る。",
            ["troops_deployed", "casualties_killed"],
        ),
        (
            "ko",
            "북한군 약 1만1천 명이 주둔하고 있으며, 전사자는 최소 2천 명이다.",
            ["troops_deployed", "casualties_killed"],
        ),
    ],
)
def test_each_clause_keeps_its_own_words(lang: str, text: str, want: list[str]) -> None:
    assert [q for q, *_ in _read(text, lang)] == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("zh", "陣亡士兵家屬的撫卹金最多約1萬5000美元。", ("death_compensation", None, None, 15000)),
        ("ko", "북한군 최소 약 2천 명이 숨졌다.", ("casualties_killed", None, 2000, None)),
        ("ja", "北朝鮮兵少なくとも約2000人が死亡した。", ("casualties_killed", None, 2000, None)),
    ],
)
def test_bound_word_before_an_approximation(lang: str, text: str, want: Got) -> None:
    assert _read(text, lang) == [want]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "북한은 파병과 무기 수출로 최대 200억 달러를 벌어들였다."),
        ("zh", "朝鲜通过派兵和武器出口最多获得200亿美元。"),
        ("ja", "北朝鮮は派兵と武器輸出で最大200億ドルを得た。"),
    ],
)
def test_arms_exports_with_troops_are_revenue(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["total_revenue_to_nk"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "러시아가 병사들에게 지급하는 돈의 80% 이상이 노동당으로 흘러간다."),
        ("zh", "俄方支付给士兵的钱有80%以上流入了朝鲜劳动党。"),
        ("ja", "ロシアが兵士に支払う金の8割以上が労働党に流れている。"),
    ],
)
def test_the_party_takes_the_state_share(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["state_share_of_pay"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "북한은 그동안 2차례에 걸쳐 모두 1만5천여 명을 보냈다."),
        ("ja", "北朝鮮はこれまで2回に分けて計約1万5千人を派遣した。"),
        ("zh", "朝鲜已分2批向俄派兵共约1.5万人。"),
    ],
)
def test_a_count_of_dispatches_is_a_claim(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["other:deployment_waves", "cumulative_troops"]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "ko",
            "북한이 병력 3천명 가량을 추가로 투입해 전체 파병 규모가 1만5천명에 육박한다.",
            ["troops_per_rotation", "cumulative_troops"],
        ),
        ("ko", "이번에 추가 파병된 인원까지 합쳐 현재 러시아 내에 1만1천여명이 있다.", ["troops_deployed"]),
        (
            "ja",
            "北朝鮮は兵士3000人を追加で送り込み、派遣規模は累計1万5000人に迫る。",
            ["troops_per_rotation", "cumulative_troops"],
        ),
        ("zh", "朝鲜增派之后累计派兵约1.5万人。", ["cumulative_troops"]),
    ],
)
def test_a_nearer_total_or_stock_word_shadows_a_wave_word(lang: str, text: str, want: list[str]) -> None:
    assert [q for q, *_ in _read(text, lang)] == want


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "북한 노동자 1명이 한 달에 600~800달러를 벌지만, 이 가운데 최소 70%는 당국에 상납된다."),
        ("zh", "朝鲜工人每月能挣600至800美元，其中至少七成上交当局。"),
    ],
)
def test_workers_earnings_and_the_state_share(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["overseas_worker_wage_month", "other:worker_state_share"]


@pytest.mark.parametrize(
    "text",
    [
        "러시아 극동 지역의 북한 노동자가 최대 2만 명까지 늘어날 수 있다.",
        "북한 노동자가 최대 2만 명까지 증가할 전망이다.",
    ],
)
def test_a_projected_level_is_a_value(text: str) -> None:
    (got,) = _read(text, "ko")
    assert got[1:] == (20000, None, None)


def test_exchange_rate_and_north_korean_won_named_after() -> None:
    assert _read("북한 원화 환율은 현재 1달러에 2만 원 선이다.", "ko") == []
    doc = document_from_bytes("전사자 가족에게 현금 5백만원(북한 돈)이 지급됐다.".encode(), "p.txt", outlet="T")
    assert [c.currency for c in extract_foreign(doc, "ko")] == ["KPW"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "전사자 가족에게는 1인당 쌀 100㎏이 배급됐다."),
        ("ja", "戦死者の家族には米100キロが配られた。"),
        ("zh", "阵亡士兵家属每户领到大米100公斤。"),
    ],
)
def test_kilograms_are_not_people(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["other:kilograms"]


# --- batches 4 and 5 ---


@pytest.mark.parametrize(
    ("text", "value"),
    [("천여 명 규모의 병력을 보낼 준비", 1000), ("만여 명의 병력이 주둔한다", 10000)],
)
def test_korean_unit_alone_with_odd(text: str, value: float) -> None:
    assert [f.value for f in find_figures(text, load_pack("ko"))] == [value]


def test_vague_thousands_are_no_figure() -> None:
    assert find_figures("수천 명이 전투에 투입됐다", load_pack("ko")) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "정부 추산으로는 최소 4천여 명이 죽거나 다쳤다."),
        ("ko", "북한군 4천여 명이 죽거나 다친 것으로 집계됐다."),
    ],
)
def test_dying_or_wounded_is_casualties(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["casualties_total"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "러시아가 북한군을 포함해 쿠르스크에 약 5만 명의 병력을 집결시켰다."),
        ("ja", "ロシアは北朝鮮兵を含めて約5万人の部隊をクルスク州に集結させている。"),
        ("zh", "俄军包括朝鲜士兵在内在库尔斯克集结了约5万名兵力。"),
    ],
)
def test_a_force_including_north_koreans_is_joint(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["other:joint_troops"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "정부는 개인 6명과 기관 3곳을 제재 대상으로 지정했다."),
        ("ja", "政府は北朝鮮の3社を制裁対象に指定した。"),
    ],
)
def test_entities_are_not_troops(lang: str, text: str) -> None:
    assert not [q for q, *_ in _read(text, lang) if q.startswith("troops") or q.startswith("cumulative")]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ko", "후속 부대 파견으로 쿠르스크 일대 북한군 규모를 1만명 이상으로 유지하려 한다.", "troops_deployed"),
        ("ko", "북한이 추가로 병력 1만 명을 배치했다.", "troops_per_rotation"),
        ("ja", "北朝鮮は先月中旬、交代要員2000人余りをロシアに送った。", "troops_per_rotation"),
        ("ko", "북한은 교대 병력 2천여명을 러시아로 보냈다.", "troops_per_rotation"),
    ],
)
def test_wave_words_and_the_figures_own_verb(lang: str, text: str, want: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == [want]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "병사 1인당 월 2천 달러 가운데 본인 손에 들어가는 돈이 200달러에도 못 미친다."),
        ("ko", "병사 1인당 월 2천 달러 가운데 본인 몫은 200달러에 못 미칠 것으로 보인다."),
    ],
)
def test_take_home_below_a_ceiling(lang: str, text: str) -> None:
    assert _read(text, lang)[-1] == ("soldier_take_home", None, None, 200)


def test_ten_million_shells_in_numerals() -> None:
    assert [f.value for f in find_figures("近千萬發砲彈", load_pack("zh"))] == [1e7]


# --- batch 6 ---


@pytest.mark.parametrize(("text", "value"), [("2천4백만달러", 24e6), ("3천5백억 원", 3.5e11), ("4천7백명", 4700)])
def test_hundreds_inside_a_group(text: str, value: float) -> None:
    got = cjk_number(text, 0)
    assert got is not None
    assert got[0] == value


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("ko", "파병 북한군 10명 중 4명꼴로 사상", 40.0),
        ("ja", "北朝鮮兵の10人に3人が死傷した", 30.0),
        ("zh", "每10人中就有4人伤亡", 40.0),
    ],
)
def test_m_in_n_people_is_a_share(lang: str, text: str, value: float) -> None:
    assert [(f.value, f.percent) for f in find_figures(text, load_pack(lang))] == [(value, True)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "러 계약병 월급 20만 루블…北 병사는 '빈손'"),
        ("ko", "러시아 계약병은 월 20만 루블을 받는다."),
    ],
)
def test_north_korea_of_another_clause_leaves_russian_pay(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["other:russian_pay"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("ja", "ロシア軍の死傷者はこの2倍以上に達する。"), ("ko", "러시아군 사상자는 이보다 2배 이상 많다.")],
)
def test_a_multiple_with_a_bound(lang: str, text: str) -> None:
    assert _read(text, lang) == [("other:ratio", None, 2, None)]
