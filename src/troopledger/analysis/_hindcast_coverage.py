"""How a history's predictions held, over many hindcast scores: coverage, mean scores and sharpness.

:func:`coverage` counts the scores inside their 90 % interval, overall, for stated
figures and one-sided bounds apart, for each claim's freshest prediction only, and by
family of claims (soldiers, casualties, pay, ...); :func:`sharpness` says how narrow
the intervals were. Both return typed objects whose ``to_json`` is the ``coverage``
group of a history's JSON, and whose ``from_json`` reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from troopledger.analysis._hindcast import HindcastScore
from troopledger.analysis._hindcast_inputs import family_of

__all__ = ["NOMINAL", "Coverage", "CoverageShare", "FamilyCoverage", "Sharpness", "coverage", "sharpness"]

#: The coverage honest 90 % intervals have over many independent figures.
NOMINAL = 0.9


def _opt(x: Any) -> float | None:
    return None if x is None else float(x)


@dataclass(frozen=True)
class CoverageShare:
    """Of ``n`` scores, how many fell inside their 90 % interval (and their predictive band), with mean scores."""

    n: int
    inside: int
    coverage: float | None  # inside / n (None: no scores)
    predictive_n: int  # scores with a predictive band (the claim's own error known)
    predictive_inside: int
    predictive_coverage: float | None
    mean_crps: float | None  # over the stated figures
    mean_log_score: float | None  # over the one-sided claims

    @classmethod
    def of(cls, items: Sequence[HindcastScore]) -> CoverageShare:
        """The share of ``items`` inside, and their mean CRPS and log score."""
        n = len(items)
        k = sum(s.inside for s in items)
        crps = [s.crps for s in items if s.crps is not None]
        logs = [s.log_score for s in items if s.log_score is not None]
        pred = [s.predictive_inside for s in items if s.predictive_inside is not None]
        return cls(
            n=n,
            inside=k,
            coverage=k / n if n else None,
            predictive_n=len(pred),
            predictive_inside=sum(pred),
            predictive_coverage=sum(pred) / len(pred) if pred else None,
            mean_crps=float(np.mean(crps)) if crps else None,
            mean_log_score=float(np.mean(logs)) if logs else None,
        )

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> CoverageShare:
        """Read back what :meth:`to_json` wrote."""
        return cls(
            int(d["n"]),
            int(d["inside"]),
            _opt(d["coverage"]),
            int(d["predictive_n"]),
            int(d["predictive_inside"]),
            _opt(d["predictive_coverage"]),
            _opt(d["mean_crps"]),
            _opt(d["mean_log_score"]),
        )

    def to_json(self) -> dict[str, object]:
        """The share as JSON: ``n``, ``inside``, ``coverage``, the three ``predictive_*`` and the two means."""
        return {
            "n": self.n,
            "inside": self.inside,
            "coverage": self.coverage,
            "predictive_n": self.predictive_n,
            "predictive_inside": self.predictive_inside,
            "predictive_coverage": self.predictive_coverage,
            "mean_crps": self.mean_crps,
            "mean_log_score": self.mean_log_score,
        }


@dataclass(frozen=True)
class FamilyCoverage:
    """Coverage of the claims of one family: every prediction, each claim once, and the claims."""

    all: CoverageShare
    latest: CoverageShare
    claims: tuple[str, ...]

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> FamilyCoverage:
        """Read back what :meth:`to_json` wrote."""
        return cls(
            CoverageShare.from_json(d["all"]),
            CoverageShare.from_json(d["latest"]),
            tuple(str(c) for c in d["claims"]),
        )

    def to_json(self) -> dict[str, object]:
        """``{all, latest, claims}``."""
        return {"all": self.all.to_json(), "latest": self.latest.to_json(), "claims": list(self.claims)}


@dataclass(frozen=True)
class Sharpness:
    """How narrow the 90 % intervals were: the median ratio p95/p5 (where p5 > 0), overall and once per claim."""

    median_p95_over_p5: float | None
    latest_median_p95_over_p5: float | None

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Sharpness:
        """Read back what :meth:`to_json` wrote."""
        return cls(_opt(d.get("median_p95_over_p5")), _opt(d.get("latest_median_p95_over_p5")))

    def to_json(self) -> dict[str, float | None]:
        """``{median_p95_over_p5, latest_median_p95_over_p5}``."""
        return {
            "median_p95_over_p5": self.median_p95_over_p5,
            "latest_median_p95_over_p5": self.latest_median_p95_over_p5,
        }


@dataclass(frozen=True)
class Coverage:
    """The coverage of a set of hindcast scores: overall, figures and bounds apart, freshest only, by family."""

    nominal: float
    all: CoverageShare
    figures: CoverageShare  # stated figures (and ranges)
    bounds: CoverageShare  # one-sided claims: at least, up to
    latest: CoverageShare  # each claim's freshest prediction only
    latest_figures: CoverageShare
    by_family: dict[str, FamilyCoverage]
    sharpness: Sharpness

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Coverage:
        """Read back what :meth:`to_json` wrote."""

        def share(key: str) -> CoverageShare:
            return CoverageShare.from_json(d[key])

        families: Mapping[str, Mapping[str, Any]] = d.get("by_family") or {}
        return cls(
            float(d["nominal"]),
            share("all"),
            share("figures"),
            share("bounds"),
            share("latest"),
            share("latest_figures"),
            {k: FamilyCoverage.from_json(v) for k, v in families.items()},
            Sharpness.from_json(d.get("sharpness") or {}),
        )

    def to_json(self) -> dict[str, object]:
        """``{nominal, all, figures, bounds, latest, latest_figures, by_family, sharpness}``."""
        return {
            "nominal": self.nominal,
            "all": self.all.to_json(),
            "figures": self.figures.to_json(),
            "bounds": self.bounds.to_json(),
            "latest": self.latest.to_json(),
            "latest_figures": self.latest_figures.to_json(),
            "by_family": {k: f.to_json() for k, f in self.by_family.items()},
            "sharpness": self.sharpness.to_json(),
        }


def _freshest(scores: Sequence[HindcastScore]) -> list[HindcastScore]:
    """Each claim's score made on the latest as-of day."""
    latest: dict[str, HindcastScore] = {}
    for s in scores:
        if s.claim not in latest or s.as_of > latest[s.claim].as_of:
            latest[s.claim] = s
    return list(latest.values())


def coverage(scores: Sequence[HindcastScore]) -> Coverage:
    """Share of scores inside their 90 % interval, overall and for figures and bounds apart, with mean scores.

    ``latest`` repeats the counts for each claim's freshest prediction only (the last
    as-of day before it was reported), since predictions of one claim made on
    successive days are far from independent.
    """
    share = CoverageShare.of
    fresh = _freshest(scores)
    families = sorted({family_of(s.quantity) for s in scores})
    by_family = {
        f: FamilyCoverage(
            share([s for s in scores if family_of(s.quantity) == f]),
            share([s for s in fresh if family_of(s.quantity) == f]),
            tuple(sorted({s.claim for s in scores if family_of(s.quantity) == f})),
        )
        for f in families
    }
    return Coverage(
        nominal=NOMINAL,
        all=share(scores),
        figures=share([s for s in scores if s.side == "figure"]),
        bounds=share([s for s in scores if s.side != "figure"]),
        latest=share(fresh),
        latest_figures=share([s for s in fresh if s.side == "figure"]),
        by_family=by_family,
        sharpness=sharpness(scores),
    )


def sharpness(scores: Sequence[HindcastScore]) -> Sharpness:
    """How narrow the 90 % intervals were: the median ratio p95/p5 (where p5 > 0), overall and once per claim."""

    def median_ratio(items: Sequence[HindcastScore]) -> float | None:
        r = [s.p95 / s.p5 for s in items if s.p5 > 0]
        return float(np.median(r)) if r else None

    return Sharpness(median_ratio(scores), median_ratio(_freshest(scores)))
