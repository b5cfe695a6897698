"""Scenarios: named overrides of a case's inputs, and ``--set NAME=VALUE`` on the command line.

A case file may hold ``[scenarios.NAME]`` tables, each with a ``description`` and a
``set`` table of overrides; ``--set`` gives the same overrides by hand. An override
names an input and gives its new value:

* a parameter by name (``signing_bonus``), a wave's ``size``, ``tour_months``, ``pay``
  or ``state_share_of_pay`` (``waves.builders.pay``), a rank's ``pay`` or ``share`` (``pay_by_rank.private.pay``),
  ``state_uses.concentration``, or the horizon (``case.months``, ``case.start``);
* the value is a number (``2000``: known), an interval ``a..b`` (a 90 % interval, as
  ``to = [a, b]``), a distribution written as a call (``uniform(0, 0.3)``,
  ``point(2000, 0.15)``, ``pert(1, 2, 4)``, ``beta(2, 5)``, ``lognormal(7.6, 0.2)``,
  ``to(a, b)``, ``fixed(x)``), or in a case file a distribution table.

Overrides rewrite the raw case table before validation, so every check of a case file
applies to a scenario too, and the sampler keeps each input's random stream: a
scenario and its base case share common random numbers draw by draw.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from troopledger.errors import CaseError

__all__ = ["SCENARIOS_KEY", "apply_overrides", "apply_scenario", "parse_assignment", "parse_value", "scenario_names"]

#: The case-file table that holds named scenarios; it is removed before validation.
SCENARIOS_KEY = "scenarios"

_CALL = re.compile(r"^\s*([a-z_]+)\s*\((.*)\)\s*$")
_CALL_ARITY = {"fixed": 1, "to": 2, "uniform": 2, "point": 2, "pert": 3, "beta": 2, "lognormal": 2}
_WAVE_FIELDS = ("size", "tour_months", "pay", "state_share_of_pay")
_PLAIN = {("case", "months"), ("case", "start"), ("case", "title"), ("state_uses", "concentration")}


def _number(text: str, where: str, origin: str) -> float:
    try:
        x = float(text.replace("_", "").strip())
    except ValueError:
        x = math.nan
    if not math.isfinite(x):
        raise CaseError(origin, where, f"{text.strip()!r} is not a number", "write e.g. 2000, 0.9 or 1e6")
    return x


def parse_value(text: str, *, where: str = "--set", origin: str = "command line") -> Any:
    """Read an override's value: a number, ``a..b``, or a distribution call; returns a case-file value.

    Numbers come back as ``{"fixed": x}``, intervals as ``{"to": [a, b]}`` and calls
    as the matching table; a bare word is returned as text (for ``case.start``).
    """
    s = text.strip()
    m = _CALL.match(s)
    if m:
        form, args = m.group(1), [a for a in m.group(2).split(",") if a.strip()]
        if form not in _CALL_ARITY:
            raise CaseError(origin, where, f"unknown distribution {form!r}", f"use one of {', '.join(_CALL_ARITY)}")
        if len(args) != _CALL_ARITY[form]:
            raise CaseError(
                origin, where, f"{form}() takes {_CALL_ARITY[form]} number(s)", f"write e.g. {_example(form)}"
            )
        nums = [_number(a, where, origin) for a in args]
        if form == "fixed":
            return {"fixed": nums[0]}
        if form == "point":
            return {"point": nums[0], "spread": nums[1]}
        return {form: nums}
    if ".." in s:
        lo, _, hi = s.partition("..")
        return {"to": [_number(lo, where, origin), _number(hi, where, origin)]}
    if re.match(r"^[-+]?[\d_.]+(e[-+]?\d+)?$", s, re.IGNORECASE):
        return {"fixed": _number(s, where, origin)}
    return s


def _example(form: str) -> str:
    return {"fixed": "fixed(2000)", "point": "point(2000, 0.15)", "pert": "pert(1, 2, 4)"}.get(form, f"{form}(1, 2)")


def parse_assignment(text: str) -> tuple[str, Any]:
    """Split ``NAME=VALUE`` from ``--set`` and read the value (see :func:`parse_value`)."""
    name, eq, value = text.partition("=")
    if not eq or not name.strip() or not value.strip():
        raise CaseError("command line", "--set", f"{text!r} is not NAME=VALUE", "write e.g. --set signing_bonus=2000")
    return name.strip(), parse_value(value, where=f"--set {name.strip()}")


def _plain(value: Any, where: str, origin: str) -> Any:
    """A horizon or concentration override wants a plain number or text, not a distribution."""
    if isinstance(value, dict):
        if set(value) != {"fixed"}:
            raise CaseError(origin, where, "takes a single value, not a distribution", "write e.g. months=15")
        x = value["fixed"]
        return int(x) if float(x).is_integer() else x
    return value


def _spec(value: Any, where: str, origin: str, old: Any) -> dict[str, Any]:
    """The new distribution table; its note says what the scenario replaced."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = {"fixed": float(value)}
    elif isinstance(value, str):
        value = parse_value(value, where=where, origin=origin)
    if not isinstance(value, dict):
        raise CaseError(origin, where, "needs a number, an interval a..b or a distribution", "write e.g. 2000 or 1..3")
    out = dict(value)
    out.setdefault("note", f"Set by scenario ({where}); the case had {_describe(old)}.")
    return out


def _describe(old: Any) -> str:
    if not isinstance(old, dict):
        return "nothing here (the default)"
    keys = {k: v for k, v in old.items() if k not in ("note", "claims")}
    return ", ".join(f"{k} = {v}" for k, v in keys.items()) or "a table"


def _named(items: Any, key: str, name: str, where: str, origin: str) -> dict[str, Any]:
    if isinstance(items, list):
        for item in items:
            if isinstance(item, dict) and item.get(key) == name:
                return item
    raise CaseError(origin, where, f"the case has no {key} {name!r}", "check the name against the case file")


def apply_overrides(raw: Mapping[str, Any], overrides: Mapping[str, Any], *, origin: str) -> dict[str, Any]:
    """A deep copy of the raw case table with each override written in place.

    Unknown names and malformed values raise :class:`CaseError` naming the override;
    values are checked again when the case validates.
    """
    out = copy.deepcopy(dict(raw))
    for name, value in overrides.items():
        where = f"--set {name}" if origin == "command line" else name
        parts = name.split(".")
        if tuple(parts) in _PLAIN:
            out.setdefault(parts[0], {})[parts[1]] = _plain(value, where, origin)
        elif len(parts) == 1:
            params = out.setdefault("parameters", {})
            params[name] = _spec(value, where, origin, params.get(name))
        elif len(parts) == 3 and parts[0] == "waves" and parts[2] in _WAVE_FIELDS:
            wave = _named(out.get("deployment", {}).get("waves"), "name", parts[1], where, origin)
            wave[parts[2]] = _spec(value, where, origin, wave.get(parts[2]))
        elif len(parts) == 3 and parts[0] == "pay_by_rank" and parts[2] in ("pay", "share"):
            rank = _named(out.get("pay_by_rank"), "rank", parts[1], where, origin)
            if parts[2] == "share":
                rank["share"] = _plain(value, where, origin)
            else:
                rank["pay"] = _spec(value, where, origin, rank.get("pay"))
        else:
            raise CaseError(
                origin,
                where,
                f"{name!r} is not an input a scenario can set",
                "name a parameter, waves.NAME.size|tour_months|pay|state_share_of_pay, pay_by_rank.RANK.pay|share, "
                "case.months or case.start",
            )
    return out


def scenario_names(raw: Mapping[str, Any]) -> list[str]:
    """The scenarios a raw case table declares, in file order."""
    table = raw.get(SCENARIOS_KEY, {})
    return list(table) if isinstance(table, dict) else []


def apply_scenario(
    raw: Mapping[str, Any], scenario: str | None, sets: Sequence[str] = (), *, origin: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Apply the named scenario, then each ``--set``; return the case table and what was applied.

    The ``[scenarios]`` table is removed from the result (the case schema does not
    know it). The second value records the scenario's name, description and the
    overrides in the order applied, for the report.
    """
    table = raw.get(SCENARIOS_KEY, {})
    if not isinstance(table, dict):
        raise CaseError(origin, SCENARIOS_KEY, "must be a table of named scenarios", "write [scenarios.NAME]")
    base = {k: v for k, v in raw.items() if k != SCENARIOS_KEY}
    applied: dict[str, Any] = {"name": scenario, "description": "", "set": {}}
    if scenario is not None:
        if scenario not in table:
            known = ", ".join(table) or "none"
            raise CaseError(
                origin, "--scenario", f"no scenario {scenario!r} (the case has: {known})", "use one of those"
            )
        entry = table[scenario]
        if not isinstance(entry, dict) or not isinstance(entry.get("set", {}), dict):
            raise CaseError(origin, f"scenarios.{scenario}", "needs a 'set' table", "write set = { NAME = VALUE }")
        extra = set(entry) - {"set", "description"}
        if extra:
            raise CaseError(
                origin, f"scenarios.{scenario}", f"unknown key {sorted(extra)[0]!r}", "use set, description"
            )
        applied["description"] = str(entry.get("description", ""))
        base = apply_overrides(base, entry.get("set", {}), origin=origin)
        applied["set"].update(entry.get("set", {}))
    pairs = [parse_assignment(s) for s in sets]
    if pairs:
        base = apply_overrides(base, dict(pairs), origin="command line")
        applied["set"].update({k: s.partition("=")[2].strip() for (k, _), s in zip(pairs, sets, strict=True)})
    return base, applied
