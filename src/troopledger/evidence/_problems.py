"""The one validation-error translator: what is wrong with a case file, as one line with a fix.

Checks inside the schema raise :class:`CaseFieldError` (a ``ValueError`` pydantic
collects) carrying the field, relative to where the check runs, and the fix;
:func:`case_error` turns pydantic's first error, whether one of these or one of its
own, into a :class:`~troopledger.errors.CaseError` that names the file, the full
field, the problem and the fix. Every stage that validates case input goes through it.
"""

from __future__ import annotations

from pydantic import ValidationError

from troopledger.errors import CaseError

__all__ = ["GENERIC_FIX", "CaseFieldError", "case_error"]

#: The fix offered when a check gives none of its own.
GENERIC_FIX = "correct the value as the message says (see docs/case-files.md)"

_PYDANTIC_FIXES = {
    "missing": "add this field (see docs/case-files.md)",
    "extra_forbidden": "remove it or correct its spelling (see docs/case-files.md)",
    "literal_error": "use one of the values the message lists",
    "string_pattern_mismatch": "use only letters, digits, '-', '_' and '.'",
    "string_too_long": "shorten it",
    "string_too_short": "give a value (it may not be empty)",
    "string_type": "write it as a quoted string",
    "bool_type": "write true or false",
    "list_type": "write a list in square brackets, e.g. [1, 2]",
    "tuple_type": "write a list in square brackets, e.g. [1, 2]",
    "dict_type": "write a table, e.g. { key = 1 }",
    "model_type": "write a table (see docs/case-files.md)",
    "model_attributes_type": "write a table (see docs/case-files.md)",
    "too_short": "give as many items as the message says",
    "too_long": "give as many items as the message says",
    "finite_number": "write a finite number (not inf or nan)",
}


class CaseFieldError(ValueError):
    """A problem found by a check inside the schema: the field it concerns (relative) and its fix."""

    def __init__(self, field: str, problem: str, fix: str = GENERIC_FIX) -> None:
        self.field = field
        self.problem = problem
        self.fix = fix
        super().__init__(problem)


def _join(*parts: str) -> str:
    return ".".join(p for p in parts if p)


def case_error(origin: str, e: ValidationError) -> CaseError:
    """Turn the first pydantic error into a one-line CaseError naming file, field, problem and fix."""
    err = e.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-after"))
    kind = err["type"]
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, CaseFieldError):
        return CaseError(origin, _join(loc, cause.field) or "case", cause.problem, cause.fix)
    msg = err["msg"].removeprefix("Value error, ")
    fix = _PYDANTIC_FIXES.get(kind)
    if fix is None and ("float" in kind or "int" in kind):
        fix = "write a plain number, without quotes or units"
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing") and isinstance(err.get("input"), bool):
        msg = f"{msg}, not true/false"
    return CaseError(origin, loc or "case", msg, fix or GENERIC_FIX)
