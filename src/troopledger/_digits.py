"""Digits of every script as ASCII: full-width, Arabic-Indic, Devanagari, mathematical bold ...

Used wherever a number or a date enters (article text, ``--date``, claim records), so
what is stored and compared is always ``0-9``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ascii_digits"]

#: A decimal digit that is not ASCII, or a full-width or Arabic separator.
_OTHER_DIGIT = re.compile(r"[^\D0-9]|[，．\u066b\u066c]")


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script as its ASCII digit (same length, same offsets).

    Full-width and Arabic thousands and decimal separators between digits become ``,`` and ``.``.
    """
    if text.isascii() or _OTHER_DIGIT.search(text) is None:
        return text  # the common case, found by one scan in C
    out: list[str] = []
    for ch in text:
        if ch.isdigit() and not ch.isascii():
            d = unicodedata.decimal(ch, None)
            out.append(str(d) if d is not None else ch)
        elif ch in "，．\u066c\u066b" and out and out[-1].isdigit():
            out.append("," if ch in "，\u066c" else ".")  # full-width and Arabic separators between digits
        else:
            out.append(ch)
    return "".join(out)
