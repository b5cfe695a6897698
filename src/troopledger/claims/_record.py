"""The claim record (DESIGN §4): one quantitative statement and who made it.

A :class:`Claim` is validated at construction. Values are stored normalised (USD,
persons, months or fractions, with the period stated separately); what the text
literally said is kept in ``stated``.
"""

from __future__ import annotations

import math
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from troopledger.claims._months import MONTH_PATTERN
from troopledger.claims._vocabulary import QUANTITIES

__all__ = ["Claim", "Period", "SourceKind", "SourceRef", "Status"]

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
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


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
        if v is not None and not _DATE.match(v):
            raise ValueError("must be a date written YYYY-MM-DD or YYYY-MM")
        return v


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

    @field_validator("quantity")
    @classmethod
    def _quantity(cls, v: str) -> str:
        if v in QUANTITIES or _OTHER.match(v):
            return v
        raise ValueError(f"unknown quantity {v[:80]!r}: use one of the vocabulary or other:<snake_case subtype>")

    @field_validator("window_start", "window_end")
    @classmethod
    def _month(cls, v: str | None) -> str | None:
        if v is not None and not MONTH_PATTERN.match(v):
            raise ValueError("must be a month written YYYY-MM")
        return v

    @model_validator(mode="after")
    def _numbers(self) -> Claim:
        nums = [x for x in (self.value, self.low, self.high) if x is not None]
        if not self.quantity.startswith("other") and not nums:
            raise ValueError("a claim needs a value, or a low and/or high bound (words only: see docs/claims.md)")
        if any(not math.isfinite(x) for x in nums):
            raise ValueError("value, low and high must be finite numbers")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        if self.span is not None and not 0 <= self.span[0] <= self.span[1]:
            raise ValueError("span must be (start, end) character offsets with start <= end")
        return self

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
        unit = f" {self.unit}" if self.unit else ""
        if self.value is not None:
            return f"{self.value:,.6g}{unit}"
        if self.low is not None and self.high is not None:
            return f"{self.low:,.6g} to {self.high:,.6g}{unit}"
        if self.low is not None:
            return f"at least {self.low:,.6g}{unit}"
        return f"up to {self.high:,.6g}{unit}"
