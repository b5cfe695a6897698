"""Paraphrases in eight European languages, written for these tests: several phrasings of each fact.

Russian, Ukrainian, Polish, German, French, Spanish, Portuguese and Italian. Each mechanism of the
pack-driven reader (number forms, inflected cue nouns and verbs, bounds, waves and running totals,
casualty verbs on either side, comma-grouped Latin American numbers, month-name dates, the ledger's
streams) has its own sentences here; none copies a dev-set article.
"""

from __future__ import annotations

import pytest

from troopledger.claims._foreign import extract_foreign
from troopledger.sources import document_from_bytes

Want = tuple[str, float | None, float | None, float | None]


def _read(text: str, lang: str) -> list[Want]:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    return [(c.quantity, c.value, c.low, c.high) for c in extract_foreign(doc, lang)]


#: (language, sentence, the claims it holds) — casualties, troops and pay, phrased several ways.
_CORE: list[tuple[str, str, list[Want]]] = [
    # Spanish
    (
        "es",
        "Unos 300 militares norcoreanos perdieron la vida y otros 2.700 sufrieron heridas.",
        [("casualties_killed", 300, None, None), ("casualties_wounded", 2700, None, None)],
    ),
    (
        "es",
        "Corea del Norte ha desplegado cerca de 12.000 efectivos en la región rusa de Kursk.",
        [("troops_deployed", 12000, None, None)],
    ),
    (
        "es",
        "Las bajas norcoreanas ya ascienden a 4.000, entre muertos y heridos.",
        [("casualties_total", 4000, None, None)],
    ),
    ("es", "Pyongyang mandó en noviembre 3.000 soldados más al frente.", [("troops_per_rotation", 3000, None, None)]),
    (
        "es",
        "Cada combatiente norcoreano cobra unos 2.000 dólares mensuales, según los analistas.",
        [("pay_per_soldier_month", 2000, None, None)],
    ),
    (
        "es",
        "Según Seúl, fallecieron al menos 600 soldados de Corea del Norte.",
        [("casualties_killed", None, 600, None)],
    ),
    # Latin American grouping with commas, the text's own convention
    (
        "es",
        "El ejército de Corea del Norte envió a Rusia 11,000 soldados; de ellos, 4,000 murieron o resultaron heridos.",
        [("troops_deployed", 11000, None, None), ("casualties_total", 4000, None, None)],
    ),
    (
        "es",
        "Se calcula que 1,500 norcoreanos llegaron como refuerzo a la zona.",
        [("troops_per_rotation", 1500, None, None)],
    ),
    # Portuguese
    (
        "pt",
        "Cerca de 300 soldados norte-coreanos foram mortos e 2,7 mil ficaram feridos.",
        [("casualties_killed", 300, None, None), ("casualties_wounded", 2700, None, None)],
    ),
    (
        "pt",
        "A Coreia do Norte enviou aproximadamente 11 mil militares para a Rússia.",
        [("troops_deployed", 11000, None, None)],
    ),
    ("pt", "As baixas entre os norte-coreanos chegam a 4.000, segundo Kiev.", [("casualties_total", 4000, None, None)]),
    (
        "pt",
        "Pyongyang deverá mandar mais 6 mil sapadores e construtores militares.",
        [("troops_per_rotation", 6000, None, None)],
    ),
    (
        "pt",
        "Mais de 600 combatentes norte-coreanos já perderam a vida na região.",
        [("casualties_killed", None, 600, None)],
    ),
    ("pt", "Os soldados receberiam cerca de 2 mil dólares por mês.", [("pay_per_soldier_month", 2000, None, None)]),
    # Italian
    (
        "it",
        "Circa 300 soldati nordcoreani sono stati uccisi e 2.700 sono rimasti feriti.",
        [("casualties_killed", 300, None, None), ("casualties_wounded", 2700, None, None)],
    ),
    ("it", "La Corea del Nord ha inviato in Russia oltre 11.000 militari.", [("troops_deployed", None, 11000, None)]),
    ("it", "Le perdite nordcoreane ammontano a circa 4.000 uomini.", [("casualties_total", 4000, None, None)]),
    (
        "it",
        "Pyongyang si prepara a mandare altri 3.000 soldati al fronte.",
        [("troops_per_rotation", 3000, None, None)],
    ),
    ("it", "Sarebbero morti almeno 600 combattenti della Corea del Nord.", [("casualties_killed", None, 600, None)]),
    (
        "it",
        "Ogni soldato nordcoreano guadagnerebbe 2.000 dollari al mese.",
        [("pay_per_soldier_month", 2000, None, None)],
    ),
    # French
    (
        "fr",
        "Environ 300 soldats nord-coréens ont péri et 2 700 autres ont été blessés.",
        [("casualties_killed", 300, None, None), ("casualties_wounded", 2700, None, None)],
    ),
    (
        "fr",
        "La Corée du Nord a déployé quelque 11 000 militaires dans la région de Koursk.",
        [("troops_deployed", 11000, None, None)],
    ),
    ("fr", "Les pertes nord-coréennes s'élèveraient à 4 000 hommes.", [("casualties_total", 4000, None, None)]),
    ("fr", "Pyongyang a dépêché en janvier 3 000 soldats de plus.", [("troops_per_rotation", 3000, None, None)]),
    ("fr", "Chaque soldat toucherait 2 000 dollars par mois.", [("pay_per_soldier_month", 2000, None, None)]),
    # German
    (
        "de",
        "Rund 300 nordkoreanische Soldaten kamen ums Leben, 2.700 weitere erlitten Verletzungen.",
        [("casualties_killed", 300, None, None), ("casualties_wounded", 2700, None, None)],
    ),
    ("de", "Nordkorea hat etwa 11.000 Mann nach Russland verlegt.", [("troops_deployed", 11000, None, None)]),
    (
        "de",
        "Die Verluste der Nordkoreaner belaufen sich auf rund 4.000 Mann.",
        [("casualties_total", 4000, None, None)],
    ),
    (
        "de",
        "Im Januar schickte Pjöngjang weitere 3.000 Soldaten an die Front.",
        [("troops_per_rotation", 3000, None, None)],
    ),
    (
        "de",
        "Jeder nordkoreanische Soldat soll monatlich 2.000 Dollar bekommen.",
        [("pay_per_soldier_month", 2000, None, None)],
    ),
    # Polish
    (
        "pl",
        "Około 300 północnokoreańskich żołnierzy zginęło, a 2700 zostało rannych.",
        [("casualties_killed", 300, None, None), ("casualties_wounded", 2700, None, None)],
    ),
    ("pl", "Korea Północna wysłała do Rosji ponad 11 tys. żołnierzy.", [("troops_deployed", None, 11000, None)]),
    ("pl", "Straty Koreańczyków z Północy sięgają 4 tys. ludzi.", [("casualties_total", 4000, None, None)]),
    ("pl", "Pjongjang wyśle kolejnych 3 tys. saperów i budowniczych.", [("troops_per_rotation", 3000, None, None)]),
    ("pl", "Każdy żołnierz miał dostawać 2 tys. dolarów miesięcznie.", [("pay_per_soldier_month", 2000, None, None)]),
    # Russian: cue nouns and verbs in other cases and tenses
    (
        "ru",
        "Около 300 военнослужащих КНДР погибли, ещё 2700 получили ранения.",
        [("casualties_killed", 300, None, None), ("casualties_wounded", 2700, None, None)],
    ),
    (
        "ru",
        "Потери северокорейского контингента составили почти 4 тысячи человек.",
        [("casualties_total", 4000, None, None)],
    ),
    ("ru", "В ноябре Пхеньян перебросил в Россию ещё 3 тысячи военных.", [("troops_per_rotation", 3000, None, None)]),
    (
        "ru",
        "Каждый северокорейский боец получает около 2 тысяч долларов в месяц.",
        [("pay_per_soldier_month", 2000, None, None)],
    ),
    ("ru", "Не менее 600 солдат из КНДР лишились жизни в боях.", [("casualties_killed", None, 600, None)]),
    # Ukrainian
    (
        "uk",
        "Близько 300 військових КНДР загинули, ще 2700 дістали поранення.",
        [("casualties_killed", 300, None, None), ("casualties_wounded", 2700, None, None)],
    ),
    ("uk", "Втрати військ КНДР сягнули 4 тисяч осіб.", [("casualties_total", 4000, None, None)]),
    ("uk", "У листопаді Пхеньян перекинув до Росії ще 3 тисячі бійців.", [("troops_per_rotation", 3000, None, None)]),
    (
        "uk",
        "Кожен військовий КНДР отримує близько 2 тисяч доларів на місяць.",
        [("pay_per_soldier_month", 2000, None, None)],
    ),
    ("uk", "Щонайменше 600 солдатів з Північної Кореї загинули в боях.", [("casualties_killed", None, 600, None)]),
]


@pytest.mark.parametrize(("lang", "text", "want"), _CORE)
def test_core_figures_in_several_phrasings(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


#: A month name dates a dispatch (a wave) or starts a running total, in any case form (Babel's month names).
_MONTHS: list[tuple[str, str, list[Want]]] = [
    (
        "ru",
        "В декабре Пхеньян перебросил под Курск около 2 тысяч военных.",
        [("troops_per_rotation", 2000, None, None)],
    ),
    ("ru", "С октября в Россию прибыли 15 тысяч солдат КНДР.", [("cumulative_troops", 15000, None, None)]),
    ("uk", "У лютому КНДР перекинула до Курщини ще 2 тисячі військових.", [("troops_per_rotation", 2000, None, None)]),
    ("uk", "З жовтня Пхеньян переправив 15 тисяч солдатів.", [("cumulative_troops", 15000, None, None)]),
    ("pl", "W styczniu Korea Północna przerzuciła 2 tys. żołnierzy.", [("troops_per_rotation", 2000, None, None)]),
    (
        "pl",
        "Od października do Rosji trafiło 15 tys. żołnierzy z Korei Północnej.",
        [("cumulative_troops", 15000, None, None)],
    ),
    (
        "de",
        "Anfang Februar verlegte Pjöngjang 2.000 Soldaten in die Region.",
        [("troops_per_rotation", 2000, None, None)],
    ),
    ("de", "Seit Oktober hat Nordkorea 15.000 Soldaten geschickt.", [("cumulative_troops", 15000, None, None)]),
    (
        "fr",
        "Fin février, Pyongyang a acheminé 2 000 soldats vers le front.",
        [("troops_per_rotation", 2000, None, None)],
    ),
    (
        "es",
        "A principios de marzo llegaron a Kursk 2.000 soldados norcoreanos.",
        [("troops_per_rotation", 2000, None, None)],
    ),
    ("es", "Desde octubre, Corea del Norte ha mandado 15.000 soldados.", [("cumulative_troops", 15000, None, None)]),
    ("pt", "Em dezembro chegaram à região 2 mil soldados norte-coreanos.", [("troops_per_rotation", 2000, None, None)]),
    (
        "it",
        "A gennaio Pyongyang ha trasferito 2.000 soldati nella regione.",
        [("troops_per_rotation", 2000, None, None)],
    ),
    # a present-state verb keeps the force in place, dated or not (rule 14)
    (
        "de",
        "Im März befanden sich rund 11.000 nordkoreanische Soldaten in Kursk.",
        [("troops_deployed", 11000, None, None)],
    ),
    (
        "ru",
        "В марте в Курской области находились около 11 тысяч военных КНДР.",
        [("troops_deployed", 11000, None, None)],
    ),
    # a day of the month is no figure, a grouped number after a month name is
    (
        "fr",
        "Le 12 janvier, environ 11 000 soldats se trouvaient encore en Russie.",
        [("troops_deployed", 11000, None, None)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "want"), _MONTHS)
def test_month_names_date_a_dispatch_or_start_a_total(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


#: The ledger's streams: shells, containers, missiles, workers, barrels and tonnes of food, in each language.
_STREAMS: list[tuple[str, str, list[tuple[str, float]]]] = [
    ("ru", "КНДР переправила в Россию более 6 млн снарядов для артиллерии.", [("artillery_rounds_shipped", 6e6)]),
    ("ru", "Из КНДР в Россию ушло около 16 тысяч контейнеров с боеприпасами.", [("ammunition_containers", 16000)]),
    ("ru", "В Россию прибыли 13 тысяч рабочих из КНДР.", [("overseas_workers_in_russia", 13000)]),
    ("uk", "Пхеньян відвантажив Москві понад 9 млн снарядів.", [("artillery_rounds_shipped", 9e6)]),
    ("uk", "Північна Корея передала Росії близько 250 балістичних ракет.", [("ballistic_missiles_transferred", 250)]),
    ("uk", "Росія поставила КНДР понад мільйон барелів нафтопродуктів.", [("refined_oil_to_nk", 1e6)]),
    ("pl", "Korea Północna dostarczyła Rosji ponad 20 tys. kontenerów z amunicją.", [("ammunition_containers", 20000)]),
    ("pl", "Rosja wysłała do Korei Północnej 50 tys. ton ryżu.", [("rice_to_nk", 50000)]),
    (
        "de",
        "Nordkorea soll Russland bis zu 12 Millionen Granaten geliefert haben.",
        [("artillery_rounds_shipped", 12e6)],
    ),
    (
        "de",
        "In Russland arbeiten derzeit etwa 15.000 nordkoreanische Arbeiter.",
        [("overseas_workers_in_russia", 15000)],
    ),
    ("de", "Moskau lieferte Pjöngjang über eine Million Barrel Öl.", [("refined_oil_to_nk", 1e6)]),
    ("fr", "Pyongyang aurait livré à Moscou environ 9 millions d'obus.", [("artillery_rounds_shipped", 9e6)]),
    ("fr", "La Russie a envoyé 100 000 tonnes de farine à la Corée du Nord.", [("flour_exported_to_nk", 100000)]),
    ("es", "Corea del Norte envió a Rusia más de 28.000 contenedores de munición.", [("ammunition_containers", 28000)]),
    ("es", "Moscú entregó a Pyongyang un millón de barriles de petróleo.", [("refined_oil_to_nk", 1e6)]),
    ("pt", "A Coreia do Norte forneceu à Rússia cerca de 5 milhões de projéteis.", [("artillery_rounds_shipped", 5e6)]),
    ("pt", "Cerca de 15 mil trabalhadores norte-coreanos estão na Rússia.", [("overseas_workers_in_russia", 15000)]),
    (
        "it",
        "La Corea del Nord ha spedito alla Russia oltre 3 milioni di proiettili.",
        [("artillery_rounds_shipped", 3e6)],
    ),
    ("it", "Mosca ha inviato a Pyongyang 20.000 tonnellate di riso.", [("rice_to_nk", 20000)]),
]


@pytest.mark.parametrize(("lang", "text", "want"), _STREAMS)
def test_stream_quantities_are_the_ledgers(lang: str, text: str, want: list[tuple[str, float]]) -> None:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    got = [(c.quantity, c.value if c.value is not None else c.low or c.high) for c in extract_foreign(doc, lang)]
    assert got == want


def _speakers(text: str, lang: str) -> list[tuple[str, str]]:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    return [(c.quantity, c.speaker) for c in extract_foreign(doc, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # the Kremlin as an actor (it uses, it pays) is no source; the article's own source speaks
        (
            "uk",
            "Розвідка Південної Кореї: КНДР передала понад 9 млн снарядів, які Кремль застосовує на фронті.",
            "South Korea NIS",
        ),
        (
            "pl",
            "Według wywiadu Korei Południowej to część starań Kremla: na froncie jest 11 tys. żołnierzy z Korei.",
            "South Korea NIS",
        ),
        ("ru", "Кремль платит за каждого бойца КНДР около 2 тысяч долларов в месяц.", "Test Wire"),
        # ... and a source where it says something
        ("ru", "В Кремле заявили, что в Курской области находятся около 11 тысяч военных КНДР.", "Kremlin"),
        ("de", "Der Kreml teilte mit, rund 11.000 nordkoreanische Soldaten seien im Einsatz.", "Kremlin"),
    ],
)
def test_an_actor_speaks_only_with_a_verb_of_saying(lang: str, text: str, want: str) -> None:
    assert {who for _q, who in _speakers(text, lang)} == {want}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a quotation opened by a dash or a quote mark is the source named after it, at the paragraph's end
        ("pl", "– Na froncie walczy około 11 tys. żołnierzy z Korei. To niewiele. Tak ocenia analityk CSIS.", "CSIS"),
        (
            "ru",
            "— Около 11 тысяч солдат КНДР воюют под Курском. Это немного. Так считают в Институте изучения войны.",
            "Institute for the Study of War (ISW)",
        ),
        (
            "fr",
            "« Environ 11 000 soldats nord-coréens se trouvent en Russie. C'est peu. » Voilà l'avis du CSIS.",
            "CSIS",
        ),
        # a lawmaker of the intelligence committee relays the intelligence service's briefing
        (
            "ru",
            "По словам члена комитета по разведке, в боях погибли примерно 600 бойцов КНДР.",
            "South Korea NIS",
        ),
        (
            "es",
            "Un diputado de la comisión de inteligencia afirmó que murieron unos 600 soldados norcoreanos.",
            "South Korea NIS",
        ),
    ],
)
def test_quotations_and_briefings_are_their_sources(lang: str, text: str, want: str) -> None:
    assert {who for _q, who in _speakers(text, lang)} == {want}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("uk", "Кількість загиблих північнокорейців зросла до 1000.", [("casualties_killed", 1000, None, None)]),
        ("ru", "Число погибших солдат КНДР выросло до 1000.", [("casualties_killed", 1000, None, None)]),
        (
            "es",
            "El número de soldados norcoreanos muertos aumentó hasta 1.000.",
            [("casualties_killed", 1000, None, None)],
        ),
        (
            "pl",
            "Liczba zabitych żołnierzy z Korei Północnej wzrosła do 1000.",
            [("casualties_killed", 1000, None, None)],
        ),
        # a bound stays a bound
        ("uk", "Загинули до 1000 військових з КНДР.", [("casualties_killed", None, None, 1000)]),
        ("es", "Murieron hasta 1.000 soldados norcoreanos.", [("casualties_killed", None, None, 1000)]),
    ],
)
def test_a_level_reached_is_a_value_not_a_bound(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a dash between two numbers before a scale word is a range of thousands, never a date
        (
            "ru",
            "По оценке ГУР, под Курском воюют 11-12 тысяч северокорейцев.",
            [("troops_deployed", None, 11000, 12000)],
        ),
        ("pt", "Estão na Rússia entre 11–12 mil soldados norte-coreanos.", [("troops_deployed", None, 11000, 12000)]),
        ("pl", "W Rosji przebywa 11-12 tys. żołnierzy z Korei Północnej.", [("troops_deployed", None, 11000, 12000)]),
        # verbs of wounding in the past tense, after a killing verb
        (
            "ru",
            "За два дня ВСУ уничтожили 50 военных КНДР и ранили ещё 47.",
            [("casualties_killed", 50, None, None), ("casualties_wounded", 47, None, None)],
        ),
        (
            "uk",
            "За добу ЗСУ знищили 50 військових КНДР і поранили ще 47.",
            [("casualties_killed", 50, None, None), ("casualties_wounded", 47, None, None)],
        ),
    ],
)
def test_ranges_of_thousands_and_past_tense_verbs(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # the next sentence names who said it ("This was reported by ..."), and anonymous sources are a source
        (
            "uk",
            "КНДР передала Росії понад 9 млн снарядів. Про це повідомило агентство Reuters; воно цитує анонімні "
            "джерела.",
            "Anonymous sources",
        ),
        ("ru", "Под Курском погибли около 1000 солдат КНДР. Об этом сообщил Генштаб ВСУ.", "Ukraine General Staff"),
        (
            "pl",
            "Na froncie zginęło ok. 1000 żołnierzy z Korei Północnej. O tym poinformował sztab generalny Ukrainy.",
            "Ukraine General Staff",
        ),
        ("es", "Murieron unos 1.000 soldados norcoreanos, dijeron fuentes anónimas a la agencia.", "Anonymous sources"),
        ("de", "Etwa 1.000 nordkoreanische Soldaten sind gefallen, sagten anonyme Quellen.", "Anonymous sources"),
    ],
)
def test_the_next_sentence_and_anonymous_sources_name_the_speaker(lang: str, text: str, want: str) -> None:
    assert {who for _q, who in _speakers(text, lang)} == {want}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # "ще"/"ещё" is "still" beside a verb of staying: the force in place, not another wave
        (
            "uk",
            "На Курщині залишаються ще приблизно 11 тис. військових з КНДР.",
            [("troops_deployed", 11000, None, None)],
        ),
        ("ru", "Под Курском всё ещё остаются около 11 тысяч военных КНДР.", [("troops_deployed", 11000, None, None)]),
        # an arrival to come is a wave
        (
            "uk",
            "Через два тижні на фронт прибуде ще 3 тисячі бійців з Північної Кореї.",
            [("troops_per_rotation", 3000, None, None)],
        ),
        (
            "ru",
            "В ближайшие недели в Россию прибудут 3 тысячи военных КНДР.",
            [("troops_per_rotation", 3000, None, None)],
        ),
    ],
)
def test_still_is_not_another_and_an_arrival_to_come_is_a_wave(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("pt", "Segundo Kiev, uns 4 mil militares norte-coreanos foram mortos ou feridos.", "Ukraine (government)"),
        ("fr", "Quelque 4000 soldats nord-coréens ont été tués ou blessés, selon Kiev.", "Ukraine (government)"),
        ("de", "Laut Kiew wurden rund 4.000 nordkoreanische Soldaten getötet oder verwundet.", "Ukraine (government)"),
        ("it", "Secondo Seul, circa 4.000 soldati nordcoreani sono stati uccisi o feriti.", "South Korea (government)"),
        ("ru", "По данным Сеула, около 4 тысяч военных КНДР были убиты или ранены.", "South Korea (government)"),
    ],
)
def test_according_to_a_capital_is_its_government(lang: str, text: str, want: str) -> None:
    assert {who for _q, who in _speakers(text, lang)} == {want}


#: Entry statistics (issue 19): North Koreans entering Russia, counted by the migration service; a
#: second figure of the sentence whose noun is left out counts entries too ("... of them 7,887 to study").
_ENTRIES: list[tuple[str, str, list[tuple[str, float | None, float | None]]]] = [
    (
        "ru",
        "Согласно статистике погранслужбы, за 2024 год в Россию въехали 13 221 гражданин КНДР.",
        [("nk_entries_to_russia", 13221, None)],
    ),
    (
        "ru",
        "Годом ранее в РФ въехало всего 1117 граждан Северной Кореи, из них 480 — на учёбу.",
        [("nk_entries_to_russia", 1117, None), ("nk_entries_study", 480, None)],
    ),
    (
        "ru",
        "Число въездов северокорейцев выросло: въехали более 13 тысяч человек.",
        [("nk_entries_to_russia", None, 13000)],
    ),
    (
        "uk",
        "Торік до Росії в’їхали 13 221 громадянин Північної Кореї, свідчать дані МВС РФ.",
        [("nk_entries_to_russia", 13221, None)],
    ),
    (
        "uk",
        "За 2023 рік до РФ вʼїхало 1117 громадян КНДР, з них 480 — на навчання.",
        [("nk_entries_to_russia", 1117, None), ("nk_entries_study", 480, None)],
    ),
    (
        "de",
        "Im Jahr 2024 reisten 13.221 nordkoreanische Staatsbürger nach Russland ein.",
        [("nk_entries_to_russia", 13221, None)],
    ),
    ("pl", "W ubiegłym roku do Rosji wjechało 13 221 obywateli KRLD.", [("nk_entries_to_russia", 13221, None)]),
    (
        "it",
        "L'anno scorso sono entrati in Russia 13.221 cittadini nordcoreani.",
        [("nk_entries_to_russia", 13221, None)],
    ),
    ("es", "El año pasado entraron en Rusia 13.221 ciudadanos norcoreanos.", [("nk_entries_to_russia", 13221, None)]),
    # soldiers who arrive are no entry statistic, and a year before the count is no figure
    ("ru", "В Курскую область прибыли ещё 3 тысячи военных КНДР.", [("troops_per_rotation", 3000, None)]),
    ("de", "2024 reisten 13.221 Nordkoreaner nach Russland ein.", [("nk_entries_to_russia", 13221, None)]),
]


@pytest.mark.parametrize(("lang", "text", "want"), _ENTRIES)
def test_entries_to_russia_are_read(lang: str, text: str, want: list[tuple[str, float | None, float | None]]) -> None:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    assert [(c.quantity, c.value, c.low) for c in extract_foreign(doc, lang)] == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a linking verb ties a long subject to its figure: the subject's casualty word decides
        (
            "ru",
            "Как утверждает Пхеньян, потери за первые два этапа этой операции составили порядка 350.",
            [("casualties_total", 350, None, None)],
        ),
        (
            "uk",
            "Сумарні втрати північнокорейських підрозділів за перші два місяці боїв сягнули 4000 осіб.",
            [("casualties_total", 4000, None, None)],
        ),
        (
            "de",
            "Die Verluste der nordkoreanischen Einheiten in der Region Kursk belaufen sich inzwischen auf rund 4.000.",
            [("casualties_total", 4000, None, None)],
        ),
        (
            "de",
            "Die Zahl der getöteten Nordkoreaner in den ersten zwei Monaten der Kämpfe liegt bei etwa 1.000.",
            [("casualties_killed", 1000, None, None)],
        ),
        (
            "fr",
            "Le nombre de soldats nord-coréens tués depuis leur arrivée sur le front atteint désormais 1 000.",
            [("casualties_killed", 1000, None, None)],
        ),
        (
            "es",
            "Las bajas de las unidades norcoreanas enviadas a la provincia rusa de Kursk ascienden ya a unos 4.000.",
            [("casualties_total", 4000, None, None)],
        ),
        (
            "es",
            "El número de militares norcoreanos fallecidos desde su llegada al frente alcanza los 1.000.",
            [("casualties_killed", 1000, None, None)],
        ),
        (
            "pl",
            "Straty północnokoreańskich oddziałów walczących w obwodzie kurskim wynoszą około 4 tys. ludzi.",
            [("casualties_total", 4000, None, None)],
        ),
        (
            "pt",
            "As baixas das unidades norte-coreanas enviadas para a região de Kursk já chegam a cerca de 4 mil.",
            [("casualties_total", 4000, None, None)],
        ),
        (
            "it",
            "Le perdite dei reparti nordcoreani schierati nell'oblast di Kursk ammontano ormai a circa 4.000.",
            [("casualties_total", 4000, None, None)],
        ),
    ],
)
def test_a_linking_verb_ties_a_far_subject_to_its_figure(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # an amount restated in brackets, with words before it, is the source's conversion, not a second claim
        (
            "ru",
            "Каждый военный получает 2 тыс. долларов (около 180 тысяч рублей) в месяц.",
            [("pay_per_soldier_month", 2000, None, None)],
        ),
        (
            "uk",
            "Кожен військовий отримує 2 тис. доларів (приблизно 80 тисяч гривень) на місяць.",
            [("pay_per_soldier_month", 2000, None, None)],
        ),
        (
            "pt",
            "Cada soldado recebe US$ 2.000 (algo em torno de R$ 11 mil) por mês.",
            [("pay_per_soldier_month", 2000, None, None)],
        ),
        (
            "de",
            "Jeder Soldat erhält 2.000 Dollar (umgerechnet rund 1.850 Euro) im Monat.",
            [("pay_per_soldier_month", 2000, None, None)],
        ),
        # ... but a count in brackets after a count is a claim of its own
        (
            "ru",
            "Пхеньян отправил 11 тысяч солдат (из них около 300 погибли).",
            [("troops_deployed", 11000, None, None), ("casualties_killed", 300, None, None)],
        ),
    ],
)
def test_a_conversion_in_brackets_is_not_a_second_claim(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # an additive word beside a verb of sending makes one more batch
        ("ru", "Ким Чен Ын отправил еще 3 тысячи солдат в Россию.", [("troops_per_rotation", 3000, None, None)]),
        ("uk", "Кім Чен Ин відправив ще 3 тисячі солдатів до Росії.", [("troops_per_rotation", 3000, None, None)]),
        (
            "de",
            "Pjöngjang schickte noch einmal rund 3.000 Mann an die Front.",
            [("troops_per_rotation", 3000, None, None)],
        ),
        ("fr", "Pyongyang a encore envoyé 3 000 soldats vers Koursk.", [("troops_per_rotation", 3000, None, None)]),
        # ... not beside a verb of staying, nor with no verb at all (a part of the force)
        ("ru", "В Курской области остаются ещё около 11 тысяч военных КНДР.", [("troops_deployed", 11000, None, None)]),
        (
            "ru",
            "В группировке 9 тыс. штурмовиков и ещё 2 тыс. сапёров.",
            [("troops_deployed", 9000, None, None), ("troops_deployed", 2000, None, None)],
        ),
        # capture after a troop noun
        ("ru", "Двое военных из КНДР попали в плен к ВСУ.", [("other:pows_captured", 2, None, None)]),
        ("uk", "Двоє вояків з КНДР потрапили в полон.", [("other:pows_captured", 2, None, None)]),
        (
            "fr",
            "Kiev affirme que 12 soldats nord-coréens ont été capturés depuis janvier.",
            [("other:pows_captured", 12, None, None)],
        ),
        # civilians are nobody's troops; distances are no figures
        (
            "es",
            "La guerra ya ha dejado más de 12.000 civiles muertos en Ucrania.",
            [("other:civilian_killed", None, 12000, None)],
        ),
        ("ru", "С начала войны погибли более 12 тысяч мирных жителей.", [("other:civilian_killed", None, 12000, None)]),
        ("es", "El misil voló 1.000 kilómetros antes de caer al mar.", []),
        ("ru", "Ракета пролетела 1000 километров и упала в море.", []),
        # trade is no revenue, whatever its size; a cue past a comma speaks of the next clause
        (
            "uk",
            "Минулого року товарообіг між країнами зріс до 34,2 млн доларів.",
            [("other:nk_economy", 34.2e6, None, None)],
        ),
        (
            "ru",
            "КНДР потеряла убитыми около 1000 человек, ранеными — еще 2700.",
            [("casualties_killed", 1000, None, None), ("casualties_wounded", 2700, None, None)],
        ),
        ("uk", "Сили оборони ліквідували майже тисячу бійців з КНДР.", [("casualties_killed", 1000, None, None)]),
        # a vague plural of a number is no figure
        ("de", "Russland zahlt Nordkorea dafür jährlich Hunderte Millionen Dollar.", []),
    ],
)
def test_waves_captures_civilians_and_trade(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a generic intelligence word inside another source's longer name is that source's
        (
            "de",
            "Nach Angaben des ukrainischen Geheimdienstes HUR kämpfen derzeit etwa 11.000 Nordkoreaner in Kursk.",
            "Ukraine GUR",
        ),
        ("de", "Der Geheimdienst in Seoul schätzt, dass 11.000 Soldaten in Kursk stehen.", "South Korea NIS"),
    ],
)
def test_a_generic_name_inside_a_longer_one(lang: str, text: str, want: str) -> None:
    assert {who for _q, who in _speakers(text, lang)} == {want}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # the pay and bonuses of Russia's own soldiers and recruits, singular or plural, are not North Korea's
        ("pt", "Um soldado russo ganha em média 2 mil dólares por mês.", [("other:russian_pay", 2000, None, None)]),
        ("es", "Un soldado ruso cobra unos 2.000 dólares al mes.", [("other:russian_pay", 2000, None, None)]),
        ("fr", "Une recrue russe touche environ 2 000 dollars par mois.", [("other:russian_pay", 2000, None, None)]),
        ("it", "Un soldato russo guadagna circa 2.000 dollari al mese.", [("other:russian_pay", 2000, None, None)]),
        ("de", "Ein russischer Soldat verdient rund 2.000 Dollar im Monat.", [("other:russian_pay", 2000, None, None)]),
        (
            "ru",
            "Российский контрактник зарабатывает около 2 тысяч долларов в месяц.",
            [("other:russian_pay", 2000, None, None)],
        ),
        (
            "pl",
            "Rekruci z rosyjskich regionów otrzymują jednorazowo nawet 20 tys. dolarów.",
            [("other:russian_pay", None, None, 20000)],  # "nawet" (as much as) is a ceiling, LABELS rule 6
        ),
        # ... while a North Korean soldier's stays his
        (
            "pt",
            "Um militar da Coreia do Norte ganha cerca de 2 mil dólares por mês.",
            [("pay_per_soldier_month", 2000, None, None)],
        ),
        # a bounded count restated bare is one statement
        (
            "pt",
            "Mais de 300 militares de Pyongyang morreram, disse o deputado. Entre os 300 mortos há oficiais.",
            [("casualties_killed", None, 300, None)],
        ),
    ],
)
def test_russian_pay_and_restatements(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a figure whose noun is left out, in a verb of place, counts the paragraph's troops
        (
            "ru",
            "В Россию переброшено от 10 до 12 тысяч военных из КНДР. Около 8 тысяч из них уже находятся под Курском.",
            [("troops_deployed", None, 10000, 12000), ("troops_deployed", 8000, None, None)],
        ),
        (
            "uk",
            "До Росії перекинуто 10-12 тисяч військових КНДР. Приблизно 8 тисяч з них уже перебувають на Курщині.",
            [("troops_deployed", None, 10000, 12000), ("troops_deployed", 8000, None, None)],
        ),
        # an army's size is no contingent; the next number's noun is not this one's
        ("ru", "Численность армии КНДР составляет 1,3 млн человек.", [("other:troops_count_large", 1.3e6, None, None)]),
        (
            "uk",
            "Армія КНДР налічує близько 1,2 млн військовослужбовців.",
            [("other:troops_count_large", 1.2e6, None, None)],
        ),
        (
            "uk",
            "За даними ССО, з 2 по 4 листопада знищено 27 військових КНДР.",
            [("casualties_killed", 27, None, None)],
        ),
    ],
)
def test_noun_left_out_army_sizes_and_ranges_of_days(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("uk", "Британська розвідка оцінює втрати КНДР у понад 6 тисяч осіб.", "UK defence ministry"),
        ("ru", "По данным британской разведки, потери КНДР превысили 6 тысяч человек.", "UK defence ministry"),
        ("es", "Según la inteligencia británica, las bajas norcoreanas superan las 6.000.", "UK defence ministry"),
        ("ru", "По оценкам американской разведки, в Россию переброшено 12 тысяч военных КНДР.", "US intelligence"),
        ("pl", "Według amerykańskiego wywiadu w Rosji przebywa 12 tys. wojskowych z KRLD.", "US intelligence"),
    ],
)
def test_british_and_american_intelligence_are_sources(lang: str, text: str, want: str) -> None:
    assert {who for _q, who in _speakers(text, lang)} == {want}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # the Joint Chiefs named in full are not the Ukrainian General Staff their generic words also name
        (
            "es",
            "Corea del Norte desplegó 3.000 soldados adicionales, informó el Estado Mayor Conjunto surcoreano.",
            "South Korea JCS",
        ),
        (
            "fr",
            "Selon l'état-major interarmées sud-coréen, 3 000 soldats supplémentaires sont partis.",
            "South Korea JCS",
        ),
        (
            "fr",
            "Pyongyang aurait livré à Moscou plus de 9 millions d'obus, d'après Séoul.",
            "South Korea (government)",
        ),
    ],
)
def test_joint_chiefs_and_capitals(lang: str, text: str, want: str) -> None:
    assert {who for _q, who in _speakers(text, lang)} == {want}


def test_a_headline_restated_with_its_bound_in_the_lead_is_one_claim() -> None:
    text = (
        "Corea del Norte envió otros 3.000 soldados a Rusia\n\n"
        "Pyongyang desplegó entre enero y febrero al menos 3.000 soldados adicionales, informó el Estado Mayor "
        "Conjunto surcoreano."
    )
    assert _read(text, "es") == [("troops_per_rotation", None, 3000, None)]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # "one and a half", the teens, and German and Italian compounds of thousands, in words
        ("ru", "Под Курском погибли полторы тысячи военных из КНДР.", [("casualties_killed", 1500, None, None)]),
        ("uk", "На Курщині загинули півтори тисячі бійців КНДР.", [("casualties_killed", 1500, None, None)]),
        ("pl", "Na froncie zginęło półtora tysiąca żołnierzy z Korei.", [("casualties_killed", 1500, None, None)]),
        ("ru", "Пхеньян пришлёт ещё двенадцать тысяч солдат.", [("troops_per_rotation", 12000, None, None)]),
        ("uk", "КНДР надішле ще п’ятнадцять тисяч військових.", [("troops_per_rotation", 15000, None, None)]),
        ("it", "Nel Kursk sono morti duemila militari nordcoreani.", [("casualties_killed", 2000, None, None)]),
        (
            "de",
            "In Kursk sind zweitausend Kämpfer Pjöngjangs gefallen.",
            [("casualties_killed", 2000, None, None)],
        ),
    ],
)
def test_numbers_in_words(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # "mais"/"más" right before a count beside a verb of arriving: one more batch; "mais de": a bound
        (
            "pt",
            "Na semana passada chegaram à região mais 3 mil militares.",
            [("troops_per_rotation", 3000, None, None)],
        ),
        ("pt", "Mais de 3 mil militares chegaram à região.", [("troops_deployed", None, 3000, None)]),
        (
            "es",
            "El mes pasado llegaron a Kursk más 3.000 militares de Pyongyang.",
            [("troops_per_rotation", 3000, None, None)],
        ),
        ("es", "Llegaron a Kursk más de 3.000 soldados.", [("troops_deployed", None, 3000, None)]),
    ],
)
def test_more_as_another_batch_or_as_a_bound(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # missiles as a noun are the ledger's; an adjective of an air-defence system is not
        ("ru", "КНДР передала России около 250 баллистических ракет KN-23.", [("ballistic_missiles_transferred", 250)]),
        ("ru", "Пхеньян получил от Москвы около 20 зенитных ракетных комплексов.", [("other:munitions", 20)]),
        ("uk", "Пхеньян отримав від Москви близько 20 зенітних ракетних комплексів.", [("other:munitions", 20)]),
    ],
)
def test_missiles_are_a_noun(lang: str, text: str, want: list[tuple[str, float]]) -> None:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    got = [(c.quantity, c.value if c.value is not None else c.low or c.high) for c in extract_foreign(doc, lang)]
    assert got == want


def test_the_united_nations_is_a_source() -> None:
    text = "По данным ООН, в России трудятся около 50 тысяч рабочих из КНДР."
    assert {who for _q, who in _speakers(text, "ru")} == {"United Nations"}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a relay given as the sentence's source ("according to RFA") is that sentence's origin
        (
            "pl",
            "CSIS ocenia siły Korei. Jak podaje Radio Free Asia, Moskwa płaci za każdego żołnierza ok. 2 tys. dolarów.",
            "Radio Free Asia",
        ),
        ("ru", "ISW пишет о фронте. По данным Reuters, под Курском находятся 11 тысяч военных КНДР.", "Reuters"),
        # think tanks, ministers and North Korea's own figures by name
        (
            "uk",
            "Фонд Фрідріха Науманна підрахував, що КНДР заробила на постачанні зброї до $5 млрд.",
            "Friedrich Naumann Foundation",
        ),
        (
            "ru",
            "Глава минобороны Южной Кореи сообщил, что в Россию отправлены около 10 тысяч военных КНДР.",
            "South Korea defence ministry",
        ),
        ("ru", "Официальные данные КНДР говорят о потерях в 350 человек.", "North Korea (official data)"),
    ],
)
def test_relays_as_origins_and_named_sources(lang: str, text: str, want: str) -> None:
    assert {who for _q, who in _speakers(text, lang)} == {want}


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # "lost N soldiers" is losses; "lost their lives" is the dead, whichever verb form starts both
        ("pt", "A Coreia do Norte já perdeu 4 mil soldados na guerra.", [("casualties_total", 4000, None, None)]),
        ("fr", "La Corée du Nord a perdu 4 000 soldats à Koursk.", [("casualties_total", 4000, None, None)]),
        ("de", "Nordkorea hat in Kursk 4.000 Soldaten verloren.", [("casualties_total", 4000, None, None)]),
        ("it", "La Corea del Nord ha perso 4.000 soldati nel Kursk.", [("casualties_total", 4000, None, None)]),
        ("pt", "Cerca de 600 combatentes norte-coreanos perderam a vida.", [("casualties_killed", 600, None, None)]),
        # "N soldados más": one more batch, the additive word after the noun in the figure's own clause
        ("es", "Kim envía 3.000 soldados más a Rusia.", [("troops_per_rotation", 3000, None, None)]),
        ("es", "Llegaron 3.000 soldados, más de lo previsto.", [("troops_deployed", 3000, None, None)]),
    ],
)
def test_lost_soldiers_and_more_after_the_noun(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a length of time is a tour where a rotation is named or soldiers spend it, in months
        ("uk", "Вояки з КНДР пробули на передовій 120 днів, потім їх замінили.", [("rotation_interval_months", 3.94)]),
        ("ru", "Бойцы КНДР пробыли под Курском 90 дней, пишет разведка.", [("rotation_interval_months", 2.96)]),
        ("uk", "Ротація північнокорейських частин відбувається раз на 6 місяців.", [("rotation_interval_months", 6.0)]),
        (
            "de",
            "Die Soldaten verbrachten 16 Wochen im Einsatz, dann wurden sie abgelöst.",
            [("rotation_interval_months", 3.68)],
        ),
        ("es", "La rotación de las tropas se produce cada 4 meses.", [("rotation_interval_months", 4.0)]),
        # ... not a few days of fighting, nor days that no soldier spends
        ("uk", "Бої тривали 3 дні, загинули 50 військових КНДР.", [("casualties_killed", 50)]),
        ("uk", "Делегації провели 40 днів у переговорах.", []),
    ],
)
def test_tour_lengths(lang: str, text: str, want: list[tuple[str, float]]) -> None:
    doc = document_from_bytes(text.encode(), "p.txt", outlet="Test Wire")
    assert [(c.quantity, c.value) for c in extract_foreign(doc, lang)] == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # ordinals with their endings are unit names, never counts
        (
            "uk",
            "Понад 3 тис. вояків з КНДР діють у складі 3-го батальйону 94-ї бригади.",
            [("troops_deployed", None, 3000, None)],
        ),
        ("ru", "Около 3 тысяч военных КНДР воюют в составе 11-го корпуса.", [("troops_deployed", 3000, None, None)]),
        # groups, battalions and echelons are counted, not men
        (
            "ru",
            "Пхеньян отправил 3 эшелона с военными, всего около 12 тысяч человек.",
            [("cumulative_troops", 12000, None, None)],
        ),
        # a capture before the count
        ("uk", "У лютому сили оборони взяли в полон ще 2 вояків з КНДР.", [("other:pows_captured", 2, None, None)]),
        ("ru", "ВСУ взяли в плен ещё двоих военных из КНДР.", [("other:pows_captured", 2, None, None)]),
    ],
)
def test_ordinals_groups_and_captures_before_the_count(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a scale's or currency's full stop before a capitalised noun ends no sentence
        ("pl", "W Rosji stacjonuje ponad 15 tys. Koreańczyków z Północy.", [("troops_deployed", None, 15000, None)]),
        # ... so the conversion after it stays with its amount
        (
            "pl",
            "Moskwa płaci Pjongjangowi ok. 2 tys. dol. (ok. 8 tys. zł) miesięcznie za każdego żołnierza.",
            [("pay_per_soldier_month", 2000, None, None)],
        ),
        # an equivalence word between two amounts makes the second a restatement
        (
            "pt",
            "Moscou paga por cada militar cerca de US$ 2 mil por mês, o que equivale a R$ 11 mil.",
            [("pay_per_soldier_month", 2000, None, None)],
        ),
        (
            "ru",
            "Каждый боец получает 2 тысячи долларов в месяц, что эквивалентно 180 тысячам рублей.",
            [("pay_per_soldier_month", 2000, None, None)],
        ),
        # two amounts with no such word stay two claims
        (
            "pt",
            "Cada soldado recebe US$ 2 mil por mês e o país recebe US$ 20 milhões.",
            [("pay_per_soldier_month", 2000, None, None), ("total_revenue_to_nk", 20e6, None, None)],
        ),
    ],
)
def test_abbreviations_and_equivalent_amounts(lang: str, text: str, want: list[Want]) -> None:
    assert _read(text, lang) == want
