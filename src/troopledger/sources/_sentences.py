"""Sentence splitting with character spans, tuned for news English.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets) followed
by white space and a capital, digit or opening quote, unless the word before is a
common abbreviation or an initial; a line break always ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

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
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n+""")


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
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
