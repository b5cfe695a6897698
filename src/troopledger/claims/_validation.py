"""One translator from pydantic's validation errors to the one-line ``field: problem; fix`` form.

Case files, claims files and the ledger validate their input with pydantic; every
``ValidationError`` they catch becomes the ``(field, problem, fix)`` triple of a
:class:`~troopledger.errors.InputError` here, so the same mistake reads the same way
wherever it is made.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

__all__ = ["FieldError", "explain_validation"]


class FieldError(ValueError):
    """A check inside a model that knows its field (relative to where it runs) and the fix.

    Raised from a pydantic validator, it reaches :func:`explain_validation` whole:
    the field is appended to pydantic's location and the fix replaces the generic one.
    """

    def __init__(self, field: str, problem: str, fix: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.fix = fix
        super().__init__(problem)


_TYPE_FIXES = {
    "bool_type": "write true or false",
    "bool_parsing": "write true or false",
    "string_type": "write it as a quoted string",
    "list_type": "write a list in square brackets, e.g. [1, 2]",
    "tuple_type": "write a list in square brackets, e.g. [1, 2]",
    "dict_type": "write a table, e.g. { key = 1 }",
    "model_type": "write a table",
    "model_attributes_type": "write a table",
    "too_short": "give as many items as the message says",
    "too_long": "give as many items as the message says",
    "string_too_long": "shorten it",
    "string_too_short": "give a value (it may not be empty)",
    "finite_number": "write a finite number (not inf or nan)",
}

# a check across fields (pydantic gives it no location) names its field first: "low: low (3) is above high (2)"
_FIELD_FIRST = re.compile(r"^(?P<field>[a-z_.]+): (?P<msg>.*)$", re.S)


def explain_validation(e: ValidationError, docs: str) -> tuple[str | None, str, str]:
    """The first error of ``e`` as (dotted field or None, problem, fix); ``docs`` names the page to read."""
    err = e.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-after"))
    kind = err["type"]
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, FieldError):
        field = ".".join(p for p in (loc, cause.field) if p)
        return field or None, cause.problem, cause.fix or f"correct the value as the message says (see {docs})"
    msg = " ".join(str(err["msg"]).removeprefix("Value error, ").split())
    named = _FIELD_FIRST.match(msg)
    if not loc and named:
        loc, msg = named.group("field"), named.group("msg")
    fix = {
        "missing": f"add this field (see {docs})",
        "extra_forbidden": f"remove it or correct its spelling (see {docs})",
        "literal_error": "use one of the values the message lists",
        "string_pattern_mismatch": "use only letters, digits, '-', '_' and '.'",
    }.get(kind)
    fix = fix or _TYPE_FIXES.get(kind)
    if fix is None and ("float" in kind or "int" in kind):
        fix = "write a plain number, without quotes or units"
    if ("float" in kind or "int" in kind) and isinstance(err.get("input"), bool):
        msg = f"{msg}, not true or false"
    if fix is None:
        fix = f"correct the value as the message says (see {docs})"
    return loc or None, msg, fix
