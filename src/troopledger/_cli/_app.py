"""The Typer application and its edge: errors, usage errors included, become one line on stderr, exit status 2."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import NoReturn

import typer

from troopledger._atomic import atomic_write
from troopledger._cli._usage import click, usage_line
from troopledger._paths import tracking_inputs
from troopledger.errors import TroopledgerError

__all__ = ["app", "atomic_write", "deliver", "main"]

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


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _stream_error(e: OSError | UnicodeEncodeError) -> NoReturn:
    """End the run on a standard output that cannot take what is written: one line, or silence for a closed pipe."""
    if isinstance(e, BrokenPipeError):  # `troopledger ... | head -1`: the reader has what it wanted
        _quiet_stdout()
        sys.exit(0)
    if isinstance(e, UnicodeEncodeError):
        encoding = getattr(sys.stdout, "encoding", None) or e.encoding
        line = (
            f"standard output's encoding ({encoding}) cannot show {e.object[e.start : e.end]!r}; "
            "fix: set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or write to a file with --out"
        )
    else:
        line = (
            f"cannot write to standard output ({e.strerror or e}); "
            "fix: free some space or write to a file with --out (or redirect elsewhere)"
        )
    _quiet_stdout()
    print(f"troopledger: error: {line}", file=sys.stderr)
    sys.exit(2)


def _is_stdout_error(e: OSError) -> bool:
    """Whether ``e`` came from writing standard output (a full disk, a closed pipe, an I/O error)."""
    return isinstance(e, BrokenPipeError) or e.errno in (errno.ENOSPC, errno.EIO, errno.EPIPE, errno.EFBIG)


def _closed_pipe_exit(e: SystemExit) -> bool:
    """Whether ``e`` is the silent ``SystemExit(1)`` Rich or Click raise on a closed pipe (``cases | head -c 0``)."""
    cause = e.__context__
    return e.code == 1 and isinstance(cause, OSError) and cause.errno == errno.EPIPE


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every error prints one line and exits with status 2.

    Click runs with ``standalone_mode=False``, so its usage errors (an unknown or
    malformed option, a missing argument) come back here and become one line (see
    ``_usage``), as does everything the package raises on purpose, a
    :class:`TroopledgerError`: both are caught here, at the edge, and nowhere else.
    Standard output is an edge too: a closed pipe ends the run silently (as Unix
    tools do), a full disk or an encoding that cannot show the text is one line.
    Inside a run, every file read is remembered, so no output replaces an input.
    """
    _register()
    with contextlib.suppress(AttributeError, ValueError):  # our error lines always reach the terminal
        sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        with tracking_inputs():
            code = app(args=argv, prog_name="troopledger", standalone_mode=False)
        sys.stdout.flush()
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
    except SystemExit as e:  # Rich and Click end a write into a closed pipe with exit status 1 and no word
        if _closed_pipe_exit(e):
            _stream_error(BrokenPipeError(errno.EPIPE, "Broken pipe"))
        raise
    except UnicodeEncodeError as e:
        _stream_error(e)
    except OSError as e:
        if not _is_stdout_error(e):
            raise
        _stream_error(e)
    if code == 130:
        print("troopledger: interrupted", file=sys.stderr)
    sys.exit(code if isinstance(code, int) else 0)


def deliver(text: str, out: str | None) -> None:
    """Write ``text`` to ``out`` all or nothing and say so on stderr, or to stdout when there is no ``out``."""
    if out:
        atomic_write(out, text)
        typer.echo(f"wrote {out}", err=True)
    else:
        sys.stdout.write(text)
