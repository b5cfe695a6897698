"""Claims are validated on entry: real dates, shares in [0, 1], positive finite amounts, sane bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from test_ledger import make, run
from troopledger.claims import Claim, Ledger, explain_validation, parse_claims
from troopledger.errors import LedgerError


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"source": {"id": "s", "outlet": "o", "date": "2025-02-30"}}, "source.date", "not a real date"),
        ({"source": {"id": "s", "outlet": "o", "date": "0000-01-01"}}, "source.date", "1900-2100"),
        ({"window_end": "9999-12"}, "window_end", "1900-2100"),
        ({"window_start": "2025-06", "window_end": "2025-01"}, "window_start", "after window_end"),
        ({"quantity": "state_share_of_pay", "value": 1.5, "unit": "fraction"}, "value", "outside [0, 1]"),
        ({"quantity": "state_share_of_pay", "value": None, "low": -0.1, "high": 0.5}, "low", "outside [0, 1]"),
        ({"value": -2000.0}, "value", "outside [0, 1e+13]"),
        ({"value": 0.0}, "value", "must be positive"),
        ({"value": float("inf")}, "value", "finite"),
        ({"value": None, "low": 3000.0, "high": 2000.0}, "low", "above high"),
        ({"quantity": "troops_deployed", "value": 1e12}, "value", "outside [0, 1e+08]"),
        ({"quantity": "rotation_interval_months", "value": -4.0}, "value", "outside [0, 1200]"),
        ({"weight": float("inf")}, "weight", "finite"),
        ({"speaker": "  \t "}, "speaker", "not be blank"),
    ],
)
def test_nonsense_is_refused_naming_the_field(changes: dict[str, object], field: str, words: str) -> None:
    data = make(1).model_dump()
    data.update(changes)
    with pytest.raises(ValidationError) as e:
        Claim.model_validate(data)
    got_field, msg, _ = explain_validation(e.value, "docs/claims.md")
    assert got_field == field
    assert words in msg


def test_plausible_edge_values_are_kept() -> None:
    assert make(1, quantity="state_share_of_pay", value=1.0, unit="fraction").value == 1.0
    assert make(1, quantity="casualties_killed", value=0.0).value == 0.0  # "no one was killed" is a claim
    assert make(1, value=None, low=0.0, high=500.0).low == 0.0
    assert make(1, source={"id": "s", "outlet": "o", "date": "2024-02-29"}).published == "2024-02-29"


def test_a_bad_claim_in_a_file_names_line_claim_and_field() -> None:
    good = make(1).model_dump_json()
    bad = make(2).model_dump_json().replace('"value":2002.0', '"value":-5.0')
    with pytest.raises(LedgerError) as e:
        parse_claims(f"{good}\n{bad}\n".encode(), "claims.jsonl", "jsonl")
    msg = str(e.value)
    assert msg.startswith("claims.jsonl line 2, field 'value': claim 'c2':")
    assert "fix:" in msg


def test_cli_add_refuses_impossible_date_and_share_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "l.db")
    code, _, err = run(
        ["claims", "add", "--ledger", db, "--quantity", "pay_per_soldier_month", "--value", "2000",
         "--speaker", "s", "--outlet", "o", "--date", "2025-02-30"],
        capsys,
    )  # fmt: skip
    assert code == 2
    assert "field '--date'" in err
    assert "not a real date" in err
    assert err.count("\n") == 1
    code, _, err = run(
        ["claims", "add", "--ledger", db, "--quantity", "state_share_of_pay", "--value", "1.5", "--speaker", "s"],
        capsys,
    )
    assert code == 2
    assert "outside [0, 1]" in err
    assert not Path(db).exists() or len(Ledger(db)) == 0


def test_editing_a_pending_claim_does_not_make_it_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "l.db")
    with Ledger(db) as led:
        led.add([make(1, status="pending"), make(2, status="accepted"), make(3, status="rejected")])
    for cid in ("c1", "c2", "c3"):
        code, out, _ = run(["claims", "edit", cid, "--set", "value=2500", "--ledger", db], capsys)
        assert code == 0
    assert "not used by reports until 'troopledger claims accept c1'" in out.replace("c3", "c1")
    with Ledger(db) as led:
        assert [led.get(c).status for c in ("c1", "c2", "c3")] == ["pending", "edited", "rejected"]
        assert led.get("c1").value == 2500
    code, _, err = run(["claims", "edit", "c1", "--set", "value=-1", "--ledger", db], capsys)
    assert code == 2
    assert "claim 'c1'" in err
    with Ledger(db) as led:
        assert led.get("c1").value == 2500  # nothing stored half-way


def test_a_required_field_cannot_be_cleared_or_blanked_by_an_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "l.db")
    with Ledger(db) as led:
        led.add([make(1, status="accepted")])
    code, _, err = run(["claims", "edit", "c1", "--set", "speaker=", "--ledger", db], capsys)
    assert code == 2
    assert "'speaker' is required and cannot be cleared" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(["claims", "edit", "c1", "--set", "speaker=   ", "--ledger", db], capsys)
    assert code == 2
    assert "not be blank" in err
    with Ledger(db) as led:
        assert led.get("c1").speaker == make(1).speaker  # nothing changed


def test_extract_json_array_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("South Korea's spy agency said on 2024-11-01 that about 11,000 soldiers were sent to Russia.\n")
    code, out, _ = run(["extract", str(article), "--format", "json"], capsys)
    assert code == 0
    extracted = tmp_path / "x.json"
    extracted.write_text(out)
    db = str(tmp_path / "l.db")
    code, out, _ = run(["claims", "import", str(extracted), "--ledger", db], capsys)
    assert code == 0
    with Ledger(db) as led:
        assert any(c.quantity == "troops_deployed" and c.value == 11000 for c in led.claims())
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "a", "quantity": "troops_deployed", "value": -1, "speaker": "s"}]')
    code, _, err = run(["claims", "import", str(bad), "--ledger", db], capsys)
    assert code == 2
    assert "bad.json line 1, field 'value': claim 'a'" in err
