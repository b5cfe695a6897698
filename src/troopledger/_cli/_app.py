"""The Typer application and its edge: errors become one line on stderr, exit status 2."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer

from troopledger.errors import InputError, TroopledgerError

__all__ = ["app", "atomic_write", "main"]

app = typer.Typer(
    name="troopledger",
    help="Follow the money of a state-brokered troop deployment, with 90 % intervals and sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: all or nothing."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise InputError(
            str(target), None, f"cannot write there ({e.strerror})", "choose a writable --out path"
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _register() -> None:
    """Import the command modules; each adds its commands to :data:`app`."""
    from troopledger._cli import _claims, _compare, _extract, _report  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; troopledger errors print one line and exit with status 2.

    Typer handles usage errors itself (exit 2 with a short message); everything the
    package raises on purpose is a :class:`TroopledgerError` and is caught here, at
    the edge, and nowhere else.
    """
    _register()
    try:
        app(args=argv, prog_name="troopledger")
    except TroopledgerError as e:
        print(f"troopledger: error: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("troopledger: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
