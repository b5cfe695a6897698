"""The Slavic pass (s27): its set (``tests/data/slavic_tune3``) holds its scores, and each new mechanism
is pinned by several phrasings in Russian, Ukrainian and Polish.

Every sentence here was written for the project. Mechanisms: a season or relative month dates a dispatch;
scale words and number words in every case ("о 15 тысячах", "близько чотирьохсот", "około czterystu"),
a smaller number in words read after a bound word, with its percent word; a relative clause after the
counted noun says they were captured; the wounded sent home; entries counted in times; verbs of joining
add a batch; a source's name of several words in any case; what the soldier keeps; heavy artillery by its
noun; a currency sign before a year-like number; a conversion after a currency word and its period; a
year's abbreviation and an ordinal's dot end no sentence; ages in "-летний".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _benchmarks import load_benchmark
from helpers import foreign_claims

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "slavic_tune3"
#: Just below what the extractor reaches on each part (docs/extraction.md, Slavic pass): fails if a rule breaks.
SET_MIN = {
    "tune": {"core_recall": 0.92, "precision": 0.90, "speaker": 0.62},
    "check": {"core_recall": 0.60, "precision": 0.72, "speaker": 0.55},
}

Got = tuple[str, float | None, float | None, float | None]


def _read(text: str, lang: str) -> list[Got]:
    return [(c.quantity, c.value, c.low, c.high) for c in foreign_claims(text, lang, date="2025-03-01")]


def _speakers(text: str, lang: str) -> list[str]:
    return [c.speaker for c in foreign_claims(text, lang, date="2025-03-01")]


@pytest.mark.parametrize("part", ["tune", "check"])
def test_set_scores_hold(part: str) -> None:
    res = load_benchmark("eval_languages").score(None, devset=SET / part)["all"]
    assert res["gold"] >= 40
    got = {
        "core_recall": res["found_core"] / res["gold_core"],
        "precision": res["right"] / res["predicted"],
        "speaker": res["speaker"] / res["found"],
    }
    for key, floor in SET_MIN[part].items():
        assert got[key] >= floor, (part, key, got)


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ru", "Осенью Пхеньян перебросил в Курскую область около 11 тысяч солдат.", ("troops_per_rotation", 11000)),
        ("ru", "Весной КНДР направила в Россию примерно 3 тыс. военнослужащих.", ("troops_per_rotation", 3000)),
        ("uk", "Восени КНДР відправила до Росії близько 11 тис. військових.", ("troops_per_rotation", 11000)),
        ("uk", "Навесні Пхеньян перекинув на Курщину близько 3 тисяч солдатів.", ("troops_per_rotation", 3000)),
        ("pl", "Jesienią Pjongjang wysłał do Rosji około 11 tysięcy żołnierzy.", ("troops_per_rotation", 11000)),
        (
            "pl",
            "Wiosną Korea Północna skierowała do obwodu kurskiego ok. 3 tys. żołnierzy.",
            ("troops_per_rotation", 3000),
        ),
    ],
)
def test_a_season_dates_a_dispatch(lang: str, text: str, want: tuple[str, float]) -> None:
    assert want in [(q, v) for q, v, _lo, _hi in _read(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("ru", "Журналисты спросили о 15 тысячах военных КНДР, которые находятся в России.", 15000),
        ("ru", "К 12 тысячам северокорейских солдат в Курской области добавятся новые.", 12000),
        ("uk", "Розвідка говорить про 11 тисячах військових КНДР, які перебувають на Курщині.", 11000),
        ("uk", "До 12 тисячам солдатів КНДР, які вже воюють, приєднаються інші.", 12000),
    ],
)
def test_scale_words_in_every_case(lang: str, text: str, value: float) -> None:
    assert value in [x for _q, *fields in _read(text, lang) for x in fields]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ru", "В боях погибли около четырёхсот северокорейских военных.", ("casualties_killed", 400.0, None, None)),
        ("ru", "Погибли не менее двухсот солдат КНДР.", ("casualties_killed", None, 200.0, None)),
        ("uk", "На Курщині загинули близько чотирьохсот військових КНДР.", ("casualties_killed", 400.0, None, None)),
        ("uk", "Загинули щонайменше п'ятдесяти солдатів КНДР.", ("casualties_killed", None, 50.0, None)),
        ("pl", "Zginęło około czterystu żołnierzy z Korei Północnej.", ("casualties_killed", 400.0, None, None)),
        ("ru", "Погибли не менее полутора тысяч военнослужащих КНДР.", ("casualties_killed", None, 1500.0, None)),
    ],
)
def test_smaller_number_words_after_a_bound(lang: str, text: str, want: Got) -> None:
    assert want in _read(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Пресс-секретарь заявил, что брифинг длился три часа и начался в двенадцать."),
        ("uk", "Командир сказав, що бій тривав дві доби."),
        ("pl", "Rozmowa trwała trzy godziny."),
    ],
)
def test_small_number_words_alone_are_prose(lang: str, text: str) -> None:
    assert _read(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "По словам экспертов, солдатам достаётся около десяти процентов этих денег."),
        ("uk", "Солдатам КНДР дістається лише 10% цих грошей, решту забирає режим."),
        ("ru", "Режим забирает почти всё: самим военным достается примерно 10 процентов."),
    ],
)
def test_what_the_soldier_keeps(lang: str, text: str) -> None:
    got = [(q, v) for q, v, _lo, _hi in _read(text, lang)]
    assert ("other:soldier_take_home_share", 0.1) in got
    assert not any(q == "state_share_of_pay" for q, _v in got)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Двоє солдатів КНДР, яких наші воїни взяли в полон, зараз у Києві."),
        ("ru", "Двое северокорейских военных, которых бойцы взяли в плен, дают показания."),
        ("ru", "Трое солдат КНДР, которые попали в плен под Суджей, находятся в Киеве."),
    ],
)
def test_a_relative_clause_says_they_were_captured(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["other:pows_captured"]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("pl", "Według wywiadu ok. 2 tys. rannych żołnierzy odesłano do Korei Północnej.", 2000),
        ("pl", "Około 1,5 tys. rannych Koreańczyków ewakuowano samolotami do Pjongjangu.", 1500),
        ("ru", "Около 2 тыс. раненых военных КНДР эвакуировали в Пхеньян.", 2000),
        ("uk", "Близько 2 тисяч поранених військових КНДР евакуювали до Пхеньяна.", 2000),
    ],
)
def test_the_wounded_sent_home(lang: str, text: str, value: float) -> None:
    assert ("other:wounded_repatriated", value) in [(q, v) for q, v, _lo, _hi in _read(text, lang)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("По данным Росстата, в 2024 году граждане КНДР въезжали в Россию 13 221 раз.", [13221.0]),
        ("Граждане КНДР за год въезжали в Россию 13 221 раз, а годом ранее лишь 1117 раз.", [13221.0, 1117.0]),
    ],
)
def test_entries_counted_in_times(text: str, want: list[float]) -> None:
    got = _read(text, "ru")
    assert [v for q, v, _lo, _hi in got if q == "nk_entries_to_russia"] == want
    assert not any(q == "other:ratio" for q, *_ in got)


def test_a_multiple_stays_a_multiple() -> None:
    assert ("other:ratio", 12.0) in [(q, v) for q, v, _lo, _hi in _read("Число въездов выросло в 12 раз.", "ru")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Осенью прибыли 11 тысяч военных КНДР. Зимой к ним добавились ещё от одной до трёх тысяч человек."),
        ("uk", "Восени прибули 11 тисяч військових КНДР. Взимку до них додали ще від однієї до трьох тисяч осіб."),
        ("pl", "Jesienią dotarło 11 tys. żołnierzy KRLD. Zimą dołączyło do nich kolejne 2 tys. żołnierzy."),
    ],
)
def test_joining_adds_a_batch(lang: str, text: str) -> None:
    got = _read(text, lang)
    assert [q for q, *_ in got] == ["troops_per_rotation", "troops_per_rotation"], got


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("ru", "Национальная разведывательная служба сообщила, что в России 10 тысяч военных КНДР.", "South Korea NIS"),
        ("ru", "По данным Национальной разведывательной службы, погибли 2 тысячи военных КНДР.", "South Korea NIS"),
        ("uk", "Національна розвідувальна служба повідомила, що в Росії 10 тисяч військових КНДР.", "South Korea NIS"),
        ("ru", "Экономика КНДР, по оценке Банка Кореи, составляет 26,6 млрд долларов.", "Bank of Korea"),
        ("uk", "Банк Кореї оцінює економіку КНДР у 26,6 млрд доларів.", "Bank of Korea"),
        ("ru", "По данным Росстата, граждане КНДР въезжали в Россию 13 221 раз.", "Rosstat"),
    ],
)
def test_a_name_of_several_words_in_any_case(lang: str, text: str, speaker: str) -> None:
    assert _speakers(text, lang)[:1] == [speaker]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Пхеньян передав приблизно 240 одиниць важкої артилерії, зокрема 170-міліметрові гармати."),
        ("ru", "КНДР передала России около 240 единиц тяжёлой артиллерии, в том числе 170-миллиметровые гаубицы."),
    ],
)
def test_heavy_artillery_by_its_noun(lang: str, text: str) -> None:
    assert [(q, v) for q, v, _lo, _hi in _read(text, lang)] == [("heavy_artillery_transferred", 240.0)]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ru", "Пхеньян получает за каждого солдата $2000 в месяц.", ("pay_per_soldier_month", 2000.0, None, None)),
        ("ru", "Москва платит за солдата КНДР $2000 ежемесячно.", ("pay_per_soldier_month", 2000.0, None, None)),
        ("pl", "Koreańscy żołnierze dostają $2000 miesięcznie.", ("pay_per_soldier_month", 2000.0, None, None)),
    ],
)
def test_a_currency_sign_before_a_year_like_number(lang: str, text: str, want: Got) -> None:
    assert want in _read(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Кожен солдат КНДР отримує до 2 тисяч доларів на місяць (близько 83 тис. грн), кажуть аналітики."),
        ("ru", "Каждому солдату КНДР платят 2 тыс. долларов в месяц (около 180 тыс. рублей), считают эксперты."),
    ],
)
def test_a_conversion_after_the_period(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["pay_per_soldier_month"]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("pl", "Łącznie od jesieni 2024 r. Pjongjang wysłał do Rosji ponad 14 tysięcy żołnierzy.", "cumulative_troops"),
        ("ru", "Всего с октября 2024 г. КНДР направила в Россию свыше 14 тысяч военных.", "cumulative_troops"),
        ("uk", "Загалом з осені 2024 р. Пхеньян направив до Росії понад 14 тисяч бійців.", "cumulative_troops"),
    ],
)
def test_a_years_abbreviation_ends_no_sentence(lang: str, text: str, want: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == [want]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "Żołnierze 11. Armii dotarli do obwodu kurskiego."),
        ("pl", "Wojskowi z 80. Brygady opisali walki."),
        ("ru", "В апреле разведка сообщила о 600 погибших. 66-летний депутат добавил подробности."),
    ],
)
def test_ordinals_and_ages_are_no_figures(lang: str, text: str) -> None:
    assert all(v not in (11.0, 80.0, 66.0) for _q, v, _lo, _hi in _read(text, lang))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("С начала операции КНДР лишилась порядка 4 тысяч военнослужащих.", ("casualties_total", 4000.0)),
        ("Северокорейский контингент лишился свыше 3 тысяч человек.", ("casualties_total", None)),
    ],
)
def test_a_verb_of_losing_counts_losses(text: str, want: tuple[str, float | None]) -> None:
    got = [(q, v) for q, v, _lo, _hi in _read(text, "ru")]
    assert want in got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Моя оценка — от 500 миллионов до миллиарда долларов в год, если считать вместе с боеприпасами."),
        ("pl", "Pjongjang zarabia nawet 2 mld dolarów rocznie wraz z dostawami amunicji."),
        ("uk", "КНДР отримала від Росії близько 20 млрд доларів, включно з оплатою за снаряди."),
    ],
)
def test_troops_and_arms_together_are_revenue(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["total_revenue_to_nk"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "КНДР заработала на поставках боеприпасов около 1 млрд долларов."),
        ("pl", "Za dostawy amunicji Korea Północna dostała ok. 1 mld dolarów."),
    ],
)
def test_arms_alone_stay_arms(lang: str, text: str) -> None:
    assert [q for q, *_ in _read(text, lang)] == ["other:arms_revenue"]
