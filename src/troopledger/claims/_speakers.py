"""Who a speaker is: the kind of source a phrase names, organisations and people named in a text.

``speaker_kind`` reads cue words (intelligence, think tank, defector, ministry ...);
``last_organisation`` and ``last_person`` find the body or person a text names last,
so "the report" or "he" can be resolved; ``generic_speaker`` tells a bare common noun
("the report", "the official") from a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["NOT_PERSON", "PERSON", "TITLE_DOT", "generic_speaker", "last_organisation", "last_person", "speaker_kind"]

#: A title abbreviated with a full stop inside a speaker phrase ("Rep.", "Lt. Gen."), not the end of a sentence.
TITLE_DOT = r"\b(?:Rep|Sen|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Prof|Maj|Gov|Adm|Capt|Sgt)\."
PERSON = re.compile(r"\b([A-Z][a-z’'-]+(?:[ \t\u00a0]+[A-Z]\.?)?(?:[ \t\u00a0]+[A-Z][a-z’'-]+){1,2})\b")

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("state_media", re.compile(r"\b(KCNA|Korean Central News|Rodong|state media|state television|TASS|RIA)\b", re.I)),
    (
        "intelligence",
        re.compile(
            r"\b(intelligence|NIS|spy agency|spy service|GUR|HUR|CIA|MI6|DIA|Defen[cs]e Intelligence)",
            re.I,
        ),
    ),
    ("defector", re.compile(r"\b(defector|defected|former (?:North Korean )?soldier|escapee)", re.I)),
    (
        "anonymous",
        re.compile(r"\b(anonymous|unnamed|sources? (?:familiar|close|inside)|a source|people familiar)", re.I),
    ),
    (
        "think_tank",
        re.compile(
            r"\b(RAND|Carnegie|CSIS|Brookings|Stimson|38 North|Sejong|Institute|Endowment|think[- ]tank|researcher|"
            r"professor|analyst|scholar|university|fellow|KIDA|Asan)\b",
            re.I,
        ),
    ),
    (
        "belligerent_government",
        re.compile(
            r"\b(Ukrain\w*|Kyiv|Zelensk\w*|Kremlin|Russian? (?:officials?|government|ministry|president|defen[cs]e)|"
            r"Putin|Shoigu|Peskov|Moscow)\b",
            re.I,
        ),
    ),
    (
        "government",
        re.compile(
            r"\b(officials?|ministry|minister|government|lawmakers?|president|ambassador|Pentagon|department|"
            r"State Department|White House|NATO|spokes(?:man|woman|person)|Seoul|Washington|military|JCS|Joint Chiefs)",
            re.I,
        ),
    ),
    (
        "outlet",
        re.compile(
            r"\b(Reuters|Associated Press|AP|AFP|Bloomberg|BBC|CNN|Yonhap|Daily NK|NK News|Independent|"
            r"Business Insider|Voice of America|Radio Free|Guardian|Times|Post|Journal|Herald|Daily|News|media)\b",
        ),
    ),
]


@lru_cache(maxsize=4096)
def speaker_kind(text: str) -> str:
    """The kind of source a speaker phrase suggests, from cue words; ``other`` if none."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return "other"


_GENERIC = re.compile(
    r"^(?:(?:by\s+)?(?:the|this|that|its|their|his|her|our|a)\s+|(?-i:(?=[a-z])))(?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*['’]s?\s+)?"
    r"(?:report|study|data|document|assessment|survey|analysis|briefing|update|bulletin|statement|agency|directorate|ministry|institute|bank|team|paper|"
    r"estimates?|research|findings|figures|(?:spy|intelligence)\s+service|department|firm|company|consultancy|group|watchdog|panel|"
    r"sources?|statistics|think\s+tank|foundation|cent(?:re|er)|council|committee|commission|office|monitor\w*|(?:\w+\s+)?(?:official|leader|president|lawmaker|legislator|"
    r"minister|general|commander|spokes\w+|head|chief|mayor|diplomat|ambassador|researcher|analyst|expert|marshal|"
    r"admiral|colonel|governor|secretary))$",
    re.I,
)
_S = r"[ \t\u00a0]"  # a space within one line: names never run over a line break
_ORG = re.compile(  # every form starts with a capital: the look-ahead skips other positions at once
    rf"(?=[A-Z])\b((?:[A-Z][\w’'.:-]*{_S}+(?:(?:of|for|on|and|the|&){_S}+)?){{0,6}}(?:Team|Institute|Service|Agency|"
    r"Ministry|Bank|Foundation|Center|Centre|Office|Directorate|Council|Committee|Administration|Commission|"
    rf"Organi[sz]ation|Group|Fund|University|Department|Customs|Treasury|Company|Corporation)(?:{_S}+(?:of|for|on){_S}+(?:the{_S}+)?"
    rf"[A-Z][\w’'.:-]*(?:{_S}+(?:(?:of|for|on|and|the|&){_S}+){{0,2}}[A-Z][\w’'.:-]*){{0,5}})?(?:{_S}*\([A-Z][A-Za-z]{{1,8}}\))?|Rosstat|Re:Russia|"
    rf"[A-Z][a-z]+(?:['’]s)?{_S}+(?:central{_S}+bank|spy{_S}+agency))"
)


#: The people of a body named before: "the researchers", "its authors" (never a bare plural: "analysts" may be anyone).
_GENERIC_PEOPLE = re.compile(
    r"^(?:the|its|their)\s+(?:researchers|authors|investigators|scholars|analysts|experts)$", re.I
)


_NAMED_BODY_END = re.compile(
    r"\s(?:Service|Agency|Ministry|Institute|Office|Department|Committee|Council|Commission|Bank)$"
)


def generic_speaker(who: str) -> bool:
    """Whether a speaker is a bare common noun ("the report", "the agency") that names no one by itself."""
    w = who.strip()
    if _NAMED_BODY_END.search(w):
        return False  # "The National Intelligence Service": a name, not a bare noun
    return _GENERIC.match(w) is not None or _GENERIC_PEOPLE.match(w) is not None


def last_organisation(text: str, near: str = "", *, first: bool = False) -> str | None:
    """The last (or ``first``) named organisation in ``text`` ("Bank of Korea (BOK)"), preferring one named
    close to ``near``."""
    found = close = None
    for m in _ORG.finditer(text):
        if first and found is not None:
            break
        found = m.group(1)
        before, after = text[max(0, m.start() - 60) : m.start()], text[m.end() : m.end() + 30]
        word = re.escape(near)
        if near and (re.search(rf"\b{word}\w*[^.!?]*$", before, re.I) or re.match(rf"^[^.!?]*\b{word}", after, re.I)):
            close = m.group(1)  # named in the same sentence as the noun: "the report by X", "X's report"
    best = close or found
    return best.strip() if best else None


NOT_PERSON = re.compile(
    r"\b(Korea\w*|Russia\w*|Ukrain\w*|America\w*|Europe\w*|Radio|Business|Insider|Voice|Associated|Press|Daily|"
    r"Times|Intelligence|Service|Ministry|Institute|Endowment|Program|Asia|Corps|Economic|News|Herald|Post|Union|"
    r"Nations|Council|Department|Defen[cs]e|National|Army|Forces|Kursk|Moscow|Seoul|Pyongyang|Kyiv|The|In|On|But|"
    r"According|Former|Western|Jong|East|West|Far|Middle|Region|Oblast|Province|District|City|Street|Sea|River|"
    r"Battalion|Brigade|Regiment|Division|Squadron|Battery|Assault|Mechani[sz]ed|Infantry|Airborne|Marines?)\b"
)


def last_person(text: str, *, first: bool = False) -> str | None:
    """The last (or ``first``) personal name in ``text`` (two or three capitalised words), if any."""
    found = None
    for m in PERSON.finditer(text):
        if not NOT_PERSON.search(m.group(1)):
            found = m.group(1)
            if first:
                break  # the first name is enough
    return found
