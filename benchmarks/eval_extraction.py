"""Precision and recall of the extractor: on our own corpus, and per language and half on the real-article dev sets.

Two kinds of labelled sets can be scored:

* our own corpus, ``tests/corpus/`` (``gold.jsonl``, short texts written for the
  project): a prediction matches a gold claim of the same file when the quantity is
  the same and value, low and high each agree within the gold's ``tol`` (2 % unless a
  conversion makes it wider); only predictions in the vocabulary (not ``other``) count,
  except that an ``other:<subtype>`` gold figure is matched by the same subtype.
* real-article dev sets laid out like ``../shared/devset`` (``articles.jsonl`` +
  ``texts/<id>.txt``), labelled under ``LABELS.md``: matching rules, the committed
  tuning / held-out split and the bootstrap intervals are in ``devset_scoring.py``.
  Each set is reported per language and per half (tuning, held out, all), with core
  recall, precision and right speaker and their 95 % intervals. Failures are listed
  for the tuning half only unless ``--show-held-out`` is given: rules are written
  against the tuning half.

Run: ``.venv/bin/python benchmarks/eval_extraction.py [CORPUS_DIR]`` (own corpus);
``... --devset`` (both dev sets, found as ``shared/devset`` and ``shared/devset-ml``
above the checkout, or give their folders: ``--devset ../shared/devset ../shared/devset-ml``);
``--blind`` for the English blind set (``tests/data/english_blind``, or ``--blind DIR``);
``--tune2`` for the second English tuning set (``tests/data/english_tune2``);
``--ids dev-001 ...`` to score and list some articles only; ``--json`` for the figures
as JSON; ``--articles FILE...`` to list what is found in other articles.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset_scoring import (
    HASH_RULE,
    ArticleScore,
    close,
    committed_split,
    gold_subtype,
    hash_split,
    load_records,
    per_quantity,
    prf,
    score_article,
    speaker_ok,
    summarise,
)
from troopledger.claims import QUANTITIES, Claim, extract_claims, guide_label
from troopledger.sources import read_document

__all__ = ["evaluate", "evaluate_devset", "find_devsets", "gold_subtype", "score_devset"]

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
CORPUS_OUTLET = "Harbour Ledger"
#: English articles written for the project in styles the dev set lacks, labelled under LABELS.md before any
#: extraction (README.md there); a stand-in for unseen English.
BLIND = ROOT / "tests" / "data" / "english_blind"
#: English articles written for the s26 pass as fresh tuning material (all tuning; README.md there).
TUNE2 = ROOT / "tests" / "data" / "english_tune2"
CORE = frozenset(q for q in QUANTITIES if q != "other" and guide_label(q) == q)  # the troop vocabulary
DEVSET_NAMES = ("devset", "devset-ml")


def find_devsets() -> dict[str, Path]:
    """The dev sets present in a ``shared/`` folder above this checkout (main or a worktree), by name."""
    for up in ROOT.parents:
        shared = up / "shared"
        found = {n: shared / n for n in DEVSET_NAMES if (shared / n / "articles.jsonl").is_file()}
        if found:
            return found
    return {}


DEVSET = find_devsets().get("devset", ROOT.parent / "shared" / "devset")
#: The name other scripts import (benchmarks/eval_languages.py on the language branch).
_devset_speaker_ok = speaker_ok


def _matches(c: Claim, gold: dict[str, Any]) -> bool:
    if guide_label(c.quantity) != gold["quantity"]:  # a ledger quantity scores as the guide labels it
        return False
    tol = float(gold.get("tol", 0.02))
    return all(close(getattr(c, k), gold.get(k), tol) for k in ("value", "low", "high"))


def _speaker_ok(c: Claim, gold: dict[str, Any]) -> bool:
    want = gold["speaker"].casefold()
    got = [c.speaker.casefold(), c.organisation.casefold()]
    return any(g and (want in g or g in want) for g in got)


def evaluate(corpus: Path = CORPUS) -> dict[str, Any]:
    """Per-quantity precision and recall on our own corpus and the share of matched claims with the right speaker."""
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
        gold = gold_by_file.get(path.name, [])
        wanted = {g["quantity"] for g in gold}
        claims = [
            c
            for c in extract_claims(read_document(path, outlet=outlet))
            if guide_label(c.quantity) in CORE or guide_label(c.quantity) in wanted
        ]
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
            if i not in used and guide_label(c.quantity) in CORE:
                fp[guide_label(c.quantity)] += 1
                misses.append(f"extra {path.name}: {c.quantity} {c.describe_value()}")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "articles": len(articles),
        "gold": all_tp + all_fn,
        "precision": all_tp / (all_tp + all_fp) if all_tp + all_fp else 1.0,
        "recall": all_tp / (all_tp + all_fn) if all_tp + all_fn else 1.0,
        "attribution": speakers_right / matched if matched else 0.0,
        "per_quantity": prf(tp, fp, fn),
        "problems": misses,
    }


def _records(devset: Path, ids: list[str] | None) -> list[dict[str, Any]]:
    records = load_records(devset)
    return records if ids is None else [r for r in records if r["id"] in ids]


def score_devset(devset: Path, ids: list[str] | None = None) -> list[ArticleScore]:
    """One score per article of ``devset`` (optionally only ``ids``), in file order."""
    return [score_article(devset, r) for r in _records(devset, ids)]


def evaluate_devset(devset: Path = DEVSET, ids: list[str] | None = None) -> dict[str, Any]:
    """Scores on a real-article dev set, optionally on some ids only (rates, intervals, per quantity, problems)."""
    scores = score_devset(devset, ids)
    out = summarise(scores)
    t = out["totals"]
    out |= {
        "gold": t["gold_all"],
        "gold_core": t["gold_core"],
        "per_quantity": per_quantity(scores),
        "problems": [p for s in scores for p in s.problems],
    }
    return out


def _halves(name: str, devset: Path) -> dict[str, list[str]]:
    return committed_split(name, load_records(devset))


def _list(files: list[str]) -> None:
    for f in files:
        print(f"== {f}")
        for c in extract_claims(read_document(f)):
            via = f" via {' → '.join(c.via)}" if c.via else ""
            print(f"  {c.quantity:26} {c.describe_value():32} {c.hedge:14} {c.speaker} ({c.speaker_kind}){via}")


def _table(per: dict[str, dict[str, float]]) -> None:
    print(f"{'quantity':28} {'precision':>9} {'recall':>7}  tp fp fn")
    for q, m in per.items():
        print(f"{q:28} {m['precision']:9.2f} {m['recall']:7.2f}  {m['tp']:2} {m['fp']:2} {m['fn']:2}")


def _fmt(r: dict[str, Any], key: str) -> str:
    v = r[key]
    if isinstance(v, float) and math.isnan(v):
        return "   –              "
    lo, hi = r["ci"][key]
    return f"{v:.2f} [{lo:.2f}, {hi:.2f}]"


_COLUMNS = ("recall_core", "precision", "speaker", "recall_all", "precision_core")


def _row(label: str, r: dict[str, Any]) -> dict[str, Any]:
    t = r["totals"]
    return {
        "group": label,
        "articles": r["articles"],
        "gold_core": t["gold_core"],
        "gold_all": t["gold_all"],
        "predictions": t["pred_all"],
        "repeats": r["repeats"],
        **{k: r[k] for k in (*_COLUMNS, "subtype", "ledger")},
        "ci": {k: list(r["ci"][k]) for k in _COLUMNS},
    }


def devset_report(name: str, devset: Path, ids: list[str] | None = None) -> dict[str, Any]:
    """Rows per half and per language (with intervals), per-quantity tables and the problem lists, as data."""
    scores = score_devset(devset, ids)
    split = _halves(name, devset)
    halves = {"tuning": set(split["tuning"]), "held_out": set(split["held_out"]), "all": {s.id for s in scores}}
    langs = sorted({s.language for s in scores})
    rows = []
    for half, members in halves.items():
        part = [s for s in scores if s.id in members]
        if not part:
            continue
        rows.append(_row(f"{half} (all languages)", summarise(part)))
        if len(langs) > 1:
            non_en = [s for s in part if s.language != "en"]
            if non_en and len(non_en) < len(part):
                rows.append(_row(f"{half} / not en", summarise(non_en)))
            for lang in langs:
                sub = [s for s in part if s.language == lang]
                if sub:
                    rows.append(_row(f"{half} / {lang}", summarise(sub)))
    tuning = [s for s in scores if s.id in halves["tuning"]]
    held = [s for s in scores if s.id in halves["held_out"]]
    return {
        "devset": name,
        "split": split,
        "rows": rows,
        "per_quantity": {"tuning": per_quantity(tuning), "held_out": per_quantity(held), "all": per_quantity(scores)},
        "problems": {
            "tuning": [p for s in tuning for p in s.problems],
            "held_out": [p for s in held for p in s.problems],
        },
    }


def _print_devset(rep: dict[str, Any], show_held_out: bool, quiet: bool, selected: bool) -> None:
    print(
        f"== {rep['devset']}: tuning {len(rep['split']['tuning'])}, held out {len(rep['split']['held_out'])} articles"
    )
    head = "  ".join(f"{c:>18}" for c in _COLUMNS)
    print(f"{'group':26} {'art':>3} {'core':>4} {'all':>4}  {head}  subtype  ledger")
    for row in rep["rows"]:
        cells = "  ".join(f"{_fmt(row, c):>18}" for c in _COLUMNS)
        sub, led = row["subtype"], row["ledger"]
        print(
            f"{row['group']:26} {row['articles']:3} {row['gold_core']:4} {row['gold_all']:4}  {cells}  "
            f"{'–' if math.isnan(sub) else f'{sub:.2f}':>7}  {'–' if math.isnan(led) else f'{led:.2f}':>6}"
        )
    print("per quantity, tuning half:")
    _table(rep["per_quantity"]["tuning"])
    if quiet:
        return
    print("failures, tuning half:" if not selected else "failures:")
    for p in rep["problems"]["tuning"]:
        print("  " + p)
    if show_held_out or selected:
        print("failures, held-out half (not for writing rules):")
        for p in rep["problems"]["held_out"]:
            print("  " + p)


def main() -> None:
    """Print the evaluation tables (or list claims of other articles with --articles)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--articles", nargs="+", help="list the claims found in these articles instead")
    ap.add_argument("--devset", nargs="*", type=Path, help="score real-article dev sets (default: both found)")
    ap.add_argument(
        "--blind",
        nargs="?",
        const=BLIND,
        type=Path,
        help=f"score the English blind set (default {BLIND.relative_to(ROOT)}), halves as in devset_split.json",
    )
    ap.add_argument(
        "--tune2",
        action="store_true",
        help=f"score the second English tuning set ({TUNE2.relative_to(ROOT)}), all of it tuning material",
    )
    ap.add_argument("--ids", nargs="+", help="with --devset: score only these article ids")
    ap.add_argument("--quiet", action="store_true", help="with --devset: no list of failures")
    ap.add_argument("--show-held-out", action="store_true", help="also list the held-out half's failures")
    ap.add_argument("--json", action="store_true", help="with --devset: print the figures as JSON")
    ap.add_argument("--write-split", action="store_true", help="add missing dev sets to devset_split.json (id hashes)")
    args = ap.parse_args()
    if args.articles:
        _list(args.articles)
        return
    if args.blind is not None:
        args.devset = [*(args.devset or []), args.blind]
    if args.tune2:
        args.devset = [*(args.devset or []), TUNE2]
    if args.devset is not None or args.write_split:
        sets = {p.name: p for p in args.devset} if args.devset else find_devsets()
        if not sets:
            raise SystemExit("no dev set found: give --devset DIR (a folder with articles.jsonl and texts/)")
        if args.write_split:
            from devset_scoring import SPLIT_FILE

            split = json.loads(SPLIT_FILE.read_text(encoding="utf-8")) if SPLIT_FILE.is_file() else {}
            for name, path in sets.items():  # a set already in the file keeps its split (it was tuned on)
                split.setdefault(name, {"rule": HASH_RULE, **hash_split(load_records(path))})
            SPLIT_FILE.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
            print(f"wrote {SPLIT_FILE}")
            return
        reports = [devset_report(name, path, args.ids) for name, path in sets.items()]
        if args.json:
            print(
                json.dumps([{k: r[k] for k in ("devset", "split", "rows", "per_quantity")} for r in reports], indent=1)
            )
            return
        for rep in reports:
            _print_devset(rep, args.show_held_out, args.quiet, bool(args.ids))
        return
    r = evaluate(args.corpus)
    print(f"{r['articles']} articles, {r['gold']} gold claims")
    _table(r["per_quantity"])
    print(f"{'all':28} {r['precision']:9.2f} {r['recall']:7.2f}")
    print(f"attribution correct on matched claims: {r['attribution']:.2f}")
    for p in r["problems"]:
        print("  " + p)


if __name__ == "__main__":
    main()
