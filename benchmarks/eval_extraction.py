"""Precision and recall of the extractor on the labelled corpus, per quantity, and attribution accuracy.

A predicted claim matches a gold claim of the same article when the quantity is the
same and value, low and high each agree within the gold's relative tolerance
(``tol``, 2 % unless a currency conversion makes it wider). Only predictions of a
quantity other than ``other`` count. An attribution is correct when the gold
speaker appears in the predicted speaker or organisation, or the other way round
(ignoring case). Run: ``.venv/bin/python benchmarks/eval_extraction.py [CORPUS_DIR]``;
with ``--articles FILE...`` it lists what is found in other articles instead.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from troopledger.claims import Claim, extract_claims
from troopledger.sources import read_document

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
CORPUS_OUTLET = "Harbour Ledger"


def _close(a: float | None, b: float | None, tol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-12)


def _matches(c: Claim, gold: dict[str, Any]) -> bool:
    if c.quantity != gold["quantity"]:
        return False
    tol = float(gold.get("tol", 0.02))
    return all(_close(getattr(c, k), gold.get(k), tol) for k in ("value", "low", "high"))


def _speaker_ok(c: Claim, gold: dict[str, Any]) -> bool:
    want = gold["speaker"].casefold()
    got = [c.speaker.casefold(), c.organisation.casefold()]
    return any(g and (want in g or g in want) for g in got)


def evaluate(corpus: Path = CORPUS) -> dict[str, Any]:
    """Per-quantity precision and recall and the share of matched claims with the right speaker."""
    gold_by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold_by_file[row["file"]].append(row)
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    speakers_right = matched = 0
    misses: list[str] = []
    articles = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html"))
    for path in articles:
        outlet = CORPUS_OUTLET if path.suffix == ".txt" else None
        claims = [c for c in extract_claims(read_document(path, outlet=outlet)) if c.quantity != "other"]
        gold = gold_by_file.get(path.name, [])
        used: set[int] = set()
        for gd in gold:
            hit = next((i for i, c in enumerate(claims) if i not in used and _matches(c, gd)), None)
            if hit is None:
                fn[gd["quantity"]] += 1
                misses.append(f"missed {path.name}: {gd['quantity']}")
                continue
            used.add(hit)
            tp[gd["quantity"]] += 1
            matched += 1
            if _speaker_ok(claims[hit], gd):
                speakers_right += 1
            else:
                misses.append(f"speaker {path.name}: want {gd['speaker']!r}, got {claims[hit].speaker!r}")
        for i, c in enumerate(claims):
            if i not in used:
                fp[c.quantity] += 1
                misses.append(f"extra {path.name}: {c.quantity} {c.describe_value()}")
    per: dict[str, dict[str, float]] = {}
    for q in sorted(set(tp) | set(fp) | set(fn)):
        p_den, r_den = tp[q] + fp[q], tp[q] + fn[q]
        per[q] = {
            "precision": tp[q] / p_den if p_den else 1.0,
            "recall": tp[q] / r_den if r_den else 1.0,
            "tp": tp[q],
            "fp": fp[q],
            "fn": fn[q],
        }
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "articles": len(articles),
        "gold": all_tp + all_fn,
        "precision": all_tp / (all_tp + all_fp) if all_tp + all_fp else 1.0,
        "recall": all_tp / (all_tp + all_fn) if all_tp + all_fn else 1.0,
        "attribution": speakers_right / matched if matched else 0.0,
        "per_quantity": per,
        "problems": misses,
    }


def _list(files: list[str]) -> None:
    for f in files:
        print(f"== {f}")
        for c in extract_claims(read_document(f)):
            via = f" via {' → '.join(c.via)}" if c.via else ""
            print(f"  {c.quantity:26} {c.describe_value():32} {c.hedge:14} {c.speaker} ({c.speaker_kind}){via}")


def main() -> None:
    """Print the evaluation table (or list claims of other articles with --articles)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--articles", nargs="+", help="list the claims found in these articles instead")
    args = ap.parse_args()
    if args.articles:
        _list(args.articles)
        return
    r = evaluate(args.corpus)
    print(f"{r['articles']} articles, {r['gold']} gold claims")
    print(f"{'quantity':28} {'precision':>9} {'recall':>7}  tp fp fn")
    for q, m in r["per_quantity"].items():
        print(f"{q:28} {m['precision']:9.2f} {m['recall']:7.2f}  {m['tp']:2} {m['fp']:2} {m['fn']:2}")
    print(f"{'all':28} {r['precision']:9.2f} {r['recall']:7.2f}")
    print(f"attribution correct on matched claims: {r['attribution']:.2f}")
    for p in r["problems"]:
        print("  " + p)


if __name__ == "__main__":
    main()
