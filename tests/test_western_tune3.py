"""Sixth pass over the German, French, Spanish, Portuguese and Italian packs: paraphrases written for these tests.

Each mechanism that came from ``tests/data/western_tune3/tune`` is pinned by sentences phrased
otherwise, in several of the five languages: a day before an abbreviated month, French clock
times, hyphenated ages, year and age ranges in words; things counted in place of people; a
planned dispatch (an auxiliary and a verb of sending in one clause); "N of M"; the wounded sent
home; parts listed after a colon; a question paragraph giving its answer a topic; "un millier";
aid, luxury goods and hourly wages; sources and people quoted by name. None copies an article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _benchmarks import load_benchmark
from helpers import foreign_claims, labels_by_value
from troopledger.claims import Claim

ROOT = Path(__file__).resolve().parent.parent


def _claims(text: str, lang: str) -> list[Claim]:
    return foreign_claims(text, lang, date="2025-03-01")


def _values(text: str, lang: str) -> list[float | None]:
    return [v for c in _claims(text, lang) for v in (c.value, c.low, c.high) if v is not None]


def _labelled(text: str, lang: str) -> dict[float, str]:
    return labels_by_value(_claims(text, lang))


_DATES_AND_TIMES: list[tuple[str, str, float]] = [
    ("es", "Lima, 4 mar (Andina).- Unos 400 soldados norcoreanos habrían muerto en Kursk.", 4),
    ("pt", "Lisboa, 17 fev 2025 (Lusa) - Cerca de 400 soldados norte-coreanos terão morrido.", 17),
    ("it", "(ANSA) - ROMA, 22 GEN - Sarebbero circa 400 i soldati nordcoreani uccisi.", 22),
    ("fr", "Séoul, 9 janv. (AFP) - Environ 400 soldats nord-coréens auraient été tués.", 9),
    ("de", "Seoul, 12. Okt. (dpa) - Rund 400 nordkoreanische Soldaten sollen gefallen sein.", 12),
    ("fr", "06h40 : environ 400 soldats nord-coréens auraient été tués, selon Séoul.", 6),
    ("fr", "Mis à jour à 17 h 25. Environ 400 soldats nord-coréens auraient été tués.", 25),
    ("de", "Ein 58-jähriger Offizier sagte, rund 400 nordkoreanische Soldaten seien gefallen.", 58),
    ("de", "Von 1950 bis 1953 verlor Nordkorea Hunderttausende Soldaten; nun sollen 400 gefallen sein.", 1953),
    ("fr", "Entre 1950 et 1953, la Corée du Nord a perdu des centaines de milliers d'hommes.", 1953),
    ("it", "Dal 1950 al 1953 la Corea del Nord perse centinaia di migliaia di soldati.", 1953),
    ("it", "I soldati, tra i 19 e i 23 anni, sarebbero circa 400, riferisce Seul.", 19),
    ("es", "Los soldados, de entre 18 y 24 años, serían unos 400, según Seúl.", 18),
]


@pytest.mark.parametrize(("lang", "text", "not_a_figure"), _DATES_AND_TIMES)
def test_dates_clock_times_ages_and_year_ranges_are_no_figures(lang: str, text: str, not_a_figure: float) -> None:
    assert not_a_figure not in _values(text, lang)


_THINGS: list[tuple[str, str, float]] = [
    ("it", "L'esercito ucraino ha abbattuto 1.300 droni russi in una settimana, ha detto Zelensky.", 1300),
    ("es", "El ejército ucraniano repelió 87 ataques rusos cerca de Pokrovsk.", 87),
    ("de", "Die Armee wehrte 112 russische Angriffe ab, meldete der Generalstab.", 112),
    ("fr", "Les forces russes ont conquis plus de 450 kilomètres carrés en novembre.", 450),
    ("pt", "O grupo de monitorização reúne 11 países, entre eles o Japão.", 11),
]


@pytest.mark.parametrize(("lang", "text", "value"), _THINGS)
def test_things_counted_are_not_troops(lang: str, text: str, value: float) -> None:
    got = _labelled(text, lang)
    assert got.get(value, "other:none").startswith("other:")


_PLANNED: list[tuple[str, str, float]] = [
    ("de", "Pjöngjang werde 4.000 Soldaten in die Region Kursk schicken, erklärte Schoigu.", 4000),
    ("de", "Nordkorea wolle im Sommer 3.500 Pioniere nach Russland entsenden, sagte Schoigu.", 3500),
    ("es", "Corea del Norte va a enviar 3.000 soldados a Kursk, dijo Shoigú.", 3000),
    ("pt", "Pyongyang vai enviar 2.500 militares para Kursk, afirmou Shoigu.", 2500),
    ("it", "Pyongyang dovrebbe inviare 3.000 soldati in Russia, ha detto Shoigu.", 3000),
    ("fr", "Pyongyang devrait envoyer 3 000 soldats en Russie, selon Choïgou.", 3000),
]


@pytest.mark.parametrize(("lang", "text", "value"), _PLANNED)
def test_a_planned_dispatch_is_a_wave(lang: str, text: str, value: float) -> None:
    assert _labelled(text, lang).get(value) == "troops_per_rotation"


_OUT_OF: list[tuple[str, str, float, float]] = [
    ("fr", "Quelque 800 Nord-Coréens seraient morts sur environ 12 000 soldats engagés.", 800, 12000),
    ("it", "Circa 800 nordcoreani sarebbero morti su circa 12.000 soldati impiegati.", 800, 12000),
    ("es", "Unos 800 norcoreanos habrían muerto de los 12.000 soldados desplegados.", 800, 12000),
]


@pytest.mark.parametrize(("lang", "text", "dead", "force"), _OUT_OF)
def test_the_whole_of_n_of_m_is_the_force(lang: str, text: str, dead: float, force: float) -> None:
    got = _labelled(text, lang)
    assert got.get(dead) == "casualties_killed"
    assert got.get(force, "").startswith(("troops_", "cumulative_"))


_REPATRIATED = [
    ("pt", "Perto de 1.500 feridos foram repatriados entre janeiro e março, segundo Seul."),
    ("es", "Unos 1.500 heridos fueron repatriados por tren, según la inteligencia surcoreana."),
    ("it", "Circa 1.500 feriti sono stati rimpatriati in aereo, secondo l'intelligence sudcoreana."),
]


@pytest.mark.parametrize(("lang", "text"), _REPATRIATED)
def test_the_wounded_sent_home(lang: str, text: str) -> None:
    assert _labelled(text, lang).get(1500) == "other:wounded_repatriated"


_PARTS = [
    ("de", "Nordkorea werde 6.000 Soldaten schicken: 2.000 Pioniere und 4.000 Bauarbeiter, sagte Schoigu."),
    ("es", "Pyongyang enviará 6.000 militares: 2.000 zapadores y 4.000 constructores militares, dijo Shoigú."),
]


@pytest.mark.parametrize(("lang", "text"), _PARTS)
def test_parts_after_a_colon_take_the_whole_label(lang: str, text: str) -> None:
    got = _labelled(text, lang)
    assert got.get(6000) == got.get(2000) == got.get(4000) == "troops_per_rotation"


_ANSWERS = [
    ("pt", "Quantos soldados já partiram para a Rússia?\n\nAo todo, cerca de 14 mil desde outubro de 2024.", 14000),
    ("es", "¿Cuántos soldados ha enviado Pyongyang?\n\nEn total, unos 14.000 desde octubre de 2024.", 14000),
    ("de", "Wie viele Soldaten hat Pjöngjang geschickt?\n\nInsgesamt rund 14.000 seit Oktober 2024.", 14000),
]


@pytest.mark.parametrize(("lang", "text", "value"), _ANSWERS)
def test_a_question_gives_its_answer_a_topic(lang: str, text: str, value: float) -> None:
    assert _labelled(text, lang).get(value) == "cumulative_troops"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Un millier de soldats nord-coréens auraient été blessés, selon Séoul."),
        ("it", "Un migliaio di soldati nordcoreani sarebbero rimasti feriti, secondo Seul."),
        ("pt", "Um milhar de soldados norte-coreanos terão ficado feridos, segundo Seul."),
    ],
)
def test_a_thousand_in_words(lang: str, text: str) -> None:
    assert _labelled(text, lang).get(1000) == "casualties_wounded"


_MONEY: list[tuple[str, str, float, str]] = [
    ("pt", "Portugal enviou mais de 180 milhões de euros em ajuda militar à Ucrânia.", 180e6, "aid"),
    ("es", "España aprobó 300 millones de euros de ayuda militar; Pyongyang, mientras, envía tropas.", 300e6, "aid"),
    ("de", "Pjöngjang kaufte Luxusgüter im Wert von 40 Millionen Dollar.", 40e6, "luxury_imports"),
    ("it", "Pyongyang ha importato beni di lusso per 40 milioni di dollari.", 40e6, "luxury_imports"),
    ("pt", "Os operários norte-coreanos recebem US$ 3 por hora na Rússia.", 3, "wage"),
    ("es", "Los obreros norcoreanos cobran unos 3 dólares por hora en Rusia.", 3, "wage"),
]


@pytest.mark.parametrize(("lang", "text", "value", "want"), _MONEY)
def test_aid_luxury_and_hourly_money(lang: str, text: str, value: float, want: str) -> None:
    got = {c.stated: c.quantity for c in _claims(text, lang)}
    assert any(want in q for q in got.values()), got
    assert "total_revenue_to_nk" not in got.values()
    assert "domestic_monthly_wage" not in got.values()


_SPEAKERS: list[tuple[str, str, str]] = [
    ("es", "El investigador Park Min-jae sostiene que el régimen retiene el 85 % de la paga.", "Park Min-jae"),
    ("pt", "O Estado fica com 85% do soldo, calcula o economista Park Min-jae.", "Park Min-jae"),
    ("de", "Das Regime behalte 85 Prozent des Solds ein, meint die Ökonomin Vera Lindqvist.", "Vera Lindqvist"),
    ("it", "Il regime trattiene l'85% della paga, spiega l'analista Park Min-jae.", "Park Min-jae"),
    ("fr", "Le régime prélèverait 85 % de la solde, estime le chercheur Park Min-jae.", "Park Min-jae"),
    ("de", "Die Wirtschaft wuchs um 3,1 Prozent, rechnet die südkoreanische Zentralbank vor.", "Bank of Korea"),
    ("fr", "Selon des responsables occidentaux, 900 Nord-Coréens auraient été tués.", "Western officials"),
    ("it", "Il Tesoro americano stima che lo Stato trattenga il 90% dei salari dei lavoratori.", "US Treasury"),
]


@pytest.mark.parametrize(("lang", "text", "speaker"), _SPEAKERS)
def test_people_and_bodies_named_as_speakers(lang: str, text: str, speaker: str) -> None:
    speakers = {c.speaker for c in _claims(text, lang)}
    assert speaker in speakers, speakers


def test_a_place_or_a_leader_is_no_quoted_person() -> None:
    text = "Nach dem Treffen mit Kim Jong Un erklärte er, Nordkorea werde 5.000 Soldaten schicken."
    assert all("Jong" not in c.speaker for c in _claims(text, "de"))


#: First scores (rules of 31ed175): tune core 0.63, recall 0.62, precision 0.65; after this pass 0.86 / 0.78 / 0.85.
_FLOORS = {"core_recall": 0.83, "recall": 0.75, "precision": 0.82, "speaker": 0.66}


def test_tuning_part_scores_hold() -> None:
    mod = load_benchmark("eval_languages")
    data = ROOT / "tests" / "data" / "western_tune3" / "tune"
    for line in (data / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = (data / "texts" / f"{rec['id']}.txt").read_text(encoding="utf-8")
        assert all(c["quote"] in text for c in rec["claims"]), rec["id"]
    m = mod.score(None, None, data)["all"]
    got = {
        "core_recall": m["found_core"] / m["gold_core"],
        "recall": m["found"] / m["gold"],
        "precision": m["right"] / m["predicted"],
        "speaker": m["speaker"] / m["found"],
    }
    for key, floor in _FLOORS.items():
        assert got[key] >= floor, (key, got)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Moscou verserait 20 millions de dollars par mois pour ses soldats, soit 240 millions par an."),
        ("it", "Per i soldati Mosca pagherebbe al regime 20 milioni di dollari al mese, quasi 240 milioni l'anno."),
        ("es", "Por sus soldados, el régimen ingresaría 20 millones de dólares al mes, casi 240 millones al año."),
    ],
)
def test_a_second_amount_keeps_the_currency_left_out(lang: str, text: str) -> None:
    got = {(c.quantity, c.value) for c in _claims(text, lang)}
    assert ("total_revenue_to_nk", 240e6) in got, got
