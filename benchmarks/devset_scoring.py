"""Scoring the extractor on real-article dev sets: per article, per language, per half, with bootstrap intervals.

A dev set is laid out like ``../shared/devset`` (``articles.jsonl`` + ``texts/<id>.txt``),
labelled under ``LABELS.md``. A gold figure is found when a prediction has the same
quantity (for ``other:<subtype>`` gold, any ``other:`` prediction) and its value, low
and high each agree within 1 % (gold percentages against fractions × 100; gold amounts
in a currency other than USD against the amount as stated, or against the source's own
USD figure when the gold unit carries it as ``(~USD X)``). Qualitative gold claims (no
number) are not scored. A prediction equal to a figure already matched (a headline
repeated in the body) is a repeat, neither right nor wrong; any other unmatched
prediction is a false positive. The speaker is right when a distinctive word of the
predicted speaker or organisation (acronyms expanded) occurs in the gold attribution
outside its relay part ("via", "→"), or the other way round.

**Halves.** Each set is split by article into a tuning half and a held-out half, fixed
in ``benchmarks/devset_split.json`` (committed, with its rule): for the English set,
within each language, articles are ordered by the SHA-256 of their id and the first
ceil(n/2) form the tuning half; the multilingual set keeps the split its language packs
were tuned on (within each language, ids alternate tune, held out).
Rules are written against tuning-half failures only; the held-out half is reported,
and its failures are printed only on request (``--show-held-out``).

**Intervals.** Each rate is a ratio of sums over articles; its 95 % interval is the
percentile bootstrap over articles (2,000 resamples of the articles with replacement,
seed 20), so an article with many figures moves the interval as it moves the rate.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from troopledger.claims import Claim, extract_claims, find_numbers, guide_label, ledger_quantity
from troopledger.sources import document_from_bytes

SPLIT_FILE = Path(__file__).resolve().parent / "devset_split.json"
HASH_RULE = (
    "per language, articles ordered by the SHA-256 of their id; the first ceil(n/2) tune; "
    "a near-duplicate goes with the article it rewrites"
)
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20

_CURRENCY_UNIT = re.compile(r"^(RUB|KRW|KPW|CNY|EUR|JPY|GBP|UAH|CHF|TWD)\b")
_SOURCE_USD = re.compile(r"\(~\s*USD\s*([\d,.]+)\s*\)")
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
_STOP_WORDS = (
    "the and for with from that this said says its his her their who which according report reports "
    "reported south north korea korean koreas russia russian ukraine ukrainian western officials "
    "official sources source agency agencies service government news unnamed unattributed background "
    "comparison citing quoted rep lawmaker lawmakers legislators data estimates study "
)
_STOP = frozenset(_STOP_WORDS.split())


# --- matching one article -------------------------------------------------------------


def close(a: float | None, b: float | None, tol: float) -> bool:
    """Whether two figures agree within a relative ``tol`` (two missing ends agree)."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-12)


def _words(text: str) -> set[str]:
    low = text.casefold()
    words = set(re.findall(r"[a-z][a-z:’'-]{2,}|\b[a-z]{2}\b", low))
    low = low.replace("’", "'")
    for short, names in _ALIASES.items():
        if short in words or any(name in low for name in names):
            words.add(short)
    return {w.strip("’'") for w in words} - _STOP


def speaker_ok(c: Claim, attribution: str) -> bool:
    """Whether the claim's speaker names the origin of a gold ``attribution`` (relay part ignored)."""
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


def _figures(c: Claim, unit: str) -> list[dict[str, float | None]]:
    """The readings of a prediction a gold figure in ``unit`` may be compared with."""
    figures: dict[str, float | None] = {"value": c.value, "low": c.low, "high": c.high}
    if "percent" in unit and c.unit == "fraction":
        return [{k: (v * 100 if v is not None else None) for k, v in figures.items()}]
    if _CURRENCY_UNIT.match(unit):
        return [_as_stated(c)]
    return [figures]


def dev_matches(c: Claim, gold: dict[str, Any]) -> bool:
    """Whether prediction ``c`` is gold figure ``gold`` (same quantity family, figures within 1 %)."""
    q, got = gold["quantity"], guide_label(c.quantity)  # a ledger quantity is scored as the guide labels it
    if q.startswith("other"):
        if not got.startswith("other"):
            return False
    elif got != q:
        return False
    unit = gold.get("unit") or ""
    usd = _SOURCE_USD.search(unit)
    for got in _figures(c, unit):
        if all(close(got[k], gold.get(k), 0.01) for k in ("value", "low", "high")):
            return True
    if usd and c.value is not None and gold.get("value") is not None:
        return close(c.value, float(usd.group(1).replace(",", "")), 0.01)
    return False


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


def family(q: str) -> str:
    """``other`` for every ``other:<subtype>``, else the quantity itself."""
    return "other" if q.startswith("other") else q


@dataclass
class ArticleScore:
    """What one article contributes: matches, misses and false positives per quantity family, speakers, subtypes."""

    id: str
    language: str
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    speaker_right: int = 0
    subtype_right: int = 0
    subtype_n: int = 0
    ledger_right: int = 0
    ledger_n: int = 0
    repeats: int = 0
    problems: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The numerators and denominators every rate is built from."""
        core = [q for q in set(self.tp) | set(self.fp) | set(self.fn) if q != "other"]
        tp_core = sum(self.tp[q] for q in core)
        tp_all = sum(self.tp.values())
        return {
            "tp_core": tp_core,
            "gold_core": tp_core + sum(self.fn[q] for q in core),
            "pred_core": tp_core + sum(self.fp[q] for q in core),
            "tp_all": tp_all,
            "gold_all": tp_all + sum(self.fn.values()),
            "pred_all": tp_all + sum(self.fp.values()),
            "speaker_right": self.speaker_right,
            "subtype_right": self.subtype_right,
            "subtype_n": self.subtype_n,
            "ledger_right": self.ledger_right,
            "ledger_n": self.ledger_n,
            "repeats": self.repeats,
        }


def load_records(devset: Path) -> list[dict[str, Any]]:
    """The labelled records of a dev set, in file order."""
    lines = (devset / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score_article(devset: Path, rec: dict[str, Any]) -> ArticleScore:
    """Extract one dev-set article and match its predictions to its gold figures."""
    data = (devset / "texts" / f"{rec['id']}.txt").read_bytes()
    doc = document_from_bytes(data, f"{rec['id']}.txt", outlet=rec.get("outlet") or None, url=rec.get("url") or None)
    claims = extract_claims(doc)
    gold = [g for g in rec["claims"] if _numeric(g)]
    out = ArticleScore(rec["id"], rec.get("language") or "en")
    used: dict[int, int] = {}
    for gi, gd in enumerate(gold):
        hit = next((i for i, c in enumerate(claims) if i not in used and dev_matches(c, gd)), None)
        fam = family(gd["quantity"])
        if hit is None:
            out.fn[fam] += 1
            figure = gd.get("value") if gd.get("value") is not None else (gd.get("low"), gd.get("high"))
            out.problems.append(f"missed {rec['id']}: {gd['quantity']} {figure}")
            continue
        used[hit] = gi
        out.tp[fam] += 1
        if gd["quantity"].startswith("other"):
            want = gold_subtype(gd["quantity"], gd.get("unit") or "")
            got = guide_label(claims[hit].quantity).removeprefix("other:")
            out.subtype_right += got == want
            out.subtype_n += 1
            if got != want:
                out.problems.append(f"subtype {rec['id']}: want {want} ({gd['quantity']}), got {got}")
            ledger = ledger_quantity(gd["quantity"])
            if ledger is not None:  # a gold label the ledger knows: is the prediction that ledger quantity?
                out.ledger_n += 1
                out.ledger_right += claims[hit].quantity == ledger
                if claims[hit].quantity != ledger:
                    out.problems.append(
                        f"ledger {rec['id']}: want {ledger} ({gd['quantity']}), got {claims[hit].quantity}"
                    )
        if speaker_ok(claims[hit], gd["attribution"]):
            out.speaker_right += 1
        else:
            out.problems.append(f"speaker {rec['id']}: want {gd['attribution']!r}, got {claims[hit].speaker!r}")
    for i, c in enumerate(claims):
        if i in used:
            continue
        if any(dev_matches(c, gold[g]) for g in used.values()):
            out.repeats += 1
            continue
        out.fp[family(guide_label(c.quantity))] += 1
        out.problems.append(f"extra {rec['id']}: {c.quantity} {c.describe_value()} [{c.stated}]")
    return out


# --- halves ---------------------------------------------------------------------------


def hash_split(records: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Tuning and held-out ids: per language, articles ordered by the SHA-256 of their id, the first ceil(n/2) tune.

    A near-duplicate (``near_duplicate_of``) goes with the article it rewrites, so no rewrite of a
    tuning article sits in the held-out half.
    """
    root = {r["id"]: r.get("near_duplicate_of") or r["id"] for r in records}
    by_lang: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in records:
        by_lang[r.get("language") or "en"][root[r["id"]]].append(r["id"])
    tuning: list[str] = []
    held: list[str] = []
    for lang in sorted(by_lang):
        groups = sorted(by_lang[lang].items(), key=lambda kv: hashlib.sha256(kv[0].encode()).hexdigest())
        want = math.ceil(sum(len(ids) for _, ids in groups) / 2)
        taken = 0
        for _, ids in groups:
            (tuning if taken < want else held).extend(ids)
            taken += len(ids)
    return {"tuning": sorted(tuning), "held_out": sorted(held)}


def committed_split(name: str, records: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The split of dev set ``name`` as committed in ``devset_split.json`` (an id it lacks goes by its hash)."""
    saved = json.loads(SPLIT_FILE.read_text(encoding="utf-8")) if SPLIT_FILE.is_file() else {}
    if name not in saved:
        return hash_split(records)
    split = {k: list(saved[name][k]) for k in ("tuning", "held_out")}
    known = set(split["tuning"]) | set(split["held_out"])
    extra = [r for r in records if r["id"] not in known]
    if extra:
        fresh = hash_split(extra)
        split["tuning"] += fresh["tuning"]
        split["held_out"] += fresh["held_out"]
    return split


# --- rates and intervals --------------------------------------------------------------

#: Each rate as (numerator, denominator) of ``ArticleScore.counts``.
RATES: dict[str, tuple[str, str]] = {
    "recall_core": ("tp_core", "gold_core"),
    "recall_all": ("tp_all", "gold_all"),
    "precision": ("tp_all", "pred_all"),
    "precision_core": ("tp_core", "pred_core"),
    "speaker": ("speaker_right", "tp_all"),
    "subtype": ("subtype_right", "subtype_n"),
    "ledger": ("ledger_right", "ledger_n"),
}


def summarise(scores: list[ArticleScore], *, interval: bool = True) -> dict[str, Any]:
    """Rates over ``scores`` (ratio of sums) with 95 % bootstrap intervals by article, and the raw totals."""
    keys = sorted({k for s in scores for k in s.counts()} | {"tp_core"})
    table = np.array([[s.counts().get(k, 0) for k in keys] for s in scores], dtype=float).reshape(len(scores), -1)
    col = {k: j for j, k in enumerate(keys)}
    totals = {k: int(table[:, j].sum()) for k, j in col.items()}
    out: dict[str, Any] = {"articles": len(scores), "totals": totals, "ci": {}}
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    draws = rng.integers(0, len(scores), size=(BOOTSTRAP_RESAMPLES, len(scores))) if scores and interval else None
    for name, (num, den) in RATES.items():
        n, d = totals[num], totals[den]
        out[name] = n / d if d else float("nan")
        if draws is None or not d:
            out["ci"][name] = (float("nan"), float("nan"))
            continue
        nums = table[draws, col[num]].sum(axis=1)
        dens = table[draws, col[den]].sum(axis=1)
        ratios = nums[dens > 0] / dens[dens > 0]
        lo, hi = np.percentile(ratios, [2.5, 97.5]) if ratios.size else (float("nan"), float("nan"))
        out["ci"][name] = (float(lo), float(hi))
    out["repeats"] = totals.get("repeats", 0)
    return out


def per_quantity(scores: list[ArticleScore]) -> dict[str, dict[str, float]]:
    """Precision and recall per quantity family over ``scores``."""
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    for s in scores:
        for src, dst in ((s.tp, tp), (s.fp, fp), (s.fn, fn)):
            for q, v in src.items():
                dst[q] += v
    return prf(tp, fp, fn)


def prf(tp: dict[str, int], fp: dict[str, int], fn: dict[str, int]) -> dict[str, dict[str, float]]:
    """Precision and recall per key from counts of true positives, false positives and false negatives."""
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
