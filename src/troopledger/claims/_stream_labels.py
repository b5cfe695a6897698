"""The ledger's streams in article text: which ledger quantity a count of workers, munitions or goods is.

The subject, money and share labels (``_subjects``, ``_labels``) give these figures a
coarse reading (``other:workers``, ``other:munitions``, ``other:oil``, ``other:price``,
``total_revenue_to_nk`` ...). This module refines it by structure, not by phrase: the
figure's noun head ("containers", "rounds", "barrels", "tonnes of rice", "student
visas", "tourists"), the direction of the flow (from North Korea to Russia, or back:
"to North Korea", "Russian tourists"), the unit or period ("per shell", "an hour",
"a month") and, for totals, the streams the amount's own clause names (troops;
troops and munitions; workers or "all"). What it cannot place keeps the coarse label.
"""

from __future__ import annotations

import re

from troopledger.claims._inflect import verbs
from troopledger.claims._stream_quantities import STREAM_QUANTITIES

__all__ = ["AIR_DEFENCE", "CONVERSION_UNIT", "RUSSIA_FIRES", "stream_count", "stream_part"]

#: The unit of a rounds figure that is a capacity conversion ("what N containers would hold"), not a count.
CONVERSION_UNIT = "rounds (152 mm-equivalent capacity)"
CONVERSION_NOTE = "capacity conversion: what the containers would hold if all were 152 mm rounds, not a count of rounds"

_COARSE = frozenset(
    {"other:workers", "other:munitions", "other:oil", "other:arrivals", "other:count", "other:people"}
    | {f"other:{owner}_people" for owner in ("russian", "ukrainian", "foreign")}
)
#: North Koreans entering Russia, read after the figure: "13,221 North Korean citizens crossed into Russia".
_NK_ENTERED = re.compile(
    rf"^\W*(?:north\s+korean?s?|dprk)\b[^.;,]{{0,30}}?\b(?:{verbs('enter', 'arrive', 'come')}|crossed\s+into|"
    r"made\s+(?:their\s+)?way\s+into)\b",
    re.I,
)
#: Noun heads after a count (first match in the clause after the figure wins), each with its stream reading.
_HEAD = re.compile(
    r"\b(?:(?P<student_visas>student\s+visas?|visas?)|(?P<containers>containers?)|"
    r"(?P<mortar>mortar\s+(?:rounds?|shells?|bombs?))|(?P<rockets>(?:\w+\s+)?rockets?)|"
    r"(?P<rounds>(?:artillery\s+)?(?:shells?|rounds?)|ammunition)|"
    r"(?P<missiles>(?:\w+[\s-]+)?missiles?)|(?P<guns>howitzers?|guns?|launchers?|artillery\s+(?:pieces|systems)|"
    r"self-propelled\s+\w+)|(?P<air_defence>(?:air[\s-]+defen[cs]e|pantsir)\w*(?:\s+\w+)?\s+(?:systems?|units?))|"
    r"(?P<modules>(?:\w+\s+)?modules?)|(?P<barrels>barrels?)|(?P<tonnes>(?:metric\s+)?ton(?:ne)?s?)|"
    r"(?P<tourists>tourists?|holidaymakers?)|(?P<trips>trips|visits)|(?P<port_calls>port\s+calls|voyages|deliveries)|"
    r"(?P<workers>workers?|labou?rers?|employees|programmers|developers|specialists))\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[;()“”\"]|\s[-–—]\s|,\s+(?:while|but|whereas|and\s+\d)")
_TO_NK = re.compile(
    r"\b(?:to|into|for|in|by)\s+(?:north\s+korea|pyongyang|the\s+dprk|the\s+north)\b|\bsent\s+north\b|"
    r"\bRussian\s+(?:tourists|visitors|holidaymakers)|\bfrom\s+Russia\b",
    re.I,
)
_FROM_NK = re.compile(r"\bfrom\s+(?:north\s+korea|pyongyang|the\s+dprk|the\s+north)\b|\bto\s+(?:russia|moscow)\b", re.I)
_CONVERSION = re.compile(
    r"\b(?:equivalent|(?:could|would|can|to)\s+(?:hold|carry|contain)|enough\s+(?:for|to)|if\s+(?:every|each|all|they)|"
    r"capacity|worth\s+of)\b",
    re.I,
)
RUSSIA_FIRES = re.compile(
    rf"\b(?:russia|russian\s+(?:forces|army|troops|gunners))\b[^.;]{{0,40}}\b"
    rf"(?:{verbs('fire', 'use', 'expend', 'shoot')})\b|"
    rf"\b(?:{verbs('fire', 'use', 'expend')})\b[^.;]{{0,20}}\bby\s+russia",
    re.I,
)
_RUSSIA_MAKES = re.compile(
    rf"\b(?:russia|moscow|russian\s+(?:industry|factories|plants))\b[^.;]{{0,40}}\b"
    rf"(?:{verbs('produce', 'make', 'manufacture', 'refurbish')}|output)\b",
    re.I,
)
_DAY = re.compile(r"^\W*(?:\w+\s+){0,4}?(?:a|per|each|every)\s+day\b|\bdaily\b", re.I)
_YEAR = re.compile(r"\b(?:a|per|each|every)\s+year\b|\bannual(?:ly)?\b|\byearly\b", re.I)
_MONTH = re.compile(r"^\W*(?:\w+\s+){0,5}?(?:(?:a|per|each|every)\s+month|monthly)\b", re.I)
_LAUNCHED = re.compile(rf"\b(?:{verbs('launch', 'fire', 'use', 'strike', 'hit')})\b", re.I)
_SUPPLIED = re.compile(
    rf"\b(?:{verbs('supply', 'send', 'ship', 'deliver', 'transfer', 'provide', 'give', 'sell', 'export')}|"
    r"handed\s+over|hand\s+over)\b",
    re.I,
)
_BALLISTIC = re.compile(r"\b(?:ballistic|kn-?2[34]|hwasong|srbms?)\b", re.I)
_HEAVY = re.compile(r"\b(?:heavy|koksan|self-propelled|170\s*mm|240\s*mm)\b", re.I)
_PLANNED = re.compile(
    rf"\b(?:{verbs('plan', 'intend', 'expect', 'aim', 'hope', 'agree', 'seek')}|will|would|could|may|to\s+be|"
    rf"recruit\w*|hire|hiring)\b",
    re.I,
)
_SENT_IN = re.compile(
    rf"\b(?:{verbs('send', 'dispatch', 'arrive', 'enter', 'deploy', 'come')})\b[^.;]{{0,40}}?"
    rf"\b(?:in\s+(?:19|20)\d\d|last\s+year|this\s+year)\b|\b(?:in\s+(?:19|20)\d\d|last\s+year)[^.;]{{0,30}}?"
    rf"\b(?:{verbs('send', 'dispatch', 'arrive', 'enter')})\b",
    re.I,
)
_ABROAD = re.compile(
    r"\b(?:abroad|overseas|worldwide|around\s+the\s+world|in\s+\d+\s+countries|foreign\s+countries)\b", re.I
)
_IT = re.compile(r"\b(?:it|software|programm\w+|developers?|tech)\b", re.I)
_STUDY = re.compile(r"\b(?:stud\w+|education\w*|educational)\b", re.I)
_ENTRIES = re.compile(rf"\b(?:{verbs('enter', 'arrive')}|entries|entry|arrivals|crossed\s+into|came\s+to)\b", re.I)
_OIL = re.compile(r"\b(?:oil|fuel|petroleum|diesel|gasoline|petrol|refined)\b", re.I)
_UN = re.compile(r"\b(?:notif\w+|reported\s+to\s+the\s+un|1718\s+committee|sanctions\s+committee)\b", re.I)
_CAP = re.compile(r"\b(?:cap|ceiling|limit\w*|allow\w*|permitted)\b", re.I)
_NEED = re.compile(r"\b(?:needs?|requires?|consum\w+|demand)\b", re.I)
_RICE = re.compile(r"^\W*(?:of\s+)?(?:\w+\s+){0,1}?rice\b", re.I)
_FLOUR = re.compile(r"^\W*(?:of\s+)?(?:\w+\s+){0,1}?(?:wheat\s+)?flour\b", re.I)
_EXPLOSIVES = re.compile(r"^\W*(?:of\s+)?(?:\w+\s+){0,1}?explosives?\b", re.I)
_SUB = re.compile(r"\bsubmarine\b", re.I)
AIR_DEFENCE = re.compile(r"\b(?:air[\s-]+defen[cs]e|pantsir|anti-aircraft)\b", re.I)


def _clause(sentence: str, end: int, limit: int | None) -> str:
    stop = min(end + 120, limit if limit is not None else len(sentence))
    window = sentence[end:stop]
    m = _CLAUSE_END.search(window)
    return window[: m.start()] if m else window


def stream_count(coarse: str, sentence: str, start: int, end: int, limit: int | None = None) -> tuple[str, str, str]:
    """(quantity, unit, note) for a count: a ledger quantity when its head noun and direction place it, else ``coarse``.

    ``unit`` is empty when the coarse label keeps its unit (persons); ``note`` says when a
    rounds figure is a capacity conversion.
    """
    if coarse not in _COARSE:
        return coarse, "", ""
    after = _clause(sentence, end, limit)
    head = _HEAD.search(after[:60])
    if head is None or head.start() > 40:
        if coarse.endswith(("arrivals", "people")) and (
            _NK_ENTERED.match(after) or (coarse == "other:arrivals" and _ENTRIES.search(sentence))
        ):  # "13,221 North Koreans entered Russia" (a "Russian" before them is the data's, not theirs)
            entries = "nk_entries_study" if _STUDY.search(after) else "nk_entries_to_russia"
            return entries, STREAM_QUANTITIES[entries][1], ""
        return coarse, "", ""
    kind = str(head.lastgroup)
    rest = after[head.end() :]
    before = sentence[max(0, start - 120) : start]
    around = before + " " + after
    to_nk = _TO_NK.search(around) is not None and _FROM_NK.search(around) is None
    q = _count_quantity(kind, coarse, sentence, before, after, rest, to_nk)
    if q is None:
        return coarse, "", ""
    if q == "artillery_rounds_shipped" and _CONVERSION.search(sentence):
        return q, CONVERSION_UNIT, CONVERSION_NOTE
    return q, STREAM_QUANTITIES[q][1], ""


def _count_quantity(
    kind: str, coarse: str, sentence: str, before: str, after: str, rest: str, to_nk: bool
) -> str | None:
    """The ledger quantity of a count whose head noun is of ``kind``, or ``None``."""
    if kind == "workers":
        if coarse != "other:workers":
            return None
        if _IT.search(after[:40]):
            return "it_workers_contracted"
        if _ABROAD.search(sentence) and not re.search(r"\bin\s+russia\b", after, re.I):
            return "overseas_workers_total"
        if _SENT_IN.search(sentence):
            return "overseas_workers_dispatched"
        if _PLANNED.search(before[-60:] + " " + rest[:40]):
            return "overseas_workers_planned"
        return "overseas_workers_in_russia"
    if kind == "student_visas":
        return "student_visas_issued" if _STUDY.search(after[:30]) or _STUDY.search(before[-20:]) else None
    if kind in ("containers",):
        return "containers_ru_to_nk" if to_nk else "ammunition_containers"
    if kind in ("rounds", "mortar", "rockets"):
        if RUSSIA_FIRES.search(sentence):
            return (
                "russia_shell_use_day" if _DAY.search(rest) or "daily" in sentence.lower() else "russia_shell_use_year"
            )
        if _RUSSIA_MAKES.search(sentence) and not _FROM_NK.search(sentence):
            return "russia_shell_output_year"
        if kind == "mortar":
            return "mortar_rounds_shipped"
        return "mrl_rockets_shipped" if kind == "rockets" else "artillery_rounds_shipped"
    if kind == "missiles":
        if not (_BALLISTIC.search(sentence) or _FROM_NK.search(sentence)):
            return None  # Russia's own cruise missiles stay other:munitions
        verb = before[-50:] + " " + rest[:40]  # the verb that governs the missiles, before or after them
        return (
            "ballistic_missiles_used"
            if _LAUNCHED.search(verb) and not _SUPPLIED.search(verb)
            else ("ballistic_missiles_transferred")
        )
    if kind == "guns":
        return (
            "heavy_artillery_transferred" if _HEAVY.search(before[-30:] + after[:30]) else "guns_launchers_transferred"
        )
    if kind == "air_defence" or (kind in ("guns", "modules") and AIR_DEFENCE.search(after[:40])):
        return "air_defence_systems_to_nk"
    if kind == "modules":
        return "nuclear_sub_modules_to_nk" if _SUB.search(sentence) else None
    if kind == "barrels":
        if not _OIL.search(sentence):
            return None
        if _UN.search(sentence):
            return "refined_oil_notified_un"
        if _CAP.search(before[-40:]) or _NEED.search(before[-40:]):
            return "nk_oil_need_year" if _NEED.search(before[-40:]) else None
        return "refined_oil_to_nk_month" if _MONTH.match(rest) else "refined_oil_to_nk"
    if kind == "tonnes":
        if _RICE.match(rest):
            return "rice_to_nk"
        if _FLOUR.match(rest):
            return "flour_exported_to_nk"
        if _EXPLOSIVES.match(rest):
            return "explosives_shipped_tonnes"
        return "oil_cap_tonnes" if _OIL.search(rest[:30]) and _CAP.search(sentence) else None
    if kind == "tourists":
        return "russian_tourists_to_nk" if to_nk or re.search(r"\brussian\b", before[-30:], re.I) else None
    if kind == "trips":
        return "russian_visits_to_nk" if to_nk else None
    if kind == "port_calls":
        return "oil_tanker_port_calls" if _OIL.search(sentence) else None
    if coarse == "other:arrivals" and _ENTRIES.search(sentence):
        return "nk_entries_study" if _STUDY.search(after) else "nk_entries_to_russia"
    return None


def stream_part(label: str, text: str, stated: str) -> str:
    """The ledger count a bare count takes from the count before it ("7,887 of them came to study": study entries)."""
    at = text.find(stated) if stated else -1
    after = _CLAUSE_END.split(text[at + len(stated) : at + len(stated) + 80])[0] if at >= 0 else ""
    if label == "nk_entries_to_russia" and _STUDY.search(after):
        return "nk_entries_study"
    if label == "overseas_workers_dispatched" and re.search(
        r"\b(?:total|in\s+all|overall)\b", text[max(0, at - 40) : at]
    ):
        return "overseas_workers_in_russia"  # "10,000 arrived in 2024 ... the total could exceed 50,000": the stock
    return label
