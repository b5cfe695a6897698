"""Language identification of a document and of its passages, by script and function words.

Hangul is Korean; kana is Japanese; Han without kana is Chinese; Cyrillic is
Ukrainian when its own letters (і ї є ґ) outnumber Russian ones (ы э ъ ё), else
Russian; Latin text is the language whose function words (from its pack) are most
frequent. English is settled first from English function words alone, so an English
article loads no other pack. The choice against a statistical identifier (lingua)
is measured in ``docs/extraction.md``.
"""

from __future__ import annotations

import re
from functools import cache

from troopledger.claims._packs import load_pack

__all__ = ["identify", "identify_language", "passages"]

_LATIN_PACKS = ("de", "fr", "es", "pt", "pl", "it")
_WORD = re.compile(r"[^\W\d_]+")
_PUNCT = ".,;:!?\"'()[]«»“”‘’—–-"
#: A passage shorter than this many letters takes the language of the document.
_MIN_PASSAGE = 40
#: A passage in the document's script needs this many letters to be told apart from it (function words are few).
_OWN_LANGUAGE = 300
_FAMILIES = {"ko": "ko", "ja": "cjk", "zh": "cjk", "ru": "cyrillic", "uk": "cyrillic"}


def _family(code: str) -> str:
    return _FAMILIES.get(code, "latin")


_RANGES = {
    "hangul": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "uk": re.compile(r"[іїєґІЇЄҐ]"),
    "ru": re.compile(r"[ыэъёЫЭЪЁ]"),
}


_NOT_LATIN = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff\u0400-\u04ff]")


def _scripts(text: str) -> dict[str, int]:
    if text.isascii() or _NOT_LATIN.search(text) is None:
        return {"latin": 1, "hangul": 0, "kana": 0, "han": 0, "cyrillic": 0, "uk": 0, "ru": 0}
    return {name: len(p.findall(text)) for name, p in _RANGES.items()}


def _latin(text: str) -> str:
    en = _english()
    head = text[:1000].lower().split()
    if not head or sum(w.strip(_PUNCT) in en for w in head) >= 0.12 * len(head):
        return "en"  # most English articles are settled on their first lines
    words = _WORD.findall(text[:6000].lower())
    en_score = sum(w in en for w in words)
    best, score = "en", 0
    for code in _LATIN_PACKS:
        pack = load_pack(code)
        fw, own = set(pack.function_words), set(pack.letters)
        s = sum(w in fw or not own.isdisjoint(w) for w in words)
        if s > score:
            best, score = code, s
    # English unless another language's function words clearly outnumber its own (short texts stay English)
    return best if score >= 3 and score > 1.5 * en_score else "en"


@cache
def _english() -> frozenset[str]:
    return frozenset(load_pack("en").function_words)


def identify(text: str) -> str:
    """The ISO 639-1 code of the language most of ``text`` is in (``en`` when nothing says otherwise)."""
    c = _scripts(text[:20000])
    cjk = c["hangul"] + c["kana"] + c["han"]
    letters = 3 * cjk + c["cyrillic"] + c["latin"]  # one CJK character carries about a word
    if letters == 0:
        return "en"
    if 3 * c["hangul"] >= 0.2 * letters:
        return "ko"
    if 3 * cjk >= 0.2 * letters:
        return "ja" if c["kana"] >= 0.05 * cjk else "zh"
    if c["cyrillic"] >= 0.3 * letters:
        return "uk" if c["uk"] > c["ru"] else "ru"
    return _latin(text)


def identify_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text``, among the languages with a pack (``en`` by default)."""
    return identify(text)


def passages(text: str, default: str) -> list[tuple[int, int, str]]:
    """(start, end, language) for each paragraph of ``text``; short ones take ``default``."""
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[^\n]+", text):
        letters = sum(ch.isalpha() for ch in m.group(0))
        lang = identify(m.group(0)) if letters >= _MIN_PASSAGE else default
        if _family(lang) == _family(default) and letters < _OWN_LANGUAGE:
            lang = default  # a short paragraph in the same script keeps the page's language
        out.append((m.start(), m.end(), lang))
    return out
