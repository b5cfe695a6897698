"""The report as a typed object: the one object every output format renders.

:class:`ReportPayload` holds what one run found, in the groups of the JSON contract
of DESIGN §7 (``case``, ``seed``, ``draws``, ``months``, ``totals``, ``monthly``,
``parameters``, ``claims``, ``contradictions``, ``conservation_max_abs_error_usd``, plus
the soldier's view, derived outputs, rewards, conventions and run metadata). The
renderers read its attributes; :meth:`ReportPayload.to_json` writes the JSON object
``troopledger report --format json`` prints. :func:`build_payload` makes it from a Result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from troopledger.analysis import (
    Band,
    Claim,
    Conflict,
    Contradiction,
    History,
    Influence,
    Reading,
    SampleStats,
    Sensitivity,
)
from troopledger.report._payload_desk import GivenData, GivenDataOverTime, WindowTotals

__all__ = [
    "AppliedScenario",
    "ClaimEntry",
    "InputEntry",
    "PriorTotals",
    "ReportPayload",
    "Reward",
    "RunMetadata",
    "Unusable",
    "clean_json",
]


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def clean_json(obj: object) -> object:
    """Replace NaN and infinities (not valid JSON) with None, recursively."""
    if isinstance(obj, float):
        return _finite(obj)
    if isinstance(obj, dict):
        return {k: clean_json(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [clean_json(v) for v in obj]
    return obj


def _json_of(x: GivenData | GivenDataOverTime | None) -> dict[str, object] | None:
    return None if x is None else x.to_json()


def _bands(rows: dict[str, Band]) -> dict[str, object]:
    return {k: b.to_json() for k, b in rows.items()}


@dataclass(frozen=True)
class InputEntry:
    """One input of the case: its band over the draws, unit, meaning, distribution and the claims behind it.

    ``band`` is None for an input the report shows by its distribution only (the state's
    uses of its take); ``prior`` is the input's prior band where the run was calibrated.
    """

    band: Band | None
    claims: tuple[str, ...]
    distribution: str
    note: str
    assumption: bool
    unit: str = ""
    meaning: str = ""
    prior: Band | None = None
    #: the run was calibrated, so the entry carries its prior (``prior`` None: the prior lacks it)
    with_prior: bool = False

    def to_json(self) -> dict[str, object]:
        """``{mean, p5, p50, p95, claims, unit, meaning, distribution, note, assumption[, prior]}``."""
        if self.band is None:
            return {
                "claims": list(self.claims),
                "distribution": self.distribution,
                "note": self.note,
                "assumption": self.assumption,
            }
        out: dict[str, object] = {**self.band.to_json(), "claims": list(self.claims), "unit": self.unit}
        out |= {"meaning": self.meaning, "distribution": self.distribution, "note": self.note}
        out["assumption"] = self.assumption
        if self.with_prior:
            out["prior"] = None if self.prior is None else self.prior.to_json()
        return out


@dataclass(frozen=True)
class ClaimEntry:
    """A claim of the case, with the posterior's judgement of it where the run weighed the claims."""

    claim: Claim
    #: the posterior's probability that the claim is wrong (None: not judged)
    wrong_probability: float | None = None
    #: its prior probability of being right
    right_prior: float | None = None

    @property
    def judged(self) -> bool:
        """True when the posterior judged the claim."""
        return self.wrong_probability is not None

    def to_json(self) -> dict[str, object]:
        """The claim's fields, then ``wrong_probability`` and ``right_prior`` when judged."""
        out: dict[str, object] = self.claim.model_dump(mode="json")
        if self.judged:
            out["wrong_probability"] = self.wrong_probability
            out["right_prior"] = self.right_prior
        return out


@dataclass(frozen=True)
class Unusable:
    """An accepted claim the run could not use, and why."""

    claim: str
    quantity: str
    reason: str

    def to_json(self) -> dict[str, str]:
        """``{claim, quantity, reason}``."""
        return {"claim": self.claim, "quantity": self.quantity, "reason": self.reason}


@dataclass(frozen=True)
class Reward:
    """A non-money reward reported for soldiers or families, with the claims that report it."""

    text: str
    claims: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        """``{text, claims}``."""
        return {"text": self.text, "claims": list(self.claims)}


@dataclass(frozen=True)
class AppliedScenario:
    """The case's scenario (by name) and the inputs ``--set`` on the command line, as applied."""

    name: str | None
    description: str
    set: dict[str, object]

    @classmethod
    def from_case(cls, applied: dict[str, Any]) -> AppliedScenario | None:
        """What a case file records as applied, or None when nothing was."""
        if not (applied.get("name") or applied.get("set")):
            return None
        return cls(applied.get("name"), str(applied.get("description") or ""), dict(applied.get("set") or {}))

    def to_json(self) -> dict[str, object]:
        """``{name, description, set}``."""
        return {"name": self.name, "description": self.description, "set": self.set}


@dataclass(frozen=True)
class RunMetadata:
    """Enough to reproduce the run: version, the case's digest and its source."""

    troopledger_version: str
    case_sha256: str
    case_and_claims_sha256: str
    case_source: str

    def to_json(self) -> dict[str, str]:
        """``{troopledger_version, case_sha256, case_and_claims_sha256, case_source}``."""
        return {
            "troopledger_version": self.troopledger_version,
            "case_sha256": self.case_sha256,
            "case_and_claims_sha256": self.case_and_claims_sha256,
            "case_source": self.case_source,
        }


@dataclass(frozen=True)
class PriorTotals:
    """The prior's totals and derived outputs, shown beside the posterior's."""

    totals: dict[str, Band]
    derived: dict[str, Band]

    def to_json(self) -> dict[str, object]:
        """``{totals, derived}``."""
        return {"totals": _bands(self.totals), "derived": _bands(self.derived)}


@dataclass(frozen=True)
class ReportPayload:
    """The report object of one run: every format renders it and nothing else.

    Groups a run may lack are None (``prior``, ``calibration``, ``sensitivity``,
    ``influence``, the desk's ``currency``, ``windows`` and given-data sensitivity,
    ``scenario``, ``as_of``, ``forecast_months``, ``history``) and are left out of the JSON.
    ``calibration`` is the calibration's diagnostics (:class:`~troopledger.analysis.SampleStats`);
    ``readings`` and ``mc_error`` are lifted out of it.
    """

    case: str
    title: str
    description: str
    seed: int
    draws: int
    months: list[str]
    totals: dict[str, Band]
    monthly: dict[str, dict[str, list[float]]]
    derived: dict[str, Band]
    parameters: dict[str, InputEntry]
    claims: dict[str, ClaimEntry]
    contradictions: tuple[Contradiction, ...]
    contradictions_found: int
    conflicts: tuple[Conflict, ...]
    unusable_claims: tuple[Unusable, ...]
    rewards: tuple[Reward, ...]
    conservation_max_abs_error_usd: float
    monthly_bands_from_draws: int
    conventions: dict[str, str]
    calibrated: bool
    state_share: Band | None
    effective_draws: float
    metadata: RunMetadata
    prior: PriorTotals | None = None
    calibration: SampleStats | None = None
    readings: tuple[Reading, ...] = ()
    mc_error: dict[str, dict[str, float]] = field(default_factory=dict)
    sensitivity: Sensitivity | None = None
    influence: tuple[Influence, ...] | None = None
    currency: dict[str, object] | None = None
    windows: tuple[WindowTotals, ...] | None = None
    given_data_sensitivity: GivenData | None = None
    sensitivity_over_time: GivenDataOverTime | None = None
    scenario: AppliedScenario | None = None
    as_of: str | None = None
    forecast_months: list[str] | None = None
    history: History | None = None

    @property
    def currency_code(self) -> str:
        """The currency the amounts are in (USD unless the report was converted)."""
        return str((self.currency or {}).get("currency") or "USD")

    def speaker(self, cid: str) -> str | None:
        """The speaker of claim ``cid``, or None if the report lacks the claim."""
        c = self.claims.get(cid)
        return None if c is None else c.claim.speaker

    def to_json(self) -> dict[str, object]:
        """The JSON object ``troopledger report --format json`` prints; NaN and infinities become null."""
        out: dict[str, object] = {
            "case": self.case,
            "title": self.title,
            "description": self.description,
            "seed": self.seed,
            "draws": self.draws,
            "months": self.months,
            "totals": _bands(self.totals),
            "monthly": self.monthly,
            "derived": _bands(self.derived),
            "parameters": {k: e.to_json() for k, e in self.parameters.items()},
            "claims": {k: c.to_json() for k, c in self.claims.items()},
            "contradictions": [c.as_dict() for c in self.contradictions],
            "contradictions_found": self.contradictions_found,
            "conflicts": [c.as_dict() for c in self.conflicts],
            "unusable_claims": [u.to_json() for u in self.unusable_claims],
            "rewards": [r.to_json() for r in self.rewards],
            "conservation_max_abs_error_usd": self.conservation_max_abs_error_usd,
            "monthly_bands_from_draws": self.monthly_bands_from_draws,
            "conventions": self.conventions,
            "calibrated": self.calibrated,
            "state_share": None if self.state_share is None else self.state_share.to_json(),
            "effective_draws": self.effective_draws,
            "metadata": self.metadata.to_json(),
        }
        if self.prior is not None:
            out["prior"] = self.prior.to_json()
        if self.calibration is not None:
            out["calibration"] = self.calibration.to_json()
            out["readings"] = [r.to_json() for r in self.readings]
            out["mc_error"] = self.mc_error
        if self.sensitivity is not None:
            out["sensitivity"] = self.sensitivity
        if self.influence is not None:
            out["influence"] = [r.as_dict() for r in self.influence]
        optional: dict[str, object | None] = {
            "currency": self.currency,
            "windows": None if self.windows is None else [w.to_json() for w in self.windows],
            "given_data_sensitivity": _json_of(self.given_data_sensitivity),
            "sensitivity_over_time": _json_of(self.sensitivity_over_time),
            "scenario": None if self.scenario is None else self.scenario.to_json(),
            "as_of": self.as_of,
            "forecast_months": self.forecast_months,
            "history": None if self.history is None else self.history.as_dict(claims=False),
        }
        out |= {k: v for k, v in optional.items() if v is not None}
        cleaned: dict[str, object] = clean_json(out)  # type: ignore[assignment]
        return cleaned
