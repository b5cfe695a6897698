"""The deployment as a case file writes it: dated waves, the roles soldiers serve in, phases of fighting, the forecast.

Also :func:`claimed_arrivals`, which turns a dated claim of arrivals ("about 2,000 more
arrived in March", quantity ``troops_per_rotation``) into a wave of the case, so news
needs no edit of the case file. See ``docs/case-files.md``.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from troopledger.claims import ROLE_PATTERN, FieldError, month_index
from troopledger.evidence._bounds import case_month, check_spec, claim_problem
from troopledger.evidence._slots import forecast_place, phase_place, wave_place
from troopledger.evidence._spec import DistSpec, Number

if TYPE_CHECKING:
    from troopledger.evidence._schema import Case

__all__ = ["MAX_WAVES", "CasualtyPhase", "Deployment", "Forecast", "RoleTerms", "Wave", "claimed_arrivals"]

#: Most waves a case may have (written, plus those added by dated claims of arrivals): the model's work grows
#: with waves x months x draws (docs/bad-input.md#work gives the time at this limit).
MAX_WAVES = 48
_WAVES_FIX = "merge waves that arrive in the same months, or use mode = 'rotation' (docs/bad-input.md#work)"


class Wave(BaseModel):
    """One dated wave of arrivals; its pay, rank mix and the state's share may differ from the case's."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")
    arrival: str
    arrival_until: str | None = Field(default=None, description="last month of arrivals; spread evenly")
    profile: list[float] | None = Field(default=None, min_length=1, max_length=24)  # share per month
    size: DistSpec
    tour_months: DistSpec | None = None
    pay: DistSpec | None = None
    rank_shares: dict[str, Number] | None = None
    state_share_of_pay: DistSpec | None = None
    role: str = Field(default="combat", pattern=ROLE_PATTERN)
    by_mid_month: Number = Field(default=0.5, ge=0, le=1, description="share of first-month arrivals in by the 15th")
    note: str = Field(default="", max_length=4000)

    @field_validator("size", "tour_months", "pay", "state_share_of_pay")
    @classmethod
    def _check_specs(cls, v: DistSpec | None, info: ValidationInfo) -> DistSpec | None:
        check_spec(v, wave_place(str(info.data.get("name", "")), info.field_name))  # type: ignore[arg-type]
        return v

    @model_validator(mode="after")
    def _one_pay(self) -> Wave:
        if self.pay is not None and self.rank_shares is not None:
            raise FieldError("rank_shares", f"wave '{self.name}': give pay or rank_shares, not both", "remove one")
        if self.rank_shares is not None:
            if any(not 0 <= v <= 1 for v in self.rank_shares.values()):
                raise FieldError("rank_shares", f"wave '{self.name}': every rank share must lie in [0, 1]")
            if abs(sum(self.rank_shares.values()) - 1) > 1e-6:
                raise FieldError("rank_shares", f"wave '{self.name}': rank_shares must add up to 1")
        return self

    @field_validator("arrival", "arrival_until")
    @classmethod
    def _arrival(cls, v: str | None) -> str | None:
        return None if v is None else case_month(v)

    @model_validator(mode="after")
    def _spread(self) -> Wave:
        if self.arrival_until is not None and self.profile is not None:
            raise FieldError("profile", "give 'arrival_until' or 'profile' for a wave, not both", "remove one")
        if self.arrival_until is not None and month_index(self.arrival_until) < month_index(self.arrival):
            raise FieldError("arrival_until", f"'arrival_until' ({self.arrival_until}) is before 'arrival'")
        bad = self.profile is not None and (any(not 0 <= p < math.inf for p in self.profile) or sum(self.profile) <= 0)
        if bad:
            raise FieldError("profile", "'profile' needs shares >= 0 with a positive sum, one per month from 'arrival'")
        return self

    def arrival_profile(self) -> list[float]:
        """Share of the wave arriving in each month from ``arrival`` (``[1.0]``: all in that month)."""
        if self.profile is not None:
            return [p / sum(self.profile) for p in self.profile]
        if self.arrival_until is not None:
            k = month_index(self.arrival_until) - month_index(self.arrival) + 1
            return [1.0 / k] * k
        return [1.0]


class Deployment(BaseModel):
    """How waves arrive: a regular rotation, or a dated list of waves."""

    model_config = ConfigDict(extra="forbid")

    mode: Literal["rotation", "waves"] = "rotation"
    waves: list[Wave] = Field(default_factory=list)

    @model_validator(mode="after")
    def _waves_match_mode(self) -> Deployment:
        if self.mode == "waves" and not self.waves:
            raise FieldError("waves", "mode 'waves' needs at least one [[deployment.waves]] entry", "add a wave")
        if self.mode == "rotation" and self.waves:
            raise FieldError("mode", "[[deployment.waves]] given but mode is 'rotation'", "set mode = 'waves'")
        if len(self.waves) > MAX_WAVES:
            raise FieldError("waves", f"{len(self.waves):,} waves, over the limit of {MAX_WAVES}", _WAVES_FIX)
        seen: set[str] = set()
        for i, w in enumerate(self.waves):
            if w.name in seen:
                raise FieldError(f"waves.{i}.name", f"wave name '{w.name}' is used twice", "give each its own name")
            seen.add(w.name)
        return self


class RoleTerms(BaseModel):
    """What sets one role's soldiers apart: exposure to casualties, and pay, state share and tour where they differ.

    ``exposure`` multiplies the killed and wounded hazards of the role's waves (1: as
    the case's hazards; builders far below). A wave of the role that gives no pay,
    state share or tour of its own takes the role's.
    """

    model_config = ConfigDict(extra="forbid")

    exposure: DistSpec | None = None
    pay: DistSpec | None = None
    state_share_of_pay: DistSpec | None = None
    tour_months: DistSpec | None = None
    note: str = Field(default="", max_length=4000)


class CasualtyPhase(BaseModel):
    """A dated phase of fighting: from ``start`` to ``end`` the hazards are the case's times ``killed``/``wounded``."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=60, pattern=r"^[A-Za-z0-9_-]+$")
    start: str
    end: str
    killed: DistSpec | None = None
    wounded: DistSpec | None = None
    note: str = Field(default="", max_length=4000)

    @field_validator("start", "end")
    @classmethod
    def _month(cls, v: str) -> str:
        return case_month(v)

    @field_validator("killed", "wounded")
    @classmethod
    def _check_factor(cls, v: DistSpec | None, info: ValidationInfo) -> DistSpec | None:
        check_spec(v, phase_place(str(info.data.get("name", "")), info.field_name))  # type: ignore[arg-type]
        return v

    @model_validator(mode="after")
    def _order(self) -> CasualtyPhase:
        if month_index(self.end) < month_index(self.start):
            raise FieldError("end", f"phase '{self.name}' ends ({self.end}) before it starts ({self.start})")
        return self


class Forecast(BaseModel):
    """How uncertainty widens past the case's last month (``report --until``): a drift of the log hazards per month."""

    model_config = ConfigDict(extra="forbid")

    hazard_trend: DistSpec = Field(default_factory=lambda: DistSpec(uniform=(-0.1, 0.1)))
    note: str = Field(default="", max_length=4000)

    @field_validator("hazard_trend")
    @classmethod
    def _check_trend(cls, v: DistSpec) -> DistSpec:
        check_spec(v, forecast_place())
        return v


def claimed_arrivals(case: Case) -> list[Wave]:
    """A wave for each dated claim of arrivals (``troops_per_rotation``) that no wave of the file covers.

    A claim cited by a wave, or dated within the arrival months of a written wave
    (give or take a month) of the role it names (any role if it names none), speaks
    of that wave and adds none.
    Claims dated outside the horizon, or whose figure no wave's size can take (zero,
    or out of range), add none either.
    """
    start = month_index(case.case.start)
    cited = {cid for w in case.deployment.waves for cid in w.size.all_claims()}
    spans = [
        (w.role, month_index(w.arrival) - 1, month_index(w.arrival) + len(w.arrival_profile()))
        for w in case.deployment.waves
    ]
    dates = {s.id: s.date for s in case.sources}
    names = {w.name for w in case.deployment.waves}
    out = []
    for c in case.claims:
        if c.quantity != "troops_per_rotation" or c.status not in ("accepted", "edited") or c.id in cited:
            continue
        when = c.window_start or c.window_end or (dates.get(c.source or "") or "")[:7] or None
        if when is None:
            continue
        i = month_index(when)
        role = c.role or "combat"
        covered = any(c.role in (None, r) and a <= i <= b for r, a, b in spans)  # no role stated: any wave's
        if not 0 <= i - start < case.case.months or covered:
            continue
        name = "claim-" + re.sub(r"[^A-Za-z0-9_-]", "-", c.id)[:90]
        if name in names or claim_problem(c, wave_place(name, "size")) is not None:
            continue  # a figure no wave's size can take (none, or out of range) adds no wave
        names.add(name)
        out.append(
            Wave(
                name=name,
                arrival=when,
                size=DistSpec(from_claims=True, claims=[c.id]),
                role=role,
                note=f"Arrivals in {when} from claim {c.id} (added by the claim, not written in the case).",
            )
        )
    return out
