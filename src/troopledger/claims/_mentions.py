"""Mentions: the figures of one sentence, with what kind of figure each is, and the non-figures left out.

A mention is a number read by ``_numbers`` plus what surrounds it: a currency
(symbol, code or word), a percent sign, a time unit or a "times"/"-fold" makes it
money, a share, a duration or a multiple; anything else is a count. Numbers that are
not quantities never become mentions: dates ("March 5", "26 February", "Feb. 23-26"),
years, ages, ordinals ("93rd"), unit and model names ("Kh-59", "Uran-6", "152mm",
"Salon Drip 2"), clock times, page counters ("1 of 2 |") and anything inside a URL or
e-mail address or an ISO date ("2025-08-22"). Two numbers joined by "to", a dash or "between ... and" are one range
("10,000 to 12,000", "25,000–30,000", "20-25 thousand"); an amount restated in another
currency ("RUB1.9mn ($22,000)", "50,000 rubles, which is equivalent to $841") is one
mention that keeps the source's own dollar figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from troopledger.claims._currency import CURRENCY_NAMES
from troopledger.claims._numbers import _UNITS, NumberMatch, find_numbers

__all__ = ["MAX_NUMBERS_PER_SENTENCE", "Mention", "find_mentions", "table_ranges"]

#: A "sentence" with more numbers than this is a table, a list of codes or noise, not
#: prose: it is skipped, which also keeps the work per sentence bounded.
MAX_NUMBERS_PER_SENTENCE = 40

_CODES = "USD|EUR|RUB|KRW|CNY|GBP|JPY|UAH|KPW"
_SYMBOL = re.compile(rf"(US\$|\$|€|£|₩|₽|₴|¥|\b(?:{_CODES})\s?|(?<![\w.])W)$")
_CUR_WORD = re.compile(
    r"^\s*(north\s+korean\s+won|(?:us|u\.s\.|american)\s+dollars?|dollars?|euros?|pounds?\s+sterling|won|rubles?|roubles?|yen|yuan|renminbi|"
    rf"hryvnias?|hryvnya|(?:{_CODES})\b)",
    re.I,
)
_PERCENT = re.compile(r"^\s*(%|percent\b|per\s*cent\b|pc\b|percentage\s+points?\b)", re.I)
_DURATION = re.compile(r"^\s*(-?)\s*(hours?|days?|weeks?|months?|years?)\b", re.I)
_MULTIPLE = re.compile(r"^\s*-?\s*(?:times|fold)\b", re.I)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_BEFORE = re.compile(rf"\b{_MONTHS}\.?\s*(?:\d{{1,2}}\s*(?:[-–]|and|to|through)\s*)?$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS}\b")
_AGE = re.compile(r"\b(?:aged|age\s+of|ages?)\s*$", re.I)
_AGE_AFTER = re.compile(r"^\s*-?\s*years?[\s-]*old\b|^\s*-\s*year-\s*old", re.I)
_GLUED_BEFORE = re.compile(r"[A-Za-z]-?$")
_RESOLUTION_AFTER = re.compile(r"^\s*(?:sanctions\s+)?(?:committee|resolution|regime)\b", re.I)
_RESOLUTION_BEFORE = re.compile(r"\b(?:resolutions?|UNSCR)\s+(?:no\.?\s*)?(?:\d{3,4}\s*(?:,|and)\s*)*$", re.I)
_CODE_BEFORE = re.compile(rf"(?:{_CODES}|(?<![\w.])W)$")  # "W2.7 million": the won
_NAME_BEFORE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:About|Some|Nearly|Around|Over|Up|Only|Just|At|Almost))[A-Z][a-z]+\s$"
)
#: "Kim Jong Un (40)", "the general, 61,": a small number alone in brackets or commas right after a name or a person.
_AGE_BRACKET = re.compile(
    r"(?:[A-Z][\w’'-]+|\b(?:general|leader|soldier|officer|defector|lawmaker|minister|man|woman))\s*[(,]\s*$"
)
_AGE_CLOSE = re.compile(r"^\s*(?:\)|,(?!\s*\d))")
#: A person's age told by a verb or a pronoun in commas: "a constituent who is 94", "who turned 42",
#: "One of them, 26, told".
_AGE_VERB = re.compile(r"\b(?:who\s+(?:is|was)|(?:he|she)\s+(?:is|was)|turned|turns|turning)\s*$", re.I)
_AGE_PRONOUN = re.compile(r"\b(?:them|him|her|whom|us)\s*,\s*$", re.I)
#: What names a numbered thing, not a quantity: "episode 143", "Footnote 42", "annex 4", "Article 4", "Figure 3".
_LABEL_BEFORE = re.compile(
    r"\b(?:episodes?|footnotes?|annex(?:es)?|articles?|paragraphs?|paras?|figures?|fig\.|tables?|chapters?|"
    r"sections?|pages?|p\.|no\.|nos\.|items?|vol\.|volumes?|issues?|seasons?|parts?|clauses?|rooms?|flights?|"
    r"routes?|highways?|exits?|platforms?|gates?)\s*$",
    re.I,
)
_LABEL_WORDS = frozenset(  # the last word before such a number, a cheap test before _LABEL_BEFORE
    re.findall(
        r"\S+",
        "episode episodes footnote footnotes annex annexes article articles paragraph paragraphs para paras figure "
        "figures fig. table tables chapter chapters section sections page pages p. no. nos. item items vol. volume "
        "volumes issue issues season seasons part parts clause clauses room rooms flight flights route routes highway "
        "highways exit exits platform platforms gate gates",
    )
)
#: A paragraph or list number opening a line: "17. The Team assesses ...", "3) Russia ...".
_NUMBERING_AFTER = re.compile(r"^[.)]\s+[A-Z(\"“]|^[.)]?\s*$")
#: A calibre with a space before its unit: "122 mm", "152 millimetre".
_CALIBRE_AFTER = re.compile(r"^\s*-?\s*(?:mm|millimet(?:er|re)s?|cal(?:ibre|iber)?\.?)(?![\w])", re.I)
#: "one US dollar bought 30,700 won", "$1 = 1,400 won": one unit of a currency priced in another.
_RATE_BASE_AFTER = re.compile(
    r"^\s*(?:(?:US|U\.S\.|American)\s+)?(?:dollars?|euros?|yuan|rubles?|roubles?)?\s*(?:=|bought|buys|fetched|fetches|"
    r"(?:was|is)\s+worth|equals?|equalled|traded\s+(?:at|for)|exchanged\s+for|sold\s+for)\s",
    re.I,
)
#: Minutes and seconds: the time a speaker has left or a drive takes, never a quantity of the war.
_SHORT_TIME_AFTER = re.compile(r"^\s*-?\s*(?:minutes?|mins?|seconds?|secs?)\b", re.I)
#: A day that a sentence split left at the start of a sentence: "27, 2025 08:52" after "March.".
_DAY_YEAR = re.compile(r"^\s*,\s*(?:19|20)\d\d\b")
_TIME_AFTER = re.compile(r"^(?::\d|\s*(?:a\.?m\.?|p\.?m\.?)\b)", re.I)
_PAGE = re.compile(r"^\s*of\s+\d+\s*\||^\s*\|")
_URL_HINT = re.compile(
    r"(?=[/@w\d+])(?:[/@]|www\.|\d[-/:]\d|\d\.\d+\.\d|\+\d)|^\s*\d{1,2}\.\d\d"
)  # first character tested first
#: URLs, e-mail addresses and the shapes of dates and clock times, masked whole: "2025-08-22", "2025/12/08",
#: "2026.1.1", "27.03.2025", "12/08/25", "08:52", "14:05:33"; telephone numbers ("+44 20 7946 0321").
_URL = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+|\]\(\S+|\b\d{4}-\d{2}(?:-\d{2})?\b|\+\d{1,3}(?:[ \u00a0.-]?\(?\d{1,5}\)?){2,}|"
    r"(?<![\d.,])\d{4}[/.]\d{1,2}[/.]\d{1,2}\b|(?<![\d.,])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b(?![.,]\d)|"
    r"(?<![\d.,:])\d{1,2}:\d{2}(?::\d{2})?\b(?!:\d)|"
    r"^\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?(?=\s*[:|–—-]\s)"  # a live blog's stamp: "14.45: ..."
)
_JOIN = re.compile(r"^\s*(?:-?to-?|-|–|—)\s*(?:US\$|\$|€|£|₩)?\s*$|^\s*(?:and|or)\s*(?:US\$|\$|€|£|₩)?\s*$")
_BETWEEN = re.compile(r"\b(?:between|from)\s*(?:US\$|\$|€|£|₩)?\s*$", re.I)
_CHANGE = re.compile(
    r"\b(?:rose|risen|rise|raised|increased?|grew|jumped|climbed|fell|fallen|dropped|doubled|surged|up)\b", re.I
)
_RESTATED = re.compile(
    r"^\s*(?:(?:a|per|each)\s+(?:month|year)|monthly|annually)?\s*[(\[,—–-]?\s*(?:(?:or|about|around|roughly|some|approximately|nearly|almost|worth|equivalent\s+to|"
    r"which\s+is\s+(?:equivalent|equal)\s+to|equal\s+to|i\.e\.)\s*)*$",
    re.I,
)
_SCALE_WORDS = re.compile(r"(thousand|million|billion|trillion|hundred|mn|bn|tn|m|k)$", re.I)
_FOLD = re.compile(r"\b(?P<n>[a-z]+)fold\b|\b(?P<v>doubl|tripl|quadrupl)(?:e[ds]?|ing)\b", re.I)
#: Substrings one of which a fold or verb multiple ("twelvefold", "doubled") needs: a cheap test first.
_FOLD_HINTS = ("fold", "doubl", "tripl", "quadrupl")
_VERB_TIMES = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0}
_NEGATIVE = re.compile(
    r"\b(?:fell|fall|falls|dropped|drop|declined?|contracted|shrank|down|decreased?)\s+(?:by\s+)?(?:about\s+)?$", re.I
)
_NEGATIVE_AFTER = re.compile(r"^\s*(?:fall|drop|decline|contraction|decrease)\b", re.I)
_WINDOW_BEFORE = re.compile(
    r"\b(?:past|last|next|first|within|since|in|over\s+the\s+(?:past|last|next)|(?:ongoing|going\s+on|lasted|lasting|"
    r"dragged\s+on)\s+(?:for\s+)?(?:nearly|almost|about|over|more\s+than)?)\s*$",
    re.I,
)
_ORDINAL_FRACTION = re.compile(
    r"^(?:.*\b(?:first|second|latter|former)\s+half\b.*|.*\b(?:a|the)\s+(?:third|quarter|fourth|fifth|tenth)\s+"
    r"(?!of\b)[a-z]+.*)$",
    re.I | re.S,
)
_WINDOW_AFTER = re.compile(r"^\s*(?:ago|later|earlier|before|after|period|old|running|in\s+a\s+row)\b", re.I)
_DURATION_NOUNS = re.compile(
    r"^\s*(?:[a-z]+\s+)?(?:deployment|tour|stint|mission|rotation|service|contract|shift|workday|package|trip|"
    r"holiday|cruise|course|visit|stay|leave)",
    re.I,
)  # "a 120-day deployment", "an eight-day package", "a three-to-four-day group tour": the length is the subject


@dataclass
class Mention:
    """One figure in a sentence: span, bounds, kind (money, share, duration, count, multiple) and unit."""

    start: int
    end: int
    low: float
    high: float
    kind: str
    currency: str = ""
    unit: str = ""
    text: str = ""
    scaled: bool = False
    words: bool = False
    source_usd: tuple[float, float] | None = None
    restated: str = ""


_COUNTED_AFTER_YEAR = re.compile(r"^\s*(?:troops|soldiers|people|workers|personnel)\b", re.I)


def _not_a_quantity(s: str, start: int, end: int, text: str, value: float, form: str) -> bool:
    before, after = s[max(0, start - 40) : start], s[end : end + 40]
    plain = form == "digits" and "," not in text and "." not in text and " " not in text
    if plain and 1900 <= value <= 2100 and not _SYMBOL.search(before):
        return not _COUNTED_AFTER_YEAR.match(after)  # a year
    if after[:1].lower() == "s" and not after[1:2].isalpha():
        return True  # "the 2000s"
    if form == "digits" and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after)):
        return True
    if _AGE.search(before) or _AGE_AFTER.match(after) or _TIME_AFTER.match(after):
        return True
    if _PAGE.match(after) and not before.rstrip().endswith("|"):  # a table cell ("| 479 | 794 |") is no page counter
        return True
    if (
        plain
        and value < 120
        and before.rstrip()[-1:] in ("(", ",")
        and _AGE_BRACKET.search(before)
        and _AGE_CLOSE.match(after)
    ):
        return True  # an age: "Kim Jong Un (40)", "the general, 61,"
    tail = before.rstrip()
    if (
        plain
        and value < 120
        and (
            (("turn" in before or "who" in before or "he " in before) and _AGE_VERB.search(before))
            or (tail.endswith(",") and _AGE_PRONOUN.search(before) and _AGE_CLOSE.match(after))
        )
    ):
        return True  # an age: "who is 94", "who turned 42", "One of them, 26, told"
    numbering = not before.strip() and _NUMBERING_AFTER.match(after)
    last = tail.rsplit(None, 1)[-1].lower() if tail else ""
    if plain and value < 1000 and ((last in _LABEL_WORDS and _LABEL_BEFORE.search(before)) or numbering):
        return True  # a numbered thing or a paragraph number: "episode 143", "Article 4", "17. The Team ..."
    if _CALIBRE_AFTER.match(after):
        return True  # a calibre written apart: "122 mm rounds", "152 millimetre shells"
    if value == 1 and _RATE_BASE_AFTER.match(after):
        return True  # the base of an exchange rate: "one US dollar bought 30,700 won", "$1 = 1,400 won"
    if _SHORT_TIME_AFTER.match(after):
        return True  # "twelve minutes left"
    if plain and value <= 31 and after[:1] == "," and _DAY_YEAR.match(after):
        return True  # a day before its year: "27, 2025"
    if form == "digits" and re.match(r"^(?:st|nd|rd|th)\b", after):
        return True  # an ordinal: "95th brigade"
    if plain and (_RESOLUTION_AFTER.match(after) or _RESOLUTION_BEFORE.search(before)):
        return True  # a UN resolution or its committee: "the 1718 sanctions committee", "Resolution 2270"
    glued = _GLUED_BEFORE.search(before) and not _CODE_BEFORE.search(before)
    if form == "digits" and (glued or re.match(r"^[A-Za-z]", after)):
        return True  # a model, unit or calibre: "Kh-59", "152mm", "31P"
    return form == "digits" and plain and value < 100 and bool(_NAME_BEFORE.search(before))


def _currency(s: str, start: int, end: int, doc_kpw: bool) -> tuple[str, int, int]:
    """(code, start, end) of the currency around a number, or ("", start, end)."""
    sym = _SYMBOL.search(s[max(0, start - 6) : start])
    if sym:
        key = sym.group(1).strip().lower()
        return (
            CURRENCY_NAMES.get(key, key.upper() if key.upper() in _CODES.split("|") else "USD"),
            start - len(sym.group(0)),
            end,
        )
    word = _CUR_WORD.match(s[end : end + 30])
    if word:
        w = " ".join(word.group(1).lower().split())
        code = "KPW" if w == "north korean won" or (w == "won" and doc_kpw) else CURRENCY_NAMES.get(w, w.upper())
        if w.startswith("pounds"):
            code = "GBP"
        elif w.endswith(("dollar", "dollars")):
            code = "USD"  # "2,000 US dollars"
        return code, start, end + word.end()
    return "", start, end


def _raw(s: str, doc_kpw: bool, numbers: list[NumberMatch], fold: bool) -> list[Mention]:
    urls = [(m.start(), m.end()) for m in _URL.finditer(s)] if _URL_HINT.search(s) else []
    out: list[Mention] = []
    for n in numbers:
        if any(a <= n.start < b for a, b in urls):
            continue
        if _not_a_quantity(s, n.start, n.end, n.text, n.value, n.form):
            continue
        after = s[n.end : n.end + 40]
        scaled = bool(_SCALE_WORDS.search(n.text.lower().replace(" ", "")))
        words = n.form == "words"
        pct = _PERCENT.match(after)
        if n.form == "fraction" and _ORDINAL_FRACTION.search(s[max(0, n.start - 12) : n.end + 20]):
            continue  # "a third wave", "the first half of the year": an ordinal or a time, not a share
        if n.form == "fraction" or pct:
            value = n.value if n.form == "fraction" else n.value / 100
            if _NEGATIVE.search(s[max(0, n.start - 30) : n.start]) or _NEGATIVE_AFTER.match(
                s[n.end + (pct.end() if pct else 0) :]
            ):
                value = -value
            end = n.end + (pct.end() if pct else 0)
            out.append(Mention(n.start, end, value, value, "share", text=s[n.start : end]))
            continue
        cur, start, end = _currency(s, n.start, n.end, doc_kpw)
        if cur:
            out.append(Mention(start, end, n.value, n.value, "money", cur, text=s[start:end], scaled=scaled))
            continue
        if _MULTIPLE.match(after):
            end = n.end + _MULTIPLE.match(after).end()  # type: ignore[union-attr]
            out.append(Mention(n.start, end, n.value, n.value, "multiple", unit="times", text=s[n.start : end]))
            continue
        dur = _DURATION.match(after)
        if dur:
            tail = s[n.end + dur.end() : n.end + dur.end() + 30]
            if _WINDOW_BEFORE.search(s[max(0, n.start - 30) : n.start]) or _WINDOW_AFTER.match(tail):
                continue  # a window of time ("over the past seven years", "two days later")
            if dur.group(1) and not _DURATION_NOUNS.match(tail):
                continue  # an adjective: "a five-year plan"
            end = n.end + dur.end()
            unit = dur.group(2).lower().rstrip("s")
            out.append(Mention(n.start, end, n.value, n.value, "duration", unit=unit, text=s[n.start : end]))
            continue
        out.append(Mention(n.start, n.end, n.value, n.value, "count", text=n.text, scaled=scaled, words=words))
    for m in _FOLD.finditer(s) if fold else ():
        key = (m.group("n") or "").lower()
        times = float(_UNITS[key]) if key in _UNITS else _VERB_TIMES.get((m.group("v") or "").lower())
        if times:
            out.append(Mention(m.start(), m.end(), times, times, "multiple", unit="times", text=m.group(0)))
    out.sort(key=lambda x: x.start)
    return out


def _merge_ranges(s: str, ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        if prev is None or prev.kind == "multiple" or m.kind == "multiple":
            out.append(m)
            continue
        gap = s[prev.end : m.start]
        lead = s[max(0, prev.start - 60) : prev.start]
        joined = _JOIN.match(gap) is not None
        needs_between = gap.strip().lower() in ("and", "or")
        if joined and needs_between and not _BETWEEN.search(lead):
            joined = False
        if joined and re.search(r"\bfrom\s*\S*$", lead, re.I) and _CHANGE.search(lead):
            joined = False  # "rose from 1,000 to 2,000": a change, not a range
        kinds_fit = (
            prev.kind == m.kind
            or (prev.kind == "count" and m.kind in ("money", "share", "duration"))
            or (prev.kind == "money" and m.kind == "count" and gap.strip() in ("-", "–", "to"))
        )
        if joined and kinds_fit:
            lo = prev.low
            if m.scaled and not prev.scaled and prev.low < m.low:
                factor = m.low / _bare(m.text)
                if prev.low * factor <= m.low:
                    lo = prev.low * factor  # "20-25 thousand"
            if m.kind == "share" and prev.kind == "count":
                lo = prev.low / 100
            lo, hi = sorted((lo, m.high))
            kind = "money" if prev.kind == "money" else m.kind
            out[-1] = Mention(
                prev.start, m.end, lo, hi, kind, m.currency or prev.currency, m.unit or prev.unit,
                s[prev.start : m.end], m.scaled, prev.words,
            )  # fmt: skip
            continue
        out.append(m)
    return out


def _bare(text: str) -> float:
    """The value of a number's digits without its scale ("25 thousand" -> 25)."""
    m = re.search(r"\d+(?:[.,]\d+)*", text)
    if m is None:  # words: "twelve thousand" -> 12
        head = re.split(r"[\s-]*\b(?:thousand|million|billion|trillion)\b", text, maxsplit=1, flags=re.I)[0]
        found = find_numbers(head) if head != text else []
        return found[0].value if found and found[0].value > 0 else 1.0
    try:
        return float(m.group(0).replace(",", "")) or 1.0
    except ValueError:
        return 1.0


def _merge_restated(s: str, ms: list[Mention]) -> list[Mention]:
    """An amount followed by the same amount in another currency is one mention."""
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == m.kind == "money"
            and prev.currency != m.currency
            and _RESTATED.match(s[prev.end : m.start])
            and not prev.restated
        ):
            if m.currency == "USD":
                prev.source_usd = (m.low, m.high)
            prev.restated = s[m.start : m.end]
            close = s.find(")", m.end, m.end + 3)
            prev.end = max(prev.end, close + 1 if close >= 0 else m.end)
            continue
        out.append(m)
    return out


def find_mentions(s: str, *, doc_kpw: bool = False) -> list[Mention]:
    """The figures of sentence ``s`` in order; ``doc_kpw`` reads a bare "won" as North Korean won."""
    numbers = find_numbers(s, limit=MAX_NUMBERS_PER_SENTENCE + 1)
    if len(numbers) > MAX_NUMBERS_PER_SENTENCE:
        return []
    low = s.lower()
    fold = any(hint in low for hint in _FOLD_HINTS)
    if not numbers and not fold:
        return []
    return _merge_restated(s, _merge_ranges(s, _raw(s, doc_kpw, numbers, fold)))


_TABLE_LOW = re.compile(r"\b(?:low|lower|min|minimum|from)\b", re.I)
_TABLE_HIGH = re.compile(r"\b(?:high|higher|upper|max|maximum|to)\b", re.I)


def table_ranges(text: str, row_start: int, row: str, mentions: list[Mention]) -> list[Mention]:
    """In a table row ("| Shells | 5.7 million | 6.7 million |") under a header naming a low and a high column,
    two figures in adjacent cells are one range; ``text`` is the document, the row starts at ``row_start``."""
    if not row.lstrip().startswith("|") or len(mentions) < 2:
        return mentions
    header = ""
    for line in reversed(text[:row_start].rstrip("\n").split("\n")[-60:]):  # the table's first line
        if not line.lstrip().startswith("|"):
            break
        header = line
    if not (_TABLE_LOW.search(header) and _TABLE_HIGH.search(header)):
        return mentions
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and a.kind == b.kind and re.fullmatch(r"\s*\|\s*", row[a.end : b.start]) and a.low <= b.high:
            out.append(replace(a, end=b.end, high=b.high, text=row[a.start : b.end]))
            i += 2
            continue
        out.append(a)
        i += 1
    return out
