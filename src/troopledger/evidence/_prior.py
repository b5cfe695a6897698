"""The prior of a run: every uncertain input of a case resolved once, with its provenance.

:func:`resolve` turns a validated case file (and any claims a ledger adds) into a
frozen :class:`Prior`: one :class:`Slot` per uncertain input (its name, place in the
file, kind, unit, meaning, distribution, cited claims and fusion provenance), the
constants, the state's Dirichlet, the lineage-labelled claims and the horizon.
Distributions are built here, once per run; every later stage reads the Prior, not
the case file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from troopledger.claims import Claim, month_index, month_labels
from troopledger.evidence._bounds import claim_problem
from troopledger.evidence._correlation import CorrelationGroup, correlation_groups
from troopledger.evidence._fusion import Fused
from troopledger.evidence._parameters import PARAMETERS
from troopledger.evidence._schema import Case
from troopledger.evidence._slots import (
    FORECAST_TREND,
    SlotPlace,
    casualty_count,
    phase_slot,
    place_of,
    rank_pay,
    role_slot,
    slot_places,
    wave_pay,
    wave_share,
    wave_size,
    wave_tour,
)
from troopledger.evidence._spec import DistSpec
from troopledger.evidence._uncertain import Constant, Dirichlet, Distribution

__all__ = ["CountSlot", "Horizon", "PhaseSlots", "Prior", "RoleSlots", "Slot", "WaveSlots", "resolve"]


@dataclass(frozen=True)
class Slot:
    """One uncertain input: where it sits, what it means, its distribution and the claims behind it."""

    place: SlotPlace
    distribution: Distribution
    spec: DistSpec | None  # None: the model's default value
    claims: tuple[str, ...]
    fused: Fused | None  # how claims were pooled, when the slot was built from_claims

    @property
    def name(self) -> str:
        """Flat name, as in parameter arrays and reports."""
        return self.place.name

    @property
    def unit(self) -> str:
        """Unit of the input."""
        return self.place.unit

    @property
    def meaning(self) -> str:
        """What the input is, in words."""
        return self.place.meaning

    @property
    def note(self) -> str:
        """The case file's note on the input (empty for a default)."""
        return self.spec.note if self.spec is not None else ""


@dataclass(frozen=True)
class Horizon:
    """The months a run covers."""

    start: str
    months: int

    @property
    def labels(self) -> list[str]:
        """The months as ``YYYY-MM`` labels."""
        return month_labels(self.start, self.months)

    def offset(self, month: str) -> int:
        """Months from the start of the horizon to ``month`` (negative before it)."""
        return month_index(month) - month_index(self.start)


@dataclass(frozen=True)
class WaveSlots:
    """A dated wave: its arrival month (offset), the slots of its size and tour, and its own pay terms."""

    name: str
    offset: int
    size: str
    tour: str | None  # None: the wave stays to the end of the horizon
    pay: str | None = None  # its own pay slot; None: the case's pay (or its own rank mix)
    rank_shares: tuple[tuple[str, float], ...] | None = None  # (rank pay slot, share) for this wave
    state_share: str | None = None  # its own state-share slot; None: the case's
    profile: tuple[float, ...] = (1.0,)  # share arriving in each month from the offset
    role: int = 0  # index into Prior.roles
    by_mid_month: float = 0.5  # share of its first month's arrivals in by the 15th (for mid-month readings)


@dataclass(frozen=True)
class RoleSlots:
    """A role soldiers serve in: its name and the slot of its exposure to casualties (None: exposure 1)."""

    name: str
    exposure: str | None = None


@dataclass(frozen=True)
class PhaseSlots:
    """A dated phase of the fighting: months ``start`` to ``end`` (offsets, inclusive) and its slots."""

    name: str
    start: int
    end: int
    killed: str | None
    wounded: str | None


@dataclass(frozen=True)
class CountSlot:
    """A stated casualty count: the slot of the count, its kind and the month (offset) it runs to."""

    kind: Literal["killed", "wounded"]
    slot: str
    by: int


@dataclass(frozen=True)
class Prior:
    """Everything a run draws from, resolved once: slots, constants, state uses, claims, horizon."""

    casefile: Case
    slots: Mapping[str, Slot]
    state_uses: Dirichlet
    claims: tuple[Claim, ...]
    cited: Mapping[str, tuple[str, ...]]  # claim ids per slot, plus state_uses and reward_<i>
    horizon: Horizon
    mode: Literal["rotation", "waves"]
    waves: tuple[WaveSlots, ...]
    ranks: tuple[tuple[str, float], ...]  # (slot name, share of soldiers) per rank
    counts: tuple[CountSlot, ...] = ()
    correlations: tuple[CorrelationGroup, ...] = ()
    unusable: Mapping[str, str] = field(default_factory=dict)  # accepted claims the case cannot use -> why
    roles: tuple[RoleSlots, ...] = (RoleSlots("combat"),)
    phases: tuple[PhaseSlots, ...] = ()
    forecast_from: int | None = None  # first month past the case's own horizon (report --until)
    between_source: Mapping[str, float] = field(default_factory=dict)  # claim id -> sd fusion widened it by

    @property
    def forecast_trend(self) -> str | None:
        """The slot of the forecast's monthly drift of the log hazards, when the run forecasts."""
        return FORECAST_TREND if self.forecast_from is not None else None

    @property
    def role_names(self) -> tuple[str, ...]:
        """The names of the roles, in index order."""
        return tuple(r.name for r in self.roles)

    @property
    def realises_everything(self) -> bool:
        """True when every draw delivers all that is owed (``realised_share`` known to be 1)."""
        d = self.slots["realised_share"].distribution
        return isinstance(d, Constant) and float(d.value) == 1.0

    @property
    def by_wave(self) -> bool:
        """True when some wave has its own pay, rank mix or state share."""
        return any(w.pay or w.rank_shares or w.state_share for w in self.waves)

    @property
    def name(self) -> str:
        """The case's short name."""
        return self.casefile.name

    @property
    def months(self) -> int:
        """Number of months in the horizon."""
        return self.horizon.months

    @property
    def distributions(self) -> dict[str, Distribution]:
        """Every scalar input's distribution by slot name (excluding the state's Dirichlet)."""
        return {k: s.distribution for k, s in self.slots.items()}

    @property
    def constants(self) -> dict[str, float]:
        """The inputs known exactly, by slot name (a hazard set by a casualty count varies by draw)."""
        derived = {f"{c.kind}_hazard" for c in self.counts}
        return {
            k: float(s.distribution.value)
            for k, s in self.slots.items()
            if isinstance(s.distribution, Constant) and k not in derived
        }

    def describe_input(self, name: str) -> tuple[str, str]:
        """Unit and meaning of an input by flat name: a slot's, or a model input derived from slots."""
        if name in self.slots:
            return self.slots[name].unit, self.slots[name].meaning
        if name in PARAMETERS:
            return PARAMETERS[name].unit, PARAMETERS[name].meaning
        return "", name.replace("_", " ")

    def with_specs(self, specs: Mapping[str, DistSpec], *, keep_between: bool = False) -> Prior:
        """A copy with the slots named in ``specs`` re-specified (and their distributions rebuilt).

        The claims of a re-specified slot no longer built it as fused, so they lose
        their ``between_source`` entry (``keep_between`` keeps every entry, for a
        spec that still holds the fused reading, such as calibration's doubt).
        """
        slots = dict(self.slots)
        for name, spec in specs.items():
            old = slots[name]
            slots[name] = Slot(old.place, spec.to_distribution(old.place.kind), spec, tuple(spec.all_claims()), None)
        if keep_between:
            return dataclasses.replace(self, slots=slots)
        gone = {cid for name in specs for cid in self.slots[name].claims}
        lineages = {(c.lineage, c.quantity) for c in self.claims if c.id in gone and c.lineage}
        gone |= {c.id for c in self.claims if (c.lineage, c.quantity) in lineages}
        between = {cid: sd for cid, sd in self.between_source.items() if cid not in gone}
        return dataclasses.replace(self, slots=slots, between_source=between)


def resolve(casefile: Case, claims: Sequence[Claim] = ()) -> Prior:
    """The :class:`Prior` of ``casefile`` with ``claims`` merged in (same id: replaced).

    With no extra claims the case file's own fusion stands and nothing is re-fused;
    with claims (a ledger's, say) every ``from_claims`` slot is fused again.
    """
    case = casefile.with_claims(list(claims)) if claims else casefile
    fused = case.fused()
    specs = {place.name: (place, spec) for place, spec in slot_places(case)}
    slots: dict[str, Slot] = {}
    for name, p in PARAMETERS.items():
        if name in specs:
            place, spec = specs.pop(name)
            slots[name] = Slot(
                place, spec.to_distribution(p.kind), spec, tuple(spec.all_claims()), fused.get(place.where)
            )
        elif p.default is not None:
            slots[name] = Slot(place_of(case, name), Constant(p.default), None, (), None)
    for name, (place, spec) in specs.items():
        slots[name] = Slot(
            place, spec.to_distribution(place.kind), spec, tuple(spec.all_claims()), fused.get(place.where)
        )
    resolved = tuple(case.resolved_claims())
    cited = {k: tuple(v) for k, v in case.cited_claims().items()}
    horizon = Horizon(case.case.start, case.case.months)
    names = case.role_names()
    roles = tuple(
        RoleSlots(r, role_slot(r, "exposure") if r in case.roles and case.roles[r].exposure is not None else None)
        for r in names
    )

    def of_role(w: Any, fld: str, own: str | None) -> str | None:
        """A wave's own slot for ``fld``, else its role's, else None (the case's)."""
        if own is not None:
            return own
        terms = case.roles.get(w.role)
        return role_slot(w.role, fld) if terms is not None and getattr(terms, fld) is not None else None

    waves = tuple(
        WaveSlots(
            w.name,
            horizon.offset(w.arrival),
            wave_size(w.name),
            of_role(w, "tour_months", None if w.tour_months is None else wave_tour(w.name)),
            None if w.rank_shares is not None else of_role(w, "pay", None if w.pay is None else wave_pay(w.name)),
            None if w.rank_shares is None else tuple((rank_pay(r), x) for r, x in w.rank_shares.items()),
            of_role(w, "state_share_of_pay", None if w.state_share_of_pay is None else wave_share(w.name)),
            tuple(w.arrival_profile()),
            names.index(w.role),
            w.by_mid_month,
        )
        for w in case.all_waves()
    )
    phases = tuple(
        PhaseSlots(
            p.name,
            horizon.offset(p.start),
            horizon.offset(p.end),
            None if p.killed is None else phase_slot(p.name, "killed"),
            None if p.wounded is None else phase_slot(p.name, "wounded"),
        )
        for p in case.casualty_phases
    )
    counts = tuple(CountSlot(c.kind, casualty_count(c.kind), horizon.offset(c.by)) for c in case.casualty_counts)
    for c in case.casualty_counts:  # the hazard is solved from the count in every draw
        hazard = slots[f"{c.kind}_hazard"]
        note = f"Derived in every draw from the count of {c.kind} by {c.by} ([[casualty_counts]])."
        spec = DistSpec(fixed=0.0, note=note, claims=c.count.all_claims())
        slots[hazard.name] = Slot(hazard.place, hazard.distribution, spec, tuple(spec.claims), None)
    return Prior(
        casefile=case,
        slots=slots,
        state_uses=case.state_uses.distribution(),
        claims=resolved,
        cited=cited,
        horizon=horizon,
        mode=case.deployment.mode,
        waves=waves,
        ranks=tuple((rank_pay(r.rank), r.share) for r in case.pay_by_rank),
        counts=counts,
        correlations=tuple(correlation_groups(case.correlations, list(slots))),
        unusable=_unusable(case.unusable(), resolved, cited, slots),
        roles=roles,
        phases=phases,
        forecast_from=case.forecast_from,
        between_source=_between(slots, resolved),
    )


def _between(slots: Mapping[str, Slot], claims: Sequence[Claim]) -> dict[str, float]:
    """Claim id -> the between-source sd fusion widened its reading by (the largest over the slots it built).

    The other claims of a lineage about the same quantity (the whole of a statement split
    into parts) get the largest of theirs.
    """
    out: dict[str, float] = {}
    for slot in slots.values():
        for cid, sd in (slot.fused.between if slot.fused is not None else {}).items():
            out[cid] = max(sd, out.get(cid, 0.0))
    lineage = {c.id: (c.lineage, c.quantity) for c in claims if c.lineage}
    widest: dict[tuple[str, str], float] = {}
    for cid, sd in out.items():
        if cid in lineage:
            widest[lineage[cid]] = max(sd, widest.get(lineage[cid], 0.0))
    for cid, label in lineage.items():
        if label in widest:
            out[cid] = max(widest[label], out.get(cid, 0.0))
    return out


def _unusable(
    from_fusion: Mapping[str, str],
    claims: Sequence[Claim],
    cited: Mapping[str, Sequence[str]],
    slots: Mapping[str, Slot],
) -> dict[str, str]:
    """Accepted claims the case cannot use, and why: outside an input's plausible range, or about a fixed input.

    A claim about an input the case holds fixed (written ``fixed``, or left at its
    default) cannot move it, whatever it says; the report warns about it rather
    than listing it as weighed.
    """
    out = dict(from_fusion)
    used = {cid for ids in cited.values() for cid in ids}
    for c in claims:
        if c.status not in ("accepted", "edited") or c.id in out or c.id in used:
            continue
        slot = slots.get(c.quantity)
        if slot is None:
            continue
        if isinstance(slot.distribution, Constant):
            value = float(slot.distribution.value)
            how = "leaves it at its default," if slot.spec is None else "fixes it at"
            out[c.id] = (
                f"says {c.quantity} is {c.describe_value()}, but the case {how} {value:,.6g} {slot.unit}; "
                "the claim cannot move it (give the parameter a distribution to weigh it)"
            )
            continue
        why = claim_problem(c, slot.place)
        if why is not None:
            out[c.id] = why
    return out
