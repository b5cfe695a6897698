"""Usage errors on every command: one line naming the command, the option and the fix; exit 2; help stays."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from fuzzing import cli
from troopledger._cli import app
from troopledger._cli._app import _register

_register()


def _commands(command: Any = None, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    command = command or typer.main.get_command(app)
    subs = getattr(command, "commands", {})
    if not subs:
        return [(path, command)]
    return [leaf for name, sub in sorted(subs.items()) for leaf in _commands(sub, (*path, name))]


COMMANDS = _commands()
NUMERIC = [
    (path, max(p.opts, key=len))
    for path, command in COMMANDS
    for p in command.params
    if p.param_type_name == "option" and str(p.bare_type()) in ("int", "float") and not p.is_flag
]


def one_line(err: str, *names: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("troopledger: error: "), line
    assert "; fix: " in line, line
    assert "Traceback" not in err
    for name in names:
        assert name in line, (name, line)
    return line


def test_every_command_is_found() -> None:
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"report", "extract", "claims list", "claims add", "claims import", "history", "compare"} <= names
    assert NUMERIC, "no numeric option found to test"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_unknown_option_is_one_line_naming_it(path: tuple[str, ...], command: Any) -> None:
    o = cli([*path, "--drawz", "5"])
    assert o.code == 2
    assert o.out == ""
    one_line(o.err, f"troopledger {' '.join(path)}:", "--drawz", "no such option")


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_is_still_help(path: tuple[str, ...], command: Any) -> None:
    o = cli([*path, "--help"])
    assert o.code == 0
    assert o.out.startswith(f"Usage: troopledger {' '.join(path)}")
    assert o.err == ""


@pytest.mark.parametrize(("path", "option"), NUMERIC, ids=[f"{' '.join(p)} {o}" for p, o in NUMERIC])
def test_malformed_number_is_one_line(path: tuple[str, ...], option: str) -> None:
    o = cli([*path, option, "abc"])
    assert o.code == 2
    one_line(o.err, option, "abc" if "abc" in o.err else option)


VALUED = [
    (path, max(valued[0].opts, key=len))
    for path, command in COMMANDS
    if (valued := [p for p in command.params if p.param_type_name == "option" and not p.is_flag and p.opts])
]


def test_most_commands_have_an_option_that_takes_a_value() -> None:
    assert len(VALUED) >= len(COMMANDS) - 2


@pytest.mark.parametrize(("path", "option"), VALUED, ids=[" ".join(p) for p, _ in VALUED])
def test_option_without_its_value_is_one_line(path: tuple[str, ...], option: str) -> None:
    o = cli([*path, option])
    assert o.code == 2
    one_line(o.err, option, f"give {option} a value")


def test_missing_required_option_or_argument_names_it() -> None:
    o = cli(["claims", "add", "--quantity", "pay_per_soldier_month"])
    assert o.code == 2
    assert one_line(o.err, "troopledger claims add:", "--speaker").endswith("(see 'troopledger claims add --help')")
    o = cli(["claims", "show"])
    assert o.code == 2
    one_line(o.err, "CLAIM_ID", "missing argument")


def test_share_abc_and_unknown_command_and_extra_arguments() -> None:
    line = one_line(cli(["claims", "add", "--share", "abc"]).err, "--share", "no such option")
    assert "claims add --help" in line
    one_line(cli(["nosuch"]).err, "no such command 'nosuch'")
    one_line(cli(["claims", "list", "extra"]).err, "unexpected extra argument")
    one_line(cli(["report", "--format", "pdf"]).err, "--format", "'pdf'")
    o = cli(["report", "--drawz", "5"])
    assert "did you mean --draws" in o.err


def test_a_group_without_a_command_shows_its_help() -> None:
    o = cli(["claims"])
    assert o.code == 2
    assert "Usage: troopledger claims" in o.err
    assert "Commands" in o.err
