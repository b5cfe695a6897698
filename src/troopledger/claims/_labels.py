"""Labelling: which quantity of the vocabulary a figure speaks of, its bound and its hedge.

Each rule looks at the words next to the figure first (what follows it: "11,000
troops", "300 killed") and then at the whole sentence ("per month per soldier",
"GDP", "luxury"). The rules are listed in ``docs/extraction.md``.
"""

from __future__ import annotations

import re
from functools import cache

from troopledger.claims._inflect import verbs

__all__ = [
    "BOUND_VERBS",
    "FOREIGN_PAY",
    "WORD_SHARES",
    "bound_after",
    "bound_of",
    "hedge_of",
    "label_duration",
    "label_money",
    "label_share",
]

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

_UPPER = re.compile(
    r"\b(up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|as\s+large\s+as|at\s+most|no\s+more\s+than|"
    r"not\s+more\s+than|a\s+maximum\s+of|"
    rf"{verbs('cap')}\s+at)\s*$",
    re.I,
)
_RISE = re.compile(
    rf"\b(could|may|might|would)\s+(?:{verbs('rise', 'grow', 'increase', 'climb', 'reach')})\s*(?:to)?\s*$", re.I
)
#: Verbs that put a figure below what they speak of, in every tense: "exceeded 3,000", "has topped 3,000".
#: A bare "top" ("the top 10") and "passed" without "has" ("passed $61 billion in aid") are not bounds.
BOUND_VERBS = (
    rf"(?:{verbs('exceed', 'surpass', 'cross', 'outnumber')}|tops|topped|topping|"
    r"(?:(?<=[a-z]{2}s\s)(?<!its\s)(?<!his\s)(?<!was\s)|(?<=now\s))top|"  # "casualties top 4,000", not "its top 3"
    r"(?:has|have|had)\s+(?:now\s+|already\s+)?passed|(?:could|may|might|will|would)\s+(?:top|pass)|"
    r"(?:climbed|climbs|climbing|rose|risen|rises|rising|went|gone|moved|edged|crept|grew|grown)\s+(?:past|beyond))"
)
_LOWER = re.compile(
    r"\b(more\s+than|over|at\s+least|in\s+excess\s+of|upwards\s+of|north\s+of|above|a\s+minimum\s+of|no[t]?\s+less\s+than|"
    rf"no[t]?\s+fewer\s+than|{BOUND_VERBS}(?:\s+the)?)\s*$",
    re.I,
)
_BOUND_VERB = re.compile(rf"^{BOUND_VERBS}", re.I)
_LESS = re.compile(r"\b(less\s+than|fewer\s+than|under|below|shy\s+of)\s*$", re.I)
_NEAR = re.compile(r"\b(nearly|almost|close\s+to|just\s+under)\s*$", re.I)
_ABOUT = re.compile(
    r"(?:\b(about|around|roughly|approximately|approx\.|circa|some|an\s+estimated|estimated|about\s+a)|(~))\s*$", re.I
)
_SENT_HEDGES = [
    ("is expected to", re.compile(r"\b(?:is|are|was|were)\s+expected\s+to\b|\bexpected\b", re.I)),
    ("reportedly", re.compile(r"\breportedly\b|\baccording\s+to\s+(?:media\s+)?reports\b|\breports\s+say\b", re.I)),
    ("estimated", re.compile(r"\bestimat\w*\b|\bassess\w*\b", re.I)),
    ("could", re.compile(r"\b(?:could|may|might|possibly|perhaps|maybe)\b", re.I)),
    ("likely", re.compile(r"\b(?:likely|probably|believed)\b", re.I)),
]


#: The last word of every bound and hedge phrase: only a figure after one of these can carry one.
_LAST_WORDS_TEXT = (
    "to as most than of over least above under below at nearly almost about around roughly approximately "
    "approx. circa some estimated exceed exceeds exceeded exceeding surpass surpasses surpassed surpassing "
    "cross crosses crossed crossing outnumber outnumbers outnumbered outnumbering top tops topped topping "
    "pass passed past beyond the a rise grow increase climb reach"
)
_LAST_WORDS = frozenset(_LAST_WORDS_TEXT.split())


#: A bound written after the figure: "10,000 or more", "10,000-plus", "10,000+", "10,000 or fewer", "10,000 or so".
_AFTER_BOUND = re.compile(
    r"^(?:(?P<plus>\s*\+|-plus\b)|(?:\s+[a-z]+)?(?:(?P<more>\s+or\s+(?:more|above|over|greater)\b(?!\s+than))|"
    r"(?P<less>\s+or\s+(?:fewer|less|below|under)\b(?!\s+than))|(?P<so>\s+or\s+so\b)))",
    re.I,
)


def bound_after(after: str) -> tuple[str, str]:
    """(side, hedge) from the words right after a figure ("or more", "-plus", "or fewer", "or so")."""
    m = _AFTER_BOUND.match(after) if after[:1] in (" ", "+", "-") else None
    if m is None:
        return "", ""
    if m.group("plus") or m.group("more"):
        return "lower", "more than"
    return ("upper", "no more than") if m.group("less") else ("", "about")


_PHRASAL_OVER = re.compile(
    rf"\b(?:{verbs('hand', 'turn', 'fork', 'sign', 'pass')}|took|take|takes|taken|taking)\s+over$", re.I
)


def bound_of(before: str) -> tuple[str, str]:
    """(side, hedge) from the words just before a figure: side is ``upper``, ``lower`` or ``""``."""
    last = before[-40:].split()[-4:]  # every bound and hedge is at most four words
    if not last or (last[-1].lower().strip("~(\"'“‘[") not in _LAST_WORDS and not last[-1].endswith("~")):
        return "", ""
    tail = " " + " ".join(last)
    if last[-1].lower() == "over" and _PHRASAL_OVER.search(tail):
        return "", ""  # "hand over 70 per cent", "turned over $2,000": a verb's particle, not a bound
    for side, pattern in (("upper", _UPPER), ("upper", _RISE), ("lower", _LOWER), ("upper", _LESS)):
        m = pattern.search(tail)
        if m:
            words = " ".join(m.group(1).lower().split())
            if pattern is _LOWER and _BOUND_VERB.match(words):
                words = "exceeding"  # one hedge word for the verbs, whatever their tense
            if words in ("as high as", "as large as"):
                words = "up to"  # the hedge table's word for a ceiling
            return side, "could rise to" if pattern is _RISE else words
    m = _NEAR.search(tail)
    if m:
        return "", " ".join(m.group(1).lower().split())
    m = _ABOUT.search(tail)
    if m:
        return "", "estimated" if "estimated" in (m.group(1) or "").lower() else "about"
    return "", ""


#: Any of the hedges, matched case-sensitively on the lower-cased sentence (faster than IGNORECASE).
_ANY_HEDGE = re.compile("|".join(f"(?:{p.pattern})" for _, p in _SENT_HEDGES))


def hedge_of(sentence: str) -> str:
    """The strongest hedge word of a sentence ("could", "estimated" ...), or ``none``."""
    if not _ANY_HEDGE.search(sentence.lower()):
        return "none"
    for name, pattern in _SENT_HEDGES:
        if pattern.search(sentence):
            return name
    return "none"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A label pattern (written in lower case) compiled once, case-sensitive: it is matched on lower-cased text."""
    return re.compile(pattern)


def _has(pattern: str, text: str) -> bool:
    return _compiled(pattern).search(text.lower()) is not None


_SOLDIER = (
    r"\b(soldiers?|troops?|servicem[ae]n|personnel|fighters?|recruits?|conscripts?|privates?|rank-and-file|"
    r"each\s+(?:man|soldier))\b"
)
#: What a soldier keeps, right before the amount: "take home $200", "keeps only $200", "gets just $100".
_KEEPS = (
    rf"\b(?:take[- ]home|{verbs('take', 'bring')}\s+home|{verbs('keep', 'pocket', 'retain')}|left\s+with|"
    r"end\s+up\s+with|"
    rf"{verbs('leave')}\s+(?:\w+\s+){{0,3}}?with|"
    rf"(?:only|just|merely)\s+{verbs('get', 'receive', 'see')}|{verbs('get', 'receive', 'see')}\s+(?:only|just|merely))"
    r"\s+(?:(?:only|just|merely|about|around|some|roughly|nearly|up\s+to|as\s+little\s+as|perhaps|maybe|barely|"
    r"at\s+most|less\s+than|between|from|no\s+more\s+than)\s+)*$"
)
#: "$100 of the $2,000": a part of an amount named next.
_PART_OF_AMOUNT = r"^\s*of\s+(?:the|their|his|its|each)\s+(?:[\w-]+\s+)?(?:us\$|\$|usd|€|₩|₽)"
_WORKER = r"\b(workers?|labou?rers?|loggers?|employees|(?:who\s+)?work(?:s|ing)?\s+abroad)\b"
_ENGINEER = r"\b(engineers?|sappers?|deminers?|military\s+builders?|construction\s+troops)\b"
_MONTHLY = r"(per|a|each|every)\s+month|monthly|/month|/mo\b|month'?s\s+salary"
_YEARLY = r"(per|a|each|every)\s+year|annual(ly)?|/year|a\s+year\b|per\s+annum"
#: Words for Russia's own (or other foreign) recruits: their pay is not North Korean soldiers' pay.
FOREIGN_PAY = (
    rf"\b(new\s+(?:military\s+|army\s+)?recruits?|{verbs('enlist', 'mobilise', 'mobilize')}|enlistees|"
    r"contract\s+soldiers?|volunteers?|nepal\w*|mercenar\w*|foreign\s+fighters?|"
    r"russian\s+(?:soldiers?|servicem[ae]n|army|troops|military\s+personnel)|sign(?:s|ed|ing)?\s+up|"
    r"sign(?:s|ed|ing)?\s+(?:a\s+|the\s+)?(?:military\s+|army\s+)?contracts?|recruitment|recruits?\s+from|"
    r"foreigners|foreign\s+recruits?)\b"
)
_NK = r"\b(north\s+korean?s?|pyongyang|dprk|kim)\b"
#: An amount given per soldier, after it: "$2,000 per soldier", "(US$1,600) a month for each North Korean soldier".
_PER_SOLDIER = (
    r"^\W*(?:\([^)]{0,20}\)\s*)?(?:(?:a|per|each)\s+month\s+)?(?:per|for\s+each|each|a)\s+(?:north\s+korean\s+)?"
    r"(soldiers?|troops?|servicem[ae]n|personnel|fighters?|recruits?|conscripts?|privates?|each\s+(?:man|soldier))\b"
)
#: Where the clause after an amount ends: a new clause or an apposition about the amount ("…, a sum they compare
#: with the country's exports", "…, and that is before shells are counted").
_NEXT_CLAUSE = re.compile(r",\s+(?=(?:and|but|while|whereas|which|a|an)\s)|;|\s[-–—]\s")


def label_money(
    sentence: str, before: str, after: str, usd: float, context: str = "", *, about_nk: bool = True
) -> tuple[str, str | None]:
    """(quantity, period) for an amount of money in ``sentence``; ``context`` is the sentence before it.

    ``about_nk`` is false for a document that never mentions North Korea: soldiers'
    pay there is some other army's.

    Amounts that are not North Korean troop money get an ``other:<subtype>``: Russia's
    own recruits' pay, workers' wages and remittances, arms and illicit revenue, the
    economy, prices.
    """
    own_after = _NEXT_CLAUSE.split(after[:80], maxsplit=1)[0]  # the amount's own clause: "…, and that is before shells"
    near = (before[-80:] + " " + own_after).lower()
    s = sentence.lower()
    monthly = _has(_MONTHLY, after[:60]) or _has(_MONTHLY, before[-40:])
    yearly = _has(_YEARLY, after[:40]) or _has(r"\bannual\w*\s+(?:\w+\s+){0,2}$", before[-40:])
    period = "month" if monthly else "year" if yearly else "total"
    goods = _has(r"\b(?:watches|jewel\w*|furs?|liquor|cognac|whiske?y|limousines?)\b", near)
    if goods and not _has(r"\bluxur|\bexport", s):
        return "other:luxury", period  # imports of one luxury good, not the year's luxury imports
    if _has(r"\bluxur", s):
        bought = usd >= 1e6 and not _has(r"\b(priced?|costs?|prices)\b", near)
        return ("luxury_imports", "year" if yearly else "total") if bought else ("other:luxury", period)
    if _has(r"\b(arms|weapons?|shells|munitions?|ammunition|artillery|missiles)\b", near) and usd >= 1e6:
        return "other:arms_revenue", period
    if _has(_WORKER, before[-50:]) and usd >= 1e6:
        return "other:worker_revenue", period  # "followed by income from workers abroad at $1.75 billion"
    if _has(r"\b(hack\w*|cyber|crypto\w*|smuggl\w*|coal|illicit|illegal)\b", near) and usd >= 1e6:
        return "other:illicit_revenue", period
    if (
        _has(r"\bgdp\b|gross domestic product|size of (?:the|its) economy", s)
        and usd >= 1e9
        and not _has(r"\bgrowth|grew|expand", s)
    ):
        return "nk_gdp", "year"
    if _has(r"\b(gni|national income|per[- ]capita|trade|exports?|exported|imports?|economy|budget)\b", near):
        return "other:nk_economy", period
    if (
        usd < 1e6
        and _has(r"\b(costs?|priced?|price\s+of|per\s+(?:kilogram|kg|litre|liter))\b", before[-30:] + after[:25])
        and not _has(_PER_SOLDIER, after[:60])  # "the cost at $2,000 per soldier per month" is pay, not a price
    ):
        return "other:price", period
    foreign = _has(FOREIGN_PAY, s) or (_has(FOREIGN_PAY, context) and not _has(_NK, s))
    if (foreign and not _has(_NK, near)) or not about_nk:
        return "other:russian_pay", period
    domestic = _has(r"\b(at\s+home|domestic|ordinary|average\s+(?:official\s+)?(?:monthly\s+)?(?:salary|wage)|"
                    r"official\s+salary)\b", s)  # fmt: skip
    if (domestic and usd < 100) or (monthly and usd < 30 and not _has(_SOLDIER, s)):
        return "domestic_monthly_wage", "month"
    if (
        domestic
        and not _has(_SOLDIER, s)
        and not _has(_WORKER, s)
        and _has(r"\b(?:average|typical|median|national)\b", s)
    ):
        return "other:amount", period  # "the average monthly wage in Russia": a benchmark, no soldier's pay
    # workers named in the sentence, or in the one before when neither speaks of soldiers ("Six workers
    # described ... They said they kept $100 a month")
    workers = _has(_WORKER, s) or (_has(_WORKER, context) and not _has(_SOLDIER, s + " " + context))
    if workers and not _has(_SOLDIER, near):
        # the amount's own noun decides: a wage word right after it ("$40 a month in wages") or a wage verb
        # right before it ("earn $40", "hold back the remaining $40") is the wage, whatever else is handed over
        wage = _has(r"^\W*(?:\w+\s+){0,3}?(?:wages?|salar\w+|earn\w*)\b", after[:40]) or _has(
            rf"\b(?:{verbs('earn', 'make', 'receive', 'get', 'keep', 'withhold')}|{verbs('hold')}\s+back|wages?\s+of|"
            rf"salar\w+\s+of)\s+(?:\w+\s+){{0,2}}$",
            before[-40:],
        )
        if not wage and _has(r"\b(quota|loyalty|remit\w*|must\s+pay|hand\s+over)", s):
            return "other:worker_remittance", period
        return ("other:worker_revenue" if usd >= 1e6 else "other:worker_wage"), period
    if _has(r"\b(killed|death|dies|died|dead|fallen|bereaved|condolence)\b", near) and _has(
        r"compensat|payout|pay|promis|receiv|entitled|families|family", s
    ):
        return "death_compensation", "once"
    if not monthly and _has(
        r"\b(sign(?:ing|-on)|bonus\w*|lump[- ]sum|up-?front|one-?off|one-time|enlistment)\b", before[-50:] + after[:20]
    ):
        return "signing_bonus", "once"
    for_troops = _has(
        r"\bfor\s+(?:the\s+|its\s+|their\s+|[\d,]+\s+)?(?:north\s+korean\s+)?(?:troops|soldiers|deployment|force|"
        r"servicemen|mercenaries)|in\s+all|in\s+total|revenue|(?:war|wartime)\s+earnings",
        s,
    ) or (_has(rf"\b{verbs('earn', 'receive', 'gain', 'reap', 'pocket')}\b", s) and _has(_NK, s))
    # paid over to the state: "Moscow may have transferred $20 billion to Pyongyang"
    for_troops = for_troops or _has(
        rf"\b(?:transferr?(?:ed|ing|s)?|funnell?(?:ed|ing|s)?|channell?(?:ed|ing|s)?|{verbs('pay', 'send')})\b"
        r"[^.;]{0,50}\bto\s+(?:pyongyang|north\s+korea|the\s+north\b|the\s+dprk|the\s+regime)",
        s,
    )
    if usd >= 1e6 and (monthly or yearly or for_troops):
        return "total_revenue_to_nk", period
    builders = _has(_ENGINEER, near) or (_has(r"\b(?:builders?|engineers?|sappers?)\b", s) and _has(_ENGINEER, context))
    # "noncombat duties", "non-combat roles": pay for those kept out of combat, in any spelling
    if (builders and not _has(r"(?<![-\w])combat\b", near)) or _has(r"\bnon[-\s]?combat(?:ant)?\b", s):
        return "non_combat_pay", "month" if monthly or not yearly else "year"
    rest_kept = _has(
        r"\b(?:keeps?|kept|takes?|took|pockets?|retains?)\s+the\s+(?:rest|remainder|balance)\b", after[:80]
    )
    if (
        usd < 1e5
        and _has(_SOLDIER, s)
        and (_has(_KEEPS, before[-40:]) or _has(_PART_OF_AMOUNT, after[:30]) or rest_kept)
    ):
        return "soldier_take_home", "month" if monthly else "tour"  # what the soldier keeps, not what is paid
    if monthly and usd < 1e5:
        return "pay_per_soldier_month", "month"
    if usd < 1e5 and _has(
        r"\b(earn|bring\s+(?:back\s+)?home|take[- ]home|take\s+home|pocket|walk\s+away|receive)\w*", s
    ):
        return "soldier_take_home", "tour"
    if usd < 1e5 and _has(rf"\b(salary|salaries|wage|wages|{verbs('pay')})\b", near) and _has(_SOLDIER, s):
        return "pay_per_soldier_month", "ambiguous" if not monthly else "month"
    return "other:amount", period


def label_duration(sentence: str, before: str) -> str:
    """``rotation_interval_months`` when a duration is a tour or rotation, else ``other:duration``."""
    s = sentence.lower()
    if _has(
        r"\b(?:tourists?|tourism|tour\s+(?:operators?|agenc\w+|packages?)|holiday\w*|travel\w*|"
        r"per\s+(?:person|head)|tickets?)\b",
        s,
    ):
        return "other:duration"  # a tourist's tour is no soldier's tour
    if _has(r"\bevery\s*(?:\w+\s+)?$", before[-20:]) or _has(
        r"\b(rotat\w*|swapp?\w*|exchang\w*|tours?|stints?|back\s+after|returned\s+(?:\w+\s+)?after|relieved)\b", s
    ):
        return "rotation_interval_months"
    return "other:duration"


#: The state as the subject of a keeping verb in the share's own clause: "of which the state keeps 90%".
_STATE_KEEPS = re.compile(
    r"\b(?:state|treasury|regime|government|pyongyang|party|leadership|authorities)\s+(?:\w+\s+)?"
    r"(?:keeps?|kept|takes?|took|retains?|retained|withholds?|withheld|pockets?|pocketed|claims?|skims?)\b[^,;]*$"
)


#: Workers named only as a precedent for soldiers: "as overseas workers do", "judging by how workers are treated".
_PRECEDENT = re.compile(
    r"\b(?:as|like|just\s+as|judging\s+by|by\s+the\s+precedent\s+of|following\s+the\s+precedent\s+of|"
    r"in\s+line\s+with|the\s+way)\b[^.;]{0,40}?\bworkers?\b[^.;,]*"
)


def label_share(sentence: str, at: int | None = None) -> tuple[str, bool]:
    """(quantity, complement) for a share: complement means it speaks of the soldiers' part.

    Shares of the economy, of casualties among the force and of workers' wages get an
    ``other:<subtype>``; so does any share that is not about the soldiers' pay. With the
    share's position ``at``, the state keeping it in the share's own clause decides.
    """
    s = sentence.lower()
    if _has(_WORKER, s):
        s = _PRECEDENT.sub(" ", s)  # "..., as overseas workers do": workers only as the soldiers' precedent
    if at is not None and _STATE_KEEPS.search(s[max(0, at - 60) : at]) and not _has(_WORKER, s):
        return "state_share_of_pay", False
    pay = _has(rf"\b({verbs('pay', 'earn', 'owe')}|payments?|salary|salaries|wages?|earnings|income|money)\b", s)
    if _has(
        r"\b(gdp|growth|grew|expan\w+|econom\w*|budget|trade|exports?|sector|industry|output|inflation)\b", s
    ) and not _has(r"\b(soldiers?|troops?)\b", s):
        return "other:nk_economy", False
    if _has(r"\b(killed|wounded|injured|casualt\w*|losses|dead|fatal|decimat\w*)\b", s) and not pay:
        return "other:casualty_rate", False
    if _has(_WORKER, s):
        return "other:worker_state_share", False
    if not pay and not _has(r"\b(kept|keeps?|keeping|withh[oe]ld\w*|confiscat\w*|skim\w*)\b", s):
        return "other:share", False
    if _has(r"\bin\s+kind|\bfood\b|\bfuel\b|goods\s+rather|rather\s+than\s+cash|not\s+in\s+cash", s):
        return "in_kind_share", False
    if _has(r"\b(families|family|relatives)\b", s) and _has(r"\bdeath|killed|compensat", s):
        return "family_share_of_death_pay", False
    state = _has(
        r"\b(state|treasury|regime|government|pyongyang|party|kim|leadership|authorities|confiscat\w*|skim\w*|"
        r"kept|keeps?|keeping|withh[oe]ld\w*|taken|takes?|seized?)\b",
        s,
    )
    soldier = _has(
        r"\b(soldiers?|troops?)\s+(?:themselves\s+|\w+ly\s+)?(?:receive|get|keep|see|are\s+left|take\s+home)\w*", s
    )
    if soldier and not _has(r"\b(kept\s+by|go(?:es)?\s+to\s+the)\b", s):
        return "state_share_of_pay", True
    if state:
        return "state_share_of_pay", False
    return "other:share", False
