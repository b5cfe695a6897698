"""Sentences of a passage in a language pack's script: full stops, CJK stops, and abbreviated scales."""

from __future__ import annotations

import re

from troopledger.claims._packs import LanguagePack

__all__ = ["pack_sentences"]

_SENTENCE = {
    True: re.compile(r"[^。！？!?\n]+[。！？!?]?"),
    False: re.compile(r"(?:[^.!?\n]|\.(?=\S|\s+[a-zа-яёіїєґäöüßéèàçñóúíãõłśżźąęć\d])|[.!?](?=[\d,]))+[.!?]?"),
}


def pack_sentences(text: str, start: int, end: int, pack: LanguagePack) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as absolute spans; a scale's abbreviating full stop ends none."""
    cjk = pack.code in ("ja", "zh")
    spans = [
        (start + m.start(), start + m.end()) for m in _SENTENCE[cjk].finditer(text[start:end]) if m.group().strip()
    ]
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _abbreviated(text[out[-1][0] : out[-1][1]], pack):
            out[-1] = (out[-1][0], e)  # "15 tys. Koreańczyków", "2 Mio. Soldaten": a scale's full stop ends nothing
        else:
            out.append((s, e))
    return out


def _abbreviated(sentence: str, pack: LanguagePack) -> bool:
    """Whether a sentence ends in an abbreviation of a scale or currency after a number ("15 tys.", "2 tys. dol.")."""
    words = sentence.lower().rstrip().split()
    if len(words) < 2 or not words[-1].endswith(".") or not any(ch.isdigit() for w in words[-3:-1] for ch in w):
        return False
    last = words[-1]
    units = (*pack.scales, *pack.percent, *(w for ws in pack.currencies.values() for w in ws))
    # an abbreviated scale ("тыс.", "Mio.", "mln."), not a whole word ending a sentence ("... 12 тисяч. Ще ...")
    return any(u.endswith(".") and last == u for u in units) or (
        last.rstrip(".") in pack.scales and len(last.rstrip(".")) <= 4
    )
