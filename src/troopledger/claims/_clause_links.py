"""What a figure's clause says beyond its nearest cue word, in the spaced scripts of the pack-driven reader.

A month name in the clause dates a dispatch or starts a running total; a linking verb ties a subject
however long to the figure after it ("потери ... составили около 350"); a word of capture later in a
troop figure's clause makes its men prisoners; an additive word right before a count beside a verb of
sending makes it one more batch. Each is a lookup of the pack's cue groups around the figure, as in
``_cues``.
"""

from __future__ import annotations

import re

from troopledger.claims._cues import COUNTED, Context, bound, find_cue

__all__ = ["additive", "captured", "dated", "link_subject", "linked", "out_of", "own_clause", "planned"]

_CASUALTY = ("killed", "wounded", "casualties")
_GLUED = ("ja", "zh", "ko")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[,，、;；:：()（）\u2013\u2014\"“”„«»「」『』]")


def linked(ctx: Context) -> tuple[str, int] | None:
    """The cue group of the subject a linking verb ties to the figure, however long the subject.

    "Die Verluste der nordkoreanischen Einheiten in der Region Kursk belaufen sich auf rund 4.000",
    "потери за первые два этапа операции составили около 350": the head noun comes first in these
    languages and its modifiers after it, so a casualty word anywhere in the subject makes the count
    casualties (killed and wounded together: all casualties), else the subject's first cue decides.
    """
    subject = link_subject(ctx)
    if subject is None:
        return None
    hits = sorted((i, k) for k in COUNTED for w in ctx.pack.cue(k) if (i := find_cue(subject, w, ctx.pack)) >= 0)
    kinds = [k for _i, k in hits]
    if "killed" in kinds and "wounded" in kinds:
        return "casualties", ctx.wide
    casualty = next((k for k in kinds if k in _CASUALTY), None)
    return (casualty or kinds[0], ctx.wide) if kinds else None


def link_subject(ctx: Context) -> str | None:
    """The subject a linking verb right before the figure ties to it ("щомісячна виплата ... становить близько"),
    or None when no linking verb stands there."""
    verbs = ctx.pack.cue("link")
    if not verbs or ctx.pack.code in _GLUED:
        return None
    clause = _PUNCT.split(ctx.sentence[: ctx.start])[-1]
    at = max((find_cue(clause, v, ctx.pack, last=True) for v in verbs), default=-1)
    if at < 0 or len(clause[at:].split()) > 6:  # the verb, then at most a few adverbs, prepositions and bounds
        return None
    subject = clause[:at]
    if not subject.strip():
        # the verb opens its clause after a relative one: "загальна кількість військових КНДР, які воюють ...,
        # становить близько 12 тисяч": the subject is where the sentence's clauses begin
        subject = _STRONG.split(ctx.sentence[: ctx.start])[-1][: -len(clause)]
    return subject


def captured(ctx: Context) -> bool:
    """A word of capture in a troop figure's own clause, after it ("двое солдат КНДР попали в плен") or before it
    ("взяли в плен ещё двоих"), with no other number between (LABELS rule 19)."""
    parts = _PUNCT.split(_DIGIT.split(ctx.after(2 * ctx.wide), maxsplit=1)[0], maxsplit=2)
    clause = parts[0]
    if len(parts) > 1 and parts[1].lstrip().startswith(ctx.pack.cue("relative")):
        clause += " " + parts[1]  # "двоє солдатів, яких наші воїни взяли в полон": the relative clause of the noun
    lead = _DIGIT.split(_PUNCT.split(ctx.before(ctx.wide))[-1])[-1]  # "взяла в полон ще 2 військових"
    return any(
        find_cue(clause, w, ctx.pack) >= 0 or find_cue(lead, w, ctx.pack) >= 0 for w in ctx.pack.cue("prisoners")
    )


def additive(ctx: Context) -> bool:
    """An additive word ("ещё", "ще", "noch einmal", "encore") among the three words right before the figure.

    It says one more batch only beside a verb of sending: beside a verb of staying ("остаются ещё
    11 тысяч") it means "still", which the caller checks.
    """
    words = ctx.pack.cue("additive")
    if not words or not ctx.anywhere("sent"):
        return False  # "ещё 1 тыс. – инженерные": no verb of sending
    said = bound(ctx)[1]
    if said and any(said.startswith(w.strip()) for w in words):
        return False  # "mais de 3 mil": a bound, not "3 mil more" ("hasta 3.000 más" is both)
    tail = " ".join(ctx.before(40).split()[-3:]) + " "
    own = _PUNCT.split(ctx.after(30), maxsplit=1)[0]
    head = " " + " ".join(own.split()[:3]) + " "  # "3.000 (soldados) más": right after the figure or its noun
    return any(find_cue(tail, w, ctx.pack) >= 0 or (w.endswith(" ") and f" {w}" in head) for w in words)


def own_clause(ctx: Context) -> Context:
    """The figure's own clause (up to commas, dashes and brackets) as a context of its own."""
    lo = max((m.end() for m in _CLAUSE.finditer(ctx.sentence, 0, ctx.start)), default=0)
    nxt = _CLAUSE.search(ctx.sentence, ctx.end)
    return Context(ctx.sentence[lo : nxt.start() if nxt else None], ctx.start - lo, ctx.end - lo, ctx.pack, 3)


_CLAUSE = re.compile(r"[,;:()\u2013\u2014\"“”„«»]")
_STRONG = re.compile(r"[;:()\u2013\u2014\"“”„«»]")


def dated(own: Context, sentence: str) -> str | None:
    """Rule 14 by a month name: since a month → running total; in a month → a wave.

    The month counts in the figure's own clause ("seit Oktober", "с октября", "im Januar", "в
    ноябре") or opening the sentence ("Fin février, ..."), not in a relative clause about
    another event. A dated dispatch is a wave unless a present-state verb makes it the force there.
    """
    pack = own.pack
    if not (pack.month_in or pack.month_since):
        return None
    from troopledger.claims._month_names import month_pattern

    def said(prepositions: tuple[str, ...]) -> bool:
        pattern = month_pattern(pack.code, prepositions)
        if pattern is None:
            return False
        opening = pattern.match(sentence.lstrip())
        return opening is not None or pattern.search(own.sentence) is not None

    if said(pack.month_since):
        return "cumulative_troops"
    if said(pack.month_in) and not own.near("stock"):
        return "troops_per_rotation"
    return None


def planned(own: Context) -> bool:
    """A future or planning auxiliary and a verb of sending, both in the figure's own clause.

    German puts the verb last ("Nordkorea werde 6.000 Soldaten nach Kursk schicken"), so the two
    words are looked for anywhere in the clause, not as one phrase.
    """
    clause = own.sentence
    return any(find_cue(clause, w, own.pack) >= 0 for w in own.pack.cue("plan")) and any(
        find_cue(clause, w, own.pack) >= 0 for w in own.pack.cue("sent")
    )


def out_of(ctx: Context) -> bool:
    """Whether the figure is the whole of a part counted just before it in its clause: the "11 000" of
    "1 000 seraient morts sur quelque 11 000 soldats", "600 von rund 11.000", "1.000 de los 11.000"."""
    words = ctx.pack.cue("out_of")
    pre = _PUNCT.split(ctx.before(2 * ctx.wide))[-1]
    hedges = (*ctx.pack.bounds.get("about_before", ()), *ctx.pack.bounds.get("lower_before", ()))
    tail = pre.rstrip()
    for h in sorted(hedges, key=len, reverse=True):
        if tail.endswith(" " + h) or tail == h:
            tail = tail[: -len(h)].rstrip()
            break
    hit = next((w for w in words if tail.endswith(" " + w) or tail == w), None)
    return hit is not None and bool(re.search(r"\d", tail[: -len(hit)]))
