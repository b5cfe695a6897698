"""The basis of someone's arithmetic in a glued script: figures a speaker computes from, not claims (LABELS rule 2h).

"以派遣約1萬1000名士兵、每人每月2000美元計算，俄方每月需支付約2200萬美元" states two bases and one
result; "1人月2000ドル、1万1000人で計算すると" the same in Japanese. A basis frame runs from the start
of a clause (after an opening word such as 以/按 where the pack lists them) to a closing word of
computing (计算, で計算すると); every figure inside it is a basis, whatever its noun.
"""

from __future__ import annotations

from troopledger.claims._packs import LanguagePack

__all__ = ["basis_spans", "in_basis"]

#: Marks that end a clause before a basis frame opens.
_CLAUSE_MARKS = "，,。；;：:（(「"


def basis_spans(low: str, pack: LanguagePack) -> list[tuple[int, int]]:
    """(start, end) of every basis frame in the sentence ``low`` (empty when the pack lists no closing word)."""
    opens, closes = pack.cue("basis_open"), pack.cue("basis_close")
    spans: list[tuple[int, int]] = []
    for close in closes:
        j = low.find(close)
        while j >= 0:
            k = max(low.rfind(c, 0, j) for c in _CLAUSE_MARKS) + 1
            clause = low[k:j]
            lead = len(clause) - len(clause.lstrip())
            if not opens or clause.lstrip().startswith(opens):
                spans.append((k + lead, j))
            j = low.find(close, j + len(close))
    return spans


def in_basis(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the figure ``start:end`` lies inside one of the basis frames ``spans``."""
    return any(a <= start and end <= b for a, b in spans)
