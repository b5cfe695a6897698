"""Which number convention a text follows: a pack's own, or comma groups with a dot decimal.

Latin American Spanish (and some pages in other languages) writes "11,000 soldados" where the
pack's language groups with dots; the text's own numbers tell which convention it follows.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from troopledger.claims._packs import LanguagePack, load_pack

__all__ = ["text_convention"]

#: Comma-grouped thousands ("11,000"), dot-grouped ones ("11.000") and a decimal comma ("1,5").
_COMMA_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,.]\d)")
_DOT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,.]\d)")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?!\d)")


@cache
def _comma_grouping(code: str) -> LanguagePack:
    """The pack of ``code`` read with the English convention: comma groups, dot decimal."""
    return dataclasses.replace(load_pack(code), decimal=".", groups=",")


def text_convention(text: str, pack: LanguagePack) -> LanguagePack:
    """``pack``, or its comma-grouping twin when the text writes numbers that way.

    Latin American Spanish (and some pages in other languages) group thousands with commas
    ("11,000 soldados"): a text with comma-grouped numbers and neither a dot-grouped number nor
    a decimal comma ("1,5 millones") follows that convention.
    """
    if pack.decimal != "," or not _COMMA_GROUPED.search(text):
        return pack
    if _DOT_GROUPED.search(text) or _DECIMAL_COMMA.search(text):
        return pack
    return _comma_grouping(pack.code)
