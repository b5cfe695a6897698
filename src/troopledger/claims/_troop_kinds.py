"""Which troop quantity a North Korean troop count is: a wave, the force in place, or a running total.

A count tied to one wave ("another", "additional", "a second wave of", "plans to send") is
``troops_per_rotation``; a total across waves ("in all", "since", "out of N fighters") is
``cumulative_troops``; the number there now ("still fighting", "currently deployed") or a single
figure for the force is ``troops_deployed`` (LABELS rule 14).
"""

from __future__ import annotations

import re

from troopledger.claims._inflect import verbs

__all__ = ["SEND", "clause_window", "troop_kind"]

_CLAUSE_BREAK = re.compile(r"\s[-–—]+\s|[;:(]")
_CLAUSE_END = re.compile(r"[;:()“”\"—]|,\s|\s-\s|\s–\s")

_ROTATION_NEAR = re.compile(
    r"\b(?:another|additional|more(?!\s+than)|further|extra|fresh|new|wave\s+of|batch\s+of|contingent\s+of|rotation\s+of|"
    r"group\s+of|reinforcements?\s+of)\b[^.]{0,30}$",
    re.I,
)
_ROTATION_AFTER = re.compile(
    r"^(?!\W*(?:\w+\s+)?or\s+more)\W*(?:\w+\s+){0,3}(?:more(?!\s+than)|additional|reinforcements|replacements)\b",
    re.I,
)
SEND = verbs("send", "deploy", "dispatch", "transfer", "move", "arrive", "rotate", "bring")
_ROTATION_SENT = re.compile(
    r"\b(?:(?:first|second|third|fourth|new|next|latest|fresh|initial)\s+(?:wave|batch|rotation|deployment|contingent|"
    r"troop\s+deployment|detachment|echelon)|initially|originally|first\s+(?:sent|deployed|dispatched)|planned|rotat\w+|replacements?|reinforcements?|"
    rf"{verbs('plan', 'intend', 'prepare', 'agree', 'decide', 'promise', 'expect', 'aim', 'pledge')}\s+to\s+"
    rf"(?:be\s+)?{SEND}|(?:will|would|could|may|might|shall|to)\s+(?:soon\s+)?(?:be\s+)?{SEND}|"
    r"(?:will|would|could|may|might|is\s+to|are\s+to)\s+(?:soon\s+)?(?:receive|get|host|welcome))\b"
)  # matched on lower-cased text
_CUMULATIVE = re.compile(
    r"\b(?:in\s+all|in\s+total|a\s+total\s+of|altogether|all\s+told|cumulative\w*|overall|"
    r"out\s+of|rotated\s+through|over\s+time|over\s+the\s+(?:past|last)\s+year|within\s+a\s+year|"
    r"over\s+(?:a|one|two|three|four|five|six|nine|twelve|eighteen|\d{1,2})\s+(?:years?|months))\b",
    re.I,
)
#: "since" with a time: a running total ("since last October", "since the deployment began", "since 2024").
_SINCE = re.compile(
    r"\bsince\s+(?:(?:last|early|late|mid|the|its|their)[\s-]+)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|autumn|fall|spring|summer|winter|\d{4}|start|beginning|"
    r"deployment|then)\b",
    re.I,
)
#: The figure's own clause says the troops are there now: "are still posted", "remain deployed".
_STILL = re.compile(
    r"^(?:\s+[\w-]+){0,4}?\s+(?:are|were|is|have|had|has)?\s*(?:still|remain(?:s|ed)?)\s+(?:\w+\s+)?"
    r"(?:posted|stationed|deployed|based|in|near|on|at|fighting)\b",
    re.I,
)
#: "in three waves", "across two deployments": a count summed over waves.
_WAVES = re.compile(
    r"^(?:\s+[\w-]+){0,5}?\s+(?:in|across|over)\s+(?:two|three|four|five|several|multiple|\d)\s+"
    r"(?:waves|rounds|deployments|rotations|batches|contingents|groups|phases|stages|tranches)\b",
    re.I,
)
#: "brought the total number of troops sent to about 14,000": the figure a total reaches.
_TOTAL_TO = re.compile(
    r"\b(?:total|tally|overall\s+(?:number|count|figure))\b(?:\s+number)?\s+(?:of\s+)?[^.;,]{0,70}?\b"
    r"(?:to|at|is|was|stands\s+at)\s+(?:\w+\s+)?$",
    re.I,
)
#: A count summed over time by rotation: "over a year through rotation", "rotated ... through Kursk over a year".
_OVER_TIME = re.compile(
    r"\bover\s+(?:a|one|two|three|\d{1,2})\s+(?:years?|months)\b[^.;]{0,80}\brotat|\brotat\w*\b[^.;]{0,80}\bover\s+"
    r"(?:a|one|two|three|\d{1,2})\s+(?:years?|months)\b|\bthrough\s+rotation|\brotated\s+(?:\w+\s+){0,4}through\b",
    re.I,
)
#: One of several successive dated parts of the dispatches: "from the autumn", "since the spring", "in January".
_DATED_PART = re.compile(
    r"\d[\d,.]*(?:\s+(?:thousand|more|troops|soldiers))?\s+(?:\w+\s+){0,2}?(?:from|since|in)\s+(?:the\s+|last\s+|early\s+|"
    r"late\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|autumn|"
    r"fall|spring|summer|winter)\b",
    re.I,
)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_NOW = re.compile(
    r"\b(?:still|currently|now|at\s+present|presently|remain\w*|stationed|are\s+(?:fighting|deployed|in)|"
    r"on\s+the\s+front\s*lines?|in\s+theat(?:re|er))\b",
    re.I,
)
_WHEN = (
    r"(?:in|last|this|early|late|mid)[\s-]+(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|autumn|fall|spring|summer|winter)\b"
)
_WHEN_WORDS = (
    *("january", "february", "march", "april", "may", "june", "july", "august", "september", "october"),
    *("november", "december", "autumn", "fall", "spring", "summer", "winter"),
)
#: A dispatch or arrival dated to a month or season, the date after or before the verb: a wave (LABELS rule 14).
_SENT_AT = re.compile(
    rf"\b{SEND}\b[^.;]{{0,50}}?\b(?<!by\s){_WHEN}|\b{_WHEN}[^.;]{{0,60}}?\b{SEND}\b",
    re.I,
)
#: "by mid-October", "as of March": a stock at a date, not a dispatch.
_BY_DATE = re.compile(r"\b(?:by|as\s+of|until)\s+(?:early\s+|late\s+|mid-?|the\s+end\s+of\s+)?[A-Z]", re.I)
_SPECIALIST = re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(?:engineers?|sappers?|deminers?|builders?)\b", re.I)
_FUTURE = re.compile(r"^[^.;]{0,50}?\b(?:will|are\s+to|is\s+to|are\s+due\s+to|are\s+expected\s+to)\b", re.I)
_ARRIVED = re.compile(rf"^[^.;]{{0,60}}?\b(?:have|has|had)\s+(?:already\s+)?{verbs('arrive')}\b", re.I)


def clause_window(after: str) -> str:
    """The text after a figure up to the end of its clause (a semicolon, bracket, dash or comma)."""
    m = _CLAUSE_END.search(after)
    return after[: m.start()] if m else after


def troop_kind(sentence: str, start: int, end: int) -> str:
    """``troops_per_rotation``, ``cumulative_troops`` or ``troops_deployed`` for a North Korean troop count.

    The cues of LABELS rule 14 are read from the sentence alone.
    """
    before = _CLAUSE_BREAK.split(sentence[max(0, start - 60) : start])[-1]  # "14,000 in total - 11,000 in the first"
    after = sentence[end : end + 80]
    if len(_DATED_PART.findall(sentence)) >= 2:
        return "troops_per_rotation"  # "about 9,000 from the autumn and about 4,000 since the spring": each a wave
    if _OVER_TIME.search(sentence):
        return "cumulative_troops"  # "100,000 over a year through rotation": everyone sent over the time
    if _STILL.match(clause_window(after)):
        return "troops_deployed"  # "another 10,000 are still posted there": the force in place beside the new wave
    if _ROTATION_NEAR.search(before) or _ROTATION_AFTER.match(after):
        return "troops_per_rotation"
    if _WAVES.match(clause_window(after)):
        return "cumulative_troops"  # "15,000 soldiers in three waves": a total across waves
    if (
        _CUMULATIVE.search(before[-40:] + " " + clause_window(after))
        or re.search(r"\bout\s+of\s*$", before, re.I)
        or _TOTAL_TO.search(sentence, max(0, start - 110), start)
    ):
        return "cumulative_troops"
    low = sentence.lower()
    since = _SINCE.search(sentence, 0, start) if "since" in low else None
    gap = sentence[since.end() : start] if since else ""
    if (since and not re.search(r"\d|,\s+(?:and|but|while|whereas)\b|\band\s+that\b|;", _YEARS.sub("", gap))) or (
        "since" in low and _SINCE.search(clause_window(after))
    ):
        return "cumulative_troops"  # "Since last October, Pyongyang has sent 15,000": a running total
    if _SPECIALIST.match(after) and (("arriv" in after and _ARRIVED.match(after)) or _FUTURE.match(after)):
        return "troops_per_rotation"  # "1,000 engineers have arrived", "... builders will help": one contingent
    if _NOW.search(before[-40:] + " " + after[:60]):
        return "troops_deployed"
    if _ROTATION_SENT.search(low):
        return "troops_per_rotation"
    dated = any(w in low for w in _WHEN_WORDS) and _SENT_AT.search(sentence) is not None
    if dated and not _BY_DATE.search(sentence):
        return "troops_per_rotation"  # a dispatch dated to a month or season
    return "troops_deployed"
