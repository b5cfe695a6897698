"""Clauses of the glued scripts (Korean, Japanese, Chinese): which clause a cue word belongs to.

Modifiers come before their noun in these languages, so a cue word after a figure that opens
another clause with its own number ("约1.1万人驻扎在当地，死亡人数至少2000人") is that number's, and a
wave word that a nearer running-total or stock word, or the figure's own verb, separates from the
figure modifies another noun ("추가로 투입해 전체 파병 규모가 1만5천명").
"""

from __future__ import annotations

import re

from troopledger.claims._packs import LanguagePack

__all__ = ["CLAUSE", "bound_before", "leads_figure", "wave_shadowed"]

#: Clause breaks of the glued scripts: punctuation, brackets, quotes, the ideographic space of a headline, "…".
CLAUSE = re.compile(r"[,，、;；:：()（）\u3000「」『』…]")
_DIGIT = re.compile(r"\d")


def leads_figure(sentence: str, pos: int) -> bool:
    """Whether a number follows ``pos`` of ``sentence`` inside the same clause."""
    return bool(_DIGIT.search(CLAUSE.split(sentence[pos:], maxsplit=1)[0]))


def wave_shadowed(before: str, after: str, pack: LanguagePack) -> bool:
    """Whether a wave word in ``before`` (the figure's clause before it) speaks of another noun than the figure.

    So when a running-total or stock word stands nearer the figure ("추가로 투입해 전체 파병 규모가 1만5천명"),
    or when the figure's own verb after it keeps a stock or a total and the wave word stands words away, on the
    means ("후속 부대 파견으로 … 규모를 1만명 이상으로 유지"); never when a wave word follows the figure ("1만 명을
    추가로 보냈다") or stands right before it ("추가로 1만 명을 배치").
    """
    if any(w in after for w in pack.cue("wave")):
        return False
    last = {k: max((before.rfind(w) for w in pack.cue(k)), default=-1) for k in ("wave", "cumulative", "stock")}
    if max(last["cumulative"], last["stock"]) > last["wave"] >= 0:
        return True
    own = CLAUSE.split(after)[0]
    own_verb = any(w in own for k in ("cumulative", "stock") for w in pack.cue(k))
    return own_verb and 0 <= last["wave"] < len(before) - 8


def bound_before(tail: str, pack: LanguagePack) -> tuple[str, str] | None:
    """(side, word) of a bound word before an approximation ("最多約1萬5000美元", "최소 약 2천 명") or, in Chinese and
    Japanese, a few words before the figure in its clause ("至少抽走其中九成"); None when neither is there."""
    b = pack.bounds
    abouts = sorted(b.get("about_before", ()), key=len, reverse=True)
    bare = next((tail[: -len(w)].rstrip(" \u00a0") for w in abouts if tail.endswith(w)), "")
    for side, key in (("lower", "lower"), ("upper", "upper")):
        for w in b.get(f"{key}_before", ()) if bare else ():
            if bare.endswith(w) and (not w.isascii() or len(bare) == len(w) or not bare[-len(w) - 1].isalpha()):
                return side, w  # "最多約1萬5000美元", "최소 약 2천 명": the bound, with its approximation
    if pack.code in ("ja", "zh"):
        clause = CLAUSE.split(tail)[-1][-8:]
        for side, key in (("lower", "lower"), ("upper", "upper")):
            for w in b.get(f"{key}_before", ()):
                at = clause.rfind(w) if len(w) >= 2 else -1
                if at >= 0 and not _DIGIT.search(clause, at) and not clause.endswith(w):
                    return side, w  # "至少抽走其中九成": an adverbial bound a few words before its figure
    return None
