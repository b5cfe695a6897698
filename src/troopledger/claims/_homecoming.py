"""People sent or gone home: the wounded flown back are not new casualties, and soldiers who returned home are
no longer the force in place (LABELS rule 15: ``other:troops_returned_home``, ``other:wounded_repatriated``)."""

from __future__ import annotations

import re

from troopledger.claims._inflect import verbs

__all__ = ["gone_home", "sent_home"]

#: A count of the wounded or dead sent back: "of the wounded were sent back", "have since been flown home".
_SENT_HOME = re.compile(
    r"^\s*(?:of\s+(?:the|them|those)\s+(?:\w+\s+)?(?:wounded|injured|sick)\s+)?[^.;]{0,40}?\b(?:sent|flown|taken|"
    r"brought|evacuated|repatriated|returned)\s+(?:back\b|home\b|to\s+North\s+Korea\b)|^[^.;]{0,60}?\b(?:repatriated|evacuated)\b",
    re.I,
)
#: The verb before the count that sends the wounded home: "brought home about 2,000 wounded", "evacuated 500".
_HOME_BEFORE = re.compile(
    rf"\b(?:(?:{verbs('bring', 'send', 'fly', 'take', 'return', 'ship')}|flew|flown)\s+(?:back|home)|"
    rf"{verbs('evacuate', 'repatriate')})\s+(?:\w+\s+){{0,2}}$"
)
#: Soldiers who went back after their tour: "had returned home after completing their service", "went home".
_GONE_HOME = re.compile(
    rf"^\s*(?:\w+\s+){{0,4}}?(?:{verbs('return', 'go', 'come', 'head', 'rotate')})\s+(?:back\s+)?(?:home|out)\b"
    r"|^\s*(?:\w+\s+){0,4}?(?:been\s+)?(?:sent|flown|brought)\s+(?:back\s+)?home\b",
    re.I,
)


def sent_home(window: str, tail: str) -> bool:
    """Whether a count of the wounded or dead is of people sent back home (the verb after or before the count)."""
    return _SENT_HOME.match(window) is not None or _HOME_BEFORE.search(tail) is not None


def gone_home(after_noun: str) -> bool:
    """Whether the soldiers counted went or were sent home ("… had returned home after their service")."""
    return ("home" in after_noun[:60] or " out" in after_noun[:60]) and _GONE_HOME.match(after_noun) is not None
