"""Names a package loads on first use (PEP 562), so importing it stays light.

Each package that defers its public names (``troopledger``, ``claims``, ``evidence``)
declares one table from name to module and takes its ``__getattr__`` and ``__dir__``
from :func:`attach`, in the spirit of scientific Python's ``lazy_loader``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["attach"]


def attach(
    package: str,
    table: Mapping[str, str],
    public: Sequence[str],
    *,
    before: Callable[[str], None] | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, loading each name in ``table`` from its module once.

    ``before(name)``, when given, runs before a name is first loaded (e.g. to register an accessor).
    """

    def getattr_(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        if before is not None:
            before(name)
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def dir_() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(public))

    return getattr_, dir_
