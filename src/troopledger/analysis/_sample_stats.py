"""A run's calibration diagnostics as a typed object: what the report's ``calibration`` group holds.

:attr:`troopledger.analysis.Result.sample_stats` keeps the diagnostics as the plain
JSON-ready mapping ArviZ's ``sample_stats`` group stores (and a saved Result reads
back); :meth:`SampleStats.from_json` reads that mapping into typed fields the report
renders, and :meth:`SampleStats.to_json` writes it again, key for key and in order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from troopledger.calibration import ClaimCheck, StructuralMisfit

__all__ = ["BatchPlan", "Reading", "SampleStats", "SamplerStats", "SkippedClaim"]


def _num(x: Any) -> float:
    """A number JSON held (null: not a number) back as a float; anything else as it was."""
    return math.nan if x is None else x


@dataclass(frozen=True)
class SkippedClaim:
    """A claim calibration could not read as an observation, and why."""

    claim: str
    reason: str

    def to_json(self) -> dict[str, str]:
        """``{claim, reason}``."""
        return {"claim": self.claim, "reason": self.reason}


@dataclass(frozen=True)
class Reading:
    """One coherent reading of the claims: its weight, the claims it takes as wrong and right, its medians."""

    weight: float
    wrong: tuple[str, ...]
    right: tuple[str, ...]
    totals: dict[str, float]
    parameters: dict[str, float]

    @classmethod
    def from_json(cls, r: Mapping[str, Any]) -> Reading:
        """A reading as the calibration's diagnostics hold it."""
        return cls(
            float(r["weight"]),
            tuple(r.get("wrong") or ()),
            tuple(r.get("right") or ()),
            dict(r.get("totals") or {}),
            dict(r.get("parameters") or {}),
        )

    def to_json(self) -> dict[str, object]:
        """``{weight, wrong, right, totals, parameters}``."""
        return {
            "weight": self.weight,
            "wrong": list(self.wrong),
            "right": list(self.right),
            "totals": self.totals,
            "parameters": self.parameters,
        }


def _check(d: Mapping[str, Any]) -> ClaimCheck:
    num = {k: _num(d[k]) for k in ("tail_included", "tail_left_out", "tail_as_right", "reach_draws")}
    return ClaimCheck(**{**d, **num, "assumptions": tuple(d["assumptions"])})


def _misfit(d: Mapping[str, Any]) -> StructuralMisfit:
    return StructuralMisfit(
        assumption=d["assumption"],
        text=d["text"],
        claims=tuple(d["claims"]),
        lineages=tuple(d["lineages"]),
        factor=_num(d["factor"]),
        log_bayes_factor=_num(d["log_bayes_factor"]),
        wrong_given=dict(d["wrong_probability_given_misfit"]),
        explanation=d["explanation"],
    )


_SAMPLER_KEYS = (
    "observed_parameters",
    "pilot_particles",
    "pilot_stages",
    "proposal_defensive_share",
    "adaptive_steps",
    "adaptive_draws",
    "adaptive_ess",
)


@dataclass(frozen=True)
class SamplerStats:
    """How the robust sampler ran: the inputs claims observe, the tempering pilot, the adapted proposal."""

    observed_parameters: tuple[str, ...]
    pilot_particles: int
    pilot_stages: int
    proposal_defensive_share: float
    adaptive_steps: int
    adaptive_draws: int
    adaptive_ess: tuple[float, ...]

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> SamplerStats | None:
        """The sampler's statistics among ``d``'s keys (None: the run drew no posterior)."""
        if "pilot_particles" not in d:
            return None
        return cls(
            tuple(d["observed_parameters"]),
            d["pilot_particles"],
            d["pilot_stages"],
            d["proposal_defensive_share"],
            d["adaptive_steps"],
            d["adaptive_draws"],
            tuple(d["adaptive_ess"]),
        )

    def to_json(self) -> dict[str, object]:
        """The sampler's keys, as the diagnostics list them."""
        return {
            "observed_parameters": list(self.observed_parameters),
            "pilot_particles": self.pilot_particles,
            "pilot_stages": self.pilot_stages,
            "proposal_defensive_share": self.proposal_defensive_share,
            "adaptive_steps": self.adaptive_steps,
            "adaptive_draws": self.adaptive_draws,
            "adaptive_ess": list(self.adaptive_ess),
        }


@dataclass(frozen=True)
class BatchPlan:
    """How a run of more draws than one batch was split and pooled."""

    count: int
    draws_each: int
    seeds: str  # how each batch's seed follows from the run's
    from_first_batch: tuple[str, ...]  # what the report takes from the first batch alone
    quantile_levels_per_batch: int

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> BatchPlan:
        """Read back what :meth:`to_json` wrote."""
        return cls(
            d["count"], d["draws_each"], d["seeds"], tuple(d["from_first_batch"]), d["quantile_levels_per_batch"]
        )

    def to_json(self) -> dict[str, object]:
        """``{count, draws_each, seeds, from_first_batch, quantile_levels_per_batch}``."""
        return {
            "count": self.count,
            "draws_each": self.draws_each,
            "seeds": self.seeds,
            "from_first_batch": list(self.from_first_batch),
            "quantile_levels_per_batch": self.quantile_levels_per_batch,
        }


_KEYS = (
    "method",
    "observations",
    "skipped",
    "pareto_khat",
    "importance_ess",
    "log_evidence",
    "contradiction_threshold",
    "all_claims_wrong_prior",
    "claims_right_prior",
    "claims_wrong_posterior",
    "mc_error",
    "readings",
    "claim_checks",
    "structural_misfits",
    "claim_judgements",
    *_SAMPLER_KEYS,
    "batches",
)


@dataclass(frozen=True)
class SampleStats:
    """The calibration's diagnostics: method, claims weighed and skipped, k-hat, ESS, checks and readings.

    ``sampler`` is None where no posterior was drawn (method ``none``); ``batches`` where
    the run was one batch. ``extra`` keeps, in order, any key this type does not name.
    """

    method: str  # "robust importance", or "none" when no claim could weigh the draws
    observations: tuple[str, ...]  # ids of the claims that weighed the draws
    skipped: tuple[SkippedClaim, ...]
    pareto_khat: float | None
    importance_ess: float | None
    log_evidence: float | None
    contradiction_threshold: float
    all_claims_wrong_prior: float
    claims_right_prior: dict[str, float]
    claims_wrong_posterior: dict[str, float]
    mc_error: dict[str, dict[str, float]]  # total -> statistic -> Monte Carlo standard error
    readings: tuple[Reading, ...]
    claim_checks: tuple[ClaimCheck, ...]
    structural_misfits: tuple[StructuralMisfit, ...]
    claim_judgements: dict[str, str]  # claim id -> the verdict in words
    sampler: SamplerStats | None = None
    batches: BatchPlan | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> SampleStats:
        """Read the diagnostics mapping (a Result's ``sample_stats``, or the report JSON's ``calibration``)."""
        return cls(
            method=str(d["method"]),
            observations=tuple(d.get("observations") or ()),
            skipped=tuple(SkippedClaim(str(s["claim"]), str(s["reason"])) for s in d.get("skipped") or ()),
            pareto_khat=d.get("pareto_khat"),
            importance_ess=d.get("importance_ess"),
            log_evidence=d.get("log_evidence"),
            contradiction_threshold=d["contradiction_threshold"],
            all_claims_wrong_prior=d["all_claims_wrong_prior"],
            claims_right_prior=dict(d.get("claims_right_prior") or {}),
            claims_wrong_posterior=dict(d.get("claims_wrong_posterior") or {}),
            mc_error=dict(d.get("mc_error") or {}),
            readings=tuple(Reading.from_json(r) for r in d.get("readings") or ()),
            claim_checks=tuple(_check(c) for c in d.get("claim_checks") or ()),
            structural_misfits=tuple(_misfit(m) for m in d.get("structural_misfits") or ()),
            claim_judgements=dict(d.get("claim_judgements") or {}),
            sampler=SamplerStats.from_json(d),
            batches=None if d.get("batches") is None else BatchPlan.from_json(d["batches"]),
            extra={k: v for k, v in d.items() if k not in _KEYS},
        )

    def to_json(self) -> dict[str, object]:
        """The diagnostics mapping again, key for key and in the order the calibration wrote it."""
        out: dict[str, object] = {
            "method": self.method,
            "observations": list(self.observations),
            "skipped": [s.to_json() for s in self.skipped],
            "pareto_khat": self.pareto_khat,
            "importance_ess": self.importance_ess,
            "log_evidence": self.log_evidence,
            "contradiction_threshold": self.contradiction_threshold,
            "all_claims_wrong_prior": self.all_claims_wrong_prior,
            "claims_right_prior": self.claims_right_prior,
            "claims_wrong_posterior": self.claims_wrong_posterior,
            "mc_error": self.mc_error,
            "readings": [r.to_json() for r in self.readings],
            "claim_checks": [c.as_dict() for c in self.claim_checks],
            "structural_misfits": [m.as_dict() for m in self.structural_misfits],
            "claim_judgements": self.claim_judgements,
        }
        if self.sampler is not None:
            out |= self.sampler.to_json()
        if self.batches is not None:
            out["batches"] = self.batches.to_json()
        return out | self.extra
