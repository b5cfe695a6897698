"""Paraphrases for the English rules of the s25 pass: several phrasings of one fact per rule.

Every sentence here was written for this file (none is taken from an article or a dev set). A rule
that reads one phrasing of a family and not the others is keyed to wording, not structure. The
families are the causes found in the tuning halves and in sentences written to probe them: number
forms, bound words, casualty verbs, troop kinds, whose figure, shares, attribution and anaphora,
answers to questions, transcripts and live-blog stamps.
"""

from __future__ import annotations

import pytest

from troopledger.claims import Claim, extract_claims
from troopledger.claims._mentions import find_mentions
from troopledger.sources import document_from_bytes


def _claims(text: str) -> list[Claim]:
    doc = document_from_bytes(text.encode(), "p.txt", date="2025-03-01", outlet="Test Wire")
    return extract_claims(doc)


def _near(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 0.02 * abs(b)


def _one(text: str, value: float) -> Claim:
    found = [c for c in _claims(text) if any(_near(x, value) for x in (c.value, c.low, c.high))]
    assert found, (text, [(c.quantity, c.value, c.low, c.high, c.speaker) for c in _claims(text)])
    return found[0]


# --- attribution: names with inner "of", "for", "and" -----------------------------------------------

LONG_NAMES = [
    ("The Institute for the Study of War said 420 North Korean soldiers have died.", "Institute for the Study of War"),
    (
        "The Centre for Strategic and International Studies said 420 North Korean soldiers have died.",
        "Centre for Strategic and International Studies",
    ),
    (
        "The Institute for the Study of War put out a paper on Monday.\n\nThe paper said 420 North Korean soldiers "
        "have died.",
        "Institute for the Study of War",
    ),
    (
        "The Korea Institute for National Unification released a study on Monday.\n\nIts authors estimate 420 "
        "North Korean soldiers have died.",
        "Korea Institute for National Unification",
    ),
    (
        "The Korea Institute for National Unification released a study.\n\nThe researchers estimate that 420 North "
        "Korean soldiers have died.",
        "Korea Institute for National Unification",
    ),
]


@pytest.mark.parametrize(("text", "who"), LONG_NAMES)
def test_a_body_name_keeps_its_inner_words(text: str, who: str) -> None:
    c = _one(text, 420)
    assert c.quantity == "casualties_killed"
    assert who in c.speaker, c.speaker


def test_a_plain_list_of_speakers_is_kept() -> None:
    assert _one("Seoul and Washington said 420 North Korean soldiers have died.", 420).speaker == "Seoul and Washington"


# --- attribution: pronouns after a person met without a verb of saying ------------------------------

PRONOUNS = [
    'Kyrylo Budanov spoke to a broadcaster on Friday.\n\n"About 420 North Korean soldiers have died," he said.',
    "Kyrylo Budanov spoke to a broadcaster on Friday.\n\nHe said about 420 North Korean soldiers have died.",
    "Kyrylo Budanov spoke to a broadcaster on Friday.\n\nAbout 420 North Korean soldiers have died, he added.",
    "Kyrylo Budanov testified to parliament on Friday.\n\nAccording to him, about 420 North Korean soldiers died.",
]


@pytest.mark.parametrize("text", PRONOUNS)
def test_a_pronoun_is_the_person_met_before(text: str) -> None:
    assert "Budanov" in _one(text, 420).speaker


# --- attribution: a source nested inside a relay ------------------------------------------------------

NESTED = [
    "Kim Byung-kee, a lawmaker on the intelligence committee, said the NIS estimated 420 North Korean soldiers died.",
    "Rep. Kim Byung-kee said the NIS estimated that 420 North Korean soldiers had died.",
    "Kim Byung-kee, a member of the committee, said the NIS believes 420 North Korean soldiers have died.",
]


@pytest.mark.parametrize("text", NESTED)
def test_the_estimating_body_is_the_source_and_the_lawmaker_the_relay(text: str) -> None:
    c = _one(text, 420)
    assert c.speaker == "the NIS" or c.speaker == "NIS", c.speaker
    assert any("Kim" in v for v in c.via), c.via


CITED_SOURCE = [
    ("The Kyiv Post reported that 420 North Korean soldiers had died, citing a source in military intelligence.", "in"),
    ("The Kyiv Post said 420 North Korean soldiers had died, citing sources at the defence ministry.", "at"),
    ("The paper said 420 North Korean soldiers had died, citing an official in Seoul.", "in"),
]


@pytest.mark.parametrize(("text", "where"), CITED_SOURCE)
def test_a_cited_source_keeps_where_it_sits(text: str, where: str) -> None:
    assert f" {where} " in _one(text, 420).speaker


# --- attribution: "It" is the body the sentence before names as its subject -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv's agency said 4,100 were hurt. South Korea's National Intelligence Service gave a lower figure. "
        "It told lawmakers that 3,050 North Korean troops had been killed or injured.",
        "Kyiv's agency said 4,100 were hurt. South Korea's National Intelligence Service disagreed. It "
        "estimated that 3,050 North Korean troops had been killed or injured.",
        "Kyiv's agency said 4,100 were hurt.\n\nSouth Korea's National Intelligence Service counts fewer. It "
        "says 3,050 North Korean troops have been killed or injured.",
    ],
)
def test_it_is_the_body_just_named(text: str) -> None:
    assert "National Intelligence Service" in _one(text, 3050).speaker


def test_it_after_a_phrase_that_names_no_body_keeps_the_speaker() -> None:
    text = (
        "The UK Ministry of Defence said the fighting was fierce. In its regular update the ministry gave no "
        "numbers. It estimated that about 1,800 North Korean soldiers were killed."
    )
    assert "Ministry of Defence" in _one(text, 1800).speaker


# --- attribution: subjects behind datelines, time stamps, asides -------------------------------------

SUBJECTS = [
    ("KYIV, March 3 (Harbour Wire) - Ukraine's military intelligence said 4,100 North Korean soldiers were "
     "killed or wounded.", "military intelligence"),
    ("Live updates\n\n2:45pm: Zelensky says North Korea has lost 4,100 killed or wounded.", "Zelensky"),
    ("Live updates\n\n14.45: Zelensky says North Korea has lost 4,100 killed or wounded.", "Zelensky"),
    ("Live updates\n\n09:15 - Zelensky says North Korea has lost 4,100 killed or wounded.", "Zelensky"),
    ("Budanov, the agency's chief, said 4,100 North Korean soldiers were killed or wounded.", "Budanov"),
    ("About 900 arrived in the autumn and 4,100 since the spring, the spy agency said.", "spy agency"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "who"), SUBJECTS)
def test_the_subject_is_found_behind_openers(text: str, who: str) -> None:
    assert who in _one(text, 4100).speaker


@pytest.mark.parametrize("text", ["Live updates\n\n14.45: Zelensky spoke.", "Updates\n\n09.30 - Talks began."])
def test_a_live_blog_stamp_is_no_figure(text: str) -> None:
    assert not _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "The agency revised up its count of North Korean dead to 640.",
        "The agency revised its count of North Korean dead to 640.",
        "The agency raised its estimate of North Korean dead to 640.",
    ],
)
def test_a_revised_estimate_is_said(text: str) -> None:
    assert "agency" in _one(text, 640).speaker


# --- casualty words -----------------------------------------------------------------------------------

KILLED = [
    "The fighting has claimed the lives of about 420 North Korean soldiers, Kyiv said.",
    "About 420 North Korean soldiers were slain near Sudzha, Kyiv said.",
    "Kyiv said 420 North Korean soldiers were slain in the assault.",
    "Kyiv puts the North Korean lives lost in the offensive at about 420.",
]


@pytest.mark.parametrize("text", KILLED)
def test_killed_in_other_words(text: str) -> None:
    c = _one(text, 420)
    assert c.quantity == "casualties_killed"
    assert c.speaker == "Kyiv"


TOTALS = [
    "Some 4,100 North Koreans have been put out of action, Kyiv said.",
    "Kyiv said 4,100 North Korean soldiers were out of action.",
    "The force had lost about 4,100 to death and injury, Kyiv said.",
    "Kyiv said deaths and injuries among North Korean troops came to 4,100.",
]


@pytest.mark.parametrize("text", TOTALS)
def test_killed_and_wounded_together_in_other_words(text: str) -> None:
    assert _one(text, 4100).quantity == "casualties_total"


@pytest.mark.parametrize(
    "text",
    [
        "The agency said the roughly 11,500 who came last autumn had lost about 4,100 to death and injury.",
        "The 11,500 North Korean soldiers sent to Kursk have lost some 4,100, the agency said.",
        "Of the force, the 11,500 deployed had already lost about 4,100 killed or wounded, the agency said.",
    ],
)
def test_the_force_that_lost_is_no_casualty(text: str) -> None:
    assert not _one(text, 11500).quantity.startswith("casualties")
    assert _one(text, 4100).quantity == "casualties_total"


# --- troop kinds (LABELS rule 14) ----------------------------------------------------------------------

KINDS = [
    ("Another 10,500 North Korean soldiers are still posted along the frontier, the agency said.", 10500,
     "troops_deployed"),
    ("Besides the builders, 10,500 North Korean soldiers remain deployed near the border, the agency said.", 10500,
     "troops_deployed"),
    ("Pyongyang has sent some 15,500 soldiers in three waves, the agency said.", 15500, "cumulative_troops"),
    ("North Korea has sent about 15,500 soldiers in two phases, the agency said.", 15500, "cumulative_troops"),
    ("All told, North Korea has sent some 15,500 soldiers, the agency said.", 15500, "cumulative_troops"),
    ("Russia could host 15,500 North Korean soldiers over a year through rotation, the agency said.", 15500,
     "cumulative_troops"),
    ("Over a year, North Korea has rotated about 15,500 soldiers through Kursk, the agency said.", 15500,
     "cumulative_troops"),
    ("The new arrivals brought the total of soldiers Pyongyang has dispatched to about 15,500, the agency said.",
     15500, "cumulative_troops"),
    ("The initial deployment of about 11,500 North Korean troops took place last autumn, the agency said.", 11500,
     "troops_per_rotation"),
    ("Around 11,500 North Korean troops were deployed to Kursk in the autumn, the agency said.", 11500,
     "troops_per_rotation"),
    ("Pyongyang originally sent about 11,500 soldiers, the agency said.", 11500, "troops_per_rotation"),
    ("The first detachment of about 11,500 soldiers reached Kursk, the agency said.", 11500, "troops_per_rotation"),
    ("About 9,500 arrived from the autumn and about 4,500 since the spring, the agency said.", 4500,
     "troops_per_rotation"),
    ("About 1,500 more have arrived since January, the agency said.", 1500, "troops_per_rotation"),
    ("Maybe three thousand more are in training, she said of the North Korean contingent.", 3000,
     "troops_per_rotation"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "kind"), KINDS)
def test_troop_kinds(text: str, value: float, kind: str) -> None:
    assert _one(text, value).quantity == kind


# --- money ----------------------------------------------------------------------------------------------

MONEY = [
    ("Each soldier is paid 2,100 US dollars per month, the report said.", 2100, "pay_per_soldier_month"),
    ("Each soldier is paid 2,100 American dollars a month, the report said.", 2100, "pay_per_soldier_month"),
    ("Moscow may have transferred as much as $21 billion to Pyongyang since 2023, a think tank says.", 2.1e10,
     "total_revenue_to_nk"),
    ("Russia has funnelled some $21 billion to North Korea, a think tank says.", 2.1e10, "total_revenue_to_nk"),
    ("Study: North Korea's war earnings top $21 billion", 2.1e10, "total_revenue_to_nk"),
    ("Defectors say the state takes almost everything, leaving a private with perhaps $110 a month.", 110,
     "soldier_take_home"),
    ("The regime pockets the pay and leaves each soldier with about $110 a month, defectors say.", 110,
     "soldier_take_home"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "quantity"), MONEY)
def test_money(text: str, value: float, quantity: str) -> None:
    assert _one(text, value).quantity == quantity


STATE_KEEPS = [
    "Each soldier gets a monthly wage of 2,000 dollars, of which the state keeps 90 per cent, the agency said.",
    "Soldiers are promised $2,000 a month, but the regime takes 90% of it, the agency said.",
    "A soldier is paid $2,000 monthly, and Pyongyang withholds 90 percent, the agency said.",
]


@pytest.mark.parametrize("text", STATE_KEEPS)
def test_the_share_the_state_keeps_in_its_own_clause(text: str) -> None:
    c = _one(text, 0.9)
    assert c.quantity == "state_share_of_pay"
    assert not c.complement


@pytest.mark.parametrize(
    "text", ["How much does Pyongyang earn from this?", "How much of the money is kept?", "So much is at stake."]
)
def test_how_much_is_no_share_word(text: str) -> None:
    assert not any(c.quantity == "state_share_of_pay" for c in _claims(text + " Soldiers are paid wages."))


# --- number forms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("eleven to twelve thousand troops", 11000, 12000),
        ("between two and three million dollars", 2e6, 3e6),
        ("one to two thousand soldiers", 1000, 2000),
        ("ten to 12 thousand troops", 10000, 12000),
    ],
)
def test_a_range_in_words_carries_its_scale(text: str, low: float, high: float) -> None:
    (m,) = find_mentions(text)
    assert (m.low, m.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "value"), [("two hundred and fifty troops", 250), ("one thousand and fifty men", 1050)]
)
def test_and_still_joins_after_a_hundred_or_a_scale(text: str, value: float) -> None:
    (m,) = find_mentions(text)
    assert m.low == m.high == value


# --- answers to questions -----------------------------------------------------------------------------------

ANSWERS = [
    ("How many North Korean troops are in Russia?\n\nAbout 11,500, according to South Korea's spy agency.", 11500,
     "troops_deployed", "spy agency"),
    ("How many North Korean soldiers have died?\n\nAround 420, Ukraine says.", 420, "casualties_killed", "Ukraine"),
    ("How many troops has North Korea sent?\n\nSome 15,500 so far, the agency said.", 15500, "troops_deployed",
     "agency"),
    ("Q: How many North Korean soldiers have been wounded?\n\nA: Roughly 2,700, by the agency's count.", 2700,
     "casualties_wounded", "agency"),
    ("How much are the soldiers paid?\n\nAbout $2,100 a month, according to the NIS.", 2100,
     "pay_per_soldier_month", "NIS"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "quantity", "who"), ANSWERS)
def test_an_answer_is_read_with_its_question(text: str, value: float, quantity: str, who: str) -> None:
    c = _one(text, value)
    assert c.quantity == quantity
    assert who in c.speaker
    assert "?" not in c.text  # the claim quotes the answer as written


def test_a_figure_in_the_question_is_not_repeated() -> None:
    found = _claims("How many of the 11,500 soldiers have died?\n\nAbout 420, the agency said.")
    assert [c.value for c in found].count(11500) <= 1


def test_an_answer_with_its_own_noun_is_read_as_written() -> None:
    c = _one("How many have died?\n\nAbout 420 workers died on building sites, the agency said.", 420)
    assert not c.quantity.startswith("casualties")


# --- transcripts --------------------------------------------------------------------------------------------

TRANSCRIPT = (
    "Transcript\n\nHost: With me is Dr. Mara Okafor of the Lisbon Defence College.\n\n"
    "Host: How many North Korean troops are in Kursk?\n\nOkafor: Around 11,500, though many are hurt.\n\n"
    "Host: And the dead?\n\nOkafor: I would put the dead at 1,550 at least.\n"
)


def test_a_transcript_turn_gives_its_speaker() -> None:
    for value in (11500, 1550):
        c = _one(TRANSCRIPT, value)
        assert c.speaker == "Dr. Mara Okafor", c.speaker


def test_labels_of_a_list_are_no_transcript() -> None:
    text = "Key figures\n\nContainers: about 28,500 so far.\n\nMissiles: up to 250, the agency said."
    assert all(c.speaker != "Containers" for c in _claims(text))


# --- the won as "W", and what is left when the state keeps the rest -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Russia pays about W2.7 million a month for each North Korean soldier, the spy agency said.",
        "Each North Korean soldier is paid W2.7 million monthly, the spy agency said.",
        "Moscow hands over W2,700,000 a month per North Korean soldier, the spy agency said.",
    ],
)
def test_won_written_with_a_w(text: str) -> None:
    c = next(c for c in _claims(text) if c.currency == "KRW")
    assert c.quantity == "pay_per_soldier_month"


@pytest.mark.parametrize("text", ["a W88 warhead was shown", "The W54 and W2 models", "WWII and W-2 forms"])
def test_a_w_before_a_small_number_is_no_money(text: str) -> None:
    assert not any(m.kind == "money" for m in find_mentions(text))


@pytest.mark.parametrize(
    "text",
    [
        "North Korean troops receive $110, while the state keeps the rest of the $2,000 a month, defectors said.",
        "Each soldier is handed $110 and the regime takes the remainder of his $2,000 monthly pay, defectors said.",
        "A private gets $110; the state pockets the balance of the $2,000 a month, defectors said.",
    ],
)
def test_what_is_left_when_the_state_keeps_the_rest(text: str) -> None:
    assert _one(text, 110).quantity == "soldier_take_home"
    assert _one(text, 2000).quantity == "pay_per_soldier_month"


# --- revisions, earlier clauses, lists of casualties, precedents ----------------------------------------

REVISED = [
    "North Korea has lost about 2,100 soldiers killed, up from an earlier estimate of 650, the NIS said.",
    "The NIS now counts 2,100 North Korean dead, up from 650 in January.",
    "The NIS put North Korean deaths at 2,100, up from a previous figure of 650.",
    "The NIS raised its estimate of North Korean deaths to about 2,100 from 650.",
]


@pytest.mark.parametrize("text", REVISED)
def test_the_earlier_value_takes_the_revised_figures_label(text: str) -> None:
    assert _one(text, 2100).quantity == "casualties_killed"
    assert _one(text, 650).quantity == "casualties_killed"


@pytest.mark.parametrize(
    "text",
    [
        "KIDA put the force at 14,500 in total - 11,500 in the first wave and 3,000 in the second.",
        "KIDA put the force at 14,500 in total; 11,500 came in the first wave and 3,000 in the second.",
        "The total force sent is 14,500 (11,500 in the first wave, then 3,000 more), KIDA said.",
    ],
)
def test_a_total_in_an_earlier_clause_does_not_make_its_parts_totals(text: str) -> None:
    assert _one(text, 14500).quantity == "cumulative_troops"
    assert _one(text, 11500).quantity == "troops_per_rotation"


LISTED = [
    "Officials say about 4,100 of the roughly 11,500 deployed have been killed, wounded, gone missing or captured.",
    "About 4,100 North Korean soldiers have been killed, wounded or captured, officials say.",
    "Officials say some 4,100 North Koreans were killed, injured or taken prisoner.",
]


@pytest.mark.parametrize("text", LISTED)
def test_killed_in_a_list_with_the_wounded_is_a_total(text: str) -> None:
    assert _one(text, 4100).quantity == "casualties_total"


@pytest.mark.parametrize(
    "text",
    [
        "More than 6,100 of the 11,500 initially deployed have become casualties, the ministry said.",
        "The 11,500 originally sent have taken more than 6,100 casualties, the ministry said.",
        "Of the 11,500 first dispatched, more than 6,100 are casualties, the ministry said.",
    ],
)
def test_the_force_first_sent_is_a_wave(text: str) -> None:
    assert _one(text, 11500).quantity == "troops_per_rotation"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The state likely keeps 80-90% of the pay, judging by how overseas workers are treated, Yoo said.", 0.8,
         0.9),
        ("The soldiers probably get about 10% of their pay, as overseas workers do, Shin said.", 0.9, 0.9),
        ("Like workers abroad, the soldiers likely hand 90% of the money to the state, Shin said.", 0.9, 0.9),
    ],
)  # fmt: skip
def test_workers_named_as_a_precedent_leave_the_soldiers_share(text: str, low: float, high: float) -> None:
    c = next(c for c in _claims(text) if c.unit == "fraction")
    assert c.quantity == "state_share_of_pay"
    assert (c.value if c.value is not None else c.low) == pytest.approx(low)


@pytest.mark.parametrize(
    "text",
    [
        "Some 1,500 special forces were shipped to Vladivostok between October 8 and 13, the NIS said.",
        "Some 1,500 special forces left from October 8 to 13, the NIS said.",
    ],
)
def test_the_end_of_a_range_of_days_is_no_figure(text: str) -> None:
    assert [c.value for c in _claims(text)] == [1500]


@pytest.mark.parametrize(
    "text",
    [
        "Russia will receive 1,000 North Korean deminers and 5,000 military builders, Shoigu said.",
        "Russia is to host 1,000 North Korean deminers and 5,000 military builders, Shoigu said.",
        "Moscow may soon get 1,000 North Korean deminers and 5,000 military builders, Shoigu said.",
    ],
)
def test_a_planned_arrival_is_a_wave(text: str) -> None:
    assert _one(text, 5000).quantity == "troops_per_rotation"


def test_workers_average_wage_is_their_wage() -> None:
    c = _one("The average wage of about 4,000 North Korean workers in Russia is roughly $800 a month.", 800)
    assert "worker" in c.quantity


# --- relays after a briefing, the toll, "think", lists of pay ---------------------------------------------

BRIEFED = [
    "Rep. Lee Seong-kweun said after a closed-door briefing by the National Intelligence Service that about 2,100 "
    "North Korean soldiers had died.",
    "Rep. Lee Seong-kweun, speaking after a briefing from the National Intelligence Service, said about 2,100 "
    "North Korean soldiers had died.",
    "About 2,100 North Korean soldiers have died, Rep. Lee Seong-kweun said following a briefing by the National "
    "Intelligence Service.",
]


@pytest.mark.parametrize("text", BRIEFED)
def test_a_lawmaker_after_a_briefing_relays_the_briefer(text: str) -> None:
    c = _one(text, 2100)
    assert "National Intelligence Service" in c.speaker, c.speaker
    assert any("Lee" in v for v in c.via), c.via


@pytest.mark.parametrize(
    "text",
    [
        "The spy agency had put the toll at 650 in April.",
        "The toll among North Korean troops stood at 650, the spy agency said.",
        "By April the North Korean toll had reached 650, the spy agency said.",
    ],
)
def test_the_toll_is_the_dead(text: str) -> None:
    assert _one(text, 650).quantity == "casualties_killed"


def test_a_casualty_toll_is_still_a_total() -> None:
    assert _one("The casualty toll among North Korean troops reached 4,100, Kyiv said.", 4100).quantity == (
        "casualties_total"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Analysts at the Korea Institute for Defense Analyses think Moscow hands over at least $2,000 monthly "
        "for each soldier.",
        "Researchers at the Korea Institute for Defense Analyses reckon each soldier earns at least $2,000 a month.",
    ],
)
def test_think_and_reckon_name_a_speaker(text: str) -> None:
    assert "Korea Institute for Defense Analyses" in _one(text, 2000).speaker


def test_i_think_names_no_one() -> None:
    c = _one('"I think each soldier earns at least $2,000 a month," the colonel told us.', 2000)
    assert c.speaker != "I"


PAY_LISTS = [
    "Privates are paid $2,800 a month on paper, according to a source, and commanders up to $5,000.",
    "A source says privates get $2,800 a month, sergeants $3,000 and officers as much as $5,000.",
    "Pay runs from $2,800 a month for privates, a source says, and officers about $5,000.",
]


@pytest.mark.parametrize("text", PAY_LISTS)
def test_an_amount_that_goes_on_a_list_of_pay(text: str) -> None:
    assert _one(text, 2800).quantity == "pay_per_soldier_month"
    assert _one(text, 5000).quantity == "pay_per_soldier_month"


def test_an_amount_of_something_else_is_not_pulled_into_the_list() -> None:
    c = _one("Privates are paid $2,800 a month; the new barracks cost $5,000 to build.", 5000)
    assert c.quantity != "pay_per_soldier_month"


@pytest.mark.parametrize(
    "text",
    [
        "The UN's 1718 sanctions committee reported 105,000 barrels.",
        "Under Resolution 2397, deliveries are capped at 500,000 barrels.",
        "The 1718 Committee counted 105,000 barrels, under resolutions 2375 and 2397.",
    ],
)
def test_a_un_resolution_number_is_no_figure(text: str) -> None:
    assert all(c.value is None or c.value >= 100000 for c in _claims(text))


# --- the figures' own clause names their speaker; a negated verb says nothing ----------------------------

OWN_CLAUSE = [
    "Kyiv puts the figure far higher, while the Pentagon says about 420 North Korean soldiers have died.",
    "Kyiv gives no number, but the Pentagon estimates about 420 North Korean soldiers have died.",
    "Pyongyang has not disclosed its losses, but the Pentagon believes about 420 North Korean soldiers have died.",
]


@pytest.mark.parametrize("text", OWN_CLAUSE)
def test_the_speaker_of_the_figures_own_clause(text: str) -> None:
    assert _one(text, 420).speaker.endswith("Pentagon")


def test_a_first_clause_with_its_own_figure_keeps_its_speaker() -> None:
    c = _one("Kyiv says 4,100 were hurt, while the Pentagon says about 420 North Korean soldiers have died.", 4100)
    assert c.speaker == "Kyiv"


@pytest.mark.parametrize(
    "text",
    [
        "About 420 North Korean soldiers had died, a senior US official told Reuters.",
        "About 420 North Korean soldiers had died, an official in Washington told the agency.",
    ],
)
def test_an_official_is_a_speaker(text: str) -> None:
    assert "official" in _one(text, 420).speaker


@pytest.mark.parametrize(
    "text",
    [
        "The Korea Institute for Defense Analyses, a state-funded think tank in Seoul, estimates that each soldier "
        "earns at least $2,000 a month.",
        "The Korea Institute for Defense Analyses, a think-tank, said each soldier earns at least $2,000 a month.",
    ],
)
def test_a_think_tank_is_no_verb(text: str) -> None:
    assert "Korea Institute for Defense Analyses" in _one(text, 2000).speaker


@pytest.mark.parametrize(
    "text",
    [
        "Britain's Defence Intelligence spoke on Sunday.\n\nMore than 6,100 of the North's troops are dead or "
        "wounded, according to its latest update.",
        "Britain's Defence Intelligence said North Korean losses were heavy.\n\nIts daily bulletin puts the "
        "North Korean killed and wounded at more than 6,100.",
        "Britain's Defence Intelligence said North Korean losses were heavy. Its statement put the killed and wounded "
        "at more than 6,100.",
    ],
)
def test_its_document_is_the_body_that_spoke(text: str) -> None:
    assert "Defence Intelligence" in _one(text, 6100).speaker


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Citing the NIS, Lee told a news agency that 650 North Korean soldiers had died.", "NIS"),
        ("Quoting a government source, Yonhap reported that 650 North Korean soldiers had died.", "source"),
        ("The figures come from the NIS. About 650 North Korean soldiers have died and 4,100 were wounded.", "NIS"),
        ("The estimate comes from South Korea's spy agency: about 650 North Korean soldiers have died.", "spy agency"),
        ("These numbers came from Ukraine's military intelligence. About 650 North Korean soldiers have died.",
         "military intelligence"),
    ],
)  # fmt: skip
def test_a_source_named_before_the_figures(text: str, who: str) -> None:
    assert who in _one(text, 650).speaker


# --- whose losses, bounds in other words ------------------------------------------------------------------

WHOSE = [
    ("Russian losses have passed 650,000, the ministry in Kyiv said.", 650000, "other:russian_casualties"),
    ("Moscow's casualties exceed 650,000, the ministry in Kyiv said.", 650000, "other:russian_casualties"),
    ("Kyiv's losses stand at about 43,000 dead, Zelensky said.", 43000, "other:ukrainian_casualties"),
    ("About 230 Ukrainians were killed by North Korean troops, Moscow claimed.", 230, "other:ukrainian_casualties"),
    ("Russia has recruited about 15,000 Nepalis to fight in Ukraine, officials in Kathmandu say.", 15000,
     "other:nepali_troops"),
    ("About 1,000 Chinese nationals are fighting for Russia, Kyiv said.", 1000, "other:chinese_troops"),
    ("About 230 North Korean soldiers were killed by Ukrainian drones, Kyiv said.", 230, "casualties_killed"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "quantity"), WHOSE)
def test_whose_figure(text: str, value: float, quantity: str) -> None:
    assert _one(text, value).quantity == quantity


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("North Korean casualties are north of 4,100, the agency said.", 4100, None),
        ("North Korean casualties top 4,100, the agency said.", 4100, None),
        ("North Korean losses now top 4,100, the agency said.", 4100, None),
        ("North Korean casualties are just shy of 4,100, the agency said.", None, 4100),
    ],
)
def test_bounds_in_other_words(text: str, low: float | None, high: float | None) -> None:
    c = _one(text, 4100)
    assert (c.low, c.high) == (low, high)


@pytest.mark.parametrize("text", ["They sent the top 10 commanders home.", "Its top 3 units were sent."])
def test_top_after_an_article_is_no_bound(text: str) -> None:
    assert all(c.low is None for c in _claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's spy agency briefed lawmakers.\n\nThe agency now believes around 2,100 North Koreans died.",
        "South Korea's spy agency briefed lawmakers.\n\nThe agency still estimates about 2,100 North Korean dead.",
        "South Korea's spy agency briefed lawmakers.\n\nThe agency currently puts North Korean deaths at about 2,100.",
    ],
)
def test_an_adverb_before_the_verb_is_not_the_speaker(text: str) -> None:
    assert "spy agency" in _one(text, 2100).speaker


@pytest.mark.parametrize(
    "text",
    [
        "Correction: An earlier version of this story gave the April toll as 6,000. It was 600.",
        "Our first version of this article wrongly put the toll at 6,000; the agency's figure was 600.",
        "This report incorrectly said 6,000 North Korean soldiers had died. The agency's figure was 600.",
    ],
)
def test_a_corrections_withdrawn_figure_is_no_claim(text: str) -> None:
    values = [c.value for c in _claims(text)]
    assert 6000 not in values
    assert 600 in values
