"""The one exception tree of troopledger.

Every error the package raises on purpose derives from :class:`TroopledgerError`.
The command line turns these (and only these) into a one-line message and exit
status 2; anything else is a bug and keeps its traceback.

::

    TroopledgerError
    ├── InputError            bad user input: names the file, the field and the fix
    │   ├── CaseError         a case file (TOML) that does not validate
    │   ├── LedgerError       a claims ledger or claims file that cannot be used
    │   └── SourceError       an article or saved page that cannot be read
    ├── ModelError            parameter arrays the model cannot use
    └── CalibrationError      observations the calibration cannot use
"""

from __future__ import annotations

__all__ = [
    "CalibrationError",
    "CaseError",
    "InputError",
    "LedgerError",
    "ModelError",
    "SourceError",
    "TroopledgerError",
]


class TroopledgerError(Exception):
    """Base class of every error troopledger raises deliberately."""


class InputError(TroopledgerError):
    """User input that cannot be used; the message names file, field, problem and fix.

    The message is always a single line, so the CLI can print it as it is.
    """

    def __init__(self, file: str | None, field: str | None, problem: str, fix: str) -> None:
        self.file = file
        self.field = field
        self.problem = _one_line(problem)
        self.fix = _one_line(fix)
        where = ", ".join(p for p in (file, f"field '{field}'" if field else None) if p)
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}{self.problem}; fix: {self.fix}")


class CaseError(InputError):
    """A case file that is missing, unreadable or does not validate."""


class LedgerError(InputError):
    """A claims ledger, claims file or claim record that cannot be used."""


class SourceError(InputError):
    """An article or saved web page that cannot be read."""


class ModelError(TroopledgerError):
    """Parameter arrays that the model cannot work with (wrong shape, out of range)."""


class CalibrationError(TroopledgerError):
    """Observations or weights that calibration cannot work with."""


def _one_line(text: str) -> str:
    """Fold whitespace so an error message never spans lines."""
    return " ".join(str(text).split())
