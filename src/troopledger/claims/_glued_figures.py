"""Numbers of the glued scripts beyond digits with units: the units themselves, numbers in CJK numerals ("千萬",
"两万"), a share given as "M in N" people and a Korean unit alone with "-odd" ("천여 명"). Spans are returned plain;
``_numerals.find_figures`` makes them figures."""

from __future__ import annotations

import re

__all__ = ["CJK_UNITS", "cjk_numeral", "glued_figures"]

#: Units of the East Asian number system, largest first (Korean, Japanese, Chinese).
CJK_UNITS = {
    "조": 1e12, "억": 1e8, "만": 1e4, "천": 1e3, "백": 1e2,
    "兆": 1e12, "億": 1e8, "亿": 1e8, "万": 1e4, "萬": 1e4, "千": 1e3, "百": 1e2,
}  # fmt: skip
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9, "十": 10}  # fmt: skip

#: "M in N" people ("10명 중 4명", "10人に4人", "每10人中有4人"): a share, M / N.
_IN_EVERY = re.compile(r"(?:每)?(\d{1,3})\s?(?:명\s?중|人に|人中(?:就)?有?)\s?(\d{1,3})\s?[명人]")
#: A Korean unit alone with "-odd" before a counter of people ("천여 명", "만여 명"), not "수천" (thousands).
_HANGUL_UNIT = re.compile(r"(?<![\d가-힣])([천만])여\s?(?:명|병력)")


def glued_figures(text: str, code: str) -> list[tuple[int, int, str, float, bool]]:
    """(start, end, text, value, percent) of each such figure in ``text`` (lower case, ASCII digits)."""
    out: list[tuple[int, int, str, float, bool]] = []
    for m in _IN_EVERY.finditer(text):
        whole, part = float(m.group(1)), float(m.group(2))
        if 0 < part <= whole:
            out.append((m.start(), m.end(), m.group(0), round(part / whole * 100, 1), True))
    if code == "ko":
        for m in _HANGUL_UNIT.finditer(text):
            out.append((m.start(), m.start() + 1, m.group(1), CJK_UNITS[m.group(1)], False))
    return out


def cjk_numeral(text: str, start: int) -> tuple[float, int] | None:
    """A number in CJK numerals only ("千名", "两万", "九成"): (value, end), or None."""
    pos, total, current = start, 0.0, 0.0
    while pos < len(text) and (text[pos] in _CJK_DIGITS or text[pos] in CJK_UNITS):
        ch = text[pos]
        if ch in _CJK_DIGITS and ch != "十":
            current = current * 10 + _CJK_DIGITS[ch] if current and current < 10 else _CJK_DIGITS[ch]
        else:
            unit = CJK_UNITS.get(ch, 10.0)
            if unit >= 1e4:
                total = (total + current) * unit if total or current else unit  # "千萬" = 10 million, "万" = 10,000
            else:
                total += (current or 1.0) * unit
            current = 0.0
        pos += 1
    if pos == start:
        return None
    return total + current, pos
