"""As-of views: the case with only the claims reported by a day, and what it assumes before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import MINIMAL_CASE
from troopledger.analysis import summarize
from troopledger.errors import CaseError, InputError
from troopledger.evidence import Constant, as_of, known_by, load_case, parse_day, reported_on, resolve, to

CaseFile = Callable[..., Path]

CLAIMED_CASE = (
    MINIMAL_CASE.replace("[parameters.troops_deployed]\nfixed = 10000\n", "")
    + """
[parameters.troops_deployed]
from_claims = true

[[sources]]
id = "s1"
outlet = "A test wire"
date = "2025-03-04"

[[claims]]
id = "t1"
quantity = "troops_deployed"
value = 8000
unit = "persons"
speaker = "A test ministry"
hedge = "about"
status = "accepted"
source = "s1"
"""
)


def test_days_are_dates_or_month_ends() -> None:
    assert parse_day("2025-02") == dt.date(2025, 2, 28)
    assert parse_day("2024-02") == dt.date(2024, 2, 29)
    assert parse_day(" 2024-11-13 ") == dt.date(2024, 11, 13)
    for bad in ("2025-13", "2025-02-30", "25-02", "yesterday"):
        with pytest.raises(InputError, match="--as-of") as err:
            parse_day(bad)
        assert "\n" not in str(err.value)


def test_a_claim_counts_from_its_sources_date() -> None:
    case = load_case("nk-russia-record")
    by_id = {c.id: c for c in case.resolved_claims()}
    assert reported_on(by_id["r06"]) == dt.date(2024, 11, 13)
    assert known_by(by_id["r06"], dt.date(2024, 11, 13))
    assert not known_by(by_id["r06"], dt.date(2024, 11, 12))
    founding = {c.id: c for c in load_case("nk-russia-2024").resolved_claims()}
    assert reported_on(founding["bi-nis-pay"]) == dt.date(2024, 11, 30)  # dated "2024-11": known once November ends


def test_record_as_of_october_2024() -> None:
    case = as_of(load_case("nk-russia-record"), "2024-10")
    assert all(reported_on(c) is None or reported_on(c) <= dt.date(2024, 10, 31) for c in case.resolved_claims())
    cited = case.cited_claims()
    assert cited["wave_first_size"] == []  # an assumption: the counts of r01-r06 weigh it as observations
    assert "r06" not in {c.id for c in case.resolved_claims()}  # r06 came on 13 November
    dists = resolve(case).distributions
    for wave in ("second", "engineers", "builders"):
        assert dists[f"wave_{wave}_size"] == Constant(0.0), wave  # not yet announced: no soldiers
    assert dists["wave_engineers_tour_months"] == Constant(12.0)
    assert dists["death_compensation"] == Constant(0.0)
    assert "Not yet known" not in case.parameters["death_compensation"].note  # the case's own note wins
    assert not cited["death_compensation"]  # shown as an assumption


def test_a_hand_written_mixture_falls_back_until_its_claims_come() -> None:
    full = load_case("nk-russia-2024")
    october = as_of(full, dt.date(2024, 10, 31))
    assert resolve(october).distributions["family_share_of_unpaid_pay"] == Constant(0.0)
    assert resolve(october).distributions["rotation_interval_months"].describe() == "lognormal, 90% interval 3 to 12"
    november = as_of(full, "2024-11")
    assert november.parameters["family_share_of_unpaid_pay"] == full.parameters["family_share_of_unpaid_pay"]


@pytest.mark.parametrize("name", ["nk-russia-record", "nk-russia-2024"])
def test_as_of_the_last_claim_is_the_case_itself(name: str) -> None:
    case = load_case(name)
    late = as_of(case, "2030-01")
    assert {k: d.describe() for k, d in resolve(late).distributions.items()} == {
        k: d.describe() for k, d in resolve(case).distributions.items()
    }
    assert late.cited_claims() == case.cited_claims()
    assert summarize(late, 500, 3).totals == summarize(case, 500, 3).totals


def test_no_fallback_declared_is_one_line_naming_the_input_and_the_fix(case_file: CaseFile) -> None:
    case = load_case(case_file(CLAIMED_CASE))
    assert resolve(as_of(case, "2025-03-04")).distributions["troops_deployed"].describe() != ""
    with pytest.raises(CaseError) as err:
        as_of(case, "2025-03-03")
    text = str(err.value)
    assert "\n" not in text
    assert "field 'parameters.troops_deployed'" in text
    assert "no claim behind it had been reported by 2025-03-03; the first came on 2025-03-04" in text
    assert "add not_yet_known" in text


def test_the_fallback_is_used_and_checked_when_the_case_loads(case_file: CaseFile) -> None:
    ok = CLAIMED_CASE.replace("from_claims = true\n", "from_claims = true\nnot_yet_known = { to = [1000, 5000] }\n")
    early = as_of(load_case(case_file(ok)), "2025-01")
    assert resolve(early).distributions["troops_deployed"] == to(1000, 5000)
    bad = CLAIMED_CASE.replace("from_claims = true\n", "from_claims = true\nnot_yet_known = { from_claims = true }\n")
    with pytest.raises(CaseError, match="not_yet_known"):
        load_case(case_file(bad, "bad.toml"))
    backwards = CLAIMED_CASE.replace("from_claims = true\n", "from_claims = true\nnot_yet_known = { to = [5, 1] }\n")
    with pytest.raises(CaseError, match="troops_deployed"):
        load_case(case_file(backwards, "backwards.toml"))


def test_a_case_file_cannot_claim_to_be_an_as_of_view(case_file: CaseFile) -> None:
    with pytest.raises(CaseError, match="field 'as_of': is not a case-file key"):
        load_case(case_file('as_of = "2025-01-31"\n' + MINIMAL_CASE))
    assert as_of(load_case(case_file()), "2025-01").as_of == "2025-01-31"
