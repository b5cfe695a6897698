"""Case files: a deployment, its uncertain parameters and the claims behind them.

A case is a TOML file validated with pydantic. Every way it can be wrong becomes a
:class:`~troopledger.errors.CaseError` whose one-line message names the file, the
field, what was wrong and how to fix it. See ``docs/case-files.md``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from troopledger.claims import Claim, SourceRef
from troopledger.errors import CaseError
from troopledger.evidence._parameters import PARAMETERS, STATE_USE_NAMES
from troopledger.evidence._spec import DistSpec
from troopledger.evidence._uncertain import Constant, Dirichlet, Distribution

__all__ = ["Case", "bundled_cases", "load_case", "parse_case"]

MAX_CASE_BYTES = 5_000_000
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _month_index(text: str) -> int:
    m = _MONTH.match(text)
    if not m:
        raise ValueError("must be a month written YYYY-MM, e.g. 2024-10")
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


class CaseInfo(BaseModel):
    """The case's name, description and time frame."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.-]+$")
    title: str = Field(default="", max_length=300)
    description: str = Field(default="", max_length=4000)
    start: str = "2024-10"
    months: int = Field(default=12, ge=1, le=240)

    @field_validator("start")
    @classmethod
    def _start(cls, v: str) -> str:
        _month_index(v)
        return v


def _buildable(spec: DistSpec | None) -> DistSpec | None:
    """Check that a spec makes a valid distribution now, so errors point at the field."""
    if spec is not None:
        spec.to_distribution("amount")
    return spec


class Wave(BaseModel):
    """One dated wave of arrivals."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")
    arrival: str
    size: DistSpec
    tour_months: DistSpec | None = None
    note: str = Field(default="", max_length=4000)

    _check_specs = field_validator("size", "tour_months")(_buildable)

    @field_validator("arrival")
    @classmethod
    def _arrival(cls, v: str) -> str:
        _month_index(v)
        return v


class Deployment(BaseModel):
    """How waves arrive: a regular rotation, or a dated list of waves."""

    model_config = ConfigDict(extra="forbid")

    mode: Literal["rotation", "waves"] = "rotation"
    waves: list[Wave] = Field(default_factory=list)

    @model_validator(mode="after")
    def _waves_match_mode(self) -> Deployment:
        if self.mode == "waves" and not self.waves:
            raise ValueError("mode 'waves' needs at least one [[deployment.waves]] entry")
        if self.mode == "rotation" and self.waves:
            raise ValueError("[[deployment.waves]] given but mode is 'rotation'; set mode = 'waves'")
        names = [w.name for w in self.waves]
        if len(set(names)) != len(names):
            raise ValueError("wave names must be unique")
        return self


class StateUses(BaseModel):
    """Dirichlet shares of the state's take over its four uses."""

    model_config = ConfigDict(extra="forbid")

    shares: dict[str, float] = Field(default_factory=lambda: dict.fromkeys(STATE_USE_NAMES, 0.25))
    concentration: float = Field(default=4.0, gt=0)
    claims: list[str] = Field(default_factory=list)
    note: str = Field(default="", max_length=4000)

    @field_validator("shares")
    @classmethod
    def _shares(cls, v: dict[str, float]) -> dict[str, float]:
        if set(v) != set(STATE_USE_NAMES):
            raise ValueError(f"needs exactly the shares {', '.join(STATE_USE_NAMES)}")
        if any(x <= 0 for x in v.values()):
            raise ValueError("every share must be > 0")
        return {k: v[k] for k in STATE_USE_NAMES}

    def distribution(self) -> Dirichlet:
        """The Dirichlet these shares and concentration describe."""
        return Dirichlet.from_shares(self.shares, self.concentration)


class RankPay(BaseModel):
    """Pay for one rank and the share of soldiers holding it."""

    model_config = ConfigDict(extra="forbid")

    rank: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")
    share: float = Field(ge=0, le=1)
    pay: DistSpec

    _check_pay = field_validator("pay")(_buildable)


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
    path: str = Field(default="", exclude=True)
    digest: str = Field(default="", exclude=True)

    @field_validator("parameters")
    @classmethod
    def _parameters_build(cls, v: dict[str, DistSpec]) -> dict[str, DistSpec]:
        for name, spec in v.items():
            if name not in PARAMETERS:
                raise ValueError(f"unknown parameter '{name}'; known: {', '.join(PARAMETERS)}")
            try:
                spec.to_distribution(PARAMETERS[name].kind)
            except ValueError as e:
                raise ValueError(f"{name}: {e}") from None
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        needed = ["state_share_of_pay"]
        if not self.pay_by_rank:
            needed.append("pay_per_soldier_month")
        elif "pay_per_soldier_month" in self.parameters:
            raise ValueError("give pay_per_soldier_month or [[pay_by_rank]], not both")
        if self.pay_by_rank and abs(sum(r.share for r in self.pay_by_rank) - 1) > 1e-6:
            raise ValueError("[[pay_by_rank]] shares must add up to 1")
        if self.deployment.mode == "rotation":
            needed += ["troops_deployed", "rotation_interval_months"]
        missing = [p for p in needed if p not in self.parameters]
        if missing:
            raise ValueError(f"missing parameter(s) {', '.join(missing)} in [parameters]")
        start = _month_index(self.case.start)
        for w in self.deployment.waves:
            offset = _month_index(w.arrival) - start
            if not 0 <= offset < self.case.months:
                raise ValueError(f"wave '{w.name}' arrives {w.arrival}, outside the case's months")
        source_ids = [s.id for s in self.sources]
        if len(set(source_ids)) != len(source_ids):
            raise ValueError("[[sources]] ids must be unique")
        claim_ids = [c.id for c in self.claims]
        if len(set(claim_ids)) != len(claim_ids):
            raise ValueError("[[claims]] ids must be unique")
        for c in self.claims:
            if c.source is not None and c.source not in source_ids:
                raise ValueError(f"claim '{c.id}' cites source '{c.source}', which is not in [[sources]]")
        known = set(claim_ids)
        for where, ids in self.cited_claims().items():
            for cid in ids:
                if cid not in known:
                    raise ValueError(f"{where} cites claim '{cid}', which is not in [[claims]]")
        return self

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
        s = _month_index(self.case.start)
        return [f"{(s + i) // 12:04d}-{(s + i) % 12 + 1:02d}" for i in range(self.case.months)]

    def wave_offsets(self) -> list[int]:
        """Arrival month of each wave, counted from the start of the horizon."""
        start = _month_index(self.case.start)
        return [_month_index(w.arrival) - start for w in self.deployment.waves]

    def cited_claims(self) -> dict[str, list[str]]:
        """Claim ids cited by each parameter-like entry, keyed by its name."""
        out = {name: spec.all_claims() for name, spec in self.parameters.items()}
        for w in self.deployment.waves:
            out[f"wave_{w.name}_size"] = w.size.all_claims()
            if w.tour_months is not None:
                out[f"wave_{w.name}_tour_months"] = w.tour_months.all_claims()
        for r in self.pay_by_rank:
            out[f"pay_rank_{r.rank}"] = r.pay.all_claims()
        out["state_uses"] = list(self.state_uses.claims)
        for i, rw in enumerate(self.rewards):
            out[f"reward_{i + 1}"] = list(rw.claims)
        return out

    def distributions(self) -> dict[str, Distribution]:
        """Every scalar uncertain input by name (defaults filled in), excluding the Dirichlet."""
        out: dict[str, Distribution] = {}
        for name, p in PARAMETERS.items():
            spec = self.parameters.get(name)
            if spec is not None:
                out[name] = spec.to_distribution(p.kind)
            elif p.default is not None:
                out[name] = Constant(p.default)
        for w in self.deployment.waves:
            out[f"wave_{w.name}_size"] = w.size.to_distribution("amount")
            if w.tour_months is not None:
                out[f"wave_{w.name}_tour_months"] = w.tour_months.to_distribution("amount")
        for r in self.pay_by_rank:
            out[f"pay_rank_{r.rank}"] = r.pay.to_distribution("amount")
        return out

    def resolved_claims(self) -> list[Claim]:
        """The case's claims as full records, each with its source resolved."""
        by_id = {s.id: s for s in self.sources}
        out = []
        for c in self.claims:
            data = c.model_dump()
            data["source"] = by_id[c.source].model_dump() if c.source else None
            out.append(Claim.model_validate(data))
        return out


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def _cases_dir() -> Any:
    return resources.files("troopledger") / "data" / "cases"


def bundled_cases() -> dict[str, str]:
    """Bundled case names mapped to their one-line titles."""
    out = {}
    for entry in sorted(_cases_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            case = parse_case(entry.read_bytes(), entry.name)
            out[case.name] = case.case.title
    return out


def load_case(case: str | Path | None = None) -> Case:
    """Load a bundled case by name, or a case file by path; ``None`` is the default case."""
    if case is None:
        case = "nk-russia-2024"
    text = str(case)
    bundled = _cases_dir() / f"{text}.toml"
    if not text.endswith(".toml") and "/" not in text and bundled.is_file():
        return parse_case(bundled.read_bytes(), f"{text} (bundled)")
    path = Path(text)
    if not path.exists():
        raise CaseError(
            text,
            None,
            "no such case file or bundled case",
            "run 'troopledger cases' for bundled names, or give a path to a .toml file",
        )
    if path.is_dir():
        raise CaseError(text, None, "is a directory, not a case file", "give the path of a .toml case file")
    size = path.stat().st_size
    if size > MAX_CASE_BYTES:
        raise CaseError(
            text,
            None,
            f"file is {size:,} bytes, over the {MAX_CASE_BYTES:,}-byte limit",
            "give a case file, not a data dump",
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CaseError(text, None, f"cannot be read ({e.strerror})", "check the path and its permissions") from None
    return parse_case(data, text)


def parse_case(data: bytes, origin: str) -> Case:
    """Validate the bytes of a case file; ``origin`` names it in error messages."""
    if not data.strip():
        raise CaseError(origin, None, "the file is empty", "start from a bundled case: see docs/case-files.md")
    if b"\x00" in data:
        raise CaseError(origin, None, "the file is binary, not TOML text", "give a UTF-8 TOML case file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise CaseError(origin, None, f"not UTF-8 text (byte {e.start})", "save the file as UTF-8") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CaseError(origin, None, f"not valid TOML ({e})", "fix the TOML syntax at that line") from None
    try:
        case = Case.model_validate(raw)
    except ValidationError as e:
        raise _case_error(origin, e) from None
    case.path = origin
    case.digest = hashlib.sha256(data).hexdigest()
    return case


def _case_error(origin: str, e: ValidationError) -> CaseError:
    """Turn the first pydantic error into a one-line CaseError with a fix."""
    err = e.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-after"))
    kind = err["type"]
    msg = err["msg"].removeprefix("Value error, ")
    fix = {
        "missing": "add this field (see docs/case-files.md)",
        "extra_forbidden": "remove it or correct its spelling (see docs/case-files.md)",
        "literal_error": "use one of the values the message lists",
        "string_pattern_mismatch": "use only letters, digits, '-', '_' and '.'",
    }.get(kind)
    if fix is None and ("float" in kind or "int" in kind):
        fix = "write a plain number, without quotes or units"
    if fix is None:
        fix = "correct the value as the message says (see docs/case-files.md)"
    return CaseError(origin, loc or None, msg, fix)
