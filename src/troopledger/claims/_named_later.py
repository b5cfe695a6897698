"""A relay named after its figures: the lead's "a lawmaker said" is the "Rep. Yu ..., citing Budanov" of the
next sentences, so the figures the unnamed lawmaker gave come from Budanov, via Yu."""

from __future__ import annotations

import re

from troopledger.claims._attribution import Attribution
from troopledger.claims._record import Claim

__all__ = ["named_later"]

#: A speaker given by role alone, with no name: "a South Korean lawmaker", "the legislator", "an official".
_UNNAMED_ROLE = re.compile(
    r"^(?:a|an|one|the)\s+(?:[\w-]+\s+){0,3}(?:lawmaker|legislator|parliamentarian|MP|congressman|congresswoman|"
    r"senator|member\s+of\s+parliament)$",
    re.I,
)


def named_later(claims: list[Claim], since: int, relay: str, origin: Attribution) -> None:
    """Give the claims from character ``since`` on that an unnamed lawmaker spoke to ``origin``, via ``relay``."""
    for j, c in enumerate(claims):
        if c.span is None or c.span[0] < since or c.via or not _UNNAMED_ROLE.match(c.speaker):
            continue
        claims[j] = c.model_copy(
            update={
                "speaker": origin.speaker,
                "organisation": origin.organisation[:500],
                "speaker_kind": origin.kind,
                "via": [relay],
            }
        )
