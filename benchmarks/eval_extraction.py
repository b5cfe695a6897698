"""Precision and recall of the extractor, per quantity, with the share of found figures given the right speaker.

Two labelled sets can be scored:

* our own corpus, ``tests/corpus/`` (``gold.jsonl``, short texts written for the
  project): a prediction matches a gold claim of the same file when the quantity is
  the same and value, low and high each agree within the gold's ``tol`` (2 % unless a
  conversion makes it wider); only predictions in the vocabulary (not ``other``) count,
  except that an ``other:<subtype>`` gold figure is matched by the same subtype.
* a development set of real articles laid out like ``../shared/devset``
  (``articles.jsonl`` + ``texts/<id>.txt``), scored with ``--devset DIR``. A gold figure
  is found when a prediction has the same quantity (for ``other:<subtype>`` gold, any
  ``other:`` prediction) and its value, low and high each agree within 1 % (gold
  percentages against fractions × 100; gold amounts in a currency other than USD
  against the amount as stated). Qualitative gold claims (no number) are not scored.
  Of the ``other:`` figures found, the share whose subtype is the gold label mapped to
  the documented subtype list (``gold_subtype``) is printed as the subtype agreement.
  A prediction equal to a figure already matched (a headline repeated in the body) is
  counted as a repeat, neither right nor wrong; any other unmatched prediction is a
  false positive. The speaker is right when a distinctive word of the predicted
  speaker or organisation (acronyms expanded) occurs in the gold attribution outside
  its relay part, or the other way round.

Run: ``.venv/bin/python benchmarks/eval_extraction.py [CORPUS_DIR]``,
``... --devset ../shared/devset [--ids dev-001 dev-002 ...]``, or ``--articles FILE...``
to list what is found in other articles.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from troopledger.claims import QUANTITIES, Claim, extract_claims, find_numbers
from troopledger.sources import document_from_bytes, read_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
DEVSET = ROOT.parent / "shared" / "devset"
CORPUS_OUTLET = "Harbour Ledger"
#: The development half and the held-out half of the dev set (by id).
DEV_IDS = [f"dev-{i:03d}" for i in range(1, 26)]
HELD_OUT_IDS = [f"dev-{i:03d}" for i in range(26, 41)]
CORE = frozenset(q for q in QUANTITIES if q != "other")


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


def _prf(tp: dict[str, int], fp: dict[str, int], fn: dict[str, int]) -> dict[str, dict[str, float]]:
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
    return per


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
            c for c in extract_claims(read_document(path, outlet=outlet)) if c.quantity in CORE or c.quantity in wanted
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
            if i not in used and c.quantity in CORE:
                fp[c.quantity] += 1
                misses.append(f"extra {path.name}: {c.quantity} {c.describe_value()}")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "articles": len(articles),
        "gold": all_tp + all_fn,
        "precision": all_tp / (all_tp + all_fp) if all_tp + all_fp else 1.0,
        "recall": all_tp / (all_tp + all_fn) if all_tp + all_fn else 1.0,
        "attribution": speakers_right / matched if matched else 0.0,
        "per_quantity": _prf(tp, fp, fn),
        "problems": misses,
    }


# --- the real-article development set -------------------------------------------------

_CURRENCY_UNIT = re.compile(r"^(RUB|KRW|KPW|CNY|EUR|JPY|GBP|UAH)\b")
#: Acronyms and the other names a text gives the same body, so "NIS" and "Seoul's spy agency" agree.
_ALIASES: dict[str, tuple[str, ...]] = {
    "nis": ("national intelligence service", "spy agency", "south korean intelligence", "south korea's intelligence"),
    "hur": ("main intelligence directorate", "defence intelligence", "defense intelligence", "ukrainian intelligence"),
    "gur": ("main intelligence directorate", "defence intelligence", "defense intelligence", "ukrainian intelligence"),
    "msmt": ("multilateral sanctions monitoring team",),
    "bok": ("bank of korea", "central bank"),
    "inss": ("institute for national security strategy",),
    "kcna": ("korean central news agency", "state media"),
    "rosstat": ("federal state statistics service", "federal statistics service"),
    "nkdb": ("data base center",),
    "un": ("united nations",),
}
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "said",
        "says",
        "its",
        "his",
        "her",
        "their",
        "who",
        "which",
        "according",
        "report",
        "reports",
        "reported",
        "south",
        "north",
        "korea",
        "korean",
        "koreas",
        "russia",
        "russian",
        "ukraine",
        "ukrainian",
        "western",
        "officials",
        "official",
        "sources",
        "source",
        "agency",
        "agencies",
        "service",
        "government",
        "news",
        "unnamed",
        "unattributed",
        "background",
        "comparison",
        "citing",
        "quoted",
        "rep",
        "lawmaker",
        "lawmakers",
        "legislators",
        "data",
        "estimates",
        "study",
    ]
)


def _words(text: str) -> set[str]:
    low = text.casefold()
    words = set(re.findall(r"[a-z][a-z:’'-]{2,}|\b[a-z]{2}\b", low))
    low = low.replace("’", "'")
    for short, names in _ALIASES.items():
        if short in words or any(name in low for name in names):
            words.add(short)
    return {w.strip("’'") for w in words} - _STOP


def _devset_speaker_ok(c: Claim, attribution: str) -> bool:
    main = re.split(r"\bvia\b|→", attribution, maxsplit=1)[0]
    want = _words(main)
    got = _words(c.speaker + " " + c.organisation)
    if want & got:
        return True

    def flat(t: str) -> str:
        return " ".join(re.findall(r"[a-z0-9]+", t.casefold()))

    said = flat(c.speaker)
    return len(said) > 3 and (said in flat(main) or (flat(main) in said and len(flat(main)) > 3))


def _as_stated(c: Claim) -> dict[str, float | None]:
    """Value, low and high of a money claim in the currency it was stated in (parsed from ``stated``)."""
    nums = [n.value for n in find_numbers(c.stated) if n.form != "fraction"]
    if not nums:
        return {"value": None, "low": None, "high": None}
    if c.value is not None:
        return {"value": nums[0], "low": None, "high": None}
    return {
        "value": None,
        "low": nums[0] if c.low is not None else None,
        "high": nums[-1] if c.high is not None else None,
    }


def _dev_figures(c: Claim, unit: str) -> dict[str, float | None]:
    figures: dict[str, float | None] = {"value": c.value, "low": c.low, "high": c.high}
    if "percent" in unit and c.unit == "fraction":
        return {k: (v * 100 if v is not None else None) for k, v in figures.items()}
    if _CURRENCY_UNIT.match(unit):
        return _as_stated(c)
    return figures


def _dev_matches(c: Claim, gold: dict[str, Any]) -> bool:
    q = gold["quantity"]
    if q.startswith("other"):
        if not c.quantity.startswith("other"):
            return False
    elif c.quantity != q:
        return False
    got = _dev_figures(c, gold.get("unit") or "")
    return all(_close(got[k], gold.get(k), 0.01) for k in ("value", "low", "high"))


#: Gold ``other:`` labels of the dev set are free snake_case; these rules (first match wins) map one to the
#: documented subtype list of ``claims/_subtypes.py`` by its words and its unit, for the subtype-agreement figure.
_GOLD_TO_SUBTYPE: list[tuple[str, str]] = [
    (r"unit:times\b", "multiple"),
    (r"unit:(?:days?|weeks?|hours?)\b", "duration"),
    (r"casualty_rate|decimated|fatal_share", "casualty_rate"),
    (r"worker.*state_share", "worker_state_share"),
    (r"worker.*(?:quota|remittance|loyalty)", "worker_remittance"),
    (r"worker.*revenue", "worker_revenue"),
    (r"worker.*(?:wage|take_home|pay)", "worker_wage"),
    (r"worker", "workers"),
    (r"arrivals", "arrivals"),
    (r"nepali.*(?:killed|dead)", "nepali_casualties"),
    (r"pows?\b|pows_|prisoner|captured", "prisoners"),
    (r"(?:nepali|foreign|russian).*(?:pay|bonus|compensation|payments)", "russian_pay"),
    (r"nepali", "nepali_troops"),
    (r"foreign_troops", "foreign_troops"),
    (r"russian_casualt|russian.*(?:killed|losses)", "russian_casualties"),
    (r"arms_revenue", "arms_revenue"),
    (r"illicit|cyber|coal|hack", "illicit_revenue"),
    (r"gdp|gni|trade|export|growth|mining|chemical|economy", "nk_economy"),
    (r"unit:percent", "share"),
    (r"sapper|engineer|deminer|builder", "engineers"),
    (r"officer|general", "officers"),
    (r"joint", "joint_troops"),
    (r"oil|barrel|tanker", "oil"),
    (r"luxury|watch", "luxury"),
    (r"price", "price"),
    (r"shell|round|missile|container|munition|drone|vehicle|pantsir|ammunition", "munitions"),
    (r"famil|escapee|resident|citizen|visitor", "people"),
    (r"unit:(?:usd|rub|krw|kpw|cny|eur)", "amount"),
]


def gold_subtype(quantity: str, unit: str) -> str:
    """The documented ``other:`` subtype a free-form gold label stands for (``count`` if no rule applies)."""
    key = f"{quantity.removeprefix('other:')} unit:{unit.casefold()}"
    return next((sub for pattern, sub in _GOLD_TO_SUBTYPE if re.search(pattern, key)), "count")


def _numeric(gold: dict[str, Any]) -> bool:
    return not gold.get("qualitative") and any(gold.get(k) is not None for k in ("value", "low", "high"))


def _family(q: str) -> str:
    return "other" if q.startswith("other") else q


def evaluate_devset(devset: Path = DEVSET, ids: list[str] | None = None) -> dict[str, Any]:
    """Scores on a real-article development set (layout of ``../shared/devset``), optionally on some ids only."""
    records = [
        json.loads(line) for line in (devset / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    if ids is not None:
        records = [r for r in records if r["id"] in ids]
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    right = matched = repeats = 0
    subtypes = [0, 0]  # matched other: figures whose subtype is the gold's mapped one, and all of them
    problems: list[str] = []
    for rec in records:
        data = (devset / "texts" / f"{rec['id']}.txt").read_bytes()
        doc = document_from_bytes(
            data, f"{rec['id']}.txt", outlet=rec.get("outlet") or None, url=rec.get("url") or None
        )
        claims = extract_claims(doc)
        gold = [g for g in rec["claims"] if _numeric(g)]
        used: dict[int, int] = {}
        for gi, gd in enumerate(gold):
            hit = next((i for i, c in enumerate(claims) if i not in used and _dev_matches(c, gd)), None)
            fam = _family(gd["quantity"])
            if hit is None:
                fn[fam] += 1
                problems.append(
                    f"missed {rec['id']}: {gd['quantity']} {gd.get('value') or (gd.get('low'), gd.get('high'))}"
                )
                continue
            used[hit] = gi
            tp[fam] += 1
            matched += 1
            if gd["quantity"].startswith("other"):
                want = gold_subtype(gd["quantity"], gd.get("unit") or "")
                got = claims[hit].quantity.removeprefix("other:")
                subtypes[0] += got == want
                subtypes[1] += 1
                if got != want:
                    problems.append(f"subtype {rec['id']}: want {want} ({gd['quantity']}), got {got}")
            if _devset_speaker_ok(claims[hit], gd["attribution"]):
                right += 1
            else:
                problems.append(f"speaker {rec['id']}: want {gd['attribution']!r}, got {claims[hit].speaker!r}")
        for i, c in enumerate(claims):
            if i in used:
                continue
            if any(_dev_matches(c, gold[g]) for g in used.values()):
                repeats += 1
                continue
            fp[_family(c.quantity)] += 1
            problems.append(f"extra {rec['id']}: {c.quantity} {c.describe_value()} [{c.stated}]")
    per = _prf(tp, fp, fn)
    core_tp = sum(v for q, v in tp.items() if q != "other")
    core_fn = sum(v for q, v in fn.items() if q != "other")
    core_fp = sum(v for q, v in fp.items() if q != "other")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "articles": len(records),
        "gold": all_tp + all_fn,
        "gold_core": core_tp + core_fn,
        "recall_core": core_tp / (core_tp + core_fn) if core_tp + core_fn else 1.0,
        "recall_all": all_tp / (all_tp + all_fn) if all_tp + all_fn else 1.0,
        "precision": all_tp / (all_tp + all_fp) if all_tp + all_fp else 1.0,
        "precision_core": core_tp / (core_tp + core_fp) if core_tp + core_fp else 1.0,
        "speaker": right / matched if matched else 0.0,
        "subtype": subtypes[0] / subtypes[1] if subtypes[1] else 1.0,
        "repeats": repeats,
        "per_quantity": per,
        "problems": problems,
    }


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


def _print_devset(devset: Path, ids: list[str] | None, quiet: bool) -> None:
    splits = (
        {"selected": ids} if ids else {"dev-001..025": DEV_IDS, "dev-026..040 (held out)": HELD_OUT_IDS, "all": None}
    )
    for name, chosen in splits.items():
        r = evaluate_devset(devset, chosen)
        print(f"== {name}: {r['articles']} articles, {r['gold']} figures ({r['gold_core']} in the vocabulary)")
        if name == "all" or ids:
            _table(r["per_quantity"])
        print(
            f"recall core {r['recall_core']:.2f}  recall all {r['recall_all']:.2f}  precision {r['precision']:.2f} "
            f"(core {r['precision_core']:.2f})  right speaker {r['speaker']:.2f}  other: subtype {r['subtype']:.2f}  "
            f"repeats {r['repeats']}"
        )
        if not quiet and (name == "all" or ids):
            for p in r["problems"]:
                print("  " + p)


def main() -> None:
    """Print the evaluation table (or list claims of other articles with --articles)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--articles", nargs="+", help="list the claims found in these articles instead")
    ap.add_argument("--devset", type=Path, help="score a real-article dev set (articles.jsonl + texts/)")
    ap.add_argument("--ids", nargs="+", help="with --devset: score only these article ids")
    ap.add_argument("--quiet", action="store_true", help="with --devset: no list of problems")
    args = ap.parse_args()
    if args.articles:
        _list(args.articles)
        return
    if args.devset:
        _print_devset(args.devset, args.ids, args.quiet)
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
