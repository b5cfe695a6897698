"""Hedges and share words: one table, read by fusion and calibration alike.

A claim's hedge ("about", "up to", "could" ...) says how firmly its figure is meant.
Each hedge word has one :class:`HedgeRule` record holding every reading of it:

* for **fusion** (a claim becoming a prior), ``reading``, ``width`` and ``strength``:
  "about X" is a 90 % interval X/(1+width) to X(1+width), "up to X" puts X at the
  95th percentile, and ``strength`` scales the claim's weight in a pool;
* for **calibration** (a claim observing the model), ``certainty``: ``exact``,
  ``about`` or ``speculative``, whose 90 % half-width :data:`CERTAINTY_WIDTH` gives.

The two widths differ on purpose and are kept as they were when the two readings
lived in two stages (a prior "about" is tighter than an observation's tolerance), so
the numbers did not move when the tables became one. :data:`WORDS` reads figures
given in words only ("nothing", "most") as 90 % intervals of a share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CERTAINTY_WIDTH", "HEDGES", "WORDS", "Certainty", "HedgeRule", "hedge_key", "hedge_rule", "words_interval"]

Certainty = Literal["exact", "about", "speculative"]

#: Relative 90 % half-width calibration puts around a figure, by the certainty of its hedge.
CERTAINTY_WIDTH: dict[Certainty, float] = {"exact": 0.05, "about": 0.25, "speculative": 0.5}


@dataclass(frozen=True)
class HedgeRule:
    """How one hedge reads a figure X, for fusion and for calibration.

    ``point``: a 90 % interval X/(1+s) to X(1+s) with ``s = width``.
    ``upper``: X is the 95th percentile and ``width * X`` the 5th.
    ``lower``: X is the 5th percentile and ``width * X`` the 95th (for shares, the
    room above X shrinks by ``width``: the 95th is ``1 - (1 - X) / width``).
    ``below``: "nearly X", a 90 % interval ``(1 - width) X`` to X.
    ``strength`` multiplies the claim's weight in a pool; ``certainty`` picks the
    width of the claim's error model when it observes the model.
    """

    reading: Literal["point", "upper", "lower", "below"]
    width: float
    strength: float
    certainty: Certainty = "about"

    @property
    def calibration_width(self) -> float:
        """The relative 90 % half-width of this hedge as an observation."""
        return CERTAINTY_WIDTH[self.certainty]


_GROUPS: list[tuple[tuple[str, ...], HedgeRule]] = [
    (("none", "", "exactly", "precisely"), HedgeRule("point", 0.05, 1.0, "exact")),
    (("official", "confirmed"), HedgeRule("point", 0.15, 1.0, "exact")),
    (
        ("about", "around", "roughly", "approximately", "approx.", "circa", "~", "some", "reported"),
        HedgeRule("point", 0.15, 1.0),
    ),
    (("estimated", "estimate", "assessed", "calculated"), HedgeRule("point", 0.25, 1.0)),
    (("probably", "reportedly", "believed"), HedgeRule("point", 0.15, 0.8)),
    (("likely", "expected"), HedgeRule("point", 0.15, 0.8, "speculative")),
    (("plans", "planned", "projected"), HedgeRule("point", 0.15, 1.0, "speculative")),
    (
        ("could", "may", "might", "maybe", "possibly", "perhaps", "suspect", "suspects"),
        HedgeRule("point", 0.5, 0.5, "speculative"),
    ),
    (
        ("up to", "as many as", "as much as", "at most", "no more than", "not more than", "a maximum of"),
        HedgeRule("upper", 0.7, 1.0),
    ),
    (("could rise to", "could reach", "may reach", "possibly up to"), HedgeRule("upper", 0.7, 0.5)),
    (("less than", "fewer than", "under", "below"), HedgeRule("upper", 0.3, 1.0)),
    (
        (
            *("at least", "more than", "over", "over than", "exceeding", "plus", "a minimum of"),
            *("no less than", "not less than", "no fewer than", "not fewer than"),
        ),
        HedgeRule("lower", 1.5, 1.0),
    ),
    (("nearly", "almost", "just under", "close to"), HedgeRule("below", 0.1, 1.0)),
]

#: Hedge word -> its rule (one record per word). Unknown hedges read as "about".
HEDGES: dict[str, HedgeRule] = {word: rule for words, rule in _GROUPS for word in words}
_ABOUT = HEDGES["about"]

#: Words without a number -> 90 % interval of the fraction they speak of.
WORDS: dict[str, tuple[float, float]] = {
    **dict.fromkeys(("nothing", "none", "no", "not any", "zero"), (0.0001, 0.02)),
    **dict.fromkeys(
        ("almost nothing", "next to nothing", "little or nothing", "small amount or nothing"), (0.001, 0.1)
    ),
    **dict.fromkeys(("little", "a little", "a small amount", "a small part", "few", "a few"), (0.01, 0.2)),
    **dict.fromkeys(("some", "part", "a share", "a portion"), (0.05, 0.5)),
    **dict.fromkeys(("half", "about half"), (0.4, 0.6)),
    **dict.fromkeys(("much", "a large part", "a lot"), (0.4, 0.85)),
    **dict.fromkeys(("most", "the majority", "the bulk", "much of"), (0.55, 0.95)),
    **dict.fromkeys(("almost all", "nearly all", "the vast majority"), (0.85, 0.99)),
    **dict.fromkeys(("all", "everything", "the whole"), (0.98, 0.9999)),
}


def hedge_key(text: str) -> str:
    """The lookup form of a hedge or share word: case-folded, apostrophes dropped, spaces collapsed."""
    return " ".join(text.casefold().replace("'", "").split())


def hedge_rule(hedge: str) -> HedgeRule:
    """The rule for a hedge word; unknown hedges read as "about"."""
    return HEDGES.get(hedge_key(hedge), _ABOUT)


def words_interval(words: str, *, complement: bool = False) -> tuple[float, float]:
    """The 90 % interval :data:`WORDS` gives ``words``; ``complement`` flips it (1 - hi, 1 - lo).

    "nothing" reaching the soldiers, read as the state's share, is
    ``words_interval("nothing", complement=True)`` = (0.98, 0.9999).
    """
    try:
        lo, hi = WORDS[hedge_key(words)]
    except KeyError:
        raise ValueError(f"no reading for the words '{words[:60]}'; use one of: {', '.join(WORDS)}") from None
    return (round(1.0 - hi, 12), round(1.0 - lo, 12)) if complement else (lo, hi)
