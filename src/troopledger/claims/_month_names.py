"""Month names of the languages with a pack, from Babel's locale data (CLDR), read on first use.

"im Oktober", "en octobre", "w październiku", "у жовтні", "с октября": a month word in any of
its case forms. Babel gives each month's format form (the genitive in Slavic languages,
"октября") and stand-alone form ("октябрь"); their common start is a stem that the other case
forms share ("октябре", "жовтні", "październiku"). Babel is imported only when an article in
one of these languages asks for it; English never does.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["month_pattern"]


@cache
def _stems(code: str) -> tuple[str, ...]:
    from babel.dates import get_month_names

    fmt = get_month_names("wide", "format", locale=code)
    alone = get_month_names("wide", "stand-alone", locale=code)
    stems = []
    for i in range(1, 13):
        a, b = str(fmt[i]).lower(), str(alone[i]).lower()
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        stems.append(a[:n])
    return tuple(stems)


@cache
def month_pattern(code: str, prepositions: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern for a month word of language ``code`` after one of ``prepositions`` (a day may stand between).

    A stem of three letters or more takes an ending of up to four letters ("січні"); a shorter one ("ма" of
    "мая"/"май", "maj") one letter at most, so that "мало" is no month.
    """
    if not prepositions:
        return None
    forms = "|".join(
        re.escape(s) + (r"\w{0,4}" if len(s) >= 3 else r"\w?") for s in sorted(_stems(code), key=len, reverse=True)
    )
    preps = "|".join(re.escape(p) for p in sorted(prepositions, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{preps})\s+(?:\d{{1,2}}\.?\s+)?(?:{forms})(?!\w)")
