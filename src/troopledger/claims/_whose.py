"""Whose figure a count or amount is, by the words' structure, and counts a tally or a verb names.

A demonym beside a troop noun ("український військовий", "soldat russe"), a country as the subject
of a verb of losing ("A Ucrânia perdeu"), or a pack's cue group of another army near the figure
makes it another country's; a tally's row ("танків — 9 752") names what it counts; a verb later in
the clause ("дезертували") says what the counted did. Builds on ``_cues``.
"""

from __future__ import annotations

import re

from troopledger.claims._cues import _DIGIT, _GLUED, _PUNCT, COUNTED, Context, _own_near, find_cue
from troopledger.claims._owners import clause_subject

__all__ = ["after_in_clause", "listed_apart", "others_troops", "owner", "owner_of_count"]


def _demonym_troops(ctx: Context, who: str) -> bool:
    """A demonym of ``who`` beside a troop noun ("український військовий", "soldat russe", "rosyjski żołnierz
    kontraktowy") near the figure in its own clause, with no other number between."""
    stems, nouns = ctx.pack.cue(f"{who}_adj"), ctx.pack.cue("troops")
    if not stems or not any(w in ctx.sentence for w in stems):
        return False
    countries = (*ctx.pack.cue("russia"), *ctx.pack.cue("ukraine"))
    near = False
    for m in re.finditer(r"[^\W\d_][\w'’-]*", ctx.sentence):
        if not m.group(0).startswith(stems) or m.group(0) in countries:
            continue  # "ucraino", not "Ucraina" (the country)
        around = re.findall(r"[^\W\d_][\w'’-]*", ctx.sentence[max(0, m.start() - 30) : m.end() + 40])
        k = next(i for i, w in enumerate(around) if w == m.group(0))
        if not any(w.startswith(nouns) for w in around[max(0, k - 1) : k + 3] if w != m.group(0)):
            continue
        gap = ctx.sentence[m.end() : ctx.start] if m.end() <= ctx.start else ctx.sentence[ctx.end : m.start()]
        near = near or (len(gap) <= ctx.wide and not _DIGIT.search(gap) and not _PUNCT.search(gap))
    return near


def _country_lost(ctx: Context) -> str:
    """``russian`` or ``ukrainian`` when the figure is what that country lost ("A Ucrânia perdeu ... 46 mil
    militares", "Rosja straciła ponad 150 tys."): the country is the subject of a verb of losing before it."""
    before = ctx.sentence[: ctx.start]
    verbs = ctx.pack.cue("lose")
    j = max((find_cue(before, w, ctx.pack, last=True) for w in verbs), default=-1)
    if j < 0 or _DIGIT.search(before, j) or ctx.near("north_korea", ctx.wide // 2):
        return ""
    subject = before[:j].split()[-2:]  # the country right before the verb, maybe after an article ("A Ucrânia")
    for who, country in (("russian", "russia"), ("ukrainian", "ukraine")):
        if subject and subject[-1].strip(",") in ctx.pack.cue(country):
            return who
    return ""


def owner(ctx: Context) -> str:
    """``russian``, ``ukrainian``, ``foreign`` or ``civilian`` when the figure is about other people, else ``""``."""
    glued = ctx.pack.code in _GLUED  # "50人死亡か　ウクライナ軍が発表": the army of another clause announces
    whole = Context(ctx.sentence, ctx.start, ctx.end, ctx.pack, 100)
    lost = _country_lost(ctx)
    if lost:
        return lost
    for who in ("russian", "ukrainian"):
        if _demonym_troops(ctx, who) and not ctx.near("north_korea", ctx.wide // 2):
            return who
    half = Context(ctx.sentence, ctx.start, ctx.end, ctx.pack, 1)
    # "러 계약병 월급 20만 루블…北 병사는": in the glued scripts North Korea's word counts in the figure's clause only
    north = _own_near(half, "north_korea", True, ctx.wide // 2) if glued else ctx.near("north_korea", ctx.wide // 2)
    for who in ("russian", "ukrainian", "foreign", "civilian"):
        if _own_near(ctx, who, glued) and not north:
            return who  # "12.000 civiles muertos": civilians are nobody's troops
        # the sentence speaks of another army only (in the glued scripts, not of another number's army)
        alone = ctx.anywhere(who) and not ctx.anywhere("north_korea")
        if who != "civilian" and alone and (not glued or _own_near(whole, who)):
            return who
    return ""


def after_in_clause(ctx: Context, kind: str) -> bool:
    """A cue of ``kind`` after the figure in its clause, before any other number."""
    clause = _PUNCT.split(_DIGIT.split(ctx.sentence[ctx.end : ctx.end + 2 * ctx.wide], maxsplit=1)[0], maxsplit=1)[0]
    return any(find_cue(clause, w, ctx.pack) >= 0 for w in ctx.pack.cue(kind))


_ROW = re.compile(r"(?:^|[,;:(])([^,;:(\d]*[^\W\d_][^,;:(\d]*?)\s*[\u2013\u2014]\s*$")


def listed_apart(ctx: Context) -> bool:
    """A row of a tally ("танків — 9 752", "артсистем — 21 940"): the words between the last comma or colon and
    a dash right before the figure name what it counts, and none of them is a cue of people counted."""
    m = _ROW.search(ctx.sentence, 0, ctx.start)
    if m is None or m.end() != ctx.start:
        return False
    row = m.group(1)
    kinds = (*COUNTED, "dispatch", "russian", "ukrainian", "north_korea", "link", "pay", "revenue")
    return not any(find_cue(row, w, ctx.pack) >= 0 for k in kinds for w in ctx.pack.cue(k))


def owner_of_count(ctx: Context) -> str:
    """Whose people a count is: the subject of its clause in the glued scripts ("우크라이나군도 … 5만 명을
    배치"; a payer's money is not its own: "러시아는 … 1만5천 달러를 주기로"), else :func:`owner`."""
    subject = clause_subject(ctx.sentence, ctx.start, ctx.end, ctx.pack) if ctx.pack.code in _GLUED else ""
    return subject or owner(ctx)


def others_troops(ctx: Context) -> str | None:
    """``other:<whose>_troops`` when a troop figure is another country's, else None."""
    whose = owner_of_count(ctx)
    return f"other:{whose}_troops" if whose and whose != "civilian" else None
