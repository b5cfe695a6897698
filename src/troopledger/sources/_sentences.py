"""Sentence splitting with character spans, tuned for news English.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets) followed
by white space and a capital, digit or opening quote, unless the word before is a
common abbreviation or an initial; a line break always ends a sentence. Pages that
lost the space after a full stop ("in battles.Kim said") are split there too when a
lower-case word of two letters or more ends before the stop (so "U.S.", "Re:Russia"
and "news.com" stay whole). A "sentence" longer than :data:`MAX_SENTENCE` characters
(a list or a run of numbers with no full stop) is cut at the last comma, semicolon or
space before the limit, which keeps the work per sentence bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_SENTENCE", "Sentence", "split_sentences"]

#: The longest piece of text treated as one sentence.
MAX_SENTENCE = 1500

_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "approx",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "inc",
        "corp",
        "co",
        "ltd",
    ]
)
#: Every break starts at a stop, a capital or a newline: testing that first lets most positions fail at once.
_END = re.compile(
    r"""(?=[.!?A-Z\n])(?:[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|(?=[A-Z][a-z])(?<=[a-z0-9]{2}[.!?])|\n+)"""
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its character span in the document text and the text itself."""

    start: int
    end: int
    text: str


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    return word in _ABBREV or (len(word) == 1 and text[j:dot].isupper())


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with spans such that ``text[s.start:s.end] == s.text``."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        if text[m.start()] == "." and m.group(0).startswith(".") and _abbreviation_before(text, m.start()):
            continue
        end = m.end() if text[m.start()] != "\n" else m.start()
        _append(out, text, start, end)
        start = m.end()
    _append(out, text, start, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        best = max(text.rfind(", ", start + MAX_SENTENCE // 2, cut), text.rfind("; ", start + MAX_SENTENCE // 2, cut))
        if best < 0:
            best = text.rfind(" ", start + MAX_SENTENCE // 2, cut)
        cut = best + 1 if best >= 0 else cut
        _append(out, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
