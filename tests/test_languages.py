"""Reading articles in eleven languages through the language packs (test articles written for the project)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from troopledger.claims import extract_claims, identify_language, unread_note
from troopledger.claims._language import passages
from troopledger.sources import document_from_bytes

DATA = Path(__file__).parent / "data" / "languages"

#: The same five facts told in every test article: the force in theatre, casualties (a floor),
#: the killed (a floor), a planned wave of sappers, and the monthly pay (Ukrainian and Chinese omit the pay).
_FACTS = [
    ("troops_deployed", 9000, None, None),
    ("casualties_total", None, 2500, None),
    ("casualties_killed", None, 400, None),
    ("troops_per_rotation", 3000, None, None),
    ("pay_per_soldier_month", 1800, None, None),
]
_SPEAKER = {"uk": "Ukraine GUR"}


def _read(lang: str) -> list[tuple[str, float | None, float | None, float | None]]:
    doc = document_from_bytes((DATA / f"{lang}.txt").read_bytes(), f"{lang}.txt", outlet="Test Wire")
    claims = extract_claims(doc)
    assert {c.speaker for c in claims} == {_SPEAKER.get(lang, "South Korea NIS")}
    assert all(c.hedge for c in claims)
    return [(c.quantity, c.value, c.low, c.high) for c in claims]


@pytest.mark.parametrize("lang", ["ko", "ru", "uk", "ja", "zh", "de", "fr", "es", "pt", "pl", "it"])
def test_each_language_reads_the_same_facts(lang: str) -> None:
    want = [f for f in _FACTS if lang not in ("uk", "zh") or f[0] != "pay_per_soldier_month"]
    if lang == "ko":  # "2500여 명": an approximation word, so a value with its hedge, not a floor
        want[1] = ("casualties_total", 2500, None, None)
    assert _read(lang) == want


def test_uk_reads_a_floor_from_a_verb_of_exceeding_in_past_tense() -> None:
    doc = document_from_bytes((DATA / "uk.txt").read_bytes(), "uk.txt", outlet="Test Wire")
    floor = next(c for c in extract_claims(doc) if c.quantity == "casualties_total")
    assert floor.hedge == "more than"
    assert "перевищили" in floor.note
    assert floor.low == 2500


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Geheimdienst teilte mit, dass die Soldaten seit Monaten an der Front sind und nicht zurückkehren.", "de"),
        ("Le service a indiqué que les soldats sont sur le front depuis des mois et qu'ils ne rentrent pas.", "fr"),
        ("El servicio dijo que los soldados están en el frente desde hace meses y que no regresan a casa.", "es"),
        ("O serviço disse que os soldados estão na frente há meses e que não voltam para casa tão cedo.", "pt"),
        ("Il servizio ha detto che i soldati sono al fronte da mesi e che non tornano a casa per ora.", "it"),
        ("Służba poinformowała, że żołnierze są na froncie od miesięcy i nie wracają do domu na razie.", "pl"),
        ("Служба сообщила, что солдаты уже несколько месяцев на фронте и не возвращаются домой.", "ru"),
        ("Служба повідомила, що солдати вже кілька місяців на фронті й не повертаються додому.", "uk"),
        ("정보기관은 병사들이 몇 달째 전선에 있으며 귀국하지 않고 있다고 밝혔다.", "ko"),
        ("情報機関は、兵士たちが数か月前から前線にいて帰国していないと明らかにした。", "ja"),
        ("情报机构表示，这些士兵几个月来一直在前线，没有回国。", "zh"),
        ("The agency said the soldiers have been at the front for months and are not going home.", "en"),
        ("Moscow pays no less than $2,000 a month per soldier, officials said.", "en"),
    ],
)
def test_language_identification(text: str, lang: str) -> None:
    assert identify_language(text) == lang


def test_passages_of_a_mixed_page_take_their_own_language() -> None:
    english = "The agency said the soldiers have been at the front for months and are not going home to their families."
    chinese = "情报机构表示，这些士兵几个月来一直在前线，没有回国，也没有和家人联系过，情况仍然不明朗。"
    text = f"{chinese}\n{english}\n{chinese}"
    assert [lang for _s, _e, lang in passages(text, "zh")] == ["zh", "en", "zh"]


def test_an_article_with_numbers_but_no_claim_says_so() -> None:
    doc = document_from_bytes("2025年3月4日 10:20\n会議は午前中に開かれた。\n".encode(), "a.txt", outlet="Test Wire")
    claims = extract_claims(doc)
    assert claims == []
    assert "Japanese" in unread_note(doc, claims)
    english = document_from_bytes(b"No numbers here at all.", "b.txt", outlet="Test Wire")
    assert unread_note(english, extract_claims(english)) == ""


def test_korean_money_is_not_a_count_and_conversions_are_not_claims() -> None:
    text = "국정원은 북한이 파병 대가로 월 2억 달러(약 2800억 원)를 받는다고 밝혔다. 병사들은 2억 원을 받지 못했다."
    claims = extract_claims(document_from_bytes(text.encode(), "k.txt", outlet="Test Wire", date="2025-05-01"))
    assert [c.quantity for c in claims] == ["total_revenue_to_nk", "other:amount"]
    assert claims[0].value == 2e8
    assert claims[0].unit == "USD/month"
    assert claims[1].currency == "KRW"
    assert not claims[1].quantity.startswith("casualties")


def test_an_english_article_loads_no_language_pack() -> None:
    code = (
        "from troopledger.claims import extract_claims; from troopledger.sources import document_from_bytes;"
        "import sys; extract_claims(document_from_bytes(b'About 11,000 North Korean troops are in Kursk,"
        " officials said.', 'a.txt', outlet='Wire'));"
        "from troopledger.claims._packs import load_pack; print(load_pack.cache_info().currsize,"
        " 'troopledger.claims._foreign' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "False"]  # the English pack's function words only


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "По данным ГУР, в боях погибли 450 северокорейских военных, ещё около 1,2 тыс. получили ранения.",
            [("casualties_killed", 450, None, None), ("casualties_wounded", 1200, None, None)],
        ),
        (
            "Разведка оценивает численность контингента КНДР в России от 10 до 12 тыс. человек.",
            [("troops_per_rotation", None, 10000, 12000)],
        ),
        (
            "В общей сложности КНДР перебросила на российскую территорию около 15 тысяч военнослужащих.",
            [("cumulative_troops", 15000, None, None)],
        ),
        (
            "За даними розвідки, у Курській області воюють від 11 до 12 тисяч військових з КНДР.",
            [("troops_deployed", None, 11000, 12000)],
        ),
        (
            "국정원은 북한군 1만1천명 가운데 사망자가 약 600명이라고 밝혔다.",
            [("troops_deployed", 11000, None, None), ("casualties_killed", 600, None, None)],
        ),
        ("북한은 지난달 병력 3천여명을 추가 파병한 것으로 알려졌다.", [("troops_per_rotation", 3000, None, None)]),
        (
            "北朝鮮兵のうち約600人が死亡し、約3400人が負傷したという。",
            [("casualties_killed", 600, None, None), ("casualties_wounded", 3400, None, None)],
        ),
        ("北朝鮮は兵士1万1000人から1万2000人をロシアに派遣した。", [("troops_deployed", None, 11000, 12000)]),
        ("据估计，约有4000名朝鲜士兵伤亡。", [("casualties_total", 4000, None, None)]),
        ("朝鲜已向俄罗斯派遣了大约1.1万名士兵。", [("troops_deployed", 11000, None, None)]),
        (
            "Nach Schätzungen Kiews sind rund 4.000 nordkoreanische Soldaten gefallen oder verwundet worden.",
            [("casualties_total", 4000, None, None)],
        ),
        (
            "Kiev estime que 4 000 soldats nord-coréens ont été tués ou blessés depuis janvier.",
            [("casualties_total", 4000, None, None)],
        ),
        (
            "Entre 10.000 y 12.000 soldados norcoreanos combaten en Kursk, según Seúl.",
            [("troops_deployed", None, 10000, 12000)],
        ),
        (
            "Według Kijowa zginęło lub zostało rannych około 4 tys. żołnierzy z Korei Północnej.",
            [("casualties_total", 4000, None, None)],
        ),
    ],
)
def test_paraphrases_in_other_languages(
    text: str, want: list[tuple[str, float | None, float | None, float | None]]
) -> None:
    claims = extract_claims(document_from_bytes(text.encode(), "p.txt", outlet="Test Wire"))
    assert [(c.quantity, c.value, c.low, c.high) for c in claims] == want


@pytest.mark.parametrize(
    ("name", "want"),
    [
        (
            "ko_page",
            [
                ("casualties_total", None, 3000, None),
                ("casualties_total", None, 3000, None),
                ("cumulative_troops", 11000, None, None),
                ("casualties_killed", 300, None, None),
                ("total_revenue_to_nk", None, None, 6e8),
            ],
        ),
        (
            "ja_page",
            [
                ("casualties_total", None, 4000, None),
                ("casualties_total", None, 4000, None),
                ("cumulative_troops", 14000, None, None),
                ("total_revenue_to_nk", None, None, 6e8),
            ],
        ),
        (
            "ru_page",
            [
                ("casualties_total", None, 4000, None),
                ("casualties_total", None, 4000, None),
                ("cumulative_troops", 14000, None, None),
                ("total_revenue_to_nk", None, None, 6e8),
            ],
        ),
    ],
)
def test_pages_with_site_chrome_give_only_the_article_figures(
    name: str, want: list[tuple[str, float | None, float | None, float | None]]
) -> None:
    # view counts, comment counts, timestamps, likes and copyright years around the article are not figures
    doc = document_from_bytes((DATA / f"{name}.txt").read_bytes(), f"{name}.txt", outlet="Test Wire")
    claims = extract_claims(doc)
    assert [(c.quantity, c.value, c.low, c.high) for c in claims] == want
    assert all(c.unit == "USD/year" for c in claims if c.quantity == "total_revenue_to_nk")


#: Two sentences per language: a running total "since October" and a monthly sum (tests/data/languages/since_*.txt).
_SINCE_AND_MONEY = ["uk", "pt", "it", "pl", "es", "de", "fr", "ja", "zh"]


@pytest.mark.parametrize("lang", _SINCE_AND_MONEY)
def test_running_totals_since_a_month_and_monthly_revenue(lang: str) -> None:
    data = (DATA / f"since_{lang}.txt").read_bytes()
    claims = extract_claims(document_from_bytes(data, "p.txt", outlet="Test Wire"))
    got = [(c.quantity, c.value, c.unit) for c in claims]
    if lang == "uk":
        assert got == [("total_revenue_to_nk", 2e7, "USD/month"), ("pay_per_soldier_month", 2000, "USD/month")]
    else:
        assert got == [("cumulative_troops", 15000, "persons"), ("total_revenue_to_nk", 2e7, "USD/month")]
    assert {c.speaker for c in claims} == {"Ukraine GUR" if lang == "uk" else "South Korea NIS"}


def test_an_english_paragraph_of_a_chinese_page_is_read_by_the_english_rules() -> None:
    chinese = "韩国国家情报院表示，目前约有9000名朝鲜士兵驻扎在库尔斯克州，其中部分部队已经轮换回国。"
    english = (
        "South Korea's National Intelligence Service told lawmakers on Tuesday that more than 600 North Korean "
        "soldiers have been killed in the fighting, and that Pyongyang is preparing to send another 3,000 "
        "troops to the front lines in the coming weeks, according to a lawmaker who attended the closed briefing."
    )
    text = f"{chinese}\n\n{english}\n"
    doc = document_from_bytes(text.encode(), "mixed.txt", outlet="Test Wire")
    claims = extract_claims(doc)
    got = [(c.quantity, c.value, c.low) for c in claims]
    assert got == [
        ("troops_deployed", 9000, None),
        ("casualties_killed", None, 600),
        ("troops_per_rotation", 3000, None),
    ]
    assert all(c.span is not None and doc.text[c.span[0] : c.span[1]].strip() for c in claims)
    assert claims[1].span is not None
    assert claims[1].span[0] >= text.index("South Korea")
    assert len({c.id for c in claims}) == 3
