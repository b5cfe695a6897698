"""Ledger cases get the soldier cases' guards: a memory estimate before a run, and the TOML key pre-scan."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

import pytest

from troopledger.analysis import check_ledger_memory, ledger_bytes, load_ledger
from troopledger.errors import CaseError, InputError
from troopledger.evidence._loading import MAX_KEY_PARTS

BUNDLED = resources.files("troopledger") / "data" / "ledgers" / "nk-russia-ledger.toml"


@pytest.fixture(scope="module")
def case():  # type: ignore[no-untyped-def]
    return load_ledger("nk-russia-ledger")


def test_the_estimate_is_above_the_measured_peaks_and_grows_with_draws(case) -> None:  # type: ignore[no-untyped-def]
    measured = {16_384: 909e6, 65_536: 1_475e6, 131_072: 1_985e6, 262_144: 3_056e6}  # docs/ledger.md
    for draws, peak in measured.items():
        assert peak <= ledger_bytes(case, draws) <= 1.5 * peak
    assert ledger_bytes(case, 20_001) > ledger_bytes(case, 20_000)


def test_a_run_over_the_budget_is_refused_in_one_line_naming_the_draws_that_fit(  # type: ignore[no-untyped-def]
    case, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROOPLEDGER_MEMORY_GB", "2")
    check_ledger_memory(case, 20_000)  # the default fits
    with pytest.raises(InputError) as e:
        check_ledger_memory(case, 10_000_000)
    text = str(e.value)
    assert "\n" not in text
    assert "--draws" in text
    assert "GB" in text
    fits = int(text.split("give --draws ")[1].split(" ")[0].replace(",", ""))
    assert ledger_bytes(case, fits) <= 2e9 < ledger_bytes(case, fits + 1)


def test_the_report_refuses_the_largest_draws_before_it_runs(capsys: pytest.CaptureFixture[str]) -> None:
    from troopledger._cli import main

    began = time.perf_counter()
    with pytest.raises(SystemExit) as e:
        main(["report", "nk-russia-ledger", "--draws", "10000000"])
    assert e.value.code != 0
    err = capsys.readouterr().err
    assert "memory budget" in err
    assert "Traceback" not in err
    assert time.perf_counter() - began < 30  # refused after loading, not after running


def test_a_dotted_key_of_thousands_of_parts_is_refused_before_parsing(tmp_path: Path) -> None:
    text = Path(str(BUNDLED)).read_text(encoding="utf-8")
    bad = tmp_path / "deep.toml"
    for parts, problem in ((40_000, "a key of 80,000 characters"), (400, "a dotted key of 400 parts")):
        key = ".".join(["a"] * parts)
        bad.write_text(text + f"\n[unused]\n{key} = 'x'\n", encoding="utf-8")
        began = time.perf_counter()
        with pytest.raises(CaseError) as e:
            load_ledger(str(bad))
        assert time.perf_counter() - began < 5  # TOML parsing of a 40,000-part key took a minute
        assert problem in str(e.value)
        assert f"line {text.count(chr(10)) + 3}:" in str(e.value)
    assert f"at most {MAX_KEY_PARTS}" in str(e.value)


def test_a_key_of_too_many_characters_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "long.toml"
    bad.write_text("[case]\nname = 'x'\n" + "k" * 5_000 + " = 1\n[inputs.workers]\n", encoding="utf-8")
    with pytest.raises(CaseError) as e:
        load_ledger(str(bad))
    assert "line 3" in str(e.value)
    assert "5,001 characters" in str(e.value)


def _oil_claim(cid: str, value: float, unit: str) -> dict[str, object]:
    return {
        "id": cid,
        "quantity": "refined_oil_to_nk",
        "value": value,
        "unit": unit,
        "window_start": "2024-03",
        "window_end": "2024-10",
        "speaker": "A port watcher",
        "status": "accepted",
        "source": {"id": cid, "outlet": "A paper", "url": f"https://example.org/{cid}", "date": "2024-11-20"},
    }


def test_oil_in_tonnes_and_in_barrels_observe_the_same_deliveries(tmp_path: Path) -> None:
    import json

    from troopledger.analysis import run_ledger

    text = (
        Path(str(BUNDLED))
        .read_text(encoding="utf-8")
        .replace('claim_files = ["nk-russia-ledger"]', 'claim_files = ["nk-russia-ledger", "oil.jsonl"]')
    )
    for cid in ("x-bbl", "x-t"):
        text += f'\n[[checks]]\nclaims = ["{cid}"]\noutput = "goods.refined_oil_barrels"\n'
        text += 'from = "2024-03"\nuntil = "2024-10"\nreading = "about"\n'
    (tmp_path / "ledger.toml").write_text(text, encoding="utf-8")
    claims = [_oil_claim("x-bbl", 1_000_000, "barrels"), _oil_claim("x-t", 125_000, "tonnes")]
    (tmp_path / "oil.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    r = run_ledger(load_ledger(str(tmp_path / "ledger.toml")), 3_000, 0, weigh=False)
    barrels = next(c for c in r.checks if c.claim == "x-bbl")
    tonnes = next(c for c in r.checks if c.claim == "x-t")
    assert "refined_oil_barrels" in barrels.what
    assert "refined_oil_tonnes" in tonnes.what
    per_tonne = next(i for i in r.inputs if i.key == "goods.barrels_per_tonne")
    assert per_tonne.claims == ["r02"]
    assert 7.69 <= per_tonne.band.p50 <= 8.33
    # one conversion, drawn with its uncertainty: the tonnes are the barrels over it, draw by draw
    assert tonnes.band.p50 == pytest.approx(barrels.band.p50 / per_tonne.band.p50, rel=0.05)
    # the conversion's own spread (7.69-8.33 barrels a tonne, about 2 % sd) is small beside the deliveries,
    # which carry the spread between sources (docs/conventions.md): the two bands are alike in width
    assert tonnes.band.p95 / tonnes.band.p5 == pytest.approx(barrels.band.p95 / barrels.band.p5, rel=0.05)
    assert tonnes.verdict == barrels.verdict == "agrees"
