"""Loading case files: bundled cases by name, files by path, claims files they name, ledgers.

Reading bytes, size limits, TOML decoding and the folding of ``claim_files`` into
``[[claims]]`` live here; the validation itself is the schema's
(:mod:`troopledger.evidence._schema`). Every failure is a one-line
:class:`~troopledger.errors.CaseError`.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from troopledger._paths import exists, is_dir, is_file, read_input
from troopledger.claims import Claim, Ledger, parse_claims, read_claims
from troopledger.errors import CaseError
from troopledger.evidence._bundled import cases_dir as _cases_dir
from troopledger.evidence._bundled import claims_dir as _claims_dir
from troopledger.evidence._scenarios import apply_scenario
from troopledger.evidence._schema import Case, case_error

__all__ = [
    "MAX_CASE_BYTES",
    "MAX_DIGITS",
    "MAX_KEY_CHARS",
    "MAX_KEY_PARTS",
    "MAX_NESTING",
    "ledger_claims",
    "load_case",
    "parse_case",
    "prescan_toml",
]

#: Case files larger than this are refused (a case is a page of TOML, not a data dump).
MAX_CASE_BYTES = 5_000_000
#: Tables and arrays nested deeper than this are refused (a bundled case nests five levels).
MAX_NESTING = 32
#: Dotted keys of more parts than this are refused before parsing (a bundled case's longest has four).
MAX_KEY_PARTS = 32
#: Keys longer than this many characters are refused before parsing.
MAX_KEY_CHARS = 1_000
#: Integers in a case file have at most this many digits (Python's own limit for reading one).
MAX_DIGITS = 4_300


def _deep_key(text: str) -> str | None:
    """The key whose value nests past :data:`MAX_NESTING` in TOML too deep to parse (brackets counted)."""
    table, key, depth, quote = "", None, 0, ""
    for line in text.splitlines():
        stripped = line.strip()
        if depth == 0 and stripped.startswith("[") and "=" not in stripped:
            table = stripped.strip("[] ")
            continue
        if depth == 0 and "=" in stripped:
            key = ".".join(p for p in (table, stripped.split("=", 1)[0].strip().strip('"')) if p)
        for ch in line:
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "\"'":
                quote = ch
            elif ch in "[{":
                depth += 1
                if depth > MAX_NESTING:
                    return key
            elif ch in "]}":
                depth -= 1
    return None


def _too_deep(raw: dict[str, Any]) -> str | None:
    """The path of the first value nested deeper than :data:`MAX_NESTING`, or None (no recursion)."""
    stack: list[tuple[Any, str, int]] = [(raw, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_NESTING:
            return path
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in items:
            if isinstance(child, dict | list):
                stack.append((child, f"{path}.{key}" if path else str(key), depth + 1))
    return None


def _long_key(text: str) -> tuple[int, str] | None:
    """(line, problem) of the first key of more than :data:`MAX_KEY_PARTS` dotted parts or
    :data:`MAX_KEY_CHARS` characters: found by a scan of the text before TOML parsing, whose
    cost grows with the square of a dotted key's parts (a 40,000-part key took a minute)."""
    in_string = ""
    for n, line in enumerate(text.splitlines(), start=1):
        for mark in ('"""', "'''"):
            if line.count(mark) % 2 and (not in_string or in_string == mark):
                in_string = "" if in_string else mark
                break
        else:
            if in_string:
                continue
        stripped = line.lstrip()
        if stripped.startswith("["):
            key = stripped.strip("[").split("]", 1)[0]
        elif "=" in stripped and not stripped.startswith("#"):
            key = stripped.split("=", 1)[0]
        else:
            continue
        if len(key) > MAX_KEY_CHARS:
            return n, f"a key of {len(key):,} characters (at most {MAX_KEY_CHARS:,})"
        if key.count(".") >= MAX_KEY_PARTS and _parts(key) > MAX_KEY_PARTS:
            return n, f"a dotted key of {_parts(key):,} parts (at most {MAX_KEY_PARTS})"
    return None


def prescan_toml(text: str, origin: str) -> None:
    """Refuse, before TOML parsing, a key of too many dotted parts or characters (case and ledger files alike)."""
    long_key = _long_key(text)
    if long_key is not None:
        raise CaseError(f"{origin} line {long_key[0]}", None, long_key[1], _FLATTEN)


def _parts(key: str) -> int:
    """How many dotted parts ``key`` has (dots inside quotes do not count)."""
    parts, quote = 1, ""
    for ch in key:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts += 1
    return parts


def _check_ranks(raw: dict[str, Any], origin: str) -> None:
    """Each ``[[pay_by_rank]]`` names its own rank (a repeated one would be overwritten by the other)."""
    ranks = raw.get("pay_by_rank")
    if not isinstance(ranks, list):
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(ranks):
        rank = entry.get("rank") if isinstance(entry, dict) else None
        if not isinstance(rank, str):
            continue
        if rank in seen:
            raise CaseError(
                origin,
                f"pay_by_rank.{i}.rank",
                f"rank '{rank[:60]}' is already given in [[pay_by_rank]] number {seen[rank] + 1}",
                "give each rank once (merge the two, adding their shares)",
            )
        seen[rank] = i


_FLATTEN = "a case nests a few levels at most: see docs/case-files.md for its shape"


def _read_claim_file(name: str, origin: str, base: Path | None) -> list[Claim]:
    """Claims from a bundled claims file (a bare name) or a path relative to the case file."""
    bundled = _claims_dir() / f"{name}.jsonl"
    if "/" not in name and "." not in name and is_file(bundled):
        return parse_claims(bundled.read_bytes(), f"{name} (bundled claims)", "jsonl")
    path = Path(name) if base is None or Path(name).is_absolute() else base / name
    if not is_file(path):
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


def load_case(case: str | Path | None = None, *, scenario: str | None = None, sets: Sequence[str] = ()) -> Case:
    """Load a bundled case by name, or a case file by path; ``None`` is the default case.

    ``scenario`` names one of the case's ``[scenarios.NAME]`` and ``sets`` are
    ``NAME=VALUE`` overrides from the command line, applied after it
    (see :mod:`troopledger.evidence._scenarios`).
    """
    if case is None:
        case = "nk-russia-2024"
    text = str(case)
    if not text.strip():
        raise CaseError(
            "(no name)", None, "the case name is empty", "run 'troopledger cases' for bundled names, or give a path"
        )
    bundled = _cases_dir() / f"{text}.toml"
    if not text.endswith(".toml") and "/" not in text and is_file(bundled):
        return parse_case(bundled.read_bytes(), f"{text} (bundled)", base=None, scenario=scenario, sets=sets)
    path = Path(text)
    if not exists(path):
        raise CaseError(
            text,
            None,
            "no such case file or bundled case",
            "run 'troopledger cases' for bundled names, or give a path to a .toml file",
        )
    if is_dir(path):
        raise CaseError(text, None, "is a directory, not a case file", "give the path of a .toml case file")
    data = read_input(path, "case", MAX_CASE_BYTES, CaseError)
    return parse_case(data, text, base=path.parent, scenario=scenario, sets=sets)


def parse_case(
    data: bytes,
    origin: str,
    *,
    base: Path | None = None,
    scenario: str | None = None,
    sets: Sequence[str] = (),
) -> Case:
    """Validate the bytes of a case file; ``origin`` names it in error messages.

    ``claim_files`` named in the case are read from the bundled claims, or from
    paths relative to ``base`` (the case file's folder; the working directory if None).
    ``scenario`` and ``sets`` override inputs before validation, so a scenario is
    checked like the case file itself; the case records what was applied.
    """
    if not data.strip():
        raise CaseError(origin, None, "the file is empty", "start from a bundled case: see docs/case-files.md")
    if b"\x00" in data:
        raise CaseError(origin, None, "the file is binary, not TOML text", "give a UTF-8 TOML case file")
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark some editors write is not TOML
    except UnicodeDecodeError as e:
        raise CaseError(origin, None, f"not UTF-8 text (byte {e.start})", "save the file as UTF-8") from None
    prescan_toml(text, origin)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CaseError(origin, None, f"not valid TOML ({e})", "fix the TOML syntax at that line") from None
    except ValueError as e:  # an integer past Python's digit limit for reading one
        raise CaseError(
            origin, None, f"a number cannot be read ({e})", f"write numbers of at most {MAX_DIGITS:,} digits"
        ) from None
    except RecursionError:
        raise CaseError(origin, _deep_key(text), "tables or arrays are nested too deeply to read", _FLATTEN) from None
    deep = _too_deep(raw)
    if deep is not None:
        raise CaseError(origin, deep, f"nested more than {MAX_NESTING} levels deep", _FLATTEN)
    if "as_of" in raw:  # a view's day is set by as_of(), never written in a file
        raise CaseError(origin, "as_of", "is not a case-file key", "remove it; run 'troopledger report --as-of DATE'")
    _check_ranks(raw, origin)
    raw, applied = apply_scenario(raw, scenario, sets, origin=origin)
    raw = _with_claim_files(raw, origin, base)
    try:
        case = Case.model_validate(raw)
    except ValidationError as e:
        raise case_error(origin, e) from None
    case.path = origin
    case.scenario = applied
    case.digest = hashlib.sha256(data).hexdigest()
    return case


def ledger_claims(case: Case, path: str | Path) -> list[Claim]:
    """The claims a ledger adds to ``case``: its accepted and edited ones, and its rejections of the case's own.

    Passed to :func:`~troopledger.evidence.resolve`, a ledger claim replaces a case
    claim of the same id and a case claim rejected in the ledger is rejected there too.
    """
    with Ledger(str(path), create=False, readonly=True) as led:
        extra = led.claims(status=("accepted", "edited"))
        own = {c.id for c in case.claims}
        rejected = [c for c in led.claims(status="rejected") if c.id in own]
    return extra + rejected
