"""Korean counts of soldiers: the noun a coordinated count shares, and the label when no cue of rule 14 is near.

Builds on ``_cues`` (its callers there import it inside the function, as with ``_clause_links``).
"""

from __future__ import annotations

from troopledger.claims._cues import COUNTED, Context, _nearest
from troopledger.claims._ko_clauses import coordinated, deployment_named

__all__ = ["joined_cue", "troop_fallback"]


def joined_cue(ctx: Context) -> tuple[str, int] | None:
    """The cue a Korean count joined to the next by 과/와/및 shares with it: "1차 1만1천 명과 2차 3천 명을 합쳐 ...
    파병된" (the verb after the last count is every count's); None elsewhere."""
    if ctx.pack.code != "ko" or not coordinated(ctx.after(8)):
        return None
    return _nearest(Context(ctx.sentence, ctx.start, ctx.end, ctx.pack, 3), (*COUNTED, "dispatch"))


def troop_fallback(ctx: Context, own: Context, closed: bool) -> str:
    """Wave, total or stock from the nearest cue of the sentence (of the figure's own clause when a Korean copula
    closed it); a Korean count with no such cue, no verb of sending and no word of the deployment in its sentence
    is not the force ("참전 군인 101명에게 칭호를 수여했다"): it abstains from the troop vocabulary."""
    which = _nearest(
        own if closed else Context(ctx.sentence, ctx.start, ctx.end, ctx.pack, 3), ("wave", "cumulative", "stock")
    )
    if which is None and ctx.pack.code == "ko" and not own.near("dispatch") and not deployment_named(ctx.sentence):
        return "other:count"
    if which is None:
        return "troops_deployed"
    return {"wave": "troops_per_rotation", "cumulative": "cumulative_troops"}.get(which[0], "troops_deployed")
