"""The sixth Japanese and Chinese pass: its set (``tests/data/jazh_tune3``) holds its scores on both halves, and
each new mechanism is pinned by several phrasings in Japanese and Chinese (simplified and traditional).

Every sentence here was written for the project. Mechanisms: the basis of someone's arithmetic (以…计算,
…で計算すると) is no claim; hourly wages (時給, 时薪); a worker's take-home; construction sites are no troop
word; small CJK numerals before a counter of people or dispatches (九人, 分两批, 三回に分けて); the wounded sent
home (傷兵…送返); a headline's topic carried into paragraphs whose counts name no noun; sources that recur in
Japanese and Chinese copy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _benchmarks import load_benchmark
from helpers import foreign_claims

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "jazh_tune3"
#: Just below what the extractor reaches on each half (docs/extraction.md, sixth Japanese/Chinese pass).
HALF_MIN = {
    "tuning": {"core": 0.95, "recall": 0.93, "precision": 0.93, "speaker": 0.80},
    "held_out": {"core": 0.66, "recall": 0.80, "precision": 0.80, "speaker": 0.58},
}

Got = tuple[str, float | None, float | None, float | None]


def _read(text: str, lang: str) -> list[Got]:
    return [(c.quantity, c.value, c.low, c.high) for c in foreign_claims(text, lang)]


def _speakers(text: str, lang: str) -> list[str]:
    return [c.speaker for c in foreign_claims(text, lang)]


@pytest.mark.parametrize("half", ["tuning", "held_out"])
def test_set_halves_hold(half: str) -> None:
    mod = load_benchmark("eval_languages")
    split = json.loads((ROOT / "benchmarks" / "devset_split.json").read_text(encoding="utf-8"))["jazh_tune3"]
    m = mod.score(set(split[half]), None, SET)["all"]
    assert m["articles"] == 12
    got = {
        "core": m["found_core"] / m["gold_core"],
        "recall": m["found"] / m["gold"],
        "precision": m["right"] / m["predicted"],
        "speaker": m["speaker"] / m["found"],
    }
    for key, floor in HALF_MIN[half].items():
        assert got[key] >= floor, (half, key, got)


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("zh", "官员指出，以派遣约1.2万名士兵、每人每月2000美元计算，俄方每年需支付约2.9亿美元。", [290000000]),
        ("zh", "據估算，按每名士兵月薪2500美元、共1萬人計算，北韓每月可進帳約2500萬美元。", [25000000]),
        ("zh", "分析人士说，若以1.5万名士兵计算，朝鲜一年收入约3.6亿美元。", [360000000]),
        ("ja", "専門家は、兵士1万人に月2000ドルを支払うと仮定すると、年間2億4000万ドルになると述べた。", [240000000]),
        ("ja", "1人月2500ドル、1万2000人で計算すると、北朝鮮の収入は月3000万ドルに上る。", [30000000]),
    ],
)
def test_basis_of_arithmetic_is_no_claim(lang: str, text: str, want: list[float]) -> None:
    got = _read(text, lang)
    assert [v for _q, v, *_ in got] == want, got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ja", "ウクライナの情報機関によると、北朝鮮労働者の時給は3ドル程度だという。"),
        ("ja", "同局は、ドローン工場で働く労働者の時給を約2.5ドルと推計した。"),
        ("zh", "乌方称，这些朝鲜劳工的时薪约为3美元。"),
        ("zh", "據烏克蘭情報單位，北韓勞工時薪僅約2.5美元。"),
    ],
)
def test_hourly_wage_is_hourly(lang: str, text: str) -> None:
    got = _read(text, lang)
    assert [q for q, *_ in got] == ["overseas_worker_wage_hour"], got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ja", "脱出した労働者は「手元に残るのは月150ドルだけだった」と話した。"),
        ("ja", "北朝鮮労働者の手取りは月120ドルほどにすぎない。"),
        ("zh", "一名脱北劳工说，他每月实际拿到的只有150美元。"),
        ("zh", "北韓勞工每月實際拿到的工資不到200美元。"),
    ],
)
def test_worker_take_home_is_not_the_wage(lang: str, text: str) -> None:
    got = _read(text, lang)
    assert [q for q, *_ in got] == ["overseas_worker_take_home"], got


@pytest.mark.parametrize(
    "text",
    [
        "専門家は、ロシアの建設現場での月給は約900ドルだと分析している。",
        "ロシア極東の建設現場で働く北朝鮮人の月給は800ドル程度だという。",
        "関係者によると、建設会社が支払う月給は1人1200ドルほどだ。",
    ],
)
def test_construction_site_is_no_troop_word(text: str) -> None:
    got = _read(text, "ja")
    assert got
    assert all(q != "pay_per_soldier_month" for q, *_ in got), got


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("zh", "韩国国情院称，朝鲜已分两批向俄罗斯派兵。", ("other:deployment_waves", 2.0)),
        ("zh", "國情院指出，北韓先後分三批向俄國派遣兵力。", ("other:deployment_waves", 3.0)),
        ("ja", "国情院によると、北朝鮮は三回に分けて兵士を派遣した。", ("other:deployment_waves", 3.0)),
        ("zh", "朝中社说，该部队有九名官兵在排雷中牺牲。", ("casualties_killed", 9.0)),
        ("ja", "北朝鮮メディアは、地雷除去の任務で兵士七人が死亡したと伝えた。", ("casualties_killed", 7.0)),
    ],
)
def test_small_cjk_numerals_before_counters(lang: str, text: str, want: tuple[str, float]) -> None:
    got = _read(text, lang)
    assert [(q, v) for q, v, *_ in got] == [want], got


@pytest.mark.parametrize(
    "text",
    [
        "男性の一人は、一人当たりの配給が減ったと語った。",
        "二人当たり一部屋が割り当てられている。",
    ],
)
def test_per_person_is_no_small_count(text: str) -> None:
    assert _read(text, "ja") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "國情院指出，另有約1500名傷兵已被送返北韓。"),
        ("zh", "韩国国情院称，约1800名伤兵已被遣返朝鲜。"),
        ("zh", "情报机构估计，约1500名伤员被运回朝鲜治疗。"),
        ("ja", "国情院によると、負傷兵約1500人が北朝鮮へ送還された。"),
        ("ja", "韓国の情報機関は、負傷した兵士約1800人が帰国したとみている。"),
    ],
)
def test_wounded_sent_home(lang: str, text: str) -> None:
    got = _read(text, lang)
    assert [q for q, *_ in got] == ["other:wounded_repatriated"], got


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "ja",
            "北朝鮮のロシア派兵、その規模は\n\n国情院によると、昨年秋に約1万人、今年春に約2000人を送った。",
            ["troops_per_rotation", "troops_per_rotation"],
        ),
        (
            "ja",
            "＜解説＞北朝鮮兵の派遣\n\nＡ　韓国政府によると、今年1月に約3000人を送り、計1万3000人規模になった。",
            ["troops_per_rotation", "cumulative_troops"],
        ),
        (
            "zh",
            "朝鲜向俄派兵问答\n\n韩国国情院称，朝鲜去年秋季送去约1万人，累计约1.2万人。",
            ["troops_per_rotation", "cumulative_troops"],
        ),
    ],
)
def test_headline_topic_carries(lang: str, text: str, want: list[str]) -> None:
    got = _read(text, lang)
    assert [q for q, *_ in got] == want, got


def test_headline_topic_needs_a_troops_headline() -> None:
    text = "ロシア極東の建設現場\n\n関係者によると、昨年秋に約1万人、今年春に約2000人を送った。"
    assert all(not q.startswith(("troops", "cumulative")) for q, *_ in _read(text, "ja"))


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ja", "大韓貿易投資振興公社（KOTRA）によると、北朝鮮の貿易総額は約27億ドルだった。", "KOTRA"),
        ("ja", "統一研究院の研究委員は、労働者の月給は約1000ドルだと分析した。", "KINU"),
        ("zh", "據了解，國安人士評估北韓每年從派兵獲得逾3億美元。", "Taiwan national security officials"),
        ("zh", "弗里德里希·瑙曼基金会的报告估计，朝鲜提供的炮弹在500万发以上。", "Friedrich Naumann Foundation"),
        ("zh", "滨海边疆区政府表示，去年约有1500名俄罗斯游客赴朝，团费约1400美元。", "Primorsky Krai government"),
    ],
)
def test_recurring_sources_are_named(lang: str, text: str, want: str) -> None:
    got = _speakers(text, lang)
    assert got
    assert all(s == want for s in got), got


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ja", "元労働者によると、1日14時間以上働かされたという。", (None, 14.0, None)),
        ("ja", "同局によると、労働者は毎日12時間の勤務を強いられている。", (12.0, None, None)),
        ("zh", "乌方指出，这些劳工每天工作长达12小时。", (None, None, 12.0)),
        ("zh", "脫北勞工說，他們每天工作14小時以上。", (None, 14.0, None)),
    ],
)
def test_length_of_a_working_day(lang: str, text: str, want: tuple[float | None, ...]) -> None:
    got = _read(text, lang)
    assert [(q, v, lo, hi) for q, v, lo, hi in got] == [("other:hours_per_day", *want)], got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("関係者によると、遺族には30日分の食料が配られるだけだという。", ("other:days_equivalent", 30.0)),
        ("遺族に渡されたのは、わずか15日分のコメだった。", ("other:days_equivalent", 15.0)),
        ("その額は北朝鮮住民の6年分の食料に相当する。", ("other:years_equivalent", 6.0)),
    ],
)
def test_days_worth(text: str, want: tuple[str, float]) -> None:
    got = _read(text, "ja")
    assert [(q, v) for q, v, *_ in got] == [want], got


def test_clock_hours_are_no_working_day() -> None:
    assert _read("会談は14時間に及んだ。", "ja") == []
    assert _read("他每天下午3时开会。", "zh") == []
