"""Distribution specifications as written in case files, and their translation.

A spec is a TOML table with exactly one *form* key, in the estimator's language::

    pay_per_soldier_month = { point = 2000, spread = 0.15 }   # "about 2,000"
    troops_deployed       = { to = [10000, 15000] }            # 90 % interval
    in_kind_share         = { uniform = [0.0, 0.3] }
    nk_gdp                = { from_claims = true }             # fused by the case
    state_share_of_pay    = { mixture = [ { weight = 2, point = 0.9, spread = 0.05 },
                                          { weight = 1, to = [0.95, 0.999] } ] }

Each form maps to one builder in :data:`FORMS`; there is no ``isinstance`` ladder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator

from troopledger.evidence._uncertain import (
    Beta,
    Constant,
    Distribution,
    LogNormal,
    Mixture,
    Pert,
    Uniform,
    point,
    to,
)

__all__ = ["FORMS", "DistSpec", "MixtureComponent", "Number"]

Kind = Literal["amount", "share"]
#: A number as a case file must write it: an integer or a float, never ``true`` or a quoted string.
Number = Annotated[float, Strict()]
Flag = Annotated[bool, Strict()]


def _build_point(spec: DistSpec, kind: Kind) -> Distribution:
    return point(_req(spec.point), spec.spread if spec.spread is not None else 0.1, kind)


def _build_mixture(spec: DistSpec, kind: Kind) -> Distribution:
    comps = spec.mixture or []
    return Mixture(
        tuple(c.to_distribution(kind) for c in comps),
        tuple(c.weight for c in comps),
        tuple(c.label or f"component {i + 1}" for i, c in enumerate(comps)),
    )


def _req(x: Any) -> Any:
    if x is None:  # unreachable once validated; keeps the type checker honest
        raise ValueError("missing value")
    return x


#: form key -> builder(spec, kind) -> Distribution
FORMS: dict[str, Callable[[DistSpec, Kind], Distribution]] = {
    "fixed": lambda s, k: Constant(_req(s.fixed)),
    "to": lambda s, k: to(_req(s.to)[0], _req(s.to)[1], kind=k),
    "point": _build_point,
    "uniform": lambda s, k: Uniform(*_req(s.uniform)),
    "pert": lambda s, k: Pert(*_req(s.pert)),
    "beta": lambda s, k: Beta(*_req(s.beta)),
    "lognormal": lambda s, k: LogNormal(*_req(s.lognormal)),
    "mixture": _build_mixture,
}


class DistSpec(BaseModel):
    """One uncertain quantity as written in a case file, with the claims behind it."""

    model_config = ConfigDict(extra="forbid")

    fixed: Number | None = None
    to: tuple[Number, Number] | None = None
    point: Number | None = None
    spread: Number | None = Field(default=None, ge=0, description="relative half-width of a point's 90% interval")
    uniform: tuple[Number, Number] | None = None
    pert: tuple[Number, Number, Number] | None = None
    beta: tuple[Number, Number] | None = None
    lognormal: tuple[Number, Number] | None = None
    mixture: list[MixtureComponent] | None = None
    from_claims: Flag = Field(default=False, description="fuse the case's claims into this distribution")
    quantity: str | None = Field(default=None, max_length=60, description="claims' quantity, for from_claims")
    exclude: list[str] = Field(default_factory=list, description="claim ids from_claims leaves out")
    claims: list[str] = Field(default_factory=list)
    note: str = Field(default="", max_length=4000)
    not_yet_known: DistSpec | None = Field(
        default=None, description="what the case assumes before any claim behind this input was reported (as-of runs)"
    )

    @model_validator(mode="after")
    def _one_form(self) -> DistSpec:
        nyk = self.not_yet_known
        if nyk is not None and (nyk.from_claims or nyk.not_yet_known is not None or nyk.all_claims()):
            raise ValueError("'not_yet_known' is written by hand, without claims, from_claims or its own not_yet_known")
        given = [f for f in FORMS if getattr(self, f) is not None]
        if self.from_claims:
            if given or self.spread is not None:
                raise ValueError(f"'from_claims' takes no other form; remove {', '.join(given) or 'spread'}")
            return self
        if self.quantity is not None or self.exclude:
            raise ValueError("'quantity' and 'exclude' go only with 'from_claims = true'")
        if len(given) != 1:
            raise ValueError(f"give exactly one of {', '.join(FORMS)}; got {', '.join(given) if given else 'none'}")
        if self.spread is not None and given[0] != "point":
            raise ValueError("'spread' goes only with 'point'")
        if self.mixture is not None and not self.mixture:
            raise ValueError("a mixture needs at least one component")
        return self

    @property
    def form(self) -> str:
        """The one form key this spec uses (``from_claims`` for one its case resolves)."""
        if self.from_claims:
            return "from_claims"
        return next(f for f in FORMS if getattr(self, f) is not None)

    def to_distribution(self, kind: Kind = "amount") -> Distribution:
        """Build the distribution; ``kind`` ('amount' or 'share') decides what ``to`` means."""
        if self.from_claims:
            raise ValueError("'from_claims' is resolved by its case from the case's claims (see docs/claims.md)")
        return FORMS[self.form](self, kind)

    def all_claims(self) -> list[str]:
        """Claim ids cited by this spec and by any mixture component, in order, once each."""
        ids = list(self.claims)
        for c in self.mixture or []:
            ids.extend(c.all_claims())
        return list(dict.fromkeys(ids))


class MixtureComponent(DistSpec):
    """One component of a mixture: a spec with a weight and a label."""

    weight: Number = Field(default=1.0, ge=0)
    label: str = Field(default="", max_length=200)


DistSpec.model_rebuild()
