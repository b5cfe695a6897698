"""What the words around a figure say, through a language pack: bound, hedge, currency and quantity label.

Every function here is a pure lookup of the pack's cue lists around a position in
one sentence, so the same rules serve every language; the labels are names from
the quantity vocabulary (``_vocabulary``) or ``other:<subtype>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from troopledger.claims._bound_verbs import befores as _befores
from troopledger.claims._bound_verbs import bound_verb, negated_before
from troopledger.claims._glued_clauses import bound_before, leads_figure, wave_shadowed
from troopledger.claims._ko_clauses import copula_end, joined
from troopledger.claims._packs import LanguagePack

__all__ = [
    "COUNTED",
    "MAX_FORCE",
    "Context",
    "bound",
    "count_label",
    "currency_of",
    "find_cue",
    "skip_units",
    "troop_label",
]

#: Which cue group names which count quantity: vocabulary names (``_vocabulary.QUANTITIES``) or ``other:`` ones.
COUNTED = {
    "killed": "casualties_killed",
    "wounded": "casualties_wounded",
    "casualties": "casualties_total",
    "troops": "troops_deployed",
    "workers": "other:overseas_workers",
    "munitions": "other:munitions",
    "prisoners": "other:pows_captured",
    "returned": "other:troops_returned_home",
    "tons": "other:tons",
    "barrels": "other:oil",
    "officers": "other:officers",
    "deserters": "other:deserters",
    "inhabitants": "other:population",
}
_CASUALTY = ("killed", "wounded", "casualties")
#: Currency signs and codes that may stand between a bound word and its number ("до $5,5 млрд").
_SIGN = re.compile(r"(?:us\$|r\$|[$€£₩₽¥₴]|usd|eur)\s?$")
#: A clause ends at a comma, a semicolon or the next number.
_CLAUSE_END = re.compile(r"[,，、;；:：\u3000…]|\d")
_DIGIT = re.compile(r"\d")
#: Chinese and Japanese verbs that may stand between a bound word and its number, longest first.
_CJK_VERBS = (
    "可获得", "可獲得", "获得", "獲得", "可达到", "可達到", "可达", "可達", "可以",
    "可能", "将", "將", "会", "會", "可",
)  # fmt: skip
#: Clause punctuation (not digits): a cue past it speaks of another clause.
#: Clause breaks of the glued scripts, the ideographic space of a headline among them.
_CJK_CLAUSE = re.compile(r"[,，、;；:：()（）\u3000「」『』…]")
_PUNCT = re.compile(r"[,，、;；:：()（）\u2013\u2014\"“”„«»「」『』]")


@dataclass(frozen=True)
class Context:
    """The text around one figure: the sentence (lower case) and the figure's span in it."""

    sentence: str
    start: int
    end: int
    pack: LanguagePack
    reach: int = 1

    @property
    def wide(self) -> int:
        """How many characters around a figure count as near (scripts without spaces pack more in), times ``reach``."""
        return self.reach * {"ja": 14, "zh": 12, "ko": 22}.get(self.pack.code, 48)

    def before(self, n: int | None = None) -> str:
        return self.sentence[max(0, self.start - (n or self.wide)) : self.start]

    def after(self, n: int | None = None) -> str:
        return self.sentence[self.end : self.end + (n or self.wide)]

    def near(self, kind: str, n: int | None = None) -> bool:
        """Whether a cue of group ``kind`` is within ``n`` characters of the figure."""
        words = self.pack.cue(kind)
        window = self.before(n) + " | " + self.after(n)
        return any(w in window and find_cue(window, w, self.pack) >= 0 for w in words)

    def anywhere(self, kind: str) -> bool:
        s = self.sentence
        return any(w in s and find_cue(s, w, self.pack) >= 0 for w in self.pack.cue(kind))


#: Languages whose cue stems are matched anywhere (no spaces between words, or nouns compounded with particles).
_GLUED = ("ja", "zh", "ko")


def find_cue(text: str, w: str, pack: LanguagePack, last: bool = False) -> int:
    """Where cue ``w`` occurs in ``text`` (the last place if ``last``), or -1.

    In spaced scripts a cue is a stem and must start a word: "ще" (another) is not the end of
    "вище" (higher), "tot" not the end of "Pivot". German compounds put the head noun last
    ("Elitesoldaten", "Bodentruppen"), so there a cue of five letters or more may end a word.
    """
    i = text.rfind(w) if last else text.find(w)
    if pack.code in _GLUED:
        # a glued cue inside a longer word that is not it: "兵" in "兵器" (weapons)
        for x in pack.not_cues.get(w, ()) if i >= 0 else ():
            while i >= 0 and text.startswith(x, i - x.index(w)):
                i = text.rfind(w, 0, i) if last else text.find(w, i + 1)
        return i
    if not w[:1].isalpha() or (pack.code == "de" and len(w) >= 5):
        return i
    while i > 0 and text[i - 1].isalpha():
        i = text.rfind(w, 0, i + len(w) - 1) if last else text.find(w, i + 1)
    return i


def skip_units(head: str, pack: LanguagePack) -> str:
    """``head`` (the text right after a figure) without a leading counter or currency word and spaces."""
    for _ in range(2):
        h = head.lstrip(" \u00a0")
        for link in pack.unit_links:
            h = h.removeprefix(link)
        for w in sorted((*pack.counters, *(c for cs in pack.currencies.values() for c in cs)), key=len, reverse=True):
            if h.startswith(w):
                h = h[len(w) :]
                break
        if h == head:
            break
        head = h
    return head.lstrip(" \u00a0")


def bound(ctx: Context) -> tuple[str, str]:
    """(side, hedge word): side is ``lower``, ``upper`` or ``""`` (a value, maybe with an approximation word)."""
    tail = _SIGN.sub("", ctx.before(30)).rstrip(" \u00a0")
    befores = tuple(w for k in ("lower", "upper", "about") for w in ctx.pack.bounds.get(f"{k}_before", ()))
    if ctx.pack.code in ("ja", "zh") and not tail.endswith(befores):  # "不到300人" is a bound word itself
        # a verb between the bound word and the number: "至少有600人", "最多可获得1万美元"
        tail = next((tail[: -len(v)] for v in _CJK_VERBS if tail.endswith(v)), tail)
        if tail[-1:] in "有了达達到为為是":
            tail = tail[:-1]
    head = ctx.after(30)
    heads = (head, skip_units(head, ctx.pack))
    b = ctx.pack.bounds
    early = bound_before(tail, ctx.pack)
    if early is not None:
        return early
    verb = bound_verb(tail, ctx.pack)
    if verb:
        # "ont dépassé les 700 000", "hanno superato quota 850.000"; negated, a ceiling: "n'a pas dépassé 34 millions"
        negated = negated_before(tail, verb)
        return ("upper" if negated else "lower"), verb
    # the longest bound word written before the figure wins, whatever its side: "не более" (no more than) is
    # a ceiling though "более" (more than) ends it, and so are "nicht mehr als", "no más de", "pas plus de"
    befores_all = _befores(ctx.pack)
    for w, side in befores_all:
        if tail.endswith(w) and (len(tail) == len(w) or not tail[-len(w) - 1].isalpha() or not w.isascii()):
            if side == "upper" and _changed_to(tail[: -len(w)], ctx.pack):
                return "", ""  # "rose to 1,000": the level reached, a value
            ups = [u for u in b.get("upper_after", ()) if heads[1].startswith(u)]
            if side == "upper" and ups and _changes_after(heads[1][len(ups[0]) :], ctx.pack):
                return "", ""  # "최대 2만 명까지 늘어날 수": a projected level, a value (LABELS rule 6)
            return side, w
    words = tail.split()
    lasts = {n: " ".join(words[-n:]) for n in (1, 2, 3, 4)}
    for w, side in befores_all:
        last = lasts.get(w.count(" ") + 1) or " ".join(words[-(w.count(" ") + 1) :])
        if w[-1:].isalpha() and last.startswith(w) and len(last) - len(w) <= 4 and last[:1].isalpha():
            return side, last  # a stem with its ending: "перевищує", "exceeded"
    for side, key in (("lower", "lower"), ("upper", "upper"), ("", "about")):
        for w in b.get(f"{key}_after", ()):
            at = next((h.find(w) + len(w) for h in heads if h.startswith(w)), -1)
            if at < 0 and ctx.pack.code == "ko" and key != "about" and w in heads[1][:9]:
                at = heads[1].find(w) + len(w)  # "3000여명을 넘어선": a particle and an adverb may stand between
            if at >= 0 and side == "upper" and _changes_after(heads[1][at:] if w in heads[1] else head[at:], ctx.pack):
                return "", ""  # "2만 명까지 늘어날 전망": the level it may grow to, a value (LABELS rule 6)
            if at >= 0:
                return side, w
    odd = next((ch for ch in "多余餘여" if ch in ctx.sentence[ctx.start : ctx.end]), "")
    return ("", odd) if odd and ctx.pack.code in _GLUED else ("", "")  # "600多万": "-odd" inside the number


def _changes_after(rest: str, pack: LanguagePack) -> bool:
    """Whether a verb of change follows an upper-bound word after its figure ("까지 늘어날", "まで増える")."""
    rest = rest.lstrip(" \u00a0")
    return bool(pack.change_verbs) and pack.code in _GLUED and any(v in rest[:6] for v in pack.change_verbs)


def _changed_to(before: str, pack: LanguagePack) -> bool:
    """Whether the word before an upper-bound word is a verb of change ("зросла до", "aumentó hasta")."""
    words = before.split()
    return bool(words) and words[-1].startswith(pack.change_verbs) if pack.change_verbs else False


def currency_of(ctx: Context) -> str:
    """The ISO code of the currency written right before (a sign or code) or after the figure, or ``""``."""
    tail = ctx.before(6).rstrip(" \u00a0")
    head = ctx.after(14).lstrip(" \u00a0")
    for link in ctx.pack.unit_links:
        head = head.removeprefix(link)
    best, size = "", 0
    for code, words in ctx.pack.currencies.items():
        for w in words:
            sign = not w.isalpha() or w.isupper() or (w.isascii() and len(w) == 3)
            before = sign and tail.endswith(w) and not tail[-len(w) - 1 : -len(w)].isalpha()
            if len(w) > size and (before or _word_start(head, w)):
                best, size = code, len(w)
    return best


def _word_start(head: str, w: str) -> bool:
    return head.startswith(w) and (len(head) == len(w) or not head[len(w)].isalpha() or not w.isascii())


def _nearest(ctx: Context, kinds: tuple[str, ...]) -> tuple[str, int] | None:
    """The cue group whose word is closest to the figure (after it first), with its distance."""
    after, before = ctx.after(), ctx.before()
    if ctx.pack.code not in _GLUED and _DIGIT.search(ctx.sentence, 0, ctx.start):
        # between two figures, a cue belongs to the earlier one when the sentence puts its nouns and
        # verbs after the figures ("300 were killed and 2,700 wounded"): this figure's own words come
        # after it, before the next figure; a sentence whose first figure has its cue before it
        # ("killed 300 and wounded 2,700") keeps the nearest cue
        own = _nearest_in(ctx, kinds, _DIGIT.split(after, maxsplit=1)[0], "")
        lead = ctx.sentence[: _first_figure(ctx)]
        if own is not None and _nearest_in(ctx, kinds, "", lead) is None:
            return own
    return _nearest_in(ctx, kinds, after, before)


def _first_figure(ctx: Context) -> int:
    """Where the sentence's first number that may be a figure starts: not a window of time or a date before it
    ("nelle ultime 24 ore le forze ... hanno ucciso 57": the first figure is 57)."""
    for m in _DIGIT_RUN.finditer(ctx.sentence, 0, ctx.start):
        word = ctx.sentence[m.end() : m.end() + 16].split()[:1]
        if not (word and word[0].startswith(ctx.pack.not_figures)):
            return m.start()
    return ctx.start


_DIGIT_RUN = re.compile(r"\d[\d.,\s]*")


def _nearest_in(ctx: Context, kinds: tuple[str, ...], after: str, before: str) -> tuple[str, int] | None:
    best: tuple[str, int, int] | None = None
    # CJK: a cue with another number between it and the figure is that number's first ("사망 2천 명을 포함해
    # 6천 명": 사망 is the 2,000's), so it counts only when no unseparated cue is near
    far = ctx.wide if ctx.pack.code in _GLUED else 0
    for kind in kinds:
        for w in ctx.pack.cue(kind):
            if w not in after and w not in before:
                continue
            i = find_cue(after, w, ctx.pack)
            if i >= 0 and far and _CJK_CLAUSE.search(after, 0, i) and leads_figure(ctx.sentence, ctx.end + i + len(w)):
                continue  # "约1.1万人驻扎在当地，死亡人数至少2000人": the word of the next clause's own figure
            if i >= 0 and far and (_DIGIT.search(after, 0, i) or _CJK_CLAUSE.search(after, 0, i) or joined(after, i)):
                i += far  # another number's word, or another clause's: "전사자는 600여명, 부상자는 …"
            elif i >= 0 and not far and _DIGIT.search(after, 0, i):
                i += ctx.wide  # past another number the words are that number's ("4 700, в том числе 2 тыс. убитыми")
            elif i >= 0 and not far and _PUNCT.search(after, 0, i):
                i += (
                    ctx.wide // 2
                )  # past a comma or dash the words speak of the next clause ("убитыми 1000, ранеными …")
            if i >= 0 and (best is None or (i, -len(w)) < (best[1], -best[2])):
                best = (kind, i, len(w))
            j = find_cue(before, w, ctx.pack, last=True)
            if j >= 0:
                d = len(before) - (j + len(w.rstrip())) + 2  # words before a figure are a little less telling
                if _DIGIT.search(before, j + len(w)):
                    # a cue before another number is that number's first ("4 млн снарядов и 200 систем")
                    d += far or ctx.wide // 2
                elif far and _CJK_CLAUSE.search(before, j + len(w)):
                    d += far  # a glued cue of another clause
                if best is None or (d, -len(w)) < (best[1], -best[2]):
                    best = (kind, d, len(w))
    return None if best is None else (best[0], best[1])


def _own_near(ctx: Context, kind: str, clause: bool = False, n: int | None = None) -> bool:
    """A cue of ``kind`` near the figure with no other number between: "용병 3.2억, 동맹군 13.4억" (the
    mercenaries' word is the first figure's, not the second's); with ``clause``, none of another clause either."""
    before, after = ctx.before(n), ctx.after(n)
    if clause:
        before, after = _CJK_CLAUSE.split(before)[-1], _CJK_CLAUSE.split(after)[0]
    for w in ctx.pack.cue(kind):
        j = find_cue(before, w, ctx.pack, last=True)
        if j >= 0 and not _DIGIT.search(before, j + len(w)):
            return True
        i = find_cue(after, w, ctx.pack)
        if i >= 0 and not _DIGIT.search(after, 0, i):
            return True
    return False


def _casualty_of_troops(ctx: Context) -> str | None:
    """A casualty group when a troop figure is itself the dead or wounded, else None.

    A casualty word right by the figure, or later in its clause ("2,000 North Korean soldiers
    were killed"), says so, unless a partition word stands between ("11,000 troops, of whom 600
    died": the verb is the next figure's).
    """
    ends = _CLAUSE_END if ctx.pack.code in ("ja", "zh", "ko") else _DIGIT
    clause = ends.split(ctx.sentence[ctx.end : ctx.end + 3 * ctx.wide], maxsplit=1)[0]
    found = ((find_cue(clause, w, ctx.pack), -len(w), k) for k in _CASUALTY for w in ctx.pack.cue(k))
    hits = [(i, n, k) for i, n, k in found if i >= 0]  # the longest cue at a place: "perderam a vida", not "perderam"
    first = min(hits)[0] if hits else 0
    if any(find_cue(clause[:first], w, ctx.pack) >= 0 for w in ctx.pack.cue("partition")):
        return None
    casualty = _nearest(ctx, _CASUALTY)
    if casualty is not None and casualty[1] <= ctx.wide // 2:
        return casualty[0]
    if not hits:
        # the casualty word earlier in the figure's own clause: CJK modifiers precede their noun ("受伤的朝鲜士兵"),
        # and "losses amount to some 4,000 men" names the men only as the unit of the losses
        pre = _PUNCT.split(ctx.before(2 * ctx.wide))[-1]
        before = [(find_cue(pre, w, ctx.pack, last=True), k) for k in _CASUALTY for w in ctx.pack.cue(k)]
        return max(before)[1] if max(before)[0] >= 0 else None
    return min(hits)[2]


#: No North Korean contingent or its losses approach this: a larger count of troops is an army's size,
#: reservists or another country's losses (``other:``).
MAX_FORCE = 100_000


#: No dispatch, stock or running total of a contingent is this small: a smaller troop count is a detail
#: (deserters, a squad, an article's number), never the force.
MIN_FORCE = 50
_TROOP_COUNTS = ("troops_deployed", "troops_per_rotation", "cumulative_troops")


def count_label(ctx: Context, value: float = 0.0) -> str | None:
    """The quantity a count of people or things speaks of, or None when no word says what is counted."""
    label = _count_label(ctx)
    if label is not None and not label.startswith("other:") and value >= MAX_FORCE:
        return f"other:{label.split('_')[0]}_count_large"
    if label in _TROOP_COUNTS and value < MIN_FORCE:
        return None if value < 10 else "other:troops_small_count"  # "Статья 4 договора ... военной помощи"
    return label


def _count_label(ctx: Context) -> str | None:
    from troopledger.claims._clause_links import captured, linked, out_of  # builds on this module
    from troopledger.claims._ko_counts import joined_cue  # builds on this module
    from troopledger.claims._whose import after_in_clause, listed_apart, owner_of_count  # builds on this module

    if listed_apart(ctx):
        return "other:listed_count"  # "Також знищено: танків — 9 752 (+7)": a tally's row names what it counts
    found = _nearest(ctx, (*COUNTED, "dispatch")) or joined_cue(ctx)
    if found is None or found[1] >= ctx.wide:
        found = linked(ctx) or found  # a far cue (past another number) yields to the subject of a linking verb
    if found is None:
        return None
    kind, _ = found
    if kind == "dispatch":
        # a verb of sending counts whoever is sent: "노동자 1만5000명 보낸다" sends workers, else troops
        kind = "workers" if _own_near(ctx, "workers") else "troops"
    if kind == "troops":
        kind = (None if out_of(ctx) else _casualty_of_troops(ctx)) or ("prisoners" if captured(ctx) else kind)
    if kind == "troops" and after_in_clause(ctx, "deserters"):
        kind = "deserters"  # "40 військових КНДР дезертували": the verb later in the clause says what they did
    # "killed and wounded" together on one side of the figure; "300 died and 2,700 were wounded" splits them
    sides = (_CLAUSE_END.split(ctx.sentence[: ctx.start])[-1], _CLAUSE_END.split(ctx.sentence[ctx.end :])[0])
    both = any(
        all(any(find_cue(side, w, ctx.pack) >= 0 for w in ctx.pack.cue(k)) for k in ("killed", "wounded"))
        for side in sides
    )
    if kind in ("killed", "wounded") and both:
        kind = "casualties"  # "killed and wounded" together
    if kind in ("wounded", "returned") and ctx.near("returned") and ctx.near("wounded"):
        return "other:wounded_repatriated"  # "約2000名傷兵…被送返北韓": the wounded sent home (LABELS rule 15)
    whose = owner_of_count(ctx)
    if whose and kind in ("troops", *_CASUALTY):
        return f"other:{whose}_{'troops' if kind == 'troops' else kind}"
    if kind == "troops":  # a formation's own strength ("이 군단의 병력은 4만2천 명") is not the force
        return "other:unit_strength" if _own_near(ctx, "formation", True) else troop_label(ctx)
    return "other:wounded_repatriated" if kind == "wounded" and _own_near(ctx, "returned") else COUNTED[kind]


def troop_label(ctx: Context) -> str:
    """Wave, running total or force in place, from the cue nearest a troop figure (LABELS rule 14)."""
    from troopledger.claims._clause_links import additive, dated, planned  # builds on this module
    from troopledger.claims._ko_counts import troop_fallback  # builds on this module

    if ctx.near("returned"):  # "負傷した兵士約1800人が帰国": the wounded among those sent home
        return "other:wounded_repatriated" if ctx.near("wounded") else "other:troops_returned_home"
    # rule 14's precedence inside the figure's own clause: a batch, additive or planned-dispatch word
    # makes a wave whatever else the clause says, then a running-total cue beats a stock verb
    lo = max((m.end() for m in _PUNCT.finditer(ctx.sentence, 0, ctx.start)), default=0)
    nxt = _PUNCT.search(ctx.sentence, ctx.end)
    joint = copula_end(ctx.sentence, ctx.end, nxt.start() if nxt else len(ctx.sentence), ctx.pack.code)
    own = Context(ctx.sentence[lo : joint or (nxt.start() if nxt else None)], ctx.start - lo, ctx.end - lo, ctx.pack, 3)
    for kind, label in (("wave", "troops_per_rotation"), ("cumulative", "cumulative_troops")):
        if (own.near(kind) or (kind == "wave" and planned(own))) and not (
            kind == "wave" and own.pack.code in _GLUED and wave_shadowed(own.before(), own.after(), own.pack)
        ):
            return label
    if additive(ctx) and not own.near("stock"):
        return "troops_per_rotation"  # "отправил ещё 3 тысячи", "schickte noch einmal 3.000": one more wave
    by_month = dated(own, ctx.sentence)
    if by_month:
        return by_month
    if own.near("dated") or _own_near(Context(ctx.sentence, ctx.start, ctx.end, ctx.pack, 2), "dated"):
        return "troops_per_rotation"  # a dispatch dated to a month or season beats a stock verb (rule 14 d)
    return troop_fallback(ctx, own, joint is not None)
