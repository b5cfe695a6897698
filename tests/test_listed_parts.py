"""Parts listed after a colon (a pack-driven rule of ``claims._restated.listed_part``), and seasons dating a wave.

A wave's parts by role are that wave ("6,000 more: 1,000 sappers and 5,000 builders"); a running
total's parts are its waves, each a wave of its own, and a season or month dates a dispatch in every
language (LABELS rule 14). Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from helpers import foreign_claims, labels_by_value


def _labelled(text: str, lang: str) -> dict[float, str]:
    return labels_by_value(foreign_claims(text, lang, date="2025-06-01"))


_TOTAL_THEN_WAVES = [
    (
        "ru",
        "Всего КНДР отправила в Россию около 15 тысяч военных: 11 тысяч осенью 2024 г. и 4 тысячи весной 2025 г..",
    ),
    (
        "uk",
        "Загалом КНДР відправила до Росії близько 15 тисяч військових: 11 тисяч восени 2024 і 4 тисячі навесні 2025.",
    ),
    (
        "de",
        "Insgesamt hat Nordkorea rund 15.000 Soldaten geschickt: 11.000 im Herbst 2024 und 4.000 im Frühjahr 2025.",
    ),
    (
        "fr",
        "Au total, Pyongyang a envoyé environ 15 000 soldats : 11 000 à l'automne 2024 et 4 000 au printemps 2025.",
    ),
    (
        "es",
        "En total, Pyongyang ha enviado unos 15.000 soldados: 11.000 en otoño de 2024 y 4.000 en primavera de 2025.",
    ),
    (
        "it",
        "In tutto Pyongyang ha inviato circa 15.000 soldati: 11.000 in autunno 2024 e 4.000 in primavera 2025.",
    ),
    (
        "pt",
        "Ao todo, Pyongyang enviou cerca de 15 mil soldados: 11 mil no outono de 2024 e 4 mil na primavera de 2025.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _TOTAL_THEN_WAVES)
def test_a_running_totals_parts_are_its_waves(lang: str, text: str) -> None:
    got = _labelled(text, lang)
    assert got[15000.0] == "cumulative_troops"
    assert got[11000.0] == "troops_per_rotation"
    assert got[4000.0] == "troops_per_rotation"


_WAVE_BY_ROLE = [
    ("de", "Nordkorea werde weitere 6.000 Soldaten schicken: 1.000 Pioniere und 5.000 Bauarbeiter."),
    ("fr", "Pyongyang enverra 6 000 soldats de plus : 1 000 démineurs et 5 000 bâtisseurs militaires."),
    ("ru", "КНДР направит ещё 6 тысяч военных: 1 тысячу саперов и 5 тысяч военных строителей."),
]


@pytest.mark.parametrize(("lang", "text"), _WAVE_BY_ROLE)
def test_a_waves_parts_by_role_are_that_wave(lang: str, text: str) -> None:
    got = _labelled(text, lang)
    assert got[6000.0] == got[1000.0] == got[5000.0] == "troops_per_rotation"


def test_parts_that_add_up_to_more_than_the_whole_are_not_its_parts() -> None:
    got = _labelled("Nordkorea werde weitere 6.000 Soldaten schicken: 4.000 Pioniere und 5.000 Bauarbeiter.", "de")
    assert got[4000.0] == "troops_per_rotation"  # the first fits in the whole
    assert 5000.0 in got  # the second is read on its own, whatever its cues say
