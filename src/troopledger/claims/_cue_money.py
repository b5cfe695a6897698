"""What the words around an amount or a share say: which quantity of money or share it is, and its period.

Pure lookups of a pack's cue lists around a figure (``_cues.Context``), like the count rules
of ``_cues``; the labels are names of the quantity vocabulary or ``other:<subtype>``.
"""

from __future__ import annotations

from troopledger.claims._bound_verbs import before_words
from troopledger.claims._cues import _CJK_CLAUSE, _CLAUSE_END, _DIGIT, _GLUED, Context, _nearest, _own_near, find_cue
from troopledger.claims._whose import owner

__all__ = ["money_label", "officer_owns", "share_label"]


def money_label(ctx: Context, usd: float, topic: str = "") -> tuple[str, str]:
    """(quantity, period) for an amount worth about ``usd`` US dollars.

    ``topic`` is what the paragraph counted last (``workers`` or ``troops``): "4,000 workers are
    there. About $800 a head is sent for them" is the workers' pay though its sentence names none.
    """
    from troopledger.claims._clause_links import link_subject  # builds on _cues

    subject = link_subject(ctx) or ""  # "щомісячна виплата ... за одного солдата ... становить 2 тис. доларів"
    told_by = {
        k for k in ("monthly", "pay", "per_person") if any(find_cue(subject, w, ctx.pack) >= 0 for w in ctx.pack.cue(k))
    }
    if ctx.near("hourly"):  # "時給2.5ドル", "时薪约2.5美元": an hourly wage, never a month's pay
        told = ctx.anywhere("workers") or (topic == "workers" and not ctx.anywhere("troops"))
        return ("other:worker_wage" if told else "other:hourly_wage"), "hour"
    monthly = ctx.near("monthly", ctx.wide + 10) or _month_right_before(ctx) or "monthly" in told_by
    yearly = ctx.near("yearly", ctx.wide + 10)
    if monthly and yearly:
        # "월 2000달러를 받아 연간 3억 달러": a period word with another number between is that number's
        month_own, year_own = (
            _own_near(ctx, "monthly") or ctx.before(3).rstrip().endswith(("月", "월")),
            _own_near(ctx, "yearly"),
        )
        monthly, yearly = (monthly and (month_own or not year_own)), (yearly and (year_own or not month_own))
    period = "month" if monthly else "year" if yearly else "total"
    whose = owner(ctx)
    if usd < 30 and (monthly or ctx.near("pay")) and not whose:
        return "domestic_monthly_wage", "month"  # a few dollars a month is a wage inside North Korea, a worker's too
    told = topic == "workers" and not ctx.anywhere("troops")
    if (ctx.near("workers") or told) and not ctx.near("troops", ctx.wide // 2):
        return ("other:worker_revenue" if usd >= 1e6 else "other:worker_wage"), period
    wider = Context(ctx.sentence, ctx.start, ctx.end, ctx.pack, 2)
    if usd >= 1e9 and (
        _own_near(wider, "gdp", ctx.pack.code not in _GLUED)
        or (ctx.pack.code in _GLUED and ctx.near("gdp", 2 * ctx.wide))
    ):
        return "nk_gdp", "year"  # the GDP word of the figure's own clause: "budżet ... 4 mld, a PKB ... 25 mld"
    if usd >= 1e5 and _own_near(ctx, "aid"):
        return "other:aid", period  # "mais de 220 milhões de euros em ajuda militar": one state's aid, not revenue
    if ctx.near("economy") and usd >= 1e8:
        return "other:nk_economy", period
    if (
        usd >= 1e6
        and ctx.pack.code not in _GLUED
        and (_nearest(ctx, ("economy", "revenue", "pay", "arms")) or ("",))[0] == "economy"
    ):
        return "other:nk_economy", period  # "товарообіг зріс до 34,2 млн": trade, whatever its size, is no revenue
    if usd >= 1e6 and _own_near(ctx, "luxury", True):
        # "중국에서 들여온 사치품이 3천790만 달러어치": imports of luxuries, not revenue; spent at home, another amount
        return ("luxury_imports" if ctx.anywhere("imports") else "other:luxury"), period
    if usd >= 1e6:
        if _own_near(ctx, "technology"):
            return "other:tech_transfer", period  # "기술 지원 약 0.9조 원": what Russia gives in technology
        arms = (ctx.near("arms") and not ctx.anywhere("troops")) or (
            ctx.near("arms", 3 * ctx.wide) and _arms_alone(ctx)
        )
        if arms:
            return ("total_revenue_to_nk" if _with_arms(ctx) else "other:arms_revenue"), period
        if whose:
            return f"other:{whose}_pay", period
        if any(ctx.anywhere(k) for k in ("revenue", "north_korea", "troops", "compensation", "state")):
            return "total_revenue_to_nk", period
        return "other:amount", period
    if whose:
        return f"other:{whose}_pay", period
    if usd < 30 and (monthly or ctx.near("pay")):
        return "domestic_monthly_wage", "month"  # a few dollars a month: a wage inside North Korea
    if ctx.near("compensation") and (ctx.anywhere("killed") or ctx.anywhere("compensation")):
        return "death_compensation", "once"
    if ctx.near("family", 2 * ctx.wide) and ctx.anywhere("killed") and not (monthly or yearly):
        return "death_compensation", "once"  # "Выплата семье погибшего ... 1,5 млн рублей", "Rodzina poległego ..."
    nearest = _nearest(ctx, ("bonus", "monthly", "pay"))
    if nearest is not None and nearest[0] == "bonus" and not _month_right_before(ctx):
        return "signing_bonus", "once"  # "$2,500 a month and a $2,000 lump sum": each amount takes its own noun
    if usd < 1e5 and officer_owns(ctx) and (monthly or ctx.near("pay")):
        return "other:officer_pay", period  # a rank table: "장교는 월 5000달러" is not the ordinary soldier's pay
    paid = (
        usd < 1e5
        and (monthly or ctx.near("pay") or "pay" in told_by)
        and (ctx.anywhere("troops") or ctx.anywhere("per_person"))
    )
    if paid and _own_near(ctx, "take_home") and not whose:
        return "soldier_take_home", period  # "los militares apenas reciben 100 dólares": what they keep
    if paid:
        return "pay_per_soldier_month", "month" if monthly else "ambiguous"
    return "other:amount", period


def _with_arms(ctx: Context) -> bool:
    """Whether the arms come with something else in the amount ("если считать вместе с боеприпасами", "wraz z
    amunicją"): an estimate of troops and arms together is revenue (LABELS rule 20), not the arms' price."""
    window = ctx.before(2 * ctx.wide) + " | " + ctx.after(2 * ctx.wide)
    for w in ctx.pack.cue("together"):
        i = find_cue(window, w, ctx.pack)
        rest = window[i + len(w) : i + len(w) + 24] if i >= 0 else ""
        if rest and any(find_cue(rest, a, ctx.pack) >= 0 for a in ctx.pack.cue("arms")):
            return True
    return False


def officer_owns(ctx: Context) -> bool:
    """Whether an officer's rank owns the amount. Korean puts the owner first ("부사관은 3천 달러"), so there a
    rank word after the amount is the next row's ("기술병에게는 3천500달러를 지급한다"며 "부사관은 …")."""
    if ctx.pack.code != "ko":
        return _own_near(ctx, "officers", ctx.pack.code in _GLUED)
    before = _CJK_CLAUSE.split(ctx.before())[-1]
    return any(
        (j := find_cue(before, w, ctx.pack, last=True)) >= 0 and not _DIGIT.search(before, j)
        for w in ctx.pack.cue("officers")
    )


def _month_right_before(ctx: Context) -> bool:
    """Whether "month" stands right before the amount, past any bound or hedge word: "월 2천 달러",
    "월 최소 2천 달러에 일시금이 더해진다" (the month is the amount's own; the lump sum after it is another noun)."""
    before = ctx.before(16).rstrip()
    stripped = True
    while stripped:
        stripped = False
        for w in before_words(ctx.pack):  # longest first
            if w and before.endswith(w):
                before, stripped = before[: -len(w)].rstrip(), True
                break
    return before.endswith(("月", "월"))


def _arms_alone(ctx: Context) -> bool:
    """Whether the arms word before an amount stands apart from any troops word: "兵士の派遣に伴い、武器を…送り、
    その販売代金は…" is the arms' price; "兵士と武器支援により" (troops and arms together) is not."""
    before = ctx.sentence[: ctx.start]
    arms = max(find_cue(before, w, ctx.pack, last=True) for w in ctx.pack.cue("arms"))
    troops = max(
        (j + len(w) for w in ctx.pack.cue("troops") if (j := find_cue(before, w, ctx.pack, last=True)) >= 0), default=-1
    )
    after = _CLAUSE_END.split(ctx.sentence[ctx.end :], maxsplit=1)[0]
    return arms > troops + 4 and not any(find_cue(after, w, ctx.pack) >= 0 for w in ctx.pack.cue("troops"))


def share_label(ctx: Context) -> str | None:
    """The quantity a percentage speaks of, or None when nothing near says."""
    if ctx.anywhere("state") and ctx.anywhere("workers") and not ctx.anywhere("troops"):
        return "other:worker_state_share"  # "노동자 1명이 한 달에 600~800달러를 벌지만 … 70%는 당국에"
    if ctx.anywhere("state") and (ctx.anywhere("pay") or (ctx.near("state") and ctx.anywhere("troops"))):
        if ctx.anywhere("workers") and not ctx.anywhere("troops"):
            return "other:worker_state_share"  # "朝鲜工人月薪约800美元，但其中七成要上交": the workers' wage
        return "state_share_of_pay"  # "the regime skims 86 % of the soldiers' money"
    window = ctx.before() + " | " + ctx.after()
    if ctx.pack.code not in _GLUED and sum(find_cue(window, w, ctx.pack) >= 0 for w in ctx.pack.cue("state")) >= 2:
        return "state_share_of_pay"  # the state and its keeping verb: "Le régime en conserverait 80 %"
    if ctx.near("killed") or ctx.near("casualties"):
        return "other:casualty_rate"
    if ctx.near("munitions"):
        return "other:munitions_share"
    return None
