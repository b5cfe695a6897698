"""The bundled cases: both listed, built from bundled claims files, every input traced to a source."""

from __future__ import annotations

import csv
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from helpers import run_cli as run
from troopledger.claims import Claim, Ledger, SourceRef, read_claims
from troopledger.evidence import bundled_cases, load_case

SHARED = Path(__file__).resolve().parents[2] / "shared"
CLAIMS_DIR = resources.files("troopledger") / "data" / "claims"


def test_both_cases_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert {"nk-russia-2024", "nk-russia-record"} <= set(bundled_cases())
    code, out, _ = run(["cases"], capsys)
    assert code == 0
    assert "nk-russia-2024" in out
    assert "nk-russia-record" in out


@pytest.mark.parametrize("name", ["nk-russia-2024", "nk-russia-record"])
def test_every_input_with_claims_names_speaker_and_url(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["report", name, "--draws", "2000", "--format", "json", "--no-calibrate"], capsys)
    assert code == 0
    payload = json.loads(out)
    case = load_case(name)
    for pname, entry in payload["parameters"].items():
        if entry["assumption"]:
            spec = case.parameters.get(pname)
            # an input without claims is either a model default or a distribution its note calls an assumption
            assert spec is None or spec.note.startswith("Assumption"), pname
            continue
        assert entry["claims"], pname
        for cid in entry["claims"]:
            record = payload["claims"][cid]
            assert record["speaker"], cid
            assert record["source"]["url"].startswith("http"), cid
            assert record["status"] in ("accepted", "edited"), cid
    assert payload["conservation_max_abs_error_usd"] < 1e-3


def test_record_case_shape() -> None:
    case = load_case("nk-russia-record")
    assert case.month_labels[0] == "2024-10"
    assert case.month_labels[-1] == "2025-12"
    assert case.deployment.mode == "waves"
    assert [(w.name, w.arrival, w.role) for w in case.all_waves()] == [
        ("vanguard", "2024-10", "combat"),
        ("first", "2024-10", "combat"),
        ("second", "2025-01", "combat"),
        ("engineers", "2025-08", "engineers_deminers"),
        ("builders", "2025-09", "builders"),
    ]
    assert case.role_names() == ("combat", "engineers_deminers", "builders")
    assert [p.name for p in case.casualty_phases] == ["training", "kursk_assault", "regrouping"]
    assert {r.rank: r.share for r in case.pay_by_rank} == {
        "private": 0.8,
        "nco": 0.1,
        "technical": 0.08,
        "commander": 0.02,
    }
    cited = {cid for ids in case.cited_claims().values() for cid in ids}
    claims = {c.id: c for c in case.resolved_claims()}
    for cid in ("r29", "r30", "r36"):
        assert claims[cid].status == "rejected"
        assert cid not in cited
    counts = [c for c in claims.values() if c.quantity.startswith("casualties_")]
    assert len(counts) >= 10
    assert all(c.window_end for c in counts)
    assert all(c.id not in cited for c in counts)  # observations for calibration, not inputs
    assert "r20-private" in case.cited_claims()["pay_rank_private"]


def test_record_report_runs_with_calibration(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["report", "nk-russia-record", "--draws", "3000", "--format", "json"], capsys)
    assert code == 0, err
    payload = json.loads(out)
    assert payload["case"] == "nk-russia-record"
    assert len(payload["months"]) == 15
    assert payload["totals"]["to_state"]["p50"] > 0


def test_tomorrows_claim_in_a_ledger_moves_the_estimate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "l.db"
    new = Claim(
        id="tomorrow",
        quantity="pay_per_soldier_month",
        value=4000,
        unit="USD/month",
        speaker="A spy agency",
        speaker_kind="intelligence",
        hedge="about",
        status="accepted",
        source=SourceRef(id="t", outlet="A wire", url="https://example.org/t", date="2024-12-01"),
    )
    with Ledger(db) as led:
        led.add([new])
    args = ["report", "--draws", "4000", "--format", "json", "--no-calibrate"]
    base = json.loads(run(args, capsys)[1])
    moved = json.loads(run([*args, "--ledger", str(db)], capsys)[1])
    assert "tomorrow" in moved["parameters"]["pay_per_soldier_month"]["claims"]
    assert moved["claims"]["tomorrow"]["source"]["url"] == "https://example.org/t"
    assert moved["parameters"]["pay_per_soldier_month"]["p95"] > base["parameters"]["pay_per_soldier_month"]["p95"]
    assert moved["totals"]["paid_by_russia"]["mean"] > base["totals"]["paid_by_russia"]["mean"]


@pytest.mark.skipif(not (SHARED / "facts" / "record.csv").is_file(), reason="../shared is not beside the project")
def test_record_claims_match_the_record() -> None:
    bundled = {c.id: c for c in read_claims(Path(str(CLAIMS_DIR / "public-record.jsonl")))}
    with (SHARED / "facts" / "record.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            c = bundled[row["id"]]
            assert c.source is not None
            assert c.source.url == row["url"]
            assert c.speaker == row["speaker"]
            assert c.window_end == row["about_until"]
            if row["id"] == "r35":  # normalised from a half-year total to a year
                continue
            for field in ("value", "low", "high"):
                want = float(row[field]) if row[field] else None
                assert getattr(c, field) == want, (row["id"], field)


@pytest.mark.skipif(not (SHARED / "articles").is_dir(), reason="../shared is not beside the project")
def test_bundled_claims_share_no_eight_words_with_the_articles() -> None:
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))

    grams = set()
    for article in (SHARED / "articles").glob("*.txt"):
        w = words(article.read_text(encoding="utf-8"))
        grams.update(tuple(w[i : i + 8]) for i in range(len(w) - 7))
    for entry in CLAIMS_DIR.iterdir():
        w = words(entry.read_text(encoding="utf-8"))
        shared = [" ".join(w[i : i + 8]) for i in range(len(w) - 7) if tuple(w[i : i + 8]) in grams]
        assert not shared, (entry.name, shared[:3])
