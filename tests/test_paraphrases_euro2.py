"""Fifth pass over the European packs: paraphrases written for these tests, several per mechanism.

Russian, Ukrainian, Polish, German, French, Spanish, Portuguese and Italian. Each mechanism that
came from the project's own tuning articles (``tests/data/languages_tune2``) is pinned here by
sentences phrased otherwise: verbs of exceeding in any form, past a linking word; whose figure by
structure (a demonym beside a troop noun, a country as the subject of a verb of losing); death
compensation by the family and the dead; what soldiers keep; the state's share; a range in words;
an amount restated in another currency after a comma; ages glued to a number; identifiers, year ranges,
vague words and negated bounds; page boxes and tally rows; the sources now named. None copies an article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _benchmarks import load_benchmark
from troopledger.claims._foreign import extract_foreign
from troopledger.sources import document_from_bytes

Want = tuple[str, float | None, float | None, float | None]
ROOT = Path(__file__).resolve().parent.parent


def _read(text: str, lang: str) -> list[Want]:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire", date="2025-03-01")
    return [(c.quantity, c.value, c.low, c.high) for c in extract_foreign(doc, lang)]


def _labels(text: str, lang: str) -> list[str]:
    return [q for q, *_ in _read(text, lang)]


#: A verb of exceeding before the figure, in any tense or person, maybe past "les", "quota", "отметку в".
_EXCEEDED: list[tuple[str, str, Want]] = [
    ("fr", "Les pertes nord-coréennes ont dépassé les 4 000 hommes.", ("casualties_total", None, 4000, None)),
    ("fr", "Les pertes nord-coréennes dépasseraient la barre des 4 000.", ("casualties_total", None, 4000, None)),
    ("it", "Le perdite nordcoreane hanno superato quota 4.000.", ("casualties_total", None, 4000, None)),
    ("it", "Le perdite nordcoreane superano i 4.000 uomini.", ("casualties_total", None, 4000, None)),
    ("es", "Las bajas norcoreanas superaron la cifra de 4.000.", ("casualties_total", None, 4000, None)),
    ("es", "Las bajas norcoreanas ya rebasan los 4.000.", ("casualties_total", None, 4000, None)),
    ("pt", "As baixas norte-coreanas ultrapassaram a marca de 4 mil.", ("casualties_total", None, 4000, None)),
    ("de", "Die nordkoreanischen Verluste überstiegen die Marke von 4.000.", ("casualties_total", None, 4000, None)),
    (
        "ru",
        "Потери северокорейских войск превысили отметку в 4 тысячи человек.",
        ("casualties_total", None, 4000, None),
    ),
    ("uk", "Втрати військ КНДР перевищили позначку в 4 тисячі.", ("casualties_total", None, 4000, None)),
    ("pl", "Straty północnokoreańskich wojsk przekroczyły próg 4 tys.", ("casualties_total", None, 4000, None)),
    (
        "ru",
        "Каждый солдат КНДР обходится Москве не менее чем в 2 000 долларов в месяц.",
        ("pay_per_soldier_month", None, 2000, None),
    ),
]


@pytest.mark.parametrize(("lang", "text", "want"), _EXCEEDED)
def test_a_verb_of_exceeding_in_any_form_is_a_lower_bound(lang: str, text: str, want: Want) -> None:
    assert _read(text, lang) == [want]


#: Other armies' figures by the words' structure, and North Korea's kept as such.
_WHOSE: list[tuple[str, str, str]] = [
    ("uk", "Мобілізований український військовий отримує 20 тис. гривень на місяць.", "other:ukrainian_pay"),
    ("es", "Un soldado ucraniano movilizado cobra unos 500 dólares al mes.", "other:ukrainian_pay"),
    ("fr", "Un soldat ukrainien mobilisé touche environ 500 dollars par mois.", "other:ukrainian_pay"),
    ("de", "Ein ukrainischer Soldat erhält monatlich rund 500 Dollar.", "other:ukrainian_pay"),
    ("pl", "Ukraiński żołnierz zarabia miesięcznie ok. 500 dolarów.", "other:ukrainian_pay"),
    ("pt", "A Ucrânia perdeu, segundo Kiev, 46 mil militares.", "other:ukrainian_casualties"),
    ("pl", "Ukraina straciła w tym czasie 12 tys. żołnierzy.", "other:ukrainian_casualties"),
    ("de", "Russland verlor an einem Tag 1.500 Soldaten.", "other:russian_casualties"),
    ("es", "Rusia perdió ese día 1.500 soldados.", "other:russian_casualties"),
    ("it", "La Russia ha perso 1.500 soldati in un giorno.", "other:russian_casualties"),
    # North Korea's own losses, in a sentence that names Russia in another case
    ("uk", "Війська КНДР на заході Росії втратили близько 4 тисяч людей.", "casualties_total"),
    ("ru", "Северокорейские войска в Курской области России потеряли около 4 тысяч человек.", "casualties_total"),
    ("uk", "До Курщини, де наступали українські бригади, було направлено 11 000 військових КНДР.", "troops_deployed"),
]


@pytest.mark.parametrize(("lang", "text", "want"), _WHOSE)
def test_whose_figure_by_demonym_and_by_the_country_that_lost(lang: str, text: str, want: str) -> None:
    assert _labels(text, lang) == [want]


#: Money: what the family of the dead gets, what soldiers keep, what the state keeps, per head.
_MONEY: list[tuple[str, str, list[str]]] = [
    ("ru", "Выплата семье погибшего военного КНДР составляет порядка 1,5 млн рублей.", ["death_compensation"]),
    (
        "pl",
        "Rodzina poległego żołnierza z Korei Północnej ma otrzymać jednorazowo 5 mln rubli.",
        ["death_compensation"],
    ),
    (
        "de",
        "Die Familie eines gefallenen nordkoreanischen Soldaten bekommt einmalig 10.000 Dollar.",
        ["death_compensation"],
    ),
    ("fr", "La famille d'un soldat nord-coréen tué recevrait 12 000 dollars.", ["death_compensation"]),
    ("es", "La familia de cada soldado norcoreano muerto recibe 10.000 dólares.", ["death_compensation"]),
    ("es", "Los militares norcoreanos apenas reciben 100 dólares mensuales.", ["soldier_take_home"]),
    ("it", "Ai soldati nordcoreani restano soltanto 200 dollari al mese.", ["soldier_take_home"]),
    ("pl", "Żołnierz z Korei Północnej dostaje zaledwie 100 dolarów miesięcznie.", ["soldier_take_home"]),
    ("ru", "Северокорейский солдат получает лишь 100 долларов в месяц.", ["soldier_take_home"]),
    ("de", "Die nordkoreanischen Soldaten erhalten nur 150 Dollar im Monat.", ["soldier_take_home"]),
    ("es", "Cada soldado norcoreano cobra 2.000 dólares al mes.", ["pay_per_soldier_month"]),
    ("es", "Cada soldado norcoreano cobra 150.000 rublos al mes, unos 1.600 dólares.", ["pay_per_soldier_month"]),
    ("ru", "Солдат КНДР получает 2 тысячи долларов в месяц, около 180 тысяч рублей.", ["pay_per_soldier_month"]),
    ("fr", "Le régime de Kim Jong-un en conserverait 80 %.", ["state_share_of_pay"]),
    ("ru", "Режим забирает себе до 90% этих денег.", ["state_share_of_pay"]),
    ("pl", "Reżim zabiera aż 90 proc. tych pieniędzy.", ["state_share_of_pay"]),
    ("pl", "Rosja płaci za każdego z nich ok. 2 tys. dolarów miesięcznie.", ["pay_per_soldier_month"]),
    ("es", "Pionyang ingresa al menos 20 millones de dólares mensuales por el despliegue.", ["total_revenue_to_nk"]),
]


@pytest.mark.parametrize(("lang", "text", "want"), _MONEY)
def test_compensation_take_home_share_and_pay(lang: str, text: str, want: list[str]) -> None:
    assert _labels(text, lang) == want


#: Numbers: a range in words, an amount restated in apposition, ages and ceilings.
_NUMBERS: list[tuple[str, str, list[Want]]] = [
    (
        "uk",
        "Пхеньян планує направити ще від трьох до п'яти тисяч військових.",
        [("troops_per_rotation", None, 3000, 5000)],
    ),
    ("ru", "КНДР готовит к отправке от пяти до семи тысяч военных.", [("troops_per_rotation", None, 5000, 7000)]),
    (
        "pl",
        "Pjongjang może wysłać od pięciu do siedmiu tysięcy żołnierzy.",
        [("troops_per_rotation", None, 5000, 7000)],
    ),
    (
        "it",
        "Ogni soldato nordcoreano guadagna 2.500 dollari al mese, circa 2.300 euro.",
        [("pay_per_soldier_month", 2500, None, None)],
    ),
    (
        "de",
        "Ein nordkoreanischer Soldat erhält 2.000 Dollar im Monat, rund 1.850 Euro.",
        [("pay_per_soldier_month", 2000, None, None)],
    ),
    (
        "pl",
        "Wiceminister, 58-letni generał, mówi o 3 tys. żołnierzy z Korei Północnej.",
        [("troops_deployed", 3000, None, None)],
    ),
    (
        "uk",
        "Командир, 27-річний капітан, говорить про 3 тис. військових КНДР.",
        [("troops_deployed", 3000, None, None)],
    ),
    (
        "pl",
        "Kreml przekazuje Pjongjangowi rocznie nawet 1 mld dolarów za żołnierzy.",
        [("total_revenue_to_nk", None, None, 1e9)],
    ),
    ("pl", "W ciągu doby wyeliminowano 43 północnokoreańskich żołnierzy.", [("casualties_killed", 43, None, None)]),
    (
        "pl",
        "Łączna liczba żołnierzy KRLD, którzy trafili do Rosji, to ok. 15 tys.",
        [("cumulative_troops", 15000, None, None)],
    ),
    (
        "es",
        "Zelenski dijo que hasta 3.000 soldados más podrían llegar en las próximas semanas.",
        [("troops_per_rotation", None, None, 3000)],
    ),
    (
        "fr",
        "Le GUR estime que 12 000 soldats nord-coréens sont en Russie, dont 500 officiers.",
        [("troops_deployed", 12000, None, None), ("other:officers", 500, None, None)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "want"), _NUMBERS)
def test_ranges_in_words_restatements_ages_and_ceilings(lang: str, text: str, want: list[Want]) -> None:
    got = _read(text, lang)
    assert [g[0] for g in got] == [w[0] for w in want]
    for g, w in zip(got, want, strict=True):
        for a, b in zip(g[1:], w[1:], strict=True):
            assert (a is None) == (b is None)
            if a is not None and b is not None:
                assert abs(a - b) <= 0.05 * b


#: Floors on the project's own articles (tests/data/languages_*): just below what the reader reaches there
#: (docs/extraction.md, "fifth pass"); they fail if a change loses figures or adds noise.
OWN_SETS_MIN = {
    "languages_tune2": {"core_recall": 0.95, "recall": 0.9, "precision": 0.93},
    "languages_check2": {"core_recall": 0.9, "recall": 0.83, "precision": 0.88},
    "languages_check3": {"core_recall": 0.95, "recall": 0.86, "precision": 0.93},
    "languages_pages4": {"core_recall": 0.85, "recall": 0.84, "precision": 0.9},
}


@pytest.mark.parametrize("name", sorted(OWN_SETS_MIN))
def test_the_own_articles_hold_their_scores(name: str) -> None:
    mod = load_benchmark("eval_languages")
    data = ROOT / "tests" / "data" / name
    for line in (data / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = (data / "texts" / f"{rec['id']}.txt").read_text(encoding="utf-8")
        assert all(c["quote"] in text for c in rec["claims"]), rec["id"]
    m = mod.score(None, None, data)["all"]
    got = {
        "core_recall": m["found_core"] / m["gold_core"],
        "recall": m["found"] / m["gold"],
        "precision": m["right"] / m["predicted"],
    }
    for key, floor in OWN_SETS_MIN[name].items():
        assert got[key] >= floor, (key, got)


#: Numbers that name things or are vague, and numbers read with their article or negation.
_NOT_OR_OTHERWISE: list[tuple[str, str, list[Want]]] = [
    ("ru", "Статья 4 договора предусматривает взаимную военную помощь.", []),
    ("de", "Artikel 4 des Vertrags sieht militärischen Beistand vor.", []),
    ("es", "El artículo 4 del tratado prevé ayuda militar mutua.", []),
    ("ru", "В Корейской войне 1950–1953 годов погибли сотни тысяч военных.", []),
    ("pl", "W wojnie koreańskiej 1950–1953 zginęły setki tysięcy żołnierzy.", []),
    ("pt", "Desde 2022, a ajuda militar europeia a Kiev cresceu muito.", []),
    ("de", "Nach Schätzungen fließen jährlich mehrere hundert Millionen Dollar nach Pjöngjang.", []),
    ("pl", "Do Pjongjangu trafia rocznie kilkaset milionów dolarów za żołnierzy.", []),
    ("es", "Pionyang recibe cada año varios cientos de millones de dólares por sus soldados.", []),
    ("es", "Rusia ha perdido más de un millón de soldados.", [("other:russian_casualties", None, 1e6, None)]),
    ("pt", "A Rússia perdeu mais de um milhão de soldados.", [("other:russian_casualties", None, 1e6, None)]),
    (
        "fr",
        "Le commerce entre les deux pays n'a pas dépassé 34 millions de dollars.",
        [("other:nk_economy", None, None, 3.4e7)],
    ),
    ("pl", "Handel między krajami nie przekroczył 34 mln dolarów.", [("other:nk_economy", None, None, 3.4e7)]),
    (
        "es",
        "El comercio entre ambos países no superó los 34 millones de dólares.",
        [("other:nk_economy", None, None, 3.4e7)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "want"), _NOT_OR_OTHERWISE)
def test_identifiers_years_vague_words_articles_and_negations(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


#: What is counted: the dead among losses, deserters, a GDP of its own clause, a linking verb's subject.
_COUNTED: list[tuple[str, str, list[str]]] = [
    ("uk", "Безповоротні втрати КНДР розвідка оцінює у 1 500 осіб.", ["casualties_killed"]),
    ("ru", "Безвозвратные потери КНДР составили около 1 500 человек.", ["casualties_killed"]),
    ("uk", "Ще близько 40 військових КНДР дезертували.", ["other:deserters"]),
    ("ru", "Около 40 северокорейских военных дезертировали из частей.", ["other:deserters"]),
    ("de", "Rund 40 nordkoreanische Soldaten sind desertiert.", ["other:deserters"]),
    (
        "pl",
        "Budżet obronny KRLD szacowany jest na 4 mld dolarów, a PKB kraju na ok. 25 mld dolarów.",
        ["other:nk_economy", "nk_gdp"],
    ),
    (
        "ru",
        "Военный бюджет КНДР оценивается в 4 млрд долларов, а ВВП страны — примерно в 25 млрд долларов.",
        ["other:nk_economy", "nk_gdp"],
    ),
    (
        "uk",
        "Щомісячна виплата Росії за одного солдата КНДР становить близько 2 тис. доларів.",
        ["pay_per_soldier_month"],
    ),
    (
        "ru",
        "Ежемесячная выплата за одного северокорейского солдата составляет около 2 тысяч долларов.",
        ["pay_per_soldier_month"],
    ),
    ("pl", "Miesięczna płaca jednego żołnierza KRLD wynosi ok. 2 tys. dolarów.", ["pay_per_soldier_month"]),
    (
        "ru",
        "Потери КНДР оцениваются примерно в 4 700 человек, в том числе свыше 2 тыс. убитыми.",
        ["casualties_total", "casualties_killed"],
    ),
    (
        "de",
        "Die Verluste Nordkoreas werden auf etwa 4.700 Mann geschätzt, darunter rund 600 Tote.",
        ["casualties_total", "casualties_killed"],
    ),
    (
        "uk",
        "Загальна кількість військових КНДР на Курщині становить близько 12 тисяч. Ще 2–3 тисячі можуть прибути.",
        ["cumulative_troops", "troops_per_rotation"],
    ),
    (
        "uk",
        "На Курщині воюють близько 12 тисяч військових КНДР. Ще 2–3 тисячі можуть прибути до кінця зими.",
        ["troops_deployed", "troops_per_rotation"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "want"), _COUNTED)
def test_what_is_counted_by_structure(lang: str, text: str, want: list[str]) -> None:
    assert _labels(text, lang) == want


#: Sources the packs now name: Telegram channels, think tanks, Western services, Seoul's ministry.
_SPEAKERS: list[tuple[str, str, str]] = [
    ("ru", "Как пишет телеграм-канал «Военный вестник», под Суджей погибли 30 военных КНДР.", "Telegram channel"),
    (
        "de",
        "Ein ukrainischer Telegram-Kanal berichtet, dass 30 nordkoreanische Soldaten gefallen seien.",
        "Telegram channel",
    ),
    ("es", "Según un informe de RAND, Pionyang ingresa 500 millones de dólares al año por sus tropas.", "RAND"),
    ("it", "Secondo l'ISPI, a Pyongyang arrivano 30 milioni di dollari al mese per i soldati.", "ISPI"),
    ("pl", "Według PISM Korea Północna zarabia 2 mld dolarów rocznie na żołnierzach.", "PISM"),
    ("fr", "Selon l'Ifri, chaque soldat nord-coréen coûte 2 000 dollars par mois.", "Ifri"),
    (
        "de",
        "Nach Erkenntnissen westlicher Geheimdienste sind 14.000 nordkoreanische Soldaten in Russland.",
        "Western intelligence",
    ),
    (
        "fr",
        "Selon le ministère sud-coréen de la Défense, 11 000 soldats nord-coréens sont en Russie.",
        "South Korea defence ministry",
    ),
    (
        "uk",
        "Сили спеціальних операцій повідомили, що ліквідували 200 військових КНДР.",
        "Ukraine Special Operations Forces",
    ),
]


@pytest.mark.parametrize(("lang", "text", "want"), _SPEAKERS)
def test_channels_think_tanks_and_services_are_speakers(lang: str, text: str, want: str) -> None:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire", date="2025-03-01")
    claims = extract_foreign(doc, lang)
    assert claims
    assert {c.speaker for c in claims} == {want}


#: Pages: a related-article box's headlines and a tally's rows are not the story's figures.
_PAGES: list[tuple[str, str, list[str]]] = [
    (
        "ru",
        "Разведка: в Курской области находятся до 13 тысяч военных КНДР.\nЧитайте также:\nКурс доллара: 81,35 рубля\n"
        "В Москве перекрыто 12 улиц",
        ["troops_deployed"],
    ),
    (
        "pl",
        "Pjongjang wysłał do Rosji kolejnych 3 tys. żołnierzy.\nZobacz także: Sondaż: 31 proc. dla KO",
        ["troops_per_rotation"],
    ),
    (
        "de",
        "Pjöngjang hat insgesamt etwa 12.000 Soldaten geschickt.\nMehr zum Thema: Umfrage sieht Union bei 30 Prozent",
        ["cumulative_troops"],
    ),
    (
        "it",
        "Pyongyang ha inviato circa 12.000 militari.\nLeggi anche: l'inflazione sale al 2 per cento",
        ["troops_deployed"],
    ),
    (
        "uk",
        "Також знищено: танків — 9 752 (+7), артсистем — 21 940 (+40).",
        ["other:listed_count", "other:listed_count"],
    ),
    ("ru", "Уничтожено: танков — 9 752, артсистем — 21 940.", ["other:listed_count", "other:listed_count"]),
    ("uk", "Втрати КНДР — 4 000 осіб, з них загиблих — 1 000.", ["casualties_total", "casualties_killed"]),
]


@pytest.mark.parametrize(("lang", "text", "want"), _PAGES)
def test_related_boxes_and_tally_rows(lang: str, text: str, want: list[str]) -> None:
    assert _labels(text, lang) == want
