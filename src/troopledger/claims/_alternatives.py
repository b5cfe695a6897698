"""Two alternatives ("3,000 or 5,000 more troops", "three or four thousand", "$2,000 or $3,000 a month"):
two claims (LABELS rule 6). The first figure has no noun of its own; it is read as if it stood where the
second does, and takes the second's scale word when it has none ("three or four thousand" is 3,000 or 4,000)."""

from __future__ import annotations

import re
from dataclasses import replace

from troopledger.claims._mentions import Mention

__all__ = ["alternative"]

_OR = re.compile(r"\s*or\s+(?:perhaps\s+|maybe\s+|possibly\s+|even\s+)?")
_SCALE_END = re.compile(r"\s(thousand|million|billion|trillion)$", re.I)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def alternative(sentence: str, mentions: list[Mention], k: int) -> tuple[str, Mention] | None:
    """The sentence with mention ``k`` standing in place of the alternative after it, and the mention there;
    ``None`` when mention ``k`` is not the first of two alternatives joined by "or"."""
    if k + 1 >= len(mentions):
        return None
    m, n = mentions[k], mentions[k + 1]
    if m.kind != n.kind or m.kind not in ("count", "money") or m.low != m.high:
        return None
    if not _OR.fullmatch(sentence, m.end, n.start):
        return None
    scale = _SCALE_END.search(n.text)
    if scale is not None and not m.scaled and m.high < 1000:
        f = _SCALES[scale.group(1).lower()]
        m = replace(m, low=m.low * f, high=m.high * f, scaled=True, text=f"{m.text} {scale.group(1)}")
    variant = sentence[: m.start] + m.text + sentence[n.end :]
    return variant, replace(m, end=m.start + len(m.text))
