"""Sentences of a passage in a language pack's script: full stops, CJK stops, abbreviated scales and years, ordinals."""

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
        prev = text[out[-1][0] : out[-1][1]].rstrip() if out else ""
        ordinal = re.search(r"(?<![\d.,])\d{1,3}\.$", prev) is not None and bool(pack.not_figures)
        if out and (_abbreviated(prev, pack) or (ordinal and text[s:e].lstrip().lower().startswith(pack.not_figures))):
            out[-1] = (out[-1][0], e)  # "15 tys. Koreańczyków", "2 Mio. Soldaten", "11. Armii": no full stop
        else:
            out.append((s, e))
    return out


def _abbreviated(sentence: str, pack: LanguagePack) -> bool:
    """Whether a sentence ends in an abbreviation of a scale, currency or year after a number ("15 tys.", "2024 r.")."""
    words = sentence.lower().rstrip().split()
    if len(words) < 2 or not words[-1].endswith(".") or not any(ch.isdigit() for w in words[-3:-1] for ch in w):
        return False
    last = words[-1]
    if last in pack.not_figures and re.fullmatch(r"(?:19|20)\d\d", words[-2]):
        return True  # "od jesieni 2024 r. Pjongjang …", "в октябре 2024 г. КНДР …": the year's abbreviation
    units = (*pack.scales, *pack.percent, *(w for ws in pack.currencies.values() for w in ws))
    # an abbreviated scale ("тыс.", "Mio.", "mln."), not a whole word ending a sentence ("... 12 тисяч. Ще ...")
    return any(u.endswith(".") and last == u for u in units) or (
        last.rstrip(".") in pack.scales and len(last.rstrip(".")) <= 4
    )
