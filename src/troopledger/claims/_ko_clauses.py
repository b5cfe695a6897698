"""Korean clause structure the pack-driven reader needs beyond its word lists.

Korean puts a count's noun before the number and joins clauses with particles rather than
punctuation: "1만1천 명과 2차 3천 명" (and), "1만 명이고 후속 병력은" (a copula's connective), a
bracketed programme tag "[KBC 라디오 930 뉴스]". Each helper is a pattern over one sentence (lower case).
"""

from __future__ import annotations

import re

__all__ = ["coordinated", "copula_end", "deployment_named", "in_bracket_tag", "joined"]

#: A Korean count of people joined to the next by "and" (과/와/및): "1만1천 명과 2차 3천 명".
_COORDINATED = re.compile(r"^\s?(?:여\s?)?명\s?(?:과|와|및)\s")
#: Words of the deployment anywhere in a sentence (the dispatch, the force, Russia, Kursk, the front, fighting): a
#: troop count there may be the force; a sentence with none of them speaks of soldiers at home.
_DEPLOYMENT = re.compile(r"파병|파견|북한군|北軍|러시아|쿠르스크|전선|전장|전투|싸우|러\s|露")
#: A copula's connective right after a counted noun: "1만 명이고", "1만1천 명이며", "정도이지만".
_COPULA_JOIN = re.compile(r"(?<=명|력|모|준|도|팎|량)(?:이며|이고|며|고|이지만|지만|이나)\s")
#: "And" after a counted figure: the words past it are the next item's ("사망자 300명과 부상자 2천700명").
_AND = re.compile(r"(?:명|개|발|문)\s?(?:과|와)\s|\s및\s")
#: The rest of a bracketed tag after a number with no counter: "930 뉴스]", not "2천 명 귀국\"]".
_TAG = re.compile(r"\s[^\]\[\n\d명]{1,12}\]")


def coordinated(after: str) -> bool:
    """Whether the text right after a count joins it to the next count ("명과 ", "명 및 ")."""
    return _COORDINATED.match(after) is not None


def joined(after: str, i: int) -> bool:
    """Whether an "and" stands in ``after`` before position ``i``: a cue past it is the next item's."""
    return _AND.search(after, 0, i) is not None


def copula_end(sentence: str, start: int, stop: int, code: str) -> int | None:
    """Where a Korean copula's connective ends the clause of a figure ending at ``start`` (searched up to ``stop``):
    "1만 명이고 후속 병력은 …"; None in other languages or when none does."""
    m = _COPULA_JOIN.search(sentence, start, stop) if code == "ko" else None
    return m.start() if m else None


def deployment_named(sentence: str) -> bool:
    """Whether the sentence speaks of the deployment at all (a word of dispatch, the force, Russia or the front)."""
    return _DEPLOYMENT.search(sentence) is not None


def in_bracket_tag(low: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` sits in a bracketed tag with no counter after it ("[MBS 8시 뉴스]")."""
    return _TAG.match(low, end) is not None and "[" in low[max(0, start - 30) : start]
