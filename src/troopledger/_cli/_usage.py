"""Usage errors as one line: an unknown, malformed or missing option names itself and the fix.

Click (under Typer) reports a bad command line with a usage box of several lines.
The CLI runs it with ``standalone_mode=False`` so the error comes back here, once
for every command, and becomes one line like every other troopledger error:
``troopledger report: --drawz: no such option; fix: did you mean --draws?``.
Help (``--help``, or a group given no command) is printed as Click prints it.
:data:`click` is Click's exception module (Typer's own copy, where it has one).
"""

from __future__ import annotations

from typing import Any

try:  # Typer 0.2x carries its own copy of Click; older releases use Click itself
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - depends on the installed Typer
    import click.exceptions as click  # type: ignore[no-redef]

__all__ = ["click", "usage_line"]


def _is_option(param: Any) -> bool:
    return param is not None and getattr(param, "param_type_name", "") == "option"


def _name(param: Any) -> str:
    if param is None:
        return ""
    if _is_option(param) and param.opts:
        return str(max(param.opts, key=len))
    return str(getattr(param, "metavar", None) or param.name or "").upper()


def _problem(e: click.ClickException) -> str:
    text = " ".join(e.format_message().split()).rstrip(".")
    if text.startswith("Invalid value for") and ": " in text:
        text = text.split(": ", 1)[1]
    text = text.removeprefix("Value error, ")  # pydantic's wording of a validator's message
    return text[:1].lower() + text[1:]


def usage_line(e: click.ClickException, command: str) -> str:
    """The one-line message (without the ``troopledger: error:`` prefix) for a Click usage error.

    ``command`` is the command path the arguments name (e.g. ``troopledger claims add``), for
    errors Click raises before it knows the command.
    """
    ctx = getattr(e, "ctx", None)
    path = ctx.command_path if ctx is not None else command
    helps = f"see '{path} --help'"
    if isinstance(e, click.NoSuchOption):
        near = sorted(e.possibilities or [])
        fix = f"did you mean {' or '.join(near[:3])}? ({helps})" if near else f"remove it; {helps} for the options"
        return f"{path}: {e.option_name}: no such option; fix: {fix}"
    if isinstance(e, click.BadOptionUsage):
        return f"{path}: {e.option_name}: {_problem(e)}; fix: give {e.option_name} a value ({helps})"
    if isinstance(e, click.MissingParameter):
        name = _name(e.param) or "an argument"
        what = "option" if _is_option(e.param) else "argument"
        return f"{path}: {name}: missing {what}; fix: give {name} ({helps})"
    if isinstance(e, click.BadParameter):
        name = _name(e.param) or (e.param_hint if isinstance(e.param_hint, str) else "")
        where = f"{name}: " if name else ""
        return f"{path}: {where}{_problem(e)}; fix: give {name or 'it'} a value as the help says ({helps})"
    if isinstance(e, click.UsageError):
        return f"{path}: {_problem(e)}; fix: {helps}"
    return f"{_problem(e)}; fix: check the command line ({helps})"
