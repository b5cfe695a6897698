"""Claims: quantitative statements with who said them, their vocabulary and records."""

from troopledger.claims._record import Claim, Period, SourceKind, SourceRef, Status
from troopledger.claims._vocabulary import QUANTITIES, Quantity, QuantityInfo, quantity_info

__all__ = [
    "QUANTITIES",
    "Claim",
    "Period",
    "Quantity",
    "QuantityInfo",
    "SourceKind",
    "SourceRef",
    "Status",
    "quantity_info",
]
