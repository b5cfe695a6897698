"""The bundled ledger case: traced inputs, checks, conflict sets, unusable claims, and its report in every format."""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

import pytest

from helpers import run_cli as run
from troopledger.analysis import load_ledger, run_ledger
from troopledger.claims import QUANTITIES, STREAM_QUANTITIES, TOTAL_SCOPES, read_claims
from troopledger.errors import InputError

SHARED = Path(__file__).resolve().parents[2] / "shared"
CLAIMS = resources.files("troopledger") / "data" / "claims" / "nk-russia-ledger.jsonl"


@pytest.fixture(scope="module")
def case():  # type: ignore[no-untyped-def]
    return load_ledger("nk-russia-ledger")


@pytest.fixture(scope="module")
def result(case):  # type: ignore[no-untyped-def]
    return run_ledger(case, 4_000, 0, window="2023-08..2025-12")


def test_every_ledger_quantity_is_in_the_vocabulary_and_no_claim_is_other(case) -> None:  # type: ignore[no-untyped-def]
    assert set(STREAM_QUANTITIES) <= set(QUANTITIES)
    assert all(not c.quantity.startswith("other") for c in case.claims.values())
    assert TOTAL_SCOPES["nk_gain_troops_and_munitions"] == ("soldiers", "munitions")


def test_at_most_a_tenth_of_the_claims_is_unusable_and_each_says_why(result) -> None:  # type: ignore[no-untyped-def]
    unused = {k: v for k, v in result.usage.items() if v.startswith("unused")}
    assert len(unused) <= 0.10 * len(result.usage)
    assert all(len(v) > len("unused: ") + 10 for v in unused.values())
    assert all("no input, check or conflict set reads it" not in v for v in unused.values()), unused


def test_every_input_is_traced_or_marked_an_assumption(result) -> None:  # type: ignore[no-untyped-def]
    for row in result.inputs:
        assert row.claims or row.assumption, row.key
        for cid in row.claims:
            c = result.case.claims[cid]
            assert c.source is not None
            assert c.source.url.startswith("http")
            assert c.speaker


def test_the_record_conflicts_are_flagged_as_sets(result) -> None:  # type: ignore[no-untyped-def]
    names = " ".join(c.name for c in result.conflicts)
    for words in ("9 million", "12 million", "13,221", "1 million barrels", "trade in 2024"):
        assert words in names
    rounds = next(c for c in result.conflicts if "9 million" in c.name)
    figures = {m["claim"]: m for m in rounds.members}
    assert figures["m36"]["ratio_to_smallest"] == pytest.approx(12_000_000 / 5_700_000)
    weights = [m["weight"] for m in rounds.members if m["weight"] is not None]
    assert weights
    assert sum(weights) == pytest.approx(1.0)


def test_capacity_conversions_are_read_as_conversions(case) -> None:  # type: ignore[no-untyped-def]
    assert "m24-per-container" in case.cited["munitions.capacity_per_container"]
    assert all(
        "m24" not in ids and "m36" not in ids
        for k, ids in case.cited.items()
        if k != "munitions.capacity_per_container"
    )


def test_value_totals_are_the_sum_of_the_streams_and_shares_add_to_one(result) -> None:  # type: ignore[no-untyped-def]
    shares = sum(s.share.mean for s in result.streams.values())
    assert shares == pytest.approx(1.0, abs=1e-6)
    assert set(result.streams) == {"soldiers", "workers", "munitions", "goods"}
    v = result.totals["value_to_north_korea"]
    assert 0 < v.p5 < v.p50 < v.p95
    assert result.effective_draws > 100


@pytest.mark.skipif(not (SHARED / "facts" / "ledger.csv").is_file(), reason="../shared is not beside the project")
def test_ledger_claims_match_the_facts() -> None:
    bundled = {c.id: c for c in read_claims(Path(str(CLAIMS)))}
    with (SHARED / "facts" / "ledger.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            c = bundled[row["id"]]
            assert c.source is not None
            assert c.source.url == row["url"]
            assert c.speaker == row["speaker"]
            assert c.window_end == row["about_until"]
            assert c.quantity == row["quantity"].removeprefix("other:")
            if c.currency == "USD":
                for field in ("value", "low", "high"):
                    assert getattr(c, field) == (float(row[field]) if row[field] else None), (row["id"], field)


def test_a_total_claim_is_compared_with_the_streams_it_covers(tmp_path: Path) -> None:
    src = resources.files("troopledger") / "data" / "ledgers" / "nk-russia-ledger.toml"
    text = src.read_text(encoding="utf-8").replace(
        'claim_files = ["nk-russia-ledger"]', 'claim_files = ["nk-russia-ledger", "totals.jsonl"]'
    )
    (tmp_path / "ledger.toml").write_text(text, encoding="utf-8")
    total = {
        "id": "x-total",
        "quantity": "nk_gain_troops_and_munitions",
        "value": 5e9,
        "unit": "USD",
        "window_start": "2023-08",
        "window_end": "2025-12",
        "speaker": "A think tank",
        "status": "accepted",
        "source": {"id": "x", "outlet": "A paper", "url": "https://example.org/x", "date": "2026-01-10"},
    }
    (tmp_path / "totals.jsonl").write_text(json.dumps(total) + "\n", encoding="utf-8")
    r = run_ledger(load_ledger(str(tmp_path / "ledger.toml")), 2_000, 0, weigh=False)
    check = next(c for c in r.checks if c.claim == "x-total")
    assert check.what == "value of soldiers + munitions"
    both = (
        r.streams["soldiers"].totals["value_to_north_korea"].p50
        + r.streams["munitions"].totals["value_to_north_korea"].p50
    )
    assert check.band.p50 == pytest.approx(both, rel=0.35)
    assert "total compared with soldiers + munitions" in r.usage["x-total"]


def test_report_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["report", "nk-russia-ledger", "--window", "2023-08..2025-12", "--draws", "3000"]
    code, out, _ = run([*args, "--format", "json"], capsys)
    assert code == 0
    p = json.loads(out)
    assert p["totals"]["value_to_north_korea"]["p95"] > p["totals"]["value_to_north_korea"]["p5"] > 0
    assert set(p["streams"]) == {"soldiers", "workers", "munitions", "goods"}
    for s in p["streams"].values():
        assert {"value_to_north_korea", "paid_by_russia", "kept_by_state", "in_kind", "confirmed_received"} <= set(
            s["totals"]
        )
    code, text, _ = run([*args, "--format", "text"], capsys)
    assert code == 0
    assert "Value to North Korea, 2023-08 to 2025-12" in text
    assert "Munitions" in text
    code, md, _ = run([*args, "--format", "md"], capsys)
    assert code == 0
    assert md.startswith("# ")
    assert "| Stream |" in md
    code, html, _ = run([*args, "--format", "html"], capsys)
    assert code == 0
    assert '"type":"sankey"' in html
    assert '"stackgroup":"value"' in html
    assert "Content-Security-Policy" in html


def test_currency_and_window_and_set(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["report", "nk-russia-ledger", "--draws", "2000", "--format", "json", "--no-calibrate"]
    usd = json.loads(run(base, capsys)[1])
    krw = json.loads(run([*base, "--currency", "KRW"], capsys)[1])
    ratio = krw["totals"]["value_to_north_korea"]["mean"] / usd["totals"]["value_to_north_korea"]["mean"]
    assert 1200 < ratio < 1500
    assert krw["currency"] == "KRW"
    kpw = json.loads(run([*base, "--currency", "KPW"], capsys)[1])
    assert kpw["rate_per_usd"] == pytest.approx((21200 + 30700) / 2)
    year = json.loads(run([*base, "--window", "2024-01..2024-12"], capsys)[1])
    assert year["totals"]["value_to_north_korea"]["mean"] < usd["totals"]["value_to_north_korea"]["mean"]
    cheap = json.loads(run([*base, "--set", "munitions.shell_price=1000"], capsys)[1])
    assert (
        cheap["streams"]["munitions"]["totals"]["value_to_north_korea"]["mean"]
        < usd["streams"]["munitions"]["totals"]["value_to_north_korea"]["mean"]
    )


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        (["--window", "2019-01..2019-12"], "--window"),
        (["--set", "nope=1"], "--set"),
        (["--currency", "XYZ"], "--currency"),
    ],
)
def test_bad_options_are_one_line_errors(extra: list[str], field: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["report", "nk-russia-ledger", "--draws", "500", *extra], capsys)
    assert code == 2
    assert out == ""
    assert field in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_broken_ledger_case_names_file_and_field(tmp_path: Path) -> None:
    src = resources.files("troopledger") / "data" / "ledgers" / "nk-russia-ledger.toml"
    bad = src.read_text(encoding="utf-8").replace('claims = ["m17", "m20-range"]', 'claims = ["m17", "zz99"]')
    path = tmp_path / "bad.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.toml.*inputs.munitions.shell_price.*zz99"):
        load_ledger(str(path))


def test_untrusted_claim_text_is_escaped_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = resources.files("troopledger") / "data" / "ledgers" / "nk-russia-ledger.toml"
    lines = Path(str(CLAIMS)).read_text(encoding="utf-8").splitlines()
    hostile = [
        json.dumps({**json.loads(line), "speaker": "<script>alert(1)</script> | *x*"})
        if json.loads(line)["id"] == "m17"
        else line
        for line in lines
    ]
    (tmp_path / "claims.jsonl").write_text("\n".join(hostile) + "\n", encoding="utf-8")
    text = src.read_text(encoding="utf-8").replace(
        'claim_files = ["nk-russia-ledger"]', 'claim_files = ["claims.jsonl"]'
    )
    (tmp_path / "case.toml").write_text(text, encoding="utf-8")
    base = ["report", str(tmp_path / "case.toml"), "--draws", "500", "--no-calibrate"]
    code, html, _ = run([*base, "--format", "html"], capsys)
    assert code == 0
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html
    code, md, _ = run([*base, "--format", "md"], capsys)
    assert code == 0
    assert "<script>" not in md


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", "nest"),
        ('claim_files = ["nk-russia-ledger"]\n[case]\nname = "x"\n[inputs.workers]\n', "case"),
        (
            'claim_files = ["nk-russia-ledger"]\n[case]\nname = "x"\ntitle = "t"\nstart = "2023-08"\nmonths = 3\n'
            "[inputs.workers]\nnothing = { fixed = 1 }\n",
            "inputs.workers.nothing",
        ),
    ],
)
def test_bad_ledger_case_files_are_one_line_errors(text: str, field: str, tmp_path: Path) -> None:
    path = tmp_path / "ledger.toml"
    path.write_text("[inputs.workers]\n" + text if field == "nest" else text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_ledger(str(path))
    assert field in str(e.value)
    assert "\n" not in str(e.value)


def test_a_soldier_case_skips_wider_totals_and_other_streams_with_a_reason() -> None:
    from troopledger.calibration import compile_observations
    from troopledger.claims import Claim, SourceRef
    from troopledger.evidence import load_case, resolve

    ref = SourceRef(id="t", outlet="A paper", url="https://example.org/t", date="2026-01-10")
    wide = Claim(
        id="wide",
        quantity="nk_gain_troops_and_munitions",
        value=5e9,
        unit="USD",
        window_end="2025-06",
        speaker="A think tank",
        status="accepted",
        source=ref,
    )
    shells = Claim(
        id="shells",
        quantity="artillery_rounds_shipped",
        value=9e6,
        unit="rounds",
        window_end="2024-12",
        speaker="A panel",
        status="accepted",
        source=ref,
    )
    prior = resolve(load_case("nk-russia-record"))
    skipped = {s.claim_id: s.reason for s in compile_observations(prior, claims=[wide, shells]).skipped}
    assert "soldiers + munitions" in skipped["wide"]
    assert "munitions stream" in skipped["shells"]


def test_a_check_of_an_unknown_output_names_the_field(tmp_path: Path) -> None:
    src = resources.files("troopledger") / "data" / "ledgers" / "nk-russia-ledger.toml"
    text = src.read_text(encoding="utf-8").replace('soldiers = "nk-russia-record"\n', "")
    path = tmp_path / "no-soldiers.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"checks\[0\]\.output.*soldiers\.killed"):
        load_ledger(str(path))
