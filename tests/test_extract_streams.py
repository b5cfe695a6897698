"""The ledger's streams in text: each fact, phrased several ways, gives the same ledger quantity.

Every sentence here was written for this suite (no article's wording). A fact is a figure, the
noun head it counts or prices, the direction of the flow and the unit or period; a rule that
reads one phrasing and not its paraphrases is keyed to wording, not structure. The last tests
carry an article of our own through ``extract`` → ``claims import`` → ``report --ledger``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from troopledger._cli import main
from troopledger.analysis import load_ledger
from troopledger.claims import (
    GUIDE_LABEL,
    STREAM_QUANTITIES,
    TOTAL_SCOPES,
    Claim,
    extract_claims,
    guide_label,
    ledger_quantity,
)
from troopledger.claims._subtypes import documented_subtype
from troopledger.sources import document_from_bytes

Figure = tuple[str, float | None, float | None, float | None]


def _figures(text: str) -> list[Figure]:
    doc = document_from_bytes(text.encode(), "s.txt", date="2025-04-01", outlet="Test Wire")
    return [(c.quantity, c.value, c.low, c.high) for c in extract_claims(doc)]


def _units(text: str) -> dict[str, str]:
    doc = document_from_bytes(text.encode(), "s.txt", date="2025-04-01", outlet="Test Wire")
    return {c.quantity: c.unit for c in extract_claims(doc)}


FACTS: list[tuple[Figure, list[str]]] = [
    (
        ("ammunition_containers", 18000.0, None, None),
        [
            "Pyongyang has shipped 18,000 containers of ammunition to Russia, the ministry said.",
            "The ministry counted 18,000 containers loaded with North Korean munitions arriving in Russian ports.",
            "According to the defence ministry, North Korea sent 18,000 shipping containers of weapons to Moscow.",
        ],
    ),
    (
        ("artillery_rounds_shipped", None, 6e6, None),
        [
            "North Korea has delivered more than 6 million artillery shells to Russia, a lawmaker said.",
            "Over 6 million rounds of North Korean artillery ammunition have reached Russia, the lawmaker said.",
            "Russia has received in excess of 6 million shells from Pyongyang, according to the lawmaker.",
        ],
    ),
    (
        ("ballistic_missiles_transferred", 150.0, None, None),
        [
            "Pyongyang has supplied 150 ballistic missiles to Moscow, the report said.",
            "A total of 150 KN-23 ballistic missiles were handed over to Russia, the report found.",
            "Russia has received 150 short-range ballistic missiles from North Korea, the report said.",
        ],
    ),
    (
        ("ballistic_missiles_used", 60.0, None, None),
        [
            "Russian forces have launched 60 North Korean ballistic missiles at Ukraine, officials in Kyiv said.",
            "Kyiv officials said 60 ballistic missiles made in North Korea were fired at Ukrainian cities.",
        ],
    ),
    (
        ("guns_launchers_transferred", 200.0, None, None),
        [
            "North Korea has delivered 200 long-range artillery pieces to Russia, officials said.",
            "Officials said Russia obtained 200 guns from North Korea this year.",
        ],
    ),
    (
        ("shell_price_152mm", 1500.0, None, None),
        [
            "Each shell costs $1,500, the economist estimated.",
            "The economist said a single 152mm round sells for $1,500 on the world market.",
            "The price of one artillery shell is $1,500, the economist said.",
            "Artillery rounds go for $1,500 apiece, the economist estimated.",
        ],
    ),
    (
        ("srbm_cost_per_missile", 3e6, None, None),
        [
            "Each ballistic missile costs $3 million to build, the analyst said.",
            "The analyst put the cost of one KN-23 missile at $3 million.",
        ],
    ),
    (
        ("overseas_workers_in_russia", 15000.0, None, None),
        [
            "Some 15,000 North Korean labourers now work in Russia, the institute said.",
            "Russia employs 15,000 workers from North Korea, the institute estimated.",
            "The institute said 15,000 North Korean workers are currently in Russia.",
        ],
    ),
    (
        ("overseas_workers_dispatched", 10000.0, None, None),
        [
            "North Korea sent 10,000 workers to Russia in 2024, the agency said.",
            "The agency said 10,000 North Korean labourers arrived in Russia last year.",
            "In 2024, 10,000 workers were dispatched from North Korea to Russia, the agency said.",
        ],
    ),
    (
        ("overseas_workers_planned", 12000.0, None, None),
        [
            "The drone plant plans to hire 12,000 North Korean workers, the report said.",
            "The report said 12,000 North Korean labourers will be recruited for the factory.",
        ],
    ),
    (
        ("nk_entries_to_russia", 13221.0, None, None),
        [
            "Russian data show 13,221 North Koreans entered Russia in 2024.",
            "In 2024, 13,221 North Korean citizens crossed into Russia, border statistics show.",
        ],
    ),
    (
        ("student_visas_issued", 8600.0, None, None),
        [
            "Russia issued 8,600 student visas to North Koreans in 2024, the consulate said.",
            "The consulate said 8,600 student visas went to North Korean applicants last year.",
        ],
    ),
    (
        ("overseas_worker_wage_month", 800.0, None, None),
        [
            "North Korean workers in Russia earn $800 a month, the researcher said.",
            "Russian employers pay each North Korean worker $800 per month, the researcher said.",
            "The researcher said the labourers are paid a wage of $800 a month.",
        ],
    ),
    (
        ("overseas_worker_wage_hour", 5.0, None, None),
        [
            "The recruiters promised the North Korean workers $5 an hour.",
            "North Korean labourers were offered $5 per hour, the recruiters said.",
        ],
    ),
    (
        ("overseas_worker_take_home", 150.0, None, None),
        [
            "The workers keep just $150 a month, defectors said.",
            "Defectors said each worker is left with $150 a month.",
        ],
    ),
    (
        ("overseas_worker_state_share", 0.7, None, None),
        [
            "The state takes 70 percent of the workers' wages, the researcher said.",
            "North Korean labourers hand over 70 per cent of their pay to the state, the researcher said.",
        ],
    ),
    (
        ("refined_oil_to_nk", None, 1e6, None),
        [
            "Russia shipped more than 1 million barrels of refined petroleum to North Korea, analysts said.",
            "North Korea received over 1 million barrels of oil products from Russia, analysts said.",
        ],
    ),
    (
        ("rice_to_nk", 50000.0, None, None),
        [
            "Moscow shipped 50,000 tonnes of rice to Pyongyang, the embassy said.",
            "The embassy said 50,000 tons of rice will be sent to North Korea by Russia.",
        ],
    ),
    (
        ("russian_tourists_to_nk", 1500.0, None, None),
        [
            "In 2024, 1,500 Russian tourists visited North Korea, the agency said.",
            "North Korea welcomed 1,500 tourists from Russia last year, the agency said.",
        ],
    ),
    (
        ("tour_price", 750.0, None, None),
        [
            "A tour to Wonsan costs $750 per person, the operator said.",
            "The operator charges tourists $750 for each trip.",
        ],
    ),
    (
        ("ru_nk_trade", 3.4e7, None, None),
        [
            "Trade between Russia and North Korea reached $34 million in 2024, customs data showed.",
            "Customs data showed Russia's trade with North Korea totalled $34 million in 2024.",
            "Bilateral trade between Moscow and Pyongyang came to $34 million in 2024, customs data showed.",
        ],
    ),
    (
        ("nk_gain_troops_and_munitions", 2e10, None, None),
        [
            "North Korea earned $20 billion from its troops and munitions, the think tank estimated.",
            "The think tank put Pyongyang's income from sending soldiers and arms to Russia at $20 billion.",
            "Sending troops and shells to Russia brought North Korea $20 billion, the think tank said.",
        ],
    ),
    (
        ("nk_gain_all_streams", 2.5e10, None, None),
        [
            "North Korea has gained $25 billion from the troops, arms and workers it sent to Russia, the study said.",
            "The study said Pyongyang earned $25 billion from soldiers, weapons, labourers and oil deals.",
        ],
    ),
]

#: One or two more phrasings for each remaining quantity a stream reads.
FACTS += [
    (
        ("mrl_rockets_shipped", 250000.0, None, None),
        [
            "North Korea has also shipped 250,000 rockets for multiple launchers to Russia, the monitors said.",
            "The monitors said 250,000 artillery rockets travelled from North Korea to Russia.",
        ],
    ),
    (
        ("mortar_rounds_shipped", 100000.0, None, None),
        [
            "Pyongyang sent 100,000 mortar rounds to Moscow last year, the monitors found.",
            "The monitors found that 100,000 mortar shells had gone from North Korea to Russia.",
        ],
    ),
    (
        ("heavy_artillery_transferred", 120.0, None, None),
        ["North Korea transferred 120 Koksan self-propelled guns to Russia, a defence official said."],
    ),
    (
        ("air_defence_systems_to_nk", 2.0, None, None),
        [
            "Russia delivered two Pantsir air defence systems to North Korea, the analysts said.",
            "The analysts said Moscow has given Pyongyang two air-defence units.",
        ],
    ),
    (
        ("refined_oil_notified_un", 168000.0, None, None),
        ["Russia notified the UN sanctions committee of 168,000 barrels of refined petroleum sent to North Korea."],
    ),
    (
        ("flour_exported_to_nk", 1300.0, None, None),
        ["Russia exported 1,300 tonnes of flour to North Korea, records show."],
    ),
    (
        ("explosives_shipped_tonnes", 2000.0, None, None),
        ["North Korea moved 2,000 tonnes of explosives to Russia by rail."],
    ),
    (
        ("oil_tanker_port_calls", 40.0, None, None),
        ["North Korean tankers made 40 port calls at Vostochny to load oil, the satellite imagery showed."],
    ),
    (
        ("nk_share_of_russian_ammunition", 0.4, None, None),
        [
            "North Korean shells account for 40 percent of the ammunition Russia fires, the general said.",
            "The general said 40% of the rounds Russian gunners use now come from North Korea.",
        ],
    ),
    (
        ("nk_munitions_factory_utilisation", 0.3, None, None),
        ["North Korea's munitions factories are running at 30 percent of capacity, the ministry said."],
    ),
    (
        ("it_workers_contracted", 1000.0, None, None),
        ["About 1,000 North Korean IT workers are contracted by Russian firms, the report said."],
    ),
    (
        ("overseas_workers_total", 100000.0, None, None),
        ["Some 100,000 North Korean workers toil abroad, the UN estimates."],
    ),
    (
        ("overseas_worker_wage_month_china", 300.0, None, None),
        ["North Korean workers in China earn $300 a month, the researcher said."],
    ),
    (
        ("missile_export_price", 5e6, None, None),
        [
            "North Korea sells its ballistic missiles for $5 million each, the analyst said.",
            "The analyst said Pyongyang exports each missile for $5 million.",
        ],
    ),
    (("pantsir_unit_price", 1.5e7, None, None), ["A Pantsir system costs $15 million, the analyst said."]),
    (("refined_oil_price", 90.0, None, None), ["A barrel of refined products costs $90 on the market, traders said."]),
    (("nk_total_trade", 2.7e9, None, None), ["North Korea's total trade reached $2.7 billion in 2024, KOTRA said."]),
    (
        ("nk_exports_to_china", 3e8, None, None),
        ["North Korea's exports to China rose to $300 million, the data showed."],
    ),
    (
        ("russian_visits_to_nk", 9985.0, None, None),
        ["Russian tourists made 9,985 trips to North Korea in 2025, the border service said."],
    ),
    (
        ("russia_shell_use_year", 3e6, None, None),
        ["Russia fires 3 million shells a year, the institute said."],
    ),
    (
        ("russia_shell_output_year", 3e6, None, None),
        ["Russian industry produces 3 million shells a year, the institute said."],
    ),
    (
        ("nuclear_sub_modules_to_nk", 5.0, None, None),
        ["Russia has supplied North Korea with five submarine modules, the lawmaker said."],
    ),
]

CASES = [(want, text) for want, texts in FACTS for text in texts]


@pytest.mark.parametrize(("want", "text"), CASES, ids=[f"{w[0]}-{i}" for i, (w, _) in enumerate(CASES)])
def test_each_phrasing_gives_the_ledger_quantity(want: Figure, text: str) -> None:
    got = _figures(text)
    assert want in got, (text, got)


def test_every_fact_has_several_phrasings() -> None:
    assert all(len(texts) >= 2 for _, texts in FACTS[:25])
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    "text",
    [
        "The containers could hold 9 million 152mm shells, the analysts calculated.",
        "If every container carried only artillery rounds, the shipments would equal 9 million shells, analysts said.",
        "The analysts said the shipments were the equivalent of 9 million rounds of 152mm ammunition.",
    ],
)
def test_a_capacity_conversion_is_marked_as_one(text: str) -> None:
    units = _units(text)
    assert units.get("artillery_rounds_shipped") == "rounds (152 mm-equivalent capacity)", units


def test_a_count_of_rounds_is_not_a_conversion() -> None:
    assert _units("North Korea has sent 3 million shells to Russia, the ministry said.") == {
        "artillery_rounds_shipped": "rounds"
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("North Korea earns $500 million a year for its troops in Russia, the lawmaker said.", "total_revenue_to_nk"),
        ("Arms exports to Russia earned North Korea $540 million last year, the bank said.", "other:arms_revenue"),
        ("Russia fired 40 cruise missiles at Kyiv overnight, the air force said.", "other:munitions"),
        ("Russia fires 10,000 shells a day along the front, a Ukrainian general said.", "russia_shell_use_day"),
        ("A four-day tour of Pyongyang costs $750 per person, the operator said.", "tour_price"),
    ],
)
def test_what_the_streams_do_not_take(text: str, want: str) -> None:
    qs = [f[0] for f in _figures(text)]
    assert want in qs, (text, qs)
    assert "rotation_interval_months" not in qs  # a tourist's four-day tour is no soldiers' tour


def test_a_total_states_its_scope() -> None:
    (troops_arms,) = [f for f in _figures(FACTS[21][1][0]) if f[1] == 2e10]
    assert TOTAL_SCOPES[troops_arms[0]] == ("soldiers", "munitions")
    (everything,) = [f for f in _figures(FACTS[22][1][0]) if f[1] == 2.5e10]
    assert set(TOTAL_SCOPES[everything[0]]) == {"soldiers", "workers", "munitions", "goods"}


def test_the_guide_label_is_declared_once_for_every_ledger_quantity() -> None:
    assert set(GUIDE_LABEL) == set(STREAM_QUANTITIES)
    for q, label in GUIDE_LABEL.items():
        assert (
            (label.startswith("other:") and documented_subtype(label))
            or label in TOTAL_SCOPES
            or (label == "casualties_killed")
        ), (q, label)
    assert guide_label("troops_deployed") == "troops_deployed"
    assert guide_label("nk_gain_troops_and_munitions") == "total_revenue_to_nk"  # LABELS rule 20


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("other:overseas_workers_in_russia", "overseas_workers_in_russia"),
        ("overseas_workers_in_russia", "overseas_workers_in_russia"),
        ("other:overseas_workers_arrived_2024", "overseas_workers_dispatched"),
        ("other:nk_arrivals_in_russia", "nk_entries_to_russia"),
        ("other:artillery_shells_shipped", "artillery_rounds_shipped"),
        ("other:russian_troops", None),
    ],
)
def test_a_guide_label_reads_as_the_ledger_quantity_it_means(label: str, want: str | None) -> None:
    assert ledger_quantity(label) == want


# --- extract → claims import → report --ledger ----------------------------------------------

ARTICLE = "\n".join(
    [
        "Munitions for Moscow, priced",
        "Kyiv, 12 May 2025. A military economist at a Kyiv institute estimated that every artillery shell "
        "North Korea sends to Russia is worth $4,500 on the open market, several times what Russia pays "
        "to make its own.",
        "She added that the shipments had reached 30,000 containers by the spring.",
        "",
    ]
)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = 0
    try:
        main(argv)
    except SystemExit as e:
        code = int(e.code or 0)
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_extracted_claims_move_the_munitions_stream(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "munitions.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    found = json.loads(_run(["extract", str(article), "--format", "json"], capsys))
    kinds = {c["quantity"]: c for c in found}
    assert kinds["shell_price_152mm"]["value"] == 4500
    assert kinds["ammunition_containers"]["value"] == 30000
    claims = tmp_path / "found.json"
    claims.write_text(json.dumps(found), encoding="utf-8")
    ledger = tmp_path / "L.db"
    _run(["claims", "import", str(claims), "--ledger", str(ledger)], capsys)
    _run(["claims", "accept", *[c["id"] for c in found], "--ledger", str(ledger)], capsys)
    args = ["report", "nk-russia-ledger", "--window", "2023-08..2025-12", "--draws", "3000", "--format", "json"]
    before = json.loads(_run(args, capsys))["streams"]["munitions"]["totals"]["value_to_north_korea"]
    after_payload = json.loads(_run([*args, "--ledger", str(ledger)], capsys))
    after = after_payload["streams"]["munitions"]["totals"]["value_to_north_korea"]
    assert after["p50"] > before["p50"] * 1.3  # a dearer shell price and more containers
    soldiers = after_payload["streams"]["soldiers"]["totals"]["value_to_north_korea"]
    assert soldiers["p50"] > 0


def test_pending_claims_do_not_move_the_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "munitions.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    found = _run(["extract", str(article), "--format", "json"], capsys)
    (tmp_path / "found.json").write_text(found, encoding="utf-8")
    ledger = tmp_path / "L.db"
    _run(["claims", "import", str(tmp_path / "found.json"), "--ledger", str(ledger)], capsys)
    args = ["report", "nk-russia-ledger", "--draws", "2000", "--format", "json"]
    before = json.loads(_run(args, capsys))["streams"]["munitions"]["totals"]
    after = json.loads(_run([*args, "--ledger", str(ledger)], capsys))["streams"]["munitions"]["totals"]
    assert before == after


def _reviewed(cid: str, quantity: str, value: float, month: str, status: str = "accepted") -> Claim:
    return Claim(
        id=cid,
        quantity=quantity,
        value=value,
        unit=STREAM_QUANTITIES[quantity][1],
        speaker="a test analyst",
        window_end=month,
        status=status,
    )


def test_a_reviewed_claim_joins_the_input_nearest_its_month() -> None:
    extra = [
        _reviewed("x-autumn", "ammunition_containers", 21000, "2024-11"),
        _reviewed("x-summer", "ammunition_containers", 27000, "2025-06"),
        _reviewed("x-price", "shell_price_152mm", 2500, "2025-01"),
        _reviewed("x-pending", "shell_price_152mm", 9000, "2025-01", status="pending"),
    ]
    case = load_ledger("nk-russia-ledger", extra)
    assert "x-autumn" in case.cited["munitions.containers_to_2024_10"]
    assert "x-summer" in case.cited["munitions.containers_to_2025_07"]
    assert "x-price" in case.cited["munitions.shell_price"]
    assert all("x-pending" not in ids for ids in case.cited.values())
    base = load_ledger("nk-russia-ledger")
    assert base.specs["munitions.shell_price"] != case.specs["munitions.shell_price"]


def test_a_scoped_total_keeps_its_period() -> None:
    text = "North Korea earns $2 billion a year from its troops and munitions in Russia, the institute estimated."
    assert _units(text) == {"nk_gain_troops_and_munitions": "USD/year"}
