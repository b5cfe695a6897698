"""Numbers as news texts write them: digits, scale words, number words and fractions.

``parse_number`` reads one written number ("11,000", "2.76 million", "15-thousand",
"47-hundred", "four thousand", "a dozen", "two-thirds", "$22m") into a float;
``find_numbers`` finds every such number in a text with its character span, so the
extractor can work on positions rather than on copies of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from troopledger._digits import ascii_digits

__all__ = ["NUMBER_PATTERN", "NumberMatch", "find_numbers", "parse_number"]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}

_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_SCALE_WORDS = "thousand|million|billion|trillion"
_DEN_WORDS = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
#: Thousands may be grouped with commas ("12,000") or, as in much European copy, with a
#: single (no-break, thin) space ("12 000"); a bare run of digits with an optional decimal.
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # Indian grouping: 1,20,000 (tried once thousands fail)
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009\u2007]\d{3})+(?!\d|[,.]\d)"  # (no-break, narrow, thin, figure) spaces
    r"|\d+,\d{1,2}(?=[\s-]?(?:thousand|million|billion|trillion)\b)"  # a decimal comma before a scale: 2,5 thousand
    r"|\d+(?:\.\d+)?"
)

#: Digits right after a lone "W", the won as Korea's English-language press writes it ("W2.7 million",
#: "W150,000"): only with a scale word or thousands, so "W88" (a model) stays no number.
_WON_W = r"(?<=(?<![\w.])w)(?=\d[\d.]*\s?(?:million|billion|trillion|bn|mn|tn)\b|\d{1,3}(?:,\d{3})+)"

#: Alternatives, most specific first. Named groups tell ``parse_number`` which form matched.
NUMBER_PATTERN = (
    # a fraction in words: "two-thirds", "a third", "three quarters", "half"
    rf"(?P<frac>(?:(?:{_UNIT_WORDS}|a|one)[\s-]+(?:{_DEN_WORDS}))\b|\bhalf\b"
    # "two in five", "1 in 4", "nine out of ten": a share as a ratio of small numbers
    rf"|(?:{_UNIT_WORDS}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:{_UNIT_WORDS}|\d{{1,3}})\b(?![,.]\d))"
    # digits with an optional scale: "2.76 million", "15-thousand", "47-hundred", "$22m", "1.5bn"
    rf"|(?P<num>(?:(?<![\w.])|(?<=rub|usd|eur|krw|cny|gbp|jpy|uah|kpw)|{_WON_W})(?:{_DIGITS})(?:[\s-]?(?:{_SCALE_WORDS}|hundred)\b|(?:bn|mn|mln|tn|trn|[kmb])\b)?)"
    # number words: "four thousand", "twenty-five", "a hundred", "a dozen", "two hundred and fifty"
    rf"|(?P<words>\b(?:(?:{_UNIT_WORDS})|an?(?=[\s-]+(?:hundred|dozen|{_SCALE_WORDS})\b))"
    # "and" joins only after a hundred or a scale ("two hundred and fifty"), never two numbers ("two and three")
    rf"(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))[\s-]+and[\s-]+)"
    rf"(?:{_UNIT_WORDS}|hundred|dozen|{_SCALE_WORDS})\b)*\b"
    rf"|\bdozen\b)"
)
# Every form starts at a word boundary with a digit or the first letters of a number word
# ("thr", "fou", "a "), which lets the engine skip most positions at once.
# The look-ahead comes first: it fails at once on most characters, before the word-boundary test.
_LEAD = (
    r"(?=[0-9]|zer|one|two|thr|fou|fiv|six|sev|eig|nin|ten|ele|twe|thi|fif|for|hal|doz|"
    r"an?[\s-]+(?:hun|doz|tho|mil|bil|tri|thi|qua|fou|fif|ten|hal))"
    rf"(?:\b|(?<=rub|usd|eur|krw|cny|gbp|jpy|uah|kpw)|{_WON_W})"
)
#: Matched against the lower-cased text (a case-sensitive pattern is about three times
#: faster than the same pattern with IGNORECASE); spans carry over when lower-casing
#: keeps the length, which it does for everything but a few non-ASCII letters.
_NUMBER = re.compile(_LEAD + "(?:" + NUMBER_PATTERN + ")")
_NUMBER_ANY_CASE = re.compile(_LEAD + "(?:" + NUMBER_PATTERN + ")", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s-]+")
_RATIO = re.compile(r"^(\w+)\s+(?:in|out\s+of)\s+(\w+)$")
_DIGIT_SCALE = re.compile(rf"^({_DIGITS})[\s-]?([a-z]+)?$", re.IGNORECASE)
_GROUP_MARKS = re.compile(r"[ ,\u00a0\u202f\u2009\u2007]")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
#: Korean, Japanese and Chinese units right after digits in any text ("2억 won", "₩270만", "3万人").
_CJK_UNIT_AFTER = frozenset("조억만천万萬億亿兆")


def _digits_value(digits: str) -> float:
    """A run of digits as matched by the digit pattern: group marks dropped, a decimal comma read as a point."""
    if _DECIMAL_COMMA.match(digits):
        return float(digits.replace(",", "."))
    return float(_GROUP_MARKS.sub("", digits))


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text: its span, the text as written, its value and its form."""

    start: int
    end: int
    text: str
    value: float
    form: str  # "digits", "words" or "fraction"


def _words_value(words: list[str]) -> float:
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("and",):
            continue
        if w in ("a", "an"):
            current = current or 1.0
            seen = True
        elif w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif w == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif w in _SCALES:
            total += (current or 1.0) * _SCALES[w]
            current = 0.0
            seen = True
        else:
            raise ValueError(f"not a number word: {w!r}")
    if not seen:
        raise ValueError("no number words")
    return total + current


def _fraction_value(words: list[str]) -> float:
    if words == ["half"]:
        return 0.5
    if len(words) != 2 or words[1] not in _DENOMINATORS:
        raise ValueError(f"not a fraction: {' '.join(words)!r}")
    num = 1.0 if words[0] in ("a", "one") else float(_UNITS.get(words[0], -1))
    if num < 0:
        raise ValueError(f"not a fraction: {' '.join(words)!r}")
    return num / _DENOMINATORS[words[1]]


_CODE_PREFIX = re.compile(r"^(?:rub|usd|eur|krw|cny|gbp|jpy|uah|kpw)(?=\d)")


def parse_number(text: str) -> float:
    """The value of one written number ("2.76 million", "four thousand", "two-thirds", "$22m").

    A leading currency symbol is ignored. Raises ``ValueError`` if ``text`` is not a
    single number.
    """
    t = text.strip().lower().lstrip("$€£₩₽¥₴").strip()
    t = _CODE_PREFIX.sub("", t)
    if t[:1] in ("-", "\u2212") and _DIGIT_SCALE.match(t[1:].lstrip()):
        raise ValueError(f"{text.strip()[:40]!r} is negative: a claimed figure is a size, never below zero")
    m = _DIGIT_SCALE.match(t)
    if m:
        base = _digits_value(m.group(1))
        scale = m.group(2)
        if scale is None:
            return base
        if scale in _SCALES:
            return base * _SCALES[scale]
        if scale == "hundred":
            return base * 100
        if scale in _SUFFIX:
            return base * _SUFFIX[scale]
        raise ValueError(f"unknown scale {scale!r} in {text!r}")
    ratio = _RATIO.match(t)
    if ratio:
        num, den = (float(x) if x.isdigit() else float(_UNITS.get(x, -1)) for x in ratio.groups())
        if not 0 < num < den <= 100:
            raise ValueError(f"not a share: {text!r}")
        return num / den
    words = [w for w in _WORD_SPLIT.split(t) if w]
    if not words:
        raise ValueError("empty number")
    if words[-1] in _DENOMINATORS:
        return _fraction_value(words)
    return _words_value(words)


def find_numbers(text: str, limit: int | None = None) -> list[NumberMatch]:
    """Every written number in ``text``, left to right, with character spans (at most ``limit`` matches read)."""
    out: list[NumberMatch] = []
    text = ascii_digits(text)  # full-width, Arabic-Indic, bold ... digits, same offsets
    low = text.lower()
    matches = _NUMBER.finditer(low) if len(low) == len(text) else _NUMBER_ANY_CASE.finditer(text)
    for k, m in enumerate(matches):
        if limit is not None and k >= limit:
            break
        form = "fraction" if m.group("frac") else "digits" if m.group("num") else "words"
        raw = text[m.start() : m.end()]
        end = m.end()
        if form == "digits" and text[end : end + 1] in _CJK_UNIT_AFTER:
            from troopledger.claims._numerals import cjk_number  # loaded only for such a number

            read = cjk_number(text, m.start())
            if read is None:
                continue
            value, end = read
            out.append(NumberMatch(m.start(), end, text[m.start() : end], value, form))
            continue
        try:
            value = parse_number(raw)
        except ValueError:
            continue
        out.append(NumberMatch(m.start(), end, raw, value, form))
    return out
