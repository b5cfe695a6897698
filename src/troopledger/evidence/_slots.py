"""Slot names: the one module that builds and parses the names of a case's uncertain inputs.

Every uncertain input of a case is a *slot* with two names: its place in the case
file (``parameters.pay_per_soldier_month``, ``waves.first.size``,
``pay_by_rank.private``) and its flat name in parameter arrays and reports
(``pay_per_soldier_month``, ``wave_first_size``, ``pay_rank_private``). Both schemes
are built and read here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from troopledger.evidence._parameters import PARAMETERS, ParamKind

if TYPE_CHECKING:
    from troopledger.evidence._schema import Case
    from troopledger.evidence._spec import DistSpec

__all__ = [
    "FORECAST_TREND",
    "SlotPlace",
    "casualty_count",
    "correlation_name",
    "entry_of",
    "forecast_place",
    "parameter_place",
    "phase_place",
    "phase_slot",
    "place_of",
    "rank_pay",
    "rank_place",
    "role_place",
    "role_slot",
    "slot_places",
    "wave_pay",
    "wave_place",
    "wave_share",
    "wave_size",
    "wave_tour",
]

Section = Literal["parameters", "waves", "pay_by_rank", "counts", "roles", "phases", "forecast"]
RoleField = Literal["exposure", "pay", "state_share_of_pay", "tour_months"]
PhaseField = Literal["killed", "wounded"]
#: Largest multiplier of a hazard a role's exposure or a phase may write.
MAX_FACTOR = 100.0
WaveField = Literal["size", "tour_months", "pay", "state_share_of_pay"]


def wave_size(wave: str) -> str:
    """Flat name of a wave's size, ``wave_<wave>_size``."""
    return f"wave_{wave}_size"


def wave_tour(wave: str) -> str:
    """Flat name of a wave's tour length, ``wave_<wave>_tour_months``."""
    return f"wave_{wave}_tour_months"


def wave_pay(wave: str) -> str:
    """Flat name of a wave's own monthly pay, ``wave_<wave>_pay``."""
    return f"wave_{wave}_pay"


def wave_share(wave: str) -> str:
    """Flat name of the state's share of a wave's pay, ``wave_<wave>_state_share_of_pay``."""
    return f"wave_{wave}_state_share_of_pay"


def casualty_count(kind: str) -> str:
    """Flat name of a stated count of casualties, ``<kind>_count`` (killed or wounded)."""
    return f"{kind}_count"


def role_slot(role: str, field: str) -> str:
    """Flat name of a role's exposure, pay, state share or tour, ``role_<role>_<field>``."""
    return f"role_{role}_{field}"


def phase_slot(phase: str, kind: str) -> str:
    """Flat name of a phase's multiplier of the killed or wounded hazard, ``phase_<phase>_<kind>``."""
    return f"phase_{phase}_{kind}"


#: Flat name of the forecast's monthly drift of the log hazards.
FORECAST_TREND = "forecast_hazard_trend"


def correlation_name(a: str, b: str) -> str:
    """Name of a declared correlation between two inputs, for its cited claims."""
    return f"correlation_{a}_{b}"


def rank_pay(rank: str) -> str:
    """Flat name of a rank's monthly pay, ``pay_rank_<rank>``."""
    return f"pay_rank_{rank}"


@dataclass(frozen=True)
class SlotPlace:
    """Where a slot sits in the case file, its flat name, and what it means."""

    name: str  # flat name: pay_per_soldier_month, wave_first_size, pay_rank_private
    where: str  # place in the file: parameters.X, waves.W.size, waves.W.tour_months, pay_by_rank.R
    section: Section
    key: str  # the parameter name, wave name or rank
    field: str  # "" for parameters, "size"/"tour_months" for waves, "pay" for ranks
    quantity: str  # the claim quantity a from_claims spec selects by default
    kind: ParamKind
    unit: str
    meaning: str
    bounds: tuple[float, float]  # plausible range of what is written or claimed for it (evidence._parameters)


def parameter_place(name: str) -> SlotPlace:
    """The place of the model parameter ``name`` (``parameters.<name>``)."""
    p = PARAMETERS[name]
    return SlotPlace(name, f"parameters.{name}", "parameters", name, "", name, p.kind, p.unit, p.meaning, p.bounds)


_WAVE_FIELDS: dict[str, tuple[Callable[[str], str], str, ParamKind, str]] = {
    "pay": (wave_pay, "pay_per_soldier_month", "amount", "USD/month"),
    "state_share_of_pay": (wave_share, "state_share_of_pay", "share", "fraction"),
}


def wave_place(wave: str, field: WaveField) -> SlotPlace:
    """The place of a wave's size, tour, pay or state share (``waves.<wave>.<field>``)."""
    if field in _WAVE_FIELDS:
        namer, quantity, kind, unit = _WAVE_FIELDS[field]
        name = namer(wave)
        return SlotPlace(
            name,
            f"waves.{wave}.{field}",
            "waves",
            wave,
            field,
            quantity,
            kind,
            unit,
            name.replace("_", " "),
            PARAMETERS[quantity].bounds,
        )
    if field == "size":
        return SlotPlace(
            wave_size(wave),
            f"waves.{wave}.size",
            "waves",
            wave,
            "size",
            "troops_per_rotation",
            "amount",
            "persons",
            wave_size(wave).replace("_", " "),
            PARAMETERS["troops_deployed"].bounds,
        )
    return SlotPlace(
        wave_tour(wave),
        f"waves.{wave}.tour_months",
        "waves",
        wave,
        "tour_months",
        "rotation_interval_months",
        "amount",
        "months",
        wave_tour(wave).replace("_", " "),
        PARAMETERS["rotation_interval_months"].bounds,
    )


_ROLE_FIELDS: dict[str, tuple[str, ParamKind, str, str, tuple[float, float]]] = {
    "exposure": ("", "amount", "x hazard", "multiplier of the killed and wounded hazards", (0.0, MAX_FACTOR)),
    "pay": ("pay_per_soldier_month", "amount", "USD/month", "monthly pay", PARAMETERS["pay_per_soldier_month"].bounds),
    "state_share_of_pay": ("state_share_of_pay", "share", "fraction", "share of pay the state keeps", (0.0, 1.0)),
    "tour_months": (
        "rotation_interval_months",
        "amount",
        "months",
        "tour length",
        PARAMETERS["rotation_interval_months"].bounds,
    ),
}


def role_place(role: str, field: RoleField) -> SlotPlace:
    """The place of a role's exposure, pay, state share or tour (``roles.<role>.<field>``)."""
    quantity, kind, unit, words, bounds = _ROLE_FIELDS[field]
    name = role_slot(role, field)
    return SlotPlace(
        name,
        f"roles.{role}.{field}",
        "roles",
        role,
        field,
        quantity or name,
        kind,
        unit,
        f"{words} of {role.replace('_', ' ')}",
        bounds,
    )


def phase_place(phase: str, kind: PhaseField) -> SlotPlace:
    """The place of a phase's multiplier of the killed or wounded hazard (``casualty_phases.<phase>.<kind>``)."""
    name = phase_slot(phase, kind)
    return SlotPlace(
        name,
        f"casualty_phases.{phase}.{kind}",
        "phases",
        phase,
        kind,
        name,
        "amount",
        "x hazard",
        f"multiplier of the {kind} hazard in phase {phase}",
        (0.0, MAX_FACTOR),
    )


def forecast_place() -> SlotPlace:
    """The place of the forecast's monthly drift of the log hazards (``forecast.hazard_trend``)."""
    return SlotPlace(
        FORECAST_TREND,
        "forecast.hazard_trend",
        "forecast",
        "forecast",
        "hazard_trend",
        FORECAST_TREND,
        "amount",
        "per month",
        "change of the log killed and wounded hazards per forecast month",
        (-1.0, 1.0),
    )


def rank_place(rank: str) -> SlotPlace:
    """The place of a rank's pay (``pay_by_rank.<rank>``)."""
    return SlotPlace(
        rank_pay(rank),
        f"pay_by_rank.{rank}",
        "pay_by_rank",
        rank,
        "pay",
        "pay_per_soldier_month",
        "amount",
        "USD/month",
        rank_pay(rank).replace("_", " "),
        PARAMETERS["pay_per_soldier_month"].bounds,
    )


def slot_places(case: Case) -> list[tuple[SlotPlace, DistSpec]]:
    """Every slot the case file writes a spec for, with that spec, in file order."""
    out: list[tuple[SlotPlace, DistSpec]] = [(parameter_place(n), s) for n, s in case.parameters.items()]
    for w in case.all_waves():
        out.append((wave_place(w.name, "size"), w.size))
        for field, spec in (
            ("tour_months", w.tour_months),
            ("pay", w.pay),
            ("state_share_of_pay", w.state_share_of_pay),
        ):
            if spec is not None:
                out.append((wave_place(w.name, field), spec))  # type: ignore[arg-type]
    out.extend((rank_place(r.rank), r.pay) for r in case.pay_by_rank)
    for role, terms in case.roles.items():
        for rfield in ("exposure", "pay", "state_share_of_pay", "tour_months"):
            spec = getattr(terms, rfield)
            if spec is not None:
                out.append((role_place(role, rfield), spec))
    for phase in case.casualty_phases:
        for pfield in ("killed", "wounded"):
            spec = getattr(phase, pfield)
            if spec is not None:
                out.append((phase_place(phase.name, pfield), spec))
    if case.forecast_from is not None:
        out.append((forecast_place(), case.forecast.hazard_trend))
    for c in case.casualty_counts:
        name = casualty_count(c.kind)
        meaning = f"soldiers {c.kind} from the start through {c.by} (sets the {c.kind} hazard)"
        quantity = "casualties_killed" if c.kind == "killed" else "casualties_wounded"
        out.append(
            (
                SlotPlace(
                    name,
                    f"casualty_counts.{c.kind}",
                    "counts",
                    c.kind,
                    "count",
                    quantity,
                    "amount",
                    "persons",
                    meaning,
                    PARAMETERS["troops_deployed"].bounds,
                ),
                c.count,
            )
        )
    return out


def entry_of(data: dict[str, Any], place: SlotPlace) -> tuple[dict[str, Any], str]:
    """The table of a case written as plain data that holds a role's, phase's or the forecast's spec, and its key."""
    if place.section == "roles":
        return data["roles"][place.key], place.field
    if place.section == "phases":
        return next(p for p in data["casualty_phases"] if p["name"] == place.key), place.field
    if place.section == "forecast":
        return data["forecast"], place.field
    raise KeyError(place.where)


def place_of(case: Case, name: str) -> SlotPlace:
    """The place of the slot whose flat name is ``name`` (a model parameter, wave or rank slot)."""
    if name in PARAMETERS:
        return parameter_place(name)
    for place, _ in slot_places(case):
        if place.name == name:
            return place
    raise KeyError(name)
