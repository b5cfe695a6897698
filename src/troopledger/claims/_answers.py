"""A figure given as the answer to a question ("How many troops are there? About 11,000."): the question names it.

An explainer or an interview asks "How many North Korean soldiers have died?" and answers "Around
300, Kyiv says." The answer alone is a bare number; read with the question's noun and verb put back
("Around 300 North Korean soldiers have died, Kyiv says.") it is labelled like any sentence.
The pack-driven reader takes only the question's topic (troops or workers) for the paragraph below it,
and in Japanese and Chinese a headline's topic for the paragraphs under it.
"""

from __future__ import annotations

import re

from troopledger.claims._cues import find_cue
from troopledger.claims._packs import LanguagePack

__all__ = ["answered", "headline_topic", "question_topic"]

_QUESTION = re.compile(
    r"^\s*(?:(?:Q|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)\s*[:.)]\s*)?(?:(?:And|So|But|Then|Well|Now|Okay|OK),?\s+)?"
    r"How\s+(?P<how>many|much)\s+(?P<rest>[^?]{2,160})\?\s*$",
    re.I,
)
#: "How many troops has North Korea sent?": the auxiliary and the subject come before the verb.
_INVERTED = re.compile(
    r"^(?P<noun>(?:[\w-]+\s+){0,5}?)(?P<aux>has|have|had|did|does|do|will|would|could|can)\s+"
    r"(?P<subj>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|it|they|he|she|you)\s+(?P<verb>.+)$"
)
#: Words after the answer's figure that name no noun of its own: "Some 15,000 so far", "$2,000 a month".
_NO_NOUN = re.compile(
    r"\s*(?:a|per|each|every|so\s+far|in\s+all|in\s+total|to\s+date|now|currently|at\s+least|or\s+so|"
    r"or\s+more|according|last|this|by|since|as\s+of|at|in|on|from|to|with|for|initially|early|late)\b",
    re.I,
)
_LABEL = re.compile(r"^\s*(?:A|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)\s*[:.)]\s+(?=\S)")
_AUX_FIRST = re.compile(r"^(?:is|are|was|were|do|does|did|will)\s+", re.I)
#: An answer that opens with its figure: "About 11,000, ...", "A: Around 300 ...", "Roughly $2,000 a month".
_OPENS = re.compile(
    r"^\s*(?:(?:A|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)\s*[:.)]\s*)?(?:(?:about|around|roughly|some|approximately|nearly|almost|at\s+least|more\s+than|"
    r"over|up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|an\s+estimated)\s+)?(?:US)?[$€£₩]?\s*\d(?:[\d,.]*\d)?"
    r"(?:\s*(?:-|–|to)\s*[$€£₩]?\d(?:[\d,.]*\d)?)?(?:\s*(?:thousand|million|billion|k|m|bn))?",
    re.I,
)


def answered(question: str, answer: str) -> tuple[str, int, int] | None:
    """``answer`` with the question's words put in around its opening figure, and where the words put in start
    and end (figures there are the question's, not the answer's); ``None`` when it is no such answer."""
    if "?" not in question or "ow " not in question:
        return None
    q = _QUESTION.match(question)
    a = _OPENS.match(answer)
    if q is None or a is None:
        return None
    rest = q.group("rest").strip()
    inv = _INVERTED.match(rest)
    label = _LABEL.match(answer)
    head = answer[label.end() if label else 0 : a.end()]  # a transcript's "MS. DOE:" is no part of the answer
    tail = answer[a.end() :]
    if re.match(r"\s*[A-Za-z]", tail) and not _NO_NOUN.match(tail):
        return None  # "About 11,000 troops are ...": the answer names its own noun
    if inv is not None:  # "How many troops has Pyongyang sent" -> "Pyongyang has sent 11,000 troops"
        before = f"{inv.group('subj')} {inv.group('aux')} {inv.group('verb')} "
        noun = f" {inv.group('noun').strip()}"
        text = f"{before}{head.strip()}{noun}{tail}"
        return text, len(before) + len(head.strip()), len(before) + len(head.strip()) + len(noun)
    if q.group("how").lower() == "much":  # "How much are they paid?" -> "they paid About $2,000 a month"
        before = f"{_AUX_FIRST.sub('', rest)} "
        return f"{before}{head.strip()}{tail}", 0, len(before)
    return f"{head} {rest}{tail}", len(head), len(head) + len(rest) + 1


def question_topic(paragraph: str, pack: LanguagePack) -> str:
    """What a question paragraph asks a count of (``troops`` or ``workers``), for the answer below it, or ""."""
    low = paragraph.strip().lower()
    if not low.endswith(("?", "？")) or len(low) > 200:
        return ""
    return next(iter(_topics(low, pack)), "")


def headline_topic(text: str, first: tuple[int, int, str], pack: LanguagePack) -> str:
    """What a glued-script article's headline speaks of: ``troops`` ("北朝鮮のロシア派兵"), ``workers``, or ""."""
    named = _topics(text[first[0] : first[1]].strip().split("\n", 1)[0].lower(), pack)
    return named[0] if len(named) == 1 else ""


def _topics(low: str, pack: LanguagePack) -> list[str]:
    """The topics whose cue words ``low`` names, workers before troops."""
    return [k for k in ("workers", "troops") if any(find_cue(low, w, pack) >= 0 for w in pack.cue(k))]
