"""Extraction: the labelled corpus holds its thresholds; labels, bounds, attribution and robustness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _benchmarks import load_benchmark
from troopledger._cli import main
from troopledger.claims import extract_claims
from troopledger.errors import SourceError
from troopledger.sources import document_from_bytes, read_document, split_sentences

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "articles"

#: Thresholds stated in README ("Reading articles").
MIN_PRECISION, MIN_RECALL, MIN_ATTRIBUTION = 0.90, 0.90, 0.90


def _evaluate() -> dict[str, object]:
    mod = load_benchmark("eval_extraction")
    return mod.evaluate()  # type: ignore[no-any-return]


def test_corpus_precision_recall_and_attribution() -> None:
    r = _evaluate()
    assert r["articles"] >= 30
    assert r["precision"] >= MIN_PRECISION, r["problems"]
    assert r["recall"] >= MIN_RECALL, r["problems"]
    assert r["attribution"] >= MIN_ATTRIBUTION, r["problems"]


def _claims(text: str, **kw: str) -> list:
    return extract_claims(document_from_bytes(text.encode(), "t.txt", date="2024-11-01", outlet="Test Wire", **kw))


def test_money_range_and_take_home() -> None:
    (c,) = _claims("A soldier could earn between $1,300 and $2,600 over a tour, said Ana Ruiz, a fellow at RAND.")
    assert (c.quantity, c.low, c.high, c.speaker, c.speaker_kind) == (
        "soldier_take_home",
        1300,
        2600,
        "Ana Ruiz",
        "think_tank",
    )


def test_monthly_total_versus_pay_per_soldier() -> None:
    cs = _claims(
        "Moscow pays about $1,900 a month per soldier, or some $20 million a month for the force, officials said."
    )
    assert [(c.quantity, c.value, c.period) for c in cs] == [
        ("pay_per_soldier_month", 1900, "month"),
        ("total_revenue_to_nk", 20e6, "month"),
    ]
    assert cs[0].hedge == "about"


def test_bounds_and_relay() -> None:
    (c,) = _claims("Up to 9,000 troops are in theatre, Ukraine's defence minister told Voice of America.")
    assert (c.quantity, c.value, c.high, c.hedge) == ("troops_deployed", None, 9000, "up to")
    assert c.via == ["Voice of America"]
    assert c.speaker_kind == "belligerent_government"


def test_negated_comparisons_and_a_tilde_read_as_their_bounds() -> None:
    # "no less than" is a floor, not "less than"; "not more than" a ceiling, not "more than"; "~" is "about"
    (floor,) = _claims("Moscow pays no less than $2,000 a month per soldier, officials said.")
    assert (floor.quantity, floor.value, floor.low, floor.high) == ("pay_per_soldier_month", None, 2000, None)
    (ceiling,) = _claims("Not more than 9,000 troops are in theatre, Ukraine's defence minister said.")
    assert (ceiling.value, ceiling.low, ceiling.high) == (None, None, 9000)
    (approx,) = _claims("Officials said ~14,000 troops are in theatre.")
    assert (approx.value, approx.hedge) == (14000, "about")


def test_source_own_conversion_wins() -> None:
    (c,) = _claims("Each soldier gets 3 million won (about $2,100) a month, a lawmaker said.")
    assert c.value == 2100
    assert c.currency == "KRW"


def test_span_points_at_the_sentence() -> None:
    doc = document_from_bytes(b"Nothing here. Some 600 soldiers were killed, the agency said.", "t.txt", date="2025-04")
    (c,) = extract_claims(doc)
    assert c.quantity == "casualties_killed"
    assert c.span is not None
    assert doc.text[c.span[0] : c.span[1]] == c.text


def test_sentences_keep_abbreviations_and_decimals() -> None:
    text = "Gen. Park said 2.5 million. Mr. Lee disagreed! Why?"
    assert [s.text for s in split_sentences(text)] == ["Gen. Park said 2.5 million.", "Mr. Lee disagreed!", "Why?"]


def test_leftovers_are_dropped() -> None:
    raw = (
        b"Pay is $2,000 a month, officials said.\nSee also  Other news\n- Advertisement -\nLEAVE A REPLY\nMost Popular"
    )
    doc = document_from_bytes(raw, "t.txt", date="2024-11-01")
    assert doc.text == "Pay is $2,000 a month, officials said."


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"\x00\x01\x02binary\x00", "binary"), (b"   \n\t", "empty")],
)
def test_bad_files_raise_one_line_source_errors(data: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message) as e:
        document_from_bytes(data, "bad.txt")
    assert "\n" not in str(e.value)


def test_cp1252_is_read_with_a_note() -> None:
    doc = document_from_bytes("Pay is \u20ac1,900 a month per soldier.".encode("cp1252"), "t.txt", date="2024-11-01")
    assert any("Windows-1252" in n for n in doc.notes)
    (c,) = extract_claims(doc)
    assert c.currency == "EUR"


def test_hostile_html_does_not_crash() -> None:
    deep = "<div>" * 5000 + "About 5,000 soldiers were sent, officials said." + "</div>" * 5000
    huge = '<p title="' + "x" * 2_000_000 + '">text</p>'
    for page in (deep, huge, "<html><script>" + "alert(1);" * 10000 + "</script></html>"):
        doc = document_from_bytes(page.encode(), "p.html", date="2024-11-01")
        extract_claims(doc)  # any result, no exception


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(50_000_000)
        fh.write(b"x")
    with pytest.raises(SourceError, match="limit"):
        read_document(big)


def test_cli_json_and_error_exit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Russia pays $2,000 per month per soldier, the spy agency said.", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["extract", "--format", "json", "--date", "2024-11-01", str(art)])
    assert e.value.code in (0, None)
    out = json.loads(capsys.readouterr().out)
    assert out[0]["quantity"] == "pay_per_soldier_month"
    assert out[0]["status"] == "pending"
    assert 0 < out[0]["confidence"] <= 1
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"")
    with pytest.raises(SystemExit) as e:
        main(["extract", str(bad)])
    assert e.value.code == 2
    assert "empty" in capsys.readouterr().err


def test_extract_json_is_what_claims_import_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    art = tmp_path / "a.txt"
    art.write_text(
        "Published 2025-03-02\nSome 300 soldiers have been killed and 2,700 wounded, the spy agency said. "
        "Workers there earn 50,000 rubles a month.",
        encoding="utf-8",
    )
    undated = tmp_path / "b.txt"
    undated.write_text("Some 40 shells and 3,000 rubles were found.", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["extract", "--format", "json", str(art), str(undated)])
    printed = capsys.readouterr().out
    records = json.loads(printed)
    assert len(records) == 5
    assert {r["source"]["date"] for r in records} == {"2025-03-02", None}
    assert any(r["quantity"].startswith("other:") for r in records)
    out = tmp_path / "found.json"
    out.write_text(printed, encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["claims", "import", str(out), "--ledger", str(tmp_path / "l.db")])
    assert e.value.code in (0, None), capsys.readouterr().err


def test_cli_ingest_skips_known_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Russia pays $2,000 per month per soldier, the spy agency said.", encoding="utf-8")
    ledger = tmp_path / "l.db"
    for expected in ("1 pending claims added from 1 documents", "0 pending claims added from 0 documents"):
        with pytest.raises(SystemExit):
            main(["ingest", "--ledger", str(ledger), "--date", "2024-11-01", str(art)])
        assert expected in capsys.readouterr().out


@pytest.mark.skipif(not SHARED.is_dir(), reason="the founding articles (../shared) are not present")
def test_founding_articles_optional() -> None:
    found = set()
    for f in sorted(SHARED.glob("*.txt")):
        found |= {c.quantity for c in extract_claims(read_document(f))}
    for q in ("pay_per_soldier_month", "troops_deployed", "cumulative_troops", "rotation_interval_months",
              "total_revenue_to_nk", "state_share_of_pay", "soldier_take_home", "domestic_monthly_wage",
              "nk_gdp", "luxury_imports"):  # fmt: skip
        assert q in found, q


def test_extraction_stopped_at_its_limit_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import troopledger.claims
    from troopledger.claims import _extract

    monkeypatch.setattr(_extract, "MAX_CLAIMS", 3)  # where extraction stops
    monkeypatch.setattr(troopledger.claims, "MAX_CLAIMS", 3)  # what the command tells
    art = tmp_path / "many.txt"
    art.write_text("The spy agency said Russia pays $2,000 per month per soldier. " * 10, encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["extract", "--format", "json", str(art)])
    assert e.value.code in (0, None)
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 3
    assert "stopped after 3 candidate claims (at most 3 are read from one document)" in err
    art.write_text("The spy agency said Russia pays $2,000 per month per soldier.", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["extract", "--format", "json", str(art)])
    assert "stopped" not in capsys.readouterr().err
