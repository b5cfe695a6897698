"""Paraphrase suite: each fact type, phrased several ways (active and passive, number before and after,
other verbs and nouns, hedges and bounds in every tense), must give the same claim.

Every sentence here was written for this suite. A rule the extractor gains must keep all of these
passing: a rule that reads one phrasing and not its paraphrases is keyed to wording, not structure.
"""

from __future__ import annotations

import re

import pytest

from troopledger.claims import extract_claims
from troopledger.sources import document_from_bytes

Figure = tuple[str, float | None, float | None, float | None]


def _figures(text: str) -> list[Figure]:
    doc = document_from_bytes(text.encode(), "p.txt", date="2025-03-01", outlet="Test Wire")
    return [(c.quantity, c.value, c.low, c.high) for c in extract_claims(doc)]


def _core(figs: list[Figure]) -> list[Figure]:
    return [f for f in figs if not f[0].startswith("other")]


def _check(text: str, want: list[Figure]) -> None:
    got = _figures(text)
    for w in want:
        assert w in got, (text, got)
    core_want = [w for w in want if not w[0].startswith("other")]
    assert sorted(_core(got), key=repr) == sorted(core_want, key=repr), (text, got)


FORCE = ("troops_deployed", 11000.0, None, None)
FORCE_PHRASINGS = [
    "North Korea has sent about 11,000 soldiers to Russia, Seoul says.",
    "Roughly 11,000 North Korean troops have by now been sent to Russia, according to Seoul.",
    "Some 11,000 soldiers from North Korea are now in Russia, officials in Seoul said.",
    "Pyongyang has dispatched an estimated 11,000 servicemen to fight for Moscow.",
    "Russia is hosting around 11,000 North Korean soldiers, the ministry said.",
    "The North Korean force in Russia numbers about 11,000, analysts estimate.",
    "Seoul puts the number of North Korean troops in Russia at about 11,000.",
    "About 11,000 North Korean personnel are stationed in the Kursk region.",
    "North Korea deployed roughly eleven thousand troops to Russia, the agency said.",
]


@pytest.mark.parametrize("text", FORCE_PHRASINGS)
def test_force_size(text: str) -> None:
    _check(text, [FORCE])


WAVE = ("troops_per_rotation", 3000.0, None, None)
WAVE_PHRASINGS = [
    "North Korea sent another 3,000 troops to Russia in January, officials said.",
    "An additional 3,000 North Korean soldiers arrived in Russia this winter, Seoul said.",
    "A second contingent of 3,000 North Korean soldiers was deployed in February.",
    "Pyongyang plans to send 3,000 more soldiers to the front, the agency said.",
    "Some 3,000 reinforcements from North Korea reached the front last month.",
    "Russia expects North Korea to dispatch a further 3,000 troops, officials said.",
    "A fresh batch of 3,000 North Korean troops landed in Vladivostok, the ministry said.",
]


@pytest.mark.parametrize("text", WAVE_PHRASINGS)
def test_one_wave(text: str) -> None:
    _check(text, [WAVE])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a dispatch dated to a month or season is a wave (LABELS rule 14), before or after the verb
        ("Pyongyang sent about 12,000 troops to Russia in October, officials said.", "troops_per_rotation"),
        ("Last autumn, North Korea sent about 12,000 soldiers to Russia, officials said.", "troops_per_rotation"),
        ("Around 12,000 North Korean soldiers arrived in Russia in early November, Seoul said.", "troops_per_rotation"),
        # "so far", "to date", a bare year and a stock at a date are the force, not a total
        ("So far Pyongyang has sent some 12,000 of its soldiers, officials said.", "troops_deployed"),
        ("To date, Pyongyang has deployed about 12,000 of its soldiers in Russia, officials said.", "troops_deployed"),
        ("North Korea sent more than 12,000 soldiers to Russia in 2024, officials said.", "troops_deployed"),
        ("North Korea had sent 12,000 soldiers by mid-December, officials said.", "troops_deployed"),
    ],
)
def test_dated_dispatch_or_stock(text: str, want: str) -> None:
    got = _core(_figures(text))
    assert [g[0] for g in got] == [want], (text, got)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # specialist contingents are troops (LABELS rule 13): engineers, sappers, military builders
        ("About 1,000 North Korean combat engineers have arrived in Russia, the agency said.", "troops_per_rotation"),
        ("Pyongyang plans to send 1,000 sappers to the Kursk region, officials said.", "troops_per_rotation"),
        ("More than 1,000 North Korean engineers are stationed in Kursk, officials said.", "troops_deployed"),
        ("Moscow will bring in 5,000 North Korean military builders to rebuild Kursk, an official said.",
         "troops_per_rotation"),
        ("Moscow intends to bring 5,000 North Koreans over to help restore the Kursk region, an official said.",
         "troops_per_rotation"),
    ],
)  # fmt: skip
def test_specialist_contingents_are_troops(text: str, want: str) -> None:
    got = _core(_figures(text))
    assert [g[0] for g in got] == [want], (text, got)


TOTAL = ("cumulative_troops", 15000.0, None, None)
TOTAL_PHRASINGS = [
    "In total, North Korea has sent 15,000 soldiers to Russia, officials said.",
    "Altogether 15,000 North Korean troops have gone to Russia since the autumn, Seoul said.",
    "A total of 15,000 North Korean soldiers have rotated through the front, analysts estimate.",
    "North Korea has sent 15,000 troops in all, the agency said.",
    "Since last October, Pyongyang has dispatched 15,000 soldiers to Russia, officials said.",
]


@pytest.mark.parametrize("text", TOTAL_PHRASINGS)
def test_total_sent(text: str) -> None:
    _check(text, [TOTAL])


KILLED = ("casualties_killed", 300.0, None, None)
KILLED_PHRASINGS = [
    "About 300 North Korean soldiers have been killed, Seoul's spy agency said.",
    "Ukrainian forces have killed about 300 North Korean soldiers, Kyiv said.",
    "Some 300 North Korean troops died in the fighting, officials said.",
    "North Korean dead number about 300, the agency estimates.",
    "The death toll among North Korean troops has reached about 300, officials said.",
    "The fighting has left about 300 North Korean soldiers dead, the agency said.",
    "Around 300 of the North Korean soldiers lost their lives, lawmakers said.",
    "Roughly 300 North Korean fatalities were recorded, officials said.",
]


@pytest.mark.parametrize("text", KILLED_PHRASINGS)
def test_killed(text: str) -> None:
    _check(text, [KILLED])


WOUNDED = ("casualties_wounded", 2700.0, None, None)
WOUNDED_PHRASINGS = [
    "About 2,700 North Korean soldiers were wounded, the agency said.",
    "Some 2,700 North Korean troops have been injured, officials said.",
    "The shelling injured about 2,700 North Korean soldiers, Kyiv said.",
    "North Korean wounded number about 2,700, the agency estimates.",
]


@pytest.mark.parametrize("text", WOUNDED_PHRASINGS)
def test_wounded(text: str) -> None:
    _check(text, [WOUNDED])


LOSSES = ("casualties_total", None, 3000.0, None)
LOSSES_PHRASINGS = [
    "North Korean casualties have exceeded 3,000, Seoul said.",
    "North Korean casualties exceed 3,000, Seoul said.",
    "North Korean casualties are exceeding 3,000, Seoul said.",
    "North Korean losses topped 3,000 in January, the agency said.",
    "North Korean casualties surpassed 3,000, officials said.",
    "North Korean casualties have passed 3,000, officials said.",
    "More than 3,000 soldiers from the North's army were killed or wounded, Seoul said.",
    "North Korea has suffered over 3,000 casualties, the agency said.",
    "At least 3,000 North Korean troops were killed or injured, officials said.",
    "The North Korean contingent has lost more than 3,000 soldiers, Kyiv said.",
]


@pytest.mark.parametrize("text", LOSSES_PHRASINGS)
def test_losses_with_a_floor(text: str) -> None:
    _check(text, [LOSSES])


@pytest.mark.parametrize(
    "text",
    [
        "Up to 12,000 North Korean soldiers are in Russia, officials said.",
        "As many as 12,000 North Korean troops are deployed in Russia, Seoul said.",
        "No more than 12,000 North Korean soldiers are fighting in Russia, analysts said.",
    ],
)
def test_ceilings(text: str) -> None:
    _check(text, [("troops_deployed", None, None, 12000.0)])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Of the 11,000 North Korean soldiers deployed, about 300 have been killed, Seoul said.",
            [FORCE, KILLED],
        ),
        (
            "About 300 of the 11,000 North Korean soldiers in Russia have been killed, Seoul said.",
            [FORCE, KILLED],
        ),
        (
            "Some 2,700 of the roughly 11,000 North Korean troops have been wounded, officials said.",
            [FORCE, WOUNDED],
        ),
    ],
)
def test_n_of_the_m(text: str, want: list[Figure]) -> None:
    _check(text, want)


RU_LOSS = ("other:russian_casualties", None, 6e5, None)
UA_KILLED = ("other:ukrainian_casualties", 400.0, None, None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia has lost more than 600,000 soldiers, the alliance said.", RU_LOSS),
        ("More than 600,000 Russian troops have been killed or wounded, the alliance said.", RU_LOSS),
        ("Ukraine said 400 of its own soldiers were killed in the battle.", UA_KILLED),
        ("About 400 Ukrainian soldiers died in the assault, Kyiv said.", UA_KILLED),
        (
            "Some 50,000 Russian troops are massed in Kursk, officials said.",
            ("other:russian_troops", 50000.0, None, None),
        ),
    ],
)
def test_whose_troops(text: str, want: Figure) -> None:
    _check(text, [want])


def test_north_korean_and_russian_figures_in_one_sentence() -> None:
    _check(
        "About 300 North Korean soldiers and 1,000 Russian soldiers were killed, Kyiv said.",
        [KILLED, ("other:russian_casualties", 1000.0, None, None)],
    )


PAY = ("pay_per_soldier_month", 2000.0, None, None)
PAY_PHRASINGS = [
    "Russia pays $2,000 a month for each North Korean soldier, analysts estimate.",
    "Each North Korean soldier is paid $2,000 per month by Moscow, the report said.",
    "A North Korean soldier earns $2,000 a month in Russia, officials said.",
    "Moscow offers North Korean troops a monthly salary of $2,000 each, the agency said.",
    "North Korean soldiers' pay is set at $2,000 per month, the institute estimates.",
]


@pytest.mark.parametrize("text", PAY_PHRASINGS)
def test_monthly_pay(text: str) -> None:
    _check(text, [PAY])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The regime keeps 90% of the soldiers' pay, defectors say.", ("state_share_of_pay", 0.9, None, None)),
        ("Pyongyang takes 90 percent of what Russia pays the soldiers, defectors say.",
         ("state_share_of_pay", 0.9, None, None)),
        ("The soldiers keep only 10% of their pay, defectors say.", ("state_share_of_pay", 0.9, None, None)),
    ],
)  # fmt: skip
def test_state_share(text: str, want: Figure) -> None:
    _check(text, [want])


@pytest.mark.parametrize(
    "text",
    [
        "Russia pays the soldiers well, but the state keeps nearly all of it, a defector said.",
        "The soldiers' wages go to the state, which keeps nearly all of the money, a defector said.",
        "Nearly all of the soldiers' pay is kept by the regime, a defector said.",
    ],
)
def test_nearly_all_is_not_most(text: str) -> None:
    got = extract_claims(document_from_bytes(text.encode(), "p.txt", date="2025-03-01", outlet="Test Wire"))
    words = [c for c in got if c.quantity == "state_share_of_pay"]
    assert [(c.words, c.low, c.high) for c in words] == [("nearly all", 0.85, 0.99)], (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "Posted March. 27, 2025 08:52",
        "Updated 2025/12/08 09:30",
        "Published 2026.1.1",
        "Last updated: 27.03.2025, 14:05",
        "Kim Jong Un (40) met the Russian envoy.",
        "The general, 61, met the Russian envoy.",
        "The 152mm shells and the Kh-59 missiles were shown in the 95th brigade.",
        "The briefing was held on 3 March at 10:30 a.m.",
    ],
)
def test_not_figures(text: str) -> None:
    assert _figures(text) == [], text


def test_age_in_brackets_does_not_hide_the_figure() -> None:
    _check("Kim Jong Un (40) sent 11,000 soldiers to Russia, Seoul said.", [FORCE])
    _check("Posted March. 27, 2025 08:52\nNorth Korea sent 11,000 soldiers to Russia, Seoul said.", [FORCE])


# --- attribution: one source, several ways of pointing back at it -------------------------------------------


def _speakers(text: str) -> list[tuple[str, str, list[str]]]:
    doc = document_from_bytes(text.encode(), "p.txt", date="2025-03-01", outlet="Test Wire")
    return [(c.quantity, c.speaker, c.via) for c in extract_claims(doc)]


@pytest.mark.parametrize(
    "second",
    [
        "About 300 North Korean soldiers were killed in January, the agency said.",
        "The agency said about 300 North Korean soldiers were killed in January.",
        "According to the agency's estimates, about 300 North Korean soldiers were killed in January.",
        "The agency estimates that about 300 North Korean soldiers were killed in January.",
        "It said about 300 North Korean soldiers were killed in January.",
    ],
)
def test_the_agency_is_the_body_named_before(second: str) -> None:
    for first in (
        "Ukraine's military intelligence agency (HUR) published new figures on Monday.",
        "The Main Intelligence Directorate of Ukraine published new figures on Monday.",
    ):
        (got,) = _speakers(first + "\n\n" + second)
        assert got[0] == "casualties_killed"
        assert "agency" not in got[1].split()[0].lower(), (first, second, got)
        assert got[1] != "It", (first, second, got)
        assert re.search(r"HUR|Main Intelligence Directorate", got[1]), (first, second, got)


@pytest.mark.parametrize(
    "second",
    [
        "The report estimates that Pyongyang earns about $20 million a month from the deployment.",
        "According to the report, Pyongyang earns about $20 million a month from the deployment.",
        "Pyongyang earns about $20 million a month from the deployment, the study found.",
    ],
)
def test_the_report_is_the_body_that_issued_it(second: str) -> None:
    first = "The Institute for National Security Strategy (INSS) released a study on Monday."
    (got,) = _speakers(first + " " + second)
    assert "Institute for National Security Strategy" in got[1], got


def test_names_stop_at_a_paragraph_break() -> None:
    got = _speakers("Photo: Wire Service\nNational Intelligence Service estimates put the toll at 300 killed.")
    assert [s for _, s, _ in got] == ["National Intelligence Service"]
    got = _speakers("Editor's picks\nKim Jong\nUn sent 11,000 troops, Seoul said.")
    assert all("\n" not in s for _, s, _ in got), got


@pytest.mark.parametrize(
    "relay",
    [
        "This information, provided by Colonel Ivan Petrenko of Ukraine's military intelligence, points to a new wave.",
        "The figures were supplied by Colonel Ivan Petrenko of Ukraine's military intelligence during a visit.",
    ],
)
def test_a_relay_named_after_the_figures_is_kept_as_via(relay: str) -> None:
    text = (
        "North Korea has sent another 3,000 soldiers to Russia, according to lawmaker Jane Roh. "
        + relay
        + " Roh said 200 of them were wounded."
    )
    got = _speakers(text)
    assert [(q, s) for q, s, _ in got] == [
        ("troops_per_rotation", "Ivan Petrenko"),
        ("casualties_wounded", "Ivan Petrenko"),
    ], got
    assert all(any("Roh" in v for v in via) for _, _, via in got), got


def test_intelligence_officials_take_the_country_of_their_sentence() -> None:
    (got,) = _speakers("South Korean lawmakers briefed by intelligence officials said 300 North Korean soldiers died.")
    assert got[1] == "South Korean intelligence officials", got
    assert got[2] == ["South Korean lawmakers"], got


REVENUE = ("total_revenue_to_nk", 2e7, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea earns about $20 million a month from the deployment, analysts estimate.",
        "Russia's payments for the troops total some $20 million per month, the agency said.",
        "The deployment brings Pyongyang roughly $20 million every month, the institute said.",
        "Moscow transfers around $20 million monthly to Pyongyang for the force, officials said.",
    ],
)
def test_revenue_to_the_state(text: str) -> None:
    _check(text, [REVENUE])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Soldiers take home only about $200 a month, defectors say.", ("soldier_take_home", 200.0, None, None)),
        ("North Korean soldiers keep just $200 a month of their pay, defectors say.",
         ("soldier_take_home", 200.0, None, None)),
        ("A North Korean private gets just $100 of the $2,000 Russia pays for him, a defector said.",
         ("soldier_take_home", 100.0, None, None)),
        ("Each soldier receives a one-time bonus of $5,000 on signing, officials said.",
         ("signing_bonus", 5000.0, None, None)),
        ("Families of soldiers killed in action are promised $10,000 in compensation, the agency said.",
         ("death_compensation", 10000.0, None, None)),
        ("The troops are rotated every three months, the agency said.", ("rotation_interval_months", 3.0, None, None)),
        ("Units are swapped out every 3 months, the agency said.", ("rotation_interval_months", 3.0, None, None)),
        ("At home a soldier earns the equivalent of $1 a month, defectors say.",
         ("domestic_monthly_wage", 1.0, None, None)),
    ],
)  # fmt: skip
def test_other_money_and_tours(text: str, want: Figure) -> None:
    _check(text, [want] + ([PAY] if "$2,000" in text else []))


def test_the_share_word_the_state_keeps_wins() -> None:
    text = "Most soldiers say the state keeps nearly all of their pay, a defector said."
    got = extract_claims(document_from_bytes(text.encode(), "p.txt", date="2025-03-01", outlet="Test Wire"))
    assert [(c.quantity, c.words) for c in got] == [("state_share_of_pay", "nearly all")], got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A third of the 11,000 North Korean troops are now dead or wounded, analysts say.",
         [FORCE, ("other:casualty_rate", 1 / 3, None, None)]),
        ("Half of the 11,000 North Korean soldiers have been wounded, Kyiv said.",
         [FORCE, ("other:casualty_rate", 0.5, None, None)]),
        ("Russia has paid North Korea some $500 million for the troops, researchers estimate.",
         [("total_revenue_to_nk", 5e8, None, None)]),
        ("Pyongyang has earned about $500 million from the deployment so far, researchers estimate.",
         [("total_revenue_to_nk", 5e8, None, None)]),
    ],
)  # fmt: skip
def test_shares_of_a_force_and_totals_received(text: str, want: list[Figure]) -> None:
    _check(text, want)


def test_a_trailing_speaker_in_lower_case() -> None:
    got = _speakers("About 300 North Korean troops have died and 2,700 were injured, said the ministry.")
    assert [(q, s) for q, s, _ in got] == [
        ("casualties_killed", "the ministry"),
        ("casualties_wounded", "the ministry"),
    ], got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("North Korea has deployed an 11,000-strong force to Russia, Seoul said.", FORCE),
        ("Pyongyang sent a force of about 11,000 soldiers to Kursk, officials said.", FORCE),
        ("The spy agency put North Korean casualties at 3,000.", ("casualties_total", 3000.0, None, None)),
        (
            "Kyiv says it has killed or wounded about 3,000 North Korean soldiers.",
            ("casualties_total", 3000.0, None, None),
        ),
    ],
)
def test_force_words_and_estimates_put_at(text: str, want: Figure) -> None:
    _check(text, [want])


def test_put_at_names_its_speaker() -> None:
    (got,) = _speakers("The spy agency put North Korean casualties at 3,000.")
    assert got[1] == "The spy agency", got


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ("About 300 North Korean soldiers have died, Yonhap reported, citing a government source.",
         "government source", ["Yonhap"]),
        ("Reuters, citing a Ukrainian official, reported that 300 North Korean soldiers had died.",
         "Ukrainian official", ["Reuters"]),
        ("Jane Roh, a member of the intelligence committee, told reporters that the NIS estimates 300 North Korean "
         "soldiers have died.", "the NIS", ["Jane Roh"]),
        ("Some 300 North Korean troops have died, according to a senior official who spoke on condition of anonymity.",
         "a senior official", []),
    ],
)  # fmt: skip
def test_origin_and_relay(text: str, speaker: str, via: list[str]) -> None:
    (got,) = _speakers(text)
    assert (got[1], got[2]) == (speaker, via), got


FLOOR = ("troops_deployed", None, 12000.0, None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("North Korea has sent 12,000 troops or more to Russia, officials said.", FLOOR),
        ("North Korea has sent 12,000-plus troops to Russia, officials said.", FLOOR),
        (
            "North Korea has sent 12,000 troops or fewer to Russia, officials said.",
            ("troops_deployed", None, None, 12e3),
        ),
        ("North Korea has sent 12,000 troops or so to Russia, officials said.", ("troops_deployed", 12e3, None, None)),
        ("North Korean losses could be as high as 3,000, Kyiv said.", ("casualties_total", None, None, 3000.0)),
    ],
)
def test_bounds_after_the_figure(text: str, want: Figure) -> None:
    _check(text, [want])
