"""troopledger: follow the money of a state-brokered troop deployment.

What Russia pays for North Korean soldiers, what the state keeps, what reaches
soldiers and families and where the state's share goes, month by month, each
figure with a 90 % interval and traced to who said it.
"""

from troopledger._version import __version__
from troopledger.claims import Claim, SourceRef
from troopledger.errors import (
    CalibrationError,
    CaseError,
    InputError,
    LedgerError,
    ModelError,
    SourceError,
    TroopledgerError,
)
from troopledger.evidence import Case, bundled_cases, load_case, point, to
from troopledger.model import flows, simulate

__all__ = [
    "CalibrationError",
    "Case",
    "CaseError",
    "Claim",
    "InputError",
    "LedgerError",
    "ModelError",
    "SourceError",
    "SourceRef",
    "TroopledgerError",
    "__version__",
    "bundled_cases",
    "flows",
    "load_case",
    "point",
    "simulate",
    "to",
]
