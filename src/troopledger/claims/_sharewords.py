"""Share words: "most", "nearly all", "nothing" standing for the share of soldiers' pay the state keeps.

A sentence about soldiers' money that says the state keeps "nearly all of it", or that
"nothing" reaches the soldiers, holds a share without a number; the words table
(``WORD_SHARES``) turns the words into an interval. The share word a verb of keeping
or taking governs wins over one elsewhere in the sentence.
"""

from __future__ import annotations

import re

from troopledger.claims._inflect import verbs
from troopledger.claims._labels import WORD_SHARES, label_share

__all__ = ["word_shares"]

_SHARE_WORDS = re.compile(
    r"\b(?P<w>small\s+amount\s+or\s+(?:even\s+)?nothing|nearly\s+all|almost\s+all|the\s+bulk|much|most|all|nothing|"
    r"little)\b(?:\s+of\s+(?:the|this|their|its|it))?",
    re.I,
)
#: Cheap substring test before the share-word patterns run ("most", "all", "nothing" ...).
_SHARE_HINTS = ("most", " all", "nothing", "much", "little", "bulk", " any")
_MONEY_WORD = re.compile(
    rf"\b(money|{verbs('pay', 'earn')}|payments?|wages?|salar\w+|earnings|income|cash|compensation)\b", re.I
)
_KEPT_BEFORE = re.compile(
    rf"\b(?:{verbs('keep', 'take', 'pocket', 'withhold', 'seize', 'confiscate', 'retain', 'skim')})\s+(?:\w+\s+)?$",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|won[’']t)\s+(?:\w+\s+){0,2}(?:receive|get|see)\s+any\b", re.I)
_WORKERS = re.compile(r"\b(workers?|labou?rers?)\b", re.I)


def word_shares(s: str) -> list[tuple[str, bool, int]]:
    """Share words (and whether they speak of the soldiers' part) in a sentence about soldiers' money."""
    low = s.lower()
    if not any(w in low for w in _SHARE_HINTS) and not low.startswith("all"):
        return []
    if not _MONEY_WORD.search(s) or _WORKERS.search(s):
        return []
    out = []
    if _NEGATED.search(s) and re.search(r"\b(soldiers?|they|troops)\b", s, re.I):
        return [("nothing", True, _NEGATED.search(s).start())]  # type: ignore[union-attr]
    found = list(_SHARE_WORDS.finditer(s))
    # the share word a verb of keeping or taking governs wins over one elsewhere ("Most soldiers say the state
    # keeps nearly all of it" is "nearly all")
    found.sort(key=lambda m: not _KEPT_BEFORE.search(s, max(0, m.start() - 25), m.start()))
    for m in found:
        w = " ".join(m.group("w").lower().split()).replace(" even ", " ")
        key = "much of" if w == "much" else w
        if w == "much" and re.search(r"\b(?:as|how|so|too)\s+$", s[max(0, m.start() - 5) : m.start()], re.I):
            continue  # "as much as 85%" is a bound on a number, "How much ...?" a question: not the share word
        if key not in WORD_SHARES or (w == "all" and "all of" not in m.group(0).lower()):
            continue
        label, complement = label_share(s)
        to_soldiers = re.search(r"\b(goes|go|going|reach\w*)\s+to\s+the\s+soldiers|soldiers\s+(?:will\s+)?see", s, re.I)
        if label != "state_share_of_pay" and not to_soldiers:
            continue
        out.append((key, bool(to_soldiers) or complement, m.start()))
        break
    return out
