"""Korean shares written without a percent sign, and percentages that are growth rates.

"10분의 1" is a tenth and "3분의 2" two thirds (LABELS rule 7); "절반" (half) before a particle, bound or
hedge is a half, but not in "절반의 사실" (an idiom). A percentage followed in its clause by a verb of change
("3.7% 늘었다", "1.5% 줄었다") is a growth rate, negative for a fall (rule 8).
"""

from __future__ import annotations

import re

from troopledger.claims._cue_money import share_label
from troopledger.claims._cues import Context, bound, find_cue
from troopledger.claims._figure import figure_fields
from troopledger.claims._pack_streams import take_home_share
from troopledger.claims._packs import LanguagePack

__all__ = ["change_kind", "fractions"]

_FRACTION = re.compile(
    r"(?<!\d)(?P<den>\d{1,3})\s?분의\s?(?P<num>\d{1,2})(?!\d)|(?P<half>절반)(?=\s?(?:이|을|가량|정도|이상|넘|가까이|에|은|쯤|안팎))"
)
_CLAUSE = re.compile(r"[.。,，;:\"“”]|\d")


def fractions(low: str, pack: LanguagePack, said: str) -> list[tuple[tuple[int, int], dict[str, object]]]:
    """((start, end), claim fields) of every Korean fraction in the sentence ``low`` (``said``: its hedge word)."""
    if pack.code != "ko":
        return []
    out: list[tuple[tuple[int, int], dict[str, object]]] = []
    for m in _FRACTION.finditer(low):
        share = 0.5 if m.group("half") else int(m.group("num")) / int(m.group("den"))
        if not 0 < share <= 1:
            continue
        ctx = Context(low, m.start(), m.end(), pack)
        side, word = bound(ctx)
        hedge = {"lower": "more than", "upper": "up to"}.get(side, "about") if word else pack.hedges.get(said, "none")
        label = share_label(ctx) or "other:share"
        if label in ("state_share_of_pay", "other:share") and take_home_share(ctx):
            label = "other:soldier_take_home_share"  # "병사 손에 쥐어지는 건 그 10분의 1": what the soldier keeps
        written = "; ".join(w for w in (word, said) if w)
        fields: dict[str, object] = {"quantity": label, "unit": "fraction", "hedge": hedge, "confidence": 0.5,
                                     "note": f"hedge as written: {written}" if written else "",
                                     **figure_fields(side, share, share)}  # fmt: skip
        out.append(((m.start(), m.end()), fields))
    return out


def change_kind(ctx: Context) -> str:
    """``rise`` or ``fall`` when a verb of change follows a percentage in its own clause ("3.3% 성장한",
    "농림어업은 1.5% 줄었다"), else ``""``."""
    if not (ctx.pack.cue("rise") or ctx.pack.cue("fall")):
        return ""
    rest = _CLAUSE.split(ctx.sentence[ctx.end : ctx.end + 24], maxsplit=1)[0]
    hits = [(find_cue(rest, w, ctx.pack), k) for k in ("rise", "fall") for w in ctx.pack.cue(k)]
    found = sorted((i, k) for i, k in hits if i >= 0)
    return found[0][1] if found else ""
