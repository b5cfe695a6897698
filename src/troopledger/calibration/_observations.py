"""Claims as observations: compile claim records into functions of the model's draws.

A claim about something the model computes (a monthly total for N troops, a
soldier's take-home per tour, soldiers sent or killed by a date, revenue per year) or
about a parameter directly becomes an :class:`Observation`: a *target* (how to read
the claimed quantity off one chunk, :mod:`~troopledger.calibration._targets`) and an
:class:`~troopledger.calibration.ErrorModel` (how far the truth may be from what was
said, from the hedge, :mod:`~troopledger.calibration._errors`).

Targets and error models are kept apart on purpose: a run stores the modelled
targets once, shaped ``(draws, observations)``, and every likelihood, weight,
contradiction and influence computation afterwards works on that small array.
A prior's claims are compiled once per run. See ``docs/calibration.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from troopledger.calibration._errors import ErrorModel, Scale, positive_error, share_error
from troopledger.calibration._targets import Target, derived_target, parameter_target
from troopledger.claims import Claim
from troopledger.errors import CalibrationError
from troopledger.evidence import PARAMETERS, Prior

__all__ = ["Observation", "Observations", "Skipped", "compile_observations"]

Array = NDArray[np.float64]
_USABLE_STATUS = ("accepted", "edited")


@dataclass(frozen=True)
class Observation:
    """One claim compiled into a target of the model and an error model."""

    claim: Claim
    target: Target
    error: ErrorModel
    what: str  # the modelled quantity in words, e.g. "take-home per soldier per tour"
    unit: str
    parameter: str | None = None  # set when the claim speaks about a parameter directly
    cited: bool = False  # the claim built the prior (a slot cites it)

    @property
    def id(self) -> str:
        """The claim's id."""
        return self.claim.id

    @property
    def lineage(self) -> str:
        """The claim's lineage, or its id when it has none (a lineage of one)."""
        return self.claim.lineage or self.claim.id


@dataclass(frozen=True)
class Skipped:
    """A claim that could not become an observation, and why."""

    claim_id: str
    reason: str


@dataclass
class Observations:
    """A case's compiled observations, in a fixed order, with the claims that were skipped."""

    items: list[Observation]
    skipped: list[Skipped] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def ids(self) -> list[str]:
        """Claim ids in column order."""
        return [o.id for o in self.items]

    def evidence(self) -> Observations:
        """The observations a posterior may use: claims that did not build the prior (none counted twice)."""
        return Observations([o for o in self.items if not o.cited], list(self.skipped))

    def subset(self, ids: Sequence[str]) -> Observations:
        """The observations whose claim ids are in ``ids`` (in this object's order)."""
        keep = set(ids)
        return Observations([o for o in self.items if o.id in keep], list(self.skipped))

    def values(self, outputs: Mapping[str, Array], params: Mapping[str, Array]) -> Array:
        """Modelled value of every observation for one chunk, shaped ``(draws, observations)``."""
        n = int(np.shape(outputs["paid_by_russia"])[0])
        out = np.empty((n, len(self.items)), dtype=np.float64)
        for j, o in enumerate(self.items):
            out[:, j] = o.target(outputs, params)
        return out

    def loglik(self, values: Array) -> Array:
        """Log-likelihood of each draw under each observation, from stored ``values``."""
        v = np.asarray(values, dtype=np.float64)
        if v.ndim != 2 or v.shape[1] != len(self.items):
            raise CalibrationError(f"values must be shaped (draws, {len(self.items)}), got {v.shape}")
        out = np.empty_like(v)
        for j, o in enumerate(self.items):
            out[:, j] = o.error.loglik(v[:, j])
        return out


def _citing(prior: Prior) -> dict[str, list[str]]:
    """Claim id -> the slots citing it, in the prior's order (one pass, however many claims)."""
    out: dict[str, list[str]] = {}
    for name, ids in prior.cited.items():
        if name != "state_uses" and not name.startswith("reward_"):
            for cid in dict.fromkeys(ids):
                out.setdefault(cid, []).append(name)
    return out


def _parameter_of(claim: Claim, prior: Prior, citing_by_claim: Mapping[str, list[str]]) -> str | None:
    """The parameter a claim speaks about directly, if any."""
    citing = citing_by_claim.get(claim.id, [])
    # The parameter named after the quantity first; else the one that cites the claim
    # (a rank's pay, a wave's size): a per-rank pay claim is not a claim about average pay.
    for name in sorted(citing, key=lambda n: n != claim.quantity):
        return name
    if claim.quantity in PARAMETERS:
        return claim.quantity
    if claim.quantity == "troops_per_rotation" and prior.mode == "rotation":
        return "troops_deployed"
    return None


def compile_observations(
    prior: Prior,
    *,
    claims: Sequence[Claim] | None = None,
    include_parameter_claims: bool = True,
) -> Observations:
    """Compile a prior's claims (or ``claims``) into observations, skipping what cannot be used.

    Claims about a parameter become observations of that parameter's draw; claims
    about derived quantities become functions of the model outputs. Observations of
    claims that built the prior, and the other claims of their lineage about the same
    quantity (the whole of a statement split into parts), are marked ``cited``; :meth:`Observations.evidence`
    drops them, as does ``include_parameter_claims=False``: the evidence a posterior
    may use without counting a claim twice.
    """
    cited_ids = {cid for ids in prior.cited.values() for cid in ids}
    # a statement whose parts built the prior (r20's rank table, split by rank) is not weighed again as a whole:
    # a claim of a cited claim's lineage about the same quantity
    by_id = {c.id: c for c in prior.claims}
    cited_lineages = {(by_id[c].lineage, by_id[c].quantity) for c in cited_ids if c in by_id and by_id[c].lineage}
    between = prior.between_source
    constants = prior.constants
    citing = _citing(prior)
    items: list[Observation] = []
    skipped: list[Skipped] = []
    for claim in prior.claims if claims is None else claims:
        if claim.status not in _USABLE_STATUS:
            skipped.append(Skipped(claim.id, f"its review status is '{claim.status}'"))
            continue
        if claim.id in prior.unusable:
            skipped.append(Skipped(claim.id, prior.unusable[claim.id]))
            continue
        if claim.quantity.startswith("other") or claim.quantity == "non_combat_pay":
            skipped.append(Skipped(claim.id, f"'{claim.quantity}' is not something the model computes"))
            continue
        cited = claim.id in cited_ids or (claim.lineage, claim.quantity) in cited_lineages
        if not include_parameter_claims and cited:
            continue  # it built the prior; using it again would count it twice
        pname = _parameter_of(claim, prior, citing)
        try:
            if pname is not None and (pname in prior.slots or pname == "pay_per_soldier_month"):
                kind = PARAMETERS[pname].kind if pname in PARAMETERS else "amount"
                if claim.quantity in ("troops_deployed", "troops_per_rotation", "cumulative_troops"):
                    scale: Scale = "log1p"
                else:
                    scale = "log"
                err = share_error(claim) if kind == "share" else positive_error(claim, scale)
                if cited:  # judged by the reading that built the prior: its hedge and the spread between sources
                    err = err.widened(between.get(claim.id, 0.0))
                unit = PARAMETERS[pname].unit if pname in PARAMETERS else claim.unit
                what = PARAMETERS[pname].meaning if pname in PARAMETERS else pname.replace("_", " ")
                items.append(Observation(claim, parameter_target(pname, constants), err, what, unit, pname, cited))
                continue
            got = derived_target(claim, prior.horizon, constants, prior.role_names)
            if isinstance(got, str):
                skipped.append(Skipped(claim.id, got))
                continue
            target, what, unit, scale = got
            items.append(Observation(claim, target, positive_error(claim, scale), what, unit, None, cited))
        except CalibrationError as e:
            skipped.append(Skipped(claim.id, str(e)))
    return Observations(items, skipped)
