"""Numbers in every script and language pack: read right or not at all (phrasings written for these tests)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from troopledger.claims import QUANTITIES, Claim, SourceRef, extract_claims
from troopledger.claims._cues import COUNTED
from troopledger.claims._numerals import ascii_digits, find_figures, parse_digits
from troopledger.claims._packs import LANGUAGES, load_pack
from troopledger.sources import document_from_bytes


def _values(text: str, lang: str) -> list[float]:
    return [f.value for f in find_figures(ascii_digits(text.lower()), load_pack(lang))]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("de", "Rund 7.500 Soldaten kamen an.", [7500]),
        ("de", "Die Kosten lagen bei 1,5 Mio. Euro und 2,25 Mrd. Dollar.", [1.5e6, 2.25e9]),
        ("de", "Es waren 12’400 Mann und 3'100 Pioniere.", [12400, 3100]),
        ("de", "Sie erhielten 1.234,5 Franken.", [1234.5]),
        ("fr", "Quelque 8\u202f200 soldats et 4\u00a0600 ouvriers.", [8200, 4600]),
        ("fr", "Un budget de 3,5 milliards de dollars.", [3.5e9]),
        ("fr", "Près de neuf mille hommes.", [9000]),
        ("es", "Llegaron 9.300 soldados y cobraron 1,8 millones.", [9300, 1.8e6]),
        ("es", "Unos tres mil hombres.", [3000]),
        ("pt", "Chegaram 7 mil militares e R$ 2,5 mil por mês.", [7000, 2500]),
        ("pt", "Cerca de 2,3 milhões de pessoas.", [2.3e6]),
        ("it", "Oltre 4.800 soldati e 12 mila lavoratori.", [4800, 12000]),
        ("pl", "Ponad 14 tys. żołnierzy i 2,4 mld dolarów.", [14000, 2.4e9]),
        ("pl", "Około trzech tysięcy ludzi.", [3000]),
        ("ru", "Около 7 тыс. солдат и 3,4 млн рублей.", [7000, 3.4e6]),
        ("ru", "Примерно 12 500 военных и семь тысяч рабочих.", [12500, 7000]),
        ("uk", "Близько 4,2 тис. військових і п’ять тисяч будівельників.", [4200, 5000]),
        ("uk", "Загинули семеро саперів, ще троє поранені.", [7, 3]),
        ("ru", "Погибли четверо военных.", [4]),
        ("ko", "병력 1만 3천여 명과 월 2천만 달러, 총 3조 4000억 원.", [13000, 2e7, 3.4e12]),
        ("ko", "5억 2천만 달러와 8000~1만 2000원.", [5.2e8, 8000, 12000]),
        ("ja", "約3万4000人と2兆5000億円、月額15億円。", [34000, 2.5e12, 1.5e9]),
        ("ja", "およそ1万7,000のコンテナ。", [17000]),
        ("zh", "超过1.6万名士兵，3.5亿美元。", [16000, 3.5e8]),
        ("zh", "約2.4萬人與7億元。", [24000, 7e8]),
        ("en", "Some 1,20,000 workers and 12\u2009500 troops.", [120000, 12500]),
        ("zh", "首批两千名士兵和一万二千人", [2000, 12000]),
        ("ja", "兵士三千五百人が到着、一人が負傷", [3500]),
    ],
)
def test_number_formats(lang: str, text: str, want: list[float]) -> None:
    assert _values(text, lang) == pytest.approx(want)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "2025.3.14 08:45 기사입력, 제2471호 결의"),
        ("ko", "김 위원장(41)은 20대 병사를 만났다"),
        ("ja", "2024年11月3日 15:20更新、41歳"),
        ("zh", "2023-09-14 17:05:33 第3次会议"),
        ("ru", "17 мая 2025 года, гаубица 152-мм и БТР-82"),
        ("uk", "9 березня 2024 року о 10:15"),
        ("de", "Am 4. Mai 2025 um 9:30 Uhr, Kaliber 155 mm"),
        ("fr", "Publié le 12/05/2025 à 14:10, obus de 152 mm"),
        ("es", "Lima, martes (19) — 2025/04/11 06:55"),
        ("pt", "quinta-feira (21) às 18:40"),
        ("pl", "Dnia 2025-06-30, godz. 07:45"),
        ("it", "Aggiornato il 2026.1.1 alle 11:05"),
        ("en", "Posted March. 27, 2025 08:52, photo epa07529911"),
    ],
)
def test_dates_times_ages_calibres_and_ids_are_never_figures(lang: str, text: str) -> None:
    assert _values(text, lang) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("１２，０００人", [12000]),  # full-width digits and comma
        ("١٢٬٥٠٠ soldiers", [12500]),  # Arabic-Indic digits and separator
        ("\U0001d7cf\U0001d7d0\u202f\U0001d7ce\U0001d7ce\U0001d7ce troops", [12000]),  # mathematical bold
        ("१५,००० troops", [15000]),  # Devanagari
    ],
)
def test_other_digit_systems_are_read_as_their_digits(text: str, want: list[float]) -> None:
    lang = "ja" if "人" in text else "en"
    assert _values(text, lang) == pytest.approx(want)


def test_ascii_digits_keeps_every_offset() -> None:
    text = "約１２３人 and \U0001d7d1 and ٣"
    assert len(ascii_digits(text)) == len(text)
    assert ascii_digits(text) == "約123人 and 3 and 3"


@pytest.mark.parametrize(
    ("lang", "raw", "want"),
    [
        ("de", "2,700", None),  # comma-decimal language: 2.7 or 2,700 cannot be told apart
        ("es", "2,70", 2.7),
        ("en", "2,700", 2700),
        ("en", "1,20,000", 120000),
        ("de", "1.2.3", None),
        ("fr", "12 34", None),
    ],
)
def test_ambiguous_digit_runs_are_not_guessed(lang: str, raw: str, want: float | None) -> None:
    assert parse_digits(raw, load_pack(lang)) == want


def test_decimal_comma_with_a_scale_word() -> None:
    assert _values("2,5 тысячи человек", "ru") == [2500]
    assert _values("2,5 mil soldados", "pt") == [2500]


def test_plural_scale_words_alone_are_vague_not_figures() -> None:
    assert _values("тисячі солдатів", "uk") == []
    assert _values("Tausende Soldaten", "de") == []
    assert _values("тисяча солдатів", "uk") == [1000]


def test_count_cues_name_vocabulary_quantities() -> None:
    assert all(q in QUANTITIES or q.startswith("other:") for q in COUNTED.values())


def test_every_pack_loads_and_names_its_language() -> None:
    for code in LANGUAGES:
        pack = load_pack(code)
        assert pack.code == code
        assert pack.name
        assert pack.cue("troops")
        assert pack.cue("killed")


#: Babel locales and the pack that reads numbers printed in them.
_LOCALES = {
    "de_DE": "de", "de_CH": "de", "fr_FR": "fr", "es_ES": "es", "pt_BR": "pt", "it_IT": "it", "pl_PL": "pl",
    "ru_RU": "ru", "uk_UA": "uk", "ko_KR": "ko", "ja_JP": "ja", "zh_CN": "zh", "en_US": "en", "en_IN": "en",
    "ar_EG": "en",
}  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1000, max_value=10**11), st.sampled_from(sorted(_LOCALES)))
def test_babel_formatted_integers_read_back(n: int, locale: str) -> None:
    written = format_decimal(n, locale=locale)
    got = _values(written + " ", _LOCALES[locale])
    groups = re.split(r"\D", ascii_digits(written))
    regular = ((len(groups) == 1 or len(groups[0]) <= 3) and all(len(g) == 3 for g in groups[1:])) or locale == "en_IN"
    assert got == [n] or (got == [] and not regular), written  # Babel's de_CH gives "1000000'000": not read


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=99), st.sampled_from(sorted(_LOCALES))
)
def test_babel_formatted_decimals_read_back(whole: int, cents: int, locale: str) -> None:
    x = whole + cents / 100
    written = format_decimal(x, format="#,##0.00", locale=locale)
    got = _values(written + " ", _LOCALES[locale])
    assert got == pytest.approx([x]) or (got == [] and whole >= 1000), written


@pytest.mark.parametrize(
    "written", ["٢٠٢٥-٠٣-٠١", "２０２５-０３-０１", "\U0001d7d0\U0001d7ce\U0001d7d0\U0001d7d3-03-01"]
)
def test_dates_in_other_digits_are_stored_as_ascii_iso(written: str) -> None:
    ref = SourceRef(id="x", outlet="Wire", date=written)
    assert ref.date == "2025-03-01"
    doc = document_from_bytes(b"Some text.", "a.txt", outlet="Wire", date=written)
    assert doc.date == "2025-03-01"
    claim = Claim(id="c1", quantity="troops_deployed", value=1000, speaker="Wire", window_start=written[:7])
    assert claim.window_start == "2025-03"


@pytest.mark.parametrize("rate", ["1e308", "0", "-3"])
def test_impossible_fixed_rates_are_refused_in_one_line(rate: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "troopledger", "report", "--currency", "KRW", "--rate", rate],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "--rate" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("North Korea has sent 12\u2009000 troops to Russia, officials said.", ("troops_deployed", 12000, "USD")),
        ("Some 1,20,000 North Korean workers are in Russia, officials said.", ("other:workers", 120000, "USD")),
        ("About 2,5 thousand North Korean soldiers were killed, officials said.", ("casualties_killed", 2500, "USD")),
        ("Pyongyang received 2억 won for the deployment, officials said.", ("other:amount", 2e8 / 1457.0, "KRW")),
    ],
)
def test_english_articles_read_other_number_forms_right(text: str, want: tuple[str, float, str]) -> None:
    (claim,) = extract_claims(document_from_bytes(text.encode(), "a.txt", outlet="Wire", date="2025-03-01"))
    assert (claim.quantity, claim.currency) == (want[0], want[2])
    assert claim.value == pytest.approx(want[1], rel=0.02)


def test_korean_units_in_an_english_sentence_are_money_not_a_count() -> None:
    text = "Each North Korean soldier is paid ₩270만 a month, officials said."
    (claim,) = extract_claims(document_from_bytes(text.encode(), "a.txt", outlet="Wire", date="2025-03-01"))
    assert claim.quantity == "pay_per_soldier_month"
    assert claim.currency == "KRW"
    assert 1500 < (claim.value or 0) < 2200  # 2.7 million won, about 1,850 dollars


@pytest.mark.parametrize(
    ("head", "want"),
    [
        ("2026年3月6日 10:15配信\n本文。", "2026-03-06"),
        ("입력 2026.02.03 14:20\n본문.", "2026-02-03"),
        ("Опубликовано 16.01.2026, 11:05\nТекст.", "2026-01-16"),
        ("２０２５/１２/０８ 09:30\n本文。", "2025-12-08"),
        ("No date here, only 12 000 troops.", ""),
    ],
)
def test_numeric_publication_dates_of_other_languages(head: str, want: str) -> None:
    assert document_from_bytes(head.encode(), "a.txt", outlet="Wire").date == want
