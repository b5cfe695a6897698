"""Recall and precision of the extractor on the multilingual dev set, per language, with 95 % Wilson intervals.

The dev set (``../shared/devset-ml``: ``articles.jsonl`` + ``texts/``) is split by article
into a tuning half and a held-out half (``devset_ml_split.json``, fixed: within each
language, the articles in id order alternate tune, held-out, tune ...). Rules were written
against the tuning half only. Matching follows ``eval_extraction.py``: a gold figure is
found by a prediction with the same quantity (any ``other:`` one for ``other:`` gold) whose
value, low and high agree within 1 %; amounts in a currency other than USD are compared as
stated, percentages against fractions × 100. A prediction equal to a figure already
matched is a repeat (neither right nor wrong). "Core" is the vocabulary quantities.

Run: ``.venv/bin/python benchmarks/eval_languages.py [--half tune|tune-a|tune-b|held-out|all] [--problems]``.
``tune-a`` and ``tune-b`` split the tuning half again (within each language, alternating by id):
rules are changed looking at A only, and B shows whether they carry over.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from troopledger.claims import Claim, extract_claims, guide_label
from troopledger.claims._numerals import ascii_digits, find_figures
from troopledger.claims._pack_figures import join_ranges
from troopledger.claims._packs import load_pack
from troopledger.sources import document_from_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset_scoring import close
from eval_extraction import _devset_speaker_ok

ROOT = Path(__file__).resolve().parent.parent
DEVSET = next(
    (p / "shared" / "devset-ml" for p in ROOT.parents if (p / "shared" / "devset-ml").is_dir()),
    ROOT.parent / "shared" / "devset-ml",
)
SPLIT = Path(__file__).resolve().parent / "devset_ml_split.json"
_CURRENCY = re.compile(r"^(RUB|KRW|KPW|CNY|EUR|JPY|GBP|UAH|PLN|BRL|CHF)\b")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion k/n."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def _group(lang: str) -> str:
    return lang.split("-")[0]


def _as_stated(c: Claim, lang: str) -> dict[str, float | None]:
    stated = ascii_digits(c.stated.lower())
    pairs = join_ranges(find_figures(stated, load_pack(lang)), stated, load_pack(lang))  # "200 до 250 тисяч"
    figs = [f.value for pair in pairs for f in pair]
    if not figs:
        return {"value": None, "low": None, "high": None}
    if c.value is not None:
        return {"value": figs[0], "low": None, "high": None}
    return {
        "value": None,
        "low": figs[0] if c.low is not None else None,
        "high": figs[-1] if c.high is not None else None,
    }


def _matches(c: Claim, gold: dict[str, Any], lang: str) -> bool:
    q, pred = gold["quantity"], guide_label(c.quantity)  # a ledger quantity is scored as the guide labels it
    if q.startswith("other") != pred.startswith("other") or (not q.startswith("other") and pred != q):
        return False
    unit = gold.get("unit") or ""
    got: dict[str, float | None] = {"value": c.value, "low": c.low, "high": c.high}
    if "percent" in unit and c.unit == "fraction":
        got = {k: (v * 100 if v is not None else None) for k, v in got.items()}
    elif _CURRENCY.match(unit):
        got = _as_stated(c, lang)
    return all(close(got[k], gold.get(k), 0.01) for k in ("value", "low", "high"))


def score(ids: set[str] | None, problems: list[str] | None = None, devset: Path = DEVSET) -> dict[str, dict[str, Any]]:
    """Counts per language group (and ``all``): gold, found, core gold/found, predictions, right, speaker.

    ``ids`` None scores every article of ``devset`` (a directory with ``articles.jsonl`` and ``texts/``).
    """
    rows = [json.loads(x) for x in (devset / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x]
    out: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    for rec in rows:
        if ids is not None and rec["id"] not in ids:
            continue
        lang = _group(rec["language"])
        data = (devset / "texts" / f"{rec['id']}.txt").read_bytes()
        doc = document_from_bytes(data, f"{rec['id']}.txt", outlet=rec.get("outlet") or None, url=rec.get("url"))
        claims = extract_claims(doc)
        gold = [
            g
            for g in rec["claims"]
            if not g.get("qualitative") and any(g.get(k) is not None for k in ("value", "low", "high"))
        ]
        used: dict[int, int] = {}
        for key in (lang, "all"):
            out[key]["articles"] += 1
        for gi, g in enumerate(gold):
            ok = False
            core = not g["quantity"].startswith("other")
            hit = next((i for i, c in enumerate(claims) if i not in used and _matches(c, g, lang)), None)
            for key in (lang, "all"):
                out[key]["gold"] += 1
                out[key]["gold_core"] += core
                if hit is not None:
                    out[key]["found"] += 1
                    out[key]["found_core"] += core
                    ok = _devset_speaker_ok(claims[hit], g["attribution"])
                    out[key]["speaker"] += ok
            if hit is not None and not ok and problems is not None:
                problems.append(f"speaker {rec['id']}: want {g['attribution']!r}, got {claims[hit].speaker!r}")
            if hit is not None:
                used[hit] = gi
            elif problems is not None:
                figure = g.get("value") or (g.get("low"), g.get("high"))
                problems.append(f"missed {rec['id']}: {g['quantity']} {figure} | {g['quote'][:60]}")
        for i, c in enumerate(claims):
            if i in used:
                right = True
            elif any(_matches(c, gold[g], lang) for g in used.values()):
                continue
            else:
                right = False
                if problems is not None:
                    problems.append(f"extra {rec['id']}: {c.quantity} {c.describe_value()} [{c.stated}] {c.speaker}")
            for key in (lang, "all"):
                out[key]["predicted"] += 1
                out[key]["right"] += right
                out[key]["predicted_core"] += not guide_label(c.quantity).startswith("other")
                out[key]["right_core"] += right and not guide_label(c.quantity).startswith("other")
    return out


def tuning_quarter(tune: list[str], which: str) -> set[str]:
    """Half A or B of the tuning articles: within each language, in id order, they alternate A, B, A ..."""
    langs = {
        r["id"]: _group(r["language"])
        for r in (json.loads(x) for x in (DEVSET / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x)
    }
    seen: dict[str, int] = defaultdict(int)
    out: set[str] = set()
    for aid in sorted(tune):
        n = seen[langs[aid]]
        seen[langs[aid]] += 1
        if (n % 2 == 0) == (which == "a"):
            out.add(aid)
    return out


def _line(name: str, m: dict[str, Any]) -> str:
    def fmt(k: int, n: int) -> str:
        lo, hi = wilson(k, n)
        return f"{k / n if n else 0:.2f} [{lo:.2f}, {hi:.2f}] ({k}/{n})"

    return (
        f"{name:6} {m['articles']:3}  core recall {fmt(m['found_core'], m['gold_core']):28} "
        f"recall {fmt(m['found'], m['gold']):28} precision {fmt(m['right'], m['predicted']):28} "
        f"speaker {fmt(m['speaker'], m['found'])}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=["tune", "tune-a", "tune-b", "held-out", "all"], default="held-out")
    ap.add_argument("--problems", action="store_true", help="list misses and extra predictions")
    ap.add_argument("--languages", default="", help="comma-separated language groups to pool on a line of their own")
    ap.add_argument(
        "--set",
        type=Path,
        default=None,
        help="score every article of another set in the same format (e.g. tests/data/languages_tune2), ignoring --half",
    )
    ap.add_argument(
        "--set-half",
        choices=["tune", "check"],
        default=None,
        help="with --set: score only the tuning or the check half of the set (its entry in devset_split.json)",
    )
    args = ap.parse_args()
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    ids: set[str] | None
    if args.set is not None and args.set_half:
        halves = json.loads((SPLIT.parent / "devset_split.json").read_text(encoding="utf-8"))[args.set.name]
        ids = set(halves["tuning" if args.set_half == "tune" else "held_out"])
    elif args.set is not None:
        ids = None
    elif args.half == "all":
        ids = set(split["tune"]) | set(split["held_out"])
    elif args.half in ("tune-a", "tune-b"):
        ids = tuning_quarter(split["tune"], args.half[-1])
    else:
        ids = set(split[args.half.replace("-", "_")])
    problems: list[str] | None = [] if args.problems else None
    t0 = time.process_time()
    res = score(ids, problems, args.set or DEVSET)
    cpu = time.process_time() - t0
    which = f"{args.set_half or 'all'} of {args.set}" if args.set else args.half
    print(f"half: {which}; {res['all']['articles']} articles in {cpu:.2f} CPU s (incl. scoring)")
    for name in sorted(k for k in res if k != "all"):
        print(_line(name, res[name]))
    print(_line("all", res["all"]))
    chosen = [x for x in args.languages.split(",") if x in res]
    if chosen:
        pooled = {k: sum(res[x][k] for x in chosen) for k in res["all"]}
        print(_line("pooled", pooled) + f"  ({', '.join(chosen)})")
    for p in problems or []:
        print(p)


if __name__ == "__main__":
    main()
