"""The case as it could have been written on a given day: only the claims reported by then.

Every claim carries its source's date. An *as-of view* keeps the claims reported on
or before a day and builds the case again from them: a parameter fused from claims
is fused from the ones known then, a hand-written mixture keeps the components whose
claims were known, and citations of later claims are dropped. An input none of
whose claims had been reported falls back to the case's ``not_yet_known`` entry for
it (a wave not yet announced is usually ``{ fixed = 0 }``); a case that needs one and
does not declare it is refused with a one-line error naming the input.

Dates: a source dated ``YYYY-MM`` counts as reported at the end of that month (it
is known once the month is over); a claim with no dated source counts as always
known. An as-of day written ``YYYY-MM`` means the end of that month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Collection
from typing import Any

from pydantic import ValidationError

from troopledger.claims import QUANTITIES, Claim
from troopledger.errors import CaseError, InputError
from troopledger.evidence._schema import Case, case_error
from troopledger.evidence._slots import SlotPlace, entry_of, slot_places

__all__ = ["as_of", "known_by", "parse_day", "reported_on"]

_DAY = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$")
_USABLE = ("accepted", "edited")


def parse_day(text: str, field: str = "--as-of") -> dt.date:
    """``YYYY-MM-DD``, or ``YYYY-MM`` for the last day of that month; a bad date is a one-line error."""
    m = _DAY.match(text.strip())
    day: dt.date | None = None
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        last = calendar.monthrange(year, month)[1]
        try:
            day = dt.date(year, month, int(m.group(3)) if m.group(3) else last)
        except ValueError:
            day = None
    if day is None:
        raise InputError(None, field, f"'{text[:40]}' is not a date", "write YYYY-MM (end of that month) or YYYY-MM-DD")
    return day


def reported_on(claim: Claim) -> dt.date | None:
    """The day a claim's source published it (end of month for ``YYYY-MM``), or ``None`` if undated."""
    text = claim.source.date if claim.source is not None else None
    if not text:
        return None
    try:
        return parse_day(text, "source.date")
    except InputError:
        return None


def known_by(claim: Claim, day: dt.date) -> bool:
    """True when the claim had been reported on or before ``day`` (undated claims always are)."""
    when = reported_on(claim)
    return when is None or when <= day


def _entry(data: dict[str, Any], place: SlotPlace) -> tuple[dict[str, Any], str]:
    """The table of a written case that holds a slot's spec, and the spec's key in it."""
    if place.section == "parameters":
        return data["parameters"], place.key
    if place.section == "waves":
        return next(w for w in data["deployment"]["waves"] if w["name"] == place.key), place.field
    if place.section == "counts":
        return next(c for c in data["casualty_counts"] if c["kind"] == place.key), "count"
    if place.section in ("roles", "phases", "forecast"):
        return entry_of(data, place)
    return next(r for r in data["pay_by_rank"] if r["rank"] == place.key), "pay"


def _fallback(case: Case, where: str, spec: dict[str, Any], day: dt.date, first: str | None) -> dict[str, Any]:
    nyk = spec.get("not_yet_known")
    if nyk is None:
        when = f"; the first came on {first}" if first else ""
        raise CaseError(
            case.path or case.name,
            where,
            f"no claim behind it had been reported by {day.isoformat()}{when}",
            "add not_yet_known = { ... } to it: what the case assumes before then, e.g. { fixed = 0 } for a wave "
            "not yet announced (docs/case-files.md)",
        )
    out = dict(nyk)
    out["note"] = out.get("note") or f"Not yet known on {day.isoformat()}: the case's assumption until a claim came."
    return out


def _known_spec(
    case: Case, where: str, spec: dict[str, Any], default_q: str, claims: list[Claim], known: set[str], day: dt.date
) -> dict[str, Any]:
    """One distribution entry as it stood on ``day``, when the claims ``known`` were known."""
    dates = {c.id: reported_on(c) for c in claims}

    def first(ids: list[str]) -> str | None:
        later = sorted(d for i in ids if (d := dates.get(i)) is not None)
        return later[0].isoformat() if later else None

    if spec.get("from_claims"):
        if spec.get("claims"):
            chosen = [i for i in spec["claims"] if i in known]
            if not chosen:
                return _fallback(case, where, spec, day, first(spec["claims"]))
            return {**spec, "claims": chosen}
        quantity = spec.get("quantity") or default_q
        if quantity not in QUANTITIES:
            return spec  # the case itself reports this mistake
        about = [c for c in claims if c.quantity == quantity and c.status in _USABLE and c.id not in spec["exclude"]]
        if not [c for c in about if c.id in known]:
            return _fallback(case, where, spec, day, first([c.id for c in about]))
        return spec
    cited = list(spec.get("claims") or [])
    for comp in spec.get("mixture") or []:
        cited.extend(comp.get("claims") or [])
    if not cited:
        return spec  # an assumption: it was as true then as now
    if not set(cited) & known:
        return _fallback(case, where, spec, day, first(cited))
    out = {**spec, "claims": [i for i in spec.get("claims") or [] if i in known]}
    if spec.get("mixture"):
        comps = [c for c in spec["mixture"] if not c.get("claims") or set(c["claims"]) & known]
        out["mixture"] = [{**c, "claims": [i for i in c.get("claims") or [] if i in known]} for c in comps]
    return out


def as_of(case: Case, day: dt.date | str, *, extra: Collection[str] = ()) -> Case:
    """The case with only the claims reported on or before ``day`` (see the module's notes).

    ``extra`` names claims to count as known all the same: the previous day's case
    plus one newly arrived document is how a history measures what that document moved.
    """
    when = parse_day(day) if isinstance(day, str) else day
    claims = case.resolved_claims()
    known = {c.id for c in claims if known_by(c, when) or c.id in extra}
    data = case.written()
    written = {w["name"] for w in data["deployment"]["waves"]}
    for place, _ in slot_places(case):
        if place.section == "waves" and place.key not in written:
            continue  # a wave added by a claim of arrivals: it comes back once its claim is known
        table, key = _entry(data, place)
        table[key] = _known_spec(case, place.where, table[key], place.quantity, claims, known, when)
    data["claims"] = [c for c in data["claims"] if c["id"] in known]
    data["state_uses"]["claims"] = [i for i in data["state_uses"]["claims"] if i in known]
    data["rewards"] = [
        {**r, "claims": [i for i in r["claims"] if i in known]}
        for r in data["rewards"]
        if not r["claims"] or set(r["claims"]) & known
    ]
    try:
        out = Case.model_validate(data)
    except ValidationError as e:
        raise case_error(case.path or case.name, e) from None
    out.path, out.digest, out.scenario = case.path, case.digest, case.scenario
    out.forecast_from = case.forecast_from
    out.as_of = when.isoformat()  # the view remembers its day, for the report
    return out
