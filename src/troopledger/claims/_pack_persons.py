"""Named people who speak in a sentence of a spaced-script pack: "sostiene Shin Beom-chul", "Sabine Amrhein meint".

Analysts, researchers and officials are quoted by name far more often than any list of sources
could hold. A person is taken as a sentence's speaker when the sentence names no source the pack
knows, and a capitalised name of two or three words stands right beside one of the pack's
``person_said`` verbs (before it or after it, maybe past a title: "meint die Koreanistin Sabine
Amrhein", "calcula a pesquisadora Jeong Eun-lee").
"""

from __future__ import annotations

import re

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
    verbs = pack.cue("person_said")
    if not verbs:
        return ""
    low = sentence.lower()
    places = pack.cue("not_person")
    best, gap = "", _REACH + 1
    for m in _NAME.finditer(sentence):
        # the last two capitalised words: German capitalises the title before a name ("Koreanistin Sabine Amrhein")
        name = _LAST_TWO.search(m.group(1)).group(0)  # type: ignore[union-attr]
        if any(w.lower().startswith(places) for w in name.split()) or (
            m.start() == 0 and name.split()[0].lower() in (pack.function_words)
        ):
            continue
        for v in verbs:
            for hit in re.finditer(rf"(?<!\w){re.escape(v)}(?!\w)", low):
                d = m.start() - hit.end() if hit.end() <= m.start() else hit.start() - m.end()
                between = sentence[min(hit.end(), m.end()) : max(hit.start(), m.start())]
                if 0 <= d < gap and not re.search(r"[.;:!?\d]", between):
                    best, gap = name, d
    return best
