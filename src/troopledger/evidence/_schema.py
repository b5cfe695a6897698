"""The case file's schema: a deployment, its uncertain parameters and the claims behind them.

A case is a TOML file validated with pydantic. Every way it can be wrong becomes a
:class:`~troopledger.errors.CaseError` whose one-line message names the file, the
field, what was wrong and how to fix it (:func:`case_error` translates pydantic's
errors, for every stage that validates input). Parameters written ``from_claims``
are fused while the file is validated, so a bad request is reported against the
file. See ``docs/case-files.md``.
"""

from __future__ import annotations

from typing import Annotated, Literal

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

from troopledger.claims import Claim, SourceRef, month_index, month_labels
from troopledger.evidence._bounds import case_month, check_spec
from troopledger.evidence._fusion import RELIABILITY, Fused
from troopledger.evidence._parameters import PARAMETERS, STATE_USE_NAMES
from troopledger.evidence._problems import CaseFieldError, case_error
from troopledger.evidence._requests import fuse_requests
from troopledger.evidence._slots import (
    SlotPlace,
    parameter_place,
    rank_pay,
    rank_place,
    slot_places,
    wave_place,
    wave_size,
    wave_tour,
)
from troopledger.evidence._spec import DistSpec, Number
from troopledger.evidence._uncertain import Dirichlet

__all__ = ["MAX_CONCENTRATION", "MIN_CONCENTRATION", "Case", "CaseClaim", "case_error"]

#: Smallest concentration of the state's Dirichlet (below it every draw gives nearly all to one use).
MIN_CONCENTRATION = 0.01
#: Largest concentration of the state's Dirichlet (larger is surer; 1e6 is as good as fixed shares).
MAX_CONCENTRATION = 1e6
#: How far the state's expected shares may sum from 1 (rounding, such as 0.33 x 3 + 0.01).
SHARES_TOLERANCE = 0.01
#: Largest reliability weight a case may give a kind of source.
MAX_RELIABILITY = 1e3


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


class Wave(BaseModel):
    """One dated wave of arrivals."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")
    arrival: str
    size: DistSpec
    tour_months: DistSpec | None = None
    note: str = Field(default="", max_length=4000)

    @field_validator("size", "tour_months")
    @classmethod
    def _check_specs(cls, v: DistSpec | None, info: ValidationInfo) -> DistSpec | None:
        field: Literal["size", "tour_months"] = "size" if info.field_name == "size" else "tour_months"
        check_spec(v, wave_place(str(info.data.get("name", "")), field))
        return v

    @field_validator("arrival")
    @classmethod
    def _arrival(cls, v: str) -> str:
        return case_month(v)


class Deployment(BaseModel):
    """How waves arrive: a regular rotation, or a dated list of waves."""

    model_config = ConfigDict(extra="forbid")

    mode: Literal["rotation", "waves"] = "rotation"
    waves: list[Wave] = Field(default_factory=list)

    @model_validator(mode="after")
    def _waves_match_mode(self) -> Deployment:
        if self.mode == "waves" and not self.waves:
            raise CaseFieldError(
                "waves",
                "mode 'waves' needs at least one [[deployment.waves]] entry",
                "add a wave, or use mode = 'rotation'",
            )
        if self.mode == "rotation" and self.waves:
            raise CaseFieldError("mode", "[[deployment.waves]] given but mode is 'rotation'", "set mode = 'waves'")
        seen: set[str] = set()
        for i, w in enumerate(self.waves):
            if w.name in seen:
                raise CaseFieldError(
                    f"waves.{i}.name", f"wave name '{w.name}' is used twice", "give each wave its own name"
                )
            seen.add(w.name)
        return self


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
        if set(v) != set(STATE_USE_NAMES):
            raise CaseFieldError(
                "", f"needs exactly the shares {', '.join(STATE_USE_NAMES)}", "give those four shares, each above 0"
            )
        for k, x in v.items():
            if not 0 < x <= 1:
                raise CaseFieldError(k, f"share {x:g} is not in (0, 1]", "give each share as a fraction above 0")
        total = sum(v.values())
        if abs(total - 1) > SHARES_TOLERANCE:
            raise CaseFieldError("", f"the shares add up to {total:g}, not 1", "make the four shares add up to 1")
        return {k: v[k] for k in STATE_USE_NAMES}

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
    path: str = Field(default="", exclude=True)
    digest: str = Field(default="", exclude=True)
    _requests: dict[str, tuple[SlotPlace, DistSpec]] = PrivateAttr(default_factory=dict)
    _fused: dict[str, Fused] = PrivateAttr(default_factory=dict)
    _lineages: dict[str, str] = PrivateAttr(default_factory=dict)
    _unusable: dict[str, str] = PrivateAttr(default_factory=dict)

    @field_validator("reliability")
    @classmethod
    def _reliability(cls, v: dict[str, float]) -> dict[str, float]:
        for kind, w in v.items():
            if kind not in RELIABILITY:
                raise CaseFieldError(kind, f"unknown kind of source '{kind}'", f"use one of: {', '.join(RELIABILITY)}")
            if not 0 <= w <= MAX_RELIABILITY:
                raise CaseFieldError(
                    kind, f"weight {w:g} is not in [0, {MAX_RELIABILITY:g}]", "use weights such as 0.5 or 1"
                )
        return v

    @field_validator("parameters")
    @classmethod
    def _parameters_build(cls, v: dict[str, DistSpec]) -> dict[str, DistSpec]:
        for name, spec in v.items():
            if name not in PARAMETERS:
                raise CaseFieldError(name, f"unknown parameter '{name}'", f"use one of: {', '.join(PARAMETERS)}")
            try:
                check_spec(spec, parameter_place(name))
            except CaseFieldError as e:
                raise CaseFieldError(".".join(p for p in (name, e.field) if p), f"{name}: {e.problem}", e.fix) from None
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        needed = ["state_share_of_pay"]
        if not self.pay_by_rank:
            needed.append("pay_per_soldier_month")
        elif "pay_per_soldier_month" in self.parameters:
            raise CaseFieldError(
                "parameters.pay_per_soldier_month",
                "give pay_per_soldier_month or [[pay_by_rank]], not both",
                "remove one of them",
            )
        if self.pay_by_rank and abs(sum(r.share for r in self.pay_by_rank) - 1) > 1e-6:
            total = sum(r.share for r in self.pay_by_rank)
            raise CaseFieldError(
                "pay_by_rank", f"the ranks' shares add up to {total:g}, not 1", "make the shares add up to 1"
            )
        if self.deployment.mode == "rotation":
            needed += ["troops_deployed", "rotation_interval_months"]
        missing = [p for p in needed if p not in self.parameters]
        if missing:
            raise CaseFieldError(
                f"parameters.{missing[0]}",
                f"missing parameter(s) {', '.join(missing)} in [parameters]",
                f"add [parameters.{missing[0]}] with a distribution (see docs/case-files.md)",
            )
        start = month_index(self.case.start)
        for i, w in enumerate(self.deployment.waves):
            offset = month_index(w.arrival) - start
            if not 0 <= offset < self.case.months:
                raise CaseFieldError(
                    f"deployment.waves.{i}.arrival",
                    f"wave '{w.name}' arrives {w.arrival}, outside the case's months",
                    "give an arrival inside the horizon, or change [case] start or months",
                )
        source_ids: set[str] = set()
        for i, src in enumerate(self.sources):
            if src.id in source_ids:
                raise CaseFieldError(
                    f"sources.{i}.id", f"source id '{src.id}' is used twice", "give each source its own id"
                )
            source_ids.add(src.id)
        known: set[str] = set()
        for i, c in enumerate(self.claims):
            if c.id in known:
                raise CaseFieldError(f"claims.{i}.id", f"claim id '{c.id}' is used twice", "give each claim its own id")
            known.add(c.id)
            if c.source is not None and c.source not in source_ids:
                raise CaseFieldError(
                    f"claims.{i}.source",
                    f"claim '{c.id}' cites source '{c.source}', which is not in [[sources]]",
                    "add that source to [[sources]] or correct the id",
                )
        self._resolve_from_claims()
        cited = [(f"{place.where}.claims", spec.all_claims()) for place, spec in slot_places(self)]
        cited.append(("state_uses.claims", self.state_uses.claims))
        cited += [(f"rewards.{i}.claims", rw.claims) for i, rw in enumerate(self.rewards)]
        for field, ids in cited:
            for cid in ids:
                if cid not in known:
                    raise CaseFieldError(
                        field,
                        f"{field.removesuffix('.claims')} cites claim '{cid}', which is not in [[claims]]",
                        "add the claim to [[claims]] or remove its id",
                    )
        return self

    def _resolve_from_claims(self) -> None:
        """Replace every ``from_claims`` spec by the fusion of the claims it selects."""
        self._requests, self._fused, self._lineages, self._unusable = fuse_requests(self)

    def place(self, where: SlotPlace, spec: DistSpec) -> None:
        """Put ``spec`` in the slot at ``where`` (used while fusing ``from_claims`` requests)."""
        if where.section == "parameters":
            self.parameters[where.key] = spec
        elif where.section == "waves":
            wave = next(w for w in self.deployment.waves if w.name == where.key)
            setattr(wave, where.field, spec)
        else:
            next(r for r in self.pay_by_rank if r.rank == where.key).pay = spec

    def unusable(self) -> dict[str, str]:
        """Claims ``from_claims`` left out because their reading is outside the slot's plausible range (id -> why)."""
        return dict(self._unusable)

    def fused(self) -> dict[str, Fused]:
        """The parameters built from claims (``parameters.X``, ``waves.W.size`` ...) with their weights."""
        return dict(self._fused)

    def with_claims(self, claims: list[Claim]) -> Case:
        """A copy of the case with ``claims`` added (same id: replaced), ``from_claims`` re-fused.

        This is how a ledger's claims reach a case: tomorrow's article moves every
        parameter that is built from claims about its quantity.
        """
        data = self.model_dump()
        for place, spec in self._requests.values():
            raw = spec.model_dump()
            if place.section == "parameters":
                data["parameters"][place.key] = raw
            elif place.section == "waves":
                next(w for w in data["deployment"]["waves"] if w["name"] == place.key)[place.field] = raw
            else:
                next(r for r in data["pay_by_rank"] if r["rank"] == place.key)["pay"] = raw
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
        out.path, out.digest = self.path, self.digest
        return out

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
        return [month_index(w.arrival) - start for w in self.deployment.waves]

    def cited_claims(self) -> dict[str, list[str]]:
        """Claim ids cited by each parameter-like entry, keyed by its name."""
        out = {name: spec.all_claims() for name, spec in self.parameters.items()}
        for w in self.deployment.waves:
            out[wave_size(w.name)] = w.size.all_claims()
            if w.tour_months is not None:
                out[wave_tour(w.name)] = w.tour_months.all_claims()
        for r in self.pay_by_rank:
            out[rank_pay(r.rank)] = r.pay.all_claims()
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
