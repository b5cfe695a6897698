"""Paraphrases for the rules added against the English blind set (``tests/data/english_blind``).

Each rule is pinned by several phrasings written for this file (none taken from an article): a
rule that reads one of them and not the others is keyed to wording, not structure.
"""

from __future__ import annotations

import pytest

from troopledger.claims import Claim, extract_claims, find_numbers
from troopledger.sources import document_from_bytes


def _claims(text: str) -> list[Claim]:
    doc = document_from_bytes(text.encode(), "p.txt", date="2025-03-01", outlet="Test Wire")
    return extract_claims(doc)


def _one(text: str, value: float) -> Claim:
    found = [c for c in _claims(text) if value in (c.value, c.low, c.high)]
    assert found, (text, [(c.quantity, c.value, c.speaker) for c in _claims(text)])
    return found[0]


# --- speakers: a body named by a bare noun is the body named before --------------------------------

BODY_NOUNS = [
    "South Korea's spy agency briefed lawmakers.\n\nAbout 300 were killed, Rep. Kim said, citing the agency.",
    "South Korea's spy agency briefed lawmakers.\n\nBy the agency's count, about 300 have been killed.",
    "South Korea's spy agency briefed lawmakers.\n\nBy the agency's estimate about 300 have died in combat.",
    "South Korea's spy agency briefed lawmakers.\n\nAbout 300 have died, the agency told them.",
    "South Korea's spy agency briefed lawmakers.\n\nThe spy service believes about 300 have died.",
]


@pytest.mark.parametrize("text", BODY_NOUNS)
def test_bare_body_noun_is_the_named_body(text: str) -> None:
    c = _one(text, 300)
    assert c.quantity == "casualties_killed"
    assert "Korea" in c.speaker
    assert "spy agency" in c.speaker


FIRM_NOUNS = [
    (
        "Analysts at Bain & Company studied the plants. Russia makes about 1.3 million shells a year, the firm says.",
        "Bain",
    ),
    ("The US Treasury sanctioned a trader. He hired about 50 programmers, the department said.", "Treasury"),
    ("Reporters spoke to the Kyiv Institute for Defence Studies. About 400 were killed, the institute said.", "Kyiv"),
]


@pytest.mark.parametrize(("text", "who"), FIRM_NOUNS)
def test_firm_and_department_resolve_to_the_name(text: str, who: str) -> None:
    c = next(c for c in _claims(text) if c.central and c.central >= 50)
    assert who in c.speaker, (text, c.speaker)


def test_a_service_described_stays_as_written() -> None:
    # "the border service" names its body by itself; it is not a reference back to another one
    c = _one("The FSB spoke on Monday. The border service said it counted 300 entries by North Koreans.", 300)
    assert "border service" in c.speaker


APPOSITIONS = [
    "Vadym Skibitskyi, deputy head of Ukraine's military intelligence, said about 1.5 million rounds were shipped.",
    "Jane Moore, head of research at the Harbour Institute, said about 1.5 million rounds were shipped.",
    "Tom Reyes, chief analyst of a Kyiv think tank, said about 1.5 million rounds were shipped.",
]


@pytest.mark.parametrize("text", APPOSITIONS)
def test_name_before_a_role_without_article(text: str) -> None:
    c = _one(text, 1.5e6)
    assert c.speaker.split(",")[0] == text.split(",")[0]


ASIDES = [
    "Ukraine's military intelligence, for its part, says North Korean shells make up about 40 percent of the total.",
    "Ukraine's military intelligence, in turn, says North Korean shells make up about 40 percent of the total.",
    "Ukraine's military intelligence, meanwhile, says North Korean shells make up about 40 percent of the total.",
]


@pytest.mark.parametrize("text", ASIDES)
def test_aside_between_subject_and_verb(text: str) -> None:
    assert _one(text, 0.4).speaker == "Ukraine's military intelligence"


@pytest.mark.parametrize(
    "text",
    [
        "About 300 were killed, says Kim Min-ho.",
        "About 300 were killed, said Kim Min-ho on Monday.",
        "About 300 were killed, says Kim Min-ho, a lawmaker.",
    ],
)
def test_trailing_name_still_read(text: str) -> None:
    assert _one(text, 300).speaker.startswith("Kim Min-ho")


RELAYS_TOGETHER = [
    "Rep. Lee Seong-kweun told reporters, citing the National Intelligence Service, that 600 were killed.\n\n"
    "Both lawmakers said some 15,000 workers had also been sent.",
    "Rep. Lee Seong-kweun told reporters, citing the National Intelligence Service, that 600 were killed.\n\n"
    "The two lawmakers said some 15,000 workers had also been sent.",
]


@pytest.mark.parametrize("text", RELAYS_TOGETHER)
def test_lawmakers_together_relay_the_source(text: str) -> None:
    c = _one(text, 15000)
    assert "Intelligence" in c.speaker
    assert c.via


# --- counts ----------------------------------------------------------------------------------------

WAVE_WORDS = [
    "The first wave arrived in autumn, and a second group of about 3,000 followed early this year, the agency said.",
    "A further batch of about 3,000 reached Russia in February, Seoul said.",
    "Seoul's spy agency put the size of the second wave, sent in winter, at 3,000.",
]


@pytest.mark.parametrize("text", WAVE_WORDS)
def test_wave_word_before_a_bare_count(text: str) -> None:
    assert _one(text, 3000).quantity == "troops_per_rotation"


@pytest.mark.parametrize(
    "text",
    [
        "More than 6,000 were killed or wounded, over half of the roughly 11,000 who were first deployed.",
        "Casualties top 6,000 among the 11,000 who were first sent to Kursk.",
    ],
)
def test_who_were_first_deployed_is_a_wave(text: str) -> None:
    assert _one(text, 11000).quantity == "troops_per_rotation"


SENT_HOME = [
    "Roughly 2,000 of the wounded were sent back to North Korea in March, the agency said.",
    "About 2,000 of the injured have since been flown home, the agency said.",
    "Some 2,000 wounded soldiers were repatriated over the winter, the agency said.",
]


@pytest.mark.parametrize("text", SENT_HOME)
def test_wounded_sent_home_are_not_new_casualties(text: str) -> None:
    assert _one(text, 2000).quantity.startswith("other:")


def test_casualties_still_read() -> None:
    assert _one("About 2,000 North Korean soldiers were wounded in March, the agency said.", 2000).quantity == (
        "casualties_wounded"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two in five of the shells were duds, he said.", 0.4),
        ("One in three soldiers was wounded, the agency said.", 1 / 3),
        ("Nine out of ten workers hand over their wages, he said.", 0.9),
        ("1 in 4 shells failed, the study found.", 0.25),
    ],
)
def test_ratio_words_are_shares(text: str, value: float) -> None:
    assert any(n.form == "fraction" and abs(n.value - value) < 1e-9 for n in find_numbers(text))


@pytest.mark.parametrize("text", ["They sent two in October.", "Production rose in 2024, two in 2025 were idle."])
def test_ratio_needs_a_small_denominator(text: str) -> None:
    assert not any(n.form == "fraction" for n in find_numbers(text))


LIST_ITEMS = [
    "Key figures\n\n- Containers: about 28,000 since August 2023, the agency said.",
    "Key figures\n\n* Shells: at least 28,000, the agency said.",
    "Key figures\n\nMissiles: no more than 28,000, the agency said.",
]


@pytest.mark.parametrize("text", LIST_ITEMS)
def test_list_label_names_what_is_counted(text: str) -> None:
    c = _one(text, 28000)
    assert c.quantity not in ("other:count", "troops_deployed"), c.quantity


@pytest.mark.parametrize(
    "text",
    [
        "Media enquiries: press office, +44 20 7946 0321",
        "Call +1 (202) 555-0147 for interviews.",
        "Contact: +82 2 3703 1234 (Seoul desk).",
    ],
)
def test_telephone_numbers_are_not_figures(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize("tail", ["followed early this year", "went home across the border", "left thus"])
def test_words_ending_in_s_are_not_plural_nouns(tail: str) -> None:
    c = _one(f"A second group of about 3,000 {tail}, the agency said.", 3000)
    assert c.quantity == "troops_per_rotation"


# --- money -----------------------------------------------------------------------------------------

RUSSIAN_PAY = [
    "Men who sign a contract with the army can receive a one-off payment of up to 1.9 million roubles.",
    "Foreigners are paid less. A recruit from Nepal said he was promised $2,000 a month.",
    "Russia's recruitment drive offers $2,000 a month to anyone who enlists.",
]


@pytest.mark.parametrize("text", RUSSIAN_PAY)
def test_recruits_pay_is_not_north_korean_pay(text: str) -> None:
    money = [c for c in _claims(text) if c.unit not in ("persons",)]
    assert money
    assert all(c.quantity == "other:russian_pay" for c in money), [(c.quantity, c.value) for c in money]


@pytest.mark.parametrize(
    "text",
    [
        "The average monthly wage in Russia stood at about 80,000 roubles this summer.",
        "The national average salary was about 80,000 roubles a month.",
    ],
)
def test_a_national_average_wage_is_no_soldier_pay(text: str) -> None:
    assert [c.quantity for c in _claims(text)] == ["other:amount"]


WORKERS_BEFORE = [
    "Six workers who fled Russian building sites spoke to us. They said they kept $150 a month.",
    "Escaped labourers described their days. Each was left with about $150 a month, they said.",
]


@pytest.mark.parametrize("text", WORKERS_BEFORE)
def test_workers_in_the_sentence_before(text: str) -> None:
    assert _one(text, 150).quantity in ("overseas_worker_take_home", "overseas_worker_wage_month", "other:worker_wage")


def test_soldiers_pay_still_read_after_workers() -> None:
    text = "Workers abroad face long days. North Korean soldiers are paid $2,000 a month, the agency said."
    assert _one(text, 2000).quantity == "pay_per_soldier_month"


def test_same_amount_by_another_speaker_keeps_its_own_label() -> None:
    text = (
        "A Nepali recruit said he got a bonus of $2,000 when he signed up, a rights group said.\n\n"
        "Seoul's spy agency says Russia pays about $2,000 a month for each North Korean soldier."
    )
    labels = {c.speaker: c.quantity for c in _claims(text) if c.value == 2000}
    assert labels.get("Seoul's spy agency") == "pay_per_soldier_month", labels


# --- a headline restates the body; the people counted are not the source ---------------------------

HEADLINES = [
    "Lawmaker: North Korea has sent 15,000 troops to Russia\n\n"
    "North Korea has sent a total of about 15,000 troops to Russia, Rep. Lee said, citing the spy agency.",
    "N. Korea troops in Russia reach 15,000\n\n"
    "Altogether Pyongyang has dispatched some 15,000 of its men, the National Intelligence Service said.",
]


@pytest.mark.parametrize("text", HEADLINES)
def test_headline_takes_the_body_speaker_across_troop_labels(text: str) -> None:
    speakers = {c.speaker for c in _claims(text) if c.central == 15000}
    assert "Test Wire" not in speakers
    assert len(speakers) == 1, speakers


COUNTED_SUBJECTS = [
    "The spy agency briefed lawmakers.\n\nTwo soldiers captured by Ukraine told interrogators they got $100 a month, "
    "according to the briefing.",
    "The spy agency briefed lawmakers.\n\nThree prisoners held in Kyiv said they got $100 a month, "
    "according to the briefing.",
]


@pytest.mark.parametrize("text", COUNTED_SUBJECTS)
def test_people_counted_are_not_the_source(text: str) -> None:
    assert _one(text, 100).speaker != text.split("\n\n")[1].split(" told")[0]
    assert "agency" in _one(text, 100).speaker


def test_counted_experts_still_speak() -> None:
    c = _one("Two analysts at the Sejong Institute said about 300 were killed.", 300)
    assert "Sejong" in c.speaker


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The new bridge will cost about $100 million, the Financial Times reported.", "Financial Times"),
        ("The new bridge will cost about $100 million, the Korea Times said.", "Korea Times"),
        ("The New York Times reported that the bridge will cost about $100 million.", "New York Times"),
    ],
)
def test_times_in_a_name_is_no_time_word(text: str, who: str) -> None:
    assert who in _one(text, 1e8).speaker


PASSIVE_AFTER_SOURCE = [
    "Pay runs from $2,800 to $5,000 a month, a source inside North Korea told Daily NK. "
    "Officers are said to receive about $5,200.",
    "Pay runs from $2,800 to $5,000 a month, a source inside North Korea told Daily NK. "
    "Officers in the front units are said to receive about $5,200.",
]


@pytest.mark.parametrize("text", PASSIVE_AFTER_SOURCE)
def test_passive_goes_on_with_the_source_before(text: str) -> None:
    assert _one(text, 5200).speaker == "a source inside North Korea"


def test_passive_alone_stays_unnamed() -> None:
    assert _one("Officers are said to receive about $5,200 a month.", 5200).speaker == "unnamed reports"


def test_a_reported_passive_after_a_source_stays_unnamed() -> None:
    text = "The institute says soldiers are promised $1,800 a month. Up to 85% is reported to be kept by the state."
    assert _one(text, 0.85).speaker == "unnamed reports"


@pytest.mark.parametrize(
    "text",
    [
        "A source inside North Korea spoke to Daily NK.\n\nThe same source said the state gets $6,000 per death.",
        "Two sources close to the Kremlin spoke to us.\n\nThe sources said the state gets $6,000 per death.",
    ],
)
def test_the_same_source(text: str) -> None:
    assert "source" in _one(text, 6000).speaker
    assert _one(text, 6000).speaker.lower().startswith(("a ", "two "))


# --- revisions, hypotheticals, bare counts ---------------------------------------------------------

REVISIONS = [
    "South Korea's spy agency revised its estimate of North Korean dead up from 600 to 2,000.",
    "South Korea's spy agency raised its count of North Korean deaths to 2,000 from 600.",
    "South Korea's spy agency updated its tally of North Korean soldiers killed to 2,000 from about 600.",
]


@pytest.mark.parametrize("text", REVISIONS)
def test_revisions_give_both_figures_and_the_reviser(text: str) -> None:
    for value in (600, 2000):
        c = _one(text, value)
        assert c.quantity == "casualties_killed", (value, c.quantity)
        assert c.speaker == "South Korea's spy agency"


@pytest.mark.parametrize(
    "text",
    [
        "The first wave numbered 10,000 to 12,000 troops, according to Western estimates.",
        "The first wave numbered 10,000 to 12,000 troops, according to British reports.",
    ],
)
def test_according_to_a_plural_noun(text: str) -> None:
    assert not _one(text, 10000).speaker.lower().startswith("according")


BASIS = [
    ("If 10,000 soldiers were sent, Pyongyang would earn about $20 million a month, an analyst said.", 10000, 2e7),
    (
        "Assuming each of the 12,000 soldiers is paid $2,000, the regime would collect $24 million a month.",
        12000,
        2.4e7,
    ),
    ("Were 5,000 more men to go, the payroll could rise by $10 million a month, he said.", 5000, 1e7),
]


@pytest.mark.parametrize(("text", "basis", "result"), BASIS)
def test_basis_of_arithmetic_is_no_claim(text: str, basis: float, result: float) -> None:
    figures = [(c.value, c.low, c.high) for c in _claims(text)]
    assert all(basis not in f for f in figures), figures
    assert _one(text, result).quantity == "total_revenue_to_nk"


def test_a_condition_without_arithmetic_stays_a_claim() -> None:
    c = _one("I would not be surprised if another 3,000 were sent early next year, the analyst said.", 3000)
    assert c.quantity == "troops_per_rotation"


@pytest.mark.parametrize(
    "text",
    [
        "North Korean soldiers train in Kursk. About 11,000 were sent last autumn, the agency said.",
        "North Korean soldiers train in Kursk. About 11,000 have been deployed there, the agency said.",
        "North Korean soldiers train in Kursk. About 11,000 are now stationed there, the agency said.",
    ],
)
def test_bare_count_with_a_dispatch_or_presence_verb(text: str) -> None:
    assert _one(text, 11000).quantity in ("troops_deployed", "troops_per_rotation")


# --- interview transcripts and documents named by a common noun ------------------------------------

INTERVIEWS = [
    "Interview: Choi Min-ji of the Harbour Institute spoke to us.\n\nQ: What does a soldier cost?\n"
    "A: About $2,000 a month goes to the state per soldier.",
    "Choi Min-ji, a fellow at the Harbour Institute, answered our questions.\n\nQuestion: And the pay?\n"
    "Answer: Roughly $2,000 a month per soldier, paid to the state.",
    "We spoke to Choi Min-ji, an economist.\n\nQ. How much is paid?\nA. I think $2,000 a month per soldier.",
]


@pytest.mark.parametrize("text", INTERVIEWS)
def test_answers_are_the_interviewee(text: str) -> None:
    assert _one(text, 2000).speaker == "Choi Min-ji"


def test_a_question_is_not_the_interviewee() -> None:
    text = "Choi Min-ji spoke to us.\n\nQ: Seoul says $2,000 a month is paid. Is that right?\nA: Yes."
    assert _one(text, 2000).speaker != "Choi Min-ji"


@pytest.mark.parametrize(
    "text",
    [
        "The UN panel issued its findings in March. The report says more than 10,000 containers were shipped.",
        "The UN panel met in March. Its report says more than 10,000 containers were shipped.",
    ],
)
def test_the_report_of_a_panel(text: str) -> None:
    assert "panel" in _one(text, 10000).speaker


@pytest.mark.parametrize(
    "text",
    [
        "The death toll among North Korean troops has climbed past 2,000, the NIS said.",
        "North Korean deaths have risen beyond 2,000, the NIS said.",
        "The number of North Korean dead has crept past 2,000, the NIS said.",
    ],
)
def test_a_toll_moving_past_a_figure_is_a_lower_bound(text: str) -> None:
    c = _one(text, 2000)
    assert (c.quantity, c.low, c.value) == ("casualties_killed", 2000, None)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea will send 6,000 military construction workers to Kursk, Shoigu said.",
        "Pyongyang agreed to send 6,000 military building workers to Russia, Shoigu said.",
    ],
)
def test_military_construction_workers_are_troops(text: str) -> None:
    assert _one(text, 6000).quantity == "troops_per_rotation"


def test_civilian_construction_workers_stay_workers() -> None:
    text = "Some 6,000 North Korean construction workers were hired by firms in Vladivostok, the agency said."
    assert not _one(text, 6000).quantity.startswith("troops")


@pytest.mark.parametrize(
    "text",
    [
        "Kim sent a further 3,000 men in January, the NIS said.",
        "Pyongyang sent another 3,000 men last winter, the NIS said.",
        "North Korea dispatched 3,000 more men in February, the NIS said.",
    ],
)
def test_men_sent_as_a_further_wave_are_troops(text: str) -> None:
    assert _one(text, 3000).quantity == "troops_per_rotation"


TABLES = [
    "| Item | Low estimate | High estimate |\n|---|---|---|\n| Artillery shells | 5.7 million | 6.7 million |",
    "| Item | Minimum | Maximum |\n|---|---|---|\n| Shells | 5.7 million | 6.7 million |",
    "| What | From | To |\n| --- | --- | --- |\n| Rounds shipped | 5.7 million | 6.7 million |",
]


@pytest.mark.parametrize("text", TABLES)
def test_a_low_and_a_high_column_make_a_range(text: str) -> None:
    c = _one(text, 5.7e6)
    assert (c.low, c.high) == (5.7e6, 6.7e6)
    assert c.quantity.startswith("other:")


def test_other_tables_keep_their_cells_apart() -> None:
    text = "| Item | Shipped | Used |\n|---|---|---|\n| Shells | 500,000 | 300,000 |"
    assert all(c.low is None for c in _claims(text))


def test_a_page_counter_is_still_no_figure() -> None:
    assert _claims("Page 1 of 2 | Next story") == []
