"""Streams of value between North Korea and Russia, one module each, and the ledger that sums them.

Adding a stream is one module that builds a :class:`Stream` and one line in
:data:`STREAMS` (or a call to :func:`register`). The soldier stream is built from a
soldier case's prior (:func:`soldier_stream`), so it is not in the registry.
"""

from troopledger.model.streams._contract import (
    ACCOUNT_LABELS,
    ACCOUNTS,
    PARTITIONS,
    Account,
    Flows,
    Param,
    Stream,
    StreamOutput,
    account_declarations,
    account_outputs,
    month_offset,
    output_registry,
    split,
    spread_over,
)
from troopledger.model.streams._ledger import CONSERVATION_TOLERANCE, Ledger, LedgerDraws, Probe
from troopledger.model.streams._rates import FX_ACCURACY, fx_key, fx_param, fx_params, in_usd
from troopledger.model.streams.goods import GOODS, UN_OIL_CAP_BARRELS
from troopledger.model.streams.munitions import MUNITIONS
from troopledger.model.streams.soldiers import SOLDIER_MODEL_OUTPUTS, soldier_stream
from troopledger.model.streams.workers import WORKERS

__all__ = [
    "ACCOUNTS",
    "ACCOUNT_LABELS",
    "CONSERVATION_TOLERANCE",
    "FX_ACCURACY",
    "PARTITIONS",
    "SOLDIER_MODEL_OUTPUTS",
    "STREAMS",
    "UN_OIL_CAP_BARRELS",
    "Account",
    "Flows",
    "Ledger",
    "LedgerDraws",
    "Param",
    "Probe",
    "Stream",
    "StreamOutput",
    "account_declarations",
    "account_outputs",
    "fx_key",
    "fx_param",
    "fx_params",
    "in_usd",
    "month_offset",
    "output_registry",
    "register",
    "soldier_stream",
    "split",
    "spread_over",
]

#: The registered streams besides the soldiers, by name.
STREAMS: dict[str, Stream] = {s.name: s for s in (WORKERS, MUNITIONS, GOODS)}


def register(stream: Stream) -> Stream:
    """Add ``stream`` to :data:`STREAMS` (its name must be new) and return it."""
    if stream.name in STREAMS or stream.name == "soldiers":
        raise ValueError(f"a stream named {stream.name!r} is already registered")
    STREAMS[stream.name] = stream
    return stream
