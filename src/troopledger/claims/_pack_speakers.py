"""Who speaks in a sentence of the pack-driven reader: the sources a pack names, where they are named, which one speaks.

A pack's ``[organisations]`` (merged with ``common.toml``'s) are found once per article; a
sentence takes the names inside it, actors (the Kremlin) only beside a verb of saying, and
among several names the one its language marks as speaking ("据X", "X에 따르면", "Xは") comes
first. Datelines and credits ("(서울=연합뉴스)") name no speaker (``_datelines``).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from troopledger.claims._datelines import dateline_spans
from troopledger.claims._packs import LanguagePack

__all__ = ["according_to", "named_in", "organisations", "quoted_by", "sentence_names"]


def organisations(low: str, pack: LanguagePack) -> list[tuple[int, str]]:
    """(position, name) of every place a source the pack knows is named in ``low``, in text order.

    An article is scanned once per language; each sentence then takes the names inside it.
    """
    spans: list[tuple[int, int, str]] = []
    glued = pack.code in ("ja", "zh", "ko")
    credits = dateline_spans(low) if glued else []  # "(서울=연합뉴스)" places the story; it names no speaker
    present = set(low)  # a name whose first letter the text lacks (another script) is not looked for
    for name, w, pattern, stems in _plan(pack):
        if w[:1] not in present:
            continue
        if pattern is not None:
            # "национальная разведывательная служба" names it in every case ("…ной …ной службы"): the first and
            # last words' stems must be in the text; the first one's places each try of the pattern
            i = low.find(stems[0]) if stems[-1] in low else -1
            while i >= 0:
                m = pattern.match(low, i) if i == 0 or not low[i - 1].isalnum() else None
                if m is not None:
                    spans.append((i, m.end(), name))
                i = low.find(stems[0], i + 1)
            continue
        i = low.find(w)
        while i >= 0:
            if w.isascii():
                ok = _whole(low, i, len(w)) or (len(w) >= 5 and _starts(low, i))
            else:  # a Cyrillic or accented name starts a word: "гур" in "фигура" is no source
                ok = glued or i == 0 or not low[i - 1].isalpha()
            if ok and not any(a <= i < z for a, z in credits):
                spans.append((i, i + len(w), name))
            i = low.find(w, i + 1)
    # a generic word inside a longer name of another source is that source's ("ukrainischen Geheimdienstes":
    # the Ukrainian service, not the bare "Geheimdienst" that names Seoul's)
    spans.sort()
    starts = [sp[0] for sp in spans]
    reach = max((f - s for s, f, _n in spans), default=0)
    out = [
        (i, name)
        for i, e, name in spans
        if not any(
            n != name and e <= f and f - s > e - i
            for s, f, n in spans[bisect.bisect_left(starts, i - reach) : bisect.bisect_right(starts, i)]
        )
    ]
    return sorted(set(out))


#: Languages whose names decline: a name of several words is found in any case ending of each word.
_INFLECTED = ("ru", "uk", "pl")


def _declines(first: str, code: str) -> bool:
    """Whether a name starting with ``first`` is written in the script of ``code`` (Cyrillic for Russian and
    Ukrainian, Latin for Polish), so declines there; a name in another script is found as written."""
    cyrillic = "\u0400" <= first <= "\u04ff"
    return first.isalpha() and (cyrillic if code in ("ru", "uk") else not cyrillic)


@cache
def _plan(pack: LanguagePack) -> tuple[tuple[str, str, re.Pattern[str] | None, tuple[str, ...]], ...]:
    """Each (source, alias) of ``pack`` with, for a name of several words that declines in the pack's language,
    its pattern and stems (``_inflected``); built once per pack."""
    out = []
    for name, words in pack.organisations.items():
        for w in words:
            declines = pack.code in _INFLECTED and " " in w and _declines(w[0], pack.code)
            pattern, stems = _inflected(w) if declines else (None, ())
            out.append((name, w, pattern, stems))
    return tuple(out)


#: Endings a word of a name may change (vowels, soft signs, "й"; Polish "ego", "ej").
_ENDING = "аеёиоуыэюяйьіїєґaeiouyąęó"


@cache
def _inflected(alias: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A pattern for ``alias`` whose words of four letters or more end in any case ending, and the stems of its
    words (the first one's places each try of the pattern, at the start of a word)."""
    parts, stems = [], []
    for w in alias.split(" "):
        stem = w
        while len(stem) > 4 and len(w) - len(stem) < 3 and stem[-1] in _ENDING:
            stem = stem[:-1]
        stems.append(stem)
        parts.append(re.escape(stem) + (r"\w{0,4}" if len(w) >= 4 else ""))
    return re.compile(" ".join(parts)), tuple(stems)


def named_in(hits: list[tuple[int, str]], start: int, end: int) -> list[str]:
    """The sources named between ``start`` and ``end``, each once, in the order they are first named."""
    lo = bisect.bisect_left(hits, (start, ""))
    names: list[str] = []
    for i, name in hits[lo:]:
        if i >= end:
            break
        if name not in names:
            names.append(name)
    return names


def _starts(low: str, i: int) -> bool:
    """A name of five letters or more may take an ending ("Geheimdienstes"), but must start a word."""
    return i == 0 or not low[i - 1].isalnum()


def _whole(low: str, i: int, n: int) -> bool:
    return (i == 0 or not low[i - 1].isalnum()) and (i + n >= len(low) or not low[i + n].isalnum())


def sentence_names(
    text: str, s: int, e: int, hits: list[tuple[int, str]] | None, pack: LanguagePack, actors: set[str]
) -> list[str]:
    """The sources named in the sentence ``s:e`` (``hits``: the article's names, or None to scan the sentence)."""
    named = named_in(hits, s, e) if hits is not None else named_in(organisations(text[s:e].lower(), pack), 0, e - s)
    if actors & set(named) and not any(w in text[s:e].lower() for w in pack.saying):
        named = [n for n in named if n not in actors]  # "the Kremlin uses the shells": an actor, not a source
    if len(named) > 1 and pack.speaker_marks:
        low = text[s:e].lower()
        found = organisations(low, pack) if hits is None else [(i - s, n) for i, n in hits if s <= i < e]
        rank = dict.fromkeys(named, 2)
        for i, n in found:
            if n in rank:
                rank[n] = min(rank[n], _marked(low, i, pack))
        named = sorted(named, key=lambda n: rank[n])  # stable: the first named among equals
    return named


#: Where the words after a name stop speaking of it.
_NAME_END = re.compile(r"[,，、。.;；()（）\"“”「」\d]")


def _marked(low: str, i: int, pack: LanguagePack) -> int:
    """How clearly the name at ``i`` is the one speaking: 0 after "据" (according to), 1 before a mark such as
    "은", "에 따르면", "によると", "表示", 2 unmarked."""
    if pack.speaker_marks_before and low[max(0, i - 3) : i].endswith(pack.speaker_marks_before):
        return 0
    rest = _NAME_END.split(low[i : i + 16], maxsplit=1)[0]
    return 1 if any(rest.find(m) > 0 for m in pack.speaker_marks) else 2


def according_to(text: str, s: int, e: int, hits: list[tuple[int, str]], pack: LanguagePack) -> list[str]:
    """A relay the sentence gives as its source ("Według Radio Free Asia ...", "по данным Reuters"): the origin."""
    words = pack.cue("according")
    inside = hits[bisect.bisect_left(hits, (s, "")) : bisect.bisect_left(hits, (e, ""))]
    return [n for i, n in inside if text[max(s, i - 24) : i].lower().rstrip().endswith(words)][:1]


#: A paragraph that opens a quotation: a dash of direct speech or an opening quote mark.
_QUOTE_OPENERS = ("–", "—", "-", "„", "«", "“", '"', "»")


def quoted_by(
    text: str, start: int, sentences: list[tuple[int, int]], hits: list[tuple[int, str]], relays: set[str]
) -> str | None:
    """The source a quotation (a paragraph opened by a dash or quote mark) names in its last sentence, or None."""
    if len(sentences) < 2 or not text[start : sentences[0][1]].lstrip().startswith(_QUOTE_OPENERS):
        return None
    last = [n for n in named_in(hits, *sentences[-1]) if n not in relays]
    return last[0] if last else None
