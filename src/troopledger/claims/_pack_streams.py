"""The ledger's streams in any language with a pack: which ledger quantity a count of munitions, workers or goods is.

The pack-driven reader (``_foreign``) gives these figures a coarse label (``other:munitions``,
``other:overseas_workers``, ``other:tons``, ``other:worker_wage``). A pack's ``[streams]`` table
lists, per ledger quantity of ``_stream_quantities``, the words that place a figure in it: the
noun or counter next to the figure (shells, containers, ballistic missiles, barrels, rice,
flour), a verb of the flow (missiles launched; workers entering or planned) or, for
``containers_ru_to_nk``, the words that send the containers to North Korea; ``soldier_take_home`` (not a
stream but the soldiers' part of their pay) the words for what a soldier keeps. What no word places
keeps its coarse label, so a pack without the table changes nothing.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from troopledger.claims._cues import Context, find_cue
from troopledger.claims._stream_quantities import STREAM_QUANTITIES

__all__ = ["stream_count", "stream_money", "stream_words", "take_home_share"]

_DIGIT = re.compile(r"\d")
_CLAUSE = re.compile(r"[,，、;；]")
#: Ledger quantities read from the noun or counter next to a count, and the coarse labels each may refine.
_NOUNS: dict[str, tuple[str | None, ...]] = {
    "artillery_rounds_shipped": ("other:munitions",),
    "mrl_rockets_shipped": ("other:munitions",),
    "ammunition_containers": ("other:munitions",),
    "ballistic_missiles_transferred": ("other:munitions",),
    "refined_oil_to_nk": ("other:munitions", "other:tons", None),
    "rice_to_nk": ("other:tons",),
    "flour_exported_to_nk": ("other:tons",),
    "nk_entries_to_russia": (None,),
    "heavy_artillery_transferred": ("other:munitions", "other:guns", None),  # "240 одиниць важкої артилерії"
}
#: Counters of people: an entry count must be one ("1만3221명", "1万3000人"); a pack adds its nouns for
#: people under ``[streams] persons`` ("граждан", "Nordkoreaner").
_PERSONS = ("명", "人", "名")
#: "-odd" words between a number and its counter (LABELS rule 6: an approximation, not part of the counter).
_ODD = "여余餘多"
#: Coarse readings an entry statistic may refine: "13.221 Nordkoreaner reisten ein" names its people
#: with a demonym the troop cues also hold.
_ENTRY_COARSE = ("troops_deployed", "troops_per_rotation", "cumulative_troops", None)
#: Keys of ``[streams]`` that are not nouns: verbs or destinations that turn one reading into another.
_MODIFIERS = (
    "ballistic_missiles_used",
    "containers_ru_to_nk",
    "overseas_workers_dispatched",
    "overseas_workers_planned",
    "overseas_workers_in_russia",
    "nk_entries_study",
    "persons",
)


@cache
def stream_words(code: str) -> dict[str, tuple[str, ...]]:
    """The ``[streams]`` table of pack ``code`` (lower case), checked against the ledger's quantities."""
    path = resources.files("troopledger").joinpath("data", "languages", f"{code}.toml")
    raw = tomllib.loads(path.read_text(encoding="utf-8")).get("streams", {})
    where = f"data/languages/{code}.toml streams"
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: must be a table of lists")
    out: dict[str, tuple[str, ...]] = {}
    for key, words in raw.items():
        if key not in (*_NOUNS, *_MODIFIERS, "soldier_take_home"):
            raise ValueError(f"{where}: {key!r} is not a ledger quantity read here; use one of {sorted(_NOUNS)}")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{where}.{key}: must be a list of strings")
        out[key] = tuple(w.lower() for w in words)
    return out


def _closest(ctx: Context, words: dict[str, tuple[str, ...]], coarse: str | None) -> str | None:
    """The noun quantity whose word is nearest the figure (after it first), among those that may refine ``coarse``."""
    best: tuple[int, int, str] | None = None
    after, before = ctx.after(), ctx.before()
    for q, allowed in _NOUNS.items():
        if coarse not in allowed:
            continue
        for w in words.get(q, ()):
            i = find_cue(after, w, ctx.pack)
            if i >= 0 and (best is None or (i, -len(w)) < best[:2]):
                best = (i, -len(w), q)
            j = find_cue(before, w, ctx.pack, last=True)
            if j >= 0 and not _DIGIT.search(before, j + len(w)):  # not another number's noun ("… снарядов и 200")
                d = len(before) - (j + len(w)) + 2
                if best is None or (d, -len(w)) < best[:2]:
                    best = (d, -len(w), q)
    return None if best is None else best[2]


def _any(ctx: Context, words: tuple[str, ...]) -> bool:
    return any(find_cue(ctx.sentence, w, ctx.pack) >= 0 for w in words)


def stream_count(coarse: str | None, ctx: Context, value: float) -> tuple[str, str] | None:
    """(ledger quantity, unit) for a count of ``value`` the pack's stream words place, or None to keep ``coarse``."""
    words = stream_words(ctx.pack.code)
    if not words:
        return None
    if coarse == "other:overseas_workers":
        if _any(ctx, words.get("overseas_workers_planned", ())):
            q = "overseas_workers_planned"
        elif ctx.near("wave") or _any(ctx, words.get("overseas_workers_dispatched", ())):
            q = "overseas_workers_dispatched"
        else:
            q = "overseas_workers_in_russia"
        return q, STREAM_QUANTITIES[q][1]
    if coarse == "nk_entries_to_russia" or (coarse in _ENTRY_COARSE and _entry(ctx, words, value)):
        # "въехали 13 221 гражданин КНДР", "13.221 Nordkoreaner reisten ein"; a second figure of the same
        # sentence whose noun is left out ("из них 7 887 — на учёбу") comes here as the first's label
        q = "nk_entries_study" if _study(ctx, words) else "nk_entries_to_russia"
        return q, STREAM_QUANTITIES[q][1]
    if coarse not in ("other:munitions", "other:tons", None):
        return None
    q2 = _closest(ctx, words, coarse)
    if q2 is None:
        return None
    counter = ctx.after().lstrip(" \u00a0").lstrip(_ODD).lstrip(" \u00a0")  # "1만3000여명", "1万3000余人"
    if q2 == "nk_entries_to_russia" and not (counter.startswith(_PERSONS) and value >= 100):
        return None  # entry statistics count people by the hundred: "1만3221명이 입국", not "입국 3일 만에 2명"
    if q2 == "ammunition_containers" and _any(ctx, words.get("containers_ru_to_nk", ())):
        q2 = "containers_ru_to_nk"
    if q2 == "ballistic_missiles_transferred" and _any(ctx, words.get("ballistic_missiles_used", ())):
        q2 = "ballistic_missiles_used"
    return q2, STREAM_QUANTITIES[q2][1]


def _entry(ctx: Context, words: dict[str, tuple[str, ...]], value: float) -> bool:
    """A count of people by the hundred that an entry word ("въехали", "einreisen", "entrés") stands next to.

    The people must be named right after the figure (a noun for people or citizens, not soldiers):
    "в Россию прибыли 3 тысячи военных" is a wave, "въехали 13 221 гражданин" an entry statistic.
    """
    entries = words.get("nk_entries_to_russia", ())
    if value < 100 or not entries or ctx.pack.code in ("ko", "ja", "zh"):
        return False  # the glued scripts place entries through their counters (``_closest``)
    persons = (*_PERSONS, *words.get("persons", ()))
    head, lead = ctx.after().split()[:2], ctx.before().split()
    # "граждане КНДР въезжали 13 221 раз": the people before, a count of times after (not "в 12 раз", a multiple)
    times = bool(head) and head[0].startswith(ctx.pack.cue("times")) and lead[-1:] not in (["в"], ["у"], ["во"])
    if times and any(w.startswith(persons) for w in lead):
        return any(find_cue(ctx.before(), w, ctx.pack) >= 0 for w in entries)
    if head and head[0].startswith(entries):
        return True  # "21 mil entradas", "13 221 въездов": the noun right after the figure counts entries
    if not any(w.startswith(persons) for w in head):
        return False  # "13 221 гражданин", "13.221 nordkoreanische Staatsbürger": people, maybe after an adjective
    near = ctx.before() + " | " + ctx.after()
    return any(find_cue(near, w, ctx.pack) >= 0 for w in entries)


def _study(ctx: Context, words: dict[str, tuple[str, ...]]) -> bool:
    """Whether the figure's own words say the entries were for study ("на учёбу", "zum Studium")."""
    own = _DIGIT.split(ctx.after(), maxsplit=1)[0]
    return any(find_cue(own, w, ctx.pack) >= 0 for w in words.get("nk_entries_study", ()))


def stream_money(label: str, period: str, ctx: Context) -> str:
    """A worker's monthly wage as the ledger's ``overseas_worker_wage_month``; a soldier's pay that a take-home
    word follows or precedes ("손에 쥐는", "手元に残る", "实际拿到") as ``soldier_take_home``; else ``label``."""
    words = stream_words(ctx.pack.code)
    if label == "other:worker_wage" and _next_to(ctx, words.get("soldier_take_home", ())):
        return "overseas_worker_take_home"  # "手元に残るのは月100ドル" of a worker: what he keeps, not the wage
    if label == "other:worker_wage" and period in ("month", "hour") and words:
        return "overseas_worker_wage_month" if period == "month" else "overseas_worker_wage_hour"
    if label == "pay_per_soldier_month" and _next_to(ctx, words.get("soldier_take_home", ())):
        return "soldier_take_home"
    kept = label in ("domestic_monthly_wage", "other:amount") and ctx.anywhere("troops")
    if kept and _next_to(ctx, words.get("soldier_take_home", ())):
        return "soldier_take_home"  # "兵士の手元に残るのは月3000ウォン": a few dollars, but what the soldier keeps
    return label


def take_home_share(ctx: Context) -> bool:
    """Whether a share is what the soldier keeps ("手元に残るのは1割", "實際拿到的不到兩成"), not the state's."""
    return _next_to(ctx, stream_words(ctx.pack.code).get("soldier_take_home", ()))


def _next_to(ctx: Context, words: tuple[str, ...]) -> bool:
    """A word of ``words`` near the figure with no other number between ("월 2천 달러 가운데 100달러만 손에 쥔다":
    the take-home word is the 100's, not the 2,000's)."""
    # and within the figure's clause: "月給は2000ドル、手元に残るのは…" keeps the 2,000 the pay
    before, after = _CLAUSE.split(ctx.before())[-1], _CLAUSE.split(ctx.after())[0]
    for w in words:
        j = before.rfind(w)
        if j >= 0 and not _DIGIT.search(before, j + len(w)):
            return True
        i = after.find(w)
        # and no number after the word either: "2천~2천500달러를 주지만 … 손에 쥐는 돈은 100달러" is the 100's word
        rest = _CLAUSE.split(ctx.sentence[ctx.end + i + len(w) :], maxsplit=1)[0] if i >= 0 else ""
        if i >= 0 and not _DIGIT.search(after, 0, i) and not _DIGIT.search(rest):
            return True
    return False
