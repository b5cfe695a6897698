"""The Typer application and its edge: errors, usage errors included, become one line on stderr, exit status 2."""

from __future__ import annotations

import sys

import typer

from troopledger._atomic import atomic_write
from troopledger._cli._usage import click, usage_line
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
    from troopledger._cli import (  # noqa: F401
        _claims,
        _compare,
        _extract,
        _history,
        _reconcile,
        _report,
    )


def _command_path(argv: list[str] | None) -> str:
    """The command the arguments name, e.g. ``troopledger claims add``."""
    command: object = typer.main.get_command(app)
    path = ["troopledger"]
    for token in sys.argv[1:] if argv is None else argv:
        sub = getattr(command, "commands", {}).get(token)
        if sub is None:
            break
        path.append(token)
        command = sub
    return " ".join(path)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every error prints one line and exits with status 2.

    Click runs with ``standalone_mode=False``, so its usage errors (an unknown or
    malformed option, a missing argument) come back here and become one line (see
    ``_usage``), as does everything the package raises on purpose, a
    :class:`TroopledgerError`: both are caught here, at the edge, and nowhere else.
    """
    _register()
    try:
        code = app(args=argv, prog_name="troopledger", standalone_mode=False)
    except click.NoArgsIsHelpError as e:  # a group given no command: its help, as Click shows it
        e.show()
        sys.exit(e.exit_code)
    except click.ClickException as e:
        print(f"troopledger: error: {usage_line(e, _command_path(argv))}", file=sys.stderr)
        sys.exit(2 if isinstance(e, click.UsageError) else e.exit_code)
    except TroopledgerError as e:
        print(f"troopledger: error: {e}", file=sys.stderr)
        sys.exit(2)
    except (KeyboardInterrupt, typer.Abort):
        code = 130
    except BrokenPipeError:
        sys.exit(0)
    if code == 130:
        print("troopledger: interrupted", file=sys.stderr)
    sys.exit(code if isinstance(code, int) else 0)
