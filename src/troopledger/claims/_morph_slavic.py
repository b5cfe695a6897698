"""Russian and Ukrainian word forms from their lemmas, by pymorphy3 and its OpenCorpora/VESUM dictionaries.

A pack names a cue once, as a lemma ("боец", "погибнуть", "находиться", "кремль"), under
``[lemmas]``; every case, number, tense and participle form of it is added to the cue group
as a word start, so "бойца", "погибших", "находились", "в Кремле" match without a hand list of
stems (a fleeting vowel, "боец"/"бойца", defeats any one stem). A phrase inflects its first
word ("лишиться жизни" → "лишились жизни"). pymorphy3 is imported only when a Russian or
Ukrainian pack is loaded, once per process; English never loads it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["MORPH_LANGUAGES", "inflect"]

#: The languages whose packs may declare lemmas (those pymorphy3 has dictionaries for).
MORPH_LANGUAGES = ("ru", "uk")


@cache
def _analyzer(code: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


@cache
def _forms(code: str, lemma: str) -> tuple[str, ...]:
    """Every form of ``lemma`` (a word in its dictionary form), lower case; the lemma alone when unknown."""
    parses = [p for p in _analyzer(code).parse(lemma) if p.normal_form == lemma and p.is_known]
    if not parses:
        return (lemma,)
    return tuple(sorted({f.word.replace("ё", "е") for p in parses for f in p.lexeme} | {lemma}))


def inflect(code: str, lemmas: tuple[str, ...], have: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The forms of ``lemmas`` (phrases inflect their first word) that no word start in ``have`` already covers."""
    out: list[str] = []
    for phrase in lemmas:
        head, _, rest = phrase.partition(" ")
        for form in _forms(code, head):
            word = f"{form} {rest}" if rest else form
            if not word.startswith(have) and word not in out:
                out.append(word)
    return tuple(out)
