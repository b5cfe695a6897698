"""Ledger cases: the file that says which streams run, each input's distribution and claims, checks and conflicts.

A ledger case is a TOML file (bundled ones in ``data/ledgers``) with ``[case]`` (name,
start, months, the soldier case), ``[inputs.<stream>]`` and ``[inputs.shared]`` tables
of distribution specs (the soldier case's form: ``from_claims`` with ``claims``, or a
hand-written form citing ``claims``), ``[[checks]]``, ``[[conflicts]]`` and ``[unused]``.
Every problem is a one-line :class:`~troopledger.errors.CaseError` naming file and field.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from troopledger._paths import read_input
from troopledger.claims import Claim, month_labels, parse_claims, read_claims
from troopledger.errors import CaseError
from troopledger.evidence import (
    MAX_CASE_BYTES,
    Distribution,
    DistSpec,
    Prior,
    as_of,
    bundled_ledgers,
    case_error,
    fuse,
    known_by,
    ledgers_dir,
    load_case,
    prescan_toml,
    resolve,
)
from troopledger.model.streams import ACCOUNTS, STREAMS, Stream, fx_params, soldier_stream

__all__ = [
    "LedgerCase",
    "LedgerCheck",
    "LedgerConflict",
    "LedgerScenario",
    "is_ledger_case",
    "join_extra",
    "load_ledger",
]

Reading = Literal["about", "at_least", "at_most", "benchmark"]
_INPUTS = re.compile(r"^\s*\[inputs\.[a-z_]+\]\s*$", re.M)
_DEPLOYMENT = re.compile(r"^\s*\[+deployment", re.M)


class LedgerCheck(BaseModel):
    """A claim (or several) against what the streams imply over a span of months."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    claims: list[str] = Field(min_length=1)
    output: str | list[str]
    at: str | None = None
    from_: str | None = Field(default=None, alias="from")
    until: str | None = None
    how: Literal["sum", "last", "mean"] = "sum"
    reading: Reading = "about"
    divide_by: str | None = None
    divide_factor: float = Field(default=1.0, gt=0)
    weigh: bool = Field(default=False, description="weigh the draws by these claims (not for benchmarks)")

    @property
    def outputs(self) -> list[str]:
        """The outputs read, as ``stream.output`` names."""
        return [self.output] if isinstance(self.output, str) else list(self.output)


class LedgerConflict(BaseModel):
    """A set of claims that cannot all be right, with our note on their arithmetic."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=200)
    claims: list[str] = Field(min_length=2)
    note: str = Field(default="", max_length=2000)


class LedgerScenario(BaseModel):
    """A published estimate's stated inputs, applied as ``--set``s over a window (``--scenario NAME``)."""

    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=2000)
    sets: list[str] = Field(default_factory=list)
    window: str | None = None
    claims: list[str] = Field(default_factory=list)


class _Info(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,60}$")
    title: str = Field(max_length=300)
    description: str = Field(default="", max_length=4000)
    start: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    months: int = Field(ge=1, le=240)
    soldiers: str | None = None
    shared_state_cut: bool = True


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claim_files: list[str] = Field(default_factory=list)
    case: _Info
    inputs: dict[str, dict[str, DistSpec]] = Field(default_factory=dict)
    checks: list[LedgerCheck] = Field(default_factory=list)
    conflicts: list[LedgerConflict] = Field(default_factory=list)
    unused: dict[str, str] = Field(default_factory=dict)
    scenarios: dict[str, LedgerScenario] = Field(default_factory=dict)


@dataclass(frozen=True)
class LedgerCase:
    """A resolved ledger case: streams, input distributions (with the claims behind each), claims and checks."""

    name: str
    title: str
    description: str
    months: tuple[str, ...]
    streams: tuple[Stream, ...]
    priors: dict[str, Distribution]
    specs: dict[str, DistSpec]
    cited: dict[str, list[str]]
    weights: dict[str, dict[str, float]]
    claims: dict[str, Claim]
    checks: tuple[LedgerCheck, ...]
    conflicts: tuple[LedgerConflict, ...]
    unused: dict[str, str]
    soldier_prior: Prior | None
    origin: str
    scenarios: dict[str, LedgerScenario]
    #: inputs fused from figures in other currencies: key -> {currency: share of the input's weight}
    converted: dict[str, dict[str, float]] = field(default_factory=dict)
    #: the soldier stream's state share of pay is the shared ``state_share_overseas`` draw
    shared_state_cut: bool = True
    #: streams calibrated on their own evidence (a cut): checks that read only these do not weigh the draws
    calibrated: tuple[str, ...] = ()


def is_ledger_case(case: str | None) -> bool:
    """True if ``case`` names a bundled ledger case, or a ``.toml`` file with ``[inputs.*]`` tables and no deployment.

    Files are sniffed line by line, not parsed: a file that is not a ledger case goes on
    to the soldier case loader and its checks (size, nesting, schema).
    """
    if case is None:
        return False
    if case in bundled_ledgers():
        return True
    path = Path(case)
    try:
        if path.suffix != ".toml" or not path.is_file() or path.stat().st_size > MAX_CASE_BYTES:
            return False
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(_INPUTS.search(text)) and not _DEPLOYMENT.search(text)


def _claims_of(files: list[str], origin: str, base: Path | None) -> dict[str, Claim]:
    claims: dict[str, Claim] = {}
    bundled = resources.files("troopledger") / "data" / "claims"
    for name in files:
        entry = bundled / f"{name}.jsonl"
        if "/" not in name and entry.is_file():
            parsed = parse_claims(entry.read_bytes(), f"{name} (bundled claims)", "jsonl")
        else:
            path = (base / name) if base is not None else Path(name)
            if not path.is_file():
                raise CaseError(
                    origin, "claim_files", f"no claims file '{name}'", "give a bundled name or a path beside the case"
                )
            parsed = read_claims(path, "jsonl")  # regular files only, size-capped, remembered as an input
        for c in parsed:
            if c.id in claims:
                raise CaseError(origin, "claim_files", f"claim id '{c.id}' appears twice", "give each claim its own id")
            claims[c.id] = c
    return claims


def _month_of(c: Claim) -> str:
    month = c.window_end or (c.source.date[:7] if c.source is not None and c.source.date else "")
    return month if len(month) == 7 else ""


def join_extra(
    inputs: dict[str, dict[str, DistSpec]], claims: dict[str, Claim], extra: Sequence[Claim]
) -> dict[str, list[str]]:
    """Which input each new reviewed claim joins: ``{input key: [claim ids]}``.

    A claim joins a ``from_claims`` input whose listed claims have its quantity; when several
    do (containers by October 2024 and by July 2025), the one whose latest claim's month is
    nearest the new claim's month (its window, else its source's date). A claim that replaces a
    case claim of its id, or that no input reads, joins none.
    """
    joins: dict[str, list[str]] = {}
    for c in extra:
        if c.id in claims or c.status not in ("accepted", "edited"):
            continue
        best: tuple[int, str] | None = None
        for group, table in inputs.items():
            for name, spec in table.items():
                listed = [claims[i] for i in spec.claims if i in claims]
                if not spec.from_claims or not any(o.quantity == c.quantity for o in listed):
                    continue
                months = sorted(_month_of(o) for o in listed if o.quantity == c.quantity and _month_of(o))
                gap = abs(_months_apart(months[-1], _month_of(c))) if months and _month_of(c) else 0
                key = name if group == "shared" else f"{group}.{name}"
                if best is None or gap < best[0]:
                    best = (gap, key)
        if best is not None:
            joins.setdefault(best[1], []).append(c.id)
    return joins


def _as_of(
    f: _File, claims: dict[str, Claim], joins: dict[str, list[str]], day: dt.date
) -> tuple[_File, dict[str, Claim], dict[str, list[str]]]:
    """The case file as of ``day``: claims reported later are dropped from inputs, checks and conflicts;
    an input left with none of its claims keeps its stream's default (a hand-written form with one
    claim known is kept as written), a check left with none is dropped."""
    known = {cid: c for cid, c in claims.items() if known_by(c, day)}
    inputs: dict[str, dict[str, DistSpec]] = {}
    for group, table in f.inputs.items():
        for name, spec in table.items():
            kept = [c for c in spec.claims if c in known]
            if spec.claims and not kept:
                continue  # nothing said yet: the stream's default
            inputs.setdefault(group, {})[name] = spec.model_copy(update={"claims": kept})
    checks = [
        chk.model_copy(update={"claims": [c for c in chk.claims if c in known]})
        for chk in f.checks
        if any(c in known for c in chk.claims) and (chk.divide_by is None or chk.divide_by in known)
    ]
    conflicts = [
        con.model_copy(update={"claims": [c for c in con.claims if c in known]})
        for con in f.conflicts
        if sum(c in known for c in con.claims) >= 2
    ]
    scenarios = {k: sc for k, sc in f.scenarios.items() if all(c in known for c in sc.claims)}
    joined = {k: [c for c in ids if c in known] for k, ids in joins.items()}
    update = {"inputs": inputs, "checks": checks, "conflicts": conflicts, "scenarios": scenarios}
    return f.model_copy(update=update), known, joined


def _months_apart(a: str, b: str) -> int:
    return (int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7]))


def load_ledger(case: str, extra: Sequence[Claim] = (), *, day: dt.date | None = None) -> LedgerCase:
    """Load a bundled ledger case by name or a ledger case file by path, fusing its inputs from its claims.

    ``extra`` are reviewed claims from a claims ledger (``report --ledger``): each replaces a case
    claim of its id, or joins the ``from_claims`` input that reads its quantity (:func:`join_extra`).
    With ``day``, the case as it could have been written that day (:func:`_as_of`): only the claims
    reported by then, in the ledger's inputs and checks and in its soldier case.
    """
    if case in bundled_ledgers():
        entry = ledgers_dir() / f"{case}.toml"
        text, origin, base = entry.read_text(encoding="utf-8"), f"{case} (bundled ledger)", None
    else:
        path = Path(case)
        try:
            data = read_input(path, "case", MAX_CASE_BYTES, CaseError)  # regular files only; remembered as an input
            text, origin, base = data.decode("utf-8-sig"), str(path), path.parent
        except (OSError, UnicodeDecodeError) as e:
            raise CaseError(
                case, None, f"cannot read the ledger case ({e.__class__.__name__})", "give a readable UTF-8 file"
            ) from None
    if len(text.encode("utf-8")) > MAX_CASE_BYTES:
        raise CaseError(origin, None, f"the file is larger than {MAX_CASE_BYTES:,} bytes", "write a smaller case")
    prescan_toml(text, origin)  # a key of thousands of dotted parts costs TOML parsing minutes: refused first
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CaseError(origin, None, f"not valid TOML ({e})", "fix the TOML syntax") from None
    except RecursionError:
        raise CaseError(origin, None, "tables or arrays nest too deeply", "write a flat case file") from None
    except ValueError as e:  # an integer past Python's digit limit for reading one
        raise CaseError(
            origin, None, f"a number cannot be read ({e})", "write numbers of at most 4,300 digits"
        ) from None
    try:
        f = _File.model_validate(raw)
    except ValidationError as e:
        raise case_error(origin, e) from None
    claims = _claims_of(f.claim_files, origin, base)
    joins = join_extra(f.inputs, claims, extra)
    claims |= {c.id: c for c in extra if c.status in ("accepted", "edited")}
    if day is not None:
        f, claims, joins = _as_of(f, claims, joins, day)
    soldier_case = load_case(f.case.soldiers) if f.case.soldiers else None
    if soldier_case is not None and day is not None:
        try:
            soldier_case = as_of(soldier_case, day)
        except CaseError:  # the soldier case cannot be written yet that day (its first claims came later)
            soldier_case = None
    soldier_prior = resolve(soldier_case) if soldier_case is not None else None
    streams: list[Stream] = []
    if soldier_prior is not None:
        streams.append(soldier_stream(soldier_prior, shared_state_cut=f.case.shared_state_cut))
    streams.extend(STREAMS.values())
    params = {("shared" if p.shared else s.name, p.name): p for s in streams for p in s.params}
    params |= {("shared", p.name): p for p in fx_params()}
    converted: dict[str, dict[str, float]] = {}
    priors: dict[str, Distribution] = {}
    specs: dict[str, DistSpec] = {}
    cited: dict[str, list[str]] = {}
    weights: dict[str, dict[str, float]] = {}
    for group, table in f.inputs.items():
        for name, spec in table.items():
            field = f"inputs.{group}.{name}"
            p = params.get((group, name))
            if p is None:
                raise CaseError(
                    origin,
                    field,
                    f"no stream declares the input {group}.{name}",
                    "use a name 'troopledger report' lists under inputs",
                )
            key = name if group == "shared" else f"{group}.{name}"
            if joins.get(key):
                spec = spec.model_copy(update={"claims": [*spec.claims, *joins[key]]})
            missing = [c for c in spec.all_claims() if c not in claims]
            if missing:
                raise CaseError(
                    origin, field, f"cites unknown claims {', '.join(missing)}", "cite ids from the case's claim files"
                )
            kind: Literal["amount", "share"] = "share" if p.kind == "share" else "amount"
            try:
                if spec.from_claims:
                    fused = fuse([claims[c] for c in spec.claims], kind, p.unit)
                    built, weights[key] = fused.spec, fused.weights
                    if shares := _currency_shares(fused.weights, claims):
                        converted[key] = shares
                    built = built.model_copy(update={"note": spec.note or built.note})
                else:
                    built = spec
                priors[key] = built.to_distribution(kind)
            except ValueError as e:
                raise CaseError(
                    origin, field, str(e), "check the claims' units and figures, or write a form by hand"
                ) from None
            specs[key], cited[key] = built, spec.all_claims()
    outputs = {f"{s.name}.{o.name}" for s in streams for o in s.outputs} | {f"all.{a}" for a in ACCOUNTS}
    keys = {p.name if p.shared else f"{s.name}.{p.name}" for s in streams for p in s.params}
    for i, chk in enumerate(f.checks):
        for name in chk.outputs:
            known = name in outputs or (name.startswith("input:") and name.removeprefix("input:") in keys)
            if not known:
                raise CaseError(
                    origin,
                    f"checks[{i}].output",
                    f"no stream output or input '{name}'",
                    "name a stream.output, all.<account> or input:<name>",
                )
        for cid in (*chk.claims, *([chk.divide_by] if chk.divide_by else [])):
            if cid not in claims:
                raise CaseError(
                    origin, f"checks[{i}].claims", f"unknown claim '{cid}'", "cite ids from the case's claim files"
                )
    for sname, sc in f.scenarios.items():
        for cid in sc.claims:
            if cid not in claims:
                raise CaseError(
                    origin, f"scenarios.{sname}.claims", f"unknown claim '{cid}'", "cite ids from the claim files"
                )
    for i, con in enumerate(f.conflicts):
        for cid in con.claims:
            if cid not in claims:
                raise CaseError(
                    origin, f"conflicts[{i}].claims", f"unknown claim '{cid}'", "cite ids from the case's claim files"
                )
    return LedgerCase(
        name=f.case.name,
        title=f.case.title,
        description=f.case.description.strip(),
        months=tuple(month_labels(f.case.start, f.case.months)),
        streams=tuple(streams),
        priors=priors,
        specs=specs,
        cited=cited,
        weights=weights,
        claims=claims,
        checks=tuple(f.checks),
        conflicts=tuple(f.conflicts),
        unused=dict(f.unused),
        soldier_prior=soldier_prior,
        origin=origin,
        scenarios=dict(f.scenarios),
        converted=converted,
        shared_state_cut=f.case.shared_state_cut,
    )


def _currency_shares(weights: dict[str, float], claims: dict[str, Claim]) -> dict[str, float]:
    """The share of a fused input's weight carried by claims stated in each currency other than the dollar."""
    total = sum(weights.values())
    shares: dict[str, float] = {}
    for cid, w in weights.items():
        code = (claims[cid].currency or "USD").upper()
        if code != "USD" and total > 0 and claims[cid].unit.startswith("USD"):
            shares[code] = shares.get(code, 0.0) + w / total
    return shares
