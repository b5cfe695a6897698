"""Case files: a deployment, its uncertain parameters and the claims behind them.

A case is a TOML file validated with pydantic. Every way it can be wrong becomes a
:class:`~troopledger.errors.CaseError` whose one-line message names the file, the
field, what was wrong and how to fix it. See ``docs/case-files.md``.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from troopledger.claims import QUANTITIES, Claim, SourceRef, detect_lineages, parse_claims, read_claims
from troopledger.errors import CaseError
from troopledger.evidence._fusion import RELIABILITY, Fused, fuse
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
    if spec is not None and not spec.from_claims:
        spec.to_distribution("amount")
    return spec


class Wave(BaseModel):
    """One dated wave of arrivals."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")
    arrival: str
    arrival_until: str | None = Field(default=None, description="last month of arrivals; spread evenly")
    profile: list[float] | None = Field(
        default=None, min_length=1, max_length=24, description="share arriving in each month from 'arrival'"
    )
    size: DistSpec
    tour_months: DistSpec | None = None
    note: str = Field(default="", max_length=4000)

    _check_specs = field_validator("size", "tour_months")(_buildable)

    @field_validator("arrival", "arrival_until")
    @classmethod
    def _arrival(cls, v: str | None) -> str | None:
        if v is not None:
            _month_index(v)
        return v

    @model_validator(mode="after")
    def _spread(self) -> Wave:
        if self.arrival_until is not None and self.profile is not None:
            raise ValueError("give 'arrival_until' or 'profile' for a wave, not both")
        if self.arrival_until is not None and _month_index(self.arrival_until) < _month_index(self.arrival):
            raise ValueError(f"'arrival_until' ({self.arrival_until}) is before 'arrival' ({self.arrival})")
        bad = self.profile is not None and (any(not 0 <= p < math.inf for p in self.profile) or sum(self.profile) <= 0)
        if bad:
            raise ValueError("'profile' needs shares >= 0 with a positive sum, one per month from 'arrival'")
        return self

    def arrival_profile(self) -> list[float]:
        """Share of the wave arriving in each month from ``arrival`` (``[1.0]``: all in that month)."""
        if self.profile is not None:
            total = sum(self.profile)
            return [p / total for p in self.profile]
        if self.arrival_until is not None:
            k = _month_index(self.arrival_until) - _month_index(self.arrival) + 1
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
    claim_files: list[str] = Field(default_factory=list, description="claims files read into [[claims]]")
    reliability: dict[str, float] = Field(default_factory=dict, description="weights by kind of source")
    path: str = Field(default="", exclude=True)
    digest: str = Field(default="", exclude=True)
    _requests: dict[str, DistSpec] = PrivateAttr(default_factory=dict)
    _fused: dict[str, Fused] = PrivateAttr(default_factory=dict)
    _lineages: dict[str, str] = PrivateAttr(default_factory=dict)

    @field_validator("reliability")
    @classmethod
    def _reliability(cls, v: dict[str, float]) -> dict[str, float]:
        for kind, w in v.items():
            if kind not in RELIABILITY:
                raise ValueError(f"unknown kind of source '{kind}'; known: {', '.join(RELIABILITY)}")
            if not 0 <= w < float("inf"):
                raise ValueError(f"the weight of '{kind}' must be a number >= 0")
        return v

    @field_validator("parameters")
    @classmethod
    def _parameters_build(cls, v: dict[str, DistSpec]) -> dict[str, DistSpec]:
        for name, spec in v.items():
            if name not in PARAMETERS:
                raise ValueError(f"unknown parameter '{name}'; known: {', '.join(PARAMETERS)}")
            if spec.from_claims:
                continue
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
        self._resolve_from_claims()
        known = set(claim_ids)
        for where, ids in self.cited_claims().items():
            for cid in ids:
                if cid not in known:
                    raise ValueError(f"{where} cites claim '{cid}', which is not in [[claims]]")
        return self

    def _resolve_from_claims(self) -> None:
        """Replace every ``from_claims`` spec by the fusion of the claims it selects."""
        resolved = self.resolved_claims()
        self._lineages = detect_lineages(resolved)
        by_id = {c.id: c for c in resolved}
        slots: list[tuple[str, DistSpec, str, Any, str]] = []  # (where, spec, quantity, kind, unit)
        for name, spec in self.parameters.items():
            slots.append((f"parameters.{name}", spec, name, PARAMETERS[name].kind, PARAMETERS[name].unit))
        for w in self.deployment.waves:
            slots.append((f"waves.{w.name}.size", w.size, "troops_per_rotation", "amount", "persons"))
            if w.tour_months is not None:
                slots.append(
                    (f"waves.{w.name}.tour_months", w.tour_months, "rotation_interval_months", "amount", "months")
                )
        for r in self.pay_by_rank:
            slots.append((f"pay_by_rank.{r.rank}", r.pay, "pay_per_soldier_month", "amount", "USD/month"))
        for where, spec, default_q, kind, unit in slots:
            if not spec.from_claims:
                continue
            self._requests[where] = spec
            quantity = spec.quantity or default_q
            if spec.claims:
                missing = [cid for cid in spec.claims if cid not in by_id]
                if missing:
                    raise ValueError(f"{where} cites claim '{missing[0]}', which is not in [[claims]]")
                chosen = [by_id[cid] for cid in spec.claims]
            else:
                if quantity not in QUANTITIES:
                    raise ValueError(f"{where}: '{quantity}' is not a claim quantity; set quantity = '...'")
                chosen = [c for c in resolved if c.quantity == quantity]
            chosen = [c for c in chosen if c.status in ("accepted", "edited") and c.id not in spec.exclude]
            if not chosen:
                raise ValueError(
                    f"{where}: from_claims found no accepted claims about '{quantity}'; "
                    "add or accept claims, or write the distribution by hand"
                )
            try:
                fused = fuse(chosen, kind, unit, reliability=self.reliability, lineages=self._lineages)
                fused.spec.to_distribution(kind)
            except ValueError as e:
                raise ValueError(f"{where}: {e}") from None
            note = spec.note or f"Fused from {len(fused.lineages)} lineage(s) of claims."
            self._fused[where] = fused
            self._place(where, fused.spec.model_copy(update={"note": note}))

    def _place(self, where: str, spec: DistSpec) -> None:
        section, name, *rest = where.split(".")
        if section == "parameters":
            self.parameters[name] = spec
        elif section == "waves":
            wave = next(w for w in self.deployment.waves if w.name == name)
            setattr(wave, rest[0], spec)
        else:
            next(r for r in self.pay_by_rank if r.rank == name).pay = spec

    def fused(self) -> dict[str, Fused]:
        """The parameters built from claims (``parameters.X``, ``waves.W.size`` ...) with their weights."""
        return dict(self._fused)

    def with_claims(self, claims: list[Claim]) -> Case:
        """A copy of the case with ``claims`` added (same id: replaced), ``from_claims`` re-fused.

        This is how a ledger's claims reach a case: tomorrow's article moves every
        parameter that is built from claims about its quantity.
        """
        data = self.model_dump()
        for where, spec in self._requests.items():
            section, name, *rest = where.split(".")
            raw = spec.model_dump()
            if section == "parameters":
                data["parameters"][name] = raw
            elif section == "waves":
                next(w for w in data["deployment"]["waves"] if w["name"] == name)[rest[0]] = raw
            else:
                next(r for r in data["pay_by_rank"] if r["rank"] == name)["pay"] = raw
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
            raise _case_error(self.path or self.name, e) from None
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
        s = _month_index(self.case.start)
        return [f"{(s + i) // 12:04d}-{(s + i) % 12 + 1:02d}" for i in range(self.case.months)]

    def wave_offsets(self) -> list[int]:
        """Arrival month of each wave, counted from the start of the horizon."""
        start = _month_index(self.case.start)
        return [_month_index(w.arrival) - start for w in self.deployment.waves]

    def wave_profiles(self) -> list[list[float]] | None:
        """Each wave's arrival shares by month, padded to one length; ``None`` when every wave arrives at once."""
        rows = [w.arrival_profile() for w in self.deployment.waves]
        if all(len(r) == 1 for r in rows):
            return None
        k = max(len(r) for r in rows)
        return [r + [0.0] * (k - len(r)) for r in rows]

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


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def _cases_dir() -> Any:
    return resources.files("troopledger") / "data" / "cases"


def _claims_dir() -> Any:
    return resources.files("troopledger") / "data" / "claims"


def _read_claim_file(name: str, origin: str, base: Path | None) -> list[Claim]:
    """Claims from a bundled claims file (a bare name) or a path relative to the case file."""
    bundled = _claims_dir() / f"{name}.jsonl"
    if "/" not in name and "." not in name and bundled.is_file():
        return parse_claims(bundled.read_bytes(), f"{name} (bundled claims)", "jsonl")
    path = Path(name) if base is None or Path(name).is_absolute() else base / name
    if not path.is_file():
        raise CaseError(
            origin, "claim_files", f"no claims file '{name}'", "give a bundled claims name or a path beside the case"
        )
    return read_claims(path)


def _with_claim_files(raw: dict[str, Any], origin: str, base: Path | None) -> dict[str, Any]:
    """Fold the claims of every ``claim_files`` entry into ``[[claims]]`` and ``[[sources]]``."""
    files = raw.get("claim_files", [])
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise CaseError(origin, "claim_files", "must be a list of claims file names", 'write claim_files = ["name"]')
    if not files:
        return raw
    sources = raw.get("sources", [])
    claims = raw.get("claims", [])
    if not isinstance(sources, list) or not isinstance(claims, list):
        raise CaseError(origin, "sources", "[[sources]] and [[claims]] must be arrays of tables", "use [[...]]")
    known = {s.get("id"): s for s in sources if isinstance(s, dict)}
    for name in files:
        for claim in _read_claim_file(name, origin, base):
            record = claim.model_dump(exclude_none=True)
            if claim.source is not None:
                src = claim.source.model_dump()
                if src["id"] in known and known[src["id"]] != src:
                    raise CaseError(
                        origin,
                        "claim_files",
                        f"source '{src['id']}' in '{name}' differs from another source with that id",
                        "give one of them another id",
                    )
                if src["id"] not in known:
                    known[src["id"]] = src
                    sources.append(src)
                record["source"] = src["id"]
            claims.append(record)
    return {**raw, "sources": sources, "claims": claims}


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
        return parse_case(bundled.read_bytes(), f"{text} (bundled)", base=None)
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
    return parse_case(data, text, base=path.parent)


def parse_case(data: bytes, origin: str, *, base: Path | None = None) -> Case:
    """Validate the bytes of a case file; ``origin`` names it in error messages.

    ``claim_files`` named in the case are read from the bundled claims, or from
    paths relative to ``base`` (the case file's folder; the working directory if None).
    """
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
    raw = _with_claim_files(raw, origin, base)
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
