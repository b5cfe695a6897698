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

__all__ = ["explain_validation"]

# a check across fields (pydantic gives it no location) names its field first: "low: low (3) is above high (2)"
_FIELD_FIRST = re.compile(r"^(?P<field>[a-z_.]+): (?P<msg>.*)$", re.S)


def explain_validation(e: ValidationError, docs: str) -> tuple[str | None, str, str]:
    """The first error of ``e`` as (dotted field or None, problem, fix); ``docs`` names the page to read."""
    err = e.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-after"))
    kind = err["type"]
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
    if fix is None and ("float" in kind or "int" in kind):
        fix = "write a plain number, without quotes or units"
    if fix is None:
        fix = f"correct the value as the message says (see {docs})"
    return loc or None, msg, fix
