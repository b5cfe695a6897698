"""Whose count it is, from the grammar of the glued scripts: a clause's subject and the counter after a number.

Korean, Japanese and Chinese name the owner of a count as the subject of its clause
("우크라이나군도 이 전선에 약 5만 명을 배치했다", "ウクライナ側も兵士約2万人を展開",
"俄羅斯目前在…部署的兵力約為5萬人"),
and say what is counted with the counter right after the number ("300여 가구" households,
"120門" guns). Both are read from the pack's ``subjects``, ``subject_marks`` and ``counter_kinds``.
"""

from __future__ import annotations

import re

from troopledger.claims._packs import LanguagePack

__all__ = ["clause_subject", "counter_kind"]

#: Clause breaks of the glued scripts (the ideographic space of a headline among them).
_BREAK = re.compile(r"[,，、;；:：()（）\u3000「」『』\"“”…]")
#: Chinese words that make a country the goal or place of an action, not its subject ("向俄罗斯派遣").
_NOT_SUBJECT_ZH = tuple("向对對赴往到给給于於从從与與和及")
#: "-odd" words and spaces that may stand between a number and its counter ("300여 가구", "120余门").
_ODD = "多余餘여 \u00a0"
#: Korean particles a counter may carry ("120여 문과", "300여 가구가").
_KO_PARTICLES = "과와을를이가은는의에도만씩,.)"


def clause_subject(sentence: str, start: int, end: int, pack: LanguagePack) -> str:
    """The owner (``russian``, ``ukrainian``, ``south_korean``) named as the subject of the figure's clause, or ``""``.

    The owner's word must carry a subject mark ("우크라이나군도 ", "ウクライナ側も", "俄羅斯目前"), and no word for
    North Korea may stand between it and the figure or in the rest of the figure's clause ("러시아는 북한군 1만
    명을" counts North Koreans).
    """
    if not pack.subjects:
        return ""
    head = _BREAK.split(sentence[:start])[-1]
    tail = re.split(r"[,，、;；。.\d]", sentence[end:], maxsplit=1)[0]
    north = pack.cue("north_korea")
    if any(w in tail for w in north):
        return ""
    joint = ""
    best, at = "", -1
    for owner, words in pack.subjects.items():
        for w in sorted(words, key=len, reverse=True):
            i = head.find(w)
            while i >= 0:
                rest = head[i + len(w) :]
                named = [rest.find(n) for n in north if n in rest]
                # "러시아가 북한군을 포함해 … 5만 명": Russia's force with the North Koreans in it (LABELS rule 12)
                joint = "joint" if named and any(x in rest[min(named) :] for x in pack.including) else joint
                ok = rest.startswith(pack.subject_marks) and not named
                if ok and pack.code == "zh" and head[i - 1 : i] in _NOT_SUBJECT_ZH:
                    ok = False
                if ok and (at < 0 or i < at):
                    best, at = owner, i
                i = head.find(w, i + 1)
    return best or joint


def counter_kind(sentence: str, end: int, pack: LanguagePack) -> str:
    """What the counter right after a number counts when it is not people (``households``, ``guns`` ...), or ``""``."""
    if not pack.counter_kinds:
        return ""
    if pack.code not in ("ko", "ja", "zh"):
        return _spaced_counter_kind(sentence[end : end + 48], pack)
    rest = sentence[end : end + 12].lstrip(_ODD)
    for kind, words in pack.counter_kinds.items():
        for w in words:
            if not rest.startswith(w):
                continue
            nxt = rest[len(w) : len(w) + 1]
            if pack.code == "ko" and nxt and "가" <= nxt <= "힣" and nxt not in _KO_PARTICLES:
                continue  # "문제", "가구점": a longer word, not the counter
            return kind
    return ""


def _spaced_counter_kind(after: str, pack: LanguagePack) -> str:
    """In spaced scripts, the kind of the noun right after a number, or after a Russian/Ukrainian adjective.

    "1.200 droni russi", "143 russischen Angriffen", "11 países", "700 chilometri quadrati": drones,
    attacks, countries and land are counted, not people; a person noun first ("3.000 soldados") ends it.
    """
    rest = after.lstrip(" \u00a0")
    persons = (*pack.counters, *pack.cue("troops"), *pack.cue("workers"))
    for i in range(2):
        for kind, nouns in pack.counter_kinds.items():
            if rest.startswith(nouns):
                return kind
        word = rest.split(" ", 1)[0]
        whose = (*pack.cue("russian_adj"), *pack.cue("ukrainian_adj"))
        if i or not word or word.startswith(persons) or not word.startswith(whose):
            return ""  # only a "whose" adjective may stand between: "143 russischen Angriffen"
        rest = rest[len(word) :].lstrip(" \u00a0")
    return ""
