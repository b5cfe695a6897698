"""Paraphrase suite for the pack-driven reader: several phrasings per fact, written for these tests, in 11 languages.

Every rule added to a language pack or to ``claims/_cues.py`` must keep these passing: each sentence
says one figure in words no dev-set article uses (bounds before and after, casualty verbs before and
after the noun, waves, running totals, stocks, "losses amount to N men", pay per month, speakers).
"""

from __future__ import annotations

import pytest

from troopledger.claims._foreign import extract_foreign
from troopledger.sources import document_from_bytes

Want = tuple[str, float | None, float | None, float | None]

#: (sentence, the one claim it holds) per language
_FIGURES = {
    "ru": [
        (
            "По оценке западных аналитиков, под Курском погибли уже свыше 1 200 военнослужащих из Северной Кореи.",
            ("casualties_killed", None, 1200, None),
        ),
        ("Пхеньян готовит отправку ещё 6 тысяч бойцов в ближайшие недели.", ("troops_per_rotation", 6000, None, None)),
        ("Всего за год в Россию прибыли около 14 тысяч солдат из КНДР.", ("cumulative_troops", 14000, None, None)),
        (
            "Сейчас в Курской области находятся примерно 11 000 северокорейских военных.",
            ("troops_deployed", 11000, None, None),
        ),
        ("Ранения получили до 2700 военных КНДР.", ("casualties_wounded", None, None, 2700)),
    ],
    "uk": [
        (
            "За даними розвідки, понад 4 тисячі військових КНДР були вбиті або поранені.",
            ("casualties_total", None, 4000, None),
        ),
        ("КНДР може надіслати ще 5000 солдатів найближчим часом.", ("troops_per_rotation", 5000, None, None)),
        (
            "Наразі на території Курщини перебувають близько 12 тисяч військових КНДР.",
            ("troops_deployed", 12000, None, None),
        ),
        ("Загалом Пхеньян відправив до Росії 15 тисяч бійців.", ("cumulative_troops", 15000, None, None)),
        ("У боях загинули щонайменше 300 солдатів КНДР.", ("casualties_killed", None, 300, None)),
    ],
    "de": [
        (
            "Nach Einschätzung westlicher Dienste sind inzwischen mehr als 1.500 nordkoreanische Soldaten gefallen.",
            ("casualties_killed", None, 1500, None),
        ),
        ("Pjöngjang will weitere 3.000 Soldaten an die Front schicken.", ("troops_per_rotation", 3000, None, None)),
        (
            "Derzeit sind rund 11.000 Nordkoreaner in der Region Kursk im Einsatz.",
            ("troops_deployed", 11000, None, None),
        ),
        ("Insgesamt hat Nordkorea etwa 14.000 Militärangehörige entsandt.", ("cumulative_troops", 14000, None, None)),
        ("Bis zu 2.000 Kämpfer wurden verwundet.", ("casualties_wounded", None, None, 2000)),
    ],
    "fr": [
        (
            "Selon le renseignement sud-coréen, plus de 600 soldats nord-coréens ont été tués au combat.",
            ("casualties_killed", None, 600, None),
        ),
        ("Pyongyang prévoit d'envoyer 3 000 militaires supplémentaires.", ("troops_per_rotation", 3000, None, None)),
        (
            "Environ 11 000 soldats nord-coréens se trouvent actuellement dans la région de Koursk.",
            ("troops_deployed", 11000, None, None),
        ),
        ("Au total, près de 15 000 hommes ont été dépêchés en Russie.", ("cumulative_troops", 15000, None, None)),
        ("Jusqu'à 2 500 combattants auraient été blessés.", ("casualties_wounded", None, None, 2500)),
    ],
    "es": [
        (
            "Según la inteligencia surcoreana, más de 600 soldados norcoreanos han muerto en combate.",
            ("casualties_killed", None, 600, None),
        ),
        ("Pyongyang enviará otros 3.000 efectivos en las próximas semanas.", ("troops_per_rotation", 3000, None, None)),
        (
            "Actualmente hay unos 11.000 militares norcoreanos desplegados en Kursk.",
            ("troops_deployed", 11000, None, None),
        ),
        (
            "En total, Corea del Norte ha mandado cerca de 15.000 soldados a Rusia.",
            ("cumulative_troops", 15000, None, None),
        ),
        ("Hasta 2.500 combatientes resultaron heridos.", ("casualties_wounded", None, None, 2500)),
    ],
    "it": [
        (
            "Secondo l'intelligence sudcoreana, oltre 600 soldati nordcoreani sono stati uccisi.",
            ("casualties_killed", None, 600, None),
        ),
        ("Pyongyang invierà altri 3.000 militari nelle prossime settimane.", ("troops_per_rotation", 3000, None, None)),
        (
            "Attualmente circa 11.000 soldati nordcoreani si trovano nella regione di Kursk.",
            ("troops_deployed", 11000, None, None),
        ),
        (
            "In totale la Corea del Nord ha mandato quasi 15.000 uomini in Russia.",
            ("cumulative_troops", 15000, None, None),
        ),
        ("Fino a 2.500 combattenti sarebbero rimasti feriti.", ("casualties_wounded", None, None, 2500)),
    ],
    "pt": [
        (
            "Segundo a inteligência sul-coreana, mais de 600 soldados norte-coreanos morreram em combate.",
            ("casualties_killed", None, 600, None),
        ),
        ("Pyongyang enviará outros 3.000 militares nas próximas semanas.", ("troops_per_rotation", 3000, None, None)),
        ("Atualmente cerca de 11.000 soldados norte-coreanos estão em Kursk.", ("troops_deployed", 11000, None, None)),
        (
            "No total, a Coreia do Norte mandou quase 15.000 homens para a Rússia.",
            ("cumulative_troops", 15000, None, None),
        ),
        ("Até 2.500 combatentes ficaram feridos.", ("casualties_wounded", None, None, 2500)),
    ],
    "pl": [
        (
            "Według wywiadu Korei Południowej zginęło już ponad 600 żołnierzy z Korei Północnej.",
            ("casualties_killed", None, 600, None),
        ),
        (
            "Pjongjang wyśle kolejne 3 tys. żołnierzy w najbliższych tygodniach.",
            ("troops_per_rotation", 3000, None, None),
        ),
        (
            "Obecnie w obwodzie kurskim przebywa około 11 tys. północnokoreańskich żołnierzy.",
            ("troops_deployed", 11000, None, None),
        ),
        (
            "Łącznie Korea Północna wysłała do Rosji blisko 15 tys. wojskowych.",
            ("cumulative_troops", 15000, None, None),
        ),
        ("Rannych zostało do 2500 żołnierzy.", ("casualties_wounded", None, None, 2500)),
    ],
    "ko": [
        ("국정원은 북한군 사망자가 600명을 넘어섰다고 밝혔다.", ("casualties_killed", None, 600, None)),
        ("북한은 조만간 병력 3천 명을 추가로 보낼 계획이다.", ("troops_per_rotation", 3000, None, None)),
        ("현재 쿠르스크 지역에는 북한군 약 1만 1천 명이 주둔하고 있다.", ("troops_deployed", 11000, None, None)),
        ("지금까지 러시아에 보낸 북한 병력은 모두 1만 5천여 명에 이른다.", ("cumulative_troops", 15000, None, None)),
        ("북한군 부상자는 최대 2500명으로 추정된다.", ("casualties_wounded", None, None, 2500)),
    ],
    "ja": [
        ("韓国の国家情報院によると、北朝鮮兵の死者は600人を超えた。", ("casualties_killed", None, 600, None)),
        ("北朝鮮は近く兵士3000人を追加で派遣する見通しだ。", ("troops_per_rotation", 3000, None, None)),
        ("現在、クルスク州には北朝鮮兵約1万1000人が駐留している。", ("troops_deployed", 11000, None, None)),
        ("これまでにロシアへ送られた北朝鮮兵は累計で1万5000人に上る。", ("cumulative_troops", 15000, None, None)),
        ("負傷者は最大2500人に達したとみられる。", ("casualties_wounded", None, None, 2500)),
    ],
    "zh": [
        ("据韩国国家情报院称，朝鲜士兵阵亡人数已超过600人。", ("casualties_killed", None, 600, None)),
        ("朝鲜计划再向俄罗斯增派3000名士兵。", ("troops_per_rotation", 3000, None, None)),
        ("目前约有1.1万名朝鲜士兵驻扎在库尔斯克州。", ("troops_deployed", 11000, None, None)),
        ("朝鲜累计已向俄罗斯派出约1.5万名军人。", ("cumulative_troops", 15000, None, None)),
        ("受伤的朝鲜士兵最多达2500人。", ("casualties_wounded", None, None, 2500)),
    ],
}

#: (sentence, claims, speaker or None) per language
_AMOUNTS_AND_SPEAKERS = {
    "ru": [
        (
            "Как сообщила южнокорейская разведка, Россия платит за каждого северокорейского солдата "
            "около 2 тысяч долларов в месяц.",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        (
            "Потери северокорейского контингента составили порядка 4 тыс. человек убитыми и ранеными.",
            [("casualties_total", 4000, None, None)],
            None,
        ),
        (
            "Ежегодно Пхеньян зарабатывает на этом не менее 500 млн долларов.",
            [("total_revenue_to_nk", None, 5e8, None)],
            None,
        ),
        (
            "Российская армия с начала войны потеряла более 600 тысяч военнослужащих.",
            [("other:russian_casualties", None, 600000, None)],
            None,
        ),
    ],
    "uk": [
        (
            "Як повідомило ГУР, Пхеньян отримує за кожного бійця близько 2 тисяч доларів щомісяця.",
            [("pay_per_soldier_month", 2000, None, None)],
            "Ukraine GUR",
        ),
        (
            "Втрати контингенту КНДР сягнули 4 тисяч осіб.",
            [("casualties_total", 4000, None, None)],
            None,
        ),
        ("Ще 3 тисячі військових КНДР прибудуть на фронт навесні.", [("troops_per_rotation", 3000, None, None)], None),
    ],
    "de": [
        (
            "Laut dem südkoreanischen Geheimdienst zahlt Moskau pro Soldat etwa 2.000 Dollar im Monat.",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        (
            "Die Verluste der nordkoreanischen Truppen belaufen sich auf rund 4.000 Mann.",
            [("casualties_total", 4000, None, None)],
            None,
        ),
        (
            "Die Zahl der nordkoreanischen Gefallenen liegt bei mindestens 600.",
            [("casualties_killed", None, 600, None)],
            None,
        ),
    ],
    "fr": [
        (
            "D'après les services de renseignement sud-coréens, Moscou verse environ 2 000 dollars "
            "par mois à chaque soldat.",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        (
            "Les pertes nord-coréennes atteindraient quelque 4 000 hommes.",
            [("casualties_total", 4000, None, None)],
            None,
        ),
    ],
    "es": [
        (
            "Según el servicio de inteligencia surcoreano, Moscú paga unos 2.000 dólares al mes por cada soldado.",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        ("Las bajas norcoreanas ascienden a unos 4.000 hombres.", [("casualties_total", 4000, None, None)], None),
    ],
    "it": [
        (
            "Secondo i servizi segreti sudcoreani, Mosca versa circa 2.000 dollari al mese per ogni soldato.",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        ("Le perdite nordcoreane ammonterebbero a circa 4.000 uomini.", [("casualties_total", 4000, None, None)], None),
    ],
    "pt": [
        (
            "Segundo a inteligência sul-coreana, Moscou paga cerca de 2.000 dólares por mês a cada soldado.",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        ("As baixas norte-coreanas chegam a cerca de 4.000 homens.", [("casualties_total", 4000, None, None)], None),
    ],
    "pl": [
        (
            "Według południowokoreańskiego wywiadu Moskwa płaci każdemu żołnierzowi około 2 tys. dolarów miesięcznie.",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        (
            "Straty północnokoreańskiego kontyngentu sięgają około 4 tys. żołnierzy.",
            [("casualties_total", 4000, None, None)],
            None,
        ),
    ],
    "ko": [
        (
            "국정원에 따르면 러시아는 북한군 병사 1인당 매달 2천 달러가량을 지급한다.",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        ("북한군 사상자는 4천 명에 달하는 것으로 파악됐다.", [("casualties_total", 4000, None, None)], None),
    ],
    "ja": [
        (
            "国家情報院によると、ロシアは兵士1人当たり月2000ドル程度を支払っている。",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        ("北朝鮮軍の死傷者は4000人に上るという。", [("casualties_total", 4000, None, None)], None),
    ],
    "zh": [
        (
            "据韩国国家情报院称，俄罗斯每月向每名士兵支付约2000美元。",
            [("pay_per_soldier_month", 2000, None, None)],
            "South Korea NIS",
        ),
        ("朝鲜军队的伤亡人数已达4000人。", [("casualties_total", 4000, None, None)], None),
    ],
}


def _read(text: str, lang: str) -> list[tuple[str, float | None, float | None, float | None]]:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    return [(c.quantity, c.value, c.low, c.high) for c in extract_foreign(doc, lang)]


@pytest.mark.parametrize(("lang", "text", "want"), [(lang, t, w) for lang, cases in _FIGURES.items() for t, w in cases])
def test_one_figure_per_phrasing(lang: str, text: str, want: Want) -> None:
    assert _read(text, lang) == [want]


@pytest.mark.parametrize(
    ("lang", "text", "want", "who"),
    [(lang, t, w, who) for lang, cases in _AMOUNTS_AND_SPEAKERS.items() for t, w, who in cases],
)
def test_amounts_losses_and_speakers(lang: str, text: str, want: list[Want], who: str | None) -> None:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    claims = extract_foreign(doc, lang)
    assert [(c.quantity, c.value, c.low, c.high) for c in claims] == want
    if who is not None:
        assert {c.speaker for c in claims} == {who}


#: (sentence, claims) per language: two figures with their own verbs, ranges, and dates, ages and unit numbers
_MIXED = {
    "ru": [
        (
            "Погибли не менее 300 военных КНДР, ещё около 2700 получили ранения.",
            [("casualties_killed", None, 300, None), ("casualties_wounded", 2700, None, None)],
        ),
        ("22 октября 2024 года 62-летний командир 11-й бригады заявил, что прибыл в Курск.", []),
        (
            "Из 11 тысяч северокорейских солдат около 4 тысяч выбыли из строя.",
            [("troops_deployed", 11000, None, None), ("casualties_total", 4000, None, None)],
        ),
        ("Пхеньян направит от 25 до 30 тысяч военных.", [("troops_per_rotation", None, 25000, 30000)]),
        ("Режим забирает до 90% жалованья солдат.", [("state_share_of_pay", None, None, 0.9)]),
    ],
    "uk": [
        (
            "Загинули щонайменше 300 військових КНДР, ще близько 2700 були поранені.",
            [("casualties_killed", None, 300, None), ("casualties_wounded", 2700, None, None)],
        ),
        ("Станом на 15 січня 2025 року 40-річний офіцер 95-ї бригади повернувся додому.", []),
        ("Пхеньян може відправити від 25 до 30 тисяч військових.", [("troops_per_rotation", None, 25000, 30000)]),
    ],
    "de": [
        ("Am 4. November 2024 sagte der 61-jährige Abgeordnete, die 11. Brigade sei verlegt worden.", []),
        (
            "Pjöngjang könnte zwischen 25.000 und 30.000 Soldaten entsenden.",
            [("troops_per_rotation", None, 25000, 30000)],
        ),
        (
            "Mindestens 300 Nordkoreaner kamen ums Leben, rund 2.700 wurden verletzt.",
            [("casualties_killed", None, 300, None), ("casualties_wounded", 2700, None, None)],
        ),
    ],
    "fr": [
        ("Le 4 novembre 2024, le député de 61 ans a évoqué la 11e brigade.", []),
        (
            "Au moins 300 Nord-Coréens ont perdu la vie et quelque 2 700 ont été blessés.",
            [("casualties_killed", None, 300, None), ("casualties_wounded", 2700, None, None)],
        ),
    ],
    "es": [
        ("El 4 de noviembre de 2024, el diputado de 61 años citó a la 11.ª brigada.", []),
        (
            "Al menos 300 norcoreanos murieron y unos 2.700 resultaron heridos.",
            [("casualties_killed", None, 300, None), ("casualties_wounded", 2700, None, None)],
        ),
    ],
    "ko": [
        (
            "북한군은 최소 300명이 숨지고 2700명가량이 다친 것으로 추정된다.",
            [("casualties_killed", None, 300, None), ("casualties_wounded", 2700, None, None)],
        ),
        ("2024년 10월 22일 오후 3시 김 의원(61)은 제11군단 소속이라고 말했다.", []),
        ("북한은 2만 5천~3만 명을 추가 파병할 수 있다.", [("troops_per_rotation", None, 25000, 30000)]),
    ],
    "ja": [
        (
            "北朝鮮兵は少なくとも300人が死亡し、約2700人が負傷した。",
            [("casualties_killed", None, 300, None), ("casualties_wounded", 2700, None, None)],
        ),
        ("2024年10月22日午後3時、議員（61）は第11軍団について語った。", []),
        ("北朝鮮は2万5000～3万人を追加派遣する可能性がある。", [("troops_per_rotation", None, 25000, 30000)]),
    ],
    "zh": [
        (
            "朝鲜士兵至少300人死亡，约2700人受伤。",
            [("casualties_killed", None, 300, None), ("casualties_wounded", 2700, None, None)],
        ),
        ("2024年10月22日下午3时，61岁的议员谈到第11军团。", []),
        ("朝鲜可能再增派2.5万至3万名士兵。", [("troops_per_rotation", None, 25000, 30000)]),
    ],
}


@pytest.mark.parametrize(("lang", "text", "want"), [(lang, t, w) for lang, cases in _MIXED.items() for t, w in cases])
def test_own_verbs_ranges_and_non_figures(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


def test_relays_are_read_from_the_common_pack() -> None:
    from troopledger.claims._packs import load_pack

    pack = load_pack("ru")
    assert "Yonhap" in pack.relays
    assert "Reuters" in pack.relays
    assert "relays" not in pack.organisations  # a top-level key, not a source named "relays"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Wenn man annimmt, dass 10.000 Soldaten entsandt werden, kämen jährlich rund 240 Millionen Dollar herein.",
        ),
        ("ru", "Если Пхеньян отправит 20 тысяч солдат, он заработает около 480 млн долларов в год."),
        ("ko", "1만 명을 보낸다고 가정하면 북한은 연간 2억 4천만 달러를 번다."),
        ("es", "Si se enviaran 10.000 soldados, Pyongyang ingresaría unos 240 millones de dólares al año."),
    ],
)
def test_a_troop_count_in_a_condition_is_the_basis_of_arithmetic(lang: str, text: str) -> None:
    got = _read(text, lang)
    assert not any(q.startswith(("troops", "cumulative")) for q, *_ in got)
    assert any(q == "total_revenue_to_nk" for q, *_ in got)


def test_a_source_name_inside_another_word_is_not_a_condition_or_a_source() -> None:
    # 가정 ("assuming") inside 국가정보원; ГУР inside "фигура"
    got = _read("국가정보원은 북한군 2천 명이 추가로 파병됐다고 밝혔다.", "ko")
    assert got == [("troops_per_rotation", 2000, None, None)]
    doc = document_from_bytes(
        "Эта фигура назвала 3 тысячи погибших северокорейских солдат.".encode(), "p.txt", outlet="W"
    )
    assert {c.speaker for c in extract_foreign(doc, "ru")} == {"W"}


def test_workers_named_in_the_paragraph_own_its_amounts() -> None:
    text = (
        "Laut dem Bericht arbeiten derzeit rund 5.000 nordkoreanische Arbeiter auf russischen Baustellen. "
        "Pro Kopf werden monatlich etwa 700 Dollar an das Regime überwiesen."
    )
    got = _read(text, "de")
    assert got[0][0] in ("other:overseas_workers", "overseas_workers_in_russia")  # coarse, or the ledger's
    assert got[1][0] in ("other:worker_wage", "overseas_worker_wage_month")
    assert got[1][1] == 700


def test_shares_and_tonnage_are_claims_and_a_restated_range_end_is_not() -> None:
    text = (
        "Moskau soll zwischen 400.000 und 500.000 Tonnen Weizen liefern. "
        "Das wären etwa 500.000 Tonnen, rund 12 % des Jahresbedarfs."
    )
    got = _read(text, "de")
    assert got == [("other:tons", None, 400000, 500000), ("other:share", 0.12, None, None)]


def test_a_cue_stem_must_start_a_word_in_spaced_scripts() -> None:
    # "ще" (another) is not the end of "вище" (higher up); German compound heads still count
    assert _read("Вище в горах перебувають 2000 військових КНДР.", "uk") == [("troops_deployed", 2000, None, None)]
    assert _read("Derzeit sind 3.000 Elitesoldaten in Kursk stationiert.", "de") == [
        ("troops_deployed", 3000, None, None)
    ]


def test_a_bare_copy_of_a_bounded_figure_is_one_claim() -> None:
    text = (
        "Пхеньян передав Москві понад 2 мільйони снарядів, повідомляють джерела.\n\n"
        "На фото: 2 мільйони снарядів на складі. Раніше називали меншу цифру."
    )
    assert _read(text, "uk") == [("artillery_rounds_shipped", None, 2e6, None)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "По словам экспертов, доходы Пхеньяна от экспорта выросли в 3 раза."),
        ("de", "Die Einnahmen aus dem Export sind nach Angaben von Fachleuten um das 3-fache gestiegen."),
        ("ko", "북한의 대러 수출액은 전년보다 3배 늘었다."),
        ("ja", "北朝鮮の対ロ輸出額は前年の3倍に増えた。"),
        ("es", "Los ingresos por exportaciones se multiplicaron por 3 veces según los analistas."),
    ],
)
def test_a_multiple_is_a_ratio_claim(lang: str, text: str) -> None:
    assert _read(text, lang) == [("other:ratio", 3, None, None)]


#: (sentence, claims) per language: death compensation with an upper bound, yearly revenue, a signing bonus
_MONEY = {
    "ru": [
        (
            "Семьи погибших северокорейских солдат получат компенсацию до 10 тысяч долларов.",
            [("death_compensation", None, None, 10000)],
        ),
        (
            "Ежегодно КНДР получает от Москвы за свои войска около 500 млн долларов.",
            [("total_revenue_to_nk", 5e8, None, None)],
        ),
        (
            "При подписании контракта каждому бойцу выплачивают единовременно 5 тысяч долларов.",
            [("signing_bonus", 5000, None, None)],
        ),
    ],
    "uk": [
        (
            "Родини загиблих солдатів КНДР отримають компенсацію до 10 тисяч доларів.",
            [("death_compensation", None, None, 10000)],
        ),
        (
            "Щороку КНДР отримує від Москви за свої війська близько 500 млн доларів.",
            [("total_revenue_to_nk", 5e8, None, None)],
        ),
    ],
    "de": [
        (
            "Familien gefallener nordkoreanischer Soldaten sollen eine Entschädigung bis zu 10.000 Dollar erhalten.",
            [("death_compensation", None, None, 10000)],
        ),
        (
            "Jährlich fließen für die Truppen rund 500 Millionen Dollar nach Pjöngjang.",
            [("total_revenue_to_nk", 5e8, None, None)],
        ),
    ],
    "fr": [
        (
            "Les familles des soldats nord-coréens tués recevraient une indemnisation allant jusqu'à 10 000 dollars.",
            [("death_compensation", None, None, 10000)],
        ),
        (
            "Chaque année, Pyongyang toucherait environ 500 millions de dollars pour ses troupes.",
            [("total_revenue_to_nk", 5e8, None, None)],
        ),
    ],
    "es": [
        (
            "Las familias de los soldados norcoreanos fallecidos recibirían una indemnización de hasta 10.000 dólares.",
            [("death_compensation", None, None, 10000)],
        ),
        (
            "Cada año Pyongyang ingresaría unos 500 millones de dólares por sus tropas.",
            [("total_revenue_to_nk", 5e8, None, None)],
        ),
    ],
    "it": [
        (
            "Le famiglie dei soldati nordcoreani caduti riceverebbero un risarcimento fino a 10.000 dollari.",
            [("death_compensation", None, None, 10000)],
        ),
        (
            "Ogni anno Pyongyang incasserebbe circa 500 milioni di dollari per le sue truppe.",
            [("total_revenue_to_nk", 5e8, None, None)],
        ),
    ],
    "pt": [
        (
            "As famílias dos soldados norte-coreanos mortos receberiam uma indenização de até 10.000 dólares.",
            [("death_compensation", None, None, 10000)],
        ),
        (
            "Todos os anos Pyongyang receberia cerca de 500 milhões de dólares pelas suas tropas.",
            [("total_revenue_to_nk", 5e8, None, None)],
        ),
    ],
    "pl": [
        (
            "Rodziny poległych północnokoreańskich żołnierzy mają otrzymać odszkodowanie do 10 tys. dolarów.",
            [("death_compensation", None, None, 10000)],
        ),
        (
            "Co roku Pjongjang otrzymuje za swoje wojska około 500 mln dolarów.",
            [("total_revenue_to_nk", 5e8, None, None)],
        ),
    ],
    "ko": [
        ("전사한 북한군 병사의 유족은 최대 1만 달러의 보상금을 받는다.", [("death_compensation", None, None, 10000)]),
        ("북한은 파병 대가로 매년 약 5억 달러를 챙기는 것으로 추정된다.", [("total_revenue_to_nk", 5e8, None, None)]),
    ],
    "ja": [
        ("戦死した北朝鮮兵の遺族には最大1万ドルの補償金が支払われる。", [("death_compensation", None, None, 10000)]),
        ("北朝鮮は派兵の見返りに毎年約5億ドルを得ているとみられる。", [("total_revenue_to_nk", 5e8, None, None)]),
    ],
    "zh": [
        ("阵亡朝鲜士兵的家属最多可获得1万美元的抚恤金。", [("death_compensation", None, None, 10000)]),
        ("朝鲜每年因派兵获得约5亿美元。", [("total_revenue_to_nk", 5e8, None, None)]),
    ],
}


@pytest.mark.parametrize(("lang", "text", "want"), [(lang, t, w) for lang, cases in _MONEY.items() for t, w in cases])
def test_compensation_revenue_and_bonus(lang: str, text: str, want: list[Want]) -> None:
    def whole(x: float | None) -> float | None:
        return None if x is None else round(x)

    got = [(q, whole(v), whole(lo), whole(hi)) for q, v, lo, hi in _read(text, lang)]
    assert got == want
