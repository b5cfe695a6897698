"""Whose people an English count is about: the cue words of North Korea, of other nations, of both, of the
enemy fought and of an earlier war, read by ``_subjects`` around a count."""

from __future__ import annotations

import re

__all__ = ["BOTH", "FOREIGN", "NK", "OPPONENT", "PAST_WAR", "past_war", "without_opponents"]

NK = re.compile(r"\b(?:north\s+korean?s?|dprk|pyongyang|korean\s+people['’]?s\s+army|kpa)\b", re.I)
FOREIGN = re.compile(
    r"\b(?P<who>russians?|ukrainians?|nepal(?:i|is|ese)?|indians?|cubans?|chinese|syrians?|foreign|mercenar\w*|"
    r"western|americans?|u\.s\.)\b",
    re.I,
)
#: The other side named after a verb of fighting: "while fighting Ukrainian forces", "against Russian troops".
OPPONENT = re.compile(
    r"\b(?:fight\w*|against|battl\w*|facing|attack\w*|versus|vs\.?|repel\w*)\s+(?:the\s+)?"
    r"(?:russians?|ukrainians?|american|western|foreign)\b",
    re.I,
)
#: A past war in the count's own clause: "320,000 soldiers to Vietnam between 1964 and 1973", "in the Korean War".
PAST_WAR = re.compile(
    r"(?<!since\s)(?<!since\sthe\s)\b(?:the\s+)?(?:Korean\s+War|Vietnam(?:\s+War)?|(?:First|Second)\s+World\s+War|"
    r"World\s+War\s+(?:I|II|One|Two)|Gulf\s+War|Chosin)\b|\bbetween\s+19\d\d\s+and\s+(?:19\d\d|20[01]\d)\b"
)
BOTH = re.compile(
    r"^\W*(?:\w+\s+){0,4}?(?:from\s+both|of\s+both|combined|jointly|together\s+with|"
    r"including\s+(?:some\s+|many\s+)?(?:north\s+koreans?|russians?)\b)",
    re.I,
)


def past_war(text: str) -> bool:
    """Whether ``text`` names an earlier war (a cheap test of its words first)."""
    return ("War" in text or "Vietnam" in text or "Chosin" in text or "between 19" in text) and bool(
        PAST_WAR.search(text)
    )


_FIGHT_HINTS = ("fight", "against", "battl", "facing", "attack", "versus", "vs", "repel")


def without_opponents(text: str) -> str:
    """``text`` with the enemy named after a verb of fighting blanked out ("while fighting Ukrainian forces")."""
    return OPPONENT.sub(" ", text) if any(w in text for w in _FIGHT_HINTS) else text
