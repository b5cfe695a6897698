"""Counts: what a number counts (its subject) decides the quantity it is.

The words right after a count name what is counted ("3,500 soldiers", "20,000
containers", "13 Nepalis"); the clause around it says what happened to them
("... have been killed or wounded") and whose they are ("Russian soldiers", "troops
from both countries"). North Korean soldiers give the vocabulary's troop and
casualty quantities; anything else gets an ``other:<subtype>`` from the list in
``docs/extraction.md`` (workers, munitions, Russian or foreign troops and losses,
prisoners, officers, engineers, arrivals, ...), so that it is kept for review
but never feeds a North Korean troop figure.

Which troop quantity a North Korean troop count is: ``claims/_troop_kinds.py``.
"""

from __future__ import annotations

import re

from troopledger.claims._homecoming import gone_home, sent_home
from troopledger.claims._inflect import verbs
from troopledger.claims._owner_cues import BOTH as _BOTH
from troopledger.claims._owner_cues import FOREIGN as _FOREIGN
from troopledger.claims._owner_cues import NK as _NK
from troopledger.claims._owner_cues import past_war, without_opponents
from troopledger.claims._scenarios import revised_from
from troopledger.claims._troop_kinds import SEND, clause_window

__all__ = ["count_label"]

# Head nouns, in the order they are tried; the first that occurs first in the window wins.
_NOUNS: list[tuple[str, str]] = [
    (
        "troops",
        r"soldiers?|troops?|servicem[ae]n|service\s+members|personnel|fighters?|combatants?|forces|"
        r"men|recruits?|conscripts?|special\s+forces|commandos?|infantry|reinforcements|replacements|"
        r"paratroopers|marines|north\s+koreans|koreans",
    ),
    ("officers", r"officers?|generals?|commanders?"),
    ("engineers", r"engineers?|sappers?|deminers?|(?:military\s+)?builders?"),
    ("workers", r"workers?|labou?rers?|employees"),
    ("prisoners", r"prisoners?|pows?|captives?"),
    (
        "people",
        r"people|persons|citizens|nationals|residents|civilians|escapees|defectors|students|visitors|"
        r"families|relatives|members|nepal(?:i|is|ese)|russians|ukrainians|americans",
    ),
    (
        "munitions",
        r"shells?|rounds|ammunition|missiles?|rockets?|drones?|containers?|launchers?|artillery|"
        r"weapons|howitzers?|tanks|vehicles|guns|systems|mines",
    ),
    ("oil", r"barrels?|tankers?|tonnes|tons"),
]
_NOUN = re.compile("|".join(rf"\b(?P<{name}>(?:{pat}))\b" for name, pat in _NOUNS), re.I)
_PLURAL = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}?(?!(?:this|thus|plus|less|unless|across|always|perhaps|towards|besides|whereas|"
    r"afterwards|news|analysis|basis|crisis|status|series|others)\b)([a-z]{3,}s)\b"
)  # a plural noun, not a word that only ends in "s"
_SOURCES_COUNTED = re.compile(  # "two people familiar with the matter": who speaks, not a figure
    r"^\s*(?:\w+\s+){0,2}?(?:people|officials|sources|persons)\s+(?:familiar\s+with|briefed\s+on|close\s+to)\b"
)
_KILLED_OR_WOUNDED = re.compile(
    rf"\b(?:killed|dead|died)\s+(?:\w+\s+)?(?:or|and)\s+(?:\w+\s+)?(?:wounded|injured|missing|captured)\b|"
    r"\b(?:killed|dead),\s+(?:\w+\s+)?(?:wounded|injured)\b|"
    rf"\b(?:wounded|injured)\s+(?:\w+\s+)?(?:or|and)\s+(?:\w+\s+)?(?:killed|dead)\b|\bcasualt\w*|\blosses\b|"
    r"\bout\s+of\s+action\b|\bdeaths?\s+and\s+injur(?:y|ies)\b|"
    rf"(?<!lives\s)\b{verbs('lose')}\b(?!\s+their\s+lives)",
)
#: Casualty patterns are matched case-sensitively on lower-cased text (about three times faster).
#: Casualty words in every tense: "killed", "kills", "killing", "died", "dying", "perished" ...
_KILLED_WORDS = (
    rf"{verbs('kill', 'die', 'perish', 'slay')}|slain|dead|deaths?|fatalities|fatal|lost\s+their\s+lives|kia|"
    r"claimed\s+(?:the\s+)?lives\s+of|lives\s+lost|(?<!casualty\s)(?<!injury\s)(?<!and\s)toll|"
    r"killed\s+in\s+action|war\s+dead|death\s+toll|body\s+count"
)
_KILLED = re.compile(rf"\b(?:{_KILLED_WORDS})\b")
_WOUNDED_WORDS = rf"{verbs('wound', 'injure', 'hurt')}|injuries"
_WOUNDED = re.compile(rf"\b(?:{_WOUNDED_WORDS})\b")
_CAPTURED = re.compile(rf"\b(?:{verbs('capture')}|taken\s+prisoner|surrendered)\b")
#: What may stand between a casualty word before a figure and the figure: the rest of the subject ("among
#: North Korean troops"), then linking verbs in any tense, bounds and hedges ("has reached about").
_LINK = (
    r"(?:is|are|was|were|be|been|being|has|have|had|now|already|of|at|to|about|around|approximately|roughly|some|"
    r"nearly|almost|least|more|than|over|as|many|up|an|estimated|close|just|under|fewer|less|no|rose|risen|stood|"
    r"grew|grown|hit|put|came|come|past|beyond|[a-z]+(?:ed|es|s))"  # any regular verb form: "numbered", "tops"
)


def _tail(cue: str) -> re.Pattern[str]:
    # a comma only between a comparative and a hedge: "the real toll is lower, around 600"
    return re.compile(rf"\b(?:{cue})\b(?:\s+[\w’'-]+){{0,6}}?(?:\s+{_LINK})*(?:(?<=er),\s+(?:about|around|some))?\s*$")


#: Any casualty word at all: the tail patterns run only when one is there.
_TAIL_ANY = re.compile(
    rf"\b(?:{verbs('lose')}|casualties|casualty|losses|toll|out\s+of\s+action|{_KILLED_WORDS}|{_WOUNDED_WORDS})\b"
)
_TAIL_BOTH = _tail(
    r"(?:killed|dead|died)\s+(?:or|and)\s+(?:wounded|injured|missing|captured)|(?:wounded|injured)\s+(?:or|and)\s+"
    r"(?:killed|dead)|deaths?\s+(?:or|and)\s+injur(?:y|ies)"
)
_TAIL_TOTAL = _tail(
    rf"(?<!lives\s){verbs('lose')}|casualties|casualty\s+toll|losses|death\s+and\s+injury\s+toll|out\s+of\s+action"
)
_TAIL_KILLED = _tail(_KILLED_WORDS)
_TAIL_WOUNDED = _tail(_WOUNDED_WORDS)
_TAIL_BREAK = re.compile(r"[;:()“”\"]|\s[-–—]\s")
_ARRIVALS = re.compile(r"\b(?:entered|arriv\w+|visit\w*|immigra\w+|came\s+to)\b", re.I)
_FIGHTING = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:are\s+|were\s+|now\s+)?(?:fighting|serving|enlisted|to\s+fight|to\s+serve)\b", re.I
)
_AND_OR = re.compile(r"\b(?:and|or)\b")
_NUMBER_OF = re.compile(r"\b(?:number|numbers|total|count)\s+of\s+", re.I)
#: "300 of the 11,000 ...", "2,700 of the roughly 11,000 ...": a part, then its whole.
_PART_OF = re.compile(
    r"\s+of\s+(?:(?:the|its|their|an|estimated|some|about|around|roughly|approximately|nearly|almost|over|more|than)"
    r"\s+)*\d[\d,.]*(?:\s*(?:thousand|million))?\b",
    re.I,
)
_WHOLE_OF = re.compile(
    r"(?:\d[\d,.]*(?:\s*(?:%|percent|per\s+cent))?|half|thirds?|quarters?|fifths?|tenths?|share|proportion|"
    r"portion|majority|most|many|some|all|none|each)\s+of\s+(?:(?:the|its|their|an|estimated|some|about|around|"
    r"roughly|approximately|nearly|almost|over|more|than)\s+)*$",
    re.I,
)
_STRONG = re.compile(r"^-?\s*strong\b", re.I)
#: What joins two counts that share one predicate: "... and", "... or", "... as well as".
_JOINED = re.compile(r"^\W*(?:and|or|as\s+well\s+as|plus)\W*$", re.I)
#: People sent to rebuild or clear a war-torn region are military builders and sappers (LABELS rule 13).
_REBUILD = re.compile(
    rf"\b(?:{verbs('rebuild', 'restore', 'reconstruct', 'demine')}|clear\w*\s+mines|reconstruction)\b", re.I
)
_WAR_REGION = re.compile(
    r"\b(?:Kursk|Donbas|Donetsk|Luhansk|Zaporizhzhia|Kherson|Belgorod|front\s*lines?|war[- ]torn|war\s+zone|"
    r"occupied|liberated|battlefield)\b",
    re.I,
)
_REBUILD_HINTS = ("build", "restor", "reconstruct", "demin", "mines")


def _rebuilds(sentence: str) -> bool:
    """Whether a sentence sends people to rebuild or demine a war-torn region (a cheap substring test first)."""
    low = sentence.lower()
    return (
        any(h in low for h in _REBUILD_HINTS)
        and _REBUILD.search(sentence) is not None
        and _WAR_REGION.search(sentence) is not None
    )


#: "Containers: about 28,000": a label before a colon, then only bound and hedge words before the figure.
_LABELLED = re.compile(
    r"^\W*([A-Za-z][\w-]*(?:\s+[\w-]+){0,2})\s*[:|]\s+(?:(?:about|around|roughly|some|nearly|almost|over|more|than|"
    r"at|least|most|up|to|no|fewer|less|as|many|an?|estimated|approximately)\s+)*$",
    re.I,
)
#: "the 11,000 who were first deployed": a relative clause that sends the people counted.
_WHO_SENT = re.compile(
    rf"^\s*(?:more\s+)?(?:(?:who|that)\s+)?(?:(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?{SEND}|"
    r"(?:have\s+|has\s+|had\s+)?(?:since\s+|already\s+|now\s+|also\s+|initially\s+|originally\s+|first\s+)?"
    r"(?:arrived|deployed|came|come|sent|dispatched)\b|"
    r"are\s+(?:now\s+|still\s+|currently\s+)?(?:in\s+Russia|in\s+training|being\s+trained|stationed|deployed|fighting|"
    r"serving))",
    re.I,
)


#: A bare count coordinated with an earlier one: "..., and another 2,000", "... with a further 1,500".
_ELLIPSIS = re.compile(
    r"(?i:\band|,|;|\bwhile|\bwith|\bbut|\bplus)\s+(?i:another|a\s+further|an\s+additional)\s+(?:(?i:about|around|"
    r"some|roughly|nearly|almost|up\s+to|at\s+least|more\s+than|over)\s+)?$"
)
_A_NUMBER = re.compile(r"\d[\d,.]*(?:\s+(?:thousand|million))?")


def _elided_noun(sentence: str, start: int, tail: str) -> str:
    """The noun class of the count before ``start`` in the same sentence, which a bare count after it shares."""
    if not ("other" in tail or "urther" in tail or "dditional" in tail) or not _ELLIPSIS.search(tail):
        return ""  # no additive word right before the count (the cheap test first)
    numbers = list(_A_NUMBER.finditer(sentence, max(0, start - 160), start))
    return _head(sentence[numbers[-1].end() : start])[0] if numbers else ""


def _head(window: str) -> tuple[str, int, int]:
    """(noun class, start, end) of the first counted noun in ``window``, or ("", -1, -1)."""
    m = _NOUN.search(window[:80])
    if m is None or m.start() > 45:
        return "", -1, -1
    return str(m.lastgroup), m.start(), m.end()


_COUNTRY = re.compile(r"\b(?P<c>Russia|Moscow|Kremlin|Ukraine|Kyiv|Kiev|North\s+Korea|Pyongyang)\b")
_OWN = re.compile(r"\b(?:its|their)\s+own\b", re.I)
#: A country as the subject of a loss: "Russia has lost 600,000 soldiers", "Ukraine's army lost 400".
_COUNTRY_LOST = re.compile(
    rf"{_COUNTRY.pattern}(?:['’]s)?(?:\s+(?:army|military|forces|troops))?\s+(?:\w+\s+){{0,2}}?"
    rf"{verbs('lose')}\s+(?:{_LINK}\s+)*$"
)


#: A country's or a nationality's losses named before the figure: "Russian losses have passed", "Kyiv's dead".
_WHOSE_LOSS = re.compile(
    r"\b(?P<c>Russian|Ukrainian|Russia['’]s|Moscow['’]s|Ukraine['’]s|Kyiv['’]s)\s+(?:\w+\s+)?"
    r"(?:losses|casualties|dead|death\s+toll|toll|fatalities)\b[^.;]*$"
)


def _country_owner(country: str) -> str:
    c = country.lower()
    if c.startswith(("russia", "moscow", "kremlin")):
        return "russian"
    return "ukrainian" if c.startswith(("ukrain", "kyiv", "kiev")) else "nk"


def _owner(before: str, between: str, after_noun: str) -> str:
    """``nk``, ``joint``, or a foreign owner ("russian", "ukrainian", "nepali", "foreign") of the counted people."""
    near = without_opponents(before[-25:] + " " + between)  # the enemy they fight is not whose they are
    if _BOTH.match(after_noun):
        return "joint"
    foreign = _FOREIGN.search(near)
    nk = _NK.search(near)
    if foreign and nk:
        return "joint" if re.search(r"\band\b", near) else "nk"
    if foreign:
        who = foreign.group("who").lower()
        if who.startswith("ukrain"):
            return "ukrainian"
        if who.startswith("american"):
            return "american"
        if who.startswith(("chinese", "indian", "cuban", "syrian")):
            return who.removesuffix("s")  # "1,000 Chinese nationals fighting for Russia"
        return "russian" if who.startswith("russia") else "nepali" if who.startswith("nepal") else "foreign"
    if nk:
        return "nk"
    whose_loss = _WHOSE_LOSS.search(before[-80:]) if "s" in before[-80:] else None
    if whose_loss:
        return _country_owner(whose_loss.group("c"))  # "Russian losses have passed 650,000", "Kyiv's casualties"
    lost = _COUNTRY_LOST.search(before) if "los" in before else None
    if lost:
        return _country_owner(lost.group("c"))  # "Russia has lost 600,000 soldiers"
    if " own" in before[-20:] + " " + between and _OWN.search(before[-20:] + " " + between):
        countries = list(_COUNTRY.finditer(before))
        if countries:
            return _country_owner(countries[-1].group("c"))  # "Ukraine said 400 of its own soldiers"
    return "nk"


def _casualty(window: str, tail: str) -> str:
    """``killed``, ``wounded``, ``total``, ``captured`` or "" from the clause after a count, else the words before."""
    window, tail = window.lower(), tail.lower()
    hits = [(m.start(), kind) for kind, pat in (("total", _KILLED_OR_WOUNDED), ("killed", _KILLED),
            ("wounded", _WOUNDED), ("captured", _CAPTURED)) if (m := pat.search(window))]  # fmt: skip
    if not hits:
        breaks = list(_TAIL_BREAK.finditer(tail))
        tail = tail[breaks[-1].end() :] if breaks else tail
        if (" or " in tail or " and " in tail) and _TAIL_BOTH.search(tail):
            return "total"  # "has killed or wounded roughly 4,000"
        joins = list(_AND_OR.finditer(tail))  # read after the last "and" / "or"
        tail = tail[joins[-1].end() :] if joins else tail
        if not _TAIL_ANY.search(tail):
            return ""
        found = [(m.start(), kind) for kind, pat in (("total", _TAIL_TOTAL), ("killed", _TAIL_KILLED),
                 ("wounded", _TAIL_WOUNDED)) if (m := pat.search(tail))]  # fmt: skip
        return max(found)[1] if found else ""  # the cue nearest the figure
    first = min(h[0] for h in hits)
    for kind in ("total", "killed", "wounded", "captured"):
        if (first, kind) in hits:
            return kind
    return ""


_CASUALTY_WORDS = re.compile(
    r"^(?:killed|dead|deaths|wounded|injured|casualties|losses|fatalities|injuries|lives)$", re.I
)
_MILITARY = re.compile(
    r"\b(?:soldiers?|troops?|military|army|armed|fight\w*|front\w*|combat|deploy\w*|dispatch\w*|battle\w*|war|"
    r"reinforcements|sen[dt]s?\s+(?:a\s+|an\s+)?(?:further|another|more|additional|fresh|new))\b",
    re.I,
)
_GENERIC_PEOPLE = frozenset({"north koreans", "koreans", "men", "people", "persons"})
_AT_WORK = re.compile(
    rf"^\W*(?:who\s+)?(?:\w+\s+){{0,2}}(?:{verbs('work', 'employ', 'labour', 'labor', 'build', 'rebuild')}|"
    rf"{verbs('construct', 'repair', 'restore')})\b",
    re.I,
)
#: The count is the force that lost the next figure: "the 11,000 who came had lost about 4,000".
_LOST_NEXT = re.compile(
    r"\b(?:has|have|had)\s+(?:already\s+|since\s+|now\s+)?lost\s+(?:about|around|roughly|some|nearly|almost|"
    r"more\s+than|over|at\s+least|up\s+to|as\s+many\s+as|an\s+estimated)?\s*$",
    re.I,
)
#: The clause after "killed" lists the wounded too: ", wounded, gone missing or been captured".
_LISTED_WOUNDED = re.compile(r",\s+(?:been\s+|or\s+)?(?:wounded|injured)\b", re.I)
_CAPTURE_TAIL = re.compile(r"\bcaptur\w*\s+(?:of\s+)?(?:\w+\s+)?$", re.I)


def count_label(sentence: str, start: int, end: int, value: float, limit: int | None = None) -> str | None:
    """What a count counts (see :func:`_count_label`); "to 2,000 from 600": the earlier figure counts the same."""
    later = revised_from(sentence, start)
    if later is not None:
        return _count_label(sentence, *later, value, start)
    return _count_label(sentence, start, end, value, limit)


def _count_label(sentence: str, start: int, end: int, value: float, limit: int | None = None) -> str | None:
    """The quantity of the count at ``sentence[start:end]``: a vocabulary name, ``other:<subtype>`` or ``None``.

    ``limit`` is where the next figure starts (the clause read after the count stops
    there). ``None`` means the number is not worth a claim (a bare small number with
    nothing counted). Troop counts come back as ``troops`` for :func:`troop_kind`.
    """
    tail = sentence[max(0, start - 90) : start]
    stop = min(end + 140, limit if limit is not None else len(sentence))
    part = _PART_OF.match(sentence, end) if sentence.startswith(" of", end) else None
    whole = " of " in tail[-30:] and _WHOLE_OF.search(tail) is not None
    if part:  # "300 of the 11,000 soldiers have been killed": the part takes the whole's noun and predicate
        stop = min(part.end() + 140, len(sentence))
        window = clause_window(sentence[part.end() : stop])
    else:
        window = clause_window(sentence[end:stop])
    noun, n0, n1 = _head(window)
    if _STRONG.match(window):
        noun, n0, n1 = "troops", 0, 0  # "an 11,000-strong force": the force's size
    word = window[n0:n1].lower() if noun else ""
    if noun in ("workers", "people", "troops") and _rebuilds(sentence):
        noun = "engineers"  # sent to rebuild or demine a war-torn region: military builders (LABELS rule 13)
    elif noun == "workers" and re.search(r"\bmilitary\s+(?:construction\s+|building\s+)?$", window[:n0], re.I):
        noun = "engineers"  # "6,000 military construction workers": military builders (LABELS rule 13)
    elif noun in ("troops", "people") and (" ".join(word.split()) in _GENERIC_PEOPLE):
        if _AT_WORK.match(window[n1:]):
            noun = "workers"
        elif noun == "troops" and not _MILITARY.search(sentence):
            noun = "people"
        elif noun == "people" and _MILITARY.search(sentence) and not _FOREIGN.search(tail[-25:] + window[:n0]):
            noun = "troops"
    label = _LABELLED.match(sentence[:start]) if not noun and (":" in sentence[:start] or sentence[:1] == "|") else None
    if label:  # a list item or a table cell: "Containers: about 28,000", "- Missiles: up to 248"
        noun, n0, n1 = _head(" " + label.group(1).lower())
        word = label.group(1).lower() if noun else ""
        n0 = n1 = -1
    if not noun:
        ofs = list(_NUMBER_OF.finditer(sentence, max(0, start - 200), start))
        kind = _head(sentence[ofs[-1].end() : ofs[-1].end() + 60])[0] if ofs else ""
        if kind in ("people", "workers", "prisoners", "officers", "engineers", "munitions", "oil"):
            # "the number of visitors was highest for study, at 7,887": what the sentence counts
            return (
                ("other:arrivals" if _ARRIVALS.search(sentence) else "other:people")
                if kind == "people"
                else (f"other:{kind}")
            )
    if value < 10 and _SOURCES_COUNTED.match(window):
        return None
    plural = _PLURAL.match(window)
    if not noun and plural and not _CASUALTY_WORDS.match(plural.group(1)):
        if value < 10 and re.search(r"\b(?:the|both|these|those|its|their)\s+$", tail, re.I):
            return None
        return "other:count"
    between = window[:n0] if n0 >= 0 else ""
    casualty = _casualty(window if noun in ("", "troops", "people", "officers", "engineers") else window[:n0], tail)
    if not casualty and label:  # a list item's label names the loss: "Killed: at least 2,000"
        casualty = _casualty(" " + label.group(1) + " ", "")
    if not casualty and limit is not None and noun and _JOINED.match(window[n1:]):
        # "300 North Korean and 1,000 Russian soldiers were killed": the predicate after the last one
        casualty = _casualty(clause_window(sentence[limit : limit + 160]), "")
    if casualty == "killed" and _LISTED_WOUNDED.match(sentence, (part.end() if part else end) + len(window)):
        casualty = "total"  # "have been killed, wounded, gone missing or been captured"
    if whole or (casualty and limit is not None and _LOST_NEXT.search(window)):
        casualty = ""  # "300 of the 11,000 soldiers were killed", "the 11,000 ... had lost 4,000": the part's
    if _CAPTURE_TAIL.search(tail[-30:]):
        casualty = "captured"
    owner = _owner(tail, between, window[n1:] if n1 >= 0 else "") if noun else _owner(tail, "", "")
    if past_war(window) or (" that war" in window and past_war(sentence)):
        owner = "historic"  # a figure of an earlier war: "we lost 37,000 Americans in the Korean War"
    if casualty and casualty != "captured" and sent_home(window, tail):
        return "other:count"  # "1,200 of the wounded have been flown home": a count of people sent back, not losses
    if noun in ("", "troops", "people") and casualty and casualty != "captured":
        if noun == "people" and owner == "nk" and not _NK.search(tail[-25:] + between):
            demonym = re.match(r"\s*(nepal|russian|ukrain)", between + word, re.I)
            if demonym:  # "230 Ukrainians were killed": whose by the people's name
                owner = {"nepal": "nepali", "russian": "russian", "ukrain": "ukrainian"}[demonym.group(1).lower()]
        if owner != "nk":
            return f"other:{owner}_casualties"
        return {"killed": "casualties_killed", "wounded": "casualties_wounded"}.get(casualty, "casualties_total")
    if casualty == "captured" or noun == "prisoners":
        return "other:prisoners"
    if noun == "troops":
        if owner == "nk" and gone_home(window[n1:]):
            return "other:count"  # "1,500 soldiers had returned home": no longer in the force (LABELS rule 15)
        if word in ("russians", "ukrainians") or owner != "nk":
            return f"other:{owner if owner != 'nk' else 'russian' if word == 'russians' else 'foreign'}_troops"
        return "troops"
    if noun == "people":
        if word.startswith("nepal") or owner not in ("nk", "joint"):
            whose = "nepali" if word.startswith("nepal") else owner
            # "15,000 Nepalis fighting for Russia", "citizens are fighting": people who fight are troops
            return f"other:{whose}_{'troops' if _FIGHTING.match(window[n1:]) else 'people'}"
        return "other:arrivals" if _ARRIVALS.search(sentence) else "other:people"
    if noun == "engineers" and owner == "nk":
        return "troops"  # specialist contingents are troops (LABELS rule 13)
    if noun:
        prefix = "" if owner in ("nk", "joint") or noun in ("munitions", "oil") else f"{owner}_"
        return f"other:{prefix}{noun}"
    if (
        value >= 10
        and owner == "nk"
        and (
            re.search(r"\b(contingent|force|deployment|troops|soldiers)\b[^.]{0,40}$", tail, re.I)
            or re.search(r"\b(?:wave|batch|group|rotation|detachment)\b[^.]{0,60}$", tail, re.I)
            or _WHO_SENT.match(window)
        )
    ):
        return "troops"  # "a second group of about 3,000 followed", "the 11,000 who were first deployed"
    if value >= 10 and owner == "nk" and _elided_noun(sentence, start, tail) == "troops":
        return "troops"  # "3,000 soldiers are in Kursk and another 2,000 are on the way": the noun left out
    if value < 10:
        return None
    return "other:count" if re.match(r"^\s*(?:in|at|by|of|from|since|,|\.|$)", window) else None
