"""What a history found, as typed objects: each as-of step, what arrived, what moved it, and the hindcast.

:func:`troopledger.analysis.history` returns a :class:`History`; the report renders its
attributes, and :meth:`History.as_dict` writes the JSON ``troopledger history --format
json`` prints (NaN and infinities become null). :meth:`History.from_json` reads that JSON
back into the same objects, so a saved history renders as the fresh one does.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from troopledger.analysis._hindcast import HindcastScore
from troopledger.analysis._hindcast_coverage import Coverage
from troopledger.analysis._ledger_weights import Band
from troopledger.claims import Claim
from troopledger.model import HEADLINE_TOTALS

__all__ = ["HISTORY_HEADLINE", "ArrivedClaim", "History", "Move", "Step", "Unscored"]

#: What each step reports: four totals over the horizon, the state's share of them, soldiers sent and killed.
HISTORY_HEADLINE = (*HEADLINE_TOTALS, "state_share", "soldiers_sent", "killed")


def _finite(obj: object) -> object:
    """Replace NaN and infinities (not JSON) by None, recursively."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def _num(x: Any) -> float:
    """A number JSON held (null: not finite) back as a float."""
    return float("nan") if x is None else float(x)


def _band(d: Mapping[str, Any]) -> Band:
    return Band(_num(d["mean"]), _num(d["p5"]), _num(d["p50"]), _num(d["p95"]))


def _changes(d: Mapping[str, Any]) -> dict[str, float]:
    return {str(k): _num(v) for k, v in d.items()}


@dataclass(frozen=True)
class ArrivedClaim:
    """A claim first known on a step's day: its figure, who said it, where and when, and whether the model used it."""

    id: str
    quantity: str
    figure: str
    speaker: str
    outlet: str
    date: str  # the day it was reported, YYYY-MM-DD ("" when undated)
    status: str
    used: bool

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ArrivedClaim:
        """Read back what :meth:`to_json` wrote."""
        return cls(**{k: d[k] for k in ("id", "quantity", "figure", "speaker", "outlet", "date", "status", "used")})

    def to_json(self) -> dict[str, object]:
        """``{id, quantity, figure, speaker, outlet, date, status, used}``."""
        return {
            "id": self.id,
            "quantity": self.quantity,
            "figure": self.figure,
            "speaker": self.speaker,
            "outlet": self.outlet,
            "date": self.date,
            "status": self.status,
            "used": self.used,
        }


@dataclass(frozen=True)
class Move:
    """One document's claims arriving in a step, and how far they alone moved each headline median."""

    claims: tuple[str, ...]
    outlet: str
    date: str
    change: dict[str, float]

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Move:
        """Read back what :meth:`to_json` wrote."""
        return cls(tuple(d["claims"]), d["outlet"], d["date"], _changes(d["change"]))

    def to_json(self) -> dict[str, object]:
        """``{claims, outlet, date, change}``."""
        return {"claims": list(self.claims), "outlet": self.outlet, "date": self.date, "change": self.change}


@dataclass(frozen=True)
class Step:
    """The estimate on one as-of day, with what arrived since the previous day and how far it moved."""

    day: str
    arrived: tuple[ArrivedClaim, ...]
    headline: dict[str, Band]  # each of HISTORY_HEADLINE over the horizon
    method: str
    effective_draws: float
    change: dict[str, float] = field(default_factory=dict)  # step change of each headline median
    moves: tuple[Move, ...] = ()

    @property
    def month(self) -> str:
        """The as-of day's month, YYYY-MM."""
        return self.day[:7]

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Step:
        """Read back what :meth:`as_dict` wrote."""
        return cls(
            d["as_of"],
            tuple(ArrivedClaim.from_json(a) for a in d["arrived"]),
            {k: _band(b) for k, b in d["headline"].items()},
            d["method"],
            _num(d["effective_draws"]),
            _changes(d["change"]),
            tuple(Move.from_json(m) for m in d["moves"]),
        )

    def as_dict(self) -> dict[str, object]:
        """Plain data for the report."""
        return {
            "as_of": self.day,
            "month": self.month,
            "method": self.method,
            "effective_draws": self.effective_draws,
            "headline": {k: b.to_json() for k, b in self.headline.items()},
            "change": self.change,
            "arrived": [a.to_json() for a in self.arrived],
            "moves": [m.to_json() for m in self.moves],
        }


@dataclass(frozen=True)
class Unscored:
    """A claim of the case no as-of day could hold against a prediction, and why."""

    id: str
    quantity: str
    reason: str

    def to_json(self) -> dict[str, str]:
        """``{id, quantity, reason}``."""
        return {"id": self.id, "quantity": self.quantity, "reason": self.reason}


@dataclass(frozen=True)
class History:
    """A case's estimate over as-of days, and its predictions scored against what came later."""

    case: str
    title: str
    seed: int
    draws: int
    every: str
    steps: tuple[Step, ...]
    scores: tuple[HindcastScore, ...]
    coverage: Coverage
    claims: dict[str, Claim]  # every claim of the case, by id
    unscored: tuple[Unscored, ...] = ()  # claims no day could predict, and why

    @property
    def first(self) -> str | None:
        """The first as-of day (None: no steps)."""
        return self.steps[0].day if self.steps else None

    @property
    def last(self) -> str | None:
        """The last as-of day (None: no steps)."""
        return self.steps[-1].day if self.steps else None

    def speakers(self) -> dict[str, str]:
        """Claim id -> speaker, of the claims the history carries."""
        return {cid: c.speaker for cid, c in self.claims.items()}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> History:
        """Read back what :meth:`as_dict` wrote (a report's ``history``, without claims, too)."""
        hindcast = d["hindcast"]
        return cls(
            d["case"],
            d["title"],
            int(d["seed"]),
            int(d["draws"]),
            d["every"],
            tuple(Step.from_json(s) for s in d["steps"]),
            tuple(HindcastScore.from_json(s) for s in hindcast["scores"]),
            Coverage.from_json(hindcast["coverage"]),
            {k: Claim.model_validate(c) for k, c in (d.get("claims") or {}).items()},
            tuple(Unscored(u["id"], u["quantity"], u["reason"]) for u in hindcast.get("unscored") or ()),
        )

    def as_dict(self, *, claims: bool = True) -> dict[str, object]:
        """The history as one JSON-ready object (the same wherever its runs ran); NaN becomes None.

        ``claims=False`` leaves the claims out (a report holds them once).
        """
        out: dict[str, object] = {
            "case": self.case,
            "title": self.title,
            "seed": self.seed,
            "draws": self.draws,
            "every": self.every,
            "from": self.first,
            "to": self.last,
            "headline_keys": list(HISTORY_HEADLINE),
            "steps": [s.as_dict() for s in self.steps],
            "hindcast": {
                "scores": [s.as_dict() for s in self.scores],
                "coverage": self.coverage.to_json(),
                "unscored": [u.to_json() for u in self.unscored],
            },
        }
        if claims:
            out["claims"] = {k: c.model_dump(mode="json") for k, c in self.claims.items()}
        finite: dict[str, object] = _finite(out)  # type: ignore[assignment]
        return finite
