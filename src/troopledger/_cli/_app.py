"""The Typer application and its edge: errors become one line on stderr, exit status 2."""

from __future__ import annotations

import sys

import typer

from troopledger._atomic import atomic_write
from troopledger.errors import TroopledgerError

__all__ = ["app", "atomic_write", "main"]

app = typer.Typer(
    name="troopledger",
    help="Follow the money of a state-brokered troop deployment, with 90 % intervals and sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _register() -> None:
    """Import the command modules; each adds its commands to :data:`app`."""
    from troopledger._cli import _claims, _compare, _extract, _history, _report  # noqa: F401


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
