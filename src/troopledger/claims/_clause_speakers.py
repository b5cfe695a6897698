"""Who speaks for each part of a sentence or paragraph: clauses that name their own speakers ("While Kyiv puts
losses at 4,000, Seoul's spy agency estimates about 3,000"), and a quotation carried over paragraphs."""

from __future__ import annotations

import re

from troopledger.claims._attribution import Attribution, attribute
from troopledger.claims._discourse import resolve
from troopledger.claims._saying_subjects import clause_spans

__all__ = ["clause_attributions", "quote_goes_on"]


def quote_goes_on(text: str, before: int, start: int) -> bool:
    """Whether the paragraph at ``start`` goes on with a quotation opened in the paragraph at ``before``: by the
    news convention, a quote running over paragraphs opens each with a quote mark and closes only at its end."""
    last = text.rfind("\n", 0, start) + 1
    if text[last : start + 1].lstrip()[:1] not in ('"', "“"):
        return False  # this paragraph opens no quotation (the cheap test first)
    first = text.rfind("\n", 0, before) + 1
    if first == last or last - first > 3000:
        return False
    paragraphs = [p.strip() for p in text[first:last].split("\n") if p.strip()]
    return bool(paragraphs) and all(p[:1] in ('"', "“") and not p.endswith(('"', "”")) for p in paragraphs)


def clause_attributions(
    s: str, span: tuple[int, int], text: str, att: Attribution, people: list[Attribution]
) -> list[tuple[int, int, Attribution]]:
    """Each clause's own speaker when a sentence gives two speakers a figure each ("While Kyiv puts losses at
    4,000, Seoul's spy agency estimates about 3,000"): (start, end, who) per clause whose speaker differs."""
    if not att.found or "," not in s:
        return []
    out = []
    for a, z in clause_spans(s):
        clause = re.sub(r"^(?:while|whereas|but|although|though)\s+", "", s[a:z], flags=re.I)
        own = resolve(attribute(clause, "", people=people), text, (span[0] + a, span[0] + z), None)
        if own.found and own.speaker != att.speaker:
            out.append((a, z, own))
    return out
