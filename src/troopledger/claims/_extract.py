"""Extraction: candidate claims (DESIGN §4, status ``pending``) from an article's clean text.

Every sentence is scanned for figures (money, counts of people, durations, shares,
and share words such as "most" or "nothing"); each figure gets a quantity from the
vocabulary, a bound and a hedge (``_labels``), a speaker and relay chain
(``_attribution``), and a value normalised to USD, persons, months or fractions.
Everything is a candidate for a person to review, never a finished claim.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from troopledger.claims._attribution import Attribution, attribute, introduce
from troopledger.claims._currency import CURRENCY_NAMES, rate_to_usd
from troopledger.claims._labels import (
    WORD_SHARES,
    bound_of,
    hedge_of,
    label_count,
    label_duration,
    label_money,
    label_share,
)
from troopledger.claims._numbers import find_numbers
from troopledger.claims._record import Claim, SourceRef
from troopledger.claims._vocabulary import QUANTITIES
from troopledger.sources import Document, split_sentences

__all__ = ["extract_claims"]

_SYMBOL = re.compile(r"(US\$|\$|€|£|₩|₽|₴|¥)\s?$")
_CUR_WORD = re.compile(
    r"^\s*(?:[\w-]+\s+)?(dollars?|euros?|pounds?|won|rubles?|roubles?|yen|yuan|renminbi|hryvnias?|hryvnya|"
    r"USD|EUR|KRW|RUB|JPY|CNY|UAH|GBP)\b",
    re.I,
)
_PERCENT = re.compile(r"^\s*(%|percent\b|per\s+cent\b)", re.I)
_DURATION = re.compile(r"^\s*-?\s*(days?|weeks?|months?|years?)\b", re.I)
_JOIN = re.compile(r"^\s*(?:to|and|-|–|—|or)\s*(?:US\$|\$|€|£|₩)?\s*$")
_OWN_USD = re.compile(r"^\s*[(,]?\s*(?:or\s+|about\s+|around\s+|roughly\s+|some\s+|approximately\s+|worth\s+)*$", re.I)
_PERSON_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,3}(troops?|soldiers?|personnel|killed|wounded|casualties|dead)", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s*$", re.I)
_DAYS_PER = {"day": 1 / 30.44, "week": 7 / 30.44, "month": 1.0, "year": 12.0}
_SHARE_WORDS = re.compile(
    r"\b(?P<w>small\s+amount\s+or\s+(?:even\s+)?nothing|nearly\s+all|almost\s+all|the\s+bulk|much|most|all|nothing|"
    r"little)\b(?:\s+of\s+(?:the|this|their|its|it))?",
    re.I,
)
_MONEY_WORD = re.compile(r"\b(money|pay|payments?|wages?|salar\w+|earnings|income|cash|compensation)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|won[’']t)\s+(?:\w+\s+){0,2}(?:receive|get|see)\s+any\b", re.I)


@dataclass
class _Mention:
    start: int
    end: int
    low: float
    high: float
    kind: str  # money, share, duration, count
    currency: str = ""
    unit: str = ""
    source_usd: tuple[float, float] | None = None
    used: bool = False


def _raw_mentions(s: str) -> list[_Mention]:
    out: list[_Mention] = []
    for n in find_numbers(s):
        before, after = s[: n.start], s[n.end :]
        year_like = n.form == "digits" and "," not in n.text and 1900 <= n.value <= 2100 and "." not in n.text
        if year_like and not _PERSON_AFTER.match(after) and not _SYMBOL.search(before):
            continue  # a year
        if after[:1].lower() == "s" and not after[1:2].isalpha():
            continue  # "the 2000s"
        cur = ""
        sym = _SYMBOL.search(before)
        word = _CUR_WORD.match(after)
        if sym:
            cur = CURRENCY_NAMES.get(sym.group(1).lower(), "USD")
        elif word and not re.match(r"^\s*\d", after):
            cur = CURRENCY_NAMES.get(word.group(1).lower(), word.group(1).upper())
        if n.form == "fraction" or _PERCENT.match(after):
            value = n.value if n.form == "fraction" else n.value / 100
            end = n.end + (_PERCENT.match(after).end() if _PERCENT.match(after) else 0)  # type: ignore[union-attr]
            out.append(_Mention(n.start, end, value, value, "share"))
            continue
        dur = _DURATION.match(after)
        if cur:
            kind = "money"
        elif dur:
            kind = "duration"
        else:
            kind = "count"
        m = _Mention(n.start - (len(sym.group(0)) if sym else 0), n.end, n.value, n.value, kind, cur)
        if dur:
            m.unit = dur.group(1).lower().rstrip("s")
            m.end = n.end + dur.end()
        if kind == "money" and word and not sym:
            m.end = n.end + word.end()
        out.append(m)
    return _merge_ranges(s, out)


def _merge_ranges(s: str, ms: list[_Mention]) -> list[_Mention]:
    out: list[_Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        joined = prev is not None and _JOIN.match(s[prev.end : m.start]) is not None
        if (
            prev is not None
            and joined
            and prev.kind == m.kind
            and (m.kind != "count" or _BETWEEN.search(s[: prev.start]) is not None)
        ) or (prev is not None and joined and prev.kind == "count" and m.kind in ("money", "share")):
            first = prev if prev is not None else m
            lo, hi = sorted((first.low, m.high))
            cur = m.currency or first.currency
            out[-1] = _Mention(first.start, m.end, lo, hi, m.kind, cur, m.unit or first.unit)
            continue
        if prev is not None and prev.kind == "count" and m.kind == "duration" and _JOIN.match(s[prev.end : m.start]):
            out[-1] = _Mention(prev.start, m.end, min(prev.low, m.low), max(prev.high, m.high), "duration", "", m.unit)
            continue
        out.append(m)
    # a source's own conversion: "2.76 million won (about $2,000)"
    for a, b in itertools.pairwise(out):
        if (
            a.kind == b.kind == "money"
            and a.currency != "USD"
            and b.currency == "USD"
            and _OWN_USD.match(s[a.end : b.start])
        ):
            a.source_usd = (b.low, b.high)
            b.used = True
    return [m for m in out if not m.used]


def _to_usd(m: _Mention, date: str) -> tuple[float, float, str]:
    if m.source_usd is not None:
        return m.source_usd[0], m.source_usd[1], f"the source's own conversion of {m.currency}"
    if m.currency in ("USD", ""):
        return m.low, m.high, ""
    try:
        rate = rate_to_usd(m.currency, date)
    except ValueError as e:
        return m.low, m.high, f"not converted ({e}); value in {m.currency}"
    note = f"converted from {m.currency} at {rate.per_usd:,.4g} per USD ({rate.month} {rate.basis})"
    return m.low / rate.per_usd, m.high / rate.per_usd, note


class _Builder:
    """Numbers the claims of one document and fills their shared fields."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.source = SourceRef(
            id=doc.id, outlet=doc.outlet[:500], url=doc.url[:2000], date=doc.date, hash=doc.hash, description=""
        )
        self.claims: list[Claim] = []

    def add(self, sent_span: tuple[int, int], text: str, who: dict[str, object], **fields: object) -> None:
        cid = f"{self.doc.id}-{len(self.claims) + 1:03d}"
        claim = Claim.model_validate(
            {"id": cid, "source": self.source, "span": sent_span, "text": text[:5000], "status": "pending"}
            | who
            | fields
        )
        self.claims.append(claim)


def _values(side: str, lo: float, hi: float) -> dict[str, float | None]:
    if lo != hi:
        return {"value": None, "low": lo, "high": hi}
    if side == "upper":
        return {"value": None, "low": None, "high": hi}
    if side == "lower":
        return {"value": None, "low": lo, "high": None}
    return {"value": lo, "low": None, "high": None}


def _word_shares(s: str) -> list[tuple[str, bool, int]]:
    """Share words (and whether they speak of the soldiers' part) in a sentence about money."""
    if not _MONEY_WORD.search(s):
        return []
    out = []
    if _NEGATED.search(s) and re.search(r"\b(soldiers?|they|troops)\b", s, re.I):
        return [("nothing", True, _NEGATED.search(s).start())]  # type: ignore[union-attr]
    for m in _SHARE_WORDS.finditer(s):
        w = " ".join(m.group("w").lower().split()).replace(" even ", " ")
        key = "much of" if w == "much" else w
        if key not in WORD_SHARES or (w == "all" and "all of" not in m.group(0).lower()):
            continue
        label = label_share(s)
        to_soldiers = re.search(r"\b(goes|go|going|reach\w*)\s+to\s+the\s+soldiers|soldiers\s+(?:will\s+)?see", s, re.I)
        if label is None and not to_soldiers:
            continue
        out.append((key, bool(to_soldiers) or (label is not None and label[1]), m.start()))
        break
    return out


def extract_claims(doc: Document) -> list[Claim]:
    """Candidate claims (status ``pending``) for every figure in ``doc``, in reading order."""
    b = _Builder(doc)
    sentences = split_sentences(doc.text)
    people: list[Attribution] = []
    reporter = _reporting_outlet(doc)
    for i, sent in enumerate(sentences):
        s = sent.text
        nxt = sentences[i + 1].text if i + 1 < len(sentences) else ""
        mentions = _raw_mentions(s)
        words = _word_shares(s)
        if mentions or words:
            att = attribute(s, nxt, people=people)
            if att.found:
                who: dict[str, object] = {
                    "speaker": att.speaker,
                    "organisation": att.organisation[:500],
                    "speaker_kind": att.kind,
                    "via": att.via,
                }
            else:
                who = {"speaker": reporter[:500], "speaker_kind": "outlet", "via": att.via}
            sent_hedge = hedge_of(s)
            span = (sent.start, sent.end)
            for m in mentions:
                _emit(b, m, s, span, who, sent_hedge)
            for key, complement, _pos in words:
                lo, hi = WORD_SHARES[key]
                if complement:
                    lo, hi = round(1 - hi, 12), round(1 - lo, 12)
                b.add(
                    span,
                    s,
                    who,
                    quantity="state_share_of_pay",
                    low=lo,
                    high=hi,
                    unit="fraction",
                    words=key,
                    complement=complement,
                    hedge=sent_hedge,
                    stated=key,
                    note="words without a number; low/high from the words table",
                )
        person = introduce(s)
        if person is not None:
            people.append(person)
    return _consistent_counts(b.claims)


_REPORTS = re.compile(r"\b(?P<o>The\s+[A-Z]\w+(?:\s+[A-Z]\w+){0,3})\s+(?:reports|reported|writes|wrote)\b")


def _reporting_outlet(doc: Document) -> str:
    """Who speaks where no one else does: an outlet the story says it relays, else the original or the outlet."""
    m = _REPORTS.search(doc.text[:3000])
    return m.group("o") if m else doc.original_outlet or doc.outlet


def _emit(b: _Builder, m: _Mention, s: str, span: tuple[int, int], who: dict[str, object], sent_hedge: str) -> None:
    before, after = s[: m.start], s[m.end :]
    side, bound_hedge = bound_of(before)
    hedge = bound_hedge or sent_hedge
    stated = s[m.start : m.end]
    if m.kind == "money":
        lo, hi, note = _to_usd(m, b.doc.date)
        quantity, period = label_money(s, before, after, hi)
        if quantity == "other":
            return
        unit = QUANTITIES[quantity].unit
        if quantity == "total_revenue_to_nk" and period in ("month", "year"):
            unit = f"USD/{period}"
        b.add(span, s, who, quantity=quantity, unit=unit, period=period, currency=m.currency or "USD",
              stated=stated, hedge=hedge, note=note, **_values(side, lo, hi))  # fmt: skip
    elif m.kind == "count":
        if m.high < 10:
            return
        counted = label_count(s, before, after)
        if counted is None:
            return
        b.add(
            span, s, who, quantity=counted, unit="persons", stated=stated, hedge=hedge, **_values(side, m.low, m.high)
        )
    elif m.kind == "duration":
        interval = label_duration(s, before)
        if interval is None:
            return
        f = _DAYS_PER.get(m.unit, 1.0)
        lo, hi = round(m.low * f, 3), round(m.high * f, 3)
        b.add(span, s, who, quantity=interval, unit="months", stated=stated, hedge=hedge, **_values(side, lo, hi))
    else:
        label = label_share(s)
        if label is None:
            return
        quantity, complement = label
        lo, hi = (round(1 - m.high, 12), round(1 - m.low, 12)) if complement else (m.low, m.high)
        if complement:
            side = {"upper": "lower", "lower": "upper"}.get(side, "")
        note = "stated as the soldiers' part; stored as the state's share" if complement else ""
        b.add(span, s, who, quantity=quantity, unit="fraction", stated=stated, hedge=hedge, note=note,
              **_values(side, lo, hi))  # fmt: skip


def _consistent_counts(claims: list[Claim]) -> list[Claim]:
    """A troop count the document elsewhere calls a total sent is labelled so everywhere."""
    cumulative = {c.central for c in claims if c.quantity == "cumulative_troops"}
    out = []
    for c in claims:
        if c.quantity == "troops_deployed" and c.central in cumulative:
            c = c.model_copy(update={"quantity": "cumulative_troops", "note": "same figure as a total sent elsewhere"})
        out.append(c)
    return out
