"""Month names of the languages with a pack, from Babel's locale data (CLDR), read on first use.

"im Oktober", "en octobre", "w październiku", "у жовтні", "с октября": a month word in the
case forms that follow "in" and "since". Babel gives each month's format form (the genitive
in Slavic languages, "октября") and stand-alone form ("октябрь"); the locative that follows
"in" ("октябре", "жовтні", "październiku") is derived from them by the one regular rule of
each language. Babel is imported only when an article in one of these languages asks for it;
English never does.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["day_month", "day_month_pattern", "month_pattern"]


def _locative(code: str, genitive: str, nominative: str) -> tuple[str, ...]:
    """The case forms after "in" that CLDR lacks: "октябре", "жовтні", "październiku" (the others are its own)."""
    if code == "ru":
        return (nominative[:-1] + "е" if nominative[-1:] in "ьй" else nominative + "е",)
    if code == "uk":
        return (genitive[:-3] + "ому",) if genitive.endswith("ого") else (genitive[:-1] + "і",)
    if code == "pl":
        if genitive.endswith("ego"):
            return (genitive[:-3] + "ym",)
        return (genitive[:-1] + "zie",) if genitive.endswith("ada") else (genitive[:-1] + "u",)
    return ()


@cache
def _forms(code: str) -> tuple[str, ...]:
    """Every form of every month name the reader knows in language ``code``, lower case."""
    from babel.dates import get_month_names

    fmt = get_month_names("wide", "format", locale=code)
    alone = get_month_names("wide", "stand-alone", locale=code)
    forms: set[str] = set()
    for i in range(1, 13):
        a, b = str(fmt[i]).lower(), str(alone[i]).lower()
        forms.update((a, b, *_locative(code, a, b)))
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def month_pattern(code: str, prepositions: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern for a month word of language ``code`` after one of ``prepositions`` (a day may stand between).

    Only whole month words match ("у травні", never "з травмами").
    """
    if not prepositions:
        return None
    forms = "|".join(re.escape(f) for f in _forms(code))
    preps = "|".join(re.escape(p) for p in sorted(prepositions, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{preps})\s+(?:\d{{1,2}}\.?\s+)?(?:{forms})(?!\w)")


@cache
def day_month_pattern(code: str) -> re.Pattern[str]:
    """A month word right after a day ("13 ene", "30 abr.", "4 nov", "12. Okt."): wide or abbreviated, a whole word."""
    from babel.dates import get_month_names

    short = {str(m).lower().rstrip(".") for m in get_month_names("abbreviated", "format", locale=code).values()}
    words = sorted({*_forms(code), *short}, key=len, reverse=True)
    return re.compile(r"\.?\s?(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def day_month(after: str, code: str) -> bool:
    """Whether ``after`` (the text after a day's number) opens with a month word of language ``code``."""
    return day_month_pattern(code).match(after.lower()) is not None
