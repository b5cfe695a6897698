"""The case file's schema: a deployment, its uncertain parameters and the claims behind them.

A case is a TOML file validated with pydantic. Every way it can be wrong becomes a
:class:`~troopledger.errors.CaseError` whose one-line message names the file, the
field, what was wrong and how to fix it (:func:`case_error` translates pydantic's
errors, for every stage that validates input). Parameters written ``from_claims``
are fused while the file is validated, so a bad request is reported against the
file. See ``docs/case-files.md``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    Strict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from troopledger.claims import (
    ROLE_PATTERN,
    ROLES,
    Claim,
    FieldError,
    SourceRef,
    explain_validation,
    month_index,
    month_labels,
)
from troopledger.errors import CaseError
from troopledger.evidence._bounds import (
    MAX_CONCENTRATION,
    MIN_CONCENTRATION,
    case_month,
    check_shares,
    check_spec,
    check_spread,
    check_weights,
)
from troopledger.evidence._correlation import Correlation, correlation_groups
from troopledger.evidence._fusion import RELIABILITY, Fused
from troopledger.evidence._parameters import PARAMETERS, STATE_USE_NAMES
from troopledger.evidence._references import check_references
from troopledger.evidence._requests import fuse_requests, unfused
from troopledger.evidence._slots import (
    SlotPlace,
    correlation_name,
    parameter_place,
    rank_place,
    role_place,
    slot_places,
)
from troopledger.evidence._spec import DistSpec, Number
from troopledger.evidence._uncertain import Dirichlet
from troopledger.evidence._waves import (
    MAX_WAVES,
    CasualtyPhase,
    Deployment,
    Forecast,
    RoleTerms,
    Wave,
    claimed_arrivals,
)

__all__ = ["Case", "CaseClaim", "CasualtyCount", "CasualtyPhase", "Forecast", "RoleTerms", "case_error"]


class CaseInfo(BaseModel):
    """The case's name, description and time frame."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.-]+$")
    title: str = Field(default="", max_length=300)
    description: str = Field(default="", max_length=4000)
    start: str = "2024-10"
    months: Annotated[int, Strict()] = Field(default=12, ge=1, le=240)

    @field_validator("start")
    @classmethod
    def _start(cls, v: str) -> str:
        return case_month(v)


class StateUses(BaseModel):
    """Dirichlet shares of the state's take over its four uses."""

    model_config = ConfigDict(extra="forbid")

    shares: dict[str, Number] = Field(default_factory=lambda: dict.fromkeys(STATE_USE_NAMES, 0.25))
    concentration: Number = Field(default=4.0, ge=MIN_CONCENTRATION, le=MAX_CONCENTRATION)
    claims: list[str] = Field(default_factory=list)
    note: str = Field(default="", max_length=4000)

    @field_validator("shares")
    @classmethod
    def _shares(cls, v: dict[str, float]) -> dict[str, float]:
        return check_shares(v, STATE_USE_NAMES)

    def distribution(self) -> Dirichlet:
        """The Dirichlet these shares and concentration describe."""
        return Dirichlet.from_shares(self.shares, self.concentration)


class RankPay(BaseModel):
    """Pay for one rank and the share of soldiers holding it."""

    model_config = ConfigDict(extra="forbid")

    rank: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")
    share: Number = Field(ge=0, le=1)
    pay: DistSpec

    @field_validator("pay")
    @classmethod
    def _check_pay(cls, v: DistSpec, info: ValidationInfo) -> DistSpec:
        check_spec(v, rank_place(str(info.data.get("rank", ""))))
        return v


class Reward(BaseModel):
    """A non-money reward reported for soldiers or families, with its claims."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1000)
    claims: list[str] = Field(default_factory=list)


class CasualtyCount(BaseModel):
    """A stated count of soldiers killed (or wounded) from the start through a month; the model derives the hazard."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["killed", "wounded"]
    by: str
    count: DistSpec
    note: str = Field(default="", max_length=4000)

    @field_validator("count")
    @classmethod
    def _check_count(cls, v: DistSpec) -> DistSpec:
        check_spec(v, parameter_place("troops_deployed"))  # a count of people: the range of troops
        return v

    @field_validator("by")
    @classmethod
    def _by(cls, v: str) -> str:
        return case_month(v)


class CaseClaim(Claim):
    """A claim as written in a case file: ``source`` is the id of a ``[[sources]]`` entry."""

    source: str | None = None  # type: ignore[assignment]


class Case(BaseModel):
    """A validated case: time frame, deployment, parameters, sources and claims."""

    model_config = ConfigDict(extra="forbid")

    case: CaseInfo
    deployment: Deployment = Field(default_factory=Deployment)
    parameters: dict[str, DistSpec] = Field(default_factory=dict)
    state_uses: StateUses = Field(default_factory=StateUses)
    pay_by_rank: list[RankPay] = Field(default_factory=list)
    rewards: list[Reward] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    claims: list[CaseClaim] = Field(default_factory=list)
    claim_files: list[str] = Field(default_factory=list, description="claims files read into [[claims]]")
    reliability: dict[str, Number] = Field(default_factory=dict, description="weights by kind of source")
    source_spread: dict[str, Number] = Field(
        default_factory=dict, description="between-source sd by kind of quantity (amount, count, duration, share)"
    )
    casualty_counts: list[CasualtyCount] = Field(default_factory=list)
    roles: dict[str, RoleTerms] = Field(default_factory=dict, description="terms by role; new names extend ROLES")
    casualty_phases: list[CasualtyPhase] = Field(default_factory=list)
    forecast: Forecast = Field(default_factory=Forecast)
    correlations: list[Correlation] = Field(default_factory=list)
    path: str = Field(default="", exclude=True)
    digest: str = Field(default="", exclude=True)
    as_of: str = Field(default="", exclude=True, description="the day an as-of view of the case stands on")
    forecast_from: int | None = Field(default=None, exclude=True, description="first forecast month (index)")
    scenario: dict[str, Any] = Field(default_factory=dict, exclude=True, description="scenario and --set applied")
    _requests: dict[str, tuple[SlotPlace, DistSpec]] = PrivateAttr(default_factory=dict)
    _fused: dict[str, Fused] = PrivateAttr(default_factory=dict)
    _lineages: dict[str, str] = PrivateAttr(default_factory=dict)
    _unusable: dict[str, str] = PrivateAttr(default_factory=dict)
    _arrivals: list[Wave] = PrivateAttr(default_factory=list)

    @field_validator("reliability")
    @classmethod
    def _reliability(cls, v: dict[str, float]) -> dict[str, float]:
        return check_weights(v, RELIABILITY)

    @field_validator("source_spread")
    @classmethod
    def _source_spread(cls, v: dict[str, float]) -> dict[str, float]:
        return check_spread(v)

    @field_validator("parameters")
    @classmethod
    def _parameters_build(cls, v: dict[str, DistSpec]) -> dict[str, DistSpec]:
        for name, spec in v.items():
            if name not in PARAMETERS:
                raise FieldError(name, f"unknown parameter '{name}'", f"use one of: {', '.join(PARAMETERS)}")
            try:
                check_spec(spec, parameter_place(name))
            except FieldError as e:
                raise FieldError(".".join(p for p in (name, e.field) if p), f"{name}: {e.problem}", e.fix) from None
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        needed = ["state_share_of_pay"]
        if not self.pay_by_rank:
            needed.append("pay_per_soldier_month")
        elif "pay_per_soldier_month" in self.parameters:
            raise FieldError("pay_by_rank", "give pay_per_soldier_month or [[pay_by_rank]], not both", "remove one")
        if self.pay_by_rank and abs(sum(r.share for r in self.pay_by_rank) - 1) > 1e-6:
            raise FieldError("pay_by_rank", "[[pay_by_rank]] shares must add up to 1", "make them add up to 1")
        if self.deployment.mode == "rotation":
            needed += ["troops_deployed", "rotation_interval_months"]
        missing = [p for p in needed if p not in self.parameters]
        if missing:
            raise FieldError(
                f"parameters.{missing[0]}",
                f"missing parameter(s) {', '.join(missing)} in [parameters]",
                f"add [parameters.{missing[0]}] with a distribution (see docs/case-files.md)",
            )
        start = month_index(self.case.start)
        for i, w in enumerate(self.deployment.waves):
            offset = month_index(w.arrival) - start
            if not 0 <= offset < self.case.months:
                raise FieldError(
                    f"deployment.waves.{i}.arrival",
                    f"wave '{w.name}' arrives {w.arrival}, outside the case's months",
                    "give an arrival inside the horizon, or change [case] start or months",
                )
        self._check_roles_and_phases()
        self._arrivals = claimed_arrivals(self)
        if len(self.deployment.waves) + len(self._arrivals) > MAX_WAVES:
            raise FieldError(
                "deployment.waves",
                f"{len(self.deployment.waves):,} waves written and {len(self._arrivals):,} added by dated claims of "
                f"arrivals, over the limit of {MAX_WAVES} waves",
                "merge waves that arrive in the same months, or accept fewer claims of arrivals",
            )
        check_references(self)
        self._resolve_from_claims()
        try:
            correlation_groups(self.correlations, [p.name for p, _ in slot_places(self)] + list(PARAMETERS))
        except ValueError as e:
            raise FieldError("correlations", f"correlations: {e}") from None
        check_references(self, cited=True)
        return self

    def _check_roles_and_phases(self) -> None:
        for name, terms in self.roles.items():
            if not re.match(ROLE_PATTERN, name):
                raise FieldError(f"roles.{name}", f"role name '{name}' is not lower_snake_case", "rename the role")
            for field in ("exposure", "pay", "state_share_of_pay", "tour_months"):
                try:
                    check_spec(getattr(terms, field), role_place(name, field))
                except FieldError as e:
                    raise FieldError(f"roles.{name}.{field}", e.problem, e.fix) from None
        known = set(ROLES) | set(self.roles)
        for i, w in enumerate(self.deployment.waves):
            if w.role not in known:
                raise FieldError(
                    f"deployment.waves.{i}.role",
                    f"wave '{w.name}' has role '{w.role}', which is neither built in nor declared",
                    f"use one of {', '.join(sorted(known))}, or declare [roles.{w.role}]",
                )
        seen: set[str] = set()
        for i, p in enumerate(self.casualty_phases):
            if p.name in seen:
                raise FieldError(f"casualty_phases.{i}.name", f"phase name '{p.name}' is used twice")
            seen.add(p.name)

    def all_waves(self) -> list[Wave]:
        """The case's waves: those written in ``[[deployment.waves]]``, then those added by dated claims of arrivals."""
        return [*self.deployment.waves, *self._arrivals]

    def role_names(self) -> tuple[str, ...]:
        """The roles soldiers serve in, in order of first use (a rotation's soldiers are combat, first)."""
        used = [w.role for w in self.all_waves()]
        first = ["combat"] if self.deployment.mode == "rotation" or not used else []
        return tuple(dict.fromkeys([*first, *used]))

    def _resolve_from_claims(self) -> None:
        """Replace every ``from_claims`` spec by the fusion of the claims it selects."""
        self._requests, self._fused, self._lineages, self._unusable = fuse_requests(self)

    def unusable(self) -> dict[str, str]:
        """Claims ``from_claims`` left out: their reading is outside the slot's plausible range (id -> why)."""
        return dict(self._unusable)

    def place(self, where: SlotPlace, spec: DistSpec) -> None:
        """Put ``spec`` in the slot at ``where`` (used while fusing ``from_claims`` requests)."""
        if where.section == "parameters":
            self.parameters[where.key] = spec
        elif where.section == "waves":
            wave = next(w for w in self.all_waves() if w.name == where.key)
            setattr(wave, where.field, spec)
        elif where.section == "counts":
            next(c for c in self.casualty_counts if c.kind == where.key).count = spec
        elif where.section == "roles":
            setattr(self.roles[where.key], where.field, spec)
        elif where.section == "phases":
            setattr(next(p for p in self.casualty_phases if p.name == where.key), where.field, spec)
        elif where.section == "forecast":
            self.forecast.hazard_trend = spec
        else:
            next(r for r in self.pay_by_rank if r.rank == where.key).pay = spec

    def fused(self) -> dict[str, Fused]:
        """The parameters built from claims (``parameters.X``, ``waves.W.size`` ...) with their weights."""
        return dict(self._fused)

    def with_claims(self, claims: list[Claim]) -> Case:
        """A copy of the case with ``claims`` added (same id: replaced), ``from_claims`` re-fused.

        This is how a ledger's claims reach a case: tomorrow's article moves every
        parameter that is built from claims about its quantity.
        """
        data = self.written()
        sources = {s["id"]: s for s in data["sources"]}
        by_id = {c["id"]: c for c in data["claims"]}
        for claim in claims:
            record = claim.model_dump()
            if claim.source is not None:
                sources[claim.source.id] = claim.source.model_dump()
                record["source"] = claim.source.id
            by_id[claim.id] = record
        data["sources"], data["claims"] = list(sources.values()), list(by_id.values())
        try:
            out = Case.model_validate(data)
        except ValidationError as e:
            raise case_error(self.path or self.name, e) from None
        out.path, out.digest, out.scenario = self.path, self.digest, self.scenario
        out.forecast_from = self.forecast_from
        return out

    def written(self) -> dict[str, Any]:
        """The case as plain data the way it was written: ``from_claims`` entries not yet fused."""
        return unfused(self.model_dump(), self._requests.values())

    # -- views -----------------------------------------------------------------

    @property
    def name(self) -> str:
        """The case's short name."""
        return self.case.name

    @property
    def months(self) -> int:
        """Number of months in the horizon."""
        return self.case.months

    @property
    def month_labels(self) -> list[str]:
        """The horizon's months as ``YYYY-MM`` labels."""
        return month_labels(self.case.start, self.case.months)

    def wave_offsets(self) -> list[int]:
        """Arrival month of each wave, counted from the start of the horizon."""
        start = month_index(self.case.start)
        return [month_index(w.arrival) - start for w in self.all_waves()]

    def cited_claims(self) -> dict[str, list[str]]:
        """Claim ids cited by each parameter-like entry, keyed by its name."""
        out = {name: spec.all_claims() for name, spec in self.parameters.items()}
        for place, spec in slot_places(self):
            if place.section != "parameters":
                out[place.name] = spec.all_claims()
        for c in self.correlations:
            out[correlation_name(*c.between)] = list(c.claims)
        out["state_uses"] = list(self.state_uses.claims)
        for i, rw in enumerate(self.rewards):
            out[f"reward_{i + 1}"] = list(rw.claims)
        return out

    def resolved_claims(self) -> list[Claim]:
        """The case's claims as full records, each with its source resolved."""
        by_id = {s.id: s for s in self.sources}
        sizes: dict[str, int] = {}
        for group in self._lineages.values():
            sizes[group] = sizes.get(group, 0) + 1
        out = []
        for c in self.claims:
            data = c.model_dump()
            data["source"] = by_id[c.source].model_dump() if c.source else None
            label = self._lineages.get(c.id)
            if not data["lineage"] and label is not None and sizes.get(label, 0) > 1:
                data["lineage"] = label  # relays found by detection; a claim alone stays unlabelled
            out.append(Claim.model_validate(data))
        return out


def case_error(origin: str, e: ValidationError) -> CaseError:
    """Turn the first pydantic error into a one-line CaseError with a fix."""
    return CaseError(origin, *explain_validation(e, "docs/case-files.md"))
