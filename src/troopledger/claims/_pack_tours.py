"""Tour lengths in the pack-driven reader: a length of time that a tour word makes the soldiers' stint.

Days, weeks and months are no figures to the number reader (``not_figures``); in a sentence that
speaks of a tour ("провели в России 120 дней", "rotation every six months" in a pack's words, cue
group ``tour``: a rotation word, or a verb of spending time where soldiers are named), a number of a
month or more right before a unit word of the pack's ``days``, ``weeks`` or ``months`` groups is
``rotation_interval_months``, converted to months.
"""

from __future__ import annotations

import re

from troopledger.claims._cues import find_cue
from troopledger.claims._packs import LanguagePack

__all__ = ["tour_lengths"]

#: Months per unit (a month is 30.44 days).
_PER = {"days": 1 / 30.44, "weeks": 7 / 30.44, "months": 1.0}
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3})(?![\d.,]\d)\s?")


def tour_lengths(low: str, pack: LanguagePack) -> list[tuple[int, int, float, str]]:
    """(start, end, months, as written) of each tour length in the lower-cased sentence ``low``."""
    said = [w for w in pack.cue("tour") if w in low and find_cue(low, w, pack) >= 0]
    rotation = any(w.startswith(("rot", "рот")) for w in said)
    if not said or not (rotation or any(w in low and find_cue(low, w, pack) >= 0 for w in pack.cue("troops"))):
        return []  # "провели переговоры": a verb of spending time is a tour only where soldiers spend it
    out = []
    for m in _NUMBER.finditer(low):
        rest = low[m.end() : m.end() + 12]
        unit = next((u for u in _PER for w in pack.cue(u) if rest.startswith(w)), None)
        if unit is None:
            continue
        end = m.end() + len(rest.split()[0]) if rest.split() else m.end()
        n = int(m.group(1))
        if n * _PER[unit] >= 0.9:  # a stint at the front lasts a month or more; "3 дні боїв" is no tour
            out.append((m.start(), end, round(n * _PER[unit], 2), low[m.start() : end]))
    return out
