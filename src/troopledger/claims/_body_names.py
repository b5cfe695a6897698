"""The bodies behind informal speaker names: "intelligence officials" of the nation a sentence names,
"South Korea's spies" (the NIS), "a source in North Hamgyong Province" (a source inside North Korea),
"officials in Washington and Seoul" (those governments), and a capital or country credited as a speaker."""

from __future__ import annotations

import re
from dataclasses import replace

from troopledger.claims._attribution import Attribution

__all__ = ["METONYM", "nation"]

#: A speaker that names intelligence or a spy agency with no country: "intelligence officials".
_STATELESS = re.compile(r"^(?:the\s+)?(?:military\s+)?(?:intelligence|spy)\b", re.I)
_NATION = re.compile(r"\b(South\s+Korea(?:n|['’]s)?|Seoul['’]s|Ukrain(?:e['’]s|ian)|Kyiv['’]s|U\.?S\.?|American)\b")

#: South Korea's spy service under its informal names: "South Korea's spies", "Seoul's spy service".
_SEOUL_SPIES = re.compile(
    r"^(?:South\s+Korea['’]s|South\s+Korean|Seoul['’]s)\s+(?:spies|spy\s+(?:agency|service|chiefs?)|"
    r"intelligence\s+(?:agency|service))$",
    re.I,
)
#: Ukraine's military intelligence under its informal names: "Ukraine's military intelligence", "Kyiv's spies".
_KYIV_SPIES = re.compile(
    r"^(?:the\s+)?(?:Ukraine['’]s|Ukrainian|Kyiv['’]s)\s+(?:military\s+|defen[cs]e\s+)?(?:spies|spy\s+(?:agency|service|chiefs?)|"
    r"intelligence(?:\s+(?:agency|service|directorate))?)$",
    re.I,
)
#: An anonymous source placed in a North Korean province or city: "a source in North Hamgyong Province".
_NK_PLACE_SOURCE = re.compile(
    r"\bsources?\s+(?:in|inside|from|based\s+in)\s+(?:the\s+)?(?:(?:North|South)\s+)?(?:Hamgyong|Pyongan|Hwanghae|"
    r"Ryanggang|Yanggang|Chagang|Kangwon|Pyongyang|Sinuiju|Hyesan|Chongjin|Rason|Wonsan|Hamhung|Kaesong|Nampho?)\b"
)


_CAPITAL_COUNTRY = {
    "washington": "United States", "seoul": "South Korea", "kyiv": "Ukraine", "kiev": "Ukraine", "moscow": "Russia",
    "london": "United Kingdom", "tokyo": "Japan", "beijing": "China", "pyongyang": "North Korea",
}  # fmt: skip
_CAPITALS = re.compile(r"\b(Washington|Seoul|Kyiv|Kiev|Moscow|London|Tokyo|Beijing|Pyongyang)\b")
_OFFICIALS_IN = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:officials|governments?|authorities|sources)\s+in\s+", re.I)


def nation(att: Attribution, sentence: str) -> Attribution:
    """ "intelligence officials" in a sentence that names whose ("South Korean legislators briefed by ...");
    Seoul's spies are its National Intelligence Service; a source in a North Korean province is inside the North."""
    if _SEOUL_SPIES.match(att.speaker):
        return replace(att, organisation="National Intelligence Service (NIS)", kind="intelligence")
    if _KYIV_SPIES.match(att.speaker):
        return replace(att, organisation="Ukraine HUR (Main Intelligence Directorate)", kind="intelligence")
    if _NK_PLACE_SOURCE.search(att.speaker):
        return replace(att, organisation="source inside North Korea", kind="anonymous")
    capitals = _CAPITALS.findall(att.speaker) if _OFFICIALS_IN.match(att.speaker) else []
    if capitals:  # "Officials in Washington and Seoul": the governments of the United States and South Korea
        org = " and ".join(dict.fromkeys(_CAPITAL_COUNTRY[c.lower()] for c in capitals))
        return replace(att, organisation=org, kind="government")
    if not _STATELESS.match(att.speaker):
        return att
    m = _NATION.search(sentence)
    if m is None:
        return att
    who = f"{m.group(1)} {att.speaker.removeprefix('the ')}"
    return replace(att, speaker=who)


#: A capital or a country named as a speaker: who in it spoke, the article says where it gives the figure again.
METONYM = re.compile(
    r"(?:the\s+)?(?:Seoul|Kyiv|Kiev|Moscow|Washington|London|Tokyo|Beijing|Britain|UK|U\.K\.|US|U\.S\.|United\s+States|"
    r"United\s+Kingdom|South\s+Korea|Ukraine|Russia|Japan)",
    re.I,
)
