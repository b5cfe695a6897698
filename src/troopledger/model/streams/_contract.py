"""The one contract every stream of value keeps: its inputs, the claims that observe it, its outputs.

A stream is a plain, pure, vectorised function ``flows(draws, months)`` (in the
spirit of the EMA Workbench: a model is a function, and its uncertainties and
outcomes are declared beside it). ``draws`` maps each input's name to a ``(n,)``
array; ``months`` is the ledger's calendar (``YYYY-MM`` strings). It returns
``(n, len(months))`` arrays for every output it declares. No sampling, no I/O.

Every money output names the shared account it feeds (:data:`ACCOUNTS`); the
ledger adds them up across streams. Within a stream the accounts partition the
value three ways, and each partition must add back to ``value_to_north_korea``:

* who ends up with it: ``kept_by_state`` + ``reaching_people``;
* whether Russia has paid it: ``paid_by_russia`` + ``owed_unpaid``;
* whether a public source confirms receipt: ``confirmed_received`` + ``unconfirmed``;

``in_kind`` is the part of ``paid_by_russia`` settled in goods and services.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from troopledger.errors import ModelError
from troopledger.evidence import Distribution

__all__ = [
    "ACCOUNTS",
    "ACCOUNT_LABELS",
    "PARTITIONS",
    "Account",
    "Flows",
    "Param",
    "Stream",
    "StreamOutput",
    "account_declarations",
    "account_outputs",
    "month_offset",
    "output_registry",
    "split",
    "spread_over",
]

Array = NDArray[np.float64]
Account = Literal[
    "value_to_north_korea",
    "paid_by_russia",
    "owed_unpaid",
    "kept_by_state",
    "reaching_people",
    "in_kind",
    "confirmed_received",
    "unconfirmed",
]
#: The shared accounts, summed across streams by the ledger.
ACCOUNTS: tuple[Account, ...] = (
    "value_to_north_korea",
    "paid_by_russia",
    "owed_unpaid",
    "kept_by_state",
    "reaching_people",
    "in_kind",
    "confirmed_received",
    "unconfirmed",
)
ACCOUNT_LABELS: dict[str, str] = {
    "value_to_north_korea": "Value to North Korea (accrued)",
    "paid_by_russia": "Paid or delivered by Russia",
    "owed_unpaid": "Accrued but not yet paid (credit)",
    "kept_by_state": "Kept by the North Korean state",
    "reaching_people": "Reaching soldiers, workers and families",
    "in_kind": "Paid in kind (goods, fuel, technology)",
    "confirmed_received": "Confirmed as received by a public source",
    "unconfirmed": "Not confirmed as received",
}
#: The three ways each stream's value is split; each pair adds back to the value.
PARTITIONS: tuple[tuple[Account, Account], ...] = (
    ("kept_by_state", "reaching_people"),
    ("paid_by_russia", "owed_unpaid"),
    ("confirmed_received", "unconfirmed"),
)

Flows = Callable[[Mapping[str, Array], Sequence[str]], dict[str, Array]]


@dataclass(frozen=True)
class Param:
    """One uncertain input (a slot): name, unit, meaning, its default prior, and whether streams share it.

    A shared input is drawn once per draw for the whole ledger under its bare name;
    a stream's own input is drawn under ``<stream>.<name>``.
    """

    name: str
    unit: str
    meaning: str
    default: Distribution
    shared: bool = False
    kind: Literal["amount", "share", "count"] = "amount"


@dataclass(frozen=True)
class StreamOutput:
    """One output: name, unit, a label for readers, and the shared account it feeds (or None)."""

    name: str
    unit: str
    label: str
    account: Account | None = None
    money: bool = True


@dataclass(frozen=True)
class Stream:
    """A stream of value: its inputs, the claim quantities that observe it, its outputs and its flows."""

    name: str
    label: str
    params: tuple[Param, ...]
    observed_by: tuple[str, ...]
    outputs: tuple[StreamOutput, ...]
    flows: Flows
    notes: str = ""
    sampler: Callable[[int, int, int], dict[str, Array]] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        names = [o.name for o in self.outputs]
        if len(set(names)) != len(names):
            raise ModelError(f"stream {self.name}: output names repeat")
        fed = {o.account for o in self.outputs if o.account is not None}
        missing = set(ACCOUNTS) - fed
        if missing:
            raise ModelError(f"stream {self.name}: no output feeds {', '.join(sorted(missing))}")

    def output(self, account: Account) -> str:
        """The name of the output that feeds ``account``."""
        return next(o.name for o in self.outputs if o.account == account)

    def run(self, draws: Mapping[str, Array], months: Sequence[str]) -> dict[str, Array]:
        """Run the flows and check every declared output came back shaped ``(n, months)``."""
        out = self.flows(draws, months)
        n = next(iter(draws.values())).shape[0] if draws else 0
        for o in self.outputs:
            a = out.get(o.name)
            if a is None or a.shape != (n, len(months)):
                raise ModelError(f"stream {self.name}: output {o.name} missing or not shaped ({n}, {len(months)})")
        return out


def output_registry(streams: Sequence[Stream]) -> dict[str, tuple[str, StreamOutput]]:
    """Every output of ``streams`` by name, with the stream that declares it: one vocabulary, no name twice."""
    out: dict[str, tuple[str, StreamOutput]] = {}
    for s in streams:
        for o in s.outputs:
            if o.name in out:
                raise ModelError(f"output {o.name} is declared by both {out[o.name][0]} and {s.name}")
            out[o.name] = (s.name, o)
    return out


def month_offset(months: Sequence[str], month: str) -> int:
    """Index of ``month`` (``YYYY-MM``) in the calendar ``months``, counted from its first month (may be < 0)."""
    y0, m0 = (int(p) for p in months[0].split("-"))
    y, m = (int(p) for p in month.split("-"))
    return (y - y0) * 12 + (m - m0)


def spread_over(months: Sequence[str], first: str, last: str) -> Array:
    """A ``(months,)`` weight vector spreading one unit evenly over ``first``..``last`` (the part in the calendar)."""
    a, b = month_offset(months, first), month_offset(months, last)
    w = np.zeros(len(months))
    if b < a:
        raise ModelError(f"{first}..{last} is an empty span")
    span = b - a + 1
    lo, hi = max(a, 0), min(b, len(months) - 1)
    if lo <= hi:
        w[lo : hi + 1] = 1.0 / span
    return w


def split(value: Array, share: Array) -> tuple[Array, Array]:
    """``value`` cut into ``share`` of it and the rest, so the two add back exactly."""
    part = value * share
    return part, value - part


def account_outputs(
    prefix: str, value: Array, kept: Array, paid: Array, in_kind: Array, confirmed: Array
) -> dict[str, Array]:
    """The eight accounts of a stream from its value and the parts kept, paid, in kind and confirmed.

    The complements (``reaching_people``, ``owed_unpaid``, ``unconfirmed``) are computed
    as differences, so each partition adds back to the value exactly.
    """
    return {
        f"{prefix}_value": value,
        f"{prefix}_paid": paid,
        f"{prefix}_owed_unpaid": value - paid,
        f"{prefix}_kept_by_state": kept,
        f"{prefix}_reaching_people": value - kept,
        f"{prefix}_in_kind": in_kind,
        f"{prefix}_confirmed": confirmed,
        f"{prefix}_unconfirmed": value - confirmed,
    }


def account_declarations(prefix: str, what: str) -> tuple[StreamOutput, ...]:
    """The eight account outputs of :func:`account_outputs`, declared with units, labels and accounts."""
    return (
        StreamOutput(f"{prefix}_value", "USD/month", f"{what}: value accrued", "value_to_north_korea"),
        StreamOutput(f"{prefix}_paid", "USD/month", f"{what}: paid or delivered", "paid_by_russia"),
        StreamOutput(f"{prefix}_owed_unpaid", "USD/month", f"{what}: accrued, not paid", "owed_unpaid"),
        StreamOutput(f"{prefix}_kept_by_state", "USD/month", f"{what}: kept by the state", "kept_by_state"),
        StreamOutput(f"{prefix}_reaching_people", "USD/month", f"{what}: reaching people", "reaching_people"),
        StreamOutput(f"{prefix}_in_kind", "USD/month", f"{what}: paid in kind", "in_kind"),
        StreamOutput(f"{prefix}_confirmed", "USD/month", f"{what}: confirmed received", "confirmed_received"),
        StreamOutput(f"{prefix}_unconfirmed", "USD/month", f"{what}: not confirmed", "unconfirmed"),
    )
