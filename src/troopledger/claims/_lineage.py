"""Lineages: claims that relay one original statement count once.

One intelligence briefing carried by five outlets is one piece of evidence, not
five. Two claims share a lineage when they are about the same quantity, give the
same figure, come from the same speaker (or one's speaker is a link in the other's
relay chain), and were published close together. A ``lineage`` set by hand
(``troopledger claims merge``/``split``) is kept and closed: detection never adds
to it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple, Protocol

__all__ = [
    "AUTO",
    "LINEAGE_DAYS",
    "LINEAGE_REL_TOL",
    "Statement",
    "detect_lineages",
    "lineage_groups",
    "same_statement",
]

#: Publication dates further apart than this (days) are separate statements.
LINEAGE_DAYS = 21
#: Prefix of the labels detection gives to groups of relays.
AUTO = "auto:"
#: Figures within this relative difference are the same figure.
LINEAGE_REL_TOL = 0.02

_PUNCT = re.compile(r"[^\w\s]")


class Statement(Protocol):
    """What lineage detection reads of a claim: a :class:`Claim`, or a ledger's summary row."""

    @property
    def id(self) -> str: ...
    @property
    def quantity(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def speaker(self) -> str: ...
    @property
    def organisation(self) -> str: ...
    @property
    def via(self) -> Sequence[str]: ...
    @property
    def window_end(self) -> str | None: ...
    @property
    def lineage(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...


@lru_cache(maxsize=65536)
def _name(text: str) -> str:
    words = _PUNCT.sub(" ", text.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _names(claim: Statement) -> set[str]:
    return {n for n in (_name(claim.speaker), _name(claim.organisation)) if n}


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        parts = [int(p) for p in text.split("-")]
        return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 15)
    except (ValueError, IndexError):  # a ledger written before dates were checked
        return None


def _close(a: float | None, b: float | None, tol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=tol, abs_tol=1e-12)


def same_statement(a: Statement, b: Statement, *, days: int = LINEAGE_DAYS, rel_tol: float = LINEAGE_REL_TOL) -> bool:
    """Whether two claims look like relays of one original statement."""
    if a.quantity != b.quantity:
        return False
    if not all(_close(x, y, rel_tol) for x, y in ((a.value, b.value), (a.low, b.low), (a.high, b.high))):
        return False
    na, nb = _names(a), _names(b)
    related = bool(na & nb) or bool(na & {_name(v) for v in b.via}) or bool(nb & {_name(v) for v in a.via})
    if not related:
        return False
    if a.window_end and b.window_end and a.window_end != b.window_end:
        return False
    da, db = _day(a.published), _day(b.published)
    return da is None or db is None or abs((da - db).days) <= days


def _order(c: Statement) -> tuple[str, str]:
    return (c.published or "9999", c.id)


class _Key(NamedTuple):
    """What :func:`same_statement` looks at, computed once per claim."""

    names: frozenset[str]
    via: frozenset[str]
    numbers: tuple[float | None, float | None, float | None]
    window_end: str | None
    day: date | None


def _key(
    c: Statement,
    who_memo: dict[tuple[str, str, tuple[str, ...]], tuple[frozenset[str], frozenset[str]]],
    day_memo: dict[str | None, date | None],
) -> _Key:
    """The claim's comparison key; the memos cache name sets and days shared by many claims."""
    who = (c.speaker, c.organisation, tuple(c.via))
    names = who_memo.get(who)
    if names is None:
        names = who_memo[who] = (frozenset(_names(c)), frozenset(n for n in (_name(v) for v in c.via) if n))
    when = c.published
    if when not in day_memo:
        day_memo[when] = _day(when)
    return _Key(names[0], names[1], (c.value, c.low, c.high), c.window_end, day_memo[when])


def _related(a: _Key, b: _Key, days: int, rel_tol: float) -> bool:
    return all(_close(x, y, rel_tol) for x, y in zip(a.numbers, b.numbers, strict=True)) and _compatible(a, b, days)


def detect_lineages(
    claims: Sequence[Statement], *, days: int = LINEAGE_DAYS, rel_tol: float = LINEAGE_REL_TOL
) -> dict[str, str]:
    """Map each claim id to its lineage label.

    A hand-set ``lineage`` closes a group: claims with the same label form it and
    nothing joins it automatically (``claims split`` sets a claim's own id). Other
    claims join (transitively) every free claim :func:`same_statement` accepts. A
    detected group is labelled ``auto:`` plus its earliest member's id; a claim
    alone is its own lineage, labelled with its id. Labels starting ``auto:`` on
    input count as not set, so detection can regroup them.

    Only candidate pairs are compared: claims about the same quantity that share a
    speaker or relay name, in order of their figure, stopping where the figures
    differ by more than ``rel_tol``; claims identical in everything compared are
    joined without comparing. A ledger of 100,000 claims takes about a second.
    """
    closed = {i: c.lineage for i, c in enumerate(claims) if c.lineage and not c.lineage.startswith(AUTO)}
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(j)] = find(i)

    def join(i: int, j: int) -> None:
        if find(i) != find(j) and _related(keys[i], keys[j], days, rel_tol):
            union(i, j)

    first: dict[str, int] = {}
    for i, lab in closed.items():
        union(first.setdefault(lab, i), i)
    keys: dict[int, _Key] = {}
    same: dict[tuple[str, _Key], int] = {}
    who_memo: dict[tuple[str, str, tuple[str, ...]], tuple[frozenset[str], frozenset[str]]] = {}
    day_memo: dict[str | None, date | None] = {}
    for i, c in enumerate(claims):
        if i in closed:
            continue
        k = _key(c, who_memo, day_memo)
        if k.names:  # identical claims with a name are relays of one another: join them at once
            rep = same.setdefault((c.quantity, k), i)
            if rep != i:
                union(rep, i)
                continue
        keys[i] = k
    contexts: dict[tuple[object, ...], _Context] = {}
    for i, k in keys.items():  # claims alike in all but their figures share a context
        shape = tuple(x is None for x in k.numbers)
        alike = (claims[i].quantity, shape, k.names, k.via, k.window_end, k.day)
        if alike not in contexts:
            contexts[alike] = _Context(k, shape, claims[i].quantity)
        contexts[alike].items.append(i)
    for ctx in contexts.values():
        ctx.sort(keys)
        if ctx.single and ctx.key.names:  # one figure, all else equal: close neighbours chain the group
            for a in range(len(ctx.items) - 1):
                if _close(ctx.values[a], ctx.values[a + 1], rel_tol):
                    union(ctx.items[a], ctx.items[a + 1])
        elif ctx.key.names:
            _sweep(ctx.items, ctx.values, rel_tol, join)
    _join_contexts(list(contexts.values()), days, rel_tol, union, join)
    groups: dict[int, list[int]] = {}
    for i in range(len(claims)):
        groups.setdefault(find(i), []).append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        hand = next((closed[i] for i in members if i in closed), None)
        head = min((claims[i] for i in members), key=_order).id
        name = hand or (f"{AUTO}{head}" if len(members) > 1 else head)
        out.update({claims[i].id: name for i in members})
    return {c.id: out[c.id] for c in claims}


class _Context:
    """Claims of one bucket alike in all but their figures, sorted by their first figure."""

    def __init__(self, key: _Key, shape: tuple[bool, ...], quantity: str) -> None:
        self.key, self.quantity, self.shape = key, quantity, shape
        self.number = next((n for n, none in enumerate(shape) if not none), None)
        self.single = sum(not none for none in shape) == 1
        self.items: list[int] = []
        self.values: list[float] = []
        self.skip: list[int] = []

    def sort(self, keys: dict[int, _Key]) -> None:
        n = self.number
        self.items.sort(key=lambda i: 0.0 if n is None else float(keys[i].numbers[n] or 0.0))
        self.values = [0.0 if n is None else float(keys[i].numbers[n] or 0.0) for i in self.items]
        self.skip = list(range(len(self.items)))

    def chain(self, lo: int, hi: int, union: Callable[[int, int], None]) -> None:
        """Join items ``lo`` to ``hi - 1`` into one group, skipping links already made (amortised linear)."""
        k = lo
        while k < hi - 1:
            root = k
            while self.skip[root] != root:
                root = self.skip[root]
            while self.skip[k] != root:  # path compression
                self.skip[k], k = root, self.skip[k]
            k = root
            if k >= hi - 1:
                break
            union(self.items[k], self.items[k + 1])
            self.skip[k] = k + 1
            k += 1


def _compatible(a: _Key, b: _Key, days: int) -> bool:
    if not (a.names & b.names or a.names & b.via or b.names & a.via):
        return False
    if a.window_end and b.window_end and a.window_end != b.window_end:
        return False
    return a.day is None or b.day is None or abs((a.day - b.day).days) <= days


def _join_contexts(
    contexts: list[_Context],
    days: int,
    rel_tol: float,
    union: Callable[[int, int], None],
    join: Callable[[int, int], None],
) -> None:
    """Join claims across contexts that may relay one another (same name, dates within ``days``)."""
    width = max(days, 0) + 1  # dates within `days` of each other fall in the same or the next bin
    buckets: dict[tuple[str, tuple[bool, ...], str], list[int]] = {}
    for n, ctx in enumerate(contexts):
        for name in ctx.key.names | ctx.key.via:
            buckets.setdefault((ctx.quantity, ctx.shape, name), []).append(n)
    done: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        bins: dict[int, list[int]] = {}
        undated = []
        for n in members:
            day = contexts[n].key.day
            if day is None:
                undated.append(n)
            else:
                bins.setdefault(day.toordinal() // width, []).append(n)
        pairs = [(x, y) for b, inside in bins.items() for x in inside for y in inside + bins.get(b + 1, [])]
        pairs += [(u, y) for u in undated for y in members]
        for x, y in pairs:
            pair = (min(x, y), max(x, y))
            if x == y or pair in done:
                continue
            done.add(pair)
            a, b = contexts[x], contexts[y]
            if not _compatible(a.key, b.key, days):
                continue
            if a.single:
                _range_join(a, b, rel_tol, union)
            else:
                _sweep(a.items + b.items, [*a.values, *b.values], rel_tol, join)


def _range_join(a: _Context, b: _Context, rel_tol: float, union: Callable[[int, int], None]) -> None:
    """Join each claim of ``a`` with every claim of ``b`` whose one figure is close to its own."""
    for i, x in zip(a.items, a.values, strict=True):
        ends = (x * (1 - rel_tol), x / (1 - rel_tol)) if rel_tol < 1 else (-math.inf, math.inf)
        lo = bisect.bisect_left(b.values, min(ends) - 1e-12)
        hi = bisect.bisect_right(b.values, max(ends) + 1e-12)
        while lo < hi and not _close(x, b.values[lo], rel_tol):
            lo += 1
        while hi > lo and not _close(x, b.values[hi - 1], rel_tol):
            hi -= 1
        if lo < hi:
            union(i, b.items[lo])
            b.chain(lo, hi, union)


def _sweep(items: list[int], values: list[float], rel_tol: float, join: Callable[[int, int], None]) -> None:
    """Offer ``join`` each pair of items whose first figures are within ``rel_tol`` (a sorted sweep)."""
    order = sorted(range(len(items)), key=values.__getitem__)
    for a, p in enumerate(order):
        xa = values[p]
        for q in order[a + 1 :]:
            xb = values[q]
            if xb - xa > rel_tol * max(abs(xa), abs(xb)) + 1e-12:
                break  # sorted: every later figure is further away
            join(items[p], items[q])


def lineage_groups(claims: Sequence[Statement], **kwargs: int | float) -> dict[str, list[str]]:
    """Lineage label mapped to the ids of its claims, in the order the claims were given."""
    labels = detect_lineages(claims, **kwargs)  # type: ignore[arg-type]
    out: dict[str, list[str]] = {}
    for c in claims:
        out.setdefault(labels[c.id], []).append(c.id)
    return out
