"""Case-file inputs of the analyst's desk: counts, waves with their own pay, correlations, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import spearmanr

from helpers import MINIMAL_CASE
from troopledger._cli import main
from troopledger.errors import CaseError
from troopledger.evidence import parse_case, resolve
from troopledger.model import collect

WAVES = """
[case]
name = "builders"
start = "2025-01"
months = 6

[deployment]
mode = "waves"

[[deployment.waves]]
name = "combat"
arrival = "2025-01"
size = { fixed = 11000 }

[[deployment.waves]]
name = "builders"
arrival = "2025-04"
size = { fixed = 5000 }
pay = { fixed = 800 }
state_share_of_pay = { fixed = 0.5 }

[parameters.pay_per_soldier_month]
fixed = 2000

[parameters.state_share_of_pay]
fixed = 0.9
"""


def test_builders_paid_800_in_a_case_file() -> None:
    d = collect(resolve(parse_case(WAVES.encode(), "w.toml")), 100, seed=0)
    assert d.totals["paid_by_russia"][0] == pytest.approx(11_000 * 2_000 * 6 + 5_000 * 800 * 3)
    assert d.totals["to_state"][0] == pytest.approx(0.9 * 132e6 + 0.5 * 12e6)


CORRELATED = (
    MINIMAL_CASE.replace("fixed = 10000", "to = [8000, 15000]")
    + """
[parameters.killed_hazard]
to = [0.003, 0.03]

[[correlations]]
between = ["troops_deployed", "killed_hazard"]
rank = 0.7
"""
)


def test_declared_correlation_reaches_the_draws_whatever_the_chunking() -> None:
    prior = resolve(parse_case(CORRELATED.encode(), "c.toml"))
    a = collect(prior, 40_000, seed=4)
    b = collect(prior, 40_000, seed=4, chunk_size=16_384 * 2, workers=2)
    np.testing.assert_array_equal(a.params["troops_deployed"], b.params["troops_deployed"])
    np.testing.assert_array_equal(a.totals["paid_by_russia"], b.totals["paid_by_russia"])
    rho = spearmanr(a.params["troops_deployed"], a.params["killed_hazard"]).statistic
    assert rho == pytest.approx(0.7, abs=0.02)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[[casualty_counts]]\nkind = "killed"\nby = "2030-01"\ncount = { fixed = 5 }\n', "outside the case's months"),
        ('[[correlations]]\nbetween = ["troops_deployed", "nope"]\nrank = 0.5\n', "not an uncertain input"),
        (
            '[parameters.killed_hazard]\nfixed = 0.01\n[[casualty_counts]]\nkind = "killed"\nby = "2025-01"\n'
            "count = { fixed = 5 }\n",
            "not both",
        ),
    ],
)
def test_bad_desk_inputs_in_a_case_file_name_the_field(extra: str, message: str) -> None:
    with pytest.raises(CaseError, match=message):
        parse_case((MINIMAL_CASE + extra).encode(), "bad.toml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--window", "2030-01..2030-02"], "--window"),
        (["--currency", "XYZ"], "--currency"),
        (["--set", "nope=3"], "unknown parameter 'nope'"),
        (["--scenario", "missing"], "no scenario 'missing'"),
    ],
)
def test_bad_options_are_one_line_errors(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", "--draws", "100", *args])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert message in err
    assert err.count("\n") == 1


def test_a_count_before_a_later_wave_arrives() -> None:
    # 11,000 from January; builders arrive in April; 300 killed by the end of February.
    text = WAVES + '\n[[casualty_counts]]\nkind = "killed"\nby = "2025-02"\ncount = { to = [200, 400] }\n'
    d = collect(resolve(parse_case(text.encode(), "w.toml")), 2_000, seed=0)
    assert np.median(d.params["killed_count"]) == pytest.approx(np.sqrt(200 * 400), rel=0.05)
    assert np.all(d.params["killed_hazard"] > 0)
    killed = d.monthly["killed"][:, :2].astype(float).sum(axis=1)
    np.testing.assert_allclose(killed, d.params["killed_count"], rtol=1e-5)


RANKS = """
[case]
name = "ranks"
start = "2025-01"
months = 4

[deployment]
mode = "waves"

[[deployment.waves]]
name = "combat"
arrival = "2025-01"
size = { fixed = 1000 }

[[deployment.waves]]
name = "officers"
arrival = "2025-01"
size = { fixed = 100 }
rank_shares = { private = 0.0, officer = 1.0 }

[[pay_by_rank]]
rank = "private"
share = 0.9
pay = { fixed = 2000 }

[[pay_by_rank]]
rank = "officer"
share = 0.1
pay = { fixed = 5000 }

[parameters.state_share_of_pay]
fixed = 0.9
"""


def test_a_wave_with_its_own_rank_mix() -> None:
    # combat wave: 0.9 x 2,000 + 0.1 x 5,000 = $2,300; the officers' wave: all officers at $5,000.
    d = collect(resolve(parse_case(RANKS.encode(), "r.toml")), 50, seed=0)
    assert d.totals["paid_by_russia"][0] == pytest.approx((1_000 * 2_300 + 100 * 5_000) * 4)
    with pytest.raises(CaseError, match="rank_shares needs exactly the ranks"):
        parse_case(RANKS.replace("private = 0.0, officer = 1.0", "officer = 1.0").encode(), "r.toml")


def test_counts_and_wave_terms_keep_same_seed_same_numbers_whatever_the_chunking() -> None:
    text = WAVES + '\n[[casualty_counts]]\nkind = "killed"\nby = "2025-03"\ncount = { to = [200, 400] }\n'
    prior = resolve(parse_case(text.replace("fixed = 800", "to = [600, 1000]").encode(), "w.toml"))
    a = collect(prior, 40_000, seed=9)
    b = collect(prior, 40_000, seed=9, chunk_size=2 * 16_384, workers=2)
    for k in ("paid_by_russia", "to_state", "death_payments"):
        np.testing.assert_array_equal(a.totals[k], b.totals[k])
    np.testing.assert_array_equal(a.params["killed_hazard"], b.params["killed_hazard"])
