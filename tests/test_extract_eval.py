"""The dev-set scorer: a fixed tuning / held-out split by article, and bootstrap intervals by article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _benchmarks import load_benchmark

ROOT = Path(__file__).resolve().parent.parent

EVAL = load_benchmark("eval_extraction")
import devset_scoring as scoring  # noqa: E402  (put on the path by eval_extraction)


def _records(n: int, langs: tuple[str, ...] = ("en",)) -> list[dict[str, object]]:
    return [{"id": f"x-{i:03d}", "language": langs[i % len(langs)], "claims": []} for i in range(n)]


def test_split_is_half_per_language_disjoint_and_stable() -> None:
    recs = _records(21, ("en", "ko", "ru"))
    a = scoring.hash_split(recs)
    assert a == scoring.hash_split(list(reversed(recs)))  # order of the file does not matter
    assert not set(a["tuning"]) & set(a["held_out"])
    assert sorted(a["tuning"] + a["held_out"]) == sorted(str(r["id"]) for r in recs)
    for lang in ("en", "ko", "ru"):
        ids = {str(r["id"]) for r in recs if r["language"] == lang}
        assert len(ids & set(a["tuning"])) == 4  # ceil(7 / 2)


def test_near_duplicates_stay_in_one_half() -> None:
    recs = _records(12)
    for i in range(1, 12, 2):
        recs[i]["near_duplicate_of"] = recs[i - 1]["id"]
    split = scoring.hash_split(recs)
    for i in range(1, 12, 2):
        side = "tuning" if recs[i]["id"] in split["tuning"] else "held_out"
        assert recs[i - 1]["id"] in split[side]


def test_committed_split_covers_each_set_once() -> None:
    saved = json.loads(scoring.SPLIT_FILE.read_text(encoding="utf-8"))
    assert set(saved) >= {"devset", "devset-ml"}
    for name, split in saved.items():
        assert split["rule"], name
        assert not set(split["tuning"]) & set(split["held_out"]), name
    found = EVAL.find_devsets()
    if "devset" in found:  # the English split is the hash rule's
        want = scoring.hash_split(scoring.load_records(found["devset"]))
        assert {k: saved["devset"][k] for k in ("tuning", "held_out")} == want
    for name, path in found.items():
        ids = {str(r["id"]) for r in scoring.load_records(path)}
        assert set(saved[name]["tuning"]) | set(saved[name]["held_out"]) == ids, name


def test_bootstrap_interval_is_by_article_and_seeded() -> None:
    def art(i: int, tp: int, fn: int) -> object:
        s = scoring.ArticleScore(f"a{i}", "en")
        s.tp["troops_deployed"], s.fn["troops_deployed"] = tp, fn
        return s

    scores = [art(i, tp, fn) for i, (tp, fn) in enumerate([(5, 0), (0, 5), (3, 1), (2, 2), (4, 0), (1, 3)])]
    r = scoring.summarise(scores)
    assert r["recall_core"] == pytest.approx(15 / 26)
    lo, hi = r["ci"]["recall_core"]
    assert 0 < lo < r["recall_core"] < hi < 1
    assert scoring.summarise(scores)["ci"]["recall_core"] == (lo, hi)
    same = scoring.summarise([art(i, 3, 1) for i in range(6)])
    assert same["ci"]["recall_core"] == pytest.approx((0.75, 0.75))  # identical articles: no spread


def test_source_usd_in_the_gold_unit_is_matched() -> None:
    from troopledger.claims import extract_claims
    from troopledger.sources import document_from_bytes

    text = "A recruit gets a bonus of RUB2mn ($22,000), the ministry said."
    (c,) = extract_claims(document_from_bytes(text.encode(), "t.txt", date="2025-01-15", outlet="Wire"))
    gold = {"quantity": c.quantity, "value": 2e6, "low": None, "high": None, "unit": "RUB (~USD 22,000)"}
    assert scoring.dev_matches(c, gold)
    assert scoring.dev_matches(c, gold | {"value": 22000})
    assert not scoring.dev_matches(c, gold | {"value": 3e6, "unit": "RUB (~USD 30,000)"})
