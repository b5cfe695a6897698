"""The estimate's history: as-of days, what arrived, how far it moved, hindcast scores, any executor."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from helpers import MINIMAL_CASE
from troopledger._cli import main
from troopledger._cli._history import HISTORY_DRAWS as CLI_DRAWS
from troopledger._cli._history import render_history
from troopledger._cli._report import Format
from troopledger.analysis import HISTORY_DRAWS, HISTORY_HEADLINE, History, as_of_days, history, run
from troopledger.errors import InputError
from troopledger.evidence import load_case

DRAWS = 256


@pytest.fixture(scope="module")
def record_past() -> History:
    return history(load_case("nk-russia-record"), start="2024-12", end="2025-02", draws=DRAWS, seed=1)


@pytest.fixture(scope="module")
def record_history(record_past: History) -> dict:
    return record_past.as_dict()


def test_a_saved_history_reads_back_to_the_same_objects_and_renders_the_same(record_past: History) -> None:
    saved = History.from_json(json.loads(json.dumps(record_past.as_dict(), allow_nan=False)))
    assert saved.as_dict() == record_past.as_dict()
    assert saved.claims == record_past.claims  # the claims' records read back to the same claims
    assert saved.coverage == record_past.coverage
    assert saved.steps[1].moves == record_past.steps[1].moves
    for fmt in Format:
        assert render_history(saved, fmt) == render_history(record_past, fmt), fmt
    assert saved.as_dict(claims=False) == {k: v for k, v in saved.as_dict().items() if k != "claims"}


def test_the_command_line_default_is_the_library_default() -> None:
    assert CLI_DRAWS == HISTORY_DRAWS


def test_as_of_days_are_month_ends_from_the_case_start() -> None:
    case = load_case("nk-russia-record")
    days = as_of_days(case)
    assert days[0] == dt.date(2024, 10, 31)
    assert days[-1] == dt.date(2025, 12, 31)
    assert len(days) == 15
    assert as_of_days(case, "2025-01", "2025-07", "quarter") == [
        dt.date(2025, 1, 31),
        dt.date(2025, 4, 30),
        dt.date(2025, 7, 31),
    ]
    assert as_of_days(case, "2025-01", "2025-02-10")[-1] == dt.date(2025, 2, 10)  # a day inside a month
    with pytest.raises(InputError, match="--to"):
        as_of_days(case, "2025-03", "2025-01")
    with pytest.raises(InputError, match="--every"):
        as_of_days(case, every="fortnight")


def test_each_step_lists_what_arrived_and_how_far_each_document_moved_it(record_history: dict) -> None:
    steps = record_history["steps"]
    assert [s["as_of"] for s in steps] == ["2024-12-31", "2025-01-31", "2025-02-28"]
    assert {a["id"] for a in steps[0]["arrived"]} >= {"r01", "r05", "r06", "r08", "r09"}  # all known by then
    assert [a["id"] for a in steps[1]["arrived"]] == ["r10", "r11", "r12"]
    assert [m["claims"] for m in steps[1]["moves"]] == [["r10"], ["r11", "r12"]]  # two documents
    assert [a["id"] for a in steps[2]["arrived"]] == ["r13", "r14"]
    for before, step in itertools.pairwise(steps):
        for key in HISTORY_HEADLINE:
            assert step["change"][key] == pytest.approx(step["headline"][key]["p50"] - before["headline"][key]["p50"])
    # r14 is the second wave (1,000 to 3,000 soldiers from January): as of February it is known, not zero
    assert steps[2]["headline"]["soldiers_sent"]["p50"] > steps[1]["headline"]["soldiers_sent"]["p50"]
    for s in steps:
        h = s["headline"]
        assert h["paid_by_russia"]["p5"] <= h["paid_by_russia"]["p50"] <= h["paid_by_russia"]["p95"]
        assert 0 < h["state_share"]["p50"] < 1


def test_a_single_document_step_moves_by_the_whole_step() -> None:
    case = load_case("nk-russia-record")
    h = history(case, start="2025-08", end="2025-09", draws=DRAWS, seed=2).as_dict()
    (move,) = h["steps"][1]["moves"]
    assert move["claims"] == ["r25"]
    assert move["change"] == h["steps"][1]["change"]


def test_hindcast_scores_only_claims_reported_after_each_day(record_history: dict) -> None:
    scores = record_history["hindcast"]["scores"]
    assert scores
    for s in scores:
        assert s["reported"] > s["as_of"]
        assert s["inside"] == (s["p5"] <= s["figure"] <= s["p95"]) or s["side"] != "figure"
    by_day = {(s["as_of"], s["claim"]) for s in scores}
    assert ("2024-12-31", "r11") in by_day  # reported 2025-01-13
    assert ("2025-01-31", "r11") not in by_day  # known by then: no longer a prediction
    assert ("2024-12-31", "r14") not in by_day  # a wave's size is an input, not a prediction
    cov = record_history["hindcast"]["coverage"]
    assert cov["all"]["n"] == len(scores)
    assert cov["all"]["inside"] == sum(s["inside"] for s in scores)
    assert cov["latest"]["n"] == len({s["claim"] for s in scores})


def test_the_last_step_is_the_calibrated_case_itself() -> None:
    case = load_case("nk-russia-2024")
    h = history(case, start="2024-11", end="2024-11", draws=DRAWS, seed=4).as_dict()
    post = run(case, DRAWS, 4, contradictions=False, sensitivity=False).main
    # the summary leaves out draws holding a negligible share of the weight; the history keeps every draw
    assert h["steps"][0]["headline"]["paid_by_russia"]["p50"] == pytest.approx(
        post.totals["paid_by_russia"]["p50"], rel=2e-3
    )
    assert h["steps"][0]["headline"]["killed"]["p50"] == pytest.approx(post.derived["killed_total"]["p50"], rel=2e-3)


def test_the_same_history_on_a_two_worker_dask_cluster_is_byte_identical(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    args = ["history", "nk-russia-record", "--from", "2025-01", "--to", "2025-02", "--draws", str(DRAWS)]
    serial, on_cluster = tmp_path / "serial.json", tmp_path / "cluster.json"
    with pytest.raises(SystemExit):
        main([*args, "--seed", "3", "--workers", "1", "--format", "json", "--out", str(serial)])
    cluster_args = [*args, "--seed", "3", "--format", "json", "--out", str(on_cluster)]
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cl,
        pytest.raises(SystemExit),
    ):
        main([*cluster_args, "--cluster", cl.scheduler_address])
    assert on_cluster.read_bytes() == serial.read_bytes()
    library = history(load_case("nk-russia-record"), start="2025-01", end="2025-02", draws=DRAWS, seed=3)
    assert json.loads(serial.read_text(encoding="utf-8")) == json.loads(json.dumps(library.as_dict()))


def test_history_command_writes_json_markdown_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.json"
    args = ["history", "nk-russia-record", "--from", "2025-01", "--to", "2025-02", "--draws", str(DRAWS)]
    with pytest.raises(SystemExit) as exc:
        main([*args, "--workers", "1", "--format", "json", "--out", str(out)])
    assert exc.value.code in (0, None)
    _, err = capsys.readouterr()
    assert "history: 2 as-of days on serial" in err
    h = json.loads(out.read_text(encoding="utf-8"))
    assert [s["month"] for s in h["steps"]] == ["2025-01", "2025-02"]
    outputs = {fmt: render_history(History.from_json(h), fmt) for fmt in (Format.md, Format.html, Format.text)}
    assert "Predicted then, reported later" in outputs[Format.md]
    assert "| r13 |" in outputs[Format.md]
    assert "r14: South Korea NIS (Euromaidan Press, 2025-02-27)" in outputs[Format.md]
    assert 'id="coverage"' in outputs[Format.html]
    assert "fig-history-money" in outputs[Format.html]
    assert "Content-Security-Policy" in outputs[Format.html]
    assert "Predicted then, reported later" in outputs[Format.text]
    assert "fell inside the 90 % interval made" in outputs[Format.text]


HOSTILE = "<script>window.__pwned=1</script>[x](javascript:alert(1))"
HOSTILE_CASE = (
    MINIMAL_CASE.replace("[parameters.troops_deployed]\nfixed = 10000\n", "")
    + """
[parameters.troops_deployed]
from_claims = true
not_yet_known = { to = [1000, 5000] }

[parameters.killed_hazard]
to = [0.003, 0.03]

[[sources]]
id = "s1"
outlet = "OUTLET"
url = "javascript:alert(2)"
date = "2024-12-20"

[[sources]]
id = "s2"
outlet = "A second wire"
date = "2025-02-03"

[[claims]]
id = "t1"
quantity = "troops_deployed"
value = 8000
unit = "persons"
speaker = "SPEAKER"
hedge = "about"
status = "accepted"
source = "s1"

[[claims]]
id = "k1"
quantity = "casualties_killed"
value = 900
unit = "persons"
window_end = "2025-01"
speaker = "SPEAKER"
hedge = "about"
status = "accepted"
source = "s2"
""".replace("SPEAKER", HOSTILE.replace('"', "'")).replace("OUTLET", HOSTILE.replace('"', "'"))
)


def test_hostile_speakers_and_outlets_stay_inert_in_every_format(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE_CASE, encoding="utf-8")
    base = ["history", str(path), "--from", "2024-11", "--to", "2025-02", "--draws", str(DRAWS), "--workers", "1"]
    out = tmp_path / "h.json"
    with pytest.raises(SystemExit):
        main([*base, "--format", "json", "--out", str(out)])
    pages = {"json": out.read_text(encoding="utf-8")}
    saved = History.from_json(json.loads(pages["json"]))
    pages.update({fmt.value: render_history(saved, fmt) for fmt in (Format.html, Format.md)})
    h = json.loads(pages["json"])
    assert [m["claims"] for m in h["steps"][1]["moves"]] == [["t1"]]  # the count arrived in December
    scored = {(s["as_of"], s["claim"]) for s in h["hindcast"]["scores"]}
    assert ("2024-11-30", "t1") in scored  # soldiers in theatre: a prediction until the count came
    assert ("2024-12-31", "t1") not in scored
    assert ("2025-01-31", "k1") in scored  # the death toll came in February
    assert "<script>window.__pwned" not in pages["html"]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in pages["html"]
    assert 'href="javascript' not in pages["html"]
    assert "<script>" not in pages["md"]
    assert "\\[x\\]" in pages["md"]  # no link can be formed from the speaker's text


def test_report_as_of_and_with_its_history(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    with pytest.raises(SystemExit):
        main(["report", "nk-russia-2024", "--as-of", "2024-10", "--history", "--draws", str(DRAWS), "--format",
              "json", "--out", str(out)])  # fmt: skip
    p = json.loads(out.read_text(encoding="utf-8"))
    assert p["as_of"] == "2024-10-31"
    assert all(c["source"]["date"] <= "2024-10-31" for c in p["claims"].values() if c["source"])
    assert p["parameters"]["troops_deployed"]["assumption"]  # nothing reported yet: the case's not_yet_known
    assert [s["as_of"] for s in p["history"]["steps"]] == ["2024-10-31"]
    assert "claims" not in p["history"]  # the report holds them once
    html = tmp_path / "r.html"
    with pytest.raises(SystemExit):
        main(["report", "nk-russia-2024", "--as-of", "2024-11", "--history", "--draws", str(DRAWS), "--format",
              "html", "--out", str(html)])  # fmt: skip
    page = html.read_text(encoding="utf-8")
    assert '<section id="history">' in page
    assert "Only claims reported by 2024-11-30 are used." in page
    assert 'id="coverage"' in page
