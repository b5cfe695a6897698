"""troopledger: follow the money of a state-brokered troop deployment.

What Russia pays for North Korean soldiers, what the state keeps, what reaches
soldiers and families and where the state's share goes, month by month, each
figure with a 90 % interval and traced to who said it.

``troopledger.run(case, draws, seed)`` runs a case once and returns the calibrated
:class:`Result`, the figures ``troopledger report`` prints (``Result.save`` and
``troopledger.load_result`` keep it in a file); ``troopledger.simulate`` returns the
prior's draws as an xarray Dataset with the ``.tl`` accessor. Names load on first use, so the command line starts
without importing numpy's heavier neighbours.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from troopledger._lazy import attach as _attach
from troopledger._version import __version__
from troopledger.errors import (
    CalibrationError,
    CaseError,
    InputError,
    LedgerError,
    ModelError,
    SourceError,
    TroopledgerError,
)

if TYPE_CHECKING:
    from troopledger.analysis import Result, load_result, run
    from troopledger.claims import Claim, SourceRef
    from troopledger.evidence import Case, Prior, bundled_cases, load_case, point, resolve, to
    from troopledger.model import flows, simulate

__all__ = [
    "CalibrationError",
    "Case",
    "CaseError",
    "Claim",
    "InputError",
    "LedgerError",
    "ModelError",
    "Prior",
    "Result",
    "SourceError",
    "SourceRef",
    "TroopledgerError",
    "__version__",
    "bundled_cases",
    "flows",
    "load_case",
    "load_result",
    "point",
    "resolve",
    "run",
    "simulate",
    "to",
]

#: Where each lazily loaded public name lives.
_LAZY = {
    "Claim": "troopledger.claims",
    "SourceRef": "troopledger.claims",
    "Case": "troopledger.evidence",
    "Prior": "troopledger.evidence",
    "bundled_cases": "troopledger.evidence",
    "load_case": "troopledger.evidence",
    "point": "troopledger.evidence",
    "resolve": "troopledger.evidence",
    "to": "troopledger.evidence",
    "flows": "troopledger.model",
    "simulate": "troopledger.model",
    "Result": "troopledger.analysis",
    "run": "troopledger.analysis",
    "load_result": "troopledger.analysis",
}


#: Names whose results are Datasets: loading them registers the ``.tl`` accessor first.
_WITH_ACCESSOR = {"simulate", "run", "Result", "load_result"}
#: Names that return a Result: loading them lets the report show and plot it (notebook views).
_WITH_VIEWS = {"run", "Result", "load_result"}


def _register_accessor(name: str) -> None:
    """Names whose results are Datasets register the ``.tl`` accessor, and Results the report's views, first."""
    if name in _WITH_ACCESSOR:
        importlib.import_module("troopledger.analysis._accessor")
    if name in _WITH_VIEWS:
        importlib.import_module("troopledger.report")


__getattr__, __dir__ = _attach(__name__, _LAZY, __all__, before=_register_accessor)
