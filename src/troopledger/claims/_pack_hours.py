"""Hours worked a day in the glued scripts: a duration that is itself the figure (LABELS rule 1).

Clock times and hours are no figures to the number reader ("14時", "12小时"); a number right
before an hours word of the pack (cue group ``hours``: 時間, 小时) with a per-day word just before
it (cue group ``per_day``: 1日, 每天) is the length of a working day ("1日14時間以上働かされ",
"每天工作长达12小时"), ``other:hours_per_day``, with the bound words around it.
"""

from __future__ import annotations

import re

from troopledger.claims._cues import Context, bound
from troopledger.claims._figure import figure_fields
from troopledger.claims._packs import LanguagePack

__all__ = ["daily_hours"]

_NUMBER = re.compile(r"(?<![\d.,])(\d{1,2})(?![\d.,]\d)")


def daily_hours(low: str, pack: LanguagePack) -> list[tuple[int, int, dict[str, object]]]:
    """(start, end, claim fields) of each length of a working day in the lower-cased sentence ``low``."""
    hours, per_day = pack.cue("hours"), pack.cue("per_day")
    out: list[tuple[int, int, dict[str, object]]] = []
    for m in _NUMBER.finditer(low) if hours and per_day else ():
        word = next((w for w in hours if low.startswith(w, m.end())), "")
        n = int(m.group(1))
        if not word or not 2 <= n <= 24 or not any(w in low[max(0, m.start() - 8) : m.start()] for w in per_day):
            continue
        end = m.end() + len(word)
        side, said = bound(Context(low, m.start(), end, pack))
        hedge = {"lower": "more than", "upper": "up to"}.get(side, "about") if said else "none"
        fields = {"quantity": "other:hours_per_day", "unit": "hours per day", "hedge": hedge, "note": said}
        out.append((m.start(), end, {**fields, **figure_fields(side, float(n), float(n)), "confidence": 0.4}))
    return out
