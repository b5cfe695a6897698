"""Named people who speak in a sentence of a spaced-script pack: "sostiene Shin Beom-chul", "Sabine Amrhein meint".

Analysts, researchers and officials are quoted by name far more often than any list of sources
could hold. A person is taken as a sentence's speaker when the sentence names no source the pack
knows, and a capitalised name of two or three words stands right beside one of the pack's
``person_said`` verbs (before it or after it, maybe past a title: "meint die Koreanistin Sabine
Amrhein", "calcula a pesquisadora Jeong Eun-lee").
"""

from __future__ import annotations

import re
from functools import cache

from troopledger.claims._packs import LanguagePack

__all__ = ["person_speaker"]

_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆ"
_LOWER = "a-zß-öø-ÿłśżźćąęńó"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}{_LOWER}][{_LOWER}]+)?"
#: Two or three capitalised words, maybe with a particle between ("Ana de Souza", "Ursula von der Leyen").
_NAME = re.compile(
    rf"(?<![\w-])({_WORD}(?:\s+(?:de |da |do |dos |di |del |von |van |der |le |la )*{_WORD}){{1,2}})(?![\w-])"
)
_LAST_TWO = re.compile(rf"{_WORD}\s+(?:de |da |do |dos |di |del |von |van |der |le |la )*{_WORD}$")
#: How far from the verb the name may stand: a title or an apposition between them.
_REACH = 60


def person_speaker(sentence: str, pack: LanguagePack) -> str:
    """The person a verb of saying in ``sentence`` (original case) gives as speaking, or "".

    Names made of place or country words ("Corea del Norte") are no people; the pack lists those
    words as ``not_person``.
    """
    verbs = _verbs(pack)
    if verbs is None:
        return ""
    said = [(v.start(), v.end()) for v in verbs.finditer(sentence.lower())]
    if not said:
        return ""
    places = pack.cue("not_person")
    best, gap = "", _REACH + 1
    for m in _NAME.finditer(sentence):
        # the last two capitalised words: German capitalises the title before a name ("Koreanistin Sabine Amrhein")
        name = _LAST_TWO.search(m.group(1)).group(0)  # type: ignore[union-attr]
        first = name.split()[0].lower()
        if any(w.lower().startswith(places) for w in name.split()) or (m.start() == 0 and first in pack.function_words):
            continue
        for start, end in said:
            d = m.start() - end if end <= m.start() else start - m.end()
            between = sentence[min(end, m.end()) : max(start, m.start())]
            if 0 <= d < gap and not re.search(r"[.;:!?\d]", between):
                best, gap = name, d
    return best


@cache
def _verbs(pack: LanguagePack) -> re.Pattern[str] | None:
    """One pattern for the pack's ``person_said`` words, each a whole word."""
    words = sorted(pack.cue("person_said"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)") if words else None
