"""The claim record (DESIGN §4): one quantitative statement and who made it.

A :class:`Claim` is validated at construction. Values are stored normalised (USD,
persons, months or fractions, with the period stated separately); what the text
literally said is kept in ``stated``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from troopledger._digits import ascii_digits
from troopledger.claims._figure import describe_figure
from troopledger.claims._months import MONTH_PATTERN
from troopledger.claims._vocabulary import QUANTITIES, ROLE_PATTERN

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "LIMITS",
    "Claim",
    "Period",
    "SourceKind",
    "SourceRef",
    "Status",
    "describe_figure",
]

Status = Literal["pending", "accepted", "rejected", "edited"]
Period = Literal["month", "year", "tour", "total", "once", "ambiguous"]
SourceKind = Literal[
    "intelligence",
    "belligerent_government",
    "government",
    "think_tank",
    "defector",
    "anonymous",
    "outlet",
    "state_media",
    "other",
]

_OTHER = re.compile(r"^other:[a-z][a-z0-9_]{0,60}$")
_DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$")

#: Dates and months outside these years are typing mistakes, not sources.
FIRST_YEAR, LAST_YEAR = 1900, 2100
#: Largest figure a claim may give, by kind of quantity (USD, persons, months, fraction):
#: beyond these a figure is a typing or extraction mistake (world output is about 1e14 USD).
LIMITS: dict[str, float] = {"amount": 1e13, "count": 1e8, "duration": 1200.0, "share": 1.0}


def _real_date(v: str, what: str) -> str:
    """``v`` if it names a real day or month in a plausible year, else a ValueError saying why."""
    parts = [int(p) for p in v.split("-")]
    if not FIRST_YEAR <= parts[0] <= LAST_YEAR:
        raise ValueError(f"{what} {v} is not in the years {FIRST_YEAR}-{LAST_YEAR}")
    try:
        _dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"{v} is not a real date (that month has fewer days)") from None
    return v


class SourceRef(BaseModel):
    """The document a claim was read in: outlet, URL, date and content hash."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=200)
    outlet: str = Field(min_length=1, max_length=500)
    url: str = Field(default="", max_length=2000)
    date: str | None = Field(default=None, description="publication date, YYYY-MM-DD or YYYY-MM; None if unknown")
    hash: str = Field(default="", max_length=128, description="sha256 of the clean text")
    description: str = Field(default="", max_length=2000)

    @field_validator("date")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        v = ascii_digits(v) if v is not None else None  # "٢٠٢٥-٠١-٠٢", "２０２５-０１-０２": stored as ASCII ISO
        if v is not None and not _DATE.match(v):
            raise ValueError("must be a date written YYYY-MM-DD or YYYY-MM")
        return None if v is None else _real_date(v, "date")


class Claim(BaseModel):
    """One quantitative statement, with its speaker, relay chain, hedge and source."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:-]+$")
    quantity: str = Field(max_length=70, description="a name from the vocabulary, or other:<subtype>")
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = Field(default="", max_length=40, description="normalised unit, e.g. USD/month")
    period: Period | None = None
    currency: str = Field(default="USD", max_length=8, description="currency as stated")
    stated: str = Field(default="", max_length=500, description="the figure as written")
    window_start: str | None = None
    window_end: str | None = None
    speaker: str = Field(min_length=1, max_length=500)
    organisation: str = Field(default="", max_length=500)
    speaker_kind: SourceKind = "other"
    via: list[str] = Field(default_factory=list, description="relay chain, nearest speaker first")
    hedge: str = Field(default="none", max_length=40)
    source: SourceRef | None = None
    span: tuple[int, int] | None = None
    text: str = Field(default="", max_length=5000, description="sentence or own-words paraphrase")
    status: Status = "pending"
    lineage: str | None = None
    note: str = Field(default="", max_length=2000)
    words: str = Field(default="", max_length=80, description="a figure given in words only, e.g. 'nothing'")
    complement: bool = Field(default=False, description="the words speak of the complement (what reaches soldiers)")
    weight: float | None = Field(default=None, ge=0, description="reliability weight overriding the kind's default")
    spread: float | None = Field(default=None, ge=0, description="relative spread overriding the hedge's default")
    confidence: float | None = Field(
        default=None, ge=0, le=1, description="the extractor's confidence in its reading of a candidate claim"
    )
    role: str | None = Field(
        default=None, pattern=ROLE_PATTERN, description="the soldiers' role, e.g. builders (see ROLES)"
    )

    @field_validator("quantity")
    @classmethod
    def _quantity(cls, v: str) -> str:
        if v in QUANTITIES or _OTHER.match(v):
            return v
        raise ValueError(f"unknown quantity {v[:80]!r}: use one of the vocabulary or other:<snake_case subtype>")

    @field_validator("speaker")
    @classmethod
    def _speaker(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must name who said it, not be blank")
        return v

    @field_validator("window_start", "window_end")
    @classmethod
    def _month(cls, v: str | None) -> str | None:
        v = ascii_digits(v) if v is not None else None
        if v is not None and not MONTH_PATTERN.match(v):
            raise ValueError("must be a month written YYYY-MM")
        return v if v is None else _real_date(v, "month")

    @model_validator(mode="after")
    def _numbers(self) -> Claim:
        figures = {k: x for k, x in (("value", self.value), ("low", self.low), ("high", self.high)) if x is not None}
        if not self.quantity.startswith("other") and not figures:
            raise ValueError("value: a claim needs a value, or a low and/or high bound (see docs/claims.md)")
        for name, x in (*figures.items(), ("weight", self.weight), ("spread", self.spread)):
            if x is not None and not math.isfinite(x):
                raise ValueError(f"{name}: must be a finite number, not {x}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low: low ({self.low:g}) is above high ({self.high:g})")
        kind = QUANTITIES[self.quantity].kind if self.quantity in QUANTITIES else "other"
        limit = LIMITS.get(kind)
        for name, x in figures.items():
            if limit is not None and not 0 <= x <= limit:
                what = "a share" if kind == "share" else f"{kind} ({QUANTITIES[self.quantity].unit})"
                raise ValueError(f"{name}: {x:g} is outside [0, {limit:g}] for {what} of {self.quantity}")
        if kind in ("amount", "duration") and self.value is not None and self.value <= 0:
            raise ValueError(f"value: an {kind} must be positive, not {self.value:g} (give bounds for 'up to')")
        if self.window_start and self.window_end and self.window_start > self.window_end:
            raise ValueError(f"window_start: {self.window_start} is after window_end {self.window_end}")
        if self.span is not None and not 0 <= self.span[0] <= self.span[1]:
            raise ValueError("span: must be (start, end) character offsets with start <= end")
        return self

    @property
    def published(self) -> str | None:
        """The source's publication date, if the claim has a source."""
        return self.source.date if self.source else None

    @property
    def central(self) -> float | None:
        """The stated value, or the middle of the stated bounds (geometric for positives)."""
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            if self.low > 0:
                return math.sqrt(self.low * self.high)
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def describe_value(self) -> str:
        """The figure in words, e.g. ``1,200 to 2,400 USD`` or ``up to 15,000 persons``."""
        return describe_figure(self.value, self.low, self.high, self.unit)
