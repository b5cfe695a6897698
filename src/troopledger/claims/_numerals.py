"""Numbers in every script a language pack reads: digits, grouping, decimal marks, scale words and CJK units.

:func:`ascii_digits` maps every Unicode decimal digit (full-width, Arabic-Indic,
Devanagari, mathematical bold ...) to ASCII one character for one, so spans stay
valid. :func:`find_figures` then reads each number of a text under one pack's
conventions: ``6.000`` is six thousand in German and six in English, ``1,2 млн`` is
1.2 million, ``10’000`` and ``12 000`` (thin or no-break space) are grouped,
``1,20,000`` is Indian grouping, ``28조 7000억`` and ``2兆8000億`` are summed units.
A number that could be read two ways, or that is a date, a clock time, an age, a
calibre, a model or resolution number, is not returned: read right or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from troopledger._digits import ascii_digits
from troopledger.claims._bound_verbs import before_words
from troopledger.claims._glued_figures import CJK_UNITS as _CJK_UNITS
from troopledger.claims._glued_figures import cjk_numeral, glued_figures
from troopledger.claims._month_names import day_month
from troopledger.claims._packs import LanguagePack

__all__ = ["Figure", "ascii_digits", "cjk_number", "find_figures", "parse_digits"]

_SPACES = "\u00a0\u202f\u2009\u2007 "
_APOSTROPHES = "'’"
#: One run of digits with single separators inside; a space joins only before exactly three digits.
_RAW = re.compile(r"\d+(?:(?:[,.'’\u00a0\u202f\u2009\u2007]|[ ](?=\d{3}(?!\d)))\d+)*")
#: Percent words that count tenths: zh 成, ja 割 ("九成" = 90 %, "3割" = 30 %).
_TENTHS = "成割"
#: The rest of a group of thousands before a bigger unit: the "200만" of "1천200만".
_GROUP = re.compile(r"(\d{1,3})(?:([백百])(\d{0,2}))?([만억조万萬億亿兆])")
#: "-odd" words that may stand between digits and a CJK unit ("600多万" = over six million).
_ODD = "多余餘여"
_DATE_NEAR = re.compile(r"^[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?|^\s*[:：]\d\d")
_TIME_BEFORE = re.compile(r"\d[:：]$")
_CLOCK_AFTER = re.compile(r"\s?h\s?\d\d(?!\d)")
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}\s?h\s?$")
#: Languages whose dates put the day before a month word ("13 ene", "4 NOV", "12. Okt.").
_DAY_MONTH = ("de", "fr", "es", "pt", "it", "pl", "ru", "uk")
#: A number glued to a Latin or Cyrillic letter, or after an ordinal prefix, is a name or an id.
_GLUED = re.compile(r"(?:[A-Za-z\u00c0-\u024f\u0400-\u04ff]|第|제)$")


@dataclass(frozen=True)
class Figure:
    """A number read in a text: span, text as written, value, and whether it is a percentage."""

    start: int
    end: int
    text: str
    value: float
    percent: bool = False
    scale: float = 1.0  # the scale word's multiplier ("1,7 mld" → 1e9), 1 when none


def parse_digits(raw: str, pack: LanguagePack, scaled: bool = False) -> float | None:
    """The value of a run of digits and separators under ``pack``'s conventions, or None when ambiguous.

    ``scaled`` says a scale word follows ("1,2 млн"), where a lone comma or dot is a decimal mark.
    """
    seps = [c for c in raw if not c.isdigit()]
    groups = re.split(r"[^\d]", raw)
    if not seps:
        return float(raw)
    grouping = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(set(seps)) == 1:
        sep = seps[0]
        if sep in _SPACES or sep in _APOSTROPHES:
            return float("".join(groups)) if grouping else None
        if len(seps) == 1 and (not grouping or (scaled and sep == pack.decimal)):
            return float(groups[0] + "." + groups[1]) if len(groups[1]) <= 3 or scaled else None
        if grouping and (sep in pack.groups or len(seps) > 1):
            return float("".join(groups))
        if sep == "," and len(seps) > 1 and len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1]):
            return float("".join(groups))  # Indian grouping: 1,20,000
        if grouping and len(seps) == 1 and sep == pack.decimal and sep == ",":
            return None  # "2,700" where the comma is the decimal mark: 2.7 or 2,700? not read
        if grouping and len(seps) == 1:
            return float(groups[0] + "." + groups[1])  # "6.000" where the dot is a decimal mark
        return None
    *head, last = seps
    mixed = len(set(head)) == 1 and head[0] != last and last in ".,"
    if mixed and all(len(g) == 3 for g in groups[1:-1]) and 1 <= len(groups[0]) <= 3:
        return float("".join(groups[:-1]) + "." + groups[-1])
    return None


@cache
def _marks(pack: LanguagePack) -> re.Pattern[str]:
    """A word after a number that makes it a date, time, age, calibre or unit name (one pattern per pack)."""
    words = sorted(pack.not_figures, key=len, reverse=True)
    return re.compile(r"[.\-]?\s?(?:" + "|".join(re.escape(w) for w in words) + ")", re.I)


@cache
def _scale_pattern(pack: LanguagePack) -> re.Pattern[str]:
    words = sorted(pack.scales, key=len, reverse=True)
    return re.compile(r"[ \u00a0\u202f\-]?(" + "|".join(re.escape(w) for w in words) + r")(?![a-zа-яёіїєґ])", re.I)


@cache
def _words_pattern(pack: LanguagePack) -> re.Pattern[str] | None:
    stems = sorted([*pack.number_words, *pack.scales], key=len, reverse=True)
    if not pack.number_words:
        return None
    one = "|".join(re.escape(w) + r"\w{0,4}" for w in stems if len(w) > 2)
    return re.compile(rf"(?<!\w)(?:{one})(?:[ \u00a0\-](?:{one}))*(?!\w)", re.I)


def _percent_after(text: str, end: int, pack: LanguagePack) -> int:
    """The end of a percent sign or word right after ``end``, or 0."""
    tail = text[end : end + 16].lower()
    m = re.match(r"\s?[%％]", tail)
    if m:
        return end + m.end()
    for w in pack.percent:
        if tail.lstrip(" \u00a0").startswith(w):
            return end + tail.index(w) + len(w)
    return 0


def cjk_number(text: str, start: int) -> tuple[float, int] | None:
    """A number of digits and CJK units starting at ``start`` ("28조 7000억", "1万2000", "2兆8000億")."""
    total, pos, last_unit, seen_unit, spaced = 0.0, start, float("inf"), False, False
    while True:
        m = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?").match(text, pos)
        if m is None:
            break
        value = float(m.group(0).replace(",", ""))
        after = m.end()
        if not seen_unit and text[after : after + 1] in _ODD and text[after + 1 : after + 2] in _CJK_UNITS:
            after += 1  # "600多万", "3천여만": "-odd" between the digits and their unit is still the unit's
        unit = _CJK_UNITS.get(text[after : after + 1])
        if unit is None:
            # the remainder after the last unit: "1만 2000", and glued after 천/千 too: "4천700" = 4,700
            floor = 1e3 if not spaced and m.end() - m.start() <= 3 else 1e4
            if seen_unit and last_unit >= floor and value < last_unit:
                total += value
                pos = after
            break
        if unit >= last_unit:
            break
        seen_unit = True
        # 천/千 after a bigger unit's remainder: "1만2천" = 12,000; "5억 2천만" = 520 million
        skip = 2 if text[after + 1 : after + 2] in _ODD and text[after + 1 : after + 2] else 1  # "3천여만", "3百多万"
        sub = _CJK_UNITS.get(text[after + skip : after + skip + 1])
        if sub is not None and sub > unit and sub < last_unit:  # also "3万亿" = 3 × 10^12
            value, unit, after = value * unit, sub, after + skip
        group = _GROUP.match(text, after + 1) if unit < 1e4 else None
        if group and _CJK_UNITS[group.group(4)] < last_unit:  # "1천200만" = 12 million, "3千500億", "2천4백만"
            rest = float(group.group(1)) * (100 if group.group(2) else 1) + float(group.group(3) or 0)
            value, unit, after = value * unit + rest, _CJK_UNITS[group.group(4)], group.end(4) - 1
        total += value * unit
        last_unit, pos = unit, after + 1
        nxt = re.compile(r"[ \u00a0]?(?=\d)").match(text, pos)
        if nxt is None:
            break
        spaced, pos = nxt.end() > pos, nxt.end()
    if not seen_unit:
        return None
    end = pos
    while end > start and text[end - 1] in " \u00a0":
        end -= 1
    return total, end


@cache
def _counter_words(pack: LanguagePack) -> tuple[str, ...]:
    return tuple(w for ws in pack.counter_kinds.values() for w in ws)


@cache
@cache
def _date_range(pack: LanguagePack) -> re.Pattern[str]:
    """The rest of a range of days: "8 e 13 de outubro", "3–5 мая", "10~12일"."""
    joins = "|".join(re.escape(w) for w in (*pack.range_words, *pack.range_pair))
    days = "|".join(re.escape(w) for w in pack.not_figures)
    return re.compile(rf"\s?(?:{joins})\s?(?:[^\W\d_]{{1,3}}\s)?\d{{1,2}}\.?\s?(?:{days})", re.I)


def _not_a_figure(text: str, start: int, end: int, raw: str, pack: LanguagePack) -> bool:
    """Dates, clock times, ages, calibres, models and ids: never figures."""
    before, after = text[max(0, start - 12) : start], text[end : end + 14]
    if raw.isdigit() and (
        (len(raw) <= 2 and int(raw) <= 24 and _CLOCK_AFTER.match(after)) or _CLOCK_BEFORE.search(before)
    ):
        return True  # "07h58", "12 h 18", "à 16 h 05": a clock time in the French style, hour and minutes
    if raw.isdigit() and len(raw) <= 2 and int(raw) <= 31 and pack.code in _DAY_MONTH and day_month(after, pack.code):
        return True  # "13 ene", "30 abr 2025", "4 NOV", "12. Okt.": a day before a month, abbreviated or not
    if _GLUED.search(before) and not re.search(r"(?:US|R|HK|NT|C|A)\$?$", before):
        return True  # glued to letters: M2010, epa07528535, sara0873, 第2, 제2375호
    if before[-1:] in "-" and before[-2:-1].isalpha():
        return True  # БТР-80
    glued = re.match(r"[a-z]+", after)
    if glued and not any(w.startswith(glued.group()) or glued.group().startswith(w) for w in pack.glued_ok):
        return True  # 76ee2f (a hash), 3000o (a pull-quote run into a word)
    dash = re.match(r"[\-–]\d{1,3}(?!\d)", after)
    reach = end + dash.end() if dash else end if re.search(r"\d[\-–]$", before) else -1
    scaled_range = reach >= 0 and bool(pack.scales) and _scale_pattern(pack).match(text, reach) is not None
    if not scaled_range and (_TIME_BEFORE.search(before) or _DATE_NEAR.match(after) or re.search(r"\d[.\-/]$", before)):
        return True  # (but "11-12 тысяч", "5–6 mil" is a range of thousands, not a date)
    if re.match(r"^\s?(?:mm|мм|cm|см|km/h|x\d|×)", after, re.I) or re.match(r"^\s?-?мм", after):
        return True
    if re.match(r"^[\-–][^\W\d_]{1,3}(?![^\W\d_])", after):
        return True  # an ordinal with its ending: "94-ї бригади", "3-го батальона", "11-й корпус"
    dotted = re.match(r"^\.\s([^\W\d_]+)", after)
    if dotted and pack.not_figures and dotted.group(1).lower().startswith(pack.not_figures):
        return True  # an ordinal written with a dot before a unit: "11. Armii", "80. Brygada"
    if re.match(r"^[)）]", after) and re.search(r"[(（]$", before):
        return True  # "(40)", "(23)", "（41）": an age or a day
    if pack.worth and after.lstrip().startswith(pack.worth):
        return False  # "33년치 식량": years' worth of something, a quantity
    if pack.counter_kinds and after.lstrip().startswith(_counter_words(pack)):
        return False  # "2차례에 걸쳐", "2回に分けて": a count of dispatches (LABELS rule 1), not "3차"/"2回目"
    marked = bool(pack.not_figures) and _marks(pack).match(after) is not None
    if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100 and not marked:
        rest = re.sub(r"^\s?[~〜～\-–]\s?\d[\d,.]*", "", text[end : end + 30].lower())
        joins = [w for w in pack.range_words if rest.startswith(w) and re.match(r"\s?\d", rest[len(w) :])]
        rest = re.sub(r"^\s?\d[\d,.]*", "", rest[len(joins[0]) :]) if joins else rest  # "2000至2300美元"
        odd = [w for w in pack.bounds.get("about_after", ()) if rest.startswith(w)]
        rest = rest[len(max(odd, key=len)) :] if odd else rest  # "2000余人", "2000여 명": "-odd" before the counter
        units = (*pack.counters, *pack.percent, "%", *(w for ws in pack.currencies.values() for w in ws))
        if rest.lstrip(" \u00a0").startswith(units) or before.rstrip().lower().endswith(before_words(pack)):
            return False  # "2000달러", "2000~3000명", "около 2000": a figure
        if re.search(r"(?:[$€£₩₽¥₴]|\b(?:usd|eur|rub|uah|pln))\s?$", before, re.I):
            return False  # "$2000", "€2000": a currency sign or code before it, an amount, never a year
        if rest.lstrip(" \u00a0").startswith(pack.not_figures):
            return True  # "1950–1953 годов": a range of years
        linking = "|".join(re.escape(w) for w in ("-", "–", *pack.range_words, *pack.range_pair))
        first = re.search(rf"(\d{{4}})\s?(?:{linking})\s?(?:[^\W\d_]{{1,3}}\s)?$", text[max(0, start - 16) : start])
        if first and 1900 <= int(first.group(1)) < int(raw):
            return True  # the end of a range of years: "1950–1953", "von 1950 bis 1953", "dal 1950 al 1953"
        other = re.match(rf"\s?(?:{linking})\s?(?:[^\W\d_]{{1,3}}\s)?(\d{{4}})(?![\d.,])", text[end : end + 16])
        if other and int(raw) < int(other.group(1)) <= 2100:
            return True  # "1950–1953 zginęły ...", "entre 1950 et 1953": a range of years, whatever follows
        nouns = (w for k in ("troops", "killed", "wounded", "casualties", "workers") for w in pack.cue(k))
        # "2024 reisten 13.221 Nordkoreaner": the noun is 13,221's; "Desde 2022, a ajuda militar": a clause's start
        own = re.split(r"[\d,;:]", rest[:30], maxsplit=1)[0]
        return not any(w in own for w in nouns)  # a year, unless what it counts follows
    word = re.search(r"([^\W\d_]{3,})\.?\s?$", before)
    if word and word.group(1).lower().startswith(pack.cue("id_before")) and raw.isdigit():
        return True  # "Статья 4 договора", "Artikel 4", "resolución 2397": a number naming a thing
    if word and word.group(1).lower() in pack.not_figures and raw.isdigit() and len(raw) <= 2:
        return True  # "March. 27", "le 12 mai" read from the other side: a day (never "janvier 3 000") after its month
    return marked


def find_figures(text: str, pack: LanguagePack) -> list[Figure]:
    """Every number of ``text`` (already :func:`ascii_digits`) read under ``pack``; unreadable ones are left out."""
    out: list[Figure] = []
    scale = _scale_pattern(pack) if pack.scales else None
    pos = 0
    for m in _RAW.finditer(text):
        if m.start() < pos:
            continue
        start, raw = m.start(), m.group(0).rstrip(" ")
        end = start + len(raw)
        unit_next = text[end : end + 1] in _CJK_UNITS or (
            text[end : end + 1] in _ODD and text[end + 1 : end + 2] in _CJK_UNITS
        )
        cjk = cjk_number(text, start) if unit_next else None
        mult = 1.0
        if cjk is not None:
            value, end = cjk
        else:
            sm = scale.match(text, end) if scale is not None else None
            parsed = parse_digits(raw, pack, scaled=sm is not None)
            if parsed is None:
                continue
            value, mult = parsed, 1.0
            if sm is not None:
                mult = pack.scales[sm.group(1).lower()]
                value *= mult
                end = sm.end()
        if _not_a_figure(text, start, start + len(raw), raw, pack) or _date_range(pack).match(text, end):
            continue
        p_end = _percent_after(text, end, pack)
        if p_end and text[p_end - 1] in _TENTHS:
            value *= 10  # "9成", "3割": tenths
        value = float(f"{value:.12g}")  # 4.1 × 1e9 is 4099999999.9999995 in binary
        out.append(Figure(start, p_end or end, text[start : p_end or end], value, bool(p_end), mult))
        pos = p_end or end
    if pack.collective:
        for c in re.finditer(r"(?<!\w)[^\W\d_][\w’']*", text):
            if c.group(0) in pack.collective:
                out.append(Figure(c.start(), c.end(), c.group(0), pack.collective[c.group(0)]))
        out.sort(key=lambda f: f.start)
    if pack.code in ("ja", "zh"):
        out.extend(_kanji_figures(text, out))
        out.sort(key=lambda f: f.start)
    if pack.code in ("ko", "ja", "zh"):  # "10명 중 4명꼴" (40 %, one figure, not two counts), "천여 명"
        for start, end, written, value, percent in glued_figures(text, pack.code):
            out = [f for f in out if not (percent and start <= f.start < end)]
            out.append(Figure(start, end, written, value, percent))
        out.sort(key=lambda f: f.start)
    words = _words_pattern(pack)
    if words is not None:
        for w in words.finditer(text):
            if any(f.start <= w.start() < f.end or w.start() <= f.start < w.end() for f in out):
                continue
            phrase = w.group(0).lower()
            prev = text[max(0, w.start() - 16) : w.start()].split()[-1:]
            if phrase.startswith(pack.cue("vague")) or (prev and prev[0].startswith(pack.cue("vague"))):
                continue  # "Hunderte Millionen Dollar", "mehrere hundert Millionen": vague, whatever follows
            start_w = w.start()
            if prev and prev[0] in _ONE and " " not in phrase and phrase in pack.lone_scales + _PLAIN_SCALES:
                start_w -= len(prev[0]) + 1  # "más de un millón": the article is the number one
            lone = " " not in phrase and "-" not in phrase and phrase not in pack.lone_scales
            lone = lone and _stem_value(phrase, pack.number_words) is None  # "тисячі", "Tausende": vague plurals
            bounded = (
                text[: w.start()]
                .rstrip()
                .endswith(tuple(b for k, v in pack.bounds.items() if "before" in k for b in v))
            )
            lone = lone and not bounded  # "близько тисячі", "более тысячи": a thousand (genitive singular)
            value_w = None if lone else words_value(phrase, pack)
            if value_w is not None and value_w < 1000:
                value_w *= _range_scale(text, w.end(), words, pack)  # "від трьох до п'яти тисяч": 3,000 to 5,000
            # below 1,000 in words, a figure only after a bound or hedge ("близько чотирьохсот загиблих"); else prose
            if value_w is not None and (value_w >= 1000 or (bounded and value_w >= 10)):
                p_end = _percent_after(text, w.end(), pack)  # "около десяти процентов": a share in words
                out.append(Figure(start_w, p_end or w.end(), text[start_w : p_end or w.end()], value_w, bool(p_end)))
        out.sort(key=lambda f: f.start)
    return out


#: The indefinite article standing for "one" before a lone scale word ("un millón", "eine Million", "um milhão").
_ONE = ("un", "une", "ein", "eine", "einer", "um", "uma", "uno", "una", "один", "одна", "одну", "jeden", "jedna")
_PLAIN_SCALES = (
    "millón",
    "million",
    "millionen",
    "milhão",
    "milione",
    "milion",
    "miljon",
    "миллион",
    "мільйон",
    "milliard",
    "miliard",
    "mil millones",
)


def _range_scale(text: str, end: int, words: re.Pattern[str], pack: LanguagePack) -> float:
    """The scale word ending the other end of a range in words that starts at ``end``, else 1."""
    for join in sorted((*pack.range_words, *pack.range_pair), key=len, reverse=True):
        m = re.compile(rf"\s?{re.escape(join)}\s?" if not join.isalpha() else rf"\s{re.escape(join)}\s").match(
            text, end
        )
        nxt = words.match(text, m.end()) if m is not None else None
        if nxt is not None and len(parts := nxt.group(0).lower().split()) > 1:
            scale = _stem_value(parts[-1], pack.scales)
            if scale is not None and scale >= 1000:
                return scale
    return 1.0


def words_value(phrase: str, pack: LanguagePack) -> float | None:
    """The value of a number in words ("шесть тысяч", "trois millions"), or None if a word is unknown."""
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[ \u00a0\-]+", phrase.lower()):
        unit = _stem_value(word, pack.number_words)
        mult = _stem_value(word, pack.scales)
        if mult is not None and (
            unit is None or len(_longest(word, pack.scales)) >= len(_longest(word, pack.number_words))
        ):
            total += (current or 1.0) * mult
            current, seen = 0.0, True
        elif unit is not None:
            current += unit
            seen = True
        else:
            return None
    return total + current if seen else None


def _longest(word: str, table: dict[str, float]) -> str:
    return max((s for s in table if word.startswith(s)), key=len, default="")


def _stem_value(word: str, table: dict[str, float]) -> float | None:
    stem = _longest(word, table)
    return table[stem] if stem and len(word) - len(stem) <= 4 else None


_KANJI = re.compile(
    r"(?<![一二两兩三四五六七八九十百千万萬億亿第数數几幾])[一二两兩三四五六七八九十百千万萬]+(?=[多余餘]?[人名发發批回])"
)
#: after a small CJK numeral: a count of people or dispatches ("九人が死亡", "分两批", "三回に分けて"), not "二人当たり"
_SMALL = re.compile(r"(?:[人名](?![当當あ称稱])|批|回に分|回にわた)")


_KANJI_TENTHS = re.compile(
    r"(?<![一二两兩三四五六七八九十百千万萬億亿第数數几幾])[一二两兩三四五六七八九十]{1,2}(?=[成割])"
)


def _kanji_figures(text: str, found: list[Figure]) -> list[Figure]:
    """Numbers in CJK numerals only: before a counter of people or dispatches ("千名", "九人", "两批"), or tenths."""
    out = []
    for m in _KANJI_TENTHS.finditer(text):
        read = cjk_numeral(text, m.start())
        if read is not None and read[1] == m.end() and 0 < read[0] <= 10:
            out.append(Figure(m.start(), m.end() + 1, text[m.start() : m.end() + 1], read[0] * 10, True))
    for m in _KANJI.finditer(text):
        read = cjk_numeral(text, m.start())
        small = read is not None and 2 <= read[0] < 100 and _SMALL.match(text, m.end()) is not None
        if read is None or read[1] != m.end() or (read[0] < 100 and not small):
            continue
        if not any(f.start <= m.start() < f.end for f in found):
            out.append(Figure(m.start(), m.end(), m.group(0), read[0]))
    return out
