"""One translator from pydantic's validation errors to the one-line ``field: problem; fix`` form.

Case files, claims files and the ledger validate their input with pydantic; every
``ValidationError`` they catch becomes the ``(field, problem, fix)`` triple of a
:class:`~troopledger.errors.InputError` here, so the same mistake reads the same way
wherever it is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

__all__ = ["explain_validation"]


def explain_validation(e: ValidationError, docs: str) -> tuple[str | None, str, str]:
    """The first error of ``e`` as (dotted field or None, problem, fix); ``docs`` names the page to read."""
    err = e.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-after"))
    kind = err["type"]
    msg = err["msg"].removeprefix("Value error, ")
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
