"""Bound words before a figure in one order for every pack, and verbs of exceeding in any form.

``befores`` lists a pack's bound and approximation words written before a figure, longest first
(so "не более" is a ceiling though "более" ends it); ``bound_verb`` finds a verb of exceeding as
the last word before a figure, maybe past a linking word; ``negated_before`` tells a negated one.
"""

from __future__ import annotations

from functools import cache

from troopledger.claims._packs import LanguagePack

__all__ = ["before_words", "befores", "bound_verb", "negated_before"]

#: Negations before a verb of exceeding in the European languages ("n'a pas", "не", "nie", "nicht", "no", "não").
_NEGATIONS = ("pas", "не", "ні", "nie", "nicht", "kein", "no", "non", "não", "nao")


@cache
def befores(pack: LanguagePack) -> tuple[tuple[str, str], ...]:
    """(word, side) of every bound word written before a figure, longest first."""
    pairs = ((w, side) for side in ("lower", "upper", "") for w in pack.bounds.get(f"{side or 'about'}_before", ()))
    return tuple(sorted(pairs, key=lambda ws: len(ws[0]), reverse=True))


@cache
def before_words(pack: LanguagePack) -> tuple[str, ...]:
    """Every bound word written before a figure, longest first (the words of ``befores``)."""
    return tuple(w for w, _side in befores(pack))


def bound_verb(tail: str, pack: LanguagePack) -> str:
    """A verb of exceeding, in any tense or person, as the last word before a figure, maybe past a linking
    word ("dépassé les", "superato quota", "превысили отметку в"); the word as written, or ``""``."""
    stems = pack.cue("bound_verbs")
    if not stems:
        return ""
    words = tail.split()
    for link in sorted(pack.cue("bound_links"), key=len, reverse=True):
        n = len(link.split())
        if len(words) > n and " ".join(words[-n:]) == link:
            words = words[:-n]
            break
    last = words[-1].strip(",;:") if words else ""
    return last if last.startswith(stems) else ""


def negated_before(tail: str, verb: str) -> bool:
    """Whether one of the two words before ``verb`` at the end of ``tail`` negates it ("n'a pas dépassé")."""
    return any(w.strip(",;'’") in _NEGATIONS for w in tail[: tail.rfind(verb)].split()[-2:])
