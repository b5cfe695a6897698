"""The ledger's streams in article text: prices, wages, trade, shares and the scope of a total.

Amounts and shares that the money and share rules (``_labels``) read coarsely
(``other:price``, ``other:worker_wage``, ``other:nk_economy``, ``total_revenue_to_nk`` ...)
are placed by structure: the unit the amount is per ("per shell", "$5 million each",
"each shell costs", "an hour"), whose wage it is and what part ("keep", "withheld"), whose
trade, and, for a total, which streams its own clause names (troops; troops and munitions;
workers, oil or "all sources" too). What cannot be placed keeps the coarse label.
"""

from __future__ import annotations

import re

from troopledger.claims._inflect import verbs
from troopledger.claims._stream_labels import AIR_DEFENCE, RUSSIA_FIRES
from troopledger.claims._stream_quantities import STREAM_QUANTITIES

__all__ = ["stream_money", "stream_share"]


_PER = r"(?:per|a|an|each|every|for\s+(?:a|an|one|each))\s+(?:single\s+)?"
_PER_UNIT = re.compile(
    rf"^\W*(?:\w+\s+){{0,2}}?{_PER}(?P<unit>(?:152\s*mm\s+|artillery\s+)?(?:shell|round)|mortar\s+(?:round|bomb)|"
    r"rocket|(?:ballistic\s+)?missile|barrel|(?:pantsir|system|unit)|tour|trip|person|tourist|hour)\b|"
    rf"^\W*(?:\w+\s+){{0,2}}?(?P<hourly>an\s+hour|per\s+hour|hourly)\b",
    re.I,
)
_UNIT_BEFORE = re.compile(
    r"\b(?:(?P<unit>shell|round|rocket|missile|barrel|pantsir|tour|trip)s?(?:\s+(?:system|unit|launcher)s?)?"
    r"(?:\s+of\s+(?:\w+\s+){0,3}?\w+)?\s+(?:costs?|sells?|sold|priced|is\s+worth|"
    r"are\s+worth|go(?:es)?\s+for|fetch\w*|at)|(?:price|cost|value)\s+of\s+(?:a|an|one|each)\s+(?:single\s+)?(?:\w+\s+){0,2}?"
    r"(?P<unit2>shell|round|rocket|missile|barrel|pantsir|system|tour|trip))\b[^$€£₽₩\d]{0,30}$|"
    r"\b(?:each|every|one|a\s+single)\s+(?:\w+\s+){0,2}?(?P<unit3>shell|round|rocket|missile|barrel|tour|trip)\b"
    r"[^$€£₽₩\d.;]{0,70}\b(?:worth|costs?|sells?|sold|priced|goes\s+for|fetch\w*|for|at)\b[^$€£₽₩\d]{0,25}$",
    re.I,
)
_PRICE_OF = {
    "shell": "shell_price_152mm",
    "round": "shell_price_152mm",
    "mortar": "mortar_round_price",
    "rocket": "mrl_rocket_price",
    "missile": "srbm_cost_per_missile",
    "barrel": "refined_oil_price",
    "pantsir": "pantsir_unit_price",
    "system": "pantsir_unit_price",
    "unit": "pantsir_unit_price",
    "tour": "tour_price",
    "trip": "tour_price",
    "tourist": "tour_price",
    "person": "tour_price",
}
_EACH = re.compile(r"^\W*(?:each|apiece|a\s+piece|per\s+(?:unit|piece|item))\b", re.I)
_UNIT_NOUN = re.compile(r"\b(shell|round|rocket|missile|barrel|pantsir|tour|trip)s?\b", re.I)
_EXPORT = re.compile(rf"\b(?:{verbs('sell', 'export')}|exports?|sale)\b", re.I)
_TAKE_HOME = re.compile(
    rf"\b(?:take[- ]home|{verbs('keep', 'pocket', 'retain')}|left\s+with|remaining|remainder|"
    rf"{verbs('withhold')}|end\s+up\s+with)\b",
    re.I,
)
_CHINA = re.compile(r"\bin\s+china\b", re.I)
_RUSSIA = re.compile(r"\bin\s+russia\b", re.I)
_TRADE = re.compile(r"\btrade\b", re.I)
_BILATERAL = re.compile(
    r"\b(?:bilateral|between\s+(?:russia|moscow)\s+and\s+(?:north\s+korea|pyongyang)|"
    r"between\s+(?:north\s+korea|pyongyang)\s+and\s+(?:russia|moscow)|with\s+(?:russia|moscow)|russia['’]s\s+trade)\b",
    re.I,
)
_TO_CHINA = re.compile(r"\bexports?\s+to\s+china\b|\bto\s+china\b", re.I)
_TROOP_WORDS = re.compile(
    r"\b(?:troops?|soldiers?|deployment|dispatch\w*|mercenar\w*|personnel|servicemen|manpower|fighters)\b", re.I
)
_ARMS_WORDS = re.compile(
    r"\b(?:arms|weapons?|munitions?|ammunition|shells?|artillery|missiles?|military\s+supplies|rounds)\b", re.I
)
_ALL_WORDS = re.compile(
    r"\b(?:workers?|labou?r\w*|all\s+(?:sources|streams|forms|cooperation)|everything|every\s+(?:source|stream)|"
    r"oil|food|tourism|in\s+kind)\b",
    re.I,
)
_TOTALS = frozenset({"total_revenue_to_nk", "other:arms_revenue", "other:amount"})


def stream_money(
    coarse: str, sentence: str, before: str, after: str, period: str | None, usd: float
) -> tuple[str, str]:
    """(quantity, unit) for an amount: a ledger price, wage, trade or scoped total where the text places it.

    ``before``/``after`` are the sentence around the amount; ``unit`` is empty when the
    coarse label's unit stands.
    """
    if not coarse.startswith("other:") and coarse not in _TOTALS:
        return coarse, ""
    near = (before[-80:] + " " + after[:50]).lower()
    if coarse.startswith("other:") and any(w in near for w in _PRICED):
        priced = _price(coarse, sentence, before, after, usd)
        if priced is not None:
            return priced
    if coarse == "other:worker_wage":
        if _TAKE_HOME.search(before[-50:]):
            return "overseas_worker_take_home", "USD/month"
        if period in ("month", None, "total"):
            china = _CHINA.search(sentence) is not None and _RUSSIA.search(sentence) is None
            q = "overseas_worker_wage_month_china" if china else "overseas_worker_wage_month"
            return (q, "USD/month") if period == "month" else (coarse, "")
        return coarse, ""
    if (
        coarse == "other:nk_economy"
        and _TO_CHINA.search(before[-60:])
        and re.search(r"\bexports?\b", before[-60:], re.I)
    ):
        return "nk_exports_to_china", "USD"
    if coarse == "other:nk_economy" and _TRADE.search(before[-60:] + after[:40]):
        if _BILATERAL.search(sentence):
            return "ru_nk_trade", "USD"
        return ("nk_exports_to_china", "USD") if _TO_CHINA.search(sentence) else ("nk_total_trade", "USD")
    if coarse in _TOTALS and usd >= 1e7:
        return _scoped_total(coarse, before, after), ""
    return coarse, ""


#: Words one of which a price per unit names (checked as substrings before any pattern runs).
_PRICED = (
    "shell",
    "round",
    "rocket",
    "missile",
    "barrel",
    "pantsir",
    "system",
    "unit",
    "tour",
    "trip",
    "person",
    "hour",
    "each",
    "apiece",
    "piece",
)


def _price(coarse: str, sentence: str, before: str, after: str, usd: float) -> tuple[str, str] | None:
    """(quantity, unit) of a price per shell, missile, barrel, system, tour or hour, or ``None``."""
    per = _PER_UNIT.match(after[:50])
    if per is not None:
        if per.group("hourly") or (per.group("unit") or "").lower() == "hour":
            return ("overseas_worker_wage_hour", "USD/hour") if coarse == "other:worker_wage" else (coarse, "")
        unit = (per.group("unit") or "").lower().split()[-1]
        unit = "mortar" if "mortar" in (per.group("unit") or "").lower() else unit
        q = _PRICE_OF.get(unit)
        if q == "tour_price" and not re.search(r"\b(?:tours?|trips?|tourists?|travel)\b", sentence, re.I):
            q = None
        if q is not None:
            if q == "srbm_cost_per_missile" and _EXPORT.search(before[-60:] + after[:40]):
                q = "missile_export_price"
            return q, STREAM_QUANTITIES[q][1]
    if _EACH.match(after[:30]):  # "sells its missiles for $5 million each"
        nouns = list(_UNIT_NOUN.finditer(before[-80:]))
        q = _PRICE_OF.get(nouns[-1].group(1).lower()) if nouns else None
        if q is not None:
            if q == "srbm_cost_per_missile" and _EXPORT.search(before[-80:]):
                q = "missile_export_price"
            return q, STREAM_QUANTITIES[q][1]
    ub = _UNIT_BEFORE.search(before[-80:])
    if ub is not None and usd < 1e8:
        q = _PRICE_OF.get((ub.group("unit") or ub.group("unit2") or ub.group("unit3") or "").lower())
        if q == "srbm_cost_per_missile" and _EXPORT.search(before[-80:]):
            q = "missile_export_price"
        if q == "pantsir_unit_price" and not AIR_DEFENCE.search(sentence):
            q = None  # "a system" prices air defence only where the sentence says so
        if q is not None:
            return q, STREAM_QUANTITIES[q][1]
    return None


def _scoped_total(coarse: str, before: str, after: str) -> str:
    """Which streams a total names in its own clause: troops only, troops and munitions, or everything."""
    left = re.split(r"[;.]|\b(?:while|but|whereas)\b", before[-100:])[-1]
    right = re.split(r"[;.]|\b(?:while|but|whereas)\b|,\s+(?:and|with)\b", after[:100])[0]
    clause = left + " " + right
    troops = _TROOP_WORDS.search(clause) is not None
    arms = _ARMS_WORDS.search(clause) is not None
    if troops and arms:
        return "nk_gain_all_streams" if _ALL_WORDS.search(clause) else "nk_gain_troops_and_munitions"
    return coarse


_GDP_GROWTH = re.compile(
    r"\b(?:gdp|gross\s+domestic\s+product|econom(?:y|ic))\b[^.;]{0,60}\b(?:grew|growth|expand\w*)\b|"
    r"\b(?:grew|growth|expand\w*)\b[^.;]{0,30}\b(?:gdp|econom(?:y|ic))\b",
    re.I,
)
_SECTOR = re.compile(r"\b(?:industry|sector|agricultur\w*|mining|construction|manufacturing|services)\b", re.I)


def stream_share(coarse: str, sentence: str, low: float = 0.0) -> str:
    """A share the ledger knows (workers' state cut, North Korea's part of Russia's shells, growth), else ``coarse``.

    ``low`` is the share's lower figure: a fall (negative) stays ``other:nk_economy``.
    """
    if coarse == "other:worker_state_share":
        return "overseas_worker_state_share"
    if coarse == "other:nk_economy" and low >= 0 and _GDP_GROWTH.search(sentence) and not _SECTOR.search(sentence):
        return "nk_gdp_growth"
    if coarse in ("other:share", "other:nk_economy") and _ARMS_WORDS.search(sentence):
        if RUSSIA_FIRES.search(sentence) or re.search(
            r"\brussia['’]?s?\s+(?:\w+\s+)?(?:ammunition|shells)", sentence, re.I
        ):
            return "nk_share_of_russian_ammunition"
        if re.search(r"\bcapacity\b", sentence, re.I) and re.search(r"\bfactor(?:y|ies)\b", sentence, re.I):
            return "nk_munitions_factory_utilisation"
    return coarse
