"""Labelling: which quantity of the vocabulary a figure speaks of, its bound and its hedge.

Each rule looks at the words next to the figure first (what follows it: "11,000
troops", "300 killed") and then at the whole sentence ("per month per soldier",
"GDP", "luxury"). The rules are listed in ``docs/extraction.md``.
"""

from __future__ import annotations

import re

__all__ = ["WORD_SHARES", "bound_of", "hedge_of", "label_count", "label_duration", "label_money", "label_share"]

#: Words without a number and the 90 % interval of the share they speak of
#: (the same readings as the evidence stage's words table).
WORD_SHARES: dict[str, tuple[float, float]] = {
    "nothing": (0.0001, 0.02),
    "small amount or even nothing": (0.001, 0.1),
    "small amount or nothing": (0.001, 0.1),
    "little": (0.01, 0.2),
    "most": (0.55, 0.95),
    "the bulk": (0.55, 0.95),
    "much of": (0.55, 0.95),
    "almost all": (0.85, 0.99),
    "nearly all": (0.85, 0.99),
    "all": (0.98, 0.9999),
}

_UPPER = re.compile(r"\b(up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|a\s+maximum\s+of)\s*$", re.I)
_RISE = re.compile(r"\b(could|may|might|would)\s+(?:rise|grow|increase|climb|reach)\s*(?:to)?\s*$", re.I)
_LOWER = re.compile(r"\b(more\s+than|over|at\s+least|in\s+excess\s+of|upwards\s+of|exceeding|above)\s*$", re.I)
_LESS = re.compile(r"\b(less\s+than|fewer\s+than|under|below)\s*$", re.I)
_NEAR = re.compile(r"\b(nearly|almost|close\s+to|just\s+under)\s*$", re.I)
_ABOUT = re.compile(r"\b(about|around|roughly|approximately|some|an\s+estimated|estimated|about\s+a)\s*$", re.I)
_SENT_HEDGES = [
    ("is expected to", re.compile(r"\b(?:is|are|was|were)\s+expected\s+to\b|\bexpected\b", re.I)),
    ("reportedly", re.compile(r"\breportedly\b|\baccording\s+to\s+(?:media\s+)?reports\b|\breports\s+say\b", re.I)),
    ("estimated", re.compile(r"\bestimat\w*\b|\bassess\w*\b", re.I)),
    ("could", re.compile(r"\b(?:could|may|might|possibly|perhaps|maybe)\b", re.I)),
    ("likely", re.compile(r"\b(?:likely|probably|believed)\b", re.I)),
]


def bound_of(before: str) -> tuple[str, str]:
    """(side, hedge) from the words just before a figure: side is ``upper``, ``lower`` or ``""``."""
    tail = before[-40:]
    for side, pattern in (("upper", _UPPER), ("upper", _RISE), ("lower", _LOWER), ("upper", _LESS)):
        m = pattern.search(tail)
        if m:
            words = " ".join(m.group(1).lower().split())
            return side, "could rise to" if pattern is _RISE else words
    m = _NEAR.search(tail)
    if m:
        return "", " ".join(m.group(1).lower().split())
    m = _ABOUT.search(tail)
    if m:
        return "", "estimated" if "estimated" in m.group(1).lower() else "about"
    return "", ""


def hedge_of(sentence: str) -> str:
    """The strongest hedge word of a sentence ("could", "estimated" ...), or ``none``."""
    for name, pattern in _SENT_HEDGES:
        if pattern.search(sentence):
            return name
    return "none"


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.I) is not None


_SOLDIER = r"\b(soldiers?|troops?|servicem[ae]n|personnel|fighters?|recruits?|conscripts?|each\s+(?:man|soldier))\b"
_WORKER = r"\b(workers?|labou?rers?|construction|builders?|civilians?|loggers?)\b"
_MONTHLY = r"(per|a|each|every)\s+month|monthly|/month|/mo\b"
_YEARLY = r"(per|a|each|every)\s+year|annual(ly)?|/year|a\s+year\b"


def label_money(sentence: str, before: str, after: str, usd: float) -> tuple[str, str | None]:
    """(quantity, period) for an amount of money in ``sentence``."""
    near = (before[-80:] + " " + after[:80]).lower()
    s = sentence.lower()
    monthly = _has(_MONTHLY, after[:60]) or _has(_MONTHLY, before[-40:])
    yearly = _has(_YEARLY, after[:40])
    if _has(r"\bgdp\b|gross domestic product|size of (?:the|its) economy", s) and usd >= 1e9:
        return "nk_gdp", "year"
    if _has(r"\bluxur", s):
        return "luxury_imports", "total"
    if _has(r"\b(killed|death|dies|died|dead|fallen|bereaved|condolence)\b", near) and _has(r"compensat|payout|pay", s):
        return "death_compensation", "once"
    if _has(r"\b(sign(?:ing|-on)|bonus|lump[- ]sum|up-?front|one-?off|enlistment)\b", near):
        return "signing_bonus", "once"
    if usd >= 1e6 and (monthly or yearly or _has(r"\bfor\s+[\d,]+\s+(troops|soldiers)|in\s+all|in\s+total|revenue", s)):
        return "total_revenue_to_nk", "month" if monthly else "year" if yearly else "total"
    if _has(r"\b(at\s+home|domestic|ordinary|average\s+(?:monthly\s+)?(?:salary|wage)|there\s+is)\b", s) and usd < 100:
        return "domestic_monthly_wage", "month"
    if _has(_WORKER, near) and not _has(_SOLDIER, near):
        return "non_combat_pay", "month" if monthly or not yearly else "year"
    if monthly and usd < 1e5:
        return "pay_per_soldier_month", "month"
    if usd < 1e5 and _has(
        r"\b(earn|bring\s+(?:back\s+)?home|take[- ]home|take\s+home|pocket|walk\s+away|receive)\w*", s
    ):
        return "soldier_take_home", "tour"
    if usd < 1e5 and _has(r"\b(salary|salaries|wage|wages|pay|paid)\b", near) and _has(_SOLDIER, s):
        return "pay_per_soldier_month", "ambiguous" if not monthly else "month"
    return "other", None


def label_count(sentence: str, before: str, after: str) -> str | None:
    """The quantity a count of people speaks of, or ``None`` if it is not a count of people."""
    head = after[:40].lower()
    tail = before[-40:].lower()
    s = sentence.lower()
    if _has(r"^\W*(?:\w+\s+){0,2}(killed|dead|deaths?|died|fatalities)\b", head):
        return "casualties_killed"
    if _has(r"^\W*(?:\w+\s+){0,2}(wounded|injured|hurt)\b", head):
        return "casualties_wounded"
    if _has(r"^\W*(?:\w+\s+){0,2}(casualties|losses|killed\s+(?:and|or)\s+wounded)\b", head):
        return "casualties_total"
    if _has(
        r"\b(killed|deaths?|dead)\s+(?:at|of|to|numbered|reached|was|were|stood\s+at)?\s*(?:about\s+|around\s+)?$", tail
    ):
        return "casualties_killed"
    if _has(r"\b(wounded|injured)\s+(?:at|of|to|numbered|reached|was|were)?\s*(?:about\s+|around\s+)?$", tail):
        return "casualties_wounded"
    if _has(r"\bcasualt\w+\s+(?:at|of|to|numbered|reached|was|were|stood\s+at)?\s*(?:about\s+|around\s+)?$", tail):
        return "casualties_total"
    people = _has(r"^\W*(?:[\w-]+\s+){0,3}" + _SOLDIER[2:], head) or _has(r"^\s*(?:more\s+)?north\s+koreans\b", head)
    workers = _has(r"^\W*(?:[\w-]+\s+){0,3}" + _WORKER[2:], head)
    if workers and not people:
        return "troops_per_rotation" if _has(r"\bmilitary\b|\bsappers?\b|\bengineers?\b", head + s) else None
    context = _has(_SOLDIER, s) and _has(r"\b(number|figure|contingent|force|deploy|sent|send)\w*", s)
    if not people and not context:
        return None
    if _has(
        r"\b(in\s+all|in\s+total|altogether|so\s+far|within\s+a\s+year|over\s+(?:a|the)\s+year|cumulative|"
        r"overall|since|rotated\s+through|over\s+time|a\s+year)\b",
        s,
    ):
        return "cumulative_troops"
    if _has(r"\b(rotation|wave|batch|another|additional|more|second|third|fresh|reinforcement|replacements?)\b", s):
        return "troops_per_rotation"
    return "troops_deployed"


def label_duration(sentence: str, before: str) -> str | None:
    """``rotation_interval_months`` when a duration is a tour or rotation, else ``None``."""
    s = sentence.lower()
    if _has(r"\bevery\s*(?:\w+\s+)?$", before[-20:]) or _has(
        r"\b(rotat\w*|swapp?\w*|exchang\w*|replac\w*|tours?|stints?|deployments?|serve[ds]?|back\s+after|"
        r"returned\s+after|relieved)\b",
        s,
    ):
        return "rotation_interval_months"
    return None


def label_share(sentence: str) -> tuple[str, bool] | None:
    """(quantity, complement) for a share, or ``None``: complement means it speaks of the soldiers' part."""
    s = sentence.lower()
    if _has(r"\bgdp\b|budget|econom", s) and not _has(r"\b(pay|salary|wage)", s):
        return None
    if _has(r"\bin\s+kind|\bfood\b|\bfuel\b|goods\s+rather|rather\s+than\s+cash|not\s+in\s+cash", s):
        return "in_kind_share", False
    if _has(r"\b(families|family|relatives)\b", s) and _has(r"\bdeath|killed|compensat", s):
        return "family_share_of_death_pay", False
    state = _has(
        r"\b(state|treasury|regime|government|pyongyang|party|kim|leadership|authorities|confiscat\w*|skim\w*|"
        r"kept|keeps?|keeping|withh[oe]ld\w*|taken|takes?|seized?)\b",
        s,
    )
    soldier = _has(r"\b(soldiers?|troops?)\s+(?:themselves\s+)?(?:receive|get|keep|see|are\s+left|take\s+home)\w*", s)
    if soldier and not _has(r"\b(kept\s+by|go(?:es)?\s+to\s+the)\b", s):
        return "state_share_of_pay", True
    if state:
        return "state_share_of_pay", False
    return None
