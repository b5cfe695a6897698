"""Paraphrases for the English rules of the s26 pass (found on ``tests/data/english_tune2``).

Every sentence here was written for this file (none is taken from an article, a dev set or the blind
set). Each rule is pinned by several phrasings of one fact, and where a rule could overreach, by a
phrasing it must leave alone: a rule that reads one phrasing and not the others is keyed to wording.
"""

from __future__ import annotations

import pytest

from troopledger.claims import Claim, extract_claims
from troopledger.sources import document_from_bytes


def _claims(text: str) -> list[Claim]:
    doc = document_from_bytes(text.encode(), "p.txt", date="2025-03-01", outlet="Test Wire")
    return extract_claims(doc)


def _one(text: str, value: float) -> Claim:
    found = [c for c in _claims(text) if value in (c.value, c.low, c.high)]
    assert found, (text, [(c.quantity, c.value, c.low, c.high, c.speaker) for c in _claims(text)])
    return found[0]


# --- speakers: live-blog stamps, transcripts, time adverbials ---------------------------------------

STAMPS = [
    "09:05 Ukraine's military intelligence agency (HUR) says about 200 North Korean soldiers died this week.",
    "9.05 The HUR intelligence agency says about 200 North Korean soldiers died this week.",
    "21:40 BST Ukraine's defence intelligence agency says about 200 North Korean soldiers died this week.",
]


@pytest.mark.parametrize("text", STAMPS)
def test_a_bare_clock_stamp_is_no_part_of_the_speaker(text: str) -> None:
    c = _one(text, 200)
    assert c.quantity == "casualties_killed"
    assert "intelligence agency" in c.speaker, c.speaker
    assert not c.speaker[:1].isdigit(), c.speaker


TRANSCRIPTS = [
    "Q: How many are there?\n\nCOL. DANA WHITE: Roughly 11,000 North Korean soldiers remain in Kursk.\n\n"
    "Q: And losses?\n\nCOL. DANA WHITE: We do not have a figure.",
    "Q: How many are there?\n\nMS. OKAFOR: Roughly 11,000 North Korean soldiers remain in Kursk.\n\n"
    "Q: More?\n\nMS. OKAFOR: Not that we have seen.",
]


@pytest.mark.parametrize("text", TRANSCRIPTS)
def test_q_lines_and_upper_case_labels_make_a_transcript(text: str) -> None:
    c = _one(text, 11000)
    assert c.quantity == "troops_deployed"
    assert c.speaker.split()[-1] in ("WHITE", "OKAFOR"), c.speaker


ADVERBIALS = [
    "Earlier in the year the General Staff had estimated the dead at fewer than 1,000 North Korean soldiers.",
    "Last week the General Staff estimated that fewer than 1,000 North Korean soldiers had died.",
    "Later this month the General Staff said fewer than 1,000 North Korean soldiers had died.",
]


@pytest.mark.parametrize("text", ADVERBIALS)
def test_a_time_adverbial_before_the_subject_is_not_the_speaker(text: str) -> None:
    c = _one(text, 1000)
    assert c.speaker.lower() == "the general staff", c.speaker


# --- speakers: long names before an apposition, nested bodies, bodies of the same kind -------------

APPOSITIONS = [
    (
        "Separately, the Institute for National Security Strategy, a state think tank in Seoul, estimated that "
        "North Korea has sent about 15,000 troops.",
        "Institute for National Security Strategy",
    ),
    (
        "A study published on Monday by the Asan Institute for Policy Studies, a think tank in Seoul, puts the "
        "pay at $2,000 per North Korean soldier each month.",
        "Asan Institute for Policy Studies",
    ),
    (
        "A report by the Korea Institute for Defense Analyses, a government-funded think tank, estimates that "
        "15,000 North Korean troops were sent.",
        "Korea Institute for Defense Analyses",
    ),
]


@pytest.mark.parametrize(("text", "who"), APPOSITIONS)
def test_the_body_before_an_apposition_speaks(text: str, who: str) -> None:
    c = next(c for c in _claims(text) if c.quantity != "other:count")
    assert who in c.speaker, c.speaker


NESTED = [
    "South Korea's National Intelligence Service briefed lawmakers.\n\nPark Ji-won, a lawmaker who attended, said "
    "the spy agency believes about 11,000 North Korean soldiers remain in Kursk.",
    "South Korea's National Intelligence Service briefed lawmakers.\n\nKim Byung-kee said the agency estimates "
    "about 11,000 North Korean soldiers remain in Kursk.",
    "South Korea's National Intelligence Service briefed lawmakers.\n\nA lawmaker, Park Ji-won, said the "
    "intelligence service found that about 11,000 North Korean soldiers remain in Kursk.",
]


@pytest.mark.parametrize("text", NESTED)
def test_said_the_agency_believes_gives_the_agency_via_the_speaker(text: str) -> None:
    c = _one(text, 11000)
    assert "National Intelligence Service" in c.speaker, c.speaker
    assert c.via, c


SAME_KIND = [
    "Translated from a statement by Ukraine's Defence Intelligence (HUR).\n\nAbout 1,000 North Korean soldiers "
    "have died, the intelligence directorate said.",
    "Ukraine's Defence Intelligence (HUR) published a statement.\n\nThe military intelligence directorate said "
    "about 1,000 North Korean soldiers have died.",
]


@pytest.mark.parametrize("text", SAME_KIND)
def test_a_bare_noun_goes_to_the_last_body_of_its_kind(text: str) -> None:
    assert "HUR" in _one(text, 1000).speaker


def test_a_bare_noun_of_another_kind_is_not_given_that_body() -> None:
    text = "Ukraine's Defence Intelligence (HUR) published a statement.\n\nThe ministry said 1,000 soldiers died."
    assert "HUR" not in _one(text, 1000).speaker


NEW_PEOPLE = [
    "15:40 Russia's defence ministry did not comment.\n\n16:10 A US official told reporters that North Korea "
    "moved up to 2,000 additional troops to the border.",
    "Russia's defence ministry did not comment.\n\nAn American official said North Korea moved up to 2,000 "
    "additional troops to the border.",
]


@pytest.mark.parametrize("text", NEW_PEOPLE)
def test_an_official_introduced_with_a_is_someone_new(text: str) -> None:
    c = _one(text, 2000)
    assert "ministry" not in c.speaker, c.speaker
    assert "official" in c.speaker, c.speaker


@pytest.mark.parametrize(
    "text",
    [
        "About 2,000 wounded soldiers were brought home, according to sources cited by Daily NK.",
        "About 2,000 wounded soldiers were brought home, according to sources quoted by Daily NK.",
        "About 2,000 wounded soldiers were brought home, according to sources cited by Daily NK.\n\nSeparately, "
        "the Institute for National Security Strategy said 15,000 troops were sent.",
    ],
)
def test_sources_cited_by_an_outlet_keep_the_outlet_as_relay(text: str) -> None:
    c = _one(text, 2000)
    assert c.speaker == "sources", c.speaker
    assert any("Daily NK" in v for v in c.via), c.via


# --- speakers: one per clause, quoted remarks -------------------------------------------------------

CLAUSES = [
    ("While Kyiv puts North Korean losses at 4,000, Seoul's spy agency estimates about 3,000.", 4000, 3000),
    ("Kyiv says 4,000 North Korean soldiers have died, but the Pentagon estimates 3,000 have died.", 4000, 3000),
    (
        "Washington has said North Korea sent 10,000 troops, whereas Ukrainian intelligence counts 3,000 more.",
        10000,
        3000,
    ),
    ("Kyiv put North Korean losses at 4,000; Seoul's spy agency estimates about 3,000.", 4000, 3000),
]


@pytest.mark.parametrize(("text", "first", "second"), CLAUSES)
def test_each_clause_gives_its_figure_its_own_speaker(text: str, first: float, second: float) -> None:
    a, b = _one(text, first), _one(text, second)
    assert a.speaker != b.speaker, (a.speaker, b.speaker)
    assert "Kyiv" in a.speaker or "Washington" in a.speaker, a.speaker


def test_a_trailing_speaker_still_speaks_for_the_whole_sentence() -> None:
    text = "About 300 North Korean soldiers were killed, Lee said, and 2,700 were wounded."
    assert _one(text, 300).speaker == _one(text, 2700).speaker == "Lee"


QUOTED = [
    "The following are remarks by a spokesperson for South Korea's Joint Chiefs of Staff (JCS).\n\n"
    '"We assess that some 3,000 North Korean troops were sent in January.\n\n'
    '"Their casualties are estimated at about 4,000."',
    "A spokesperson for South Korea's Joint Chiefs of Staff (JCS) spoke on Monday.\n\n"
    "“We believe some 3,000 North Korean troops were sent in January.\n\n"
    "“The North's casualties are put at about 4,000.”",
]


@pytest.mark.parametrize("text", QUOTED)
def test_we_in_a_bodys_quoted_remarks_and_a_quote_carried_over(text: str) -> None:
    assert "Joint Chiefs" in _one(text, 3000).speaker
    assert "Joint Chiefs" in _one(text, 4000).speaker


def test_we_outside_a_quotation_names_no_one() -> None:
    assert _one("We estimate that 3,000 North Korean soldiers were sent.", 3000).speaker == "Test Wire"


# --- counts: a noun left out, totals, "their number", the wounded sent home -------------------------

ELLIPSIS = [
    "About 3,000 North Korean servicemen are now in the Kursk region and another 2,000 are on the way.",
    "Some 3,000 North Korean soldiers are in Kursk, with a further 2,000 on their way.",
    "About 3,000 North Korean troops are fighting, and an additional 2,000 are expected next month.",
]


@pytest.mark.parametrize("text", ELLIPSIS)
def test_a_bare_count_after_a_troop_count_shares_its_noun(text: str) -> None:
    assert _one(text, 2000).quantity == "troops_per_rotation"


def test_a_bare_count_after_another_noun_is_not_troops() -> None:
    found = _claims("Russia fired 3,000 shells a day, and another 2,000 were stored.")
    assert not [c for c in found if c.value == 2000 and c.quantity.startswith("troops")], found


TOTALS = [
    "Some 3,000 North Korean troops were sent in January and February, bringing the total to around 14,000.",
    "North Korea sent another 3,000 soldiers, raising the overall number of its troops to 14,000.",
    "About 3,000 more North Korean troops arrived, taking the tally to 14,000.",
    "Some 3,000 North Korean troops were sent in January, for a total of 14,000.",
]


@pytest.mark.parametrize("text", TOTALS)
def test_the_total_after_a_troop_figure_is_cumulative(text: str) -> None:
    assert _one(text, 3000).quantity == "troops_per_rotation"
    assert _one(text, 14000).quantity == "cumulative_troops"


THEIR_NUMBER = [
    'About 3,000 North Korean soldiers are fighting.\n\n"We expect their number to reach 15,000 by summer," '
    "Budanov said.",
    "Some 3,000 North Korean troops are in Kursk. Their strength may reach 15,000 by March.",
]


@pytest.mark.parametrize("text", THEIR_NUMBER)
def test_their_number_counts_the_troops_before(text: str) -> None:
    assert _one(text, 15000).quantity == "troops_deployed"


HOME = [
    "North Korea has brought home about 2,000 wounded soldiers from Russia by train.",
    "About 2,000 wounded North Korean soldiers have since been evacuated to Pyongyang.",
    "Pyongyang repatriated some 2,000 injured troops last month.",
    "Russia flew back 2,000 wounded North Korean soldiers.",
]


@pytest.mark.parametrize("text", HOME)
def test_the_wounded_sent_home_are_not_new_casualties(text: str) -> None:
    assert _one(text, 2000).quantity == "other:count"


def test_the_wounded_are_still_casualties() -> None:
    assert _one("About 2,000 North Korean soldiers were wounded.", 2000).quantity == "casualties_wounded"


# --- money ------------------------------------------------------------------------------------------

OWN_CLAUSE = [
    (
        "The deployment is earning Pyongyang more than $500 million a year, a sum they compare with annual exports.",
        5e8,
    ),
    ("Pyongyang takes in $288 million a year from the troops, and that is before shells are counted.", 2.88e8),
    ("North Korea receives about $300 million a year for its soldiers; its coal exports earn less.", 3e8),
]


@pytest.mark.parametrize(("text", "value"), OWN_CLAUSE)
def test_an_amounts_label_comes_from_its_own_clause(text: str, value: float) -> None:
    assert _one(text, value).quantity == "total_revenue_to_nk"


TAKE_HOME = [
    "Each soldier is thought to take home between $100 and $200 a month.",
    "Each soldier takes home $150 a month.",
    "North Korean soldiers bring home no more than $150 a month.",
]


@pytest.mark.parametrize("text", TAKE_HOME)
def test_take_home_in_every_form(text: str) -> None:
    assert _claims(text)[0].quantity == "soldier_take_home"


@pytest.mark.parametrize(
    "text",
    [
        "North Korea is sending 6,000 military builders.\n\nEach builder is paid about $800 a month.",
        "Pyongyang sent 1,000 military engineers. The engineers earn about $800 a month.",
    ],
)
def test_builders_pay_after_a_sentence_naming_them(text: str) -> None:
    assert _one(text, 800).quantity == "non_combat_pay"


@pytest.mark.parametrize(
    "text",
    [
        "RUSI put the cost to Moscow at roughly $2,000 per soldier per month.",
        "The cost to Russia is about $2,000 a month for each North Korean soldier.",
    ],
)
def test_a_cost_per_soldier_is_pay(text: str) -> None:
    assert _one(text, 2000).quantity == "pay_per_soldier_month"


def test_a_cost_of_goods_is_still_a_price() -> None:
    assert _one("A kilo of rice costs $2 at the market in Pyongyang.", 2).quantity == "other:price"


BASIS = [
    "If Moscow pays $2,000 a month for each of 12,000 soldiers, Pyongyang takes in $288 million a year.",
    "Assuming each of the 12,000 gets $2,000 a month, the regime collects about $288 million a year.",
    "If 12,000 soldiers are paid $2,000 each, that is $24 million a month.",
]


@pytest.mark.parametrize("text", BASIS)
def test_a_present_tense_sum_makes_its_condition_the_basis(text: str) -> None:
    found = _claims(text)
    assert not [c for c in found if c.value == 12000], found
    assert [c for c in found if c.quantity == "total_revenue_to_nk"], found


def test_a_condition_with_one_figure_and_no_sum_is_a_claim() -> None:
    assert _one("If confirmed, the 3,000 North Korean soldiers sent last month mark a new wave.", 3000)


# --- the second batch: soldiers gone home, list labels, relative clauses, ranks that relay -----------

GONE_HOME = [
    "The defence ministry said about 1,500 North Korean soldiers had returned home after their service.",
    "About 1,500 North Korean soldiers went home in March, the ministry said.",
    "Some 1,500 North Korean troops have been sent back home after their tour.",
]


@pytest.mark.parametrize("text", GONE_HOME)
def test_soldiers_gone_home_are_not_the_force(text: str) -> None:
    assert _one(text, 1500).quantity == "other:count"


def test_soldiers_at_home_in_a_place_are_still_the_force() -> None:
    assert _one("About 1,500 North Korean soldiers are at home in Kursk now.", 1500).quantity == "troops_deployed"


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("- Killed: at least 2,000 (NIS)", "casualties_killed"),
        ("- Wounded: about 4,000", "casualties_wounded"),
        ("Dead or wounded: 5,000", "casualties_total"),
    ],
)
def test_a_list_label_names_the_loss(text: str, quantity: str) -> None:
    assert _claims(text)[0].quantity == quantity


RELATIVE = [
    ("Kang Mi-ok, who left the North in 2019 and now runs a group in Seoul, said 300 soldiers died.", "Kang Mi-ok"),
    ("Lee Seong-kweun, who sits on the intelligence committee, said about 300 North Korean soldiers died.", "Lee"),
    ("The Asan Institute, which is funded by a foundation, estimates that 300 North Korean soldiers died.", "Asan"),
]


@pytest.mark.parametrize(("text", "who"), RELATIVE)
def test_the_name_before_a_relative_clause_speaks(text: str, who: str) -> None:
    assert who in _one(text, 300).speaker


RANKS = [
    "Air Marshal Sir Rupert Gale said British intelligence believed 20,000 North Korean soldiers had been "
    "rotated through Kursk.\n\nThe marshal added that about 5,000 of them had been wounded.",
    "Admiral Jane Roe said British intelligence believed 20,000 North Korean soldiers had been rotated through "
    "Kursk. The admiral added that about 5,000 of them had been wounded.",
]


@pytest.mark.parametrize("text", RANKS)
def test_a_rank_after_a_relay_goes_on_relaying(text: str) -> None:
    c = _one(text, 5000)
    assert "British intelligence" in c.speaker, c.speaker
    assert c.via, c


# --- an op-ed's author, contact clauses, a comparative before the figure ----------------------------

OPINION = [
    "Opinion: what the troops earn\n\nBy Mira Castell\n\nPyongyang takes in $288 million a year from the deal.",
    "Comment\n\nBy Jon Park Lee\n\nPyongyang takes in $288 million a year from the deal.",
    "The price of loyalty\n\nBy Mira Castell\n\nPyongyang takes in $288 million a year from the deal.\n\n"
    "Mira Castell is a fellow at a think tank.",
]


@pytest.mark.parametrize("text", OPINION)
def test_an_opinion_pieces_author_speaks_for_its_own_figures(text: str) -> None:
    assert _one(text, 2.88e8).speaker in ("Mira Castell", "Jon Park Lee")


def test_a_news_byline_is_not_the_source() -> None:
    text = "Troops in Kursk\n\nBy Mira Castell\n\nPyongyang takes in $288 million a year from the deal."
    assert _one(text, 2.88e8).speaker == "Test Wire"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Defectors I have spoken to say a private might keep $100 a month.", "Defectors"),
        ("Officials we talked with say about 300 North Korean soldiers died.", "Officials"),
        ("The people he met with said 300 North Korean soldiers died.", "The people"),
    ],
)
def test_a_contact_clause_is_no_part_of_the_speaker(text: str, who: str) -> None:
    assert _claims(text)[0].speaker == who


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Seoul thinks the real toll is lower, around 600.", 600),
        ("Kyiv's count of the dead is higher, some 1,000.", 1000),
    ],
)
def test_a_comparative_then_a_hedged_figure_keeps_the_noun(text: str, value: float) -> None:
    assert _one(text, value).quantity == "casualties_killed"


def test_a_comma_splice_does_not_lend_a_loss_to_another_count() -> None:
    assert _one("Losses are unclear, about 3,000 troops are fighting.", 3000).quantity == "troops_deployed"


# --- the third batch: people familiar, papers seen by an outlet, "according to X, the agency …" --------

FAMILIAR = [
    "North Korea will send a third contingent of about 5,000 troops, two people familiar with the assessments said.",
    "Three officials briefed on the matter said North Korea will send a third contingent of about 5,000 troops.",
]


@pytest.mark.parametrize("text", FAMILIAR)
def test_people_familiar_are_the_speaker_not_a_figure(text: str) -> None:
    found = _claims(text)
    assert [c.value for c in found] == [5000], found
    assert "people" in found[0].speaker or "officials" in found[0].speaker, found[0].speaker


PAPERS = [
    "South Korean intelligence briefed lawmakers.\n\nA document seen by the Tribune, dated June, puts the number "
    "of North Korean soldiers in Russia at 11,000.",
    "South Korean intelligence briefed lawmakers.\n\nA memo obtained by the Tribune puts the number of North "
    "Korean soldiers in Russia at 11,000.",
]


@pytest.mark.parametrize("text", PAPERS)
def test_a_paper_seen_by_an_outlet_is_not_the_body_before(text: str) -> None:
    c = _one(text, 11000)
    assert "intelligence" not in c.speaker, c.speaker


ACCORDING_THEN_SUBJECT = [
    "The NIS briefed the committee.\n\nAccording to committee member Lee Seong-kweun, the agency also estimated "
    "that about 4,700 North Korean soldiers have been wounded.",
    "The NIS briefed the committee.\n\nAccording to Rep. Lee, the spy agency believes about 4,700 North Korean "
    "soldiers have been wounded.",
]


@pytest.mark.parametrize("text", ACCORDING_THEN_SUBJECT)
def test_according_to_a_relay_then_the_source_as_subject(text: str) -> None:
    c = _one(text, 4700)
    assert c.quantity == "casualties_wounded"
    assert "Lee" not in c.speaker, c.speaker
    assert any("Lee" in v for v in c.via), c.via


@pytest.mark.parametrize(
    "text",
    [
        "Some 600 North Korean soldiers were killed and about 4,700 others have been wounded.",
        "About 600 North Korean soldiers died, while 4,700 others were injured.",
    ],
)
def test_others_take_the_casualty_after_them(text: str) -> None:
    assert _one(text, 4700).quantity == "casualties_wounded"
